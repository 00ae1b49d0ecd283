# 通辽市健全重特大疾病医疗保险和救助制度实施方案
# 通政办字〔2022〕143号 (seed 003_fc8e1bcce9d67e8c.txt)
#
# Clause ids follow the document: 一 总体要求; 二 重点工作任务 (一)…(十四),
# with the numbered points 1–4 of 二(六); 三 组织保障措施 (一)…(四); and the
# unnumbered closing sentence "本方案自2023年1月1日起实施", cited as 末段.
#
# Numbers the document fixes are stated here (as plan terms, or as `fixed`
# parameter bounds so that a params file or a case cannot change them);
# floors (不低于) are `floor` bounds, which are also the default value.
# Numbers it leaves to others — the autonomous region's basic and critical
# terms, the city's deductibles "左右" a share of income, the tilted
# threshold — come from policies/params/tongliao.yaml.
#
# Categories. The document's groups map onto the shared vocabulary so:
#   特困人员 → extreme_poverty; 孤儿（含事实无抚养儿童）→ orphan, de_facto_orphan;
#   低保对象 → dibao; 低保边缘家庭成员 → dibao_edge;
#   因病致贫重病患者 → illness_impoverished (recognised by 民政部门, 三(二);
#     the income test of 二(一) is the case's to apply, not computed here);
#   （纳入监测范围的）农村牧区易返贫致贫人口/人员 → monitored (with its three
#     kinds 脱贫不稳定户、边缘易致贫户、突发严重困难户, 三(二));
#   返贫致贫人口 → returned_to_poverty. The document names it apart from the
#     易返贫致贫人口 where it gives it better terms (二(三) subsidy, 二(六)3 the
#     70% floor, 二(七) the critical tilt). Where it does not name it
#     (二(六)1 limit, 二(六)2 deductible, 二(八) monitoring) it is read as one
#     of the 农村牧区易返贫致贫人口 it came from: limit 130000, no deductible.
# Orphans are named only for the subsidy (二(三)); 二(六) gives them no
# assistance terms of their own (an orphan who is also 特困 is assisted as
# 特困; "旗县级以上政府规定的其他特殊困难人员" is for those governments to list).
package regions.tongliao

# METADATA
# scope: document
# title: 文件：文号、发文机关、施行日期、适用年度
# description: 由外部查询的决定 data.regions.tongliao.document（polc 与 OPA 客户端）
# entrypoint: true
document := {
	"title": "通辽市健全重特大疾病医疗保险和救助制度实施方案",
	"area": "通辽市",
	"number": "通政办字〔2022〕143号",
	"issuer": "通辽市人民政府办公室",
	"issued": "2022-12-23",
	# 末段: 本方案自2023年1月1日起实施. The document sets no end date, so
	# in_force_to is absent (still in force); years lists the benefit years
	# this module has parameters and worked examples for.
	"in_force_from": "2023-01-01",
	"years": [2023, 2024, 2025],
	"seed": "003_fc8e1bcce9d67e8c.txt",
	"clauses": [
		"一",
		"二(一)", "二(二)", "二(三)", "二(四)", "二(五)", "二(六)", "二(六)1", "二(六)2", "二(六)3", "二(六)4", "二(七)",
		"二(八)", "二(九)", "二(十)", "二(十一)", "二(十二)", "二(十三)", "二(十四)",
		"三(一)", "三(二)", "三(三)", "三(四)",
		"末段",
	],
}

# 医疗救助对象 of 二(一) as 二(六) names them, in the order of their terms:
# the first a person belongs to gives the terms (就高不就低, see
# assistance_category).
assisted := [
	"extreme_poverty", "dibao", "returned_to_poverty", "monitored",
	"dibao_edge", "illness_impoverished",
]

is_assisted if {
	some c in assisted
	c in input.person.categories
}

# Everyone the module names, and people with no special category: all are
# insured (basic and critical-illness insurance are for every insured person).
insured := array.concat(assisted, ["orphan", "de_facto_orphan", "ordinary"])

assistance_fund := [{"funder": "medical_assistance_fund", "share": 1}]

# ---------------------------------------------------------------------------
# 二(三) 资助参保. "政府全额资助/定额资助": the subsidies are paid into the
# medical-assistance fund's account (各旗县市区…划拨至医疗救助基金财政专户;
# 二(四) merges the other poverty funds into it), so the fund is the funder.
# Multi-identity: "就高不就低…不得重复资助" — the engine takes the highest.
# Inner Mongolia has one resident contribution standard (当期居民医保个人缴费
# 标准), which is the tier-1 standard here.

# METADATA
# scope: document
# title: 资助参保：各类人员的资助规则
# description: 由外部查询的决定 data.regions.tongliao.subsidy（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 特困人员、孤儿（含事实无抚养儿童）个人缴费由政府全额资助
# custom:
#   clause: 二(三)
#   quote:
#     - "特困人员、孤儿（含事实无抚养儿童）个人缴费由政府全额资助"
#     - "各旗县市区要在城乡居民集中缴费期结束1个月内，核准资助参保人数并申请资助参保费用，及时划拨至医疗救助基金财政专户。"
#     - "困难群众具有多重特殊身份属性的按照“就高不就低”的原则享受参保资助，不得重复资助。"
#   reading:
#     text: "由政府全额资助"
#     chosen: 由医疗救助基金出资（出资方 `medical_assistance_fund`）：资助资金划拨至医疗救助基金财政专户，且二(四)将其他扶贫资金并入该基金
#     alternative: 由各级政府财政部门在医疗救助基金之外直接出资——金额不变（个人缴费全额），仅出资方不同
subsidy contains {"rule": c, "form": "full", "basis": "tier1", "funders": assistance_fund} if {
	some c in ["extreme_poverty", "orphan", "de_facto_orphan"]
	c in input.person.categories
}

