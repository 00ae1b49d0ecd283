# 黔南州医疗保障扶贫行动实施方案
# 黔南医保发〔2019〕36号 (seed 002_f5fe906413579ce9.txt)
#
# Clause ids follow the document: part 二 has items (一)…(八); item (四) has
# numbered sub-items 1–4 and item (五) sub-items 1–3, cited as 二(四)3 and
# 二(五)1; part 三 has items (一)…(四). The closing sentence ("本方案自发布之
# 日起执行…") is unnumbered and cited here as 结语. The seed ends with a stray
# "（三）加强宣传引导" paragraph about 州生态移民局 from another notice; it is
# not part of this document and is not encoded.
#
# Numbers the document fixes (the 100-yuan subsidy and its 5:2:3 split, the
# 50% / 5-point / no-cap tilts, the 70% and 100% assistance ratios, the 10%
# out-of-catalog limit, the 250000 floor) are written here. Numbers it leaves
# to others — the contribution standard, the counties' basic insurance
# terms, the province's ordinary critical-illness terms (黔医保发〔2019〕29号,
# not among the seeds), the assistance limit — come from
# policies/params/qiannan.yaml, each with its source or marked illustrative.
package regions.qiannan

document := {
	"title": "黔南州医疗保障扶贫行动实施方案",
	"number": "黔南医保发〔2019〕36号",
	"issuer": "黔南州医疗保障局（州医疗保障局、州民政局、州财政局、州扶贫办联合制定）",
	"issued": "2019-06-24",
	# 结语: 本方案自发布之日起执行. The document gives no end date: it serves
	# the 2020 goal (一: 为2020年现行标准下农村贫困人口脱贫提供坚强保障), so
	# its benefit years are taken as 2019 and 2020, and in_force_to is left
	# open.
	"in_force_from": "2019-06-24",
	"supersedes": "相关医保扶贫政策以本文规定为准（结语）",
	"years": [2019, 2020],
	"seed": "002_f5fe906413579ce9.txt",
	"clauses": [
		"一",
		"二(一)", "二(二)", "二(三)",
		"二(四)", "二(四)1", "二(四)2", "二(四)3", "二(四)4",
		"二(五)", "二(五)1", "二(五)2", "二(五)3",
		"二(六)", "二(七)", "二(八)",
		"三(一)", "三(二)", "三(三)", "三(四)",
		"结语",
	],
}

# 二(一): 医保扶贫保障对象为建档立卡贫困人口、特困供养人员等农村贫困人口.
# Every later clause that speaks of 医保扶贫保障对象 (or 贫困患者) means these.
poverty_targets := {"registered_poor", "extreme_poverty"}

is_poverty_target if {
	some c in poverty_targets
	c in input.person.categories
}

# ---------------------------------------------------------------------------
# 二(二) 动态参保管理: recognised by the end of August → enrolled in that
# year's basic insurance (coverage from recognition); recognised September
# to December and not yet insured → enrolled from 1 January of the next year.
# Only a recognition in the case year counts. A person already insured before
# recognition (an enrollment date before it) keeps the coverage they have:
# the clause moves only the newly recognised who are not insured ("新认定且
# 未参保").

recognized_this_year if {
	input.person.recognized >= sprintf("%d-01-01", [input.year])
	input.person.recognized <= sprintf("%d-12-31", [input.year])
}

insured_before_recognition if input.enrollment.date < input.person.recognized

# METADATA
# title: 每年8月底前新认定的医保扶贫保障对象，纳入当年度基本医保
# custom:
#   clause: 二(二)
enrollment contains {"starts": "recognition_date"} if {
	is_poverty_target
	recognized_this_year
	not insured_before_recognition
	input.person.recognized <= sprintf("%d-08-31", [input.year])
}

# METADATA
# title: 9月至12月新认定且未参保的医保扶贫保障对象，统一纳入下一年度基本医保
# custom:
#   clause: 二(二)
enrollment contains {"starts": "next_year"} if {
	is_poverty_target
	recognized_this_year
	not insured_before_recognition
	input.person.recognized > sprintf("%d-08-31", [input.year])
}

