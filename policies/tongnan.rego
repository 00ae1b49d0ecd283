# 重庆市潼南区巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略实施方案
# 潼医保发〔2021〕26号 (seed 004_f690b201d8b6c3a6.txt)
#
# Clause ids follow the document: its items (一)…(十五) are numbered straight
# through its parts 二 to 五, so 二(一) is the subsidy item and 三(六) the
# critical-illness item. Numbers the document fixes are written here; numbers
# it leaves to Chongqing municipality (basic insurance terms, the critical
# bands and cap, the assistance limit, the monitoring standard) come from
# policies/params/tongnan.yaml, each with its source.
package regions.tongnan

# METADATA
# scope: document
# title: 文件：文号、发文机关、施行日期、适用年度
# description: 由外部查询的决定 data.regions.tongnan.document（polc 与 OPA 客户端）
# entrypoint: true
document := {
	"title": "重庆市潼南区巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略实施方案",
	"area": "重庆市潼南区",
	"number": "潼医保发〔2021〕26号",
	"issuer": "重庆市潼南区医疗保障局、民政局、财政局、卫生健康委员会、乡村振兴局，国家税务总局重庆市潼南区税务局",
	"issued": "2021-12-21",
	# 六: 从2022年1月1日起统一执行; 一: 过渡期 2021年1月1日至2025年12月31日止.
	"in_force_from": "2022-01-01",
	"in_force_to": "2025-12-31",
	"supersedes": "以往相关政策规定与本方案不一致的，以本方案为准（六）",
	"years": [2022, 2023, 2024, 2025],
	"seed": "004_f690b201d8b6c3a6.txt",
	"clauses": [
		"一", "二(一)", "二(二)", "二(三)",
		"三(四)", "三(五)", "三(六)", "三(七)", "三(八)",
		"四(九)", "四(十)", "四(十一)", "四(十二)",
		"五(十三)", "五(十四)", "五(十五)", "六",
	],
}

# The 7 low-income categories of 二(一), in the document's order.
low_income := [
	"extreme_poverty", "dibao", "dibao_edge", "returned_to_poverty",
	"unstable_out_of_poverty", "edge_vulnerable", "sudden_hardship",
]

is_low_income if {
	some c in low_income
	c in input.person.categories
}

# 二(一) subsidises the 70% group at a share of the tier-1 contribution.
seventy_percent_group := {
	"returned_to_poverty", "unstable_out_of_poverty", "edge_vulnerable",
	"sudden_hardship", "dibao_edge",
}

assistance_fund := [{"funder": "medical_assistance_fund", "share": 1}]

# ---------------------------------------------------------------------------
# 二(一) 资助参保. Identity is taken at payment time and the highest standard
# wins (按参保缴费时就高身份确定); the engine picks the highest of the rules
# that match.

# METADATA
# scope: document
# title: 资助参保：各类人员的资助规则
# description: 由外部查询的决定 data.regions.tongnan.subsidy（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 特困人员参加一档，按一档个人缴费标准的100%全额资助
# custom:
#   clause: 二(一)
#   quote:
#     - 上述人员参加城乡居民医保一档的，对特困人员，按照一档个人缴费标准的 100% 给予全额资助；对低保对象，按照 90% 给予定额资助；对返贫致贫人口、脱贫不稳定户、边缘易致贫户、突发严重困难户、低保边缘户，按照 70% 给予定额资助。
#     - 上述人员享受资助参保的标准，按参保缴费时就高身份确定，享受资助参保后人员身份发生变化的，不再进行差额资助。
#     - 上述 7 类低收入人口的资助参保资金，由医疗救助基金安排。
subsidy contains {"rule": "extreme_poverty", "form": "full", "basis": "tier1", "funders": assistance_fund} if {
	"extreme_poverty" in input.person.categories
	input.enrollment.tier == "1"
}