# METADATA
# title: 低保对象、返贫致贫人口个人缴费由政府定额资助，标准不低于当期居民医保个人缴费标准的45%
# custom:
#   clause: 二(三)
#   quote:
#     - "低保对象、返贫致贫人口个人缴费由政府定额资助，定额资助标准不低于当期居民医保个人缴费标准的45%"
#     - "各旗县市区要在城乡居民集中缴费期结束1个月内，核准资助参保人数并申请资助参保费用，及时划拨至医疗救助基金财政专户。"
#     - "困难群众具有多重特殊身份属性的按照“就高不就低”的原则享受参保资助，不得重复资助。"
#   reading:
#     - text: "由政府定额资助"
#       chosen: 由医疗救助基金出资，与全额资助相同
#       alternative: 由财政部门直接出资——金额不变，出资方不同
#     - text: "定额资助标准不低于当期居民医保个人缴费标准的45%"
#       chosen: 按待遇年度当期居民医保个人缴费标准的一定比例资助（45%，为下限，市政府有关部门另定前即取此值），资助额逐年随缴费标准变动
#       alternative: “定额”为一次确定的固定金额（如按2023年缴费标准的45%，以示例标准380元计为171元），市里调整前保持不变——以2024年示例标准400元计，将资助171元而非180元
subsidy contains {
	"rule": c,
	"form": "share",
	"share": input.params.subsidy.by_category[c].share,
	"basis": "tier1",
	"funders": assistance_fund,
} if {
	some c in ["dibao", "returned_to_poverty"]
	c in input.person.categories
}

# METADATA
# scope: document
# title: 参数：文件规定、设下限或留给地方的数值
# description: 由外部查询的决定 data.regions.tongliao.parameters（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 定额资助标准不低于当期居民医保个人缴费标准的45%（市政府有关部门可适时调整）
# custom:
#   clause: 二(三)
#   quote: "定额资助标准不低于当期居民医保个人缴费标准的45%，具体资助政策由市政府有关部门根据医疗救助基金筹集使用和困难群众实际需求情况适时调整"
#   reading:
#     text: "定额资助标准不低于当期居民医保个人缴费标准的45%"
#     chosen: 按待遇年度当期居民医保个人缴费标准的一定比例资助（45%，为下限，市政府有关部门另定前即取此值），资助额逐年随缴费标准变动
#     alternative: “定额”为一次确定的固定金额（如按2023年缴费标准的45%，以示例标准380元计为171元），市里调整前保持不变——以2024年示例标准400元计，将资助171元而非180元
parameters contains {"path": concat(".", ["subsidy.by_category", c, "share"]), "floor": 0.45} if {
	some c in ["dibao", "returned_to_poverty"]
}

# ---------------------------------------------------------------------------
# 基本医保: the document sets no terms of its own; it requires the national and
# autonomous-region policy to be applied strictly (二(七): 严格执行国家、自治区
# 制定的基本政策…巩固住院待遇保障水平，完善门诊保障政策措施). The terms are
# the region's, so they are parameters.

# METADATA
# scope: document
# title: 待遇条款：就医情形下各层级的起付线、比例与封顶线
# description: 由外部查询的决定 data.regions.tongliao.plan（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 基本医保严格执行国家、自治区制定的基本政策（起付线、支付比例、最高支付限额）
# custom:
#   clause: 二(七)
#   quote:
#     - "严格执行国家设立的医疗保障基本制度，严格执行国家、自治区制定的基本政策，严格执行国家、自治区确定的医保基金支付范围和支付标准。"
#     - "充分发挥基本医疗保险主体保障功能，巩固住院待遇保障水平，完善门诊保障政策措施。"
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
# description: 由外部查询的决定 data.regions.tongliao.coverage（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 基本医保覆盖全体参保人
# custom:
#   clause: 二(七)
#   quote:
#     - "坚持完善覆盖全民、依法参加的基本医疗保险制度，确保基本医疗保险参保率稳定在95%以上。"
#     - "困难群众依法参加基本医疗保险"
coverage contains {"tier": "basic", "categories": insured}

# ---------------------------------------------------------------------------
# 二(七) 大病保险: "统一起付标准，确保政策范围内支付比例不低于60%"; the
# deductible, bands and cap are the autonomous region's (params). The
# document does not say which claim kinds critical-illness insurance pays
# on; Inner Mongolia's scheme pays on inpatient and outpatient special
# (慢特病) costs, read here as the tier's reach.

critical_kinds := {"inpatient", "outpatient_special"}

# METADATA
# title: 大病保险统一起付标准，按自治区规定的分段比例和最高支付限额支付
# custom:
#   clause: 二(七)
#   quote: "增强大病保险减负功能，统一起付标准，确保政策范围内支付比例不低于60%"
#   reading:
#     text: "增强大病保险减负功能"
#     chosen: 文件未规定大病保险支付哪些费用；参照内蒙古自治区现行做法，理解为支付住院和门诊慢特病（门诊特定病种）费用
#     alternative: 仅支付住院费用（门诊慢特病既无大病保险支付，也无倾斜）；或支付包括普通门诊在内的全部政策范围内费用
plan contains {
	"tier": "critical",
	"deductible": input.params.critical.deductible,
	"bands": input.params.critical.bands,
	"annual_cap": input.params.critical.annual_cap,
} if {
	input.claim.kind in critical_kinds
}

# A floor on every band for everyone: the region's bands may not pay less.
# (The tilt below adds 5 points to the region's ratio, which is itself at
# least 60%; the illustrative bands are at 60%, so the two tilts give 65%
# whichever is applied first.)

# METADATA
# title: 确保大病保险政策范围内支付比例不低于60%
# custom:
#   clause: 二(七)
#   quote: "增强大病保险减负功能，统一起付标准，确保政策范围内支付比例不低于60%"
#   reading:
#     text: "确保政策范围内支付比例不低于60%"
#     chosen: 作为自治区大病保险各分段支付比例的下限（任何一段支付比例均不低于60%）
#     alternative: 作为大病保险对起付线以上政策范围内费用总体支付比例的下限——只要总体达到60%，个别分段可低于60%（低段支付少于本模块）
plan contains {"tier": "critical", "tilt": {"ratio_floor": 0.6}} if {
	input.claim.kind in critical_kinds
}

# METADATA
# title: 特困人员、低保对象、返贫致贫人口大病保险起付标准降低50%，支付比例提高5个百分点，并取消最高支付限额
# custom:
#   clause: 二(七)
#   quote: "特困人员、低保对象、返贫致贫人口大病保险起付标准降低50%，支付比例提高5个百分点，并取消最高支付限额。"
#   reading:
#     text: "支付比例提高5个百分点"
#     chosen: 在适用60%下限后的普通参保人支付比例基础上提高5个百分点（至少65%），最高不超过100%
#     alternative: 在适用60%下限之前对自治区分段比例提高5个百分点——比例为55%的分段将得60%而非65%；对示例参数中60%的分段无差别
plan contains {"tier": "critical", "tilt": {"deductible_factor": 0.5, "ratio_add": 0.05, "remove_cap": true}} if {
	input.claim.kind in critical_kinds
	some c in ["extreme_poverty", "dibao", "returned_to_poverty"]
	c in input.person.categories
}

