package policydiff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/polc-dev/polc/casegrid"
	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler/schema"
	"github.com/polc-dev/polc/settle"
)

// JSON renders a report for tools: the Report's shape, two-space indent,
// keys in struct order (maps sorted), a final newline.
func JSON(rep *Report) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(rep); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Markdown renders a report as a pull-request comment, in Chinese, with
// ids in backticks: the summary first (regions, cases run and changed,
// the total change of each figure), then each group — its changes with
// their clauses and places in the working copy, its counts, the smallest,
// largest and total change of each figure, and one example case before
// and after — then the changes no figure of a case run moved with.
func Markdown(rep *Report, s *schema.Schema) []byte {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("## polc diff：`%s` → `%s`\n\n", rep.Before, rep.After)
	golden, grid := 0, 0
	for _, r := range rep.Regions {
		golden += r.Golden.Cases
		grid += r.Grid.Cases
	}
	if rep.NoChange() {
		w("**无变化**：规则、参数与数字均无变化（运行金标准算例 %d 个、网格算例 %d 个）。\n", golden, grid)
		if len(rep.Files) > 0 {
			w("\n文件有改动，但只在注释或格式上：%s。\n", filesText(rep.Files))
		}
		return []byte(b.String())
	}
	changed := 0
	for _, g := range rep.Groups {
		changed += g.Cases
	}
	w("**有变化**：%d 处规则或参数有变，%d 个算例的数字有变（运行金标准算例 %d 个、网格算例 %d 个）。\n", len(rep.Changes), changed, golden, grid)
	if len(rep.Files) > 0 {
		w("\n改动的文件：%s。\n", filesText(rep.Files))
	}
	writeSummary(&b, rep, s)
	for i, g := range rep.Groups {
		writeGroup(&b, i+1, g, rep, s)
	}
	var still []*Change
	for _, c := range rep.Changes {
		if !c.Moved {
			still = append(still, c)
		}
	}
	if len(still) > 0 {
		w("\n### 有变但所运行的算例中没有数字变化\n\n")
		for _, c := range still {
			w("- %s：%s\n", changeHeading(c), strings.Join(c.What, "；"))
		}
	}
	return []byte(b.String())
}

func filesText(fs []FileChange) string {
	status := map[string]string{"added": "新增", "removed": "删除", "modified": "修改"}
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = fmt.Sprintf("`%s`（%s）", f.Path, status[f.Status])
	}
	return strings.Join(parts, "、")
}

// summaryFigures are the figures whose total change the summary shows.
var summaryFigures = []string{"subsidy.amount", "totals.hospital_borne", "totals.basic", "totals.critical", "totals.assistance",
	"totals.tilted", "totals.top_up", "totals.out_of_pocket"}

func writeSummary(b *strings.Builder, rep *Report, s *schema.Schema) {
	fmt.Fprintf(b, "\n| 地区 | 金标准算例 | 网格算例 | 有变算例 |")
	for _, f := range summaryFigures {
		fmt.Fprintf(b, " %s |", figureLabel(f, s))
	}
	b.WriteString("\n|---|---:|---:|---:|" + strings.Repeat("---:|", len(summaryFigures)) + "\n")
	for _, r := range rep.Regions {
		name := "`" + r.Region + "`"
		switch r.Status {
		case "added":
			name += "（新增）"
		case "removed":
			name += "（删除）"
		}
		fmt.Fprintf(b, "| %s | %d | %d | %d |", name, r.Golden.Cases, r.Grid.Cases, r.Golden.Changed+r.Grid.Changed)
		for _, f := range summaryFigures {
			if t, ok := r.Totals[f]; ok && t != 0 {
				fmt.Fprintf(b, " %s |", signed(t))
			} else {
				b.WriteString(" — |")
			}
		}
		b.WriteString("\n")
	}
	b.WriteString("\n合计变化为变更后减变更前，按算例累加（金标准与网格算例一并计入）。网格算例按各地区规则读到的类别（单独及两两组合）、年度、费用类型、医院级别、是否转诊和属性取值生成，金额置于每个起付线、分段点、封顶线和监测标准的前后一分；文件未给出的开放参数取 `polc check` 所用的替代值。\n")
}