# METADATA
# title: 低保对象参加一档，按一档个人缴费标准的90%定额资助
# custom:
#   clause: 二(一)
#   quote:
#     - 上述人员参加城乡居民医保一档的，对特困人员，按照一档个人缴费标准的 100% 给予全额资助；对低保对象，按照 90% 给予定额资助；对返贫致贫人口、脱贫不稳定户、边缘易致贫户、突发严重困难户、低保边缘户，按照 70% 给予定额资助。
#     - 上述人员享受资助参保的标准，按参保缴费时就高身份确定，享受资助参保后人员身份发生变化的，不再进行差额资助。
#     - 上述 7 类低收入人口的资助参保资金，由医疗救助基金安排。
subsidy contains {"rule": "dibao", "form": "share", "share": 0.9, "basis": "tier1", "funders": assistance_fund} if {
	"dibao" in input.person.categories
	input.enrollment.tier == "1"
}

# METADATA
# title: 返贫致贫人口、脱贫不稳定户、边缘易致贫户、突发严重困难户、低保边缘户参加一档，按70%定额资助
# custom:
#   clause: 二(一)
#   quote:
#     - 上述人员参加城乡居民医保一档的，对特困人员，按照一档个人缴费标准的 100% 给予全额资助；对低保对象，按照 90% 给予定额资助；对返贫致贫人口、脱贫不稳定户、边缘易致贫户、突发严重困难户、低保边缘户，按照 70% 给予定额资助。
#     - 上述人员享受资助参保的标准，按参保缴费时就高身份确定，享受资助参保后人员身份发生变化的，不再进行差额资助。
#     - 上述 7 类低收入人口的资助参保资金，由医疗救助基金安排。
subsidy contains {"rule": c, "form": "share", "share": 0.7, "basis": "tier1", "funders": assistance_fund} if {
	some c in seventy_percent_group
	c in input.person.categories
	input.enrollment.tier == "1"
}

# METADATA
# title: 上述人员自愿参加二档，统一按一档个人缴费标准的100%资助，超过部分自行承担
# custom:
#   clause: 二(一)
#   quote:
#     - 上述人员自愿参加城乡居民医保二档的，统一按照参加城乡居民医保一档个人缴费标准的 100% 给予资助。
#     - 超过资助标准的个人应缴纳参保费用由参保对象自行承担。
#     - 上述人员享受资助参保的标准，按参保缴费时就高身份确定，享受资助参保后人员身份发生变化的，不再进行差额资助。
#     - 上述 7 类低收入人口的资助参保资金，由医疗救助基金安排。
subsidy contains {"rule": c, "form": "share", "share": 1, "basis": "tier1", "funders": assistance_fund} if {
	some c in low_income
	c in input.person.categories
	input.enrollment.tier == "2"
}

# METADATA
# title: 未纳入监测的稳定脱贫人口：2022年定额资助100元
# custom:
#   clause: 二(一)
#   quote:
#     - 未纳入低收入人口监测范围的稳定脱贫人口，执行资助参保渐退政策，对其参加 2022 年、2023 年城乡居民医保的，分别按照 100 元、50 元标准给予定额资助，2024 年按规定退出，不再享受资助参保政策。
#     - 此类人员的资助参保资金，由区财政统筹市级以下衔接资金、社会捐赠资金及其他相关资金安排。
#   reading:
#     text: 由区财政统筹市级以下衔接资金、社会捐赠资金及其他相关资金安排
#     chosen: 资助资金全部记为区财政出资（出资方 `district_finance` 区财政，份额 1），由区财政统筹安排
#     alternative: 按市级以下衔接资金、社会捐赠资金及其他相关资金分列为不同出资方——文件未规定各自份额，资助金额不变，但出资构成不同
subsidy contains {"rule": "stable_out_of_poverty", "form": "fixed", "amount": 100, "funders": [{"funder": "district_finance", "share": 1}]} if {
	"stable_out_of_poverty" in input.person.categories
	input.year == 2022
}

