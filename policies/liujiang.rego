# 柳州市柳江区巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略实施方案（2023年修订）
# (seed 001_b466859ef191500a.txt)
#
# The seed starts mid-title and carries no 文号, issuer or date line: the
# module's number is the title ("柳江区实施方案（2023年修订）"). It replaces
# 江乡指发〔2021〕1号 and is in force from 2023-11-01 (closing paragraph).
#
# Clause ids follow the document: 一(一)…一(三); 二(一)1, 二(一)2(1)…(5),
# 二(一)3(1)(2); 二(二)1…3; the seed's "（3）建立防范…" is section （三）, so
# 二(三)1(1)…(3), 二(三)2…5; 二(四)…二(九); 三(一)…三(四); and the closing
# paragraph, cited 施行.
#
# Numbers the document fixes are written here (subsidy shares, the critical
# tilts, the stable_out_of_poverty assistance 3000/50%/20000 as fixed
# parameters, the 90%/80% top-up targets, the 10% out-of-catalog limit, the
# 5000/10000 monitoring thresholds). Numbers it leaves to Guangxi and
# Liuzhou (contribution standards, basic and critical terms) and the
# assistance terms of 江政办发〔2022〕33号 (not among the seeds) come from
# policies/params/liujiang.yaml or a case's params.
package regions.liujiang

# METADATA
# scope: document
# title: 文件：文号、发文机关、施行日期、适用年度
# description: 由外部查询的决定 data.regions.liujiang.document（polc 与 OPA 客户端）
# entrypoint: true
document := {
	"title": "柳州市柳江区巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略实施方案（2023年修订）",
	"area": "柳州市柳江区",
	# The seed has no 文号 line: the title stands for the number.
	"number": "柳江区实施方案（2023年修订）",
	"issuer": "柳州市柳江区（种子文本缺文头：发文机关、文号、成文日期均不详）",
	# The seed gives no date of issue.
	"issued": "",
	# 施行: 本方案自2023年11月1日起执行. No end date is stated ("今后上级有新
	# 规定的，从其规定"); the transition-period rules it states run to 2025 (the
	# 5-year 过渡期 of 一(一), and 二(一)2(4)'s schedule ends with 2025), so the
	# benefit years are 2023 (from November; see 施行) to 2025.
	"in_force_from": "2023-11-01",
	"supersedes": "柳州市柳江区巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略实施方案（江乡指发〔2021〕1号）",
	"years": [2023, 2024, 2025],
	"seed": "001_b466859ef191500a.txt",
	"clauses": [
		"一(一)", "一(二)", "一(三)",
		"二(一)1",
		"二(一)2(1)", "二(一)2(2)", "二(一)2(3)", "二(一)2(4)", "二(一)2(5)",
		"二(一)3(1)", "二(一)3(2)",
		"二(二)1", "二(二)2", "二(二)3",
		"二(三)1(1)", "二(三)1(2)", "二(三)1(3)",
		"二(三)2", "二(三)3", "二(三)4", "二(三)5",
		"二(四)", "二(五)", "二(六)", "二(七)", "二(八)", "二(九)",
		"三(一)", "三(二)", "三(三)", "三(四)",
		"施行",
	],
}

# ---------------------------------------------------------------------------
# Who is who.

# 一(二): 农村低收入人口 — 特困人员、孤儿、事实无人抚养儿童、低保对象、低保边缘
# 对象、脱贫不稳定户、边缘易致贫户、突发严重困难户和返贫致贫人口. The three
# kinds of monitored person are named through their parent `monitored` (a
# person's categories carry their ancestors).
low_income := [
	"extreme_poverty", "orphan", "de_facto_orphan", "dibao", "dibao_edge",
	"monitored", "returned_to_poverty",
]

is_low_income if {
	some c in low_income
	c in input.person.categories
}

# 脱贫人口 not under monitoring (未纳入乡村振兴部门防止返贫监测的脱贫人口).
is_stable if "stable_out_of_poverty" in input.person.categories

# 二(六) 低收入人口和脱贫人口.
is_low_income_or_out_of_poverty if is_low_income

is_low_income_or_out_of_poverty if is_stable

# Every category the module speaks of, for the coverage of the insurance
# tiers (全体参保人).
everyone := array.concat(low_income, [
	"stable_out_of_poverty", "illness_impoverished", "family_planning_support",
	"severe_disability", "entitled_groups", "ordinary",
])

district := [{"funder": "district_finance", "share": 1}]

assistance_fund := [{"funder": "medical_assistance_fund", "share": 1}]

# 二(一)2(2): 医疗救助资金资助60%，城区财政资助40%.
assistance_fund_60_district_40 := [
	{"funder": "medical_assistance_fund", "share": 0.6},
	{"funder": "district_finance", "share": 0.4},
]

# ---------------------------------------------------------------------------
# 二(一)2 资助参保: every subsidy is on the person's own contribution (个人应缴
# 费金额 / 个人缴费部分), so basis own_tier. Identity is the one at payment
# time and a change within the year does not change the standard (二(一)2,
# first paragraph): the case's categories are those at payment.
#
# 二(一)3 多重身份: the highest standard wins; equal amounts follow the
# funding order, stated as `rank` (lower first):
#   (1) full subsidies: 计生家庭成员 1, 重度残疾人 2, 优抚对象 3, 民政救助对象 4;
#   (2) partial (定额) subsidies: 民政救助对象 5, 返贫致贫人口 6, 监测对象 7,
#       稳定脱贫人口 8.
# A full subsidy is never equal to a partial one (they differ unless the
# contribution is 0), so one numbering serves both lists. 优抚对象 appear only
# in the order: this document gives them no subsidy of their own (rank 3 is
# unused here; their subsidy, if any, is another document's).

# METADATA
# scope: document
# title: 资助参保：各类人员的资助规则
# description: 由外部查询的决定 data.regions.liujiang.subsidy（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 卫健部门认定的计生扶持对象：个人缴费部分全额代缴，城区财政承担（全额资助顺序第1位）
# custom:
#   clause: 二(一)2(1)
#   also:
#     二(一)3(1): 全额资助按资助顺序（计生、重度残疾、优抚、民政救助）：同额时取 rank 在先的规则，它决定出资方
#   quote:
#     - 对卫健部门认定的计生扶持对象，参加城乡居民医保的个人缴费部分给予全额代缴，所需资金由城区财政承担。
#     - （1）给予个人缴费部分为全额资助的，其资助顺序按照人员类别依次为：计生家庭成员、重度残疾人、优抚对象、民政救助对象。
subsidy contains {"rule": "family_planning_support", "form": "full", "basis": "own_tier", "funders": district, "rank": 1} if {
	"family_planning_support" in input.person.categories
}

# METADATA
# title: 残联认定的城乡重度残疾人：个人缴费部分由残疾人保障金全额资助（不足的由城区财政补足；全额资助顺序第2位）
# description: The shortfall clause (残疾人保障金不足的由城区财政补足) depends on the fund's balance, which no case carries; the fund is named as the sole funder.
# custom:
#   clause: 二(一)2(1)
#   also:
#     二(一)3(1): 全额资助按资助顺序（计生、重度残疾、优抚、民政救助）：同额时取 rank 在先的规则，它决定出资方
#   quote:
#     - 对残联认定的城乡重度残疾人，参加城乡居民医保的个人缴费部分由残疾人保障金给予全额资助，残疾人保障金不足的由城区财政补足。
#     - （1）给予个人缴费部分为全额资助的，其资助顺序按照人员类别依次为：计生家庭成员、重度残疾人、优抚对象、民政救助对象。
subsidy contains {"rule": "severe_disability", "form": "full", "basis": "own_tier", "funders": [{"funder": "disability_security_fund", "share": 1}], "rank": 2} if {
	"severe_disability" in input.person.categories
}

# METADATA
# title: 特困人员、孤儿、事实无人抚养儿童：按个人应缴费金额医疗救助全额资助（民政救助对象，全额资助顺序第4位）
# custom:
#   clause: 二(一)2(2)
#   also:
#     二(一)3(1): 全额资助按资助顺序（计生、重度残疾、优抚、民政救助）：同额时取 rank 在先的规则，它决定出资方
#   quote:
#     - 对特困人员、孤儿、事实无人抚养儿童，按其个人应缴费金额给予医疗救助全额资助。
#     - （1）给予个人缴费部分为全额资助的，其资助顺序按照人员类别依次为：计生家庭成员、重度残疾人、优抚对象、民政救助对象。
subsidy contains {"rule": c, "form": "full", "basis": "own_tier", "funders": assistance_fund, "rank": 4} if {
	some c in ["extreme_poverty", "orphan", "de_facto_orphan"]
	c in input.person.categories
}

