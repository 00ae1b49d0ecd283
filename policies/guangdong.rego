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

# METADATA
# scope: document
# title: 文件：文号、发文机关、施行日期、适用年度
# description: 由外部查询的决定 data.regions.guangdong.document（polc 与 OPA 客户端）
# entrypoint: true
document := {
	"title": "广东省巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略实施方案",
	"area": "广东省",
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
full_subsidy_category := "extreme_poverty" if {
	"extreme_poverty" in input.person.categories
} else := "orphan" if {
	"orphan" in input.person.categories
} else := "de_facto_orphan" if {
	"de_facto_orphan" in input.person.categories
} else := "dibao" if {
	"dibao" in input.person.categories
} else := "returned_to_poverty" if {
	"returned_to_poverty" in input.person.categories
} else := "dibao_edge" if {
	"dibao_edge" in input.person.categories
}

# METADATA
# scope: document
# title: 资助参保：各类人员的资助规则
# description: 由外部查询的决定 data.regions.guangdong.subsidy（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 本省户籍的特困人员、孤儿、事实无人抚养儿童、低保对象、返贫致贫人口、边缘家庭救助对象参加城乡居民医保，个人缴费部分全额资助
# custom:
#   clause: 二(一)1
#   quote:
#     - 对于本省户籍的特困人员、孤儿、事实无人抚养儿童、最低生活保障对象、乡村振兴部门认定的返贫致贫人口(以下简称返贫致贫人口)、最低生活保障边缘家庭救助对象(以下简称边缘家庭救助对象)参加城乡居民基本医疗保险的,其个人缴费部分全额资助。
#     - 未纳入农村低收入人口监测范围的稳定脱贫人口,按标准退出,不再享受医疗救助资助参保政策。
#   reading:
#     - text: 其个人缴费部分全额资助
#       chosen: 按统筹区一档（统一）城乡居民个人缴费标准全额资助（basis tier1）
#       alternative: 按本人实际选择的缴费档次全额资助——在设两档的统筹区，选二档者的资助额等于二档缴费，更高
#     - text: 不再享受医疗救助资助参保政策
#       chosen: 本条的资助参保都是医疗救助资助参保，由医疗救助基金出资
#       alternative: 文件未写出资渠道，全额资助也可由财政或乡村振兴衔接资金等出资——金额不变，出资方不同
subsidy contains {"rule": c, "form": "full", "basis": "tier1", "funders": assistance_fund} if {
	c := full_subsidy_category
}

# METADATA
# title: 脱贫不稳定且纳入农村低收入人口监测范围的，个人缴费部分给予定额资助，资助标准由各统筹区确定
# custom:
#   clause: 二(一)1
#   quote:
#     - 对于脱贫不稳定且纳入相关部门农村低收入人口监测范围参加城乡居民基本医疗保险的,其个人缴费部分给予定额资助,资助标准由各统筹区确定。
#     - 未纳入农村低收入人口监测范围的稳定脱贫人口,按标准退出,不再享受医疗救助资助参保政策。
#   reading:
#     text: 不再享受医疗救助资助参保政策
#     chosen: 定额资助也是医疗救助资助参保，由医疗救助基金出资，金额取统筹区参数
#     alternative: 定额资助可由财政或乡村振兴衔接资金等其他渠道出资——金额不变，出资方不同
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
# scope: document
# title: 参保：待遇享受起始时间与等待期
# description: 由外部查询的决定 data.regions.guangdong.enrollment（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 上述人员及因病致贫救助对象等允许中途参保，从完成参保登记、做好身份标识之日起享受医保待遇
# custom:
#   clause: 二(一)2
#   quote: 特困人员、孤儿、事实无人抚养儿童、最低生活保障对象、返贫致贫人口、边缘家庭救助对象、脱贫不稳定且纳入相关部门农村低收入人口监测范围人员及因病致贫救助对象等允许中途参保,从完成参保登记、做好身份标识之日起享受医保待遇。
#   reading:
#     - text: 从完成参保登记、做好身份标识之日起享受医保待遇
#       chosen: 两项都完成之日（两者中较晚的一天）起享受待遇，即病例的 enrollment.date
#       alternative: 自参保登记之日起即享受基本医保待遇，身份标识只决定资助和倾斜待遇——登记至标识之间发生的费用也由医保支付
#     - text: 因病致贫救助对象等允许中途参保
#       chosen: “等”为列举，只对所列八类人群计算中途参保
#       alternative: “等”还包括未列名的其他农村低收入人口——他们中途参保也自登记之日起享受待遇，而不是按普通参保人处理
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
# scope: document
# title: 待遇条款：就医情形下各层级的起付线、比例与封顶线
# description: 由外部查询的决定 data.regions.guangdong.plan（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 城乡居民基本医保：住院、门诊统筹、门诊特定病种按统筹区待遇支付（住院总体稳定在70%左右）
# custom:
#   clause: 二(二)5
#   quote:
#     - 完善统一的城乡居民基本医疗保险制度,巩固住院待遇保障水平,政策范围内住院费用支付比例总体稳定在70%左右。
#     - 建立健全城乡居民基本医疗保险门诊统筹制度,减轻医疗费用负担。
#     - 健全门诊特定病种制度,提高保障水平。
#   reading:
#     text: 政策范围内住院费用支付比例总体稳定在70%左右
#     chosen: 全体住院费用的总体结果，不是单笔比例；各级医院的起付线和比例取统筹区参数（basic.*）
#     alternative: 作为每次住院的政策范围内支付比例（约70%）——比例高于70%的一级、二级医院住院会少付，低于70%的会多付
plan contains {
	"tier": "basic",
	"deductible": input.params.basic[input.claim.kind][input.claim.hospital_level].deductible,
	"ratio": input.params.basic[input.claim.kind][input.claim.hospital_level].ratio,
	"annual_cap": input.params.basic.annual_cap,
} if {
	input.claim.kind in all_kinds
}

# METADATA
# scope: document
# title: 覆盖范围：各层级覆盖的人员类别
# description: 由外部查询的决定 data.regions.guangdong.coverage（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 基本医保公平普惠，覆盖全体参保人
# custom:
#   clause: 二(二)5
#   quote:
#     - 基本医保实施公平普惠保障政策。
#     - 完善统一的城乡居民基本医疗保险制度,巩固住院待遇保障水平,政策范围内住院费用支付比例总体稳定在70%左右。
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
#   quote:
#     - 巩固大病保险保障水平,全面落实起付线降低并统一至居民人均可支配收入的50%,政策范围内支付比例提高到60%。
#     - 提高大病保险保障能力。
#   reading:
#     - text: 居民人均可支配收入的50%
#       chosen: 上年度、统筹区所在地的居民人均可支配收入（按国家口径；示例参数以全省数代替）
#       alternative: 当年度的或全省统一的居民人均可支配收入——起付线随之改变，收入数越高起付线越高、大病保险支付越少
#     - text: 巩固大病保险保障水平
#       chosen: 文件未写大病保险的费用范围，按广东现行做法只支付住院和门诊特定病种费用
#       alternative: 只支付住院费用，或也支付普通门诊费用——门诊特定病种或普通门诊的大病保险支付随之取消或增加
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
#   quote: 巩固大病保险保障水平,全面落实起付线降低并统一至居民人均可支配收入的50%,政策范围内支付比例提高到60%。
#   reading:
#     text: 政策范围内支付比例提高到60%
#     chosen: 大病保险每一段支付比例都不低于60%（作为下限施加到统筹区的各段）
#     alternative: 60%为统一的单一支付比例，取代统筹区分段比例——高于60%的段（如示例参数10万元以上70%）只付60%；或为总体结果，不约束低于60%的段
plan contains {"tier": "critical", "tilt": {"ratio_floor": 0.6}} if {
	input.claim.kind in critical_kinds
	not in_critical_tilt
}

# METADATA
# title: 最低生活保障对象和返贫致贫人口起付标准下降不低于70%，支付比例达到70%以上
# custom:
#   clause: 二(二)6
#   quote:
#     - 在巩固大病保险保障水平基础上,对特困人员、孤儿、事实无人抚养儿童、最低生活保障对象、返贫致贫人口实施倾斜支付,通过采取降低大病保险起付标准、提高支付比例、不设年度最高支付限额等方式,提高其大病保险待遇。
#     - 最低生活保障对象和返贫致贫人口起付标准下降不低于70%,支付比例达到70%以上
#   reading:
#     - text: 起付标准下降不低于70%
#       chosen: 起付标准为普通参保人大病保险起付线的30%（文件允许的最小降幅，即每个统筹区至少给的待遇）
#       alternative: 按统筹区实际确定的更大降幅（如降80%或不设起付线）——起付标准更低，支付更多
#     - text: 支付比例达到70%以上
#       chosen: 大病保险每一段支付比例都不低于70%（逐段下限，含70%本身）
#       alternative: 总体支付比例达到70%即可，低段可低于70%——起付线以上的前段费用支付较少
#     - text: 最低生活保障对象和返贫致贫人口起付标准下降不低于70%
#       chosen: 同时属于特困人员、孤儿、事实无人抚养儿童的，只按80%组的待遇（就高不就低），不适用本组
#       alternative: 按其低保或返贫致贫身份适用本组（起付线30%、比例70%），支付较少；或两组待遇叠加
plan contains {"tier": "critical", "tilt": {"deductible_factor": 0.3, "ratio_floor": 0.7}} if {
	input.claim.kind in critical_kinds
	in_critical_70
}

# METADATA
# title: 特困人员、孤儿、事实无人抚养儿童起付标准下降不低于80%，支付比例达到80%以上
# custom:
#   clause: 二(二)6
#   quote:
#     - 在巩固大病保险保障水平基础上,对特困人员、孤儿、事实无人抚养儿童、最低生活保障对象、返贫致贫人口实施倾斜支付,通过采取降低大病保险起付标准、提高支付比例、不设年度最高支付限额等方式,提高其大病保险待遇。
#     - 特困人员、孤儿、事实无人抚养儿童起付标准下降不低于80%,支付比例达到80%以上。
#   reading:
#     - text: 起付标准下降不低于80%
#       chosen: 起付标准为普通参保人大病保险起付线的20%（文件允许的最小降幅，即每个统筹区至少给的待遇）
#       alternative: 按统筹区实际确定的更大降幅（如取消起付线）——起付标准更低，支付更多
#     - text: 支付比例达到80%以上
#       chosen: 大病保险每一段支付比例都不低于80%（逐段下限，含80%本身）
#       alternative: 总体支付比例达到80%即可，低段可低于80%——起付线以上的前段费用支付较少
plan contains {"tier": "critical", "tilt": {"deductible_factor": 0.2, "ratio_floor": 0.8}} if {
	input.claim.kind in critical_kinds
	in_critical_80
}

# METADATA
# title: 对特困人员、孤儿、事实无人抚养儿童、低保对象、返贫致贫人口实施倾斜支付，不设年度最高支付限额
# custom:
#   clause: 二(二)6
#   quote: 在巩固大病保险保障水平基础上,对特困人员、孤儿、事实无人抚养儿童、最低生活保障对象、返贫致贫人口实施倾斜支付,通过采取降低大病保险起付标准、提高支付比例、不设年度最高支付限额等方式,提高其大病保险待遇。
#   reading:
#     text: 通过采取降低大病保险起付标准、提高支付比例、不设年度最高支付限额等方式
#     chosen: 不设年度最高支付限额对五类倾斜支付人群一律适用
#     alternative: 所列为可选的方式，统筹区可只降起付线、提比例而保留封顶线——达到统筹区大病保险年度限额（示例30万元）后不再支付
plan contains {"tier": "critical", "tilt": {"remove_cap": true}} if {
	input.claim.kind in critical_kinds
	in_critical_tilt
}

# METADATA
# title: 大病保险覆盖全体参保人的住院和门诊特定病种费用
# custom:
#   clause: 二(二)6
#   quote: 巩固大病保险保障水平,全面落实起付线降低并统一至居民人均可支配收入的50%,政策范围内支付比例提高到60%。
#   reading:
#     text: 巩固大病保险保障水平
#     chosen: 文件未写大病保险的对象和费用范围，读作覆盖全体城乡居民参保人，按广东现行做法支付住院和门诊特定病种费用
#     alternative: 只支付住院费用，或也支付普通门诊费用——门诊特定病种的大病保险支付随之取消，或普通门诊也有大病保险支付
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
# scope: document
# title: 参数：文件规定、设下限或留给地方的数值
# description: 由外部查询的决定 data.regions.guangdong.parameters（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 最低生活保障对象、返贫致贫人口、边缘家庭救助对象按不低于80%给予救助
# custom:
#   clause: 二(二)7
#   quote: 在定点医疗机构住院和普通门诊、门诊特定病种治疗的,经基本医疗保险、大病保险和其他补充医疗保险支付后个人负担的合规医疗费用,最低生活保障对象、返贫致贫人口、边缘家庭救助对象按不低于80%给予救助,特困人员、孤儿、事实无人抚养儿童按100%的比例给予救助。
parameters contains {"path": concat(".", ["assistance.by_category", c, "ratio"]), "floor": 0.8} if {
	some c in ["dibao", "returned_to_poverty", "dibao_edge"]
}

# METADATA
# title: 特困人员、孤儿、事实无人抚养儿童按100%的比例给予救助
# custom:
#   clause: 二(二)7
#   quote: 在定点医疗机构住院和普通门诊、门诊特定病种治疗的,经基本医疗保险、大病保险和其他补充医疗保险支付后个人负担的合规医疗费用,最低生活保障对象、返贫致贫人口、边缘家庭救助对象按不低于80%给予救助,特困人员、孤儿、事实无人抚养儿童按100%的比例给予救助。
parameters contains {"path": concat(".", ["assistance.by_category", c, "ratio"]), "fixed": 1} if {
	some c in ["extreme_poverty", "orphan", "de_facto_orphan"]
}

# A person in several categories is assisted under the first of them in
# the document's order: the 100% group before the 80% group.
assistance_category := "extreme_poverty" if {
	"extreme_poverty" in input.person.categories
} else := "orphan" if {
	"orphan" in input.person.categories
} else := "de_facto_orphan" if {
	"de_facto_orphan" in input.person.categories
} else := "dibao" if {
	"dibao" in input.person.categories
} else := "returned_to_poverty" if {
	"returned_to_poverty" in input.person.categories
} else := "dibao_edge" if {
	"dibao_edge" in input.person.categories
}

# METADATA
# title: 住院和普通门诊、门诊特定病种经基本医保、大病保险支付后个人负担的合规费用按类别比例救助；门诊和住院共用年度救助限额
# custom:
#   clause: 二(二)7
#   quote:
#     - 完善统一规范的医疗救助制度,明确救助费用范围,合理确定救助水平和年度救助限额,按规定做好分类救助。
#     - 在定点医疗机构住院和普通门诊、门诊特定病种治疗的,经基本医疗保险、大病保险和其他补充医疗保险支付后个人负担的合规医疗费用,最低生活保障对象、返贫致贫人口、边缘家庭救助对象按不低于80%给予救助,特困人员、孤儿、事实无人抚养儿童按100%的比例给予救助。
#     - 统筹加大门诊特定病种救助保障,门诊和住院救助共用年度救助限额。
#   reading:
#     - text: 个人负担的合规医疗费用
#       chosen: 从第一元起按比例救助，不设救助起付标准（文件未规定起付标准）
#       alternative: 统筹区在“合理确定救助水平”下设救助起付标准——起付标准以下的个人负担不予救助
#     - text: 特困人员、孤儿、事实无人抚养儿童按100%的比例给予救助
#       chosen: 同时属于两组的人按100%救助（就高不就低）
#       alternative: 按其低保、返贫致贫或边缘家庭身份按80%救助，救助较少
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
#   quote: 在定点医疗机构住院和普通门诊、门诊特定病种治疗的,经基本医疗保险、大病保险和其他补充医疗保险支付后个人负担的合规医疗费用,最低生活保障对象、返贫致贫人口、边缘家庭救助对象按不低于80%给予救助,特困人员、孤儿、事实无人抚养儿童按100%的比例给予救助。
coverage contains {"tier": "assistance", "categories": assistance_groups}

# The document gives no terms for 倾斜救助: they are the city's, parameters
# like the rest (tilted.*; the params file's are examples). A settlement
# that needs them without a value is an error naming them.

# METADATA
# title: 经三重制度支付后个人负担仍然较重的，给予倾斜救助（起付标准、比例、限额由统筹区确定）
# custom:
#   clause: 二(二)7
#   quote: 经三重制度支付后个人负担仍然较重的,给予倾斜救助。
#   reading:
#     - text: 经三重制度支付后个人负担仍然较重的
#       chosen: 句子没有主语，承接上句，只适用于六类医疗救助对象
#       alternative: 适用于任何参保人（普通参保人、脱贫不稳定人口、因病致贫家庭成员等）——他们负担超过门槛时也得到倾斜救助
#     - text: 个人负担仍然较重
#       chosen: 年度个人负担超过统筹区门槛（tilted.threshold）的部分按统筹区比例救助，门槛作起付标准
#       alternative: 门槛只是资格条件，一旦超过，全部个人负担都按比例救助——支付更多
#     - text: 门诊和住院救助共用年度救助限额
#       chosen: 倾斜救助另有统筹区年度限额（tilted.annual_cap），不占用普通救助的共用限额
#       alternative: 倾斜救助也计入门诊和住院共用的年度救助限额——共用限额用尽后不再给倾斜救助
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
# scope: document
# title: 监测预警：各类人员的监测线
# description: 由外部查询的决定 data.regions.guangdong.monitoring（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 家庭成员累计负担的合规医疗费用达到或超过家庭年可支配总收入的60%，且家庭资产低于户籍地上限的，纳入医疗救助范围
# custom:
#   clause: 二(二)8
#   quote: 完善依申请救助机制,将经基本医疗保险、大病保险和其他补充医疗保险等支付后,家庭成员累计负担的符合规定的医疗费用达到或超过其家庭年可支配总收入的60%,且家庭资产总值低于户籍所在地规定上限的因病致贫家庭成员纳入医疗救助范围,防止因病返贫致贫。
#   reading:
#     - text: 家庭成员累计负担的符合规定的医疗费用
#       chosen: 病例只有一人，以本人三重制度后的个人负担（insured_self_pay）代表家庭累计负担
#       alternative: 累计全体家庭成员的负担——其他成员也有医疗费用时，更多家庭达到60%
#     - text: 因病致贫家庭成员
#       chosen: 由本句的费用和资产条件本身界定：家庭资产在上限内的任何人都受监测，达到60%即标记
#       alternative: 只适用于已认定为因病致贫的人（illness_impoverished 类别）——未经认定的人不标记
#     - text: 纳入医疗救助范围
#       chosen: 只作依申请救助的标记，不计算救助金额（文件未给纳入后的救助比例和限额）
#       alternative: 纳入后即按救助对象的比例（如不低于80%）给予救助——这些人会得到医疗救助支付
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
# scope: document
# title: 未计算的条款及其原因
# description: 由外部查询的决定 data.regions.guangdong.uncomputed（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# custom:
#   clause: 一(一)
#   quote: 健全多层次医疗保障体系,夯实基本保障制度基础,完善三重制度综合保障政策,提升医疗保障公共管理服务水平,助力乡村振兴战略全面推进。
uncomputed contains {"reason": "指导思想：不产生金额"}

# METADATA
# custom:
#   clause: 一(二)
#   quote:
#     - 坚持问题导向、目标导向,围绕解决农村居民最关心、最直接、最现实的医疗保障问题,加快补齐民生短板。
#     - 坚持尽力而为、量力而行,稳定实现应保尽保,有效防止泛福利化倾向,健全多层次医疗保障体系。
#     - 坚持公平普惠、分类管理,发挥医保制度普惠性保障功能,增强对困难群众基础性、兜底性保障。
uncomputed contains {"reason": "基本原则（应保尽保、防止泛福利化、公平普惠、分类管理）：不产生金额"}

# METADATA
# custom:
#   clause: 一(三)
#   quote:
#     - 到2025年,通过优化调整医保扶贫政策,健全防范化解因病返贫致贫长效机制,逐步实现由集中资源支持脱贫攻坚向统筹基本医保、大病保险、医疗救助三重制度常态化保障平稳过渡,巩固拓展脱贫攻坚成果,不断增强农村参保群众获得感、幸福感、安全感。
#     - 现印发你们,请认真组织实施。
#   reading:
#     - text: 到2025年
#       chosen: 方案施行到2025年底（document.in_force_to 2025-12-31，待遇年度2021—2025）
#       alternative: 2025年只是过渡目标年份，方案在被替代前继续有效——2026年及以后仍按本方案计算
#     - text: 现印发你们,请认真组织实施
#       chosen: 无施行日期条款，自印发之日（2021-07-06）起施行，2021待遇年度在内
#       alternative: 自下一个待遇年度（2022年）起施行，因2021年度资助参保多已在印发前完成——2021年的资助和倾斜支付不按本方案计算
uncomputed contains {"reason": "目标任务：到2025年平稳过渡，即 document.in_force_to 与 years 2021—2025"}

# METADATA
# custom:
#   clause: 二(一)1
#   quote: 对于本省户籍的特困人员、孤儿、事实无人抚养儿童、最低生活保障对象、乡村振兴部门认定的返贫致贫人口(以下简称返贫致贫人口)、最低生活保障边缘家庭救助对象(以下简称边缘家庭救助对象)参加城乡居民基本医疗保险的,其个人缴费部分全额资助。
uncomputed contains {"reason": "“本省户籍”条件：输入无户籍属性，病例中的人一律视为本省户籍；全额资助按一档（统一）个人缴费标准计算"}

# METADATA
# custom:
#   clause: 二(一)2
#   quote:
#     - 落实参保动员主体责任,开通参加居民医保的“绿色通道”
#     - 在实现部门信息共享、数据定期更新的基础上,进一步提升脱贫人口参保及时性、时效性和准确性。
uncomputed contains {"reason": "参保动员、“绿色通道”、信息共享：工作要求；名单以“等”结尾，只计算所列人群"}

# METADATA
# custom:
#   clause: 二(一)3
#   quote:
#     - 坚决治理过度保障,防范福利主义,全面清理存量过度保障,杜绝新增待遇加码。
#     - 在巩固大病保险保障水平基础上,对特困人员、孤儿、事实无人抚养儿童、最低生活保障对象、返贫致贫人口实施倾斜支付。
#     - 进一步夯实医疗救助托底保障,合理控制救助对象政策范围内自付费用比例。
uncomputed contains {"reason": "治理过度保障、清理存量、合理控制救助对象自付比例：原则，无数额；倾斜支付的数额见二(二)6"}

# METADATA
# custom:
#   clause: 二(二)4
#   quote:
#     - 健全农村低收入人口参保台账,确保纳入资助参保范围且核准身份信息的特困人员、孤儿、事实无人抚养儿童、最低生活保障对象、返贫致贫人口、边缘家庭救助对象动态纳入基本医疗保险覆盖范围。
#     - 对已实现稳定就业的脱贫人口,引导其依法依规参加职工基本医疗保险。
#     - 做好农村低收入人口参保和关系转移接续工作,跨区域参保关系转移接续以及非个人原因停保断保的,原则上不设待遇享受等待期,确保待遇接续享受。
uncomputed contains {"reason": "应保尽保与参保台账、引导参加职工医保；跨区域转移接续及非个人原因停保断保原则上不设等待期——输入无转移接续或断保属性，引擎本就不设等待期"}

# METADATA
# custom:
#   clause: 二(二)5
#   quote:
#     - 完善统一的城乡居民基本医疗保险制度,巩固住院待遇保障水平,政策范围内住院费用支付比例总体稳定在70%左右。
#     - 优化高血压、糖尿病(以下简称“两病”)门诊用药保障机制,确保“两病”患者用药保障和健康管理全覆盖,切实降低“两病”并发症、合并症风险。
uncomputed contains {"reason": "住院支付比例“总体稳定在70%左右”是全体住院的结果而非单笔比例；门诊统筹、门诊特定病种、“两病”用药保障的具体待遇由统筹区确定（见参数 basic.*）"}

# METADATA
# custom:
#   clause: 二(二)7
#   quote:
#     - 在定点医疗机构住院和普通门诊、门诊特定病种治疗的,经基本医疗保险、大病保险和其他补充医疗保险支付后个人负担的合规医疗费用
#     - 经三重制度支付后个人负担仍然较重的,给予倾斜救助。
uncomputed contains {"reason": "“其他补充医疗保险”支付未建模（视为0）；倾斜救助无省级数额，按统筹区的 tilted.* 参数计算"}

# METADATA
# custom:
#   clause: 二(二)8
#   quote:
#     - 依托农村低收入人口监测平台,做好因病返贫致贫风险监测。
#     - 根据个人年度费用负担情况,由各统筹区根据实际情况,分类明确因病返贫和因病致贫监测标准。
#     - 健全引导社会力量参与减贫机制,鼓励商业健康保险和医疗互助发展,不断壮大慈善救助,形成对基本医疗保障的有益补充。
uncomputed contains {"reason": "因病返贫、因病致贫监测标准“由各统筹区根据实际情况分类明确”：省文件未给出标准、口径和比较方式，不计算；依申请救助纳入后的救助比例、限额未规定；社会力量、商业健康保险、慈善救助为鼓励性措施"}

# METADATA
# custom:
#   clause: 二(三)9
#   quote:
#     - 推进医保经办管理服务标准化工作,全面实现参保人员在统筹区内基本医疗保险、大病保险、医疗救助“一站式”服务。
#     - 推进医保信息化建设,基本实现异地就医备案线上办理,稳步推进门诊费用跨省直接结算工作。
#     - 对其他未能通过“一站式”直接结算的零星救助报销,精简办理材料、简化办理流程、缩短办理时限。
uncomputed contains {"reason": "经办管理服务、一站式服务、异地就医备案与直接结算、零星报销：经办要求"}

# METADATA
# custom:
#   clause: 二(三)10
#   quote:
#     - 推动药品招标采购工作制度化、常态化,确保国家组织高值医用耗材集中采购落地。
#     - 执行全省统一的基本医疗保险药品、诊疗项目和医用耗材目录,完善我省医保药品目录管理机制。
#     - 深化医保支付制度改革,进一步完善以按病种分值付费为主的医保支付体系
#     - 开展腹膜透析治疗费用包干支付,将家庭腹膜透析治疗等纳入医保支付范围,执行全省统一的支付标准,切实减轻参保患者负担。
#     - 有条件的地区可按协议约定向医疗机构预付部分医保资金,缓解其资金运行压力。
uncomputed contains {"reason": "集中采购、全省统一目录、按病种分值付费、腹膜透析包干支付、预付资金、医疗服务质量管理：管理措施，不改变本模型的计算"}

# METADATA
# custom:
#   clause: 二(三)11
#   quote:
#     - 建立监督检查常态机制,实行大数据动态监管,实现全领域、全方位、全流程智能监控。
#     - 全面落实异地就医就医地管理责任,优化异地就医结算管理服务。
uncomputed contains {"reason": "基金监管、智能监控、异地就医管理：监管措施"}

# METADATA
# custom:
#   clause: 二(三)12
#   quote:
#     - 农村低收入人口在省内按规定转诊并在定点医疗机构就医,住院起付线连续计算,执行参保地同等待遇政策。
#     - 将符合条件的“互联网+”诊疗服务纳入医保支付范围,提高优质医疗服务可及性。
#     - 积极开展紧密型县域医共体医保支付方式综合改革试点工作
uncomputed contains {"reason": "省内按规定转诊的住院起付线连续计算：需知道本次住院承接哪一次住院及其已付起付线，病例的 referred 只表示按规定转诊，而基本医保起付线逐次计算、不跨费用结转，故不计算（病例可用 basic_paid 给出连续计算后的基本医保支付）；执行参保地同等待遇即本模型的默认；“互联网+”、医共体：服务供给措施"}

# METADATA
# custom:
#   clause: 三(一)
#   quote:
#     - 各统筹区、各相关部门要全面提高思想认识,切实加强组织领导,健全中央统筹、省负总责、地市抓落实的工作机制,强化工作力量、组织保障、制度资源等方面的统筹衔接。
#     - 各统筹区要建立统一高效的议事协调工作机制,确保各项政策规范高效落实落地。
uncomputed contains {"reason": "加强组织领导：部门职责"}

# METADATA
# custom:
#   clause: 三(二)
#   quote:
#     - 医保部门统筹推进巩固拓展医疗保障脱贫攻坚成果同乡村振兴有效衔接的制度、机制建设,抓好政策落实。
#     - 民政、乡村振兴等部门负责做好相应农村低收入人口身份认定和信息共享。
uncomputed contains {"reason": "部门协作分工与身份认定：部门职责"}

# METADATA
# custom:
#   clause: 三(三)
#   quote:
#     - 选取湛江市吴川市、梅州市兴宁市作为监测点,开展脱贫人口医保帮扶政策落实和待遇享受情况监测。
#     - 做好与农村低收入人口数据库的信息比对和信息共享,健全农村低收入人口医保综合保障信息台账
#     - 各统筹区要加强政策解读,做好宣传引导,营造良好舆论氛围。
uncomputed contains {"reason": "运行监测点（吴川市、兴宁市）、信息比对与台账、政策宣传：工作要求"}
