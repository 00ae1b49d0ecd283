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

document := {
	"title": "通辽市健全重特大疾病医疗保险和救助制度实施方案",
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
# title: 特困人员、孤儿（含事实无抚养儿童）个人缴费由政府全额资助
# custom:
#   clause: 二(三)
subsidy contains {"rule": c, "form": "full", "basis": "tier1", "funders": assistance_fund} if {
	some c in ["extreme_poverty", "orphan", "de_facto_orphan"]
	c in input.person.categories
}

# METADATA
# title: 低保对象、返贫致贫人口个人缴费由政府定额资助，标准不低于当期居民医保个人缴费标准的45%
# custom:
#   clause: 二(三)
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
# title: 定额资助标准不低于当期居民医保个人缴费标准的45%（市政府有关部门可适时调整）
# custom:
#   clause: 二(三)
parameters contains {"path": concat(".", ["subsidy.by_category", c, "share"]), "floor": 0.45} if {
	some c in ["dibao", "returned_to_poverty"]
}

# ---------------------------------------------------------------------------
# 基本医保: the document sets no terms of its own; it requires the national and
# autonomous-region policy to be applied strictly (二(七): 严格执行国家、自治区
# 制定的基本政策…巩固住院待遇保障水平，完善门诊保障政策措施). The terms are
# the region's, so they are parameters.

# METADATA
# title: 基本医保严格执行国家、自治区制定的基本政策（起付线、支付比例、最高支付限额）
# custom:
#   clause: 二(七)
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
#   clause: 二(七)
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
plan contains {"tier": "critical", "tilt": {"ratio_floor": 0.6}} if {
	input.claim.kind in critical_kinds
}

# METADATA
# title: 特困人员、低保对象、返贫致贫人口大病保险起付标准降低50%，支付比例提高5个百分点，并取消最高支付限额
# custom:
#   clause: 二(七)
plan contains {"tier": "critical", "tilt": {"deductible_factor": 0.5, "ratio_add": 0.05, "remove_cap": true}} if {
	input.claim.kind in critical_kinds
	some c in ["extreme_poverty", "dibao", "returned_to_poverty"]
	c in input.person.categories
}

# METADATA
# title: 大病保险覆盖全体参保人的住院和门诊慢特病费用
# custom:
#   clause: 二(七)
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
assistance_category := "extreme_poverty" if "extreme_poverty" in input.person.categories
else := "dibao" if "dibao" in input.person.categories
else := "returned_to_poverty" if "returned_to_poverty" in input.person.categories
else := "monitored" if "monitored" in input.person.categories
else := "dibao_edge" if "dibao_edge" in input.person.categories
else := "illness_impoverished" if "illness_impoverished" in input.person.categories

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
plan contains {"tier": "assistance", "annual_cap": null} if {
	assisted_claim
	assistance_category == "extreme_poverty"
}

# METADATA
# title: 低保对象、农村牧区易返贫致贫人口、低保边缘家庭成员、因病致贫重病患者年度限额13万元；门诊和住院救助共用
# custom:
#   clause: 二(六)1
plan contains {"tier": "assistance", "annual_cap": input.params.assistance.by_category[c].annual_cap} if {
	assisted_claim
	c := assistance_category
	c != "extreme_poverty"
}

# METADATA
# title: 年度限额13万元（返贫致贫人口按农村牧区易返贫致贫人口）
# custom:
#   clause: 二(六)1
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
plan contains {"tier": "assistance", "deductible": input.params.assistance.by_category[c].deductible} if {
	assisted_claim
	input.claim.kind == "inpatient"
	c := assistance_category
}

# METADATA
# title: 特困人员、低保对象、农村牧区易返贫致贫人员不设住院救助起付标准
# custom:
#   clause: 二(六)2
parameters contains {"path": concat(".", ["assistance.by_category", c, "deductible"]), "fixed": 0} if {
	some c in ["extreme_poverty", "dibao", "returned_to_poverty", "monitored"]
}

# METADATA
# title: 住院救助：特困人员全额救助；低保对象、返贫致贫人口不低于70%；农村牧区易返贫致贫人员、低保边缘家庭成员、因病致贫重病患者不低于60%
# custom:
#   clause: 二(六)3
plan contains {"tier": "assistance", "ratio": input.params.assistance.by_category[c].ratio} if {
	assisted_claim
	input.claim.kind == "inpatient"
	c := assistance_category
}

# METADATA
# title: 对特困人员住院政策范围内费用实施全额救助
# custom:
#   clause: 二(六)3
parameters contains {"path": "assistance.by_category.extreme_poverty.ratio", "fixed": 1}

# METADATA
# title: 低保对象和返贫致贫人口住院救助比例不低于70%
# custom:
#   clause: 二(六)3
parameters contains {"path": concat(".", ["assistance.by_category", c, "ratio"]), "floor": 0.7} if {
	some c in ["dibao", "returned_to_poverty"]
}

# METADATA
# title: 农村牧区易返贫致贫人员、低保边缘家庭成员、因病致贫重病患者住院救助比例不低于60%
# custom:
#   clause: 二(六)3
parameters contains {"path": concat(".", ["assistance.by_category", c, "ratio"]), "floor": 0.6} if {
	some c in ["monitored", "dibao_edge", "illness_impoverished"]
}

# "救助对象门诊政策范围内费用按70%比例救助" is for every 救助对象, 特困 too
# (the 全额救助 is for 住院 costs); both outpatient kinds are 门诊.

# METADATA
# title: 救助对象门诊政策范围内费用按70%比例救助，门诊救助和住院救助共用年度救助限额
# custom:
#   clause: 二(六)3
plan contains {"tier": "assistance", "ratio": 0.7} if {
	assisted_claim
	assistance_category
	input.claim.kind in {"outpatient_special", "outpatient"}
}

# METADATA
# title: 医疗救助覆盖救助对象的住院费用和门诊费用（按规定转诊）
# custom:
#   clause: 二(五)
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
parameters contains {"path": "tilted.ratio", "fixed": 0.7}

# METADATA
# title: 倾斜救助年度最高救助限额5万元
# custom:
#   clause: 二(六)4
parameters contains {"path": "tilted.annual_cap", "fixed": 50000}

# METADATA
# title: 医疗救助对象经三重制度综合保障后个人负担仍然较重的给予倾斜救助
# custom:
#   clause: 二(六)4
coverage contains {"tier": "tilted", "categories": assisted, "referred_only": true}

# ---------------------------------------------------------------------------
# 二(十四) 目录外费用: level-2 hospitals at most 5%, level-3 at most 10% of
# the bill, for the 救助对象 the clause is about. The document does not say
# who bears an excess, so it is reported, not moved to the hospital.

# METADATA
# title: 二级医疗机构目录外比例不超过5%
# custom:
#   clause: 二(十四)
plan contains {"tier": "out_of_catalog", "limit": 0.05, "hospital_bears": false} if {
	is_assisted
	input.claim.hospital_level == "2"
}

# METADATA
# title: 三级医疗机构目录外费用比例不超过10%
# custom:
#   clause: 二(十四)
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
# title: 经基本医保、大病保险支付后个人年度累计负担的符合基本医疗费用超过全市上年农村牧区常住居民人均可支配收入的，纳入因病致贫监测
# custom:
#   clause: 二(八)
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
# custom:
#   clause: 一
uncomputed contains {"reason": "总体要求：指导思想与原则（应保尽保、保障基本、避免过度保障），不产生金额"}

# METADATA
# custom:
#   clause: 二(一)
uncomputed contains {"reason": "救助对象范围：类别由病例给定。因病致贫重病患者的认定（家庭人均年收入低于上年度当地居民人均可支配收入，扣减医保支付后的个人负担后低于低保标准1.5倍，且财产符合规定）是对家庭收入的金额运算，Rego 不做算术，由民政部门认定（三(二)），病例以 illness_impoverished 给出；旗县级以上政府规定的其他特殊困难人员由其列明"}

# METADATA
# custom:
#   clause: 二(二)
uncomputed contains {"reason": "应保尽保：参保率稳定在95%以上的工作目标、认定部门督促参保、每月20日前推送身份信息等部门职责与时限，不产生个人金额"}

# METADATA
# custom:
#   clause: 二(四)
uncomputed contains {"reason": "筹资机制：自2023年起按常住人口人均不低于60元由市、旗两级政府按2:8匹配医疗救助基金，是基金筹集总额与分担，不是按人计算的待遇"}

# METADATA
# custom:
#   clause: 二(六)
uncomputed contains {"reason": "末段：农村牧区易返贫致贫人口救助水平按巩固拓展医疗保障脱贫攻坚成果衔接政策执行（不在本文件，本文件的60%下限为默认）；多重身份就高不就低、不得重复救助已由 assistance_category 计算"}

# METADATA
# custom:
#   clause: 二(七)
uncomputed contains {"reason": "严格执行国家、自治区医保基本制度与支付范围，落实农村牧区易返贫致贫人口帮扶措施：其数额在本文件之外（基本医保与大病保险的数额作为参数给出）"}

# METADATA
# custom:
#   clause: 二(九)
uncomputed contains {"reason": "引导慈善救助、罕见病用药保障机制探索：倡导性措施"}

# METADATA
# custom:
#   clause: 二(十)
uncomputed contains {"reason": "鼓励医疗互助和商业健康保险：倡导性措施"}

# METADATA
# custom:
#   clause: 二(十一)
uncomputed contains {"reason": "经办一体化、一站式结算、定点机构协议管理与基金监管：经办与监管要求"}

# METADATA
# custom:
#   clause: 二(十二)
uncomputed contains {"reason": "简化申请审核、系统标识按月动态调整、低保特困直接纳入一站式结算：经办程序"}

# METADATA
# custom:
#   clause: 二(十三)
uncomputed contains {"reason": "依申请救助：“一事一议”，根据家庭经济状况、个人费用负担合理确定，无可计算的标准"}

# METADATA
# custom:
#   clause: 二(十四)
uncomputed contains {"reason": "分级诊疗、先诊疗后付费免押金、异地就医备案执行户籍地救助标准：服务管理要求（目录外比例与未转诊不救助已计算）"}

# METADATA
# custom:
#   clause: 三(一)
uncomputed contains {"reason": "强化组织领导：工作机制与绩效评价"}

# METADATA
# custom:
#   clause: 三(二)
uncomputed contains {"reason": "部门工作合力：各部门职责（民政部门认定救助对象和因病致贫重病患者，乡村振兴部门监测脱贫不稳定户、边缘易致贫户和突发严重困难户）"}

# METADATA
# custom:
#   clause: 三(三)
uncomputed contains {"reason": "基金预算管理：预算与绩效管理要求"}

# METADATA
# custom:
#   clause: 三(四)
uncomputed contains {"reason": "基层能力建设：经办队伍与服务网络"}

# METADATA
# custom:
#   clause: 末段
uncomputed contains {"reason": "本方案自2023年1月1日起实施：即 document.in_force_from；文件未定终止日期"}
