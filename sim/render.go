package sim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/polc-dev/polc/compiler/schema/shape"
)

// JSON is the summary as `polc sim --format json` prints it: indented,
// keys in the Summary's order, the same bytes for the same population.
func JSON(sm *Summary) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(sm); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Inputs name what a run read, for the Markdown's header.
type Inputs struct {
	// Document is the region's document (title and number), Area its
	// place.
	Document, Area  string
	Persons, Claims string
	// Params is the params file over the region's own, "" for none;
	// RegionParams the region's params file.
	Params, RegionParams string
}

// Markdown renders the summary for fund officers, in Chinese: each id by
// its name in the schema's vocabulary with the id after it in backticks.
func Markdown(s *shape.Shape, in Inputs, sm *Summary) []byte {
	m := &md{s: s}
	area := in.Area
	if area != "" {
		area += " "
	}
	m.w("# 人群测算：%s`%s` %d年度\n\n", area, sm.Region, sm.Year)
	if in.Document != "" {
		m.w("- 文件：%s\n", in.Document)
	}
	m.w("- 人员：`%s`，%d 人；费用：`%s`，%d 笔\n", in.Persons, sm.Persons, in.Claims, sm.Claims)
	if in.Params != "" {
		m.w("- 参数：`%s`，以 `%s` 覆盖其中的数\n", in.RegionParams, in.Params)
	} else {
		m.w("- 参数：`%s`\n", in.RegionParams)
	}
	m.w("- 金额单位：元，逐人按结算规则计算后精确相加（分）\n")

	m.w("\n## 费用分担合计\n\n")
	m.w("| 总费用 | 医院承担 | 基本医保 | 大病保险 | 医疗救助 | 倾斜救助 | 直接救助 | 个人负担 |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	t := sm.Totals
	m.w("| %s | %s | %s | %s | %s | %s | %s | %s |\n", t.Total, t.HospitalBorne, t.Basic, t.Critical, t.Assistance, t.Tilted, t.TopUp, t.OutOfPocket)

	m.w("\n## 资助参保\n\n")
	sub := sm.Subsidy
	m.w("资助总额 %s，受资助 %d 人。\n", sub.Amount, sub.Persons)
	if len(sub.ByRule) > 0 {
		m.w("\n| 适用资助规则 | 人数 | 资助金额 |\n|---|---:|---:|\n")
		for _, r := range sub.ByRule {
			m.w("| %s | %d | %s |\n", m.labelled("category", r.Rule), r.Persons, r.Amount)
		}
	}
	if len(sub.Funders) > 0 {
		m.w("\n| 资金来源 | 金额 |\n|---|---:|\n")
		for _, f := range sub.Funders {
			m.w("| %s | %s |\n", m.labelled("funder", f.Funder), f.Amount)
		}
	}

	m.w("\n## 按人员类别\n\n")
	m.w("一人属于多个类别时，在每个类别中各计一次，各行相加不等于合计。\n\n")
	m.w("| 人员类别 | 人数 | 资助金额 | 总费用 | 医院承担 | 基本医保 | 大病保险 | 医疗救助 | 倾斜救助 | 直接救助 | 个人负担 |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, c := range sm.Categories {
		m.w("| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", m.labelled("category", c.Category), c.Persons, c.Subsidy,
			c.Total, c.HospitalBorne, c.Basic, c.Critical, c.Assistance, c.Tilted, c.TopUp, c.OutOfPocket)
	}

	m.w("\n## 监测\n\n")
	if len(sm.Monitoring) == 0 {
		m.w("无人纳入监测。\n")
	} else {
		m.w("| 监测 | 纳入人数 |\n|---|---:|\n")
		for _, f := range sm.Monitoring {
			m.w("| %s | %d |\n", m.labelled("monitoring_flag", f.Flag), f.Persons)
		}
	}

	m.w("\n## 个人负担分布\n\n")
	d := sm.OutOfPocket
	if d.Persons == 0 {
		m.w("无人。\n")
		return []byte(m.b.String())
	}
	m.w("%d 人按全年个人负担从小到大排列；第 k 个十分位数取第 ⌈k × %d ÷ 10⌉ 名的个人负担（最近秩法，nearest-rank），是某人的实际金额，不作插值。\n\n", d.Persons, d.Persons)
	m.w("| 分位 | 名次 | 个人负担 |\n|---|---:|---:|\n")
	m.w("| 最小 | 1 | %s |\n", d.Min)
	for _, x := range d.Deciles {
		m.w("| 第%d个十分位数（%d%%） | %d | %s |\n", x.Decile, 10*x.Decile, x.Rank, x.Value)
	}
	m.w("| 最大 | %d | %s |\n", d.Persons, d.Max)
	return []byte(m.b.String())
}

type md struct {
	b strings.Builder
	s *shape.Shape
}

func (m *md) w(format string, args ...any) { fmt.Fprintf(&m.b, format, args...) }

// labelled is an id's Chinese name with the id in backticks; an id the
// vocabulary lacks (a sub-rule of a category) is shown as the id.
func (m *md) labelled(vocab, id string) string {
	if v := m.s.Vocabulary(vocab); v != nil {
		if e, ok := v.Get(id); ok && e.Label != "" {
			return e.Label + " `" + id + "`"
		}
	}
	return "`" + id + "`"
}