# ---------------------------------------------------------------------------
# 二(三) 参保资助, through the medical assistance channel (参保资助资金归口到
# 医疗救助渠道). The highest matching rule wins and never exceeds the
# contribution (the engine does both: 按就高原则…参保资助金额不得超过个人缴费
# 总额).
#
# Only the registered_poor fixed subsidy ("建档立卡贫困人口定额资助部分") is
# shared by province, prefecture and county by county class; the full
# subsidy of 特困供养人员 is not split by the text, so it is funded by the
# medical assistance fund the sentence before names. A registered_poor
# person whose county is not given, or is not one of the 12, matches no
# rule: the document names no funder for them, and no subsidy is better
# than a silent wrong funder (the result then shows rule 无).

# METADATA
# title: 特困供养人员参保个人缴费给予全额资助
# custom:
#   clause: 二(三)
subsidy contains {"rule": "extreme_poverty", "form": "full", "funders": [{"funder": "medical_assistance_fund", "share": 1}]} if {
	"extreme_poverty" in input.person.categories
}

# METADATA
# title: 建档立卡贫困人口每人每年定额资助100元；第一类2个县（三都县、罗甸县）由省级政府全部承担
# custom:
#   clause: 二(三)
subsidy contains {"rule": "registered_poor", "form": "fixed", "amount": 100, "funders": [{"funder": "province_finance", "share": 1}]} if {
	"registered_poor" in input.person.categories
	input.person.county in {"三都县", "罗甸县"}
}

# METADATA
# title: 建档立卡贫困人口每人每年定额资助100元；第二类8个县由省、州、县三级政府按照5:2:3比例分担
# custom:
#   clause: 二(三)
subsidy contains {
	"rule": "registered_poor", "form": "fixed", "amount": 100,
	"funders": [
		{"funder": "province_finance", "share": 0.5},
		{"funder": "prefecture_finance", "share": 0.2},
		{"funder": "county_finance", "share": 0.3},
	],
} if {
	"registered_poor" in input.person.categories
	input.person.county in {"瓮安县", "龙里县", "贵定县", "惠水县", "长顺县", "平塘县", "独山县", "荔波县"}
}

# METADATA
# title: 建档立卡贫困人口每人每年定额资助100元；第三类2个市（都匀市、福泉市）由县级政府全部承担
# custom:
#   clause: 二(三)
subsidy contains {"rule": "registered_poor", "form": "fixed", "amount": 100, "funders": [{"funder": "county_finance", "share": 1}]} if {
	"registered_poor" in input.person.categories
	input.person.county in {"都匀市", "福泉市"}
}

# ---------------------------------------------------------------------------
# 二(四)1 基本医保: the pooling region's terms (in 2019 the counties'), so
# parameters. "住院费用政策范围内实际报销比例保持在75%左右" is a target for the
# actual ratio over all inpatient costs, not a nominal ratio: no bound is
# set from it. "统筹基金最高支付限额不低于25万元" is a floor.

# METADATA
# title: 严格执行基本医疗保障支付范围和标准（统筹地区的城乡居民基本医保待遇）
# custom:
#   clause: 二(四)1
plan contains {
	"tier": "basic",
	"deductible": input.params.basic[input.claim.kind][input.claim.hospital_level].deductible,
	"ratio": input.params.basic[input.claim.kind][input.claim.hospital_level].ratio,
	"annual_cap": input.params.basic.annual_cap,
} if {
	input.claim.kind in {"inpatient", "outpatient_special", "outpatient"}
}

# METADATA
# title: 统筹基金最高支付限额不低于25万元
# custom:
#   clause: 二(四)1
parameters contains {"path": "basic.annual_cap", "floor": 250000}

# METADATA
# title: 基本医保覆盖全体参保人
# custom:
#   clause: 二(四)1
coverage contains {"tier": "basic", "categories": ["registered_poor", "extreme_poverty", "ordinary"]}

# ---------------------------------------------------------------------------
# 二(四)2 大病保险: on the year's accumulated in-scope self-pay after basic
# insurance (实行年度累计). The ordinary terms are the province's
# (黔医保发〔2019〕29号), so parameters. The tilts are stated relative to
# 普通参保人员, and the sentence names no subject: read as the 医保扶贫保障
# 对象 of 二(一) (registered_poor and extreme_poverty), the people the whole
# of 二 is about; only the cap removal names 建档立卡贫困人口, so it alone is
# limited to registered_poor (the national wording this follows is the same:
# 对贫困人口起付线降低50%、支付比例提高5个百分点，全面取消建档立卡贫困人口
# 封顶线). The clause does not name claim kinds; Guizhou's scheme pays on
# inpatient and outpatient special-disease costs, read here as its reach.
#
# 二(七): an inpatient admission at a county-level or higher hospital (县级以
# 上: 以上 includes the county level — hospital levels 2 and 3; level 1 is
# the township and village level) needs a referral, and a poor patient not
# referred as required gets none of the tilted terms (不享受降低起付线，提高报
# 销比例等相关优惠报销政策; the 等 is read to include the cap removal, the third
# tilt of the same sentence). Outpatient claims need no referral.