# METADATA
# title: 农村低保对象：按个人应缴费金额全额资助，医疗救助资金60%、城区财政40%
# description: Only 农村 dibao are named; urban dibao get no subsidy from this document.
# custom:
#   clause: 二(一)2(2)
#   also:
#     二(一)3(1): 全额资助按资助顺序（计生、重度残疾、优抚、民政救助）：同额时取 rank 在先的规则，它决定出资方
#   quote:
#     - 对农村低保对象以及农村低保边缘家庭中未满18周岁的未成年人按其个人应缴费金额给予全额资助，其中医疗救助资金资助60%，城区财政资助40%。
#     - （1）给予个人缴费部分为全额资助的，其资助顺序按照人员类别依次为：计生家庭成员、重度残疾人、优抚对象、民政救助对象。
#   reading:
#     text: 对农村低保对象以及农村低保边缘家庭中未满18周岁的未成年人
#     chosen: “未满18周岁”仅限定农村低保边缘家庭成员；农村低保对象不论年龄均全额资助（医疗救助资金60%、城区财政40%）
#     alternative: “未满18周岁的未成年人”同时限定两类人员——仅农村低保家庭中的未成年人获全额资助，成年农村低保对象不能依本文件获得任何资助
subsidy contains {"rule": "dibao", "form": "full", "basis": "own_tier", "funders": assistance_fund_60_district_40, "rank": 4} if {
	"dibao" in input.person.categories
	input.person.residence == "rural"
}

# METADATA
# title: 农村低保边缘家庭中未满18周岁的未成年人：全额资助，医疗救助资金60%、城区财政40%
# custom:
#   clause: 二(一)2(2)
#   also:
#     二(一)3(1): 全额资助按资助顺序（计生、重度残疾、优抚、民政救助）：同额时取 rank 在先的规则，它决定出资方
#   quote:
#     - 对农村低保对象以及农村低保边缘家庭中未满18周岁的未成年人按其个人应缴费金额给予全额资助，其中医疗救助资金资助60%，城区财政资助40%。
#     - （1）给予个人缴费部分为全额资助的，其资助顺序按照人员类别依次为：计生家庭成员、重度残疾人、优抚对象、民政救助对象。
subsidy contains {"rule": "dibao_edge", "form": "full", "basis": "own_tier", "funders": assistance_fund_60_district_40, "rank": 4} if {
	"dibao_edge" in input.person.categories
	input.person.residence == "rural"
	input.person.age < 18
}

# METADATA
# title: 城乡低保边缘家庭中年满60周岁以上老年人：按个人应缴费金额的60%定额资助，医疗救助资金列支
# custom:
#   clause: 二(一)2(2)
#   also:
#     二(一)3(2): 定额资助就高不就低，同额时按资助顺序（民政救助、返贫致贫、监测、稳定脱贫）：取 rank 在先的规则
#   quote:
#     - 对城乡低保边缘家庭中年满60周岁以上老年人、城镇低保边缘家庭中未满18周岁的未成年人按其个人应缴费金额的60%给予定额资助，所需资金从医疗救助资金中列支。
#     - （2）给予个人缴费部分为定额资助的，采取就高不就低的原则进行资助，资助顺序按照人员类别依次为：民政救助对象、返贫致贫人口、监测对象、稳定脱贫人口。
subsidy contains {"rule": "dibao_edge", "form": "share", "share": 0.6, "basis": "own_tier", "funders": assistance_fund, "rank": 5} if {
	"dibao_edge" in input.person.categories
	input.person.age >= 60
}

# METADATA
# title: 城镇低保边缘家庭中未满18周岁的未成年人：按个人应缴费金额的60%定额资助，医疗救助资金列支
# custom:
#   clause: 二(一)2(2)
#   also:
#     二(一)3(2): 定额资助就高不就低，同额时按资助顺序（民政救助、返贫致贫、监测、稳定脱贫）：取 rank 在先的规则
#   quote:
#     - 对城乡低保边缘家庭中年满60周岁以上老年人、城镇低保边缘家庭中未满18周岁的未成年人按其个人应缴费金额的60%给予定额资助，所需资金从医疗救助资金中列支。
#     - （2）给予个人缴费部分为定额资助的，采取就高不就低的原则进行资助，资助顺序按照人员类别依次为：民政救助对象、返贫致贫人口、监测对象、稳定脱贫人口。
subsidy contains {"rule": "dibao_edge", "form": "share", "share": 0.6, "basis": "own_tier", "funders": assistance_fund, "rank": 5} if {
	"dibao_edge" in input.person.categories
	input.person.residence == "urban"
	input.person.age < 18
}

# METADATA
# title: 乡村振兴部门认定的返贫致贫人口：按个人应缴费金额的60%定额资助，医疗救助基金列支
# custom:
#   clause: 二(一)2(3)
#   also:
#     二(一)3(2): 定额资助就高不就低，同额时按资助顺序（民政救助、返贫致贫、监测、稳定脱贫）：取 rank 在先的规则
#   quote:
#     - 对乡村振兴部门认定的返贫致贫人口和在规定过渡期内的监测对象（含已消除风险的监测对象），按其个人应缴费金额的 60%给予定额资助，经费从医疗救助基金中列支。
#     - （2）给予个人缴费部分为定额资助的，采取就高不就低的原则进行资助，资助顺序按照人员类别依次为：民政救助对象、返贫致贫人口、监测对象、稳定脱贫人口。
subsidy contains {"rule": "returned_to_poverty", "form": "share", "share": 0.6, "basis": "own_tier", "funders": assistance_fund, "rank": 6} if {
	"returned_to_poverty" in input.person.categories
}

# METADATA
# title: 过渡期内的监测对象（含已消除风险的监测对象）：按个人应缴费金额的60%定额资助，医疗救助基金列支
# description: 已消除风险的监测对象 have no category of their own; they are cases with category monitored (or one of its kinds).
# custom:
#   clause: 二(一)2(3)
#   also:
#     二(一)3(2): 定额资助就高不就低，同额时按资助顺序（民政救助、返贫致贫、监测、稳定脱贫）：取 rank 在先的规则
#   quote:
#     - 对乡村振兴部门认定的返贫致贫人口和在规定过渡期内的监测对象（含已消除风险的监测对象），按其个人应缴费金额的 60%给予定额资助，经费从医疗救助基金中列支。
#     - （2）给予个人缴费部分为定额资助的，采取就高不就低的原则进行资助，资助顺序按照人员类别依次为：民政救助对象、返贫致贫人口、监测对象、稳定脱贫人口。
subsidy contains {"rule": "monitored", "form": "share", "share": 0.6, "basis": "own_tier", "funders": assistance_fund, "rank": 7} if {
	"monitored" in input.person.categories
}

# 二(一)2(4) 稳定脱贫人口 "渐退式": 2022年60%、2023年50%、2024年40%、2025年30%，
# 城区财政承担. 2022 is before this document's benefit years (it came into
# force on 2023-11-01) and is not encoded.

# METADATA
# title: 未纳入监测的脱贫人口：2023年按个人缴费部分的50%资助，城区财政承担
# custom:
#   clause: 二(一)2(4)
#   also:
#     二(一)3(2): 定额资助就高不就低，同额时按资助顺序（民政救助、返贫致贫、监测、稳定脱贫）：取 rank 在先的规则
#   quote:
#     - 对未纳入乡村振兴部门防止返贫监测的脱贫人口参加城乡居民基本医疗保险的个人缴费部分，在过渡期内，执行资助参保渐退政策，对其参加2022年、2023年、2024年、2025年城乡居民基本医疗保险的，分别按个人缴费部分的60%、50%、40%、30%的比例进行资助。
#     - 所需资金由城区财政承担。
#     - （2）给予个人缴费部分为定额资助的，采取就高不就低的原则进行资助，资助顺序按照人员类别依次为：民政救助对象、返贫致贫人口、监测对象、稳定脱贫人口。
subsidy contains {"rule": "stable_out_of_poverty", "form": "share", "share": 0.5, "basis": "own_tier", "funders": district, "rank": 8} if {
	is_stable
	input.year == 2023
}

