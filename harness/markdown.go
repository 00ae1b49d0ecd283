package harness

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/polc-dev/polc/compiler/schema"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle"
)

// Markdown renders a result for a reviewer, in Chinese, so that every
// figure can be redone by hand from its own row: each tier shows the
// year's accumulation before and after the claim, the deductible it
// crossed, the ratio as the document writes it, the cap left and the
// arithmetic in one line; a tier that paid nothing says why. Under each
// part, the document's own sentences for the clauses it cites; at the end,
// every parameter the case used with who gave it — an illustrative value
// is marked 示例值（非公布数）wherever it appears — and the readings of
// ambiguous text the figures rest on.
func Markdown(set *policy.Set, res *settle.Result) []byte {
	m := &markdown{s: set.Schema, region: set.Regions[res.Region], res: res, shown: map[string]bool{}}
	m.params = map[string]settle.ParamUse{}
	for _, p := range res.Parameters {
		m.params[p.Path] = p
	}
	m.header()
	m.subsidy()
	for i := range res.Claims {
		m.claim(&res.Claims[i])
	}
	m.totals()
	m.monitoring()
	m.parameters()
	m.readings()
	return []byte(m.b.String())
}

type markdown struct {
	b      strings.Builder
	s      *schema.Schema
	region *policy.Region // nil for a region the set does not have
	res    *settle.Result
	params map[string]settle.ParamUse
	shown  map[string]bool // clauses whose sentences are already quoted
}

func (m *markdown) w(format string, args ...any) { fmt.Fprintf(&m.b, format, args...) }

func (m *markdown) header() {
	res := m.res
	title := res.Title
	if title == "" {
		title = res.Case
	}
	m.w("# %s\n\n", title)
	area := ""
	if r := m.region; r != nil {
		m.w("- 文件：%s\n", documentName(r.Document))
		area = r.Document.Area
	}
	if area != "" {
		m.w("- 地区：%s `%s`　年度：%d\n", area, res.Region, res.Year)
	} else {
		m.w("- 地区：`%s`　年度：%d\n", res.Region, res.Year)
	}
	m.w("- 病例：`%s`\n", res.Case)
	if len(res.Clauses) > 0 {
		m.w("- 说明条款：%s\n", strings.Join(res.Clauses, "、"))
	}
	if c := res.Coverage; c != nil {
		m.w("- 待遇起始：%s（", c.From)
		if c.YearStart {
			m.w("本年度1月1日起；按规则本应%s，早于本年度", label(m.s, "coverage_start", c.Starts))
		} else {
			m.w("%s", label(m.s, "coverage_start", c.Starts))
		}
		if c.WaitingDays > 0 {
			m.w("，等待期%d天", c.WaitingDays)
		}
		if c.Clause != "" {
			m.w("；条款 %s", c.Clause)
		}
		m.w("）\n")
	}
}

func (m *markdown) subsidy() {
	sub := m.res.Subsidy
	m.w("\n## 资助参保\n\n")
	m.w("| 个人缴费标准 | 资助金额 | 个人实缴 | 适用规则 | 条款 |\n|---:|---:|---:|---|---|\n")
	rule := "无（不属于资助对象）"
	if sub.Rule != "" {
		rule = labelled(m.s, "category", sub.Rule)
	}
	contribution := m.mark("contribution.tier1", "contribution.tier2")
	amount := contribution // a full or share subsidy is worked out from the contribution
	for _, p := range m.res.Parameters {
		if strings.HasPrefix(p.Path, "subsidy.") && p.Illustrative {
			amount = "（示例值）"
		}
	}
	if sub.Rule == "" {
		amount = ""
	}
	m.w("| %s%s | %s%s | %s | %s | %s |\n", sub.Contribution, contribution, sub.Amount, amount, sub.PersonPays, rule, dash(sub.Clause))
	m.w("\n个人实缴 = %s − %s = %s\n", sub.Contribution, sub.Amount, sub.PersonPays)
	if len(sub.Funders) > 0 {
		m.w("\n| 资金来源 | 金额 |\n|---|---:|\n")
		for _, f := range sub.Funders {
			m.w("| %s | %s |\n", labelled(m.s, "funder", f.Funder), f.Amount)
		}
	}
	m.quotes(sub.Clause)
}

