# 广东省巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略实施方案
# 广东省医疗保障局等7部门，2021年7月6日印发（seed 000_c06517980f87935d.txt）
#
# The seed carries no 文号: the notice cites 医保发〔2021〕10号 and
# 粤发〔2021〕10号 only as its bases, so `number` repeats the title.
#
# A provincial framework: most of its numbers are floors (不低于、以上) for
# the pooling regions (统筹区, the prefecture-level cities), whose own terms
# (basic insurance, the critical-illness bands and cap, the assistance limit,
# the fixed subsidy for monitored people) come from
# policies/params/guangdong.yaml or a case's params, each marked set_by.
#
# Clause ids follow the document: parts 一…三, sections (一)(二)(三) within
# each, and the items 1…12 numbered straight through part 二, so 二(二)6 is
# the critical-illness item.
package regions.guangdong

document := {
	"title": "广东省巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略实施方案",
	# No 文号 in the seed: the title stands in for it.
	"number": "广东省巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略实施方案",
	"issuer": "广东省医疗保障局、广东省民政厅、广东省财政厅、广东省卫生健康委、广东省乡村振兴局、国家税务总局广东省税务局、广东银保监局",
	"issued": "2021-07-06",
	# No commencement clause: in force from issue (印发之日), through the
	# transition period whose 目标任务 run 到2025年 (一(三)).
	"in_force_from": "2021-07-06",
	"in_force_to": "2025-12-31",
	# Benefit years 2021 (from issue; the year's subsidies were mostly
	# collected before it) to 2025.
	"years": [2021, 2022, 2023, 2024, 2025],
	"seed": "000_c06517980f87935d.txt",
	"clauses": [
		"一(一)", "一(二)", "一(三)",
		"二(一)1", "二(一)2", "二(一)3",
		"二(二)4", "二(二)5", "二(二)6", "二(二)7", "二(二)8",
		"二(三)9", "二(三)10", "二(三)11", "二(三)12",
		"三(一)", "三(二)", "三(三)",
	],
}

# The six assistance categories of 二(一)1, 二(二)7, in the document's order.
assistance_groups := [
	"extreme_poverty", "orphan", "de_facto_orphan",
	"dibao", "returned_to_poverty", "dibao_edge",
]

is_assistance_recipient if {
	some c in assistance_groups
	c in input.person.categories
}

assistance_fund := [{"funder": "medical_assistance_fund", "share": 1}]

all_kinds := {"inpatient", "outpatient_special", "outpatient"}

# ---------------------------------------------------------------------------
# 二(一)1 资助参保. The subsidies are 医疗救助资助参保 (the last sentence says
# stable out-of-poverty people 不再享受医疗救助资助参保政策), so the
# assistance fund pays them. 本省户籍 is not in the input: every person of a
# case is read as registered in Guangdong (see uncomputed 二(一)1).

# A person in several of the full-subsidy categories is subsidised under the
# first of them in the document's order: the amount is the same, the name
# deterministic. (The document gives no funding order.)
full_subsidy_category := "extreme_poverty" if "extreme_poverty" in input.person.categories
else := "orphan" if "orphan" in input.person.categories
else := "de_facto_orphan" if "de_facto_orphan" in input.person.categories
else := "dibao" if "dibao" in input.person.categories
else := "returned_to_poverty" if "returned_to_poverty" in input.person.categories
else := "dibao_edge" if "dibao_edge" in input.person.categories

# METADATA
# title: 本省户籍的特困人员、孤儿、事实无人抚养儿童、低保对象、返贫致贫人口、边缘家庭救助对象参加城乡居民医保，个人缴费部分全额资助
# custom:
#   clause: 二(一)1
subsidy contains {"rule": c, "form": "full", "basis": "tier1", "funders": assistance_fund} if {
	c := full_subsidy_category
}

# METADATA
# title: 脱贫不稳定且纳入农村低收入人口监测范围的，个人缴费部分给予定额资助，资助标准由各统筹区确定
# custom:
#   clause: 二(一)1
subsidy contains {
	"rule": "unstable_out_of_poverty",
	"form": "fixed",
	"amount": input.params.subsidy.by_category.unstable_out_of_poverty.amount,
	"funders": assistance_fund,
} if {
	"unstable_out_of_poverty" in input.person.categories
}

# 未纳入农村低收入人口监测范围的稳定脱贫人口（stable_out_of_poverty）按标准退出，
# 不再享受医疗救助资助参保政策: no rule, so no subsidy.