# METADATA
# title: 大病保险覆盖全体参保人的住院和门诊慢特病费用
# custom:
#   clause: 二(七)
#   quote: "增强大病保险减负功能，统一起付标准，确保政策范围内支付比例不低于60%"
#   reading:
#     text: "增强大病保险减负功能"
#     chosen: 文件未规定大病保险支付哪些费用；参照内蒙古自治区现行做法，理解为支付住院和门诊慢特病（门诊特定病种）费用
#     alternative: 仅支付住院费用（门诊慢特病既无大病保险支付，也无倾斜）；或支付包括普通门诊在内的全部政策范围内费用
coverage contains {"tier": "critical", "categories": insured, "claim_kinds": ["inpatient", "outpatient_special"]}

# ---------------------------------------------------------------------------
# 二(六) 医疗救助, after basic and critical-illness insurance (二(五): what
# lies below their deductibles is part of the base — the settlement's P2 is
# everything basic and critical left to the patient).
#
# 就高不就低 (二(六), last paragraph): a person in several categories is
# assisted under the first of them in the order below, which is the order
# of their terms: 特困 (100%, no deductible, no limit) before 低保 and 返贫致贫
# (≥70%, no deductible) before 易返贫致贫 (≥60%, no deductible) before 低保边缘
# (≥60%, 10% of income) before 因病致贫 (≥60%, 25% of income). One helper
# gives one category, so two rules can never disagree.
assistance_category := "extreme_poverty" if {
	"extreme_poverty" in input.person.categories
} else := "dibao" if {
	"dibao" in input.person.categories
} else := "returned_to_poverty" if {
	"returned_to_poverty" in input.person.categories
} else := "monitored" if {
	"monitored" in input.person.categories
} else := "dibao_edge" if {
	"dibao_edge" in input.person.categories
} else := "illness_impoverished" if {
	"illness_impoverished" in input.person.categories
}

# 二(十四): "未按规定转诊的救助对象，所发生的医疗费用原则上不纳入医疗救助范围".
# The same clause sets up 基层首诊: a visit to a primary-level (一级及以下)
# facility is where the path starts and needs no referral, so it is assisted
# though not referred; at level 2 or 3 an unreferred claim gets no medical
# assistance and no tilted assistance (原则上: the exceptions are not listed).
assisted_claim if input.claim.referred

assisted_claim if input.claim.hospital_level == "1"

# METADATA
# title: 特困人员不设年度救助限额
# custom:
#   clause: 二(六)1
#   also:
#     二(六): 多重身份就高不就低：assistance_category 按固定顺序取一个救助类别，本规则用该类别的待遇
#   quote:
#     - "特困人员不设年度限额，低保对象、农村牧区易返贫致贫人口、低保边缘家庭成员、因病致贫重病患者年度限额13万元。"
#     - "困难群众具有多重特殊身份属性的按“就高不就低”的原则享受救助，不得重复救助。"
#   reading:
#     text: "就高不就低"
#     chosen: 具有多重身份的，按一个类别的全套待遇救助，取文件待遇顺序中居先的类别（特困 > 低保 > 返贫致贫 > 易返贫致贫 > 低保边缘 > 因病致贫），该顺序固定，不随参数取值变化
#     alternative: 逐项就高：在本人各身份中分别取最优的各项待遇（起付标准最低、救助比例最高、限额最高）；或取按实际参数支付最多的类别——在文件规定的下限下结果相同，但如市里将易返贫致贫人口的救助比例定得高于低保对象，同时具有低保和易返贫致贫身份者将适用较高比例
plan contains {"tier": "assistance", "annual_cap": null} if {
	assisted_claim
	assistance_category == "extreme_poverty"
}

# METADATA
# title: 低保对象、农村牧区易返贫致贫人口、低保边缘家庭成员、因病致贫重病患者年度限额13万元；门诊和住院救助共用
# custom:
#   clause: 二(六)1
#   also:
#     二(六): 多重身份就高不就低：assistance_category 按固定顺序取一个救助类别，本规则用该类别的待遇
#   quote:
#     - "特困人员不设年度限额，低保对象、农村牧区易返贫致贫人口、低保边缘家庭成员、因病致贫重病患者年度限额13万元。"
#     - "门诊救助和住院救助共用年度救助限额"
#     - "困难群众具有多重特殊身份属性的按“就高不就低”的原则享受救助，不得重复救助。"
#   reading:
#     text: "就高不就低"
#     chosen: 具有多重身份的，按一个类别的全套待遇救助，取文件待遇顺序中居先的类别（特困 > 低保 > 返贫致贫 > 易返贫致贫 > 低保边缘 > 因病致贫），该顺序固定，不随参数取值变化
#     alternative: 逐项就高：在本人各身份中分别取最优的各项待遇（起付标准最低、救助比例最高、限额最高）；或取按实际参数支付最多的类别——在文件规定的下限下结果相同，但如市里将易返贫致贫人口的救助比例定得高于低保对象，同时具有低保和易返贫致贫身份者将适用较高比例
plan contains {"tier": "assistance", "annual_cap": input.params.assistance.by_category[c].annual_cap} if {
	assisted_claim
	c := assistance_category
	c != "extreme_poverty"
}

# METADATA
# title: 年度限额13万元（返贫致贫人口按农村牧区易返贫致贫人口）
# custom:
#   clause: 二(六)1
#   quote: "特困人员不设年度限额，低保对象、农村牧区易返贫致贫人口、低保边缘家庭成员、因病致贫重病患者年度限额13万元。"
#   reading:
#     text: "农村牧区易返贫致贫人口"
#     chosen: 返贫致贫人口未在二(六)1列名，视为其所由来的农村牧区易返贫致贫人口：年度限额130000元
#     alternative: 二(六)1未规定返贫致贫人口的限额，可理解为不设限额（同特困人员）或由市里确定——如不设限额，大额费用的救助将超过130000元
parameters contains {"path": concat(".", ["assistance.by_category", c, "annual_cap"]), "fixed": 130000} if {
	some c in ["dibao", "returned_to_poverty", "monitored", "dibao_edge", "illness_impoverished"]
}

