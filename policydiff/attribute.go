package policydiff

import (
	"slices"
	"sort"
	"strings"

	"github.com/polc-dev/polc/settle"
)

// Attribution: each changed figure of a case is put down to the changed
// rules that produced it — of those the case used in either version (the
// rules of its settlement, settle.Result.Rules): a subsidy figure to the
// subsidy rules, a coverage date to the enrollment rules, a tier's payment
// to the plan rules giving that tier's terms. A figure that moved only
// because an earlier tier paid differently (the assistance after a
// critical-illness change) goes to the earlier tier's rules; a monitoring
// flag that moved because the measures did, to the plan rules; what no
// used rule explains, to the region's other changes (a contribution
// standard, the document), and failing that to none ("unattributed"). A
// case's group is the set of changes its figures were put down to, so
// every changed case is in exactly one group and the groups' totals add up
// to the region's.

// tierOrder is the order tiers pay in: a tier's figure can move because an
// earlier one paid differently.
var tierOrder = []string{"out_of_catalog", "basic", "critical", "assistance", "tilted", "top_up"}

// sourceOf says which decision a figure comes from and, for a claim's
// figure, which tier ("" for one all tiers shape: what is left to pay,
// the measures).
func sourceOf(name string) (decision, tier string) {
	switch {
	case strings.HasPrefix(name, "subsidy."):
		return "subsidy", ""
	case strings.HasPrefix(name, "coverage."):
		return "enrollment", ""
	case strings.HasPrefix(name, "monitoring."):
		return "monitoring", ""
	case strings.HasPrefix(name, "totals."), strings.HasPrefix(name, "claims."):
		field := name[strings.LastIndexByte(name, '.')+1:]
		switch field {
		case "hospital_borne":
			return "plan", "out_of_catalog"
		case "basic", "critical", "assistance", "tilted", "top_up":
			return "plan", field
		}
		return "plan", ""
	}
	return "", ""
}

// decisionsOf are the decisions whose rules a scope's figures come from:
// only these of the rules a case used count for it (a claim case's class,
// casegrid.Unit.Like, holds only the plan and enrollment rules).
func decisionsOf(sc scope) []string {
	switch sc {
	case scopeClaims:
		return []string{"plan", "enrollment"}
	case scopePerson:
		return []string{"subsidy", "enrollment"}
	case scopeMonitoring:
		return []string{"monitoring", "plan", "enrollment"}
	}
	return nil // every decision
}

// usedChanges are the changes of the rules a case used in either version,
// of the scope's decisions.
func (rc *regionChanges) usedChanges(before, after *settle.Result, sc scope) []*Change {
	decisions := decisionsOf(sc)
	seen := map[*Change]bool{}
	var out []*Change
	add := func(c *Change) {
		if c != nil && !seen[c] && (decisions == nil || slices.Contains(decisions, c.Decision)) {
			seen[c] = true
			out = append(out, c)
		}
	}
	if before != nil {
		for _, k := range before.Rules {
			add(rc.byBefore[k])
		}
	}
	if after != nil {
		for _, k := range after.Rules {
			add(rc.byAfter[k])
		}
	}
	return out
}

// attribute puts a case's changed figures down to changes.
func (rc *regionChanges) attribute(figs []FigureChange, used []*Change) []*Change {
	set := map[*Change]bool{}
	for _, f := range figs {
		for _, c := range rc.explain(f.Figure, used) {
			set[c] = true
		}
	}
	out := make([]*Change, 0, len(set))
	for c := range set {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if pi, pj := place(out[i]), place(out[j]); pi != pj {
			return pi < pj
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// explain finds the changes one figure is put down to.
func (rc *regionChanges) explain(name string, used []*Change) []*Change {
	decision, tier := sourceOf(name)
	var found []*Change
	if decision != "" {
		found = pick(used, decision, tier)
	}
	if len(found) == 0 && decision == "plan" && tier != "" {
		for _, earlier := range tierOrder[:slices.Index(tierOrder, tier)] {
			found = append(found, pick(used, "plan", earlier)...)
		}
	}
	if len(found) == 0 && decision == "monitoring" {
		found = pick(used, "plan", "")
	}
	if len(found) == 0 {
		found = used
	}
	if len(found) == 0 {
		found = rc.unread
	}
	if len(found) == 0 && name == "error" {
		// A version that failed used rules nobody can list: any changed
		// rule of the region may be why.
		found = rc.changes
	}
	if len(found) == 0 {
		found = []*Change{rc.none}
	}
	return found
}

// pick is the changes of a decision's rules and, for plan rules, of those
// giving a tier's terms (a rule naming no tier as text may give any).
func pick(cs []*Change, decision, tier string) []*Change {
	var out []*Change
	for _, c := range cs {
		if c.Decision == decision && (tier == "" || len(c.tiers) == 0 || slices.Contains(c.tiers, tier)) {
			out = append(out, c)
		}
	}
	return out
}