// claimKinds are the claim's kind, hospital level and referral in words.
func (m *markdown) claim(c *settle.ClaimResult) {
	m.w("\n## 费用 %s：%s，%s\n\n", c.ID, label(m.s, "claim_kind", c.Kind), c.Date)
	m.w("| 总费用 | 政策范围内 | 医院承担 | 基本医保 | 大病保险 | 医疗救助 | 倾斜救助 | 直接救助 | 个人负担 |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	m.w("| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", c.Total, c.InScope, c.HospitalBorne, c.Basic, c.Critical, c.Assistance, c.Tilted, c.TopUp, c.OutOfPocket)
	m.w("\n个人负担 = %s − %s − %s − %s − %s − %s − %s = %s\n", c.Total, c.HospitalBorne, c.Basic, c.Critical, c.Assistance, c.Tilted, c.TopUp, c.OutOfPocket)
	var clauses []string
	if len(c.Steps) > 0 {
		m.w("\n| 环节 | 计算基数 | 年度累计（本次前→后） | 起付线 | 比例 | 剩余限额 | 支付 | 计算 | 条款 | 说明 |\n|---|---:|---:|---:|---|---:|---:|---|---|---|\n")
		for i := range c.Steps {
			st := &c.Steps[i]
			m.w("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", m.tierName(st), st.Base, accumulation(st),
				m.deductible(st), m.ratio(st), m.capLeft(st), paidText(st), m.arithmetic(c, st), clauseText(*st), m.note(st))
			clauses = append(clauses, stepClauses(st)...)
		}
	}
	if len(c.NotApplied) > 0 {
		m.w("\n未参与本次费用的环节：\n\n")
		for _, n := range c.NotApplied {
			m.w("- %s：%s\n", label(m.s, "tier", n.Tier), unpaidText(n.Reason))
		}
	}
	m.quotes(clauses...)
}

func (m *markdown) tierName(st *settle.Step) string {
	name := label(m.s, "tier", st.Tier)
	if st.CountsOnly {
		return name + "（计入累计，不支付）"
	}
	return name
}

// accumulation is the tier's year-to-date base before and after the claim.
func accumulation(st *settle.Step) string {
	if st.AccumulatedBefore == nil || st.AccumulatedAfter == nil {
		return "—"
	}
	return st.AccumulatedBefore.String() + " → " + st.AccumulatedAfter.String()
}

// mark is the illustrative mark for a figure read from any of the paths.
func (m *markdown) mark(paths ...string) string {
	for _, p := range paths {
		if u, ok := m.params[p]; ok && u.Illustrative {
			return "（示例值）"
		}
	}
	return ""
}

func (m *markdown) stepMark(st *settle.Step, field string) string {
	if p, ok := st.Parameters[field]; ok {
		return m.mark(p)
	}
	return ""
}

func (m *markdown) deductible(st *settle.Step) string {
	if st.Deductible == nil {
		return "—"
	}
	return st.Deductible.String() + m.stepMark(st, "deductible")
}

func (m *markdown) ratio(st *settle.Step) string {
	mark := m.stepMark(st, "ratio")
	switch {
	case st.Ratio != nil:
		return st.Ratio.Percent() + mark
	case st.Target != nil:
		return "目标 " + st.Target.Percent() + m.stepMark(st, "target")
	case st.Limit != nil:
		return "上限 " + st.Limit.Percent() + m.stepMark(st, "limit")
	case len(st.Bands) > 0:
		parts := make([]string, len(st.Bands))
		for i, bp := range st.Bands {
			parts[i] = bp.Ratio.Percent()
		}
		return "分段 " + strings.Join(parts, "、") + mark
	}
	return "—"
}

func (m *markdown) capLeft(st *settle.Step) string {
	switch {
	case st.CapLeft != nil:
		return st.CapLeft.String() + m.stepMark(st, "annual_cap")
	case st.Deductible == nil && st.Target == nil:
		return "—" // a step that applies no terms: given, counted or controlled
	}
	return "不设封顶"
}

func paidText(st *settle.Step) string {
	if st.CountsOnly {
		return "—"
	}
	return st.Paid.String()
}

// arithmetic is the step's sum in one line, from the row's own figures.
func (m *markdown) arithmetic(c *settle.ClaimResult, st *settle.Step) string {
	switch {
	case st.CountsOnly:
		return "计入 " + st.Base.String()
	case st.Tier == "out_of_catalog" && st.Limit != nil:
		allowed := st.Limit.Of(c.Total)
		return fmt.Sprintf("允许 %s × %s = %s；目录外 %s", c.Total, st.Limit.Percent(), allowed, st.Base)
	case st.Target != nil:
		paid := c.Basic + c.Critical + c.Assistance + c.Tilted
		return fmt.Sprintf("目标 %s × %s = %s；已付 %s；补足 max(0, %s − %s) = %s", c.InScope, st.Target.Percent(), st.Base, paid, st.Base, paid, st.Paid)
	case st.Deductible == nil:
		if st.Tier == "basic" && st.Paid > 0 {
			return "病例给定"
		}
		return "—"
	}
	work, ok := Arithmetic(st)
	if !ok {
		return "—"
	}
	return work.Text
}

// Work is a tier step's payment redone from its row: the exact product,
// the payment rounded half-up to the fen, and the line that shows it.
type Work struct {
	Exact   decimal.Decimal
	Rounded settle.Money
	Paid    settle.Money // after the cap left
	Text    string
}

// Arithmetic redoes a tier step's payment from the figures its row shows:
// the part of the accumulation (before → after) above the deductible,
// times the ratio (band by band), rounded half-up to the fen once, then at
// most the cap left. It reports false for a step that applies no terms.
func Arithmetic(st *settle.Step) (Work, bool) {
	if st.Deductible == nil {
		return Work{}, false
	}
	a0, a1 := settle.Money(0), st.Base
	if st.AccumulatedBefore != nil && st.AccumulatedAfter != nil {
		a0, a1 = *st.AccumulatedBefore, *st.AccumulatedAfter
	}
	ded := *st.Deductible
	from := max(a0, ded)
	var work Work
	var pieces []string
	switch {
	case st.Ratio != nil:
		if a1 > from {
			work.Exact = (a1 - from).Decimal().Mul(st.Ratio.Decimal())
			pieces = append(pieces, fmt.Sprintf("(%s − %s) × %s", a1, from, st.Ratio.Percent()))
		}
	default:
		for _, bp := range st.Bands {
			work.Exact = work.Exact.Add(bp.Amount.Decimal().Mul(bp.Ratio.Decimal()))
			pieces = append(pieces, fmt.Sprintf("(%s − %s) × %s", bp.From+bp.Amount, bp.From, bp.Ratio.Percent()))
		}
	}
	work.Rounded = settle.Money(work.Exact.Round(2).Shift(2).IntPart())
	work.Paid = work.Rounded
	if st.CapLeft != nil {
		work.Paid = min(work.Rounded, *st.CapLeft)
	}
	if len(pieces) == 0 && st.Ratio == nil && a1 > ded && st.Paid > 0 {
		return Work{}, false // bands not shown: nothing to redo from
	}
	switch {
	case st.Base == 0:
		work.Text = "本次计算基数为 0，不支付"
	case len(pieces) == 0 && a1 <= ded:
		work.Text = fmt.Sprintf("%s ≤ 起付线 %s，不支付", a1, ded)
	case len(pieces) == 0:
		work.Text = "无可支付部分"
	default:
		work.Text = strings.Join(pieces, " + ") + " = " + exactText(work.Exact)
		if !work.Exact.Equal(work.Rounded.Decimal()) {
			work.Text += " ≈ " + work.Rounded.String()
		}
		if work.Paid < work.Rounded {
			work.Text += "；以剩余限额 " + work.Paid.String() + " 为限"
		}
	}
	return work, true
}

// exactText writes an exact product with at least two decimals, and all
// of them where it has more: 13000.00, 190.125.
func exactText(d decimal.Decimal) string {
	if d.Equal(d.Round(2)) {
		return d.StringFixed(2)
	}
	return d.String()
}

func (m *markdown) note(st *settle.Step) string {
	var parts []string
	if st.Note != "" {
		parts = append(parts, st.Note)
	}
	if st.Unpaid != "" {
		parts = append(parts, "未支付："+unpaidText(st.Unpaid))
	}
	return strings.Join(parts, "；")
}

// unpaidText says in words why a tier paid nothing.
func unpaidText(reason string) string {
	switch reason {
	case settle.UnpaidBelowDeductible:
		return "年度累计未超过起付线"
	case settle.UnpaidCapUsedUp:
		return "年度限额已用完"
	case settle.UnpaidNothingLeft:
		return "前序环节支付后无剩余费用"
	case settle.UnpaidUninsured:
		return "未参保或处于待遇等待期，保险不支付"
	case settle.UnpaidNotCovered:
		return "本人不属于该环节保障的人群"
	case settle.UnpaidKindNotCovered:
		return "该环节不保障此类费用"
	case settle.UnpaidNotReferred:
		return "未按规定转诊，不享受该环节待遇"
	}
	return reason
}

func stepClauses(st *settle.Step) []string {
	if len(st.Clauses) > 0 {
		return st.Clauses
	}
	if st.Clause != "" {
		return []string{st.Clause}
	}
	return nil
}

func (m *markdown) totals() {
	t := m.res.Totals
	m.w("\n## 年度合计\n\n")
	m.w("| 总费用 | 医院承担 | 基本医保 | 大病保险 | 医疗救助 | 倾斜救助 | 直接救助 | 个人负担 |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	m.w("| %s | %s | %s | %s | %s | %s | %s | %s |\n", t.Total, t.HospitalBorne, t.Basic, t.Critical, t.Assistance, t.Tilted, t.TopUp, t.OutOfPocket)
	m.w("\n| 监测指标 | 金额 |\n|---|---:|\n")
	m.w("| %s | %s |\n", label(m.s, "measure", "insured_self_pay"), t.InsuredSelfPay)
	m.w("| %s | %s |\n", label(m.s, "measure", "in_scope_self_pay"), t.InScopeSelfPay)
	m.w("| %s | %s |\n", label(m.s, "measure", "total_self_pay"), t.TotalSelfPay)
}

// monitoring words each comparison as the documents do: 超过 excludes the
// line itself (at the line it is 未超过), 达到 includes it.
func (m *markdown) monitoring() {
	m.w("\n## 监测\n\n")
	if len(m.res.Monitoring) == 0 {
		m.w("本人不属于任何监测标准适用的人群。\n")
		return
	}
	m.w("| 监测 | 适用人群 | 指标 | 金额 | 监测线 | 比较 | 结果 | 条款 |\n|---|---|---|---:|---:|---|---|---|\n")
	var clauses []string
	for _, f := range m.res.Monitoring {
		var cmp string
		switch {
		case f.Inclusive && f.Raised:
			cmp = "达到或超过（含本数）"
		case f.Inclusive:
			cmp = "未达到"
		case f.Raised:
			cmp = "超过（不含本数）"
		default:
			cmp = "未超过"
		}
		result := "不纳入"
		if f.Raised {
			result = "**纳入**"
		}
		m.w("| %s | %s | %s | %s | %s%s | %s | %s | %s |\n", label(m.s, "monitoring_flag", f.Flag), dash(f.Population), label(m.s, "measure", f.Measure),
			f.Value, f.Threshold, m.mark("monitoring.standard", "monitoring.threshold", "monitoring.thresholds."+f.Flag), cmp, result, f.Clause)
		clauses = append(clauses, f.Clause)
	}
	m.quotes(clauses...)
}

// parameters lists every number the case read from parameters: its value,
// who gave it and where it was published; an illustrative one says so.
func (m *markdown) parameters() {
	if len(m.res.Parameters) == 0 {
		return
	}
	m.w("\n## 参数\n\n本案计算用到的、由文件以外给定的数值（文件本身写明的数值见各条款原文）。\n\n")
	m.w("| 参数 | 数值 | 给定 | 来源 | 性质 |\n|---|---:|---|---|---|\n")
	for _, p := range m.res.Parameters {
		kind := "公布数"
		switch {
		case p.Illustrative:
			kind = "**示例值（非公布数）**"
		case p.GivenBy == "case":
			kind = "病例给定"
		case p.GivenBy == "document":
			kind = "文件规定"
		case p.GivenBy == "derived":
			kind = "按文件公式推算"
		case p.GivenBy == "fallback":
			kind = "沿用全区统一值"
		}
		source := p.Source
		if p.GivenBy == "derived" {
			source = m.formulaText(source)
		}
		m.w("| %s `%s` | %s | %s | %s | %s |\n", m.paramLabel(p.Path), p.Path, m.paramValue(p), givenText(p), cell(source), kind)
	}
}

func givenText(p settle.ParamUse) string {
	switch p.GivenBy {
	case "document":
		return "文件条款 " + p.Clause + "（下限或定值，作默认值）"
	case "params":
		return "参数文件"
	case "case":
		return "病例"
	case "derived":
		return "按公式推算（条款 " + p.Clause + "）"
	case "fallback":
		return "沿用全区统一值 `" + p.FallsBackTo + "`"
	}
	return p.GivenBy
}

var decLiteral = regexp.MustCompile(`dec\("([0-9.]+)"\)`)
var paramName = regexp.MustCompile(`[a-z_][a-z0-9_]*(\.[a-z0-9_]+)+`)

// formulaText writes a derivation as a reviewer reads it: each parameter
// by its name with the id after it, dec("0.5") as 0.5, * as ×.
func (m *markdown) formulaText(cel string) string {
	out := decLiteral.ReplaceAllString(cel, "$1")
	out = paramName.ReplaceAllStringFunc(out, func(path string) string {
		if l := m.paramLabel(path); l != path {
			return l + "（`" + path + "`）"
		}
		return "`" + path + "`"
	})
	return strings.NewReplacer(" * ", " × ", " / ", " ÷ ").Replace(out)
}

// paramLabel is a parameter's name from the schema, with the vocabulary
// labels of its variable segments: 基本医保起付线（住院，2）.
func (m *markdown) paramLabel(path string) string {
	segs := strings.Split(path, ".")
	node, ok := m.s.LookupParam(segs)
	if !ok || node.Leaf == nil || node.Leaf.Label == "" {
		return path
	}
	var vars []string
	for i, pat := range node.Leaf.Pattern {
		if strings.HasPrefix(pat, "<") && i < len(segs) {
			vars = append(vars, label(m.s, strings.Trim(pat, "<>"), segs[i]))
		}
	}
	if len(vars) == 0 {
		return node.Leaf.Label
	}
	return node.Leaf.Label + "（" + strings.Join(vars, "，") + "）"
}

// paramValue writes a ratio as a percentage and a list of bands as its
// pieces; amounts as given.
func (m *markdown) paramValue(p settle.ParamUse) string {
	node, ok := m.s.LookupParam(strings.Split(p.Path, "."))
	if ok && node.Leaf != nil {
		d, err := decimal.NewFromString(p.Value)
		switch {
		case err != nil:
		case node.Leaf.Type.Name == "ratio":
			return d.Mul(decimal.NewFromInt(100)).String() + "%"
		case node.Leaf.Type.Name == "money":
			return d.StringFixed(2)
		}
		if node.Leaf.Type.List && node.Leaf.Type.Name == "Band" {
			if text, ok := bandsText(p.Value); ok {
				return text
			}
		}
	}
	return cell(p.Value)
}

// bandsText writes a list of bands as pieces of the accumulation:
// 100000.00 以下 60%；以上 70%.
func bandsText(value string) (string, bool) {
	var bands []struct {
		Upto  *json.Number `json:"upto"`
		Ratio json.Number  `json:"ratio"`
	}
	d := json.NewDecoder(strings.NewReader(value))
	d.UseNumber()
	if err := d.Decode(&bands); err != nil || len(bands) == 0 {
		return "", false
	}
	var parts []string
	for i, b := range bands {
		r, err := decimal.NewFromString(b.Ratio.String())
		if err != nil {
			return "", false
		}
		pct := r.Mul(decimal.NewFromInt(100)).String() + "%"
		switch {
		case b.Upto != nil:
			u, err := decimal.NewFromString(b.Upto.String())
			if err != nil {
				return "", false
			}
			parts = append(parts, "至 "+u.StringFixed(2)+" "+pct)
		case i == 0:
			parts = append(parts, "不分段 "+pct)
		default:
			parts = append(parts, "以上 "+pct)
		}
	}
	return strings.Join(parts, "；"), true
}

// readings lists the declared readings of ambiguous text the result's
// rules rest on, so a reviewer sees the choice and what the other would do.
func (m *markdown) readings() {
	if len(m.res.Readings) == 0 {
		return
	}
	m.w("\n## 本案依据的解读\n\n以下文字可有两种理解，本案按“采用”的理解计算。\n\n")
	for _, r := range m.res.Readings {
		m.w("- %s「%s」\n  - 采用：%s\n  - 另一理解：%s\n", r.Clause, r.Text, r.Chosen, r.Alternative)
	}
}

// quotes writes the document's sentences for the clauses not quoted yet:
// the quotes of the rules the result used, else of every rule with the
// clause.
func (m *markdown) quotes(clauses ...string) {
	if m.region == nil {
		return
	}
	var lines []string
	for _, cl := range clauses {
		if cl == "" || m.shown[cl] {
			continue
		}
		m.shown[cl] = true
		for _, q := range m.clauseQuotes(cl) {
			lines = append(lines, fmt.Sprintf("> **%s**　%s", cl, q))
		}
	}
	if len(lines) > 0 {
		m.w("\n%s\n", strings.Join(lines, "\n>\n"))
	}
}

func (m *markdown) clauseQuotes(clause string) []string {
	var used, all []string
	for _, k := range m.region.RuleKeys() {
		dr := m.region.Rules[k]
		if dr.Clause != clause {
			continue
		}
		for _, q := range dr.Quote {
			q = strings.Join(strings.Fields(q), "")
			if slices.Contains(m.res.Rules, k) && !slices.Contains(used, q) {
				used = append(used, q)
			}
			if !slices.Contains(all, q) {
				all = append(all, q)
			}
		}
	}
	if len(used) > 0 {
		return used
	}
	return all
}

// cell keeps a table cell one line and its pipes literal.
func cell(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	return strings.ReplaceAll(s, "|", "\\|")
}