# ---------------------------------------------------------------------------
# 二(一)2 中途参保: the listed groups may enrol mid-year and are covered
# 从完成参保登记、做好身份标识之日起, with no waiting period. The case's
# enrollment.date is read as the day both were done (the later of the two).
# The rule speaks of mid-year enrollment only: a person enrolled in the
# collection period (no date, or 1 January) is covered all year, as anyone.
# The list ends in 等; only the groups it names are encoded.

mid_year_groups := [
	"extreme_poverty", "orphan", "de_facto_orphan", "dibao",
	"returned_to_poverty", "dibao_edge", "unstable_out_of_poverty",
	"illness_impoverished",
]

# METADATA
# title: 上述人员及因病致贫救助对象等允许中途参保，从完成参保登记、做好身份标识之日起享受医保待遇
# custom:
#   clause: 二(一)2
enrollment contains {"starts": "enrollment_date"} if {
	some c in mid_year_groups
	c in input.person.categories
	input.enrollment.date > sprintf("%d-01-01", [input.year])
}

# ---------------------------------------------------------------------------
# 二(二)5 基本医保: the cities' resident scheme (住院政策范围内支付比例总体
# 稳定在70%左右 is an outcome over all admissions, not a per-claim ratio).
# Its terms are the cities', so they are parameters.

# METADATA
# title: 城乡居民基本医保：住院、门诊统筹、门诊特定病种按统筹区待遇支付（住院总体稳定在70%左右）
# custom:
#   clause: 二(二)5
plan contains {
	"tier": "basic",
	"deductible": input.params.basic[input.claim.kind][input.claim.hospital_level].deductible,
	"ratio": input.params.basic[input.claim.kind][input.claim.hospital_level].ratio,
	"annual_cap": input.params.basic.annual_cap,
} if {
	input.claim.kind in all_kinds
}

# METADATA
# title: 基本医保公平普惠，覆盖全体参保人
# custom:
#   clause: 二(二)5
coverage contains {
	"tier": "basic",
	"categories": array.concat(assistance_groups, ["unstable_out_of_poverty", "stable_out_of_poverty", "illness_impoverished", "ordinary"]),
}

# ---------------------------------------------------------------------------
# 二(二)6 大病保险: deductible 50% of per-capita disposable income (a derived
# parameter), ratio raised to 60% — a level every band of the city's must
# reach, applied as a ratio floor. The tilted groups (倾斜支付):
#   低保对象、返贫致贫人口: 起付标准下降不低于70% → deductible × 0.3,
#     支付比例达到70%以上 → every band at least 0.7;
#   特困人员、孤儿、事实无人抚养儿童: 下降不低于80% → × 0.2, 80%以上 → 0.8;
#   all five: 不设年度最高支付限额 (one of the means the sentence lists).
# 0.3 and 0.2 are the document's ceilings: a city may cut further, but the
# schema has one critical.tilt.deductible_factor for every group, so the
# module states the ceiling itself — the least every city must give.
# The document does not say which claim kinds the tier pays on; Guangdong's
# 大病保险 pays on inpatient and outpatient special-disease costs, read here
# as its reach.

critical_kinds := {"inpatient", "outpatient_special"}

# The more favourable group decides a person in both (特困 before 低保).
in_critical_80 if {
	some c in ["extreme_poverty", "orphan", "de_facto_orphan"]
	c in input.person.categories
}

in_critical_70 if {
	not in_critical_80
	some c in ["dibao", "returned_to_poverty"]
	c in input.person.categories
}

in_critical_tilt if in_critical_80

in_critical_tilt if in_critical_70

# METADATA
# title: 大病保险起付线统一至居民人均可支配收入的50%；分段比例、年度最高支付限额由统筹区确定
# custom:
#   clause: 二(二)6
plan contains {
	"tier": "critical",
	"deductible": input.params.critical.deductible,
	"bands": input.params.critical.bands,
	"annual_cap": input.params.critical.annual_cap,
} if {
	input.claim.kind in critical_kinds
}

# METADATA
# title: 政策范围内支付比例提高到60%（各段比例不低于60%）
# custom:
#   clause: 二(二)6
plan contains {"tier": "critical", "tilt": {"ratio_floor": 0.6}} if {
	input.claim.kind in critical_kinds
	not in_critical_tilt
}

# METADATA
# title: 最低生活保障对象和返贫致贫人口起付标准下降不低于70%，支付比例达到70%以上
# custom:
#   clause: 二(二)6
plan contains {"tier": "critical", "tilt": {"deductible_factor": 0.3, "ratio_floor": 0.7}} if {
	input.claim.kind in critical_kinds
	in_critical_70
}

