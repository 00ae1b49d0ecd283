// Package harness runs golden cases: it settles each case file, renders the
// result as JSON and as Markdown for reviewers, checks the case's `expect:`
// assertions, and compares both renderings with the reviewed goldens,
// showing a unified diff for every difference. With update it writes the
// goldens instead. Like OPA's tester, it is a library; cmd/polc only wires
// flags to it.
package harness

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/schema"
	"github.com/polc-dev/polc/settle"
)

// JSON renders results in the result contract: one object, or an array for
// several; two-space indent, keys in contract order, a final newline.
func JSON(results ...*settle.Result) ([]byte, error) {
	var v any = results
	if len(results) == 1 {
		v = results[0]
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Markdown renders a result for a reviewer, in Chinese: the case, the
// subsidy with its funders, each claim's tiers as a table with every figure's
// clause, the year's totals and the monitoring flags.
func Markdown(set *compiler.PolicySet, res *settle.Result) []byte {
	s := set.Schema
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	title := res.Title
	if title == "" {
		title = res.Case
	}
	w("# %s\n\n", title)
	if r, ok := set.Regions[res.Region]; ok {
		w("- 文件：%s\n", documentName(r.Document))
	}
	w("- 地区：%s　年度：%d\n", res.Region, res.Year)
	w("- 病例：`%s`\n", res.Case)
	if len(res.Clauses) > 0 {
		w("- 说明条款：%s\n", strings.Join(res.Clauses, "、"))
	}
	if c := res.Coverage; c != nil {
		w("- 待遇起始：%s（%s", c.From, label(s, "coverage_start", c.Starts))
		if c.WaitingDays > 0 {
			w("，等待期%d天", c.WaitingDays)
		}
		if c.Clause != "" {
			w("；条款 %s", c.Clause)
		}
		w("）\n")
	}

	sub := res.Subsidy
	w("\n## 资助参保\n\n")
	w("| 个人缴费标准 | 资助金额 | 个人实缴 | 适用规则 | 条款 |\n|---:|---:|---:|---|---|\n")
	rule := sub.Rule
	if rule == "" {
		rule = "无"
	} else {
		rule = labelled(s, "category", rule)
	}
	w("| %s | %s | %s | %s | %s |\n", sub.Contribution.String(), sub.Amount.String(), sub.PersonPays.String(), rule, dash(sub.Clause))
	if len(sub.Funders) > 0 {
		w("\n| 资金来源 | 金额 |\n|---|---:|\n")
		for _, f := range sub.Funders {
			w("| %s | %s |\n", labelled(s, "funder", f.Funder), f.Amount.String())
		}
	}

	for _, c := range res.Claims {
		w("\n## 费用 %s：%s，%s\n\n", c.ID, label(s, "claim_kind", c.Kind), c.Date)
		w("| 总费用 | 政策范围内 | 医院承担 | 基本医保 | 大病保险 | 医疗救助 | 倾斜救助 | 直接救助 | 个人负担 |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
		w("| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", c.Total.String(), c.InScope.String(), c.HospitalBorne.String(), c.Basic.String(),
			c.Critical.String(), c.Assistance.String(), c.Tilted.String(), c.TopUp.String(), c.OutOfPocket.String())
		if len(c.Steps) == 0 {
			continue
		}
		w("\n| 环节 | 计算基数 | 起付线 | 比例 | 剩余限额 | 支付 | 条款 | 说明 |\n|---|---:|---:|---|---:|---:|---|---|\n")
		for _, st := range c.Steps {
			w("| %s | %s | %s | %s | %s | %s | %s | %s |\n", label(s, "tier", st.Tier), st.Base.String(), optMoney(st.Deductible), ratioText(st),
				capText(st), st.Paid.String(), clauseText(st), st.Note)
		}
	}

	t := res.Totals
	w("\n## 年度合计\n\n")
	w("| 总费用 | 医院承担 | 基本医保 | 大病保险 | 医疗救助 | 倾斜救助 | 直接救助 | 个人负担 |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	w("| %s | %s | %s | %s | %s | %s | %s | %s |\n", t.Total.String(), t.HospitalBorne.String(), t.Basic.String(), t.Critical.String(),
		t.Assistance.String(), t.Tilted.String(), t.TopUp.String(), t.OutOfPocket.String())
	w("\n| 监测指标 | 金额 |\n|---|---:|\n")
	w("| %s | %s |\n", label(s, "measure", "insured_self_pay"), t.InsuredSelfPay.String())
	w("| %s | %s |\n", label(s, "measure", "in_scope_self_pay"), t.InScopeSelfPay.String())
	w("| %s | %s |\n", label(s, "measure", "total_self_pay"), t.TotalSelfPay.String())

	w("\n## 监测\n\n")
	if len(res.Monitoring) == 0 {
		w("本人不属于任何监测标准适用的人群。\n")
		return []byte(b.String())
	}
	w("| 监测 | 适用人群 | 指标 | 金额 | 标准 | 比较 | 结果 | 条款 |\n|---|---|---|---:|---:|---|---|---|\n")
	for _, f := range res.Monitoring {
		cmp, result := "超过", "未达到"
		if f.Inclusive {
			cmp = "达到（含本数）"
		}
		if f.Raised {
			result = "**纳入**"
		}
		w("| %s | %s | %s | %s | %s | %s | %s | %s |\n", label(s, "monitoring_flag", f.Flag), dash(f.Population), label(s, "measure", f.Measure),
			f.Value.String(), f.Threshold.String(), cmp, result, f.Clause)
	}
	return []byte(b.String())
}

// documentName is a document's title with its 文号, or the title alone
// where the document has none (the module then repeats the title).
func documentName(d compiler.Document) string {
	if d.Number == "" || strings.Contains(d.Title, d.Number) {
		return d.Title
	}
	return d.Title + "（" + d.Number + "）"
}

func label(s *schema.Schema, vocab, id string) string {
	if v := s.Vocabulary(vocab); v != nil {
		if e, ok := v.Get(id); ok && e.Label != "" {
			return e.Label
		}
	}
	return id
}

// labelled is the label with the id, for ids a reviewer may search for.
func labelled(s *schema.Schema, vocab, id string) string {
	l := label(s, vocab, id)
	if l == id {
		return id
	}
	return l + " `" + id + "`"
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func optMoney(m *settle.Money) string {
	if m == nil {
		return "—"
	}
	return m.String()
}

func ratioText(st settle.Step) string {
	switch {
	case st.Ratio != nil:
		return st.Ratio.String()
	case st.Target != nil:
		return "目标 " + st.Target.String()
	case st.Limit != nil:
		return "上限 " + st.Limit.String()
	case len(st.Bands) > 0:
		parts := make([]string, len(st.Bands))
		for i, bp := range st.Bands {
			upto := "∞"
			if bp.Upto != nil {
				upto = bp.Upto.String()
			}
			parts[i] = fmt.Sprintf("%s–%s：%s × %s", bp.From.String(), upto, bp.Amount.String(), bp.Ratio.String())
		}
		return strings.Join(parts, "；")
	}
	return "—"
}

func capText(st settle.Step) string {
	switch {
	case st.CapLeft != nil:
		return st.CapLeft.String()
	case st.Deductible == nil && st.Target == nil:
		return "—" // a step that applies no terms: given, counted or controlled
	}
	return "不设封顶"
}

func clauseText(st settle.Step) string {
	if len(st.Clauses) > 0 {
		return strings.Join(st.Clauses, "、")
	}
	return dash(st.Clause)
}