# The deductible is the inpatient one (住院救助起付标准); the document gives
# outpatient assistance none. Counted on the year's accumulation (the tier's
# default): the document does not say per admission.

# METADATA
# title: 住院救助起付标准：特困人员、低保对象、农村牧区易返贫致贫人员不设；低保边缘家庭成员约10%、因病致贫重病患者约25%（全市上年全体居民人均可支配收入）
# custom:
#   clause: 二(六)2
#   also:
#     二(六): 多重身份就高不就低：assistance_category 按固定顺序取一个救助类别，本规则用该类别的待遇
#   quote:
#     - "特困人员、低保对象、农村牧区易返贫致贫人员不设住院救助起付标准，低保边缘家庭成员起付标准全市上年全体居民人均可支配收入的10%左右确定，因病致贫重病患者按全市上年全体居民人均可支配收入的25%左右确定，具体救助起付标准由市政府有关部门确定并动态调整。"
#     - "困难群众具有多重特殊身份属性的按“就高不就低”的原则享受救助，不得重复救助。"
#   reading:
#     - text: "就高不就低"
#       chosen: 具有多重身份的，按一个类别的全套待遇救助，取文件待遇顺序中居先的类别（特困 > 低保 > 返贫致贫 > 易返贫致贫 > 低保边缘 > 因病致贫），该顺序固定，不随参数取值变化
#       alternative: 逐项就高：在本人各身份中分别取最优的各项待遇（起付标准最低、救助比例最高、限额最高）；或取按实际参数支付最多的类别——在文件规定的下限下结果相同，但如市里将易返贫致贫人口的救助比例定得高于低保对象，同时具有低保和易返贫致贫身份者将适用较高比例
#     - text: "住院救助起付标准"
#       chosen: 每年一个起付标准，以年度累计住院政策范围内个人自付费用计算
#       alternative: 每次住院各设起付标准——低保边缘家庭成员住院两次须负担两次（以2023年示例收入计为2 × 3100元）
#     - text: "10%左右"
#       chosen: 默认按全市上年全体居民人均可支配收入的10%整（因病致贫重病患者为25%整，原文“25%左右”）确定，由市里确定的数额替代
#       alternative: 由市里确定的接近10%/25%的整数金额（如3000元而非3100元），支付略多或略少
plan contains {"tier": "assistance", "deductible": input.params.assistance.by_category[c].deductible} if {
	assisted_claim
	input.claim.kind == "inpatient"
	c := assistance_category
}

# METADATA
# title: 特困人员、低保对象、农村牧区易返贫致贫人员不设住院救助起付标准
# custom:
#   clause: 二(六)2
#   quote: "特困人员、低保对象、农村牧区易返贫致贫人员不设住院救助起付标准"
#   reading:
#     text: "农村牧区易返贫致贫人员"
#     chosen: 返贫致贫人口未在二(六)2列名，视为农村牧区易返贫致贫人员：不设住院救助起付标准
#     alternative: 二(六)2未规定返贫致贫人口的起付标准，由市里确定（具体救助起付标准由市政府有关部门确定）——市里设定任何起付标准都将少付
parameters contains {"path": concat(".", ["assistance.by_category", c, "deductible"]), "fixed": 0} if {
	some c in ["extreme_poverty", "dibao", "returned_to_poverty", "monitored"]
}

# METADATA
# title: 住院救助：特困人员全额救助；低保对象、返贫致贫人口不低于70%；农村牧区易返贫致贫人员、低保边缘家庭成员、因病致贫重病患者不低于60%
# custom:
#   clause: 二(六)3
#   also:
#     二(六): 多重身份就高不就低：assistance_category 按固定顺序取一个救助类别，本规则用该类别的待遇
#   quote:
#     - "对特困人员住院政策范围内费用实施全额救助，对低保对象和返贫致贫人口住院政策范围内费用按不低于70%的比例救助，对农村牧区易返贫致贫人员、低保边缘家庭成员、因病致贫重病患者等其他救助对象住院政策范围内费用救助比例不低于60%。"
#     - "困难群众具有多重特殊身份属性的按“就高不就低”的原则享受救助，不得重复救助。"
#   reading:
#     text: "就高不就低"
#     chosen: 具有多重身份的，按一个类别的全套待遇救助，取文件待遇顺序中居先的类别（特困 > 低保 > 返贫致贫 > 易返贫致贫 > 低保边缘 > 因病致贫），该顺序固定，不随参数取值变化
#     alternative: 逐项就高：在本人各身份中分别取最优的各项待遇（起付标准最低、救助比例最高、限额最高）；或取按实际参数支付最多的类别——在文件规定的下限下结果相同，但如市里将易返贫致贫人口的救助比例定得高于低保对象，同时具有低保和易返贫致贫身份者将适用较高比例
plan contains {"tier": "assistance", "ratio": input.params.assistance.by_category[c].ratio} if {
	assisted_claim
	input.claim.kind == "inpatient"
	c := assistance_category
}

# METADATA
# title: 对特困人员住院政策范围内费用实施全额救助
# custom:
#   clause: 二(六)3
#   quote: "对特困人员住院政策范围内费用实施全额救助"
parameters contains {"path": "assistance.by_category.extreme_poverty.ratio", "fixed": 1}

# METADATA
# title: 低保对象和返贫致贫人口住院救助比例不低于70%
# custom:
#   clause: 二(六)3
#   quote: "对低保对象和返贫致贫人口住院政策范围内费用按不低于70%的比例救助"
parameters contains {"path": concat(".", ["assistance.by_category", c, "ratio"]), "floor": 0.7} if {
	some c in ["dibao", "returned_to_poverty"]
}

# METADATA
# title: 农村牧区易返贫致贫人员、低保边缘家庭成员、因病致贫重病患者住院救助比例不低于60%
# custom:
#   clause: 二(六)3
#   quote:
#     - "对农村牧区易返贫致贫人员、低保边缘家庭成员、因病致贫重病患者等其他救助对象住院政策范围内费用救助比例不低于60%"
#     - "农村牧区易返贫致贫人口救助水平，按巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略有关政策规定执行。"
#   reading:
#     text: "农村牧区易返贫致贫人口救助水平，按巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略有关政策规定执行"
#     chosen: 本文件对易返贫致贫人口的待遇（救助比例不低于60%、不设起付标准、限额130000元）作为默认值，直至衔接政策的待遇以参数给出
#     alternative: 仅由衔接政策（在本文件之外，通常更优厚）确定其待遇，本文件60%的下限不适用于他们
parameters contains {"path": concat(".", ["assistance.by_category", c, "ratio"]), "floor": 0.6} if {
	some c in ["monitored", "dibao_edge", "illness_impoverished"]
}