# METADATA
# title: 未纳入监测的脱贫人口：2024年按个人缴费部分的40%资助，城区财政承担
# custom:
#   clause: 二(一)2(4)
#   also:
#     二(一)3(2): 定额资助就高不就低，同额时按资助顺序（民政救助、返贫致贫、监测、稳定脱贫）：取 rank 在先的规则
#   quote:
#     - 对未纳入乡村振兴部门防止返贫监测的脱贫人口参加城乡居民基本医疗保险的个人缴费部分，在过渡期内，执行资助参保渐退政策，对其参加2022年、2023年、2024年、2025年城乡居民基本医疗保险的，分别按个人缴费部分的60%、50%、40%、30%的比例进行资助。
#     - 所需资金由城区财政承担。
#     - （2）给予个人缴费部分为定额资助的，采取就高不就低的原则进行资助，资助顺序按照人员类别依次为：民政救助对象、返贫致贫人口、监测对象、稳定脱贫人口。
subsidy contains {"rule": "stable_out_of_poverty", "form": "share", "share": 0.4, "basis": "own_tier", "funders": district, "rank": 8} if {
	is_stable
	input.year == 2024
}

# METADATA
# title: 未纳入监测的脱贫人口：2025年按个人缴费部分的30%资助，城区财政承担
# custom:
#   clause: 二(一)2(4)
#   also:
#     二(一)3(2): 定额资助就高不就低，同额时按资助顺序（民政救助、返贫致贫、监测、稳定脱贫）：取 rank 在先的规则
#   quote:
#     - 对未纳入乡村振兴部门防止返贫监测的脱贫人口参加城乡居民基本医疗保险的个人缴费部分，在过渡期内，执行资助参保渐退政策，对其参加2022年、2023年、2024年、2025年城乡居民基本医疗保险的，分别按个人缴费部分的60%、50%、40%、30%的比例进行资助。
#     - 所需资金由城区财政承担。
#     - （2）给予个人缴费部分为定额资助的，采取就高不就低的原则进行资助，资助顺序按照人员类别依次为：民政救助对象、返贫致贫人口、监测对象、稳定脱贫人口。
subsidy contains {"rule": "stable_out_of_poverty", "form": "share", "share": 0.3, "basis": "own_tier", "funders": district, "rank": 8} if {
	is_stable
	input.year == 2025
}

# METADATA
# title: 其中，2014、2015年退出户在过渡期内每年按个人缴费部分的30%资助（取代该类人员的渐退比例）
# description: >-
#   "其中" makes this a rule for part of the same category, not a second identity:
#   it replaces the year's general share (so 30% in 2023 and 2024, where the general
#   share is 50% and 40%), rather than competing with it under 就高 (二(一)3 is about
#   several identities, 多重身份类别).
# custom:
#   clause: 二(一)2(4)
#   also:
#     二(一)3(2): 定额资助就高不就低，同额时按资助顺序（民政救助、返贫致贫、监测、稳定脱贫）：取 rank 在先的规则
#   quote:
#     - 其中，2014、2015年退出户在过渡期内每年按个人缴费部分的30%进行资助。
#     - 所需资金由城区财政承担。
#   reading:
#     text: 其中，2014、2015年退出户在过渡期内每年按个人缴费部分的30%进行资助
#     chosen: “其中”表示对同一类人员中部分人员的规定，取代当年的渐退资助比例——2023年、2024年、2025年均按30%资助
#     alternative: 作为另一重身份，按就高不就低原则（二(一)3(2)）与一般渐退比例比较——2023年按50%、2024年按40%资助，本句在本模块适用年度内不产生任何影响
subsidy contains {
	"rule": "stable_out_of_poverty_exit_2014_2015",
	"form": "share", "share": 0.3, "basis": "own_tier", "funders": district, "rank": 8,
	"replaces": "stable_out_of_poverty",
} if {
	is_stable
	input.person.exit_year in {2014, 2015}
}

# ---------------------------------------------------------------------------
# 二(二)1 基本医保: fair and uniform (公平普惠), the tilts of the poverty-
# alleviation period abolished; its terms are Guangxi's / Liuzhou's, so
# parameters.

# METADATA
# scope: document
# title: 待遇条款：就医情形下各层级的起付线、比例与封顶线
# description: 由外部查询的决定 data.regions.liujiang.plan（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 基本医疗保险实施公平普惠保障政策，脱贫人口转为按规定享受基本医疗保险有关待遇
# custom:
#   clause: 二(二)1
#   quote: 基本医疗保险实施公平普惠保障政策，全面取消脱贫人口在脱贫攻坚期内门诊特殊慢性病和住院治疗城乡居民基本医疗保险倾斜政策，转为按规定享受基本医疗保险有关待遇。
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
# description: 由外部查询的决定 data.regions.liujiang.coverage（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 基本医保覆盖全体参保人
# custom:
#   clause: 二(二)1
#   quote: 基本医疗保险实施公平普惠保障政策，全面取消脱贫人口在脱贫攻坚期内门诊特殊慢性病和住院治疗城乡居民基本医疗保险倾斜政策，转为按规定享受基本医疗保险有关待遇。
coverage contains {"tier": "basic", "categories": everyone}

# 二(二)1: 对新生儿、农村低收入人口等特殊群体 … 不设待遇享受等待期，从参保当月
# 起享受新发生的基本医疗保险待遇: coverage from the first day of the month of
# enrollment, no waiting period. 在职工医保中断缴费3个月内参加城乡居民医保的 is
# not in the input.

# METADATA
# scope: document
# title: 参保：待遇享受起始时间与等待期
# description: 由外部查询的决定 data.regions.liujiang.enrollment（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 新生儿不设待遇享受等待期，从参保当月起享受待遇
# custom:
#   clause: 二(二)1
#   quote: 对新生儿、农村低收入人口等特殊群体，以及在职工医保中断缴费3个月内参加城乡居民医保的，不设待遇享受等待期，从参保当月起享受新发生的基本医疗保险待遇。
#   reading:
#     text: 新生儿
#     chosen: 年龄为0周岁的人员（出生后未满1周岁）
#     alternative: 仅指在出生后的新生儿参保期限内参保的婴儿（此类规定通常设有期限，如出生当年或出生后数月内）——逾期参保的婴儿须经过一般待遇享受等待期
enrollment contains {"starts": "enrollment_month", "waiting_days": 0} if {
	input.person.age == 0
}

# METADATA
# title: 农村低收入人口不设待遇享受等待期，从参保当月起享受待遇
# custom:
#   clause: 二(二)1
#   quote: 对新生儿、农村低收入人口等特殊群体，以及在职工医保中断缴费3个月内参加城乡居民医保的，不设待遇享受等待期，从参保当月起享受新发生的基本医疗保险待遇。
#   reading:
#     - text: 农村低收入人口等特殊群体
#       chosen: 属于一(二)所列类别之一且居住在农村的人员（residence 为 rural）
#       alternative: 按一(二)的定义，仅以人员类别认定——城镇特困人员或低保对象也不设等待期，从参保当月起享受待遇
#     - text: 等特殊群体
#       chosen: 仅所列群体（新生儿、农村低收入人口）不设待遇享受等待期
#       alternative: “等”表示未尽列举——其他特殊群体（如未纳入监测的脱贫人口、重度残疾人）也可不设等待期
enrollment contains {"starts": "enrollment_month", "waiting_days": 0} if {
	is_low_income
	input.person.residence == "rural"
}

# ---------------------------------------------------------------------------
# 二(二)2 大病保险: ordinary terms are Guangxi's (params). The document does
# not say which claim kinds it pays on; Guangxi's residents' critical-illness
# insurance pays on inpatient and outpatient special-disease costs, read here
# as the tier's reach.

critical_kinds := {"inpatient", "outpatient_special"}

# METADATA
# title: 巩固大病保险保障水平（普通参保人：广西城乡居民大病保险起付线、分段比例、封顶线）
# custom:
#   clause: 二(二)2
#   quote: 增强城乡居民大病保险减负功能。巩固大病保险保障水平
#   reading:
#     text: 城乡居民大病保险
#     chosen: 支付住院和门诊特殊慢性病费用（按广西城乡居民大病保险做法），不支付普通门诊费用；文件未列明支付的费用类别
#     alternative: 仅支付住院费用——门诊特殊慢性病费用既不享受大病保险支付，也不享受其倾斜支付
plan contains {
	"tier": "critical",
	"deductible": input.params.critical.deductible,
	"bands": input.params.critical.bands,
	"annual_cap": input.params.critical.annual_cap,
} if {
	input.claim.kind in critical_kinds
}