# METADATA
# title: 未纳入监测的稳定脱贫人口：2023年定额资助50元；2024年按规定退出
# custom:
#   clause: 二(一)
#   quote:
#     - 未纳入低收入人口监测范围的稳定脱贫人口，执行资助参保渐退政策，对其参加 2022 年、2023 年城乡居民医保的，分别按照 100 元、50 元标准给予定额资助，2024 年按规定退出，不再享受资助参保政策。
#     - 此类人员的资助参保资金，由区财政统筹市级以下衔接资金、社会捐赠资金及其他相关资金安排。
#   reading:
#     text: 由区财政统筹市级以下衔接资金、社会捐赠资金及其他相关资金安排
#     chosen: 资助资金全部记为区财政出资（出资方 `district_finance` 区财政，份额 1），由区财政统筹安排
#     alternative: 按市级以下衔接资金、社会捐赠资金及其他相关资金分列为不同出资方——文件未规定各自份额，资助金额不变，但出资构成不同
subsidy contains {"rule": "stable_out_of_poverty", "form": "fixed", "amount": 50, "funders": [{"funder": "district_finance", "share": 1}]} if {
	"stable_out_of_poverty" in input.person.categories
	input.year == 2023
}

# ---------------------------------------------------------------------------
# 三(五) 基本医保: the city's uniform scheme (全市统一). Its terms are the
# city's, so they are parameters.

# METADATA
# scope: document
# title: 待遇条款：就医情形下各层级的起付线、比例与封顶线
# description: 由外部查询的决定 data.regions.tongnan.plan（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 基本医保执行全市统一的城乡居民基本医保待遇
# custom:
#   clause: 三(五)
#   quote:
#     - 执行全市统一规范的城乡居民基本医保制度。
#     - 稳定基本医保住院待遇水平，确保区县域内政策范围内住院费用支付比例总体保持在70%左右。
#     - 落实全市城乡居民医保门诊统筹制度，补齐门诊保障短板，规范城乡居民医保慢特病保障，优化“两病”（高血压、糖尿病）门诊用药保障机制，确保“两病”患者用药保障和健康管理全覆盖，切实降低“两病”并发症、合并症风险。
#   reading:
#     text: 确保区县域内政策范围内住院费用支付比例总体保持在70%左右
#     chosen: 全区住院费用的总体目标，不是单笔费用的支付比例；每笔费用按全市分医院等级的起付线和支付比例支付（参数 `basic.*`，示例数值）
#     alternative: 每笔住院政策范围内费用不分医院等级一律按70%支付——与示例参数相比，三级医院支付更多，一级医院支付更少
plan contains {
	"tier": "basic",
	"deductible": input.params.basic[input.claim.kind][input.claim.hospital_level].deductible,
	"ratio": input.params.basic[input.claim.kind][input.claim.hospital_level].ratio,
	"annual_cap": input.params.basic.annual_cap,
} if {
	input.claim.kind in {"inpatient", "outpatient_special", "outpatient"}
}

# METADATA
# scope: document
# title: 覆盖范围：各层级覆盖的人员类别
# description: 由外部查询的决定 data.regions.tongnan.coverage（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 基本医保覆盖全体参保人
# custom:
#   clause: 三(五)
#   quote:
#     - 基本医保实施公平普惠保障政策。
#     - 执行全市统一规范的城乡居民基本医保制度。
#     - 对不属于特困人员、低保对象和返贫致贫人口的稳定脱贫人口，取消脱贫攻坚期内超常规措施安排，转为按规定享受基本医疗保险待遇。
coverage contains {"tier": "basic", "categories": array.concat(low_income, ["stable_out_of_poverty", "ordinary"])}

# ---------------------------------------------------------------------------
# 三(六) 大病保险: deductible at 50% of last year's city per-capita disposable
# income (a derived parameter), ratio about 60% (the city's bands), the
# city's cap. The document does not say which claim kinds the critical tier
# pays on; Chongqing's scheme pays on inpatient and outpatient special-disease
# costs, read here as the tier's reach.

critical_kinds := {"inpatient", "outpatient_special"}