func writeGroup(b *strings.Builder, n int, g *Group, rep *Report, s *schema.Schema) {
	headings := make([]string, len(g.changes))
	for i, c := range g.changes {
		headings[i] = changeHeading(c)
	}
	fmt.Fprintf(b, "\n### %d. %s\n\n", n, strings.Join(headings, "；"))
	for _, c := range g.changes {
		fmt.Fprintf(b, "- %s", changeWhere(c))
		fmt.Fprintf(b, "：%s\n", strings.Join(c.What, "；"))
	}
	fmt.Fprintf(b, "- 有变算例：%d 个（金标准 %d 个，网格 %d 个）\n\n", g.Cases, g.Golden, g.Grid)
	b.WriteString("| 数字 | 算例数 | 最小变化 | 最大变化 | 合计变化 |\n|---|---:|---:|---:|---:|\n")
	for _, st := range g.Figures {
		fmt.Fprintf(b, "| %s | %d | %s | %s | %s |\n", figureLabel(st.Figure, s), st.Cases, optSigned(st.Min), optSigned(st.Max), optSigned(st.Total))
	}
	ex := g.Example
	fmt.Fprintf(b, "\n示例：`%s`", ex.Case)
	if ex.c != nil && ex.Placed != nil {
		fmt.Fprintf(b, "——%s；%s", caseText(ex.c, s), placementText(*ex.Placed, s))
	} else if ex.c != nil {
		fmt.Fprintf(b, "——%s", caseText(ex.c, s))
	} else if ex.Context != "" {
		fmt.Fprintf(b, "（%s）", ex.Context)
	}
	b.WriteString("\n\n| 数字 | 变更前 | 变更后 | 变化 |\n|---|---:|---:|---:|\n")
	for _, f := range ex.Figures {
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n", figureLabel(f.Figure, s), cell(f.Before), cell(f.After), optSigned(f.Delta))
	}
}

// changeHeading names a change: region, clause and title, or what it is.
func changeHeading(c *Change) string {
	switch c.Kind {
	case "rule":
		return fmt.Sprintf("`%s` %s %s", c.Region, c.Clause, c.Title)
	case "params":
		return fmt.Sprintf("`%s` 参数 `%s`", c.Region, c.Title)
	case "document":
		return fmt.Sprintf("`%s` 文件信息", c.Region)
	case "region":
		return fmt.Sprintf("`%s` 地区", c.Region)
	}
	return fmt.Sprintf("`%s` 未能归因", c.Region)
}

// changeWhere is where a change is: the rule's decision and place in the
// working copy, or at the revision for a rule removed.
func changeWhere(c *Change) string {
	switch {
	case c.Kind == "rule" && c.Pos != "":
		return fmt.Sprintf("`%s`（%s 规则）", c.Pos, c.Decision)
	case c.Kind == "rule":
		return fmt.Sprintf("原 `%s`（%s 规则）", c.BeforePos, c.Decision)
	case c.Pos != "":
		return "`" + c.Pos + "`"
	case c.BeforePos != "":
		return "原 `" + c.BeforePos + "`"
	}
	return "—"
}

// cell keeps a table cell on one line and its pipes from splitting it.
func cell(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ").Replace(s)
}

func signed(m settle.Money) string {
	if m > 0 {
		return "+" + m.String()
	}
	return m.String()
}

func optSigned(m *settle.Money) string {
	if m == nil {
		return "—"
	}
	return signed(*m)
}

var tierLabels = map[string]string{"total": "总费用", "hospital_borne": "医院承担", "basic": "基本医保", "critical": "大病保险",
	"assistance": "医疗救助", "tilted": "倾斜救助", "top_up": "直接救助", "out_of_pocket": "个人负担"}

// figureLabel names a figure for a reviewer.
func figureLabel(name string, s *schema.Schema) string {
	parts := strings.Split(name, ".")
	switch {
	case name == "subsidy.amount":
		return "资助金额"
	case name == "subsidy.person_pays":
		return "个人实缴"
	case strings.HasPrefix(name, "subsidy.funders."):
		return "资助：" + label(s, "funder", parts[2])
	case name == "coverage.from":
		return "待遇起始"
	case name == "error":
		return "结算"
	case name == "monitoring.threshold":
		return "监测标准"
	case name == "monitoring.raised":
		return "监测结果"
	case parts[0] == "monitoring" && len(parts) == 3:
		flag, _, _ := strings.Cut(parts[1], "/")
		what := "标准"
		if parts[2] == "raised" {
			what = "结果"
		}
		return label(s, "monitoring_flag", flag) + " " + what
	case parts[0] == "totals" && len(parts) == 2:
		if l, ok := tierLabels[parts[1]]; ok {
			return l
		}
		return label(s, "measure", parts[1])
	case parts[0] == "claims" && len(parts) == 3:
		return "费用 " + parts[1] + " " + tierLabels[parts[2]]
	}
	return name
}

func label(s *schema.Schema, vocab, id string) string {
	if s != nil {
		if v := s.Vocabulary(vocab); v != nil {
			if e, ok := v.Get(id); ok && e.Label != "" {
				return e.Label
			}
		}
	}
	return id
}

