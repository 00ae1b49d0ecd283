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

document := {
	"title": "重庆市潼南区巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略实施方案",
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
# title: 特困人员参加一档，按一档个人缴费标准的100%全额资助
# custom:
#   clause: 二(一)
subsidy contains {"rule": "extreme_poverty", "form": "full", "basis": "tier1", "funders": assistance_fund} if {
	"extreme_poverty" in input.person.categories
	input.enrollment.tier == "1"
}

# METADATA
# title: 低保对象参加一档，按一档个人缴费标准的90%定额资助
# custom:
#   clause: 二(一)
subsidy contains {"rule": "dibao", "form": "share", "share": 0.9, "basis": "tier1", "funders": assistance_fund} if {
	"dibao" in input.person.categories
	input.enrollment.tier == "1"
}

# METADATA
# title: 返贫致贫人口、脱贫不稳定户、边缘易致贫户、突发严重困难户、低保边缘户参加一档，按70%定额资助
# custom:
#   clause: 二(一)
subsidy contains {"rule": c, "form": "share", "share": 0.7, "basis": "tier1", "funders": assistance_fund} if {
	some c in seventy_percent_group
	c in input.person.categories
	input.enrollment.tier == "1"
}

# METADATA
# title: 上述人员自愿参加二档，统一按一档个人缴费标准的100%资助，超过部分自行承担
# custom:
#   clause: 二(一)
subsidy contains {"rule": c, "form": "share", "share": 1, "basis": "tier1", "funders": assistance_fund} if {
	some c in low_income
	c in input.person.categories
	input.enrollment.tier == "2"
}

# METADATA
# title: 未纳入监测的稳定脱贫人口：2022年定额资助100元
# custom:
#   clause: 二(一)
subsidy contains {"rule": "stable_out_of_poverty", "form": "fixed", "amount": 100, "funders": [{"funder": "district_finance", "share": 1}]} if {
	"stable_out_of_poverty" in input.person.categories
	input.year == 2022
}

# METADATA
# title: 未纳入监测的稳定脱贫人口：2023年定额资助50元；2024年按规定退出
# custom:
#   clause: 二(一)
subsidy contains {"rule": "stable_out_of_poverty", "form": "fixed", "amount": 50, "funders": [{"funder": "district_finance", "share": 1}]} if {
	"stable_out_of_poverty" in input.person.categories
	input.year == 2023
}

# ---------------------------------------------------------------------------
# 三(五) 基本医保: the city's uniform scheme (全市统一). Its terms are the
# city's, so they are parameters.

# METADATA
# title: 基本医保执行全市统一的城乡居民基本医保待遇
# custom:
#   clause: 三(五)
plan contains {
	"tier": "basic",
	"deductible": input.params.basic[input.claim.kind][input.claim.hospital_level].deductible,
	"ratio": input.params.basic[input.claim.kind][input.claim.hospital_level].ratio,
	"annual_cap": input.params.basic.annual_cap,
} if {
	input.claim.kind in {"inpatient", "outpatient_special", "outpatient"}
}

# METADATA
# title: 基本医保覆盖全体参保人
# custom:
#   clause: 三(五)
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
plan contains {"tier": "critical", "tilt": {"deductible_factor": 0.5, "ratio_add": 0.05, "remove_cap": true}} if {
	input.claim.kind in critical_kinds
	some c in {"extreme_poverty", "dibao", "returned_to_poverty"}
	c in input.person.categories
}

# METADATA
# title: 大病保险覆盖全体参保人的住院和门诊特病费用
# custom:
#   clause: 三(六)
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
# title: 特困人员、低保对象、返贫致贫人口救助比例不低于70%
# custom:
#   clause: 三(七)
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
parameters contains {"path": concat(".", ["assistance.by_category", c, "ratio"]), "floor": 0.6} if {
	some c in other_low_income
}

# A person in several categories is assisted under the first of them in the
# document's order, which is also the order of its floors (70% before 60%).
assistance_category := "extreme_poverty" if "extreme_poverty" in input.person.categories
else := "dibao" if "dibao" in input.person.categories
else := "returned_to_poverty" if "returned_to_poverty" in input.person.categories
else := "dibao_edge" if "dibao_edge" in input.person.categories
else := "unstable_out_of_poverty" if "unstable_out_of_poverty" in input.person.categories
else := "edge_vulnerable" if "edge_vulnerable" in input.person.categories
else := "sudden_hardship" if "sudden_hardship" in input.person.categories

# METADATA
# title: 年度救助限额内按类别比例救助；门诊和住院救助共用年度救助限额
# custom:
#   clause: 三(七)
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
coverage contains {"tier": "assistance", "categories": low_income}

# METADATA
# title: 经三重制度支付后个人负担仍然较重的，给予倾斜救助（标准由全市确定）
# custom:
#   clause: 三(七)
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
# title: 经三重制度报销后政策范围内自付费用达到监测标准2倍及以上，纳入监测范围
# custom:
#   clause: 三(八)
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
# custom:
#   clause: 一
uncomputed contains {"reason": "总体要求：指导思想与过渡期（2021—2025年），过渡期见 document.in_force_to"}

# METADATA
# custom:
#   clause: 二(二)
uncomputed contains {"reason": "原则：基本医保公平普惠、大病保险对特困人员、低保对象和返贫致贫人口倾斜、稳定脱贫人口取消超常规措施；其数额由三(六)、三(七)规定并计算"}

# METADATA
# custom:
#   clause: 二(三)
uncomputed contains {"reason": "清理过度保障政策、资金并入医疗救助基金：工作要求，不产生金额"}

# METADATA
# custom:
#   clause: 三(四)
uncomputed contains {"reason": "应保尽保与参保动员；7月1日至12月31日参保不设待遇享受等待期——引擎本就自参保日起计算待遇，不设等待期，故无规则可写"}

# METADATA
# custom:
#   clause: 四(九)
uncomputed contains {"reason": "经办管理服务能力建设、一站式服务、跨省直接结算：经办要求"}

# METADATA
# custom:
#   clause: 四(十)
uncomputed contains {"reason": "药品耗材集采、目录调整、支付方式改革、预付资金：管理措施"}

# METADATA
# custom:
#   clause: 四(十一)
uncomputed contains {"reason": "基金监管与合理就医：监管措施"}

# METADATA
# custom:
#   clause: 四(十二)
uncomputed contains {"reason": "“互联网+”诊疗纳入支付、基层能力建设：服务供给措施"}

# METADATA
# custom:
#   clause: 五(十三)
uncomputed contains {"reason": "组织领导：部门职责"}

# METADATA
# custom:
#   clause: 五(十四)
uncomputed contains {"reason": "部门协同与身份认定分工：部门职责"}

# METADATA
# custom:
#   clause: 五(十五)
uncomputed contains {"reason": "运行监测与信息比对：工作要求"}

# METADATA
# custom:
#   clause: 六
uncomputed contains {"reason": "自2022年1月1日起执行：即 document.in_force_from"}

# METADATA
# custom:
#   clause: 三(八)
uncomputed contains {"reason": "依申请救助“一事一议，酌情予以救助”，具体办法另行制定：无可计算的标准（本条的监测部分已计算）"}