# METADATA
# title: 大病保险起付线为全市上年度居民人均可支配收入的50%，支付比例稳定在60%左右
# custom:
#   clause: 三(六)
#   quote:
#     - 巩固大病保险保障水平。
#     - 上述对象参加城乡居民医保，大病保险起付线维持在全市上年度居民人均可支配收入的50%，政策范围内支付比例稳定在60%左右，大病保险起付线降低50%，报销比例提高5个百分点，不设封顶线。
#   reading:
#     - text: 上述对象参加城乡居民医保，大病保险起付线维持在全市上年度居民人均可支配收入的50%，政策范围内支付比例稳定在60%左右
#       chosen: 起付线为全市上年度居民人均可支配收入的50%、支付比例60%左右，是全体参保人的大病保险待遇；特困人员、低保对象、返贫致贫人口三类倾斜对象在此基础上起付线降低50%（即收入的25%，2023年为8916.50元），支付比例提高5个百分点
#       alternative: 句子主语“上述对象”同样管辖这两项待遇，即收入的50%已是倾斜对象降低50%后的起付线（2023年为17833元而非8916.50元，大额费用上倾斜对象的大病保险支付少0.65 × 8916.50 = 5795.73元），普通参保人的待遇按全市标准
#     - text: 政策范围内支付比例稳定在60%左右
#       chosen: “60%左右”描述全市大病保险分段支付比例，作为参数取值（`critical.bands`；示例参数为单一一段60%）
#       alternative: 本文件对各费用段统一规定固定的60%比例——若全市分段比例不同（如随费用升高而提高），支付金额随之不同
#     - text: 大病保险
#       chosen: 文件未写明费用类别；按重庆现行做法，大病保险支付住院和门诊特定病种（门诊慢特病）的政策范围内个人自付费用，不支付普通门诊
#       alternative: 普通门诊个人自付也计入大病保险支付基数（支付更多，如病例 `assistance-shared-limit` 中普通门诊个人自付2500元将计入起付线累计）；或只支付住院费用（支付更少）
plan contains {
	"tier": "critical",
	"deductible": input.params.critical.deductible,
	"bands": input.params.critical.bands,
	"annual_cap": input.params.critical.annual_cap,
} if {
	input.claim.kind in critical_kinds
}

# METADATA
# title: 特困人员、低保对象、返贫致贫人口：起付线降低50%，报销比例提高5个百分点，不设封顶线
# custom:
#   clause: 三(六)
#   quote:
#     - 过渡期内，继续对特困人员、低保对象、返贫致贫人口实施倾斜支付政策。
#     - 上述对象参加城乡居民医保，大病保险起付线维持在全市上年度居民人均可支配收入的50%，政策范围内支付比例稳定在60%左右，大病保险起付线降低50%，报销比例提高5个百分点，不设封顶线。
#   reading:
#     text: 上述对象参加城乡居民医保，大病保险起付线维持在全市上年度居民人均可支配收入的50%，政策范围内支付比例稳定在60%左右
#     chosen: 起付线为全市上年度居民人均可支配收入的50%、支付比例60%左右，是全体参保人的大病保险待遇；特困人员、低保对象、返贫致贫人口三类倾斜对象在此基础上起付线降低50%（即收入的25%，2023年为8916.50元），支付比例提高5个百分点
#     alternative: 句子主语“上述对象”同样管辖这两项待遇，即收入的50%已是倾斜对象降低50%后的起付线（2023年为17833元而非8916.50元，大额费用上倾斜对象的大病保险支付少0.65 × 8916.50 = 5795.73元），普通参保人的待遇按全市标准
plan contains {"tier": "critical", "tilt": {"deductible_factor": 0.5, "ratio_add": 0.05, "remove_cap": true}} if {
	input.claim.kind in critical_kinds
	some c in {"extreme_poverty", "dibao", "returned_to_poverty"}
	c in input.person.categories
}

# METADATA
# title: 大病保险覆盖全体参保人的住院和门诊特病费用
# custom:
#   clause: 三(六)
#   quote:
#     - 巩固大病保险保障水平。
#     - 在逐步提高大病保障水平基础上，大病保险继续对特困人员、低保对象和返贫致贫人口实施倾斜支付。
#   reading:
#     text: 大病保险
#     chosen: 文件未写明费用类别；按重庆现行做法，大病保险支付住院和门诊特定病种（门诊慢特病）的政策范围内个人自付费用，不支付普通门诊
#     alternative: 普通门诊个人自付也计入大病保险支付基数（支付更多，如病例 `assistance-shared-limit` 中普通门诊个人自付2500元将计入起付线累计）；或只支付住院费用（支付更少）
coverage contains {
	"tier": "critical",
	"categories": array.concat(low_income, ["stable_out_of_poverty", "ordinary"]),
	"claim_kinds": ["inpatient", "outpatient_special"],
}

