package harness

import (
	"context"
	"fmt"
	"io"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/polc-dev/polc/policy"
)

// Decisions whose rules compute figures: every one of their rules must be
// reached by some golden case. (coverage, parameters and uncomputed declare;
// they compute nothing a case could show.)
var computingDecisions = map[string]bool{"subsidy": true, "plan": true, "monitoring": true, "enrollment": true}

// ClauseRow is one clause of a document: the rules that compute it and the
// goldens that exercise them, or why it is not computed.
type ClauseRow struct {
	Clause    string
	Rules     []RuleRef
	Goldens   []string
	Explained []string // reasons from `uncomputed`
	Listed    bool     // in the document's clause list
}

// RuleRef is a rule under a clause: its own, or one that implements the
// clause by its rank or by the selection among rules (How says which).
type RuleRef struct {
	Rule *policy.DecisionRule
	How  string
}

// Quotes are the document's sentences the clause's own rules quote, each
// once, white space removed.
func (r *ClauseRow) Quotes() []string {
	var out []string
	for _, ref := range r.Rules {
		if ref.How != "" {
			continue
		}
		for _, q := range ref.Rule.Quote {
			q = strings.Join(strings.Fields(q), "")
			if !slices.Contains(out, q) {
				out = append(out, q)
			}
		}
	}
	return out
}

// RegionCoverage is a document's clause coverage.
type RegionCoverage struct {
	Region    string
	Document  policy.Document
	Rows      []*ClauseRow
	Unreached []*policy.DecisionRule // computing rules no golden reaches
	Readings  []RuleReading          // every declared reading, in module order
	Rules     int                    // decision rules
	Quoted    int                    // of which quote the document
	Goldens   int                    // golden cases of the region
}

// RuleReading is a declared reading with the rule that takes it.
type RuleReading struct {
	Rule *policy.DecisionRule
	policy.Reading
}

// Missing lists the clauses neither computed nor explained.
func (rc *RegionCoverage) Missing() []string {
	var out []string
	for _, r := range rc.Rows {
		if len(r.Rules) == 0 && len(r.Explained) == 0 {
			out = append(out, r.Clause)
		}
	}
	return out
}

// Unlisted lists clauses that rules or notes cite but the document's clause
// list lacks (a misspelt clause id, usually).
func (rc *RegionCoverage) Unlisted() []string {
	var out []string
	for _, r := range rc.Rows {
		if !r.Listed {
			out = append(out, r.Clause)
		}
	}
	return out
}

// Clean reports whether every clause is computed or explained, every cited
// clause is listed, and every computing rule is reached.
func (rc *RegionCoverage) Clean() bool {
	return len(rc.Missing()) == 0 && len(rc.Unlisted()) == 0 && len(rc.Unreached) == 0 && len(rc.Document.Clauses) > 0
}

// Coverage joins each region's clause list, rules and `uncomputed` notes
// with the rules the golden cases of a run used.
func Coverage(ctx context.Context, set *policy.Set, sum *Summary) ([]*RegionCoverage, error) {
	used := map[string][]string{} // rule key → goldens
	goldens := map[string]int{}   // region → golden cases
	for _, o := range sum.Outcomes {
		for _, k := range o.Rules {
			used[k] = append(used[k], o.Name)
		}
		if o.Region != "" {
			goldens[o.Region]++
		}
	}
	var out []*RegionCoverage
	for _, id := range set.RegionIDs() {
		r := set.Regions[id]
		rc := &RegionCoverage{Region: id, Document: r.Document, Goldens: goldens[id]}
		rows := map[string]*ClauseRow{}
		row := func(clause string) *ClauseRow {
			if rows[clause] == nil {
				rows[clause] = &ClauseRow{Clause: clause}
			}
			return rows[clause]
		}
		for _, c := range r.Document.Clauses {
			row(c).Listed = true
		}
		for _, k := range r.RuleKeys() {
			dr := r.Rules[k]
			rc.Rules++
			if len(dr.Quote) > 0 {
				rc.Quoted++
			}
			for _, rd := range dr.Readings {
				rc.Readings = append(rc.Readings, RuleReading{Rule: dr, Reading: rd})
			}
			if dr.Decision == "uncomputed" {
				continue
			}
			// A coverage or parameters rule implements its clause too (it
			// bounds what plans may say), but only computing rules can be
			// reached by a case.
			cr := row(dr.Clause)
			cr.Rules = append(cr.Rules, RuleRef{Rule: dr})
			cr.Goldens = append(cr.Goldens, used[k]...)
			for _, a := range dr.Also {
				cr := row(a.Clause)
				cr.Rules = append(cr.Rules, RuleRef{Rule: dr, How: a.How})
				cr.Goldens = append(cr.Goldens, used[k]...)
			}
			if computingDecisions[dr.Decision] && len(used[k]) == 0 {
				rc.Unreached = append(rc.Unreached, dr)
			}
		}
		notes, err := r.Eval(ctx, "uncomputed", set.Input(policy.Context{Year: firstYear(r)}, nil))
		if err != nil {
			return nil, err
		}
		for _, n := range notes {
			reason, _ := n.Fields["reason"].(string)
			cr := row(n.Clause)
			cr.Explained = append(cr.Explained, reason)
		}
		order := map[string]int{}
		for i, c := range r.Document.Clauses {
			order[c] = i
		}
		for _, cr := range rows {
			slices.Sort(cr.Goldens)
			cr.Goldens = slices.Compact(cr.Goldens)
			rc.Rows = append(rc.Rows, cr)
		}
		sort.SliceStable(rc.Rows, func(i, j int) bool {
			a, b := rc.Rows[i], rc.Rows[j]
			if c := CompareClauses(a.Clause, b.Clause); c != 0 {
				return c < 0
			}
			if a.Listed != b.Listed {
				return a.Listed
			}
			return order[a.Clause] < order[b.Clause]
		})
		out = append(out, rc)
	}
	return out, nil
}