critical_kinds := {"inpatient", "outpatient_special"}

tilt_allowed if input.claim.kind != "inpatient"

tilt_allowed if input.claim.hospital_level == "1"

tilt_allowed if input.claim.referred

# METADATA
# title: 大病保险：基本医保报销后政策范围内个人自付医疗费用纳入赔付范围，实行年度累计（普通参保人员起付线、比例、封顶线按省规定）
# custom:
#   clause: 二(四)2
plan contains {
	"tier": "critical",
	"deductible": input.params.critical.deductible,
	"bands": input.params.critical.bands,
	"annual_cap": input.params.critical.annual_cap,
} if {
	input.claim.kind in critical_kinds
}

# METADATA
# title: 大病保险起付线在普通参保人员基础上降低50%、报销比例提高5个百分点（县级以上住院须经转诊）
# custom:
#   clause: 二(四)2
plan contains {"tier": "critical", "tilt": {"deductible_factor": 0.5, "ratio_add": 0.05}} if {
	input.claim.kind in critical_kinds
	is_poverty_target
	tilt_allowed
}

# METADATA
# title: 取消建档立卡贫困人口大病保险封顶线（县级以上住院须经转诊）
# custom:
#   clause: 二(四)2
plan contains {"tier": "critical", "tilt": {"remove_cap": true}} if {
	input.claim.kind in critical_kinds
	"registered_poor" in input.person.categories
	tilt_allowed
}

# METADATA
# title: 大病保险覆盖全体参保人的住院和门诊特病费用
# custom:
#   clause: 二(四)2
coverage contains {
	"tier": "critical",
	"categories": ["registered_poor", "extreme_poverty", "ordinary"],
	"claim_kinds": ["inpatient", "outpatient_special"],
}

# ---------------------------------------------------------------------------
# 二(四)3 医疗救助: on the in-scope self-pay of inpatient costs (政策范围内个人
# 自付住院医疗费用, after basic and critical-illness insurance), within the
# annual limit (the county's: a parameter), registered_poor 70%,
# extreme_poverty 100%. No deductible is named. A person in both categories
# is assisted at the higher ratio (二(五): 按就高原则享受…不得重复享受保障待遇),
# chosen here so that one rule gives one ratio. Referral does not change it:
# 二(七) withdraws 优惠报销政策 (insurance), not assistance.

assistance_ratio := 1 if "extreme_poverty" in input.person.categories
else := 0.7 if "registered_poor" in input.person.categories

# METADATA
# title: 年度救助限额内政策范围内个人自付住院医疗费用：建档立卡贫困人口按70%、特困供养人员按100%救助（就高）
# custom:
#   clause: 二(四)3
plan contains {
	"tier": "assistance",
	"ratio": ratio,
	"annual_cap": input.params.assistance.annual_cap,
} if {
	input.claim.kind == "inpatient"
	ratio := assistance_ratio
}

# METADATA
# title: 医疗救助覆盖医保扶贫保障对象的住院费用
# custom:
#   clause: 二(四)3
coverage contains {"tier": "assistance", "categories": ["registered_poor", "extreme_poverty"], "claim_kinds": ["inpatient"]}

# ---------------------------------------------------------------------------
# 二(六) 目录外费用: for 医保扶贫保障对象, inpatient and outpatient (住院及门诊,
# every claim kind) out-of-catalog cost is kept within (以内: inclusive) 10%
# of the total; the excess is borne by the hospital (超出部分由定点医疗机构
# 自行承担).

# METADATA
# title: 医保扶贫保障对象住院及门诊目录外医疗费用占比控制在10%以内，超出部分由定点医疗机构自行承担
# custom:
#   clause: 二(六)
plan contains {"tier": "out_of_catalog", "limit": 0.1, "hospital_bears": true} if {
	is_poverty_target
}

# METADATA
# title: 目录外费用控制覆盖医保扶贫保障对象的住院和门诊费用
# custom:
#   clause: 二(六)
coverage contains {"tier": "out_of_catalog", "categories": ["registered_poor", "extreme_poverty"]}