# ---------------------------------------------------------------------------
# 三(七) 医疗救助: within the annual limit, at least 70% for extreme_poverty,
# dibao and returned_to_poverty, at least 60% for the other low-income
# categories; outpatient and inpatient share one annual limit (the tier's
# default cap group). The limit itself is the city's.

# METADATA
# scope: document
# title: 参数：文件规定、设下限或留给地方的数值
# description: 由外部查询的决定 data.regions.tongnan.parameters（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 特困人员、低保对象、返贫致贫人口救助比例不低于70%
# custom:
#   clause: 三(七)
#   quote: 确保年度救助限额内，特困人员、低保对象、返贫致贫人口政策范围内个人自付医疗费用救助比例不低于70%，其他低收入人口不低于 60%。
#   reading:
#     text: 救助比例不低于70%
#     chosen: 全市救助比例（`assistance.by_category.*.ratio`）的下限；未给出全市数值时，即按下限比例救助
#     alternative: 救助比例由全市统一的医疗救助政策确定，可能高于下限（比例越高，救助越多）；病例未给出该数值时，本模块按70%救助
parameters contains {"path": concat(".", ["assistance.by_category", c, "ratio"]), "floor": 0.7} if {
	some c in {"extreme_poverty", "dibao", "returned_to_poverty"}
}

# 其他低收入人口: the low-income categories not named in the 70% sentence.
# (seventy_percent_group, the 70% subsidy group of 二(一), also holds
# returned_to_poverty, whose assistance floor is 70%.)
other_low_income := {"unstable_out_of_poverty", "edge_vulnerable", "sudden_hardship", "dibao_edge"}

# METADATA
# title: 其他低收入人口救助比例不低于60%
# custom:
#   clause: 三(七)
#   quote: 确保年度救助限额内，特困人员、低保对象、返贫致贫人口政策范围内个人自付医疗费用救助比例不低于70%，其他低收入人口不低于 60%。
#   reading:
#     text: 其他低收入人口不低于 60%
#     chosen: 全市对低保边缘户、脱贫不稳定户、边缘易致贫户、突发严重困难户救助比例的下限；未给出全市数值时，即按60%救助
#     alternative: 按全市确定的救助比例，该比例可能高于60%，救助更多
parameters contains {"path": concat(".", ["assistance.by_category", c, "ratio"]), "floor": 0.6} if {
	some c in other_low_income
}

# A person in several categories is assisted under the first of them in the
# document's order, which is also the order of its floors (70% before 60%).
assistance_category := "extreme_poverty" if {
	"extreme_poverty" in input.person.categories
} else := "dibao" if {
	"dibao" in input.person.categories
} else := "returned_to_poverty" if {
	"returned_to_poverty" in input.person.categories
} else := "dibao_edge" if {
	"dibao_edge" in input.person.categories
} else := "unstable_out_of_poverty" if {
	"unstable_out_of_poverty" in input.person.categories
} else := "edge_vulnerable" if {
	"edge_vulnerable" in input.person.categories
} else := "sudden_hardship" if {
	"sudden_hardship" in input.person.categories
}