# METADATA
# title: 特困人员、孤儿、事实无人抚养儿童起付标准下降不低于80%，支付比例达到80%以上
# custom:
#   clause: 二(二)6
plan contains {"tier": "critical", "tilt": {"deductible_factor": 0.2, "ratio_floor": 0.8}} if {
	input.claim.kind in critical_kinds
	in_critical_80
}

# METADATA
# title: 对特困人员、孤儿、事实无人抚养儿童、低保对象、返贫致贫人口实施倾斜支付，不设年度最高支付限额
# custom:
#   clause: 二(二)6
plan contains {"tier": "critical", "tilt": {"remove_cap": true}} if {
	input.claim.kind in critical_kinds
	in_critical_tilt
}

# METADATA
# title: 大病保险覆盖全体参保人的住院和门诊特定病种费用
# custom:
#   clause: 二(二)6
coverage contains {
	"tier": "critical",
	"categories": array.concat(assistance_groups, ["unstable_out_of_poverty", "stable_out_of_poverty", "illness_impoverished", "ordinary"]),
	"claim_kinds": ["inpatient", "outpatient_special"],
}

# ---------------------------------------------------------------------------
# 二(二)7 医疗救助: on what basic, critical-illness (and other supplementary)
# insurance leave, for inpatient, ordinary outpatient and outpatient
# special-disease treatment: 低保对象、返贫致贫人口、边缘家庭救助对象 at least
# 80%, 特困人员、孤儿、事实无人抚养儿童 100%; outpatient and inpatient share
# the annual limit (the tier's default cap group), which is the city's.

# METADATA
# title: 最低生活保障对象、返贫致贫人口、边缘家庭救助对象按不低于80%给予救助
# custom:
#   clause: 二(二)7
parameters contains {"path": concat(".", ["assistance.by_category", c, "ratio"]), "floor": 0.8} if {
	some c in ["dibao", "returned_to_poverty", "dibao_edge"]
}

# METADATA
# title: 特困人员、孤儿、事实无人抚养儿童按100%的比例给予救助
# custom:
#   clause: 二(二)7
parameters contains {"path": concat(".", ["assistance.by_category", c, "ratio"]), "fixed": 1} if {
	some c in ["extreme_poverty", "orphan", "de_facto_orphan"]
}

# A person in several categories is assisted under the first of them in
# the document's order: the 100% group before the 80% group.
assistance_category := "extreme_poverty" if "extreme_poverty" in input.person.categories
else := "orphan" if "orphan" in input.person.categories
else := "de_facto_orphan" if "de_facto_orphan" in input.person.categories
else := "dibao" if "dibao" in input.person.categories
else := "returned_to_poverty" if "returned_to_poverty" in input.person.categories
else := "dibao_edge" if "dibao_edge" in input.person.categories

# METADATA
# title: 住院和普通门诊、门诊特定病种经基本医保、大病保险支付后个人负担的合规费用按类别比例救助；门诊和住院共用年度救助限额
# custom:
#   clause: 二(二)7
plan contains {
	"tier": "assistance",
	"ratio": input.params.assistance.by_category[c].ratio,
	"annual_cap": input.params.assistance.annual_cap,
} if {
	input.claim.kind in all_kinds
	c := assistance_category
}

# METADATA
# title: 六类救助对象在住院、普通门诊和门诊特定病种均享受医疗救助
# custom:
#   clause: 二(二)7
coverage contains {"tier": "assistance", "categories": assistance_groups}

# The document gives no terms for 倾斜救助: they are the city's, parameters
# like the rest (tilted.*; the params file's are examples). A settlement
# that needs them without a value is an error naming them.

# METADATA
# title: 经三重制度支付后个人负担仍然较重的，给予倾斜救助（起付标准、比例、限额由统筹区确定）
# custom:
#   clause: 二(二)7
plan contains {
	"tier": "tilted",
	"deductible": input.params.tilted.threshold,
	"ratio": input.params.tilted.ratio,
	"annual_cap": input.params.tilted.annual_cap,
} if {
	input.claim.kind in all_kinds
	is_assistance_recipient
}

# ---------------------------------------------------------------------------
# 二(二)8 依申请救助: a family whose members' cumulative compliant medical
# costs after basic, critical-illness and other supplementary insurance
# reach or exceed (达到或超过: inclusive) 60% of the household's annual
# disposable income, with assets below the local limit, is brought into
# medical assistance. A case is one person: the person's insured_self_pay
# (Σ P2) stands for the family's sum. The test itself defines who is a
# 因病致贫家庭成员, so the flag is for anyone whose household's assets are
# within the limit; assets over it exclude the person (the flag is not
# listed).