# ---------------------------------------------------------------------------
# Clauses the module does not compute, and why.

# METADATA
# custom:
#   clause: 一
uncomputed contains {"reason": "总体要求：指导原则与2020年目标（见 document.years），不产生金额"}

# METADATA
# custom:
#   clause: 二(一)
uncomputed contains {"reason": "医保扶贫保障对象为建档立卡贫困人口、特困供养人员等农村贫困人口——用作各条的适用人群（poverty_targets）；参保排查、台账、对账销号为工作要求"}

# METADATA
# custom:
#   clause: 二(二)
uncomputed contains {"reason": "信息共享与数据比对为工作要求；“缴费标准按当年个人缴费标准执行”由 contribution 参数给出，未另写规则（本条的参保时点已计算）"}

# METADATA
# custom:
#   clause: 二(四)
uncomputed contains {"reason": "坚持现行制度基本标准、普惠与特惠相结合、稳步提高筹资和救助补助水平：原则，其数额见二(四)1—3"}

# METADATA
# custom:
#   clause: 二(四)1
uncomputed contains {"reason": "住院费用政策范围内实际报销比例保持在75%左右：全年实际报销比例的目标，不是每笔费用的名义比例，故不设约束（名义起付线、比例为统筹地区参数；本条的25万元下限已计算）"}

# METADATA
# custom:
#   clause: 二(四)4
uncomputed contains {"reason": "21种大病专项救治病种按基本医保、大病保险、医疗救助保障待遇执行——即二(四)1—3的同一套待遇，对这些病种的费用照常计算，无另外的比例；按病种定（限）额付费的定额标准不在本文，故不读 claim.disease"}

# METADATA
# custom:
#   clause: 二(五)
uncomputed contains {"reason": "统一经办、“一站式”结算、专窗专人：经办要求；多重属性按就高原则、不得重复享受待遇——就高体现在二(三)资助（引擎取最高）和二(四)3救助比例（assistance_ratio）"}

# METADATA
# custom:
#   clause: 二(五)1
uncomputed contains {"reason": "州内定点医疗机构垫付与回款：经办机构收到申报材料10个工作日内支付申报资金总额的70%，之后15个工作日内支付剩余资金——医保经办与医疗机构之间的结算期限，不改变个人待遇"}

# METADATA
# custom:
#   clause: 二(五)2
uncomputed contains {"reason": "州外联网医疗机构直接结报：基本医保、大病保险由医疗机构垫付，医疗救助回参保地申报——结算流程，不改变金额"}

# METADATA
# custom:
#   clause: 二(五)3
uncomputed contains {"reason": "非直接结算医疗机构报销：经办机构25个工作日内完成审核并支付到患者账户——办理期限，不改变金额"}

# METADATA
# custom:
#   clause: 二(六)
uncomputed contains {"reason": "县域内先诊疗后付费、跨省异地就医结算、费用调控机制、药品耗材检查占比控制、高值耗材审批：服务与管理要求（本条目录外费用10%控制已计算）"}

# METADATA
# custom:
#   clause: 二(七)
uncomputed contains {"reason": "执行医保目录、谈判药品、分级诊疗、家庭医生签约服务费、互联网诊疗：管理要求；转诊与非转诊差异化报销的基本医保比例由统筹地区规定，schema 无非转诊比例参数，故基本医保按给定待遇或 basic_paid 计算（本条未转诊不享受倾斜待遇已计算）"}

# METADATA
# custom:
#   clause: 二(八)
uncomputed contains {"reason": "易地扶贫搬迁人口医保关系转移接续、异地就医备案：经办服务要求"}

# METADATA
# custom:
#   clause: 三(一)
uncomputed contains {"reason": "加强组织领导：医保、财政、民政、扶贫部门职责"}

# METADATA
# custom:
#   clause: 三(二)
uncomputed contains {"reason": "加强宣传引导：工作要求"}

# METADATA
# custom:
#   clause: 三(三)
uncomputed contains {"reason": "加强作风建设：工作要求"}

# METADATA
# custom:
#   clause: 三(四)
uncomputed contains {"reason": "加强工作调度：参保、就医、待遇、结算情况的数据监测与逐级报送，不是个人的监测阈值，故无 monitoring 规则"}

# METADATA
# custom:
#   clause: 结语
uncomputed contains {"reason": "本方案自发布之日起执行：即 document.in_force_from；相关医保扶贫政策以本文规定为准：见 document.supersedes"}