# "救助对象门诊政策范围内费用按70%比例救助" is for every 救助对象, 特困 too
# (the 全额救助 is for 住院 costs); both outpatient kinds are 门诊.

# METADATA
# title: 救助对象门诊政策范围内费用按70%比例救助，门诊救助和住院救助共用年度救助限额
# custom:
#   clause: 二(六)3
#   also:
#     二(六): 多重身份就高不就低：assistance_category 按固定顺序取一个救助类别，本规则用该类别的待遇
#   quote: "救助对象门诊政策范围内费用按70%比例救助，门诊救助和住院救助共用年度救助限额。"
#   reading:
#     - text: "救助对象门诊政策范围内费用按70%比例救助"
#       chosen: 所有救助对象门诊费用均按70%救助，特困人员亦同（其全额救助仅针对住院费用）；门诊救助不设起付标准（文件规定的是住院救助起付标准）
#       alternative: 特困人员门诊费用也按100%救助（将多付其余30%）；或门诊费用亦适用住院救助起付标准
#     - text: "医疗救助费用主要覆盖救助对象在定点医药机构发生的住院费用、因慢性病需长期服药或患重特大疾病需长期门诊治疗的费用"
#       chosen: “主要”并非排他：除住院和门诊慢特病费用外，普通门诊费用也按门诊70%比例救助
#       alternative: 仅救助住院费用和因慢性病需长期服药或患重特大疾病需长期门诊治疗的费用（门诊慢特病）；普通门诊费用不予救助
plan contains {"tier": "assistance", "ratio": 0.7} if {
	assisted_claim
	assistance_category
	input.claim.kind in {"outpatient_special", "outpatient"}
}

# METADATA
# title: 医疗救助覆盖救助对象的住院费用和门诊费用（按规定转诊）
# custom:
#   clause: 二(五)
#   quote:
#     - "对特困人员、低保对象、低保边缘家庭成员、纳入监测范围的农村牧区易返贫致贫人口，按规定给予救助。"
#     - "医疗救助费用主要覆盖救助对象在定点医药机构发生的住院费用、因慢性病需长期服药或患重特大疾病需长期门诊治疗的费用。"
#     - "基本医疗保险、大病保险起付线以下的政策范围内个人自付费用，按规定纳入医疗救助。"
#     - "未按规定转诊的救助对象，所发生的医疗费用原则上不纳入医疗救助范围。"
#   reading:
#     - text: "医疗救助费用主要覆盖救助对象在定点医药机构发生的住院费用、因慢性病需长期服药或患重特大疾病需长期门诊治疗的费用"
#       chosen: “主要”并非排他：除住院和门诊慢特病费用外，普通门诊费用也按门诊70%比例救助
#       alternative: 仅救助住院费用和因慢性病需长期服药或患重特大疾病需长期门诊治疗的费用（门诊慢特病）；普通门诊费用不予救助
#     - text: "未按规定转诊的救助对象，所发生的医疗费用原则上不纳入医疗救助范围"
#       chosen: 在二级、三级医疗机构就医且未按规定转诊的，既不给予医疗救助，也不给予倾斜救助（倾斜救助属于医疗救助），不设例外（“原则上”的例外文件未列明）
#       alternative: “原则上”容许例外（如急诊），例外情形仍予救助；或仅排除普通医疗救助，不排除托底的倾斜救助
#     - text: "基层首诊"
#       chosen: 在一级及以下医疗机构就诊属基层首诊，无需转诊
#       alternative: 基层医疗卫生机构仅指乡镇卫生院、社区卫生服务中心、嘎查村卫生室——不属于此类的一级医院须经转诊方予救助
#     - text: "孤儿（含事实无抚养儿童）"
#       chosen: 仅在资助参保（二(三)）中列名；单凭该身份不属于医疗救助对象（同时为特困人员或属于二(一)其他类别的，方予救助）
#       alternative: 按特困人员（孤儿常与其一并供养）或“旗县级以上政府规定的其他特殊困难人员”救助——将获得住院全额救助且不设限额
coverage contains {
	"tier": "assistance",
	"categories": assisted,
	"claim_kinds": ["inpatient", "outpatient_special", "outpatient"],
	"referred_only": true,
}

# 二(六)4 倾斜救助: above the city's threshold, 70%, a limit of 50000 a year
# counted apart from the ordinary limit (the tilted tier's own cap group).
# "超过倾斜救助起付标准以上" mixes an exclusive and an inclusive word; on an
# amount above a threshold the two pay the same.

# METADATA
# title: 超过倾斜救助起付标准的个人自付政策范围内费用按70%托底保障救助，年度最高5万元，与门诊和住院救助年度限额分别累计
# custom:
#   clause: 二(六)4
#   also:
#     二(六): 多重身份就高不就低：assistance_category 按固定顺序取一个救助类别，本规则用该类别的待遇
#   quote:
#     - "倾斜救助起付标准由市政府有关部门按照全市上年全体居民人均可支配收入确定，超过倾斜救助起付标准以上的个人自付政策范围内费用，按70%比例给予托底保障救助，年度最高救助限额5万元。"
#     - "倾斜救助年度限额与门诊和住院救助年度限额分别累计。"
#   reading:
#     - text: "按照全市上年全体居民人均可支配收入确定"
#       chosen: 起付标准由市里依据该收入确定；示例默认值为该收入本身（100%），以市里确定的数额替代
#       alternative: 取市里选定的该收入一定比例（如50%）——倾斜救助将覆盖多得多的个人自付费用
#     - text: "倾斜救助起付标准"
#       chosen: 以经三重制度保障后的年度累计政策范围内个人自付费用计算
#       alternative: 按每次住院计算——起付标准约为一年的收入，单次住院很少能达到
plan contains {
	"tier": "tilted",
	"deductible": input.params.tilted.threshold,
	"ratio": input.params.tilted.ratio,
	"annual_cap": input.params.tilted.annual_cap,
} if {
	assisted_claim
	assistance_category
}