# The 10-point group: 特困人员、孤儿、事实无人抚养儿童、低保对象、城乡低保边缘
# 对象和返贫致贫人口, and in the transition period (every year of this module)
# 监测对象.
critical_ten_points := [
	"extreme_poverty", "orphan", "de_facto_orphan", "dibao", "dibao_edge",
	"returned_to_poverty", "monitored",
]

in_ten_point_group if {
	some c in critical_ten_points
	c in input.person.categories
}

# METADATA
# title: 特困人员、孤儿、事实无人抚养儿童、低保对象、城乡低保边缘对象、返贫致贫人口和过渡期内的监测对象：起付线降低50%、报销比例提高10%、取消封顶线
# description: >-
#   「报销比例提高10%」 is read as 10 percentage points (ratio_add 0.10, added to every
#   band, at most 1), like the national wording "提高5个百分点"; not as ×1.10.
#   DESIGN.md adopts this reading for Liujiang.
# custom:
#   clause: 二(二)2
#   quote:
#     - 巩固大病保险保障水平，城乡居民大病保险继续对特困人员、孤儿、事实无人抚养儿童、低保对象、城乡低保边缘对象和返贫致贫人口等困难群众实施起付线降低50％、报销比例提高10%、取消封顶线的倾斜支付政策。
#     - 在过渡期内，监测对象享受城乡居民大病保险较普通参保人起付线降低50%、报销比例提高10%、取消封顶线的倾斜政策；未纳入乡村振兴部门防止返贫监测的脱贫人口较普通参保人起付线降低50%、报销比例提高5%、取消封顶线的倾斜政策。
#   reading:
#     text: 报销比例提高10%
#     chosen: 各分段报销比例均提高10个百分点（最高100%）——60%的分段按70%支付
#     alternative: 按原比例的10%提高（×1.10）——60%的分段将按66%支付，70%的分段按77%支付
plan contains {"tier": "critical", "tilt": {"deductible_factor": 0.5, "ratio_add": 0.10, "remove_cap": true}} if {
	input.claim.kind in critical_kinds
	in_ten_point_group
}

# METADATA
# title: 未纳入监测的脱贫人口：较普通参保人起付线降低50%、报销比例提高5%、取消封顶线
# description: >-
#   「报销比例提高5%」 is read as 5 percentage points (ratio_add 0.05), as for the
#   10-point group. A person who is also in that group takes its terms.
# custom:
#   clause: 二(二)2
#   quote: 在过渡期内，监测对象享受城乡居民大病保险较普通参保人起付线降低50%、报销比例提高10%、取消封顶线的倾斜政策；未纳入乡村振兴部门防止返贫监测的脱贫人口较普通参保人起付线降低50%、报销比例提高5%、取消封顶线的倾斜政策。
#   reading:
#     - text: 报销比例提高5%
#       chosen: 各分段报销比例均提高5个百分点——60%的分段按65%支付
#       alternative: 按原比例的5%提高（×1.05）——60%的分段将按63%支付
#     - text: 未纳入乡村振兴部门防止返贫监测的脱贫人口较普通参保人起付线降低50%、报销比例提高5%、取消封顶线的倾斜政策
#       chosen: 同时属于提高10个百分点人群（如低保对象）的脱贫人口，仅享受该人群的倾斜政策（提高10个百分点），两项倾斜不叠加
#       alternative: 此类人员同时享受两项倾斜——各分段报销比例合计提高15个百分点
plan contains {"tier": "critical", "tilt": {"deductible_factor": 0.5, "ratio_add": 0.05, "remove_cap": true}} if {
	input.claim.kind in critical_kinds
	is_stable
	not in_ten_point_group
}

# METADATA
# title: 大病保险覆盖全体参保人的住院和门诊特殊慢性病费用
# custom:
#   clause: 二(二)2
#   quote: 增强城乡居民大病保险减负功能。巩固大病保险保障水平
#   reading:
#     text: 城乡居民大病保险
#     chosen: 支付住院和门诊特殊慢性病费用（按广西城乡居民大病保险做法），不支付普通门诊费用；文件未列明支付的费用类别
#     alternative: 仅支付住院费用——门诊特殊慢性病费用既不享受大病保险支付，也不享受其倾斜支付
coverage contains {
	"tier": "critical",
	"categories": everyone,
	"claim_kinds": ["inpatient", "outpatient_special"],
}

# ---------------------------------------------------------------------------
# 二(二)3 医疗救助.
#
# 农村低收入人口: 按江政办发〔2022〕33号执行 — not among the seeds. Their terms
# are read from params assistance.by_category.<c> when a params file or a
# case supplies them (with that source), and are absent otherwise: no
# coverage is declared for them, and no figure is invented.
#
# 未纳入监测的脱贫人口: 住院医疗救助起付线为年度累计达到3000元，起付线以上部分按
# 50%，年度累计救助最高支付限额2万元 — fixed by the document (parameters below).
#
# 重特大门诊特殊慢性病 of 监测对象 and 未纳入监测的脱贫人口: assisted at the
# corresponding inpatient standard, counted with the inpatient assistance
# (one annual accumulation and one limit: the tier's default cap group).
# The disease ids are the document's own words (claim.disease):
#   肾透析                     慢性肾功能不全的肾透析
#   恶性肿瘤                   各种恶性肿瘤
#   器官移植后抗排斥           器官移植后抗排斥免疫调节治疗
#   重型和中间型地中海贫血     重型和中间型地中海贫血
#   血友病                     血友病
# The list ends with 等 (and others): diseases it does not name are not
# assisted here.

# METADATA
# scope: document
# title: 参数：文件规定、设下限或留给地方的数值
# description: 由外部查询的决定 data.regions.liujiang.parameters（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 未纳入监测的脱贫人口住院医疗救助：起付线年度累计3000元、起付线以上50%、年度限额2万元（文件规定，不得调整）
# custom:
#   clause: 二(二)3
#   quote: 对未纳入乡村振兴部门防止返贫监测的脱贫人口，在过渡期内保持医疗救助政策稳定，住院医疗救助起付线为年度累计达到3000元，在起付线以上部分，按50%的救助比例，年度累计救助最高支付限额2万元的标准给予医疗救助；所需医疗救助资金由城区本级财政承担。
parameters contains {"path": "assistance.by_category.stable_out_of_poverty.deductible", "fixed": 3000}

# METADATA
# title: 未纳入监测的脱贫人口住院医疗救助比例50%
# custom:
#   clause: 二(二)3
#   quote: 对未纳入乡村振兴部门防止返贫监测的脱贫人口，在过渡期内保持医疗救助政策稳定，住院医疗救助起付线为年度累计达到3000元，在起付线以上部分，按50%的救助比例，年度累计救助最高支付限额2万元的标准给予医疗救助；所需医疗救助资金由城区本级财政承担。
parameters contains {"path": "assistance.by_category.stable_out_of_poverty.ratio", "fixed": 0.5}

# METADATA
# title: 未纳入监测的脱贫人口年度累计救助最高支付限额2万元
# custom:
#   clause: 二(二)3
#   quote: 对未纳入乡村振兴部门防止返贫监测的脱贫人口，在过渡期内保持医疗救助政策稳定，住院医疗救助起付线为年度累计达到3000元，在起付线以上部分，按50%的救助比例，年度累计救助最高支付限额2万元的标准给予医疗救助；所需医疗救助资金由城区本级财政承担。
parameters contains {"path": "assistance.by_category.stable_out_of_poverty.annual_cap", "fixed": 20000}

# The claims assistance pays on under 二(二)3: inpatient claims, and the
# listed outpatient special chronic diseases of monitored and stable people.
assisted_claim if input.claim.kind == "inpatient"

assisted_claim if {
	input.claim.kind == "outpatient_special"
	input.claim.disease in {"肾透析", "恶性肿瘤", "器官移植后抗排斥", "重型和中间型地中海贫血", "血友病"}
	some c in ["monitored", "stable_out_of_poverty"]
	c in input.person.categories
}

# Stable people are assisted on these terms unless they are also one of
# 33号's assistance recipients (then 33号's terms for their category apply:
# 属于我区医疗救助对象的农村低收入人口 … 按33号). Read so for 因病支出型困难家庭
# 成员 too: they are 33号's recipients (on application, 二(三)2), though 一(二)
# does not list them among 农村低收入人口; a person cannot be assisted on two
# sets of terms at once, and the stable terms are the general rule's fallback.
stable_assisted if {
	is_stable
	not assistance_category
}