// caseText says a grid case in Chinese: the year, the person, the claim.
func caseText(c *cases.Case, s *schema.Schema) string {
	var parts []string
	parts = append(parts, fmt.Sprintf("%d年度", c.Year))
	if len(c.Person.Categories) == 0 {
		parts = append(parts, "无类别")
	} else {
		cats := make([]string, len(c.Person.Categories))
		for i, id := range c.Person.Categories {
			cats[i] = label(s, "category", id) + " `" + id + "`"
		}
		parts = append(parts, strings.Join(cats, " + "))
	}
	p := c.Person
	if p.Age != nil {
		parts = append(parts, fmt.Sprintf("%d岁", *p.Age))
	}
	if p.Residence != "" {
		parts = append(parts, label(s, "residence", p.Residence))
	}
	if p.County != "" {
		parts = append(parts, p.County)
	}
	if p.ExitYear != nil {
		parts = append(parts, fmt.Sprintf("%d年脱贫", *p.ExitYear))
	}
	if p.Recognized != "" {
		parts = append(parts, p.Recognized+"认定")
	}
	parts = append(parts, label(s, "enrollment_tier", c.Enrollment.Tier))
	if c.Enrollment.Date != "" {
		parts = append(parts, c.Enrollment.Date+"参保")
	}
	for _, cl := range c.Claims {
		claim := []string{label(s, "claim_kind", cl.Kind), label(s, "hospital_level", cl.HospitalLevel)}
		if cl.Referred {
			claim = append(claim, "已转诊")
		} else {
			claim = append(claim, "未转诊")
		}
		if cl.Disease != "" {
			claim = append(claim, cl.Disease)
		}
		if cl.Uninsured {
			claim = append(claim, "未参保期间")
		}
		claim = append(claim, fmt.Sprintf("总费用 %s 元（目录外 %s 元）", cl.Total, cl.OutOfCatalog))
		parts = append(parts, strings.Join(claim, "，"))
	}
	return strings.Join(parts, "，")
}

// placementText says why a grid case's amount is what it is.
func placementText(p casegrid.Placement, s *schema.Schema) string {
	var what string
	switch p.Boundary {
	case "sample":
		return "一笔普通费用"
	case "deductible":
		what = label(s, "tier", p.Tier) + "起付线"
	case "band":
		what = label(s, "tier", p.Tier) + "分段点"
	case "cap":
		what = label(s, "tier", p.Tier) + "支付达到封顶线时的累计额"
	case "limit":
		return fmt.Sprintf("目录外费用%s允许金额 %s 元%s", "", p.At, offsetText(p.Offset))
	case "threshold":
		what = label(s, "monitoring_flag", p.Tier) + "监测标准"
	default:
		what = p.Tier + " " + p.Boundary
	}
	return fmt.Sprintf("%s %s 元%s", what, p.At, offsetText(p.Offset))
}

func offsetText(off settle.Money) string {
	switch {
	case off < 0:
		return "下方 0.01"
	case off > 0:
		return "上方 0.01"
	}
	return "处"
}

// GitHub renders a report as GitHub Actions workflow commands: a notice at
// each changed rule (at its line in the working copy) with what its
// change does, and one saying there is no change when there is none.
func GitHub(rep *Report, s *schema.Schema) []byte {
	var b strings.Builder
	if rep.NoChange() {
		fmt.Fprintf(&b, "::notice title=polc diff::%s\n", escapeData(fmt.Sprintf("无变化：%s → %s，规则、参数与数字均无变化", rep.Before, rep.After)))
		return []byte(b.String())
	}
	said := map[*Change]bool{}
	for _, g := range rep.Groups {
		for _, c := range g.changes {
			said[c] = true
			msg := fmt.Sprintf("%s：%s。%d 个算例有变（金标准 %d，网格 %d）", changeHeading(c), strings.Join(c.What, "；"), g.Cases, g.Golden, g.Grid)
			for _, st := range g.Figures {
				if st.Total != nil {
					msg += fmt.Sprintf("；%s 合计 %s（最小 %s，最大 %s）", figureLabel(st.Figure, s), signed(*st.Total), signed(*st.Min), signed(*st.Max))
				}
			}
			if len(g.changes) > 1 {
				msg += "（与本组其他变化一并计）"
			}
			writeNotice(&b, c, msg)
		}
	}
	for _, c := range rep.Changes {
		if !said[c] {
			writeNotice(&b, c, fmt.Sprintf("%s：%s。所运行的算例中没有数字变化", changeHeading(c), strings.Join(c.What, "；")))
		}
	}
	return []byte(b.String())
}

func writeNotice(b *strings.Builder, c *Change, msg string) {
	msg = strings.ReplaceAll(msg, "`", "")
	file, line := splitPos(c.Pos)
	if file == "" {
		file, _ = splitPos(c.BeforePos)
		line = 0
	}
	props := "title=" + escapeProperty("polc diff "+c.Region+" "+c.Clause)
	if file != "" {
		props = "file=" + escapeProperty(file) + "," + props
		if line > 0 {
			props = strings.Replace(props, ",title=", fmt.Sprintf(",line=%d,title=", line), 1)
		}
	}
	fmt.Fprintf(b, "::notice %s::%s\n", props, escapeData(msg))
}

// escapeData and escapeProperty apply the escaping GitHub's workflow
// commands require of a message and of a property value.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(strings.TrimSpace(s))
}