# METADATA
# title: 倾斜救助按70%比例救助
# custom:
#   clause: 二(六)4
#   quote: "超过倾斜救助起付标准以上的个人自付政策范围内费用，按70%比例给予托底保障救助"
parameters contains {"path": "tilted.ratio", "fixed": 0.7}

# METADATA
# title: 倾斜救助年度最高救助限额5万元
# custom:
#   clause: 二(六)4
#   quote:
#     - "年度最高救助限额5万元"
#     - "倾斜救助年度限额与门诊和住院救助年度限额分别累计。"
parameters contains {"path": "tilted.annual_cap", "fixed": 50000}

# METADATA
# title: 医疗救助对象经三重制度综合保障后个人负担仍然较重的给予倾斜救助
# custom:
#   clause: 二(六)4
#   quote:
#     - "医疗救助对象在定点医疗机构发生的医疗费用，经三重制度综合保障后政策范围内个人负担仍然较重的给予倾斜救助。"
#     - "未按规定转诊的救助对象，所发生的医疗费用原则上不纳入医疗救助范围。"
#   reading:
#     - text: "未按规定转诊的救助对象，所发生的医疗费用原则上不纳入医疗救助范围"
#       chosen: 在二级、三级医疗机构就医且未按规定转诊的，既不给予医疗救助，也不给予倾斜救助（倾斜救助属于医疗救助），不设例外（“原则上”的例外文件未列明）
#       alternative: “原则上”容许例外（如急诊），例外情形仍予救助；或仅排除普通医疗救助，不排除托底的倾斜救助
#     - text: "基层首诊"
#       chosen: 在一级及以下医疗机构就诊属基层首诊，无需转诊
#       alternative: 基层医疗卫生机构仅指乡镇卫生院、社区卫生服务中心、嘎查村卫生室——不属于此类的一级医院须经转诊方予救助
coverage contains {"tier": "tilted", "categories": assisted, "referred_only": true}

# ---------------------------------------------------------------------------
# 二(十四) 目录外费用: level-2 hospitals at most 5%, level-3 at most 10% of
# the bill, for the 救助对象 the clause is about. The document does not say
# who bears an excess, so it is reported, not moved to the hospital.

# METADATA
# title: 二级医疗机构目录外比例不超过5%
# custom:
#   clause: 二(十四)
#   quote: "着力减轻救助对象医疗费用负担，二级医疗机构目录外比例不超过5%"
#   reading:
#     text: "二级医疗机构目录外比例不超过5%"
#     chosen: 对救助对象的每笔费用逐笔检验（本条针对其医疗费用），按目录外费用占总费用的比例计；超出部分仅予报告，不转由医疗机构承担
#     alternative: 作为医疗机构整体的管理指标（按其全部住院人次的平均，或按全部患者而不仅是救助对象计算），不逐笔检验
plan contains {"tier": "out_of_catalog", "limit": 0.05, "hospital_bears": false} if {
	is_assisted
	input.claim.hospital_level == "2"
}

# METADATA
# title: 三级医疗机构目录外费用比例不超过10%
# custom:
#   clause: 二(十四)
#   quote: "三级医疗机构目录外费用比例不超过10%"
#   reading:
#     text: "三级医疗机构目录外费用比例不超过10%"
#     chosen: 对救助对象的每笔费用逐笔检验（本条针对其医疗费用），按目录外费用占总费用的比例计；超出部分仅予报告，不转由医疗机构承担
#     alternative: 作为医疗机构整体的管理指标（按其全部住院人次的平均，或按全部患者而不仅是救助对象计算），不逐笔检验
plan contains {"tier": "out_of_catalog", "limit": 0.1, "hospital_bears": false} if {
	is_assisted
	input.claim.hospital_level == "3"
}

# ---------------------------------------------------------------------------
# 二(八) 因病致贫和因病返贫双预警: for 低收入家庭成员 and 农村牧区易返贫致贫
# 人口, the year's personal burden of compliant costs after basic and
# critical-illness insurance (insured_self_pay) above (超过: exclusive) last
# year's rural per-capita disposable income → 因病致贫监测; above 50% of it →
# 因病返贫监测. 低收入家庭成员 is read as the low-income categories of 二(一)
# that are families (特困、低保、低保边缘、因病致贫重病患者); the document's
# 重点监测 sentence names 低保边缘家庭成员 and 易返贫致贫人口 as the focus.

watch_population := [
	"extreme_poverty", "dibao", "dibao_edge", "illness_impoverished",
	"monitored", "returned_to_poverty",
]

in_watch_population if {
	some c in watch_population
	c in input.person.categories
}

# METADATA
# scope: document
# title: 监测预警：各类人员的监测线
# description: 由外部查询的决定 data.regions.tongliao.monitoring（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 经基本医保、大病保险支付后个人年度累计负担的符合基本医疗费用超过全市上年农村牧区常住居民人均可支配收入的，纳入因病致贫监测
# custom:
#   clause: 二(八)
#   quote: "对低收入家庭成员、农村牧区易返贫致贫人口中经基本医保、大病保险等支付后个人年度累计负担的符合基本医疗费用超过全市上年农村牧区常住居民人均可支配收入的，纳入因病致贫监测"
#   reading:
#     - text: "超过"
#       chosen: 不含本数，负担恰好等于监测线的不纳入监测
#       alternative: 含本数（达到），负担恰好等于监测线的也纳入监测
#     - text: "经基本医保、大病保险等支付后个人年度累计负担的符合基本医疗费用"
#       chosen: 经基本医保、大病保险支付后、医疗救助前的年度政策范围内个人自付（`insured_self_pay`）；下一句的“个人累计负担”按同一口径理解
#       alternative: “等”还包括医疗救助（及其他支付方），按其支付后的剩余负担计算——纳入监测的人数将减少
#     - text: "低收入家庭成员"
#       chosen: 二(一)中的低收入类别：特困人员、低保对象、低保边缘家庭成员、因病致贫重病患者（易返贫致贫人口和返贫致贫人口与之并列）
#       alternative: 民政部门掌握的全部低收入人口名单（已认定为低收入人口但不属于上述类别者也将纳入监测）；或仅限重点监测人群（低保边缘家庭成员和易返贫致贫人口）
monitoring contains {
	"flag": "illness_impoverishment_watch",
	"measure": "insured_self_pay",
	"threshold": input.params.monitoring.thresholds.illness_impoverishment_watch,
	"inclusive": false,
	"population": "低收入家庭成员、农村牧区易返贫致贫人口",
} if {
	in_watch_population
}

