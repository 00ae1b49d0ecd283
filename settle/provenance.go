package settle

import (
	"encoding/json"
	"slices"

	"github.com/polc-dev/polc/compiler/schema"
	"github.com/polc-dev/polc/policy"
)

// parameterUses resolves the parameter paths a settlement read to their
// values and who gave them, in path order, each once.
func parameterUses(p *policy.Params, paths []string) []ParamUse {
	paths = slices.Clone(paths)
	slices.Sort(paths)
	paths = slices.Compact(paths)
	out := make([]ParamUse, 0, len(paths))
	for _, path := range paths {
		l, ok := p.Resolved.Leaves[path]
		if !ok {
			continue
		}
		out = append(out, ParamUse{Path: path, Value: valueText(l.Value), GivenBy: string(l.Given), Illustrative: l.Illustrative,
			Source: l.Source, Clause: l.Clause, FallsBackTo: l.Wide})
	}
	return out
}

// valueText is a parameter's value as its literal text: a number as
// written, a list of bands as compact JSON.
func valueText(v any) string {
	if n, ok := v.(json.Number); ok {
		return n.String()
	}
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(b)
}

// readingsOf lists the declared readings of the rules a settlement used,
// in the module's order, each once.
func readingsOf(r *policy.Region, keys []string) []ReadingUse {
	rules := make([]*policy.DecisionRule, 0, len(keys))
	for _, k := range keys {
		if dr := r.Rules[k]; dr != nil && len(dr.Readings) > 0 {
			rules = append(rules, dr)
		}
	}
	slices.SortFunc(rules, func(a, b *policy.DecisionRule) int {
		return a.Rule.Location.Row - b.Rule.Location.Row
	})
	var out []ReadingUse
	for _, dr := range rules {
		for _, rd := range dr.Readings {
			u := ReadingUse{Clause: dr.Clause, Text: rd.Text, Chosen: rd.Chosen, Alternative: rd.Alternative}
			if !slices.Contains(out, u) {
				out = append(out, u)
			}
		}
	}
	return out
}

// absentTiers are the region's tiers a plan gives no terms for, each with
// the reason its coverage statements give.
func absentTiers(r *policy.Region, s *schema.Schema, plan *policy.Plan) []TierNote {
	var out []TierNote
	for _, tier := range r.Tiers() {
		if plan.Tier(tier) != nil {
			continue
		}
		if why := r.Uncovered(s, tier, plan.Context); why != "" {
			out = append(out, TierNote{Tier: tier, Reason: why})
		}
	}
	return slices.Clip(out)
}
