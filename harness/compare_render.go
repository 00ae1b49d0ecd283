package harness

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler/schema"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle"
)

// CompareJSON renders a comparison: two-space indent, keys in a fixed
// order, a final newline. Each region's result is the result contract's
// object, field for field what polc settle prints.
func CompareJSON(cmp *Comparison) ([]byte, error) { return IndentedJSON(cmp) }

// tierRows are the year's totals a comparison shows, in the order money
// flows, each with the tier whose steps give its clauses ("" for the
// remainder, which no clause sets).
var tierRows = []struct {
	name, tier string
	total      func(settle.Totals) settle.Money
}{
	{"基本医保", "basic", func(t settle.Totals) settle.Money { return t.Basic }},
	{"大病保险", "critical", func(t settle.Totals) settle.Money { return t.Critical }},
	{"医疗救助", "assistance", func(t settle.Totals) settle.Money { return t.Assistance }},
	{"倾斜救助", "tilted", func(t settle.Totals) settle.Money { return t.Tilted }},
	{"直接救助", "top_up", func(t settle.Totals) settle.Money { return t.TopUp }},
	{"医院承担", "out_of_catalog", func(t settle.Totals) settle.Money { return t.HospitalBorne }},
	{"个人负担", "", func(t settle.Totals) settle.Money { return t.OutOfPocket }},
}

// CompareMarkdown renders a comparison for a reviewer, in Chinese: the
// person and the bill, then one column per region — the subsidy, each
// tier's total and the out-of-pocket, the monitoring flags, every figure
// with its clause, or why the region has no figures — then which of the
// case's params each region read.
func CompareMarkdown(set *policy.Set, cmp *Comparison) []byte {
	s := set.Schema
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	title := cmp.Title
	if title == "" {
		title = cmp.Case
	}
	w("# 地区比较：%s\n\n", title)
	writeCasePerson(&b, s, cmp)
	w("- 参数：各地区用本地区的参数文件；病例 `params:` 中的数额，在读取它的地区采用，不读取的地区见文末\n")
	for _, nc := range cmp.NotCompared {
		w("- 未比较：%s——%s\n", nc.Region, nc.Why)
	}

	w("\n## 文件\n\n")
	for _, rc := range cmp.Regions {
		w("- %s：%s\n", rc.Region, documentName(set.Regions[rc.Region].Document))
	}

	w("\n## 结算\n\n")
	writeRow(&b, "项目", cmp.Regions, func(rc RegionComparison) string { return regionHeading(cmp, rc) })
	w("|---|%s\n", strings.Repeat("---|", len(cmp.Regions)))
	writeRow(&b, "结算", cmp.Regions, func(rc RegionComparison) string {
		if rc.Result == nil {
			return rc.Skipped
		}
		return "已结算"
	})
	settled := func(f func(*settle.Result) string) func(RegionComparison) string {
		return func(rc RegionComparison) string {
			if rc.Result == nil {
				return "—"
			}
			return f(rc.Result)
		}
	}
	writeRow(&b, "个人缴费标准", cmp.Regions, settled(func(r *settle.Result) string { return r.Subsidy.Contribution.String() }))
	writeRow(&b, "资助参保", cmp.Regions, settled(func(r *settle.Result) string { return subsidyText(s, r.Subsidy) }))
	writeRow(&b, "个人实缴", cmp.Regions, settled(func(r *settle.Result) string { return r.Subsidy.PersonPays.String() }))
	for _, row := range tierRows {
		writeRow(&b, row.name, cmp.Regions, settled(func(r *settle.Result) string {
			return withClauses(row.total(r.Totals).String(), tierClauses(r, row.tier))
		}))
	}
	writeRow(&b, "监测", cmp.Regions, settled(func(r *settle.Result) string { return monitoringText(s, r.Monitoring) }))

	writeParamsRead(&b, cmp)
	return []byte(b.String())
}

// writeCasePerson writes the header: the case, the year, who the person is
// and what the bill holds.
func writeCasePerson(b *strings.Builder, s *schema.Schema, cmp *Comparison) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	c := cmp.source
	w("- 病例：`%s`（病例所在地区：%s）\n", cmp.Case, cmp.Region)
	w("- 年度：%d\n", cmp.Year)
	cats := make([]string, len(c.Person.Categories))
	for i, id := range c.Person.Categories {
		cats[i] = labelled(s, "category", id)
	}
	if len(cats) == 0 {
		cats = []string{"无"}
	}
	w("- 人群：%s\n", strings.Join(cats, "、"))
	if c.Person.Age != nil {
		w("- 年龄：%d　居住地：%s\n", *c.Person.Age, label(s, "residence", c.Person.Residence))
	}
	w("- 参保：%s", label(s, "enrollment_tier", c.Enrollment.Tier))
	if c.Enrollment.Date != "" {
		w("，%s", c.Enrollment.Date)
	}
	w("\n")
	if len(c.Claims) == 0 {
		w("- 费用：无\n")
	}
	for _, cl := range c.Claims {
		w("- 费用 %s：%s，%s，%s，总费用 %s，目录外 %s", cl.ID, cl.Date, label(s, "claim_kind", cl.Kind), label(s, "hospital_level", cl.HospitalLevel), cl.Total, cl.OutOfCatalog)
		if !cl.Referred {
			w("，未转诊")
		}
		if cl.BasicPaid != nil {
			// The amount a case gives is what basic insurance paid where
			// the bill arose; every region takes it as given, as polc
			// settle would, so the reviewer must be told.
			w("；基本医保已付 %s（病例给定，各地区照用，不按本地区基本医保条款重算）", *cl.BasicPaid)
		}
		w("\n")
	}
}