# METADATA
# title: 个人累计负担超过当地上年农村牧区常住居民人均可支配收入50%的，纳入因病返贫监测
# custom:
#   clause: 二(八)
#   quote:
#     - "对低收入家庭成员、农村牧区易返贫致贫人口中经基本医保、大病保险等支付后个人年度累计负担的符合基本医疗费用超过全市上年农村牧区常住居民人均可支配收入的，纳入因病致贫监测"
#     - "个人累计负担超过当地上年农村牧区常住居民人均可支配收入50%的，纳入因病返贫监测"
#   reading:
#     - text: "超过"
#       chosen: 不含本数，负担恰好等于监测线的不纳入监测
#       alternative: 含本数（达到），负担恰好等于监测线的也纳入监测
#     - text: "经基本医保、大病保险等支付后个人年度累计负担的符合基本医疗费用"
#       chosen: 经基本医保、大病保险支付后、医疗救助前的年度政策范围内个人自付（`insured_self_pay`）；下一句的“个人累计负担”按同一口径理解
#       alternative: “等”还包括医疗救助（及其他支付方），按其支付后的剩余负担计算——纳入监测的人数将减少
#     - text: "低收入家庭成员"
#       chosen: 二(一)中的低收入类别：特困人员、低保对象、低保边缘家庭成员、因病致贫重病患者（易返贫致贫人口和返贫致贫人口与之并列）
#       alternative: 民政部门掌握的全部低收入人口名单（已认定为低收入人口但不属于上述类别者也将纳入监测）；或仅限重点监测人群（低保边缘家庭成员和易返贫致贫人口）
#     - text: "当地上年农村牧区常住居民人均可支配收入"
#       chosen: “当地”指全市，与前一句口径相同（全市上年农村牧区常住居民人均可支配收入）
#       alternative: 指本人所在旗县市区的数据——监测线将因地而异
#     - text: "个人累计负担超过当地上年农村牧区常住居民人均可支配收入50%的，纳入因病返贫监测"
#       chosen: 该句未写主语，理解为与前一句相同的人群（低收入家庭成员和农村牧区易返贫致贫人口）
#       alternative: “返贫”以曾经脱贫为前提：仅农村牧区易返贫致贫人口（监测对象、返贫致贫人口）纳入因病返贫监测；特困人员、低保对象、低保边缘家庭成员、因病致贫重病患者不纳入
monitoring contains {
	"flag": "illness_return_watch",
	"measure": "insured_self_pay",
	"threshold": input.params.monitoring.thresholds.illness_return_watch,
	"inclusive": false,
	"population": "低收入家庭成员、农村牧区易返贫致贫人口",
} if {
	in_watch_population
}

# ---------------------------------------------------------------------------
# Clauses the module does not compute, and why.

# METADATA
# scope: document
# title: 未计算的条款及其原因
# description: 由外部查询的决定 data.regions.tongliao.uncomputed（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# custom:
#   clause: 一
#   quote:
#     - "坚持应保尽保、保障基本，尽力而为、量力而行，推动民生改善更可持续。"
#     - "聚焦减轻困难群众重特大疾病医疗费用负担，建立健全防范和化解因病致贫返贫长效机制，强化基本医疗保险、大病保险、医疗救助（以下统称三重制度）综合保障，实事求是确定困难群众医疗保障待遇标准，确保困难群众基本医疗有保障，不因罹患重特大疾病影响基本生活，同时避免过度保障。"
uncomputed contains {"reason": "总体要求：指导思想与原则（应保尽保、保障基本、避免过度保障），不产生金额"}

# METADATA
# custom:
#   clause: 二(一)
#   quote:
#     - "对不符合低保、特困人员救助供养或低保边缘家庭条件，但因高额医疗费用支出导致家庭基本生活出现严重困难的大病患者（以下称因病致贫重病患者，一般指具有当地户籍，家庭人均年收入低于上年度当地城乡居民人均可支配收入，扣减经基本医疗保险、大病保险等支付的个人负担医疗费用后，家庭人均收入低于当地最低生活保障标准的1.5倍，且家庭财产状况符合相关规定的重病患者），按规定给予一定救助。"
#     - "旗县级以上政府规定的其他特殊困难人员，按上述救助对象类别给予相应救助。"
uncomputed contains {"reason": "救助对象范围：类别由病例给定。因病致贫重病患者的认定（家庭人均年收入低于上年度当地居民人均可支配收入，扣减医保支付后的个人负担后低于低保标准1.5倍，且财产符合规定）是对家庭收入的金额运算，Rego 不做算术，由民政部门认定（三(二)），病例以 illness_impoverished 给出；旗县级以上政府规定的其他特殊困难人员由其列明"}

# METADATA
# custom:
#   clause: 二(二)
#   quote:
#     - "坚持完善覆盖全民、依法参加的基本医疗保险制度，确保基本医疗保险参保率稳定在95%以上。"
#     - "困难群众依法参加基本医疗保险，按照“谁认定、谁负责”的原则，由认定部门督促困难群众及时参保缴费，做到应保尽保，按规定享有三重制度保障权益。"
#     - "每月20日前，民政部门、乡村振兴部门、残联部门将动态调整后核准的低收入人口身份信息提供给医疗保障部门"
uncomputed contains {"reason": "应保尽保：参保率稳定在95%以上的工作目标、认定部门督促参保、每月20日前推送身份信息等部门职责与时限，不产生个人金额"}

# METADATA
# custom:
#   clause: 二(四)
#   quote: "强化市、旗县（市区）两级政府投入保障责任，科学合理安排医疗救助补助资金，自2023年起，每年按照常住人口人均不低于60元的标准由市、旗两级政府按2:8比例匹配医疗救助基金，不足部分由旗县政府兜底，旗县级财政匹配资金可由市财政直接上解统筹。"
uncomputed contains {"reason": "筹资机制：自2023年起按常住人口人均不低于60元由市、旗两级政府按2:8匹配医疗救助基金，是基金筹集总额与分担，不是按人计算的待遇"}