func firstYear(r *policy.Region) int {
	if len(r.Document.Years) == 0 {
		return 0
	}
	return r.Document.Years[0]
}

// WriteCoverage prints the clause coverage report as Markdown: per
// document, each clause in document order with the sentences its rules
// quote, its rules (and those implementing it by rank or selection) and
// the goldens that exercise them, or the reason it is not computed; then
// every declared reading, and what is missing.
func WriteCoverage(w io.Writer, rcs []*RegionCoverage) {
	for i, rc := range rcs {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "### %s — %s\n\n", rc.Region, documentName(rc.Document))
		fmt.Fprintln(w, "| 条款 | 原文 | 规则 | 示例 | 说明 |")
		fmt.Fprintln(w, "|---|---|---|---|---|")
		for _, r := range rc.Rows {
			var rules []string
			for _, ref := range r.Rules {
				dr := ref.Rule
				s := fmt.Sprintf("%s:%d %s", path.Base(dr.Rule.Location.File), dr.Rule.Location.Row, dr.Decision)
				if ref.How != "" {
					s += "（" + dr.Clause + "，" + ref.How + "）"
				}
				rules = append(rules, cell(s))
			}
			var goldens []string
			for _, g := range r.Goldens {
				goldens = append(goldens, strings.TrimSuffix(path.Base(g), ".yaml"))
			}
			note := strings.Join(r.Explained, "；")
			if !r.Listed {
				note = "**不在文件条款清单中** " + note
			}
			if len(r.Rules) == 0 && len(r.Explained) == 0 {
				note = "**既未计算也未说明**"
			}
			var quotes []string
			for _, q := range r.Quotes() {
				quotes = append(quotes, "「"+cell(q)+"」")
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", r.Clause, dash(strings.Join(quotes, "<br>")), dash(strings.Join(rules, "<br>")),
				dash(strings.Join(goldens, "<br>")), dash(cell(note)))
		}
		fmt.Fprintln(w)
		if len(rc.Readings) > 0 {
			fmt.Fprintf(w, "Readings declared (%d): where the text admits two readings, the one the rules take.\n\n", len(rc.Readings))
			for _, rd := range rc.Readings {
				fmt.Fprintf(w, "- %s「%s」（%s:%d %s）— chosen: %s; alternative: %s\n", rd.Rule.Clause, cell(rd.Text),
					path.Base(rd.Rule.Rule.Location.File), rd.Rule.Rule.Location.Row, rd.Rule.Decision, cell(rd.Chosen), cell(rd.Alternative))
			}
			fmt.Fprintln(w)
		}
		if len(rc.Unreached) == 0 {
			fmt.Fprintln(w, "Every rule is reached by a golden case.")
		} else {
			fmt.Fprintln(w, "Rules no golden case reaches:")
			for _, dr := range rc.Unreached {
				fmt.Fprintf(w, "- %s %s (clause %s) %s\n", dr.Pos, dr.Decision, dr.Clause, dr.Title)
			}
		}
		if m := rc.Missing(); len(m) > 0 {
			fmt.Fprintf(w, "Clauses neither computed nor explained: %s\n", strings.Join(m, "、"))
		}
		if u := rc.Unlisted(); len(u) > 0 {
			fmt.Fprintf(w, "Clauses cited but not in the document's clause list: %s\n", strings.Join(u, "、"))
		}
		if len(rc.Document.Clauses) == 0 {
			fmt.Fprintln(w, "The document lists no clauses (document.clauses).")
		}
	}
}

// WriteSummary prints one line per document: its worked examples, decision
// rules, the share that quote the document, the readings declared and how
// many clauses are computed or explained — the README's regions table,
// derived rather than kept by hand.
func WriteSummary(w io.Writer, rcs []*RegionCoverage) {
	fmt.Fprintln(w, "| region | document | worked examples | decision rules | quoting the document | readings declared | clauses computed | clauses explained, not computed |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|---:|---:|---:|")
	for _, rc := range rcs {
		var computed, explained int
		for _, r := range rc.Rows {
			switch {
			case len(r.Rules) > 0:
				computed++
			case len(r.Explained) > 0:
				explained++
			}
		}
		fmt.Fprintf(w, "| `%s` | %s | %d | %d | %d | %d | %d | %d |\n", rc.Region, cell(documentName(rc.Document)), rc.Goldens, rc.Rules, rc.Quoted,
			len(rc.Readings), computed, explained)
	}
}