stable_terms := input.params.assistance.by_category.stable_out_of_poverty

# METADATA
# title: 未纳入监测的脱贫人口：住院（及所列门诊特殊慢性病）医疗救助起付线年度累计3000元、50%、年度限额2万元，门诊与住院合并计算
# custom:
#   clause: 二(二)3
#   quote:
#     - 对未纳入乡村振兴部门防止返贫监测的脱贫人口，在过渡期内保持医疗救助政策稳定，住院医疗救助起付线为年度累计达到3000元，在起付线以上部分，按50%的救助比例，年度累计救助最高支付限额2万元的标准给予医疗救助；所需医疗救助资金由城区本级财政承担。
#     - 对患慢性肾功能不全的肾透析、各种恶性肿瘤、器官移植后抗排斥免疫调节治疗、重型和中间型地中海贫血、血友病等重特大门诊特殊慢性病，需长期门诊治疗的监测对象和未纳入乡村振兴部门防止返贫监测的脱贫人口，门诊政策范围内个人自付费用，按相应住院医疗救助标准给予救助，门诊救助费用与住院医疗救助费用合并计算，并入对应医疗救对象类别住院年度累计救助最高支付限额。
#     - 属于我区医疗救助对象的农村低收入人口，医疗救助待遇按《柳州市柳江区人民政府办公室关于印发<柳州市柳江区关于健全重特大疾病医疗保险和救助制度>的通知》（江政办发〔2022〕33号）的有关规定执行。
#   reading:
#     - text: 血友病等重特大门诊特殊慢性病
#       chosen: 仅所列五种疾病作为重特大门诊特殊慢性病，按住院医疗救助标准给予救助
#       alternative: “等”表示未尽列举——其他需长期门诊治疗的重特大门诊慢性病也将给予救助
#     - text: 属于我区医疗救助对象的农村低收入人口
#       chosen: 未纳入监测的脱贫人口同时属于33号文件医疗救助对象（一(二)所列类别之一，或因病支出型困难家庭成员）的，仅按该类别在33号文件中的标准救助；3000元/50%/2万元标准适用于其余未纳入监测的脱贫人口
#       alternative: 关于未纳入监测的脱贫人口的规定适用于全部此类人员——上述人员仍按3000元/50%/2万元标准救助（或取两者中待遇较高者），属于因病支出型困难家庭成员的未纳入监测的脱贫人口也不转按33号文件标准（数值待定）救助
plan contains {
	"tier": "assistance",
	"deductible": stable_terms.deductible,
	"ratio": stable_terms.ratio,
	"annual_cap": stable_terms.annual_cap,
} if {
	stable_assisted
	assisted_claim
}

# METADATA
# title: 未纳入监测的脱贫人口住院医疗救助
# custom:
#   clause: 二(二)3
#   quote: 对未纳入乡村振兴部门防止返贫监测的脱贫人口，在过渡期内保持医疗救助政策稳定，住院医疗救助起付线为年度累计达到3000元，在起付线以上部分，按50%的救助比例，年度累计救助最高支付限额2万元的标准给予医疗救助；所需医疗救助资金由城区本级财政承担。
coverage contains {"tier": "assistance", "categories": ["stable_out_of_poverty"], "claim_kinds": ["inpatient"]}

# The category whose 33号 terms apply to a low-income person, in the order of
# 一(二); 因病支出型困难家庭成员 are assisted on application (二(三)2).
# The monitored kinds share the key `monitored`.
assistance_category := "extreme_poverty" if {
	"extreme_poverty" in input.person.categories
} else := "orphan" if {
	"orphan" in input.person.categories
} else := "de_facto_orphan" if {
	"de_facto_orphan" in input.person.categories
} else := "dibao" if {
	"dibao" in input.person.categories
} else := "dibao_edge" if {
	"dibao_edge" in input.person.categories
} else := "returned_to_poverty" if {
	"returned_to_poverty" in input.person.categories
} else := "monitored" if {
	"monitored" in input.person.categories
} else := "illness_impoverished" if {
	"illness_impoverished" in input.person.categories
}

# METADATA
# title: 属于我区医疗救助对象的农村低收入人口，医疗救助待遇按江政办发〔2022〕33号执行（起付线、比例、限额为参数；种子文本未含该文件）
# description: >-
#   Applied to inpatient claims (and the listed outpatient chronic diseases of
#   monitored people, at the inpatient standard); 33号's terms for other claim
#   kinds are not known here. 33号 is not among the seeds, so its numbers are
#   open parameters (policies/params/liujiang.yaml, open: true): a settlement
#   that needs them without values is an error naming each one.
# custom:
#   clause: 二(二)3
#   quote:
#     - 属于我区医疗救助对象的农村低收入人口，医疗救助待遇按《柳州市柳江区人民政府办公室关于印发<柳州市柳江区关于健全重特大疾病医疗保险和救助制度>的通知》（江政办发〔2022〕33号）的有关规定执行。
#     - 对患慢性肾功能不全的肾透析、各种恶性肿瘤、器官移植后抗排斥免疫调节治疗、重型和中间型地中海贫血、血友病等重特大门诊特殊慢性病，需长期门诊治疗的监测对象和未纳入乡村振兴部门防止返贫监测的脱贫人口，门诊政策范围内个人自付费用，按相应住院医疗救助标准给予救助，门诊救助费用与住院医疗救助费用合并计算，并入对应医疗救对象类别住院年度累计救助最高支付限额。
#   reading:
#     - text: 属于我区医疗救助对象的农村低收入人口
#       chosen: 不审查居住地——属于一(二)所列类别的人员不论居住在城镇或农村，均按该类别在33号文件中的标准救助（与二(二)1等待期规定审查是否居住在农村不同）
#       alternative: 仅限居住在农村的人员——城镇特困人员或低保对象将不能依本模块获得医疗救助标准
#     - text: 属于我区医疗救助对象
#       chosen: 兼属多个类别的人员，按一(二)的排列顺序（特困人员、孤儿、事实无人抚养儿童、低保对象、低保边缘对象、返贫致贫人口、监测对象），其后为因病支出型困难家庭成员，适用排在最前的类别在33号文件中的标准
#       alternative: 适用本人所属各类别中最优的标准（就高，与二(一)3对资助参保的处理相同）
#     - text: 因病支出型困难家庭成员
#       chosen: 为33号文件中独立的医疗救助类别，其标准适用于每次住院费用（未纳入监测的脱贫人口属于此类的，不再适用3000元/50%/2万元标准）
#       alternative: 仅按二(三)2依申请救助（对当年个人自付费用一次性救助），不设按次适用的救助标准；属于此类的未纳入监测的脱贫人口仍按未纳入监测的脱贫人口标准救助
#     - text: 血友病等重特大门诊特殊慢性病
#       chosen: 仅所列五种疾病作为重特大门诊特殊慢性病，按住院医疗救助标准给予救助
#       alternative: “等”表示未尽列举——其他需长期门诊治疗的重特大门诊慢性病也将给予救助
plan contains {
	"tier": "assistance",
	"deductible": input.params.assistance.by_category[c].deductible,
	"ratio": input.params.assistance.by_category[c].ratio,
	"annual_cap": input.params.assistance.by_category[c].annual_cap,
} if {
	assisted_claim
	c := assistance_category
}

# ---------------------------------------------------------------------------
# 二(三)2 直接救助至规定报销比例: in the transition period, 监测对象 and 返贫致贫
# 人口 whose in-catalog compliant cost (deductible included) is reimbursed
# below 90% (inpatient) or 80% (outpatient special chronic diseases) after
# the three tiers are assisted directly up to that ratio, within the annual
# assistance limit. The limit is 33号's, an open parameter (without it the
# settlement is an error naming it; an unlimited top-up the document does
# not allow). It draws on the assistance cap group. An uninsured claim has
# not been through the three tiers, so it gets no top-up.

top_up_person if {
	some c in ["monitored", "returned_to_poverty"]
	c in input.person.categories
}