# METADATA
# title: 年度救助限额内按类别比例救助；门诊和住院救助共用年度救助限额
# custom:
#   clause: 三(七)
#   quote:
#     - 健全完善统一规范的医疗救助制度，贯彻落实全市统一的医疗救助政策，实现救助对象范围、参保资助标准、救助待遇水平、经办管理服务、基金监督管理“五统一”。
#     - 确保年度救助限额内，特困人员、低保对象、返贫致贫人口政策范围内个人自付医疗费用救助比例不低于70%，其他低收入人口不低于 60%。
#     - 统筹加大门诊慢特病救助保障，门诊和住院救助共用年度救助限额。
#   reading:
#     - text: 门诊和住院救助共用年度救助限额
#       chosen: 普通门诊、门诊特定病种（门诊慢特病）和住院均予救助，共用同一年度救助限额
#       alternative: “门诊”仅指同句中的门诊慢特病，普通门诊费用不予救助（病例 `assistance-shared-limit` 的门诊费用救助0元而非1500元，年度限额更多留给住院费用）
#     - text: 政策范围内个人自付医疗费用救助比例
#       chosen: 救助比例自经基本医保、大病保险支付后政策范围内个人自付的第一元起适用——文件未设救助起付标准
#       alternative: 全市统一的医疗救助政策可能对部分人群设年度起付标准，救助金额相应减少“救助比例 × 起付标准”
plan contains {
	"tier": "assistance",
	"ratio": input.params.assistance.by_category[c].ratio,
	"annual_cap": input.params.assistance.annual_cap,
} if {
	input.claim.kind in {"inpatient", "outpatient_special", "outpatient"}
	c := assistance_category
}

# METADATA
# title: 7类低收入人口享受医疗救助，门诊和住院均救助
# custom:
#   clause: 三(七)
#   quote:
#     - 进一步夯实医疗救助托底保障，合理控制救助对象政策范围内自付费用比例。
#     - 确保年度救助限额内，特困人员、低保对象、返贫致贫人口政策范围内个人自付医疗费用救助比例不低于70%，其他低收入人口不低于 60%。
#     - 统筹加大门诊慢特病救助保障，门诊和住院救助共用年度救助限额。
coverage contains {"tier": "assistance", "categories": low_income}

# METADATA
# title: 经三重制度支付后个人负担仍然较重的，给予倾斜救助（标准由全市确定）
# custom:
#   clause: 三(七)
#   quote: 对经三重制度支付后政策范围内个人负担仍然较重的，给予倾斜救助。
#   reading:
#     - text: 对经三重制度支付后政策范围内个人负担仍然较重的
#       chosen: 句子未写主语，读作本项的医疗救助对象，即7类低收入人口
#       alternative: 个人负担仍然较重的任何参保人，包括稳定脱贫人口和普通参保人（如同三(八)的依申请救助普遍覆盖大病患者）——他们也将获得倾斜救助
#     - text: 个人负担仍然较重
#       chosen: 以本人年度经基本医保、大病保险和医疗救助支付后的政策范围内个人自付衡量，超过全市起付标准（`tilted.threshold`，示例数值）的部分按全市比例救助，以全市年度限额为限
#       alternative: 以家庭为单位或按家庭收入衡量负担；或起付标准仅作资格条件，超过后对全部负担按比例救助（多救助“比例 × 起付标准”）
plan contains {
	"tier": "tilted",
	"deductible": input.params.tilted.threshold,
	"ratio": input.params.tilted.ratio,
	"annual_cap": input.params.tilted.annual_cap,
} if {
	is_low_income
}

# ---------------------------------------------------------------------------
# 三(八) 因病返贫致贫监测: the 7 categories are monitored; self-pay within the
# policy scope after basic, critical and assistance reaching (达到…及以上)
# twice the rural-revitalisation department's standard puts a person under
# monitoring (2021: standard 6000, so 12000).

