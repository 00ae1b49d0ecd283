package sim

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/polc-dev/polc/compiler/schema/shape"
	"github.com/polc-dev/polc/settle/money"
)

// AgainstJSON is the comparison as `polc sim --against --format json`
// prints it: indented, keys in the Comparison's order.
func AgainstJSON(c *Comparison) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// figureLabels are the Chinese names of the compared figures.
var figureLabels = map[string]string{
	"subsidy": "资助金额", "total": "总费用", "hospital_borne": "医院承担", "basic": "基本医保", "critical": "大病保险",
	"assistance": "医疗救助", "tilted": "倾斜救助", "top_up": "直接救助", "out_of_pocket": "个人负担",
}

// kindLabels name the kinds of change (policydiff.Change.Kind).
var kindLabels = map[string]string{"rule": "规则", "params": "参数", "document": "文件信息", "region": "地区", "unattributed": "未能归因"}

// signed is a change with its sign, so a fund officer sees the direction
// at a glance: +1.00, -1.00, 0.00.
func signed(a money.Amount) string {
	if a > 0 {
		return "+" + a.String()
	}
	return a.String()
}

// AgainstMarkdown renders the comparison for fund officers, in Chinese,
// the summary first: whether anything changed, who pays more or less,
// then the totals, the groups by changed rule, funders and categories.
func AgainstMarkdown(s *shape.Shape, in Inputs, c *Comparison) []byte {
	m := &md{s: s}
	area := in.Area
	if area != "" {
		area += " "
	}
	m.w("# 政策变更测算：%s`%s` %d年度\n\n", area, c.Region, c.Year)
	if in.Document != "" {
		m.w("- 文件：%s\n", in.Document)
	}
	m.w("- 变更前：%s\n- 变更后：%s\n", c.Before, c.After)
	m.w("- 人员：`%s`，%d 人；费用：`%s`，%d 笔\n", in.Persons, c.Persons, in.Claims, c.Claims)
	if in.Params != "" {
		m.w("- 参数：以 `%s` 覆盖两个版本参数文件中的数\n", in.Params)
	}
	m.w("- 金额单位：元，逐人按两个版本分别结算后精确相加（分）；变化 = 变更后 − 变更前\n")

	m.w("\n## 摘要\n\n")
	if !c.Changed {
		if len(c.Changes) == 0 {
			m.w("**无变化**：两个版本的规则和参数相同，所有人的数字相同。\n")
		} else {
			m.w("**无变化**：%d 处规则或参数有变，但本人群中没有人的数字变化。\n", len(c.Changes))
		}
	} else {
		var moved []string
		for _, d := range c.Totals {
			if d.Delta != 0 {
				moved = append(moved, figureLabels[d.Figure]+" "+signed(d.Delta))
			}
		}
		m.w("**有变化**：%d 处规则或参数有变；%s。\n\n", len(c.Changes), strings.Join(moved, "，"))
		sh := c.OutOfPocket
		m.w("个人负担：%d 人增加（合计 %s", sh.More, signed(sh.Increase))
		if sh.LargestIncrease != nil {
			m.w("，最多 `%s` %s", sh.LargestIncrease.Person, signed(sh.LargestIncrease.Delta))
		}
		m.w("），%d 人减少（合计 %s", sh.Less, signed(sh.Decrease))
		if sh.LargestDecrease != nil {
			m.w("，最多 `%s` %s", sh.LargestDecrease.Person, signed(sh.LargestDecrease.Delta))
		}
		m.w("），%d 人不变。\n", sh.Same)
	}

	m.w("\n## 费用分担合计\n\n")
	m.w("| 项目 | 变更前 | 变更后 | 变化 |\n|---|---:|---:|---:|\n")
	for _, d := range c.Totals {
		m.w("| %s | %s | %s | %s |\n", figureLabels[d.Figure], d.Before, d.After, signed(d.Delta))
	}

	if c.Changed {
		m.w("\n## 按变化的规则\n\n")
		m.w("每人的数字变化归因于其结算用到的、有变化的规则（与 `polc diff` 相同）；每人只在一组。\n")
		for i, g := range c.Groups {
			var names []string
			for _, ch := range g.Changes {
				names = append(names, changeName(ch))
			}
			if len(names) == 0 {
				names = []string{"未能归因"}
			}
			m.w("\n### %d. %s\n\n", i+1, strings.Join(names, "；"))
			for _, ch := range g.Changes {
				if ch.Pos != "" {
					m.w("- `%s`（%s）\n", ch.Pos, kindLabels[ch.Kind])
				}
			}
			m.w("- 涉及 %d 人\n\n", g.Persons)
			m.w("| 项目 | 人数 | 最小变化 | 最大变化 | 合计变化 |\n|---|---:|---:|---:|---:|\n")
			for _, f := range g.Figures {
				m.w("| %s | %d | %s | %s | %s |\n", figureLabels[f.Figure], f.Persons, signed(f.Min), signed(f.Max), signed(f.Total))
			}
		}
	}
	if len(c.Changes) > 0 {
		m.w("\n## 有变化的规则和参数\n\n")
		for _, ch := range c.Changes {
			pos := ch.Pos
			if pos == "" {
				pos = ch.BeforePos
			}
			m.w("- %s `%s`：%s\n", changeName(GroupChange{ID: ch.ID, Kind: ch.Kind, Clause: ch.Clause, Title: ch.Title}), pos, strings.Join(ch.What, "；"))
		}
	}

	if len(c.Funders) > 0 {
		m.w("\n## 资助资金来源\n\n| 资金来源 | 变更前 | 变更后 | 变化 |\n|---|---:|---:|---:|\n")
		for _, d := range c.Funders {
			m.w("| %s | %s | %s | %s |\n", m.labelled("funder", d.Figure), d.Before, d.After, signed(d.Delta))
		}
	}
	if len(c.Categories) > 0 {
		m.w("\n## 按人员类别\n\n一人属于多个类别时，在每个类别中各计一次。只列有变化的项目。\n\n")
		m.w("| 人员类别 | 人数 | 项目 | 变更前 | 变更后 | 变化 |\n|---|---:|---|---:|---:|---:|\n")
		for _, cd := range c.Categories {
			any := false
			for _, d := range cd.Figures {
				if d.Delta != 0 {
					any = true
					m.w("| %s | %d | %s | %s | %s | %s |\n", m.labelled("category", cd.Category), cd.Persons, figureLabels[d.Figure], d.Before, d.After, signed(d.Delta))
				}
			}
			if !any {
				m.w("| %s | %d | （无变化） | | | |\n", m.labelled("category", cd.Category), cd.Persons)
			}
		}
		if c.Changed {
			m.w("\n个人负担增减（按人员类别）：\n\n| 人员类别 | 人数 | 增加 | 减少 | 不变 | 增加合计 | 减少合计 |\n|---|---:|---:|---:|---:|---:|---:|\n")
			for _, cd := range c.Categories {
				sh := cd.OutOfPocket
				m.w("| %s | %d | %d | %d | %d | %s | %s |\n", m.labelled("category", cd.Category), cd.Persons, sh.More, sh.Less, sh.Same, signed(sh.Increase), signed(sh.Decrease))
			}
		}
	}
	var flags []CountDelta
	for _, f := range c.Monitoring {
		if f.Before != f.After {
			flags = append(flags, f)
		}
	}
	if len(flags) > 0 {
		m.w("\n## 监测\n\n| 监测 | 变更前人数 | 变更后人数 |\n|---|---:|---:|\n")
		for _, f := range flags {
			m.w("| %s | %d | %d |\n", m.labelled("monitoring_flag", f.Flag), f.Before, f.After)
		}
	}
	return []byte(m.b.String())
}

// changeName is a change as a heading names it: region, clause and title
// for a rule; the id otherwise.
func changeName(ch GroupChange) string {
	if ch.Clause != "" || ch.Title != "" {
		return strings.TrimSpace(ch.Clause + " " + ch.Title)
	}
	return "`" + ch.ID + "`"
}