# METADATA
# title: 监测对象和返贫致贫人口：住院合规费用（含起付线）报销比例达不到90%的，在医疗救助年度限额内直接救助至90%
# custom:
#   clause: 二(三)2
#   quote: 在规定的过渡期内，监测对象和返贫致贫人口经三重制度保障后，在医疗救助年度累计救助最高限额内，个人自付的医保目录内住院合规医疗费用（含起付线）报销比例达不到90%、医保目录内门诊特殊慢性病合规医疗费用（含起付线）报销比例达不到80%的，可免于依申请医疗救助，直接实施医疗救助倾斜救助，通过“一站式”“一单制”结算达到上述规定的报销比例。
#   reading:
#     - text: 报销比例达不到90%
#       chosen: 按每次费用计算——每次住院的医保目录内合规医疗费用（含起付线），经三重制度支付和直接救助后报销比例达到90%
#       alternative: 按年度累计费用计算——低于90%的一次费用可由高于90%的另一次费用抵补，直接救助按年度合计结算
#     - text: 规范转诊且在自治区内就医的医疗救助对象倾斜救助的起止时间从每年1月1日起到12月31日止
#       chosen: 本句仅规定倾斜救助按自然年度（1月1日至12月31日）起止；直接救助不以规范转诊或在自治区内就医为条件（不读取 claim.referred）
#       alternative: 倾斜救助（含本项直接救助）仅适用于规范转诊且在自治区内就医的费用——未规范转诊或在自治区外就医的费用不予直接救助
#     - text: 经三重制度保障后
#       chosen: 未经基本医保、大病保险支付的费用（未参保或在待遇等待期内发生）不予直接救助
#       alternative: 此类费用在医疗救助支付后，仍直接救助至规定报销比例
plan contains {"tier": "top_up", "target": 0.9, "annual_cap": input.params.assistance.by_category[c].annual_cap} if {
	top_up_person
	input.claim.kind == "inpatient"
	not input.claim.uninsured
	c := assistance_category
}

# METADATA
# title: 监测对象和返贫致贫人口：门诊特殊慢性病合规费用（含起付线）报销比例达不到80%的，在医疗救助年度限额内直接救助至80%
# custom:
#   clause: 二(三)2
#   quote: 在规定的过渡期内，监测对象和返贫致贫人口经三重制度保障后，在医疗救助年度累计救助最高限额内，个人自付的医保目录内住院合规医疗费用（含起付线）报销比例达不到90%、医保目录内门诊特殊慢性病合规医疗费用（含起付线）报销比例达不到80%的，可免于依申请医疗救助，直接实施医疗救助倾斜救助，通过“一站式”“一单制”结算达到上述规定的报销比例。
#   reading:
#     - text: 报销比例达不到80%
#       chosen: 按每次费用计算——每次门诊特殊慢性病的医保目录内合规医疗费用（含起付线），经三重制度支付和直接救助后报销比例达到80%
#       alternative: 按年度累计费用计算——低于80%的一次费用可由高于80%的另一次费用抵补，直接救助按年度合计结算
#     - text: 规范转诊且在自治区内就医的医疗救助对象倾斜救助的起止时间从每年1月1日起到12月31日止
#       chosen: 本句仅规定倾斜救助按自然年度（1月1日至12月31日）起止；直接救助不以规范转诊或在自治区内就医为条件（不读取 claim.referred）
#       alternative: 倾斜救助（含本项直接救助）仅适用于规范转诊且在自治区内就医的费用——未规范转诊或在自治区外就医的费用不予直接救助
#     - text: 经三重制度保障后
#       chosen: 未经基本医保、大病保险支付的费用（未参保或在待遇等待期内发生）不予直接救助
#       alternative: 此类费用在医疗救助支付后，仍直接救助至规定报销比例
plan contains {"tier": "top_up", "target": 0.8, "annual_cap": input.params.assistance.by_category[c].annual_cap} if {
	top_up_person
	input.claim.kind == "outpatient_special"
	not input.claim.uninsured
	c := assistance_category
}

# 二(三)2 未参保或等待期内的依申请医疗救助对象: 起付线以下个人负担的费用全额
# 计入，基本医保报销范围内的费用按50%计入. The weights are stated wherever an
# assistance tier applies to the claim; the assistance terms themselves
# (ratio, limit) are those of the person's category (33号, or the fixed
# terms above).

assistance_applies if stable_assisted

assistance_applies if assistance_category

# METADATA
# title: 未参保和待遇等待期内的依申请救助对象：起付线以下个人负担费用全额计入，报销范围内费用按50%计入
# custom:
#   clause: 二(三)2
#   quote:
#     - 对个人未缴费参加基本医疗保险和在医保待遇等待期间的依申请医疗救助对象，参加当年基本医疗保险后，方可享受依申请医疗救助，其应计入医疗救助费用计算方法为：
#     - ①相关基本医疗保险报销起付线以下个人负担的医疗费用按全额计入；
#     - ②符合基本医疗保险报销范围内的医疗费用按50%的比例计入。
#   reading:
#     - text: 依申请医疗救助对象
#       chosen: 本计入方法适用于医疗救助支付的全部未参保（含等待期内）费用（无论按未纳入监测的脱贫人口标准还是33号文件类别标准），不限于依申请给予的救助
#       alternative: 仅适用于依申请医疗救助（二(三)2的一次性救助）——未参保费用的常规医疗救助将按报销范围内费用全额计入
#     - text: 符合基本医疗保险报销范围内的医疗费用按50%的比例计入
#       chosen: 指基本医保起付线以上的报销范围内费用，按50%计入；起付线以下部分按①全额计入——两项不重叠
#       alternative: ②涵盖全部报销范围内费用，包括起付线以下部分——该部分将按50%计入（或同时按两项计入）
plan contains {"tier": "assistance", "counting": {"below_basic_deductible": 1, "above_basic_deductible": 0.5}} if {
	input.claim.uninsured
	assisted_claim
	assistance_applies
}

# ---------------------------------------------------------------------------
# 二(六) 目录外费用: 原则上低收入人口和脱贫人口住院期间使用目录内费用应占总
# 费用90%以上（含本数），超出部分由医疗机构自行承担. Approved special cases
# (需报区卫生健康部门审批) are not in the input.

# METADATA
# title: 低收入人口和脱贫人口住院：目录内费用应占总费用90%以上，超出部分由医疗机构自行承担
# custom:
#   clause: 二(六)
#   quote: 原则上低收入人口和脱贫人口住院期间使用《广西壮族自治区基本医疗保险、工伤保险和生育保险药品目录》《广西壮族自治区基本医疗保险和工伤保险医疗服务项目》费用应占总费用90%以上，超出部分由医疗机构自行承担。
#   reading:
#     text: 低收入人口和脱贫人口
#     chosen: 一(二)所列农村低收入人口各类别（不论居住在城镇或农村）和脱贫人口，不含因病支出型困难家庭成员
#     alternative: 按低收入人口数据库的广义口径理解低收入人口（含因病支出型困难家庭成员和城镇低收入人口）——其住院费用也适用目录外费用不超过10%、超出部分由医疗机构承担的规定
plan contains {"tier": "out_of_catalog", "limit": 0.1, "hospital_bears": true} if {
	input.claim.kind == "inpatient"
	is_low_income_or_out_of_poverty
}

# METADATA
# title: 低收入人口和脱贫人口住院费用均受目录外费用比例控制
# custom:
#   clause: 二(六)
#   quote: 原则上低收入人口和脱贫人口住院期间使用《广西壮族自治区基本医疗保险、工伤保险和生育保险药品目录》《广西壮族自治区基本医疗保险和工伤保险医疗服务项目》费用应占总费用90%以上，超出部分由医疗机构自行承担。
#   reading:
#     text: 低收入人口和脱贫人口
#     chosen: 一(二)所列农村低收入人口各类别（不论居住在城镇或农村）和脱贫人口，不含因病支出型困难家庭成员
#     alternative: 按低收入人口数据库的广义口径理解低收入人口（含因病支出型困难家庭成员和城镇低收入人口）——其住院费用也适用目录外费用不超过10%、超出部分由医疗机构承担的规定
coverage contains {
	"tier": "out_of_catalog",
	"categories": array.concat(low_income, ["stable_out_of_poverty"]),
	"claim_kinds": ["inpatient"],
}

# ---------------------------------------------------------------------------
# 二(三)1(1) 高额医疗费用月度名单: 个人负担5000元以上的脱贫人口和监测对象、1万元
# 以上的普通农户. 个人负担 is read as what the person pays in all, out-of-
# catalog cost included (total_self_pay); 以上 includes the number. The list
# is monthly; the engine's measure is the year's to date, which is also what
# 二(三)1(3) counts (年内医疗费用负担在5000元以上).