# METADATA
# scope: document
# title: 监测预警：各类人员的监测线
# description: 由外部查询的决定 data.regions.tongnan.monitoring（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 经三重制度报销后政策范围内自付费用达到监测标准2倍及以上，纳入监测范围
# custom:
#   clause: 三(八)
#   quote: 把 7 类参保资助对象作为监测对象，按照当年符合政策范围内的医疗费用，经基本医保、大病保险和医疗救助报销后，自付费用达到乡村振兴部门确定的监测标准 2 倍及以上的人员（2021 年标准为 12000 元及以上），纳入我区防止因病返贫致贫监测范围。
#   reading:
#     - text: 2021 年标准为 12000 元及以上
#       chosen: 12000元是加倍后的数额，即监测标准为6000元，监测线为2 × 6000 = 12000元
#       alternative: 12000元即监测标准本身，监测线为2 × 12000 = 24000元（纳入监测的人员更少）
#     - text: 乡村振兴部门确定的监测标准
#       chosen: 2021年标准（6000元，监测线12000元）沿用至2022—2025年，直至给出新的数值
#       alternative: 按乡村振兴部门每年确定的标准（通常逐年提高），本模块无此数值；标准越高，监测线越高
#     - text: 经基本医保、大病保险和医疗救助报销后
#       chosen: “医疗救助”包括三(七)的倾斜救助，自付费用在倾斜救助后计算（病例 `tilted-assistance-city-terms` 计为10895.49元）
#       alternative: “医疗救助”仅指常规医疗救助，自付费用在倾斜救助前计算（该病例为12238.72元），纳入监测的人员更多
monitoring contains {
	"flag": "illness_poverty_watch",
	"measure": "in_scope_self_pay",
	"threshold": input.params.monitoring.threshold,
	"inclusive": true,
	"population": "7类参保资助对象",
} if {
	is_low_income
}

# ---------------------------------------------------------------------------
# Clauses the module does not compute, and why.

# METADATA
# scope: document
# title: 未计算的条款及其原因
# description: 由外部查询的决定 data.regions.tongnan.uncomputed（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# custom:
#   clause: 一
#   quote: 在规定的5年过渡期内（2021年1月1日至2025年12月31日止），通过优化调整医保扶贫政策，健全防范化解因病返贫致贫长效机制，逐步实现由集中资源支持脱贫攻坚向统筹基本医保、大病保险、医疗救助三重制度常态化保障平稳过渡。
uncomputed contains {"reason": "总体要求：指导思想与过渡期（2021—2025年），过渡期见 document.in_force_to"}

# METADATA
# custom:
#   clause: 二(二)
#   quote:
#     - 基本医保实施公平普惠保障政策。
#     - 在逐步提高大病保障水平基础上，大病保险继续对特困人员、低保对象和返贫致贫人口实施倾斜支付。
#     - 对不属于特困人员、低保对象和返贫致贫人口的稳定脱贫人口，取消脱贫攻坚期内超常规措施安排，转为按规定享受基本医疗保险待遇。
uncomputed contains {"reason": "原则：基本医保公平普惠、大病保险对特困人员、低保对象和返贫致贫人口倾斜、稳定脱贫人口取消超常规措施；其数额由三(六)、三(七)规定并计算"}

# METADATA
# custom:
#   clause: 二(三)
#   quote:
#     - 全面清理并取消脱贫攻坚期内存在的不按规定实施的不可持续的过度保障政策。
#     - 按照全市统一安排，积极稳妥将脱贫攻坚期内各级各部门开展的医疗保障扶贫措施资金统一并入医疗救助基金，充分发挥基本医保、大病保险、医疗救助三重制度综合保障功能，确保政策有效衔接、待遇平稳过渡、制度稳定可持续。
uncomputed contains {"reason": "清理过度保障政策、资金并入医疗救助基金：工作要求，不产生金额"}

# METADATA
# custom:
#   clause: 三(四)
#   quote:
#     - 低收入人口应当在集中参保期内完成参保。
#     - 过渡期内，上述人员在7月1日至12月31日期间参加当年城乡居民医疗保险，不设待遇享受等待期，参保个人缴费资助部分由医疗救助资金解决，参保财政补助部分，由区财政另安排专项资金落实。
#     - 对已实现稳定就业的脱贫人口，引导其依法依规参加职工医保。
#   reading:
#     text: 不设待遇享受等待期
#     chosen: 自参保登记之日起享受待遇，不设等待期；引擎本已如此计算，故无需另行计算
#     alternative: 7月1日至12月31日期间参保的，当年参保登记日之前发生的费用也予保障
uncomputed contains {"reason": "应保尽保与参保动员；7月1日至12月31日参保不设待遇享受等待期——引擎本就自参保日起计算待遇，不设等待期，故无规则可写"}

