package settle

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/settle/money"
)

// prepared is a plan with each tier's terms already tilted and in the
// claim loop's exact units: both depend only on the context, so both are
// cached, and the loop reads nothing else of the plan.
type prepared struct {
	plan         *compiler.Plan
	tiers        [accumulatedTiers]*terms
	counting     [accumulatedTiers]*counting
	capped       []*terms // the capped tiers, basic aside, for the invariants
	outOfCatalog *outOfCatalog
	topUp        *topUp
	basicClause  string
	basicGroup   int // a given basic_paid is paid from the group "basic"
}

// groupIDs numbers cap groups, engine-wide, so that plans for different
// contexts in one year charge the same accumulator for the same group.
type groupIDs struct {
	mu  sync.Mutex
	ids map[string]int
}

func (g *groupIDs) id(group string) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	id, ok := g.ids[group]
	if !ok {
		if g.ids == nil {
			g.ids = map[string]int{}
		}
		id = len(g.ids)
		g.ids[group] = id
	}
	return id
}

type outOfCatalog struct {
	limit         Ratio
	hospitalBears bool
	clause        string
}

type topUp struct {
	target Ratio
	clause string
	terms  *terms // its cap group and cap
}

type counting struct {
	below, above Ratio
	clause       string
}

func prepare(plan *compiler.Plan, groups *groupIDs) (*prepared, error) {
	p := &prepared{plan: plan, basicGroup: groups.id("basic")}
	var topTerms *terms
	// In a fixed order, so that of two bad tiers the same one is reported
	// every time.
	ids := slices.Sorted(maps.Keys(plan.Tiers))
	for _, id := range ids {
		t := plan.Tiers[id]
		eff, err := effective(t)
		if err != nil {
			return nil, fmt.Errorf("plan terms (clause %s): %v", strings.Join(t.Clauses, ", "), err)
		}
		eff.groupID = groups.id(eff.group)
		index := slices.Index(accumulatedTierIDs[:], id)
		switch {
		case id == "out_of_catalog":
			if t.Limit != nil {
				oc := &outOfCatalog{hospitalBears: t.HospitalBears, clause: t.Limit.Clause}
				if oc.limit, err = money.RateFromDecimal(t.Limit.Value); err != nil {
					return nil, fmt.Errorf("out-of-catalog limit (clause %s): %v", t.Limit.Clause, err)
				}
				p.outOfCatalog = oc
			}
		case id == "top_up":
			if t.Target != nil {
				top := &topUp{clause: t.Target.Clause}
				if top.target, err = money.RateFromDecimal(t.Target.Value); err != nil {
					return nil, fmt.Errorf("top-up target (clause %s): %v", t.Target.Clause, err)
				}
				p.topUp, topTerms = top, eff
			}
		case index >= 0:
			eff.index = tierIndex(index)
			p.tiers[index] = eff
		}
		if id == "basic" && len(t.Clauses) > 0 {
			p.basicClause = t.Clauses[0]
		}
		if c := t.Counting; c != nil && index >= 0 {
			w := &counting{clause: c.Clause}
			if w.below, err = money.RateFromDecimal(c.BelowBasicDeductible); err == nil {
				w.above, err = money.RateFromDecimal(c.AboveBasicDeductible)
			}
			if err != nil {
				return nil, fmt.Errorf("counting weights (clause %s): %v", c.Clause, err)
			}
			p.counting[index] = w
		}
	}
	// The top-up draws on the cap of the group it shares (the assistance
	// limit) without restating it.
	if top := p.topUp; top != nil {
		top.terms = topTerms
		if !topTerms.capped {
			for _, t := range p.tiers {
				if t != nil && t.groupID == topTerms.groupID && t.capped {
					inherited := *topTerms
					inherited.capped, inherited.cap = true, t.cap
					top.terms = &inherited
					break
				}
			}
		}
	}
	for _, t := range p.tiers[criticalTier:] {
		if t != nil && t.capped {
			p.capped = append(p.capped, t)
		}
	}
	if top := p.topUp; top != nil && top.terms.capped {
		p.capped = append(p.capped, top.terms)
	}
	return p, nil
}