# METADATA
# title: 家庭成员累计负担的合规医疗费用达到或超过家庭年可支配总收入的60%，且家庭资产低于户籍地上限的，纳入医疗救助范围
# custom:
#   clause: 二(二)8
monitoring contains {
	"flag": "application_assistance",
	"measure": "insured_self_pay",
	"household_income_share": 0.6,
	"inclusive": true,
	"population": "因病致贫家庭成员（家庭资产总值低于户籍所在地规定上限，依申请）",
} if {
	input.person.household.assets_within_limit == true
}

# ---------------------------------------------------------------------------
# Clauses (or parts of clauses) the module does not compute, and why.

# METADATA
# custom:
#   clause: 一(一)
uncomputed contains {"reason": "指导思想：不产生金额"}

# METADATA
# custom:
#   clause: 一(二)
uncomputed contains {"reason": "基本原则（应保尽保、防止泛福利化、公平普惠、分类管理）：不产生金额"}

# METADATA
# custom:
#   clause: 一(三)
uncomputed contains {"reason": "目标任务：到2025年平稳过渡，即 document.in_force_to 与 years 2021—2025"}

# METADATA
# custom:
#   clause: 二(一)1
uncomputed contains {"reason": "“本省户籍”条件：输入无户籍属性，病例中的人一律视为本省户籍；全额资助按一档（统一）个人缴费标准计算"}

# METADATA
# custom:
#   clause: 二(一)2
uncomputed contains {"reason": "参保动员、“绿色通道”、信息共享：工作要求；名单以“等”结尾，只计算所列人群"}

# METADATA
# custom:
#   clause: 二(一)3
uncomputed contains {"reason": "治理过度保障、清理存量、合理控制救助对象自付比例：原则，无数额；倾斜支付的数额见二(二)6"}

# METADATA
# custom:
#   clause: 二(二)4
uncomputed contains {"reason": "应保尽保与参保台账、引导参加职工医保；跨区域转移接续及非个人原因停保断保原则上不设等待期——输入无转移接续或断保属性，引擎本就不设等待期"}

# METADATA
# custom:
#   clause: 二(二)5
uncomputed contains {"reason": "住院支付比例“总体稳定在70%左右”是全体住院的结果而非单笔比例；门诊统筹、门诊特定病种、“两病”用药保障的具体待遇由统筹区确定（见参数 basic.*）"}

# METADATA
# custom:
#   clause: 二(二)7
uncomputed contains {"reason": "“其他补充医疗保险”支付未建模（视为0）；倾斜救助无省级数额，按统筹区的 tilted.* 参数计算"}

# METADATA
# custom:
#   clause: 二(二)8
uncomputed contains {"reason": "因病返贫、因病致贫监测标准“由各统筹区根据实际情况分类明确”：省文件未给出标准、口径和比较方式，不计算；依申请救助纳入后的救助比例、限额未规定；社会力量、商业健康保险、慈善救助为鼓励性措施"}

# METADATA
# custom:
#   clause: 二(三)9
uncomputed contains {"reason": "经办管理服务、一站式服务、异地就医备案与直接结算、零星报销：经办要求"}

# METADATA
# custom:
#   clause: 二(三)10
uncomputed contains {"reason": "集中采购、全省统一目录、按病种分值付费、腹膜透析包干支付、预付资金、医疗服务质量管理：管理措施，不改变本模型的计算"}

# METADATA
# custom:
#   clause: 二(三)11
uncomputed contains {"reason": "基金监管、智能监控、异地就医管理：监管措施"}

# METADATA
# custom:
#   clause: 二(三)12
uncomputed contains {"reason": "省内按规定转诊的住院起付线连续计算：需知道本次住院承接哪一次住院及其已付起付线，病例的 referred 只表示按规定转诊，而基本医保起付线逐次计算、不跨费用结转，故不计算（病例可用 basic_paid 给出连续计算后的基本医保支付）；执行参保地同等待遇即本模型的默认；“互联网+”、医共体：服务供给措施"}

# METADATA
# custom:
#   clause: 三(一)
uncomputed contains {"reason": "加强组织领导：部门职责"}

# METADATA
# custom:
#   clause: 三(二)
uncomputed contains {"reason": "部门协作分工与身份认定：部门职责"}

# METADATA
# custom:
#   clause: 三(三)
uncomputed contains {"reason": "运行监测点（吴川市、兴宁市）、信息比对与台账、政策宣传：工作要求"}