# METADATA
# custom:
#   clause: 四(九)
#   quote:
#     - 重点加强农村地区医保经办能力建设,大力推进服务下沉。
#     - 继续落实参保人员基本医保、大病保险、医疗救助“一站式”服务。
#     - 稳步推进门诊费用跨省直接结算工作。
uncomputed contains {"reason": "经办管理服务能力建设、一站式服务、跨省直接结算：经办要求"}

# METADATA
# custom:
#   clause: 四(十)
#   quote:
#     - 推动药品招标采购工作制度化、常态化,确保国家和我市组织的药品、医用耗材集中采购落地。
#     - 动态调整医保药品目录,建立医保医用耗材准入制度。
#     - 医保部门要创新完善医保协议管理,持续推进支付方式改革。
#     - 根据医保基金的收支运行情况,可按协议约定向医疗机构预付部分医保资金,缓解其资金运行压力。
uncomputed contains {"reason": "药品耗材集采、目录调整、支付方式改革、预付资金：管理措施"}

# METADATA
# custom:
#   clause: 四(十一)
#   quote:
#     - 规范医疗服务行为和医保基金使用行为,引导居民有序合理就医。
#     - 建立健全医保基金监督检查、信用管理、综合监管等制度,推动建立跨区域医保管理协作协查机制。
uncomputed contains {"reason": "基金监管与合理就医：监管措施"}

# METADATA
# custom:
#   clause: 四(十二)
#   quote:
#     - 按照全市统一部署，将符合条件的“互联网+”诊疗服务纳入医保支付范围，提高优质医疗服务可及性。
#     - 加强基层医疗卫生机构能力建设，探索对紧密型医疗联合体实行总额付费，加强监督考核。
uncomputed contains {"reason": "“互联网+”诊疗纳入支付、基层能力建设：服务供给措施"}

# METADATA
# custom:
#   clause: 五(十三)
#   quote:
#     - 按照市委、市政府，区委、区政府统一部署，建立健全全区负总责、相关部门、各镇街抓落实的工作机制，强化工作力量、组织保障、制度资源等方面的统筹衔接。
#     - 医保部门要建立统一高效的议事协调工作机制，研究解决政策衔接过渡中的重大问题。
uncomputed contains {"reason": "组织领导：部门职责"}

# METADATA
# custom:
#   clause: 五(十四)
#   quote:
#     - 民政部门负责做好特困供养人员、低保对象、低保边缘家庭的身份认定和信息共享。
#     - 乡村振兴部门负责做好返贫致贫人口、脱贫不稳定人口、边缘易致贫人口，以及因病因灾因意外事故等刚性支出较大或收入大幅缩减导致基本生活出现严重困难人口的身份认定和信息共享。
uncomputed contains {"reason": "部门协同与身份认定分工：部门职责"}

# METADATA
# custom:
#   clause: 五(十五)
#   quote:
#     - 加强脱贫人口医保帮扶政策落实和待遇享受情况监测。
#     - 做好与低收入人口数据库的信息比对和信息共享,健全低收入人口医保综合保障信息台账,加强信息动态管理,及时跟踪政策落实、待遇享受情况,做好因病返贫致贫风险预警和相关政策的督导落实。
uncomputed contains {"reason": "运行监测与信息比对：工作要求"}

# METADATA
# custom:
#   clause: 六
#   quote:
#     - 实施方案中有关政策调整工作,从2022年1月1日起统一执行。
#     - 以往相关政策规定与本方案不一致的,以本方案为准。
uncomputed contains {"reason": "自2022年1月1日起执行：即 document.in_force_from"}

# METADATA
# custom:
#   clause: 三(八)
#   quote:
#     - 区医保部门建立依申请救助机制，将发生高额医疗费用的易返贫致贫人口和因高额医疗费用支出导致家庭基本生活出现严重困难的大病患者纳入医疗救助范围。
#     - 对其经基本医保、大病保险支付后，符合规定的个人自付费用，一事一议，酌情予以救助，防止因病返贫致贫（具体实施办法根据市里工作安排另行研究制定）。
uncomputed contains {"reason": "依申请救助“一事一议，酌情予以救助”，具体办法另行制定：无可计算的标准（本条的监测部分已计算）"}