# METADATA
# scope: document
# title: 监测预警：各类人员的监测线
# description: 由外部查询的决定 data.regions.liujiang.monitoring（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 个人负担5000元以上的脱贫人口和监测对象，医保部门每月推送名单
# description: 脱贫人口和监测对象 are stable_out_of_poverty, the monitored kinds and returned_to_poverty (返贫致贫人口 are identified through the monitoring system).
# custom:
#   clause: 二(三)1(1)
#   also:
#     二(三)1(3): 年内医疗费用负担5000元以上：与本监测同一标准，由本规则标记
#   quote:
#     - 医保部门每月要将个人负担5000 元以上的脱贫人口和监测对象、1 万元以上的普通农户名单，以及符合《关于进一步加强事实无人抚养儿童保障工作的实施意见》（桂民规〔2019〕5 号）规定重病范围的患者名单，共享给同级乡村振兴、民政部门。
#     - 针对年内医疗费用负担在5000元以上的脱贫人口和监测对象，乡村振兴部门要建立综合帮扶台账，做到“一人一策”，实施台账化管理，每月将高额医疗费用负担人员综合帮扶情况报送上级乡村振兴部门。
#   reading:
#     - text: 个人负担
#       chosen: 个人支付的全部费用，即政策范围内个人自付加目录外费用（`total_self_pay`，个人负担医疗费用）
#       alternative: 仅指政策范围内个人自付——门槛更高，报送人数更少
#     - text: 每月
#       chosen: 每月查看当年截至当月的累计负担（与二(三)1(3)按“年内”计算一致）
#       alternative: 仅计当月发生的负担——只有该月的费用计入标准
#     - text: 脱贫人口和监测对象
#       chosen: 除未纳入监测的脱贫人口和各类监测对象外，还包括返贫致贫人口（经防止返贫监测识别）
#       alternative: 返贫致贫人口既非脱贫人口也非监测对象——不列入5000元名单（且因属低收入人口，也不列入普通农户名单）
monitoring contains {
	"flag": "high_cost_report",
	"measure": "total_self_pay",
	"threshold": 5000,
	"inclusive": true,
	"population": "脱贫人口和监测对象",
} if {
	some c in ["stable_out_of_poverty", "monitored", "returned_to_poverty"]
	c in input.person.categories
}

# METADATA
# title: 个人负担1万元以上的普通农户，医保部门每月推送名单
# description: 普通农户 is read as a rural person in none of the low-income or out-of-poverty categories (nor 因病支出型困难家庭成员).
# custom:
#   clause: 二(三)1(1)
#   quote: 医保部门每月要将个人负担5000 元以上的脱贫人口和监测对象、1 万元以上的普通农户名单，以及符合《关于进一步加强事实无人抚养儿童保障工作的实施意见》（桂民规〔2019〕5 号）规定重病范围的患者名单，共享给同级乡村振兴、民政部门。
#   reading:
#     - text: 普通农户
#       chosen: 不属于任何低收入人口或脱贫人口类别、也不是因病支出型困难家庭成员的农村居民
#       alternative: 凡不属于脱贫人口和监测对象的农村住户——农村低保对象或特困人员将按1万元标准报送
#     - text: 1 万元以上的普通农户
#       chosen: 本人个人负担达到1万元以上（含1万元）
#       alternative: 按农户家庭合计负担——多名成员的费用相加，会更早达到1万元
#     - text: 个人负担
#       chosen: 个人支付的全部费用，即政策范围内个人自付加目录外费用（`total_self_pay`，个人负担医疗费用）
#       alternative: 仅指政策范围内个人自付——门槛更高，报送人数更少
#     - text: 每月
#       chosen: 每月查看当年截至当月的累计负担（与二(三)1(3)按“年内”计算一致）
#       alternative: 仅计当月发生的负担——只有该月的费用计入标准
monitoring contains {
	"flag": "high_cost_report",
	"measure": "total_self_pay",
	"threshold": 10000,
	"inclusive": true,
	"population": "普通农户",
} if {
	input.person.residence == "rural"
	not is_low_income
	not is_stable
	not "illness_impoverished" in input.person.categories
}

# ---------------------------------------------------------------------------
# Clauses the module does not compute, and why.

# METADATA
# scope: document
# title: 未计算的条款及其原因
# description: 由外部查询的决定 data.regions.liujiang.uncomputed（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# custom:
#   clause: 一(一)
#   quote: 在脱贫攻坚与乡村振兴衔接的5年过渡期内，巩固拓展医疗保障成果同乡村振兴有效衔接，更好满足农村居民医疗保障新需要，不断增强农村参保群众获得感、幸福感和安全感。
#   reading:
#     text: 5年过渡期
#     chosen: 国家规定的2021—2025年过渡期——本模块适用年度截至2025年，与二(一)2(4)的渐退时间表一致
#     alternative: 文件未规定截止日期（“今后上级有新规定的，从其规定”）——其规定（如未纳入监测的脱贫人口30%的资助、过渡期人群的倾斜政策）可延续至2026年及以后，直至被新规定取代
uncomputed contains {"reason": "指导思想：5年过渡期，见 document.years"}

# METADATA
# custom:
#   clause: 一(二)
#   quote: 细化实化政策措施，做好动态新增农村低收入人口（含特困人员、孤儿、事实无人抚养儿童、低保对象、低保边缘对象、脱贫不稳定户、边缘易致贫户、突发严重困难户和返贫致贫人口，下同）和脱贫人口参保服务和待遇给付，确保医保和健康帮扶政策应享尽享。
#   reading:
#     text: 农村低收入人口（含特困人员、孤儿、事实无人抚养儿童、低保对象、低保边缘对象、脱贫不稳定户、边缘易致贫户、突发严重困难户和返贫致贫人口，下同）
#     chosen: 仅限所列类别
#     alternative: “含”为举例而非穷尽列举——因病支出型困难家庭成员也属农村低收入人口，可享受二(二)1不设等待期和二(六)目录外费用控制，并不再列入普通农户名单
uncomputed contains {"reason": "目标任务；农村低收入人口的定义用于各条人群（low_income）"}

# METADATA
# custom:
#   clause: 一(三)
#   quote:
#     - 坚持尽力而为、量力而行，既要应保尽保，又要防止泛福利化倾向，实事求是确定农村居民医疗保障标准。
#     - 坚持医保制度普惠性保障功能的同时，增强对困难群众基础性、兜底性保障，确保困难群众基本医疗有保障，不因罹患重特大疾病影响基本生活，同时避免过度保障。
uncomputed contains {"reason": "基本原则：不产生金额"}

# METADATA
# custom:
#   clause: 二(一)1
#   quote: 对符合参保条件的防止返贫监测对象和脱贫人口，各镇要在每年12月底前实现低收入人口和脱贫人口当年度参保率达100%、下年度参保率达80%以上的目标。
uncomputed contains {"reason": "参保动员与参保率目标（当年度100%、下年度80%以上）：工作目标，不产生金额"}

# METADATA
# custom:
#   clause: 二(一)2(5)
#   quote: 对每年7月1日后动态新增的，以及因职工医保停保转为参加城乡居民基本医疗保险的困难特殊人群，其参加城乡居民基本医疗保险缴费时，按照政策规定对个人缴费标准实施分类资助外，对各级财政补助部分，由城区对应个人参保补助资金渠道列支。
uncomputed contains {"reason": "7月1日后动态新增及职工医保停保转居民医保的困难人员：个人缴费仍按分类资助（已计算），各级财政补助部分的列支渠道不属于个人资助金额"}

# METADATA
# custom:
#   clause: 二(一)3(1)
#   quote:
#     - 困难特殊人员在缴费时具有多重身份类别的，按照最高标准给予资助，资金支出按照以下情形办理：
#     - （1）给予个人缴费部分为全额资助的，其资助顺序按照人员类别依次为：计生家庭成员、重度残疾人、优抚对象、民政救助对象。
uncomputed contains {"reason": "全额资助的资助顺序（计生→重度残疾→优抚→民政救助）由 subsidy 规则的 rank 计算；名单比对去重与请款为部门职责。优抚对象本文件未规定资助标准"}

