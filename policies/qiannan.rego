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

# METADATA
# scope: document
# title: 文件：文号、发文机关、施行日期、适用年度
# description: 由外部查询的决定 data.regions.qiannan.document（polc 与 OPA 客户端）
# entrypoint: true
document := {
	"title": "黔南州医疗保障扶贫行动实施方案",
	"area": "黔南州",
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
# scope: document
# title: 参保：待遇享受起始时间与等待期
# description: 由外部查询的决定 data.regions.qiannan.enrollment（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 每年8月底前新认定的医保扶贫保障对象，纳入当年度基本医保
# custom:
#   clause: 二(二)
#   quote: 每年8月底前，动态调整新认定的医保扶贫保障对象，纳入当年度基本医保；
#   reading:
#     - text: 每年8月底前
#       chosen: 8月31日当日及以前认定的（含8月最后一日），纳入当年度基本医保
#       alternative: “底前”理解为严格早于8月底、不含8月31日——8月31日认定的将归入“9月至12月”一支，自次年1月1日起才享受待遇
#     - text: 纳入当年度基本医保
#       chosen: 自身份认定之日起享受待遇；当年认定之前发生的费用不予保障
#       alternative: 纳入整个待遇年度，自当年1月1日起享受待遇——当年认定之前发生的费用也将由基本医保、大病保险和医疗救助支付
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
#   quote: 9月至12月新认定且未参保的医保扶贫保障对象，统一纳入下一年度基本医保。
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
# scope: document
# title: 资助参保：各类人员的资助规则
# description: 由外部查询的决定 data.regions.qiannan.subsidy（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 特困供养人员参保个人缴费给予全额资助
# custom:
#   clause: 二(三)
#   also:
#     二(五): 多重属性按就高原则：资助取各适用规则中金额最高者（引擎在规则之间选择）
#   quote:
#     - 将参保资助资金归口到医疗救助渠道，特困供养人员参保个人缴费给予全额资助，建档立卡贫困人口按每人每年100元标准给予定额资助。
#     - 具有双重或多重特殊属性的医保扶贫保障对象，按就高原则享受医疗保障参保资助政策，参保资助金额不得超过个人缴费总额。
#   reading:
#     - text: 将参保资助资金归口到医疗救助渠道
#       chosen: 特困供养人员的全额资助全部由医疗救助基金支出；下一句所定省、州、县三级分担仅适用于建档立卡贫困人口定额资助部分
#       alternative: 全额资助同样按三类县由省、州、县三级政府分担（三都县、罗甸县由省级承担，都匀市、福泉市由县级承担）——资助金额不变，出资方不同
#     - text: 特困供养人员参保个人缴费给予全额资助
#       chosen: 按一档（基础档）个人缴费标准全额资助（basis `tier1`），且不超过本人参保档次的个人缴费
#       alternative: 按本人实际参保档次的个人缴费全额资助（文件未区分档次）——参加较高档次的特困供养人员无需个人缴费，而非自付差额
subsidy contains {"rule": "extreme_poverty", "form": "full", "funders": [{"funder": "medical_assistance_fund", "share": 1}]} if {
	"extreme_poverty" in input.person.categories
}

# METADATA
# title: 建档立卡贫困人口每人每年定额资助100元；第一类2个县（三都县、罗甸县）由省级政府全部承担
# custom:
#   clause: 二(三)
#   also:
#     二(五): 多重属性按就高原则：资助取各适用规则中金额最高者（引擎在规则之间选择）
#   quote:
#     - 建档立卡贫困人口按每人每年100元标准给予定额资助
#     - 建档立卡贫困人口定额资助部分，按深度贫困县、贫困县、非贫困县三类，由省、州、县三级政府按不同比例分担
#     - 第一类 2 个县（三都县和罗甸县）由省级政府全部承担
#     - 具有双重或多重特殊属性的医保扶贫保障对象，按就高原则享受医疗保障参保资助政策，参保资助金额不得超过个人缴费总额。
subsidy contains {"rule": "registered_poor", "form": "fixed", "amount": 100, "funders": [{"funder": "province_finance", "share": 1}]} if {
	"registered_poor" in input.person.categories
	input.person.county in {"三都县", "罗甸县"}
}

# METADATA
# title: 建档立卡贫困人口每人每年定额资助100元；第二类8个县由省、州、县三级政府按照5:2:3比例分担
# custom:
#   clause: 二(三)
#   also:
#     二(五): 多重属性按就高原则：资助取各适用规则中金额最高者（引擎在规则之间选择）
#   quote:
#     - 建档立卡贫困人口按每人每年100元标准给予定额资助
#     - 建档立卡贫困人口定额资助部分，按深度贫困县、贫困县、非贫困县三类，由省、州、县三级政府按不同比例分担
#     - 第二类 8 个县（瓮安县、龙里县、贵定县、惠水县、长顺县、平塘县、独山县、荔波县）由省、州、县三级政府按照 5:2:3 比例分担
#     - 具有双重或多重特殊属性的医保扶贫保障对象，按就高原则享受医疗保障参保资助政策，参保资助金额不得超过个人缴费总额。
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
#   also:
#     二(五): 多重属性按就高原则：资助取各适用规则中金额最高者（引擎在规则之间选择）
#   quote:
#     - 建档立卡贫困人口按每人每年100元标准给予定额资助
#     - 建档立卡贫困人口定额资助部分，按深度贫困县、贫困县、非贫困县三类，由省、州、县三级政府按不同比例分担
#     - 第三类 2 个市（都匀市、福泉市）由县级政府全部承担
#     - 具有双重或多重特殊属性的医保扶贫保障对象，按就高原则享受医疗保障参保资助政策，参保资助金额不得超过个人缴费总额。
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
# scope: document
# title: 待遇条款：就医情形下各层级的起付线、比例与封顶线
# description: 由外部查询的决定 data.regions.qiannan.plan（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 严格执行基本医疗保障支付范围和标准（统筹地区的城乡居民基本医保待遇）
# custom:
#   clause: 二(四)1
#   quote: 坚持基本医保责任边界，严格执行基本医疗保障支付范围和标准
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
# title: 参数：文件规定、设下限或留给地方的数值
# description: 由外部查询的决定 data.regions.qiannan.parameters（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 统筹基金最高支付限额不低于25万元
# custom:
#   clause: 二(四)1
#   quote: 统筹基金最高支付限额不低于 25 万元
parameters contains {"path": "basic.annual_cap", "floor": 250000}

# METADATA
# scope: document
# title: 覆盖范围：各层级覆盖的人员类别
# description: 由外部查询的决定 data.regions.qiannan.coverage（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# title: 基本医保覆盖全体参保人
# custom:
#   clause: 二(四)1
#   quote:
#     - 坚持普惠政策与特惠政策相结合，在基本医保、大病保险和医疗救助三重保障框架下
#     - 坚持基本医保责任边界，严格执行基本医疗保障支付范围和标准
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
#   quote:
#     - 巩固稳步实施大病保险，对参保人员发生的医疗费用，由基本医保按规定报销后，符合大病保险规定的政策范围内个人自付医疗费用纳入赔付范围，实行年度累计。
#     - 《贵州省医疗保障局关于进一步做好城乡居民大病保险有关工作的通知》（黔医保发〔2019〕29号）
#   reading:
#     text: 对参保人员发生的医疗费用
#     chosen: 指住院和门诊特殊病（门诊特定病种）费用，即贵州省大病保险的支付范围；普通门诊费用不纳入年度累计
#     alternative: 指参保人员发生的全部医疗费用，含普通门诊——普通门诊个人自付也将计入大病保险起付线，超过起付线的部分由大病保险支付
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
#   also:
#     二(七): 规范转诊：县级以上住院未按规定转诊的，不享受本规则的倾斜（tilt_allowed）
#   quote:
#     - 大病保险起付线在普通参保人员大病保险起付线基础上降低 50%、报销比例在普通参保人员大病保险报销比例的基础上提高 5 个百分点
#     - 参保人员在县级以上定点医疗机构住院治疗，全部实行电子转诊
#     - 对未按规定转诊的贫困患者，不享受降低起付线，提高报销比例等相关优惠报销政策。
#   reading:
#     - text: 大病保险起付线在普通参保人员大病保险起付线基础上降低 50%
#       chosen: 本句未写明适用对象，理解为二(一)所称医保扶贫保障对象，建档立卡贫困人口和特困供养人员同样适用
#       alternative: 与同句末尾的取消封顶线一并理解，仅适用于建档立卡贫困人口——不同时属于建档立卡贫困人口的特困供养人员按普通参保人员的大病保险起付线和报销比例支付（其100%医疗救助相应承担更多）
#     - text: 县级以上定点医疗机构
#       chosen: “以上”包含县级本级；在县级及以上定点医疗机构住院须经转诊，方可保留倾斜待遇
#       alternative: 仅指县级以上、不含县级——在县级医院住院无需转诊，未转诊也保留倾斜待遇
#     - text: 县级以上定点医疗机构住院治疗
#       chosen: 以医院等级代表行政层级：一级（乡镇、村级）属县级以下，无需转诊；二级、三级属县级及以上
#       alternative: 医院等级与行政层级并不一致——县办的一级医院住院同样须经转诊，县级以下的二级医院住院则无需转诊
plan contains {"tier": "critical", "tilt": {"deductible_factor": 0.5, "ratio_add": 0.05}} if {
	input.claim.kind in critical_kinds
	is_poverty_target
	tilt_allowed
}

# METADATA
# title: 取消建档立卡贫困人口大病保险封顶线（县级以上住院须经转诊）
# custom:
#   clause: 二(四)2
#   also:
#     二(七): 规范转诊：县级以上住院未按规定转诊的，不享受本规则的倾斜（tilt_allowed）
#   quote:
#     - 取消建档立卡贫困人口大病保险封顶线
#     - 参保人员在县级以上定点医疗机构住院治疗，全部实行电子转诊
#     - 对未按规定转诊的贫困患者，不享受降低起付线，提高报销比例等相关优惠报销政策。
#   reading:
#     - text: 取消建档立卡贫困人口大病保险封顶线
#       chosen: 仅适用于文中列明的建档立卡贫困人口；不同时属于建档立卡贫困人口的特困供养人员仍适用普通封顶线
#       alternative: 整句（降低起付线、提高比例及取消封顶线）适用于全体医保扶贫保障对象——特困供养人员超过普通大病保险封顶线的费用也将继续支付
#     - text: 不享受降低起付线，提高报销比例等相关优惠报销政策
#       chosen: “等”包含二(四)2的第三项倾斜即取消封顶线；建档立卡贫困人口未按规定转诊在县级及以上医院住院的，适用普通封顶线
#       alternative: “等”仅指所列的降低起付线和提高报销比例——取消封顶线仍然保留，未经转诊的，大病保险也将超出普通封顶线支付
plan contains {"tier": "critical", "tilt": {"remove_cap": true}} if {
	input.claim.kind in critical_kinds
	"registered_poor" in input.person.categories
	tilt_allowed
}

# METADATA
# title: 大病保险覆盖全体参保人的住院和门诊特病费用
# custom:
#   clause: 二(四)2
#   quote: 巩固稳步实施大病保险，对参保人员发生的医疗费用，由基本医保按规定报销后，符合大病保险规定的政策范围内个人自付医疗费用纳入赔付范围，实行年度累计。
#   reading:
#     text: 对参保人员发生的医疗费用
#     chosen: 指住院和门诊特殊病（门诊特定病种）费用，即贵州省大病保险的支付范围；普通门诊费用不纳入年度累计
#     alternative: 指参保人员发生的全部医疗费用，含普通门诊——普通门诊个人自付也将计入大病保险起付线，超过起付线的部分由大病保险支付
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

assistance_ratio := 1 if {
	"extreme_poverty" in input.person.categories
} else := 0.7 if {
	"registered_poor" in input.person.categories
}

# METADATA
# title: 年度救助限额内政策范围内个人自付住院医疗费用：建档立卡贫困人口按70%、特困供养人员按100%救助（就高）
# custom:
#   clause: 二(四)3
#   also:
#     二(五): 多重属性按就高原则：assistance_ratio 取特困供养人员100%与建档立卡贫困人口70%之高者
#   quote:
#     - 建档立卡贫困人口年度救助限额内政策范围内个人自付住院医疗费用救助按70%比例进行救助，特困供养人员年度救助限额内政策范围内个人自付住院医疗费用救助按100%比例进行救助。
#     - 具有双重或多重特殊属性的医保扶贫保障对象，按就高原则享受医疗医保扶贫保障政策，不得重复享受保障待遇、重复报销。
#   reading:
#     - text: 年度救助限额内
#       chosen: 年度救助限额是全年支付救助金额的上限
#       alternative: 限额限定的是纳入救助的个人自付费用（限额以内的费用按70%或100%救助）——建档立卡贫困人口全年最多获得限额的70%，而非限额全额
#     - text: 按就高原则享受医疗医保扶贫保障政策
#       chosen: 逐项就高：同时属于建档立卡贫困人口和特困供养人员的，医疗救助按100%比例，并作为建档立卡贫困人口保留取消大病保险封顶线的待遇
#       alternative: 按身份整体就高，择待遇较高的一整套适用：或特困供养人员待遇（100%救助、普通封顶线），或建档立卡贫困人口待遇（取消封顶线、70%救助），不得兼得
#     - text: 相关优惠报销政策
#       chosen: 二(七)对未按规定转诊的贫困患者仅取消保险倾斜待遇；医疗救助无论是否转诊均按70%或100%支付
#       alternative: 医疗救助也属于被取消的“优惠报销政策”——未按规定转诊在县级及以上医院住院的贫困患者将得不到医疗救助
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
#   quote: 建档立卡贫困人口年度救助限额内政策范围内个人自付住院医疗费用救助按70%比例进行救助，特困供养人员年度救助限额内政策范围内个人自付住院医疗费用救助按100%比例进行救助。
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
#   quote: 各定点医疗机构要严格控制药品、耗材、检查化验费占比和目录外费用占比，对医保扶贫保障对象住院及门诊治疗目录外医疗费用占比，原则上控制在10%以内，超出部分由定点医疗机构自行承担。
#   reading:
#     - text: 目录外医疗费用占比，原则上控制在10%以内
#       chosen: 按每笔费用计算：目录外费用超过该笔总费用10%的部分由定点医疗机构承担，患者不负担
#       alternative: 指一定期间内该医疗机构全部医保扶贫保障对象费用的总体占比（管理指标）——单笔费用可超过10%，其目录外费用由患者支付，医疗机构仅承担总体超出部分
#     - text: 原则上
#       chosen: 对每笔费用均有约束力，超出部分一律由定点医疗机构承担
#       alternative: 原则性要求，允许例外（如经审批的高值医用耗材）——例外情形下超过10%的目录外费用由患者支付
plan contains {"tier": "out_of_catalog", "limit": 0.1, "hospital_bears": true} if {
	is_poverty_target
}

# METADATA
# title: 目录外费用控制覆盖医保扶贫保障对象的住院和门诊费用
# custom:
#   clause: 二(六)
#   quote: 各定点医疗机构要严格控制药品、耗材、检查化验费占比和目录外费用占比，对医保扶贫保障对象住院及门诊治疗目录外医疗费用占比，原则上控制在10%以内，超出部分由定点医疗机构自行承担。
coverage contains {"tier": "out_of_catalog", "categories": ["registered_poor", "extreme_poverty"]}

# ---------------------------------------------------------------------------
# Clauses the module does not compute, and why.

# METADATA
# scope: document
# title: 未计算的条款及其原因
# description: 由外部查询的决定 data.regions.qiannan.uncomputed（polc 与 OPA 客户端）
# entrypoint: true

# METADATA
# custom:
#   clause: 一
#   quote: 实现参保缴费有资助、待遇支付有倾斜、基本保障有边界、管理服务更高效、就医结算更便捷，为2020年现行标准下农村贫困人口脱贫提供坚强保障。
#   reading:
#     text: 为2020年现行标准下农村贫困人口脱贫提供坚强保障
#     chosen: 本文服务于2020年目标，其待遇年度为2019年和2020年（`document.years`）
#     alternative: 本文未规定截止日期（本方案自发布之日起执行）——在被替代之前，2021年及以后年度也将适用
uncomputed contains {"reason": "总体要求：指导原则与2020年目标（见 document.years），不产生金额"}

# METADATA
# custom:
#   clause: 二(一)
#   quote: 医保扶贫保障对象为建档立卡贫困人口、特困供养人员等农村贫困人口。
#   reading:
#     text: 建档立卡贫困人口、特困供养人员等农村贫困人口
#     chosen: 封闭列举：医保扶贫保障对象仅为建档立卡贫困人口和特困供养人员（`poverty_targets`）
#     alternative: “等”为开放列举，其他农村贫困人口（如低保对象）也计入——其将享受大病保险倾斜待遇和目录外费用控制，但本文未规定其参保资助和救助比例
uncomputed contains {"reason": "医保扶贫保障对象为建档立卡贫困人口、特困供养人员等农村贫困人口——用作各条的适用人群（poverty_targets）；参保排查、台账、对账销号为工作要求"}

# METADATA
# custom:
#   clause: 二(二)
#   quote:
#     - 实行医保扶贫保障对象动态参保管理，进一步加强医保扶贫保障对象信息共享和数据比对。
#     - 缴费标准按当年个人缴费标准执行。
#   reading:
#     text: 缴费标准按当年个人缴费标准执行
#     chosen: 按所纳入待遇年度的个人缴费标准（缴费参数按病例年度取值）
#     alternative: “当年”指身份认定当年——9月至12月认定、自次年起参保的，按认定当年的缴费标准缴费
uncomputed contains {"reason": "信息共享与数据比对为工作要求；“缴费标准按当年个人缴费标准执行”由 contribution 参数给出，未另写规则（本条的参保时点已计算）"}

# METADATA
# custom:
#   clause: 二(四)
#   quote: 坚持现行制度基本标准，坚持普惠政策与特惠政策相结合，在基本医保、大病保险和医疗救助三重保障框架下，稳步提高城乡居民医保筹资水平和医疗救助政府补助水平。
uncomputed contains {"reason": "坚持现行制度基本标准、普惠与特惠相结合、稳步提高筹资和救助补助水平：原则，其数额见二(四)1—3"}

# METADATA
# custom:
#   clause: 二(四)1
#   quote: 住院费用政策范围内实际报销比例保持在 75% 左右
#   reading:
#     text: 住院费用政策范围内实际报销比例保持在 75% 左右
#     chosen: 全部政策范围内住院费用实际报销比例的目标，属基金层面的总体结果；不约束任何单笔费用
#     alternative: 每笔住院费用应达到的约75%名义报销比例——将取代或约束各县按医院等级确定的比例（如将三级医院70%的比例提高到75%）
uncomputed contains {"reason": "住院费用政策范围内实际报销比例保持在75%左右：全年实际报销比例的目标，不是每笔费用的名义比例，故不设约束（名义起付线、比例为统筹地区参数；本条的25万元下限已计算）"}

# METADATA
# custom:
#   clause: 二(四)4
#   quote: 按病种定（限）额付费的，在病种救治定（限）额费用内，按基本医保、大病保险、医疗救助保障待遇执行；没有按病种定（限）额付费的病种，统一按医保扶贫基本医保、大病保险、医疗救助保障待遇标准执行。
#   reading:
#     text: 在病种救治定（限）额费用内
#     chosen: 不予适用：定（限）额标准不在本文中，21种大病的费用就其全部政策范围内费用按常规三重保障待遇结算
#     alternative: 三重保障仅在各病种定（限）额以内支付，超出部分由医疗机构承担（大病专项救治的通常做法）或由患者自付——支付基数将缩减至定（限）额
uncomputed contains {"reason": "21种大病专项救治病种按基本医保、大病保险、医疗救助保障待遇执行——即二(四)1—3的同一套待遇，对这些病种的费用照常计算，无另外的比例；按病种定（限）额付费的定额标准不在本文，故不读 claim.disease"}

# METADATA
# custom:
#   clause: 二(五)
#   quote:
#     - 基本医保、大病保险和医疗救助实行统一经办，推进“一站式服务、一窗口办理、一单制结算”。
#     - 具有双重或多重特殊属性的医保扶贫保障对象，按就高原则享受医疗医保扶贫保障政策，不得重复享受保障待遇、重复报销。
uncomputed contains {"reason": "统一经办、“一站式”结算、专窗专人：经办要求；多重属性按就高原则、不得重复享受待遇——就高体现在二(三)资助（引擎取最高）和二(四)3救助比例（assistance_ratio）"}

# METADATA
# custom:
#   clause: 二(五)1
#   quote:
#     - 定点医疗机构对医保扶贫保障对象各层次的报销资金统一实行垫付制，按照相关规定一律现场报销，实现基本医保、大病保险和医疗救助结算“一站式”，出院结账单“一单清”。
#     - 医保经办机构自收到申报材料 10 个工作日内支付申报资金总额的 70%，之后 15 个工作日内完成审核确认并支付剩余资金，完成资金结算报账。
uncomputed contains {"reason": "州内定点医疗机构垫付与回款：经办机构收到申报材料10个工作日内支付申报资金总额的70%，之后15个工作日内支付剩余资金——医保经办与医疗机构之间的结算期限，不改变个人待遇"}

# METADATA
# custom:
#   clause: 二(五)2
#   quote: 医保扶贫保障对象在州外定点联网医疗机构直接结报的，基本医保和大病保险支付部分由医疗机构垫付；医疗救助资金需返回参保地医保经办机构申报，申报资料和支付流程按非直接结算定点医疗机构报销流程执行。
uncomputed contains {"reason": "州外联网医疗机构直接结报：基本医保、大病保险由医疗机构垫付，医疗救助回参保地申报——结算流程，不改变金额"}

# METADATA
# custom:
#   clause: 二(五)3
#   quote: 医保经办机构在 25 个工作日内完成信息系统病案登记录入、病案调查核实，对基本医保、大病保险、医疗救助报销初审和复核无误后，将报销费用直接支付到患者指定金融账户，实现资金兑付“一卡通”。
uncomputed contains {"reason": "非直接结算医疗机构报销：经办机构25个工作日内完成审核并支付到患者账户——办理期限，不改变金额"}

# METADATA
# custom:
#   clause: 二(六)
#   quote:
#     - 医保扶贫保障对象在县域内定点医疗机构住院实行“先诊疗后付费”，无需缴纳住院押金，直接住院治疗，实行基本医保、大病保险、医疗救助三重保障“一站式”即时结算，患者只需在出院时支付自付医疗费用部分。
#     - 对疾病救治确需使用高值医用耗材的，由统筹地区医保经办机构予以审批，有效遏止医疗费用不合理增长，防止医保扶贫保障对象医疗经济负担增加。
uncomputed contains {"reason": "县域内先诊疗后付费、跨省异地就医结算、费用调控机制、药品耗材检查占比控制、高值耗材审批：服务与管理要求（本条目录外费用10%控制已计算）"}

# METADATA
# custom:
#   clause: 二(七)
#   quote:
#     - 实施分级诊疗，规范就医行为，实行转诊与非转诊差异化报销政策，严格执行定点医疗机构转诊制度。
#     - 结合分级诊疗制度建设，将符合规定的家庭医生签约服务费纳入医保支付范围，引导参保人员优先到基层首诊。
uncomputed contains {"reason": "执行医保目录、谈判药品、分级诊疗、家庭医生签约服务费、互联网诊疗：管理要求；转诊与非转诊差异化报销的基本医保比例由统筹地区规定，schema 无非转诊比例参数，故基本医保按给定待遇或 basic_paid 计算（本条未转诊不享受倾斜待遇已计算）"}

# METADATA
# custom:
#   clause: 二(八)
#   quote:
#     - 进一步完善数据共享机制，扎实做好搬迁群众的医疗保障关系转移接续，落实好搬迁群众的医疗保障待遇。
#     - 对异地安置和异地转诊的贫困人口，医保经办机构要优先做好异地就医登记备案和就医结算等服务，同时，要切实做好贫困地区外出就业创业人员异地就医备案工作。
uncomputed contains {"reason": "易地扶贫搬迁人口医保关系转移接续、异地就医备案：经办服务要求"}

# METADATA
# custom:
#   clause: 三(一)
#   quote: 医保部门负责参保信息的录入、比对及待遇保障，确保建档立卡贫困人口参保和保障全覆盖；财政部门负责参保资助资金按时足额到位并加强对资助参保资助资金的管理；民政部门负责救助对象属性的认定及录入，确保相应属性的参保对象得到及时资助；扶贫部门负责建档立卡贫困人口认定、比对。
uncomputed contains {"reason": "加强组织领导：医保、财政、民政、扶贫部门职责"}

# METADATA
# custom:
#   clause: 三(二)
#   quote: 各县市要认真宣传方案，强化舆论宣传工作，向社会全面解读政策，合理引导预期；加大政策培训，组织动员向贫困人口宣传医保扶贫政策，切实提高群众知晓率；总结推广典型经验，宣传工作成效，及时回应社会各界关切，建立重大事件应急处理机制，加强对医保扶贫舆情监测，形成良好的工作氛围和社会环境。
uncomputed contains {"reason": "加强宣传引导：工作要求"}

# METADATA
# custom:
#   clause: 三(三)
#   quote: 各县市要将作风建设贯穿医保扶贫全过程，全面深入排查基本医疗保障突出问题，重点解决贯彻中央脱贫攻坚决策部署不坚决、扶贫责任落实不到位、政策措施不精准、资金管理使用不规范、工作作风不扎实等问题，防止形式主义，加强工作实效。
uncomputed contains {"reason": "加强作风建设：工作要求"}

# METADATA
# custom:
#   clause: 三(四)
#   quote: 各县市要建立医保扶贫工作调度机制，加强农村贫困人口参保缴费、患病就医、待遇保障、费用结算等情况监测，按县、市、省三级定期汇总报送数据，及时开展成效评估，对落实不力或未严格执行政策标准的，要严肃追究责任。
uncomputed contains {"reason": "加强工作调度：参保、就医、待遇、结算情况的数据监测与逐级报送，不是个人的监测阈值，故无 monitoring 规则"}

# METADATA
# custom:
#   clause: 结语
#   quote: 本方案自发布之日起执行，相关医保扶贫政策以本文规定为准。
#   reading:
#     text: 本方案自发布之日起执行
#     chosen: 自文件所载印发日期2019-06-24起执行；日期早于该日的费用不予受理
#     alternative: 2019年待遇年度已经开始，倾斜待遇可适用于全年（2019年1月1日起发生的费用）；或将“发布”理解为更晚的公开发布日期
uncomputed contains {"reason": "本方案自发布之日起执行：即 document.in_force_from；相关医保扶贫政策以本文规定为准：见 document.supersedes"}