// writeRow writes one table row: a heading, then a cell per region.
func writeRow(b *strings.Builder, heading string, regions []RegionComparison, cell func(RegionComparison) string) {
	b.WriteString("| " + heading + " |")
	for _, rc := range regions {
		b.WriteString(" " + tableCell(cell(rc)) + " |")
	}
	b.WriteString("\n")
}

// tableCell keeps a cell inside its column: a | or a line break in a
// message would end it.
func tableCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", "<br>").Replace(s)
}

func regionHeading(cmp *Comparison, rc RegionComparison) string {
	if rc.Region == cmp.Region {
		return rc.Region + "（病例所在）"
	}
	return rc.Region
}

func subsidyText(s *schema.Schema, sub settle.SubsidyResult) string {
	if sub.Rule == "" {
		return sub.Amount.String() + "（无适用资助规则）"
	}
	return withClauses(sub.Amount.String(), []string{labelled(s, "category", sub.Rule), sub.Clause})
}

// tierClauses are the clauses of a tier's steps over the year's claims, in
// the order they first appear; none when the tier had no terms.
func tierClauses(r *settle.Result, tier string) []string {
	var out []string
	if tier == "" {
		return nil
	}
	for _, c := range r.Claims {
		for _, st := range c.Steps {
			if st.Tier != tier {
				continue
			}
			clauses := st.Clauses
			if len(clauses) == 0 && st.Clause != "" {
				clauses = []string{st.Clause}
			}
			for _, cl := range clauses {
				if !slices.Contains(out, cl) {
					out = append(out, cl)
				}
			}
		}
	}
	return out
}

func withClauses(figure string, clauses []string) string {
	if len(clauses) == 0 {
		return figure
	}
	return figure + "（" + strings.Join(clauses, "；") + "）"
}

// monitoringText lists each flag whose population the person is in,
// raised or not, with the measure, the threshold and the clause.
func monitoringText(s *schema.Schema, flags []settle.FlagResult) string {
	if len(flags) == 0 {
		return "无适用监测"
	}
	parts := make([]string, len(flags))
	for i, f := range flags {
		cmp := "超过"
		if f.Inclusive {
			cmp = "达到"
		}
		if f.Raised {
			parts[i] = fmt.Sprintf("%s：**纳入**（%s %s %s；%s）", label(s, "monitoring_flag", f.Flag), f.Value.String(), cmp, f.Threshold.String(), f.Clause)
		} else {
			parts[i] = fmt.Sprintf("%s：未纳入（%s，标准 %s；%s）", label(s, "monitoring_flag", f.Flag), f.Value.String(), f.Threshold.String(), f.Clause)
		}
	}
	return strings.Join(parts, "<br>")
}

// writeParamsRead tables the case's params against the regions: applied,
// or why not — a number that changed one column and not another must not
// pass unnoticed.
func writeParamsRead(b *strings.Builder, cmp *Comparison) {
	overrides := cmp.source.Overrides
	if len(overrides) == 0 {
		return
	}
	fmt.Fprintf(b, "\n## 病例参数\n\n")
	writeRow(b, "参数", cmp.Regions, func(rc RegionComparison) string { return rc.Region })
	fmt.Fprintf(b, "|---|%s\n", strings.Repeat("---|", len(cmp.Regions)))
	for _, o := range overrides {
		writeRow(b, "`"+o.Path+"` = "+paramValue(o), cmp.Regions, func(rc RegionComparison) string {
			if rc.Result == nil {
				return "—"
			}
			for _, nu := range rc.ParamsNotUsed {
				if nu.Path == o.Path {
					return nu.say
				}
			}
			return "采用"
		})
	}
}

// paramValue is a param's value as the case wrote it: a number's literal
// text, bands as compact JSON.
func paramValue(o cases.Override) string {
	data, err := json.Marshal(o.Value)
	if err != nil {
		return fmt.Sprint(o.Value)
	}
	return string(data)
}