# METADATA
# custom:
#   clause: 二(一)3(2)
#   quote: （2）给予个人缴费部分为定额资助的，采取就高不就低的原则进行资助，资助顺序按照人员类别依次为：民政救助对象、返贫致贫人口、监测对象、稳定脱贫人口。
uncomputed contains {"reason": "定额资助就高不就低及资助顺序（民政救助→返贫致贫→监测→稳定脱贫）由 subsidy 规则的 rank 计算；资金支出办理为部门职责"}

# METADATA
# custom:
#   clause: 二(二)3
#   quote:
#     - 属于我区医疗救助对象的农村低收入人口，医疗救助待遇按《柳州市柳江区人民政府办公室关于印发<柳州市柳江区关于健全重特大疾病医疗保险和救助制度>的通知》（江政办发〔2022〕33号）的有关规定执行。
#     - 所需医疗救助资金由城区本级财政承担。
uncomputed contains {"reason": "农村低收入人口的医疗救助待遇按江政办发〔2022〕33号执行，该文件不在种子中：其起付线、比例、限额未知，仅在参数给出时计算（住院及监测对象所列门诊慢特病）；其他就诊类型的救助不计算。稳定脱贫人口的救助资金由城区本级财政承担：资金渠道，不产生金额"}

# METADATA
# custom:
#   clause: 二(三)1(2)
#   quote: 医保部门落实相应医疗保障待遇，民政部门落实特困、低保、临时救助等政策，卫生健康部门落实相应健康帮扶政策。
uncomputed contains {"reason": "部门联动综合帮扶：部门职责"}

# METADATA
# custom:
#   clause: 二(三)1(3)
#   quote:
#     - 针对年内医疗费用负担在5000元以上的脱贫人口和监测对象，乡村振兴部门要建立综合帮扶台账，做到“一人一策”，实施台账化管理，每月将高额医疗费用负担人员综合帮扶情况报送上级乡村振兴部门。
#     - 各镇、各相关部门要将年内医疗费用在5000元以上的脱贫人口和监测对象综合帮扶措施落实情况及时报送区乡村振兴局。
uncomputed contains {"reason": "年内医疗费用负担5000元以上的脱贫人口和监测对象建立综合帮扶台账、销号管理：与二(三)1(1)同一标准（已计算为 high_cost_report），台账为部门职责"}

# METADATA
# custom:
#   clause: 二(三)2
#   quote:
#     - 依申请医疗救助申请条件、救助标准、救助申请流程和救助方式按《柳州市柳江区人民政府办公室关于印发<柳州市柳江区关于健全重特大疾病医疗保险和救助制度>的通知》（江政办发〔2022〕33号）的有关规定执行
#     - 符合纳入防止返贫监测对象条件的根据实际困难救助比例不低于70%（其中，申请救助限额在2万元以下的需提高救助比例的，由区实施乡村振兴战略指挥部医疗保障组召开会议“一事一议”决定）
#     - 健全完善倾斜救助机制，符合条件的申请对象当年度给予依申请医疗救助后，除乡村振兴部门纳入的监测对象外，其他对象年内后续发生的医疗费用按规定享受正常医疗救助，不再享受倾斜救助。
uncomputed contains {"reason": "依申请救助的条件、标准和流程按江政办发〔2022〕33号（不在种子中）；符合纳入监测条件者救助比例不低于70%——是否符合监测条件不在输入中；2万元以下提高比例“一事一议”；依申请后不再享受倾斜救助；直接救助至90%/80%在医疗救助限额未知时不计算（已计算部分：目标比例与未参保计入方法）"}

# METADATA
# custom:
#   clause: 二(三)3
#   quote: 通过日常走访、随机抽查、部门数据比对等方式，对属地低收入人口进行动态监测，及时精准进行动态调整。
uncomputed contains {"reason": "低收入人口定期核查和动态调整：工作机制"}

# METADATA
# custom:
#   clause: 二(三)4
#   quote: 通过数据共享方式，按照民政、乡村振兴部门认定的农村低收入人口名单信息，重点落实大病分类救治、家庭医生签约服务、先诊疗后付费等健康帮扶措施
uncomputed contains {"reason": "常态化健康帮扶（家庭医生签约等）：卫生健康措施"}

# METADATA
# custom:
#   clause: 二(三)5
#   quote: 积极探索为农村低收入人口购买商业健康保险，鼓励医疗互助发展，不断壮大慈善救助，形成对基本医疗保障的有益补充。
uncomputed contains {"reason": "引导社会力量参与减贫（商业健康保险、慈善）：不产生金额"}

# METADATA
# custom:
#   clause: 二(四)
#   quote: 卫生健康、残联和医疗保障等部门要合理测算医疗救助资金需求，财政部门结合上级财政补助资金下达情况，合理安排本级财政补助资金，做好资金投入保障工作。
uncomputed contains {"reason": "加大医疗救助资金投入：资金保障"}

# METADATA
# custom:
#   clause: 二(五)
#   quote: 继续扩大异地就医结算范围，简化备案手续，对明确身份标识的医疗救助对象住院费用逐步实现自治区内三重制度综合保障“一站式”直接结算。
uncomputed contains {"reason": "“一站式”直接结算与经办服务：经办要求"}

# METADATA
# custom:
#   clause: 二(六)
#   quote:
#     - 推动药品招标采购工作政策落地，确保国家、自治区集中采购中选药品、医用耗材等中选产品在我区落地，积极参与区域性联盟采购。
#     - 创新完善医保协议管理，持续推进医保支付方式改革。
#     - 属特殊病例无法达到规定比例，需报区卫生健康部门审批，通过审批的名单信息按规定报市级卫生健康部门和同级乡村振兴、医保部门备案。
uncomputed contains {"reason": "集采落地、协议管理、支付方式改革：管理措施；特殊病例经审批可不受90%限制——审批不在输入中（目录外费用控制已计算）"}

# METADATA
# custom:
#   clause: 二(七)
#   quote: 加强对医疗救助对象就医行为的引导，推行基层首诊，规范转诊，实施合理诊疗促进有序就医。
uncomputed contains {"reason": "基层首诊、规范转诊、基金监管：就医与监管措施，本文件未规定未转诊的待遇后果"}

# METADATA
# custom:
#   clause: 二(八)
#   quote:
#     - 对农村低收入人口实行县域内定点医疗机构“先诊疗后付费”政策。
#     - 县域内定点医疗机构依托共享的信息识别政策对象，政策对象患者入院时不需缴纳住院押金，只需在出院时支付医保报销后的自负医疗费用。
uncomputed contains {"reason": "县域内先诊疗后付费、免住院押金：结算方式，不改变各方负担金额"}

# METADATA
# custom:
#   clause: 二(九)
#   quote: 不断完善乡村医疗卫生机构服务设施，将符合条件的“互联网+”诊疗服务纳入医保支付范围，提高优质医疗服务可及性。
uncomputed contains {"reason": "农村医疗卫生服务能力建设：服务供给措施"}

# METADATA
# custom:
#   clause: 三(一)
#   quote: 各镇各有关单位要切实加强组织领导，明确任务分工，层层落实责任，周密组织和有序推进工作，及时研究解决政策衔接过程中的重大问题。
uncomputed contains {"reason": "加强组织领导：部门职责"}

# METADATA
# custom:
#   clause: 三(二)
#   quote: 医保部门负责统筹推进巩固拓展医保脱贫攻坚成果与乡村振兴有效衔接的制度、机制建设，抓好医疗保障政策待遇的落实。
uncomputed contains {"reason": "加强部门协同：部门职责"}

# METADATA
# custom:
#   clause: 三(三)
#   quote: 各镇和相关部门要加强脱贫人口和监测对象健康和医保帮扶政策落实和待遇享受情况监测。
uncomputed contains {"reason": "加强运行监测：工作要求"}

# METADATA
# custom:
#   clause: 三(四)
#   quote: 各镇各部门要加强政策解读，广泛开展形式多样的医疗保障政策宣传活动，做好宣传引导，营造良好舆论氛围，合理引导社会舆论。
uncomputed contains {"reason": "加强政策宣传：工作要求"}

# METADATA
# custom:
#   clause: 施行
#   quote:
#     - 本方案自2023年11月1日起执行。
#     - 《柳州市柳江区巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略实施方案》（江乡指发〔2021〕1 号）同时废止。
uncomputed contains {"reason": "自2023年11月1日起执行，江乡指发〔2021〕1号同时废止：即 document.in_force_from 与 supersedes。2023年11月1日前发生的费用属原方案，本模块不含原方案"}