# METADATA
# custom:
#   clause: 二(六)
#   quote:
#     - "农村牧区易返贫致贫人口救助水平，按巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略有关政策规定执行。"
#     - "困难群众具有多重特殊身份属性的按“就高不就低”的原则享受救助，不得重复救助。"
uncomputed contains {"reason": "末段：农村牧区易返贫致贫人口救助水平按巩固拓展医疗保障脱贫攻坚成果衔接政策执行（不在本文件，本文件的60%下限为默认）；多重身份就高不就低、不得重复救助已由 assistance_category 计算"}

# METADATA
# custom:
#   clause: 二(七)
#   quote:
#     - "严格执行国家设立的医疗保障基本制度，严格执行国家、自治区制定的基本政策，严格执行国家、自治区确定的医保基金支付范围和支付标准。"
#     - "按规定落实农村牧区易返贫致贫人口医疗保障帮扶措施，巩固拓展医疗保障脱贫攻坚成果同乡村振兴有效衔接。"
uncomputed contains {"reason": "严格执行国家、自治区医保基本制度与支付范围，落实农村牧区易返贫致贫人口帮扶措施：其数额在本文件之外（基本医保与大病保险的数额作为参数给出）"}

# METADATA
# custom:
#   clause: 二(九)
#   quote:
#     - "鼓励慈善组织和其他社会组织设立大病项目，发挥补充救助作用。"
#     - "根据经济社会发展水平和各方承受能力，探索建立罕见病用药保障机制，整合医疗保障、社会救助、慈善帮扶等资源，实施综合保障。"
uncomputed contains {"reason": "引导慈善救助、罕见病用药保障机制探索：倡导性措施"}

# METADATA
# custom:
#   clause: 二(十)
#   quote:
#     - "支持开展职工医疗互助，规范互联网平台互助，加强风险管控，引导医疗互助健康发展。"
#     - "支持商业健康保险发展，满足基本医疗保障以外的保障需求。"
uncomputed contains {"reason": "鼓励医疗互助和商业健康保险：倡导性措施"}

# METADATA
# custom:
#   clause: 二(十一)
#   quote:
#     - "推动实行“一站式”服务、“一窗口”办理、“一单制”结算，提高结算服务便利性。"
#     - "完善定点医疗机构履行协议考核办法，突出行为规范、服务质量和控制考核评价，完善定点医疗机构退出机制，强化定点医疗机构费用管控主体责任。"
#     - "统一基金监管，做好费用监控、稽查审核，保持打击欺诈骗保高压态势，对开展医疗救助服务的定点医疗机构实行重点监控，确保基金安全高效、合理使用。"
uncomputed contains {"reason": "经办一体化、一站式结算、定点机构协议管理与基金监管：经办与监管要求"}

# METADATA
# custom:
#   clause: 二(十二)
#   quote:
#     - "简化申请、审核、救助金给付流程。"
#     - "对低保对象、特困人员进行系统标识，实行按月动态调整。"
#     - "将低保对象、特困人员直接纳入 “一站式”结算。"
uncomputed contains {"reason": "简化申请审核、系统标识按月动态调整、低保特困直接纳入一站式结算：经办程序"}

# METADATA
# custom:
#   clause: 二(十三)
#   quote:
#     - "健全引导社会力量参与救助机制，强化医疗救助、临时救助、慈善救助等综合性保障措施，根据救助对象实际情况，采取“一事一议”方式，精准开展分层分类帮扶。"
#     - "根据家庭经济状况、个人实际费用负担情况，合理确定。"
uncomputed contains {"reason": "依申请救助：“一事一议”，根据家庭经济状况、个人费用负担合理确定，无可计算的标准"}

# METADATA
# custom:
#   clause: 二(十四)
#   quote:
#     - "建立救助对象基层首诊、双向转诊、急慢分治、上下联动的分级诊疗模式"
#     - "与医疗机构签订“先诊疗，后付费”协议后，直接住院治疗，无需交纳住院押金"
#     - "做好救助对象省域外网上异地就医备案、异地安置和省域内定点医疗机构就医，执行户籍地所在统筹地区救助标准。"
uncomputed contains {"reason": "分级诊疗、先诊疗后付费免押金、异地就医备案执行户籍地救助标准：服务管理要求（目录外比例与未转诊不救助已计算）"}

# METADATA
# custom:
#   clause: 三(一)
#   quote:
#     - "要建立党委领导、政府主导、部门协同、社会参与的重特大疾病保障工作机制。"
#     - "将困难群众重特大疾病医疗救助托底保障政策落实情况作为加强和改善民生的重要指标，纳入医疗救助工作绩效评价。"
uncomputed contains {"reason": "强化组织领导：工作机制与绩效评价"}

# METADATA
# custom:
#   clause: 三(二)
#   quote:
#     - "民政部门要做好低保对象、特困人员、低保边缘家庭成员等救助对象认定工作，会同相关部门做好因病致贫重病患者认定和相关信息共享，支持慈善救助发展。"
#     - "乡村振兴部门要加强防止返贫动态监测工作，重点对脱贫不稳定户、边缘易致贫户和突发严重困难户等重点人群开展动态监测和帮扶，及时共享信息。"
uncomputed contains {"reason": "部门工作合力：各部门职责（民政部门认定救助对象和因病致贫重病患者，乡村振兴部门监测脱贫不稳定户、边缘易致贫户和突发严重困难户）"}

# METADATA
# custom:
#   clause: 三(三)
#   quote:
#     - "在确保医疗救助基金安全运行基础上，统筹协调基金预算和政策制定，落实医疗救助投入保障责任。"
#     - "加强预算执行监督，全面实施预算绩效管理。"
uncomputed contains {"reason": "基金预算管理：预算与绩效管理要求"}

# METADATA
# custom:
#   clause: 三(四)
#   quote:
#     - "加强基层医疗保障经办队伍建设，根据参保人数和医疗救助对象人数，统筹医疗保障公共服务需求和服务能力配置，建立覆盖自治区、盟市、旗县（市、区）、苏木乡镇（街道）、嘎查村 （社区）的医疗保障服务网络。"
#     - "积极引入社会力量参与经办服务，大力推动医疗救助经办服务下沉，重点提升信息化和经办服务水平。"
uncomputed contains {"reason": "基层能力建设：经办队伍与服务网络"}

# METADATA
# custom:
#   clause: 末段
#   quote: "本方案自2023年1月1日起实施。"
uncomputed contains {"reason": "本方案自2023年1月1日起实施：即 document.in_force_from；文件未定终止日期"}
