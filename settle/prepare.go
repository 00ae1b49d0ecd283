package settle

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle/money"
)

// prepared is a plan with each tier's terms already tilted and in the
// claim loop's exact units: both depend only on the context, so both are
// cached, and the loop reads nothing else of the plan.
type prepared struct {
	rules        []string // the keys of the rules that made the plan
	tiers        [accumulatedTiers]*terms
	counting     [accumulatedTiers]*counting
	capped       []*terms // the capped tiers, basic aside, for the invariants
	outOfCatalog *outOfCatalog
	topUp        *topUp
	basicClause  string
	basicGroup   int // a given basic_paid is paid from the group "basic"
	// params are the parameters the plan's rules read; absent the region's
	// tiers the plan has no terms for, with the reason.
	params []string
	absent []TierNote
	// flat is the plan as Engine.Figures' totals-only loop reads it; nil
	// if it has none (flatten), and the person settles by Settle.
	flat *flatPlan
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
	params        map[string]string
}

type topUp struct {
	target Ratio
	clause string
	terms  *terms // its cap group and cap
	params map[string]string
}

type counting struct {
	below, above Ratio
	clause       string
}

func prepare(plan *policy.Plan, groups *groupIDs) (*prepared, error) {
	p := &prepared{rules: plan.Rules, params: plan.Params, basicGroup: groups.id("basic")}
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
				oc := &outOfCatalog{hospitalBears: t.HospitalBears, clause: t.Limit.Clause, params: figureParams("limit", t.Limit)}
				if oc.limit, err = money.RateFromDecimal(t.Limit.Value); err != nil {
					return nil, fmt.Errorf("out-of-catalog limit (clause %s): %v", t.Limit.Clause, err)
				}
				p.outOfCatalog = oc
			}
		case id == "top_up":
			if t.Target != nil {
				top := &topUp{clause: t.Target.Clause, params: figureParams("target", t.Target)}
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
	p.flat = flatten(p)
	return p, nil
}

// terms are a tier's terms with its tilts applied — the deductible scaled
// and rounded, the ratio raised, the cap removed — in the claim loop's
// exact units. They are cached with the plan and shared by every result
// that points into them, so they are never changed once prepared.
type terms struct {
	tier       string
	index      tierIndex // for the accumulated tiers
	deductible Money
	bands      []band // a plain ratio is one band with no end
	capped     bool
	cap        Money
	perClaim   bool
	group      string
	groupID    int // the group's number in the engine
	clause     string
	clauses    []string
	note       string            // what the tilts did, for the reviewer
	params     map[string]string // the parameter each term was read from
}

// figureParams names the parameter behind each figure that has one, by the
// figure's field; nil if none has.
func figureParams(fields ...any) map[string]string {
	var out map[string]string
	for i := 0; i+1 < len(fields); i += 2 {
		f, _ := fields[i+1].(*policy.Figure)
		if f == nil || f.Param == "" {
			continue
		}
		if out == nil {
			out = map[string]string{}
		}
		out[fields[i].(string)] = f.Param
	}
	return out
}

// band is one band of a tier's ratio; upto is its absolute end on the
// year's accumulation unless it is open.
type band struct {
	upto  Money
	open  bool
	ratio Ratio
}

// percent writes a ratio as the documents do: 0.5 is 50%.
func percent(d decimal.Decimal) string { return d.Mul(decimal.NewFromInt(100)).String() + "%" }

// effective applies a tier's tilts, in decimal from the plan's literal
// values, and converts the result exactly for the claim loop.
func effective(t *policy.Terms) (*terms, error) {
	out := &terms{tier: t.Tier, perClaim: t.DeductibleBasis == "per_claim", group: t.CapGroup, clauses: t.Clauses}
	deductible := decimal.Zero
	if t.Deductible != nil {
		deductible = t.Deductible.Value
	}
	var bands []policy.Band
	switch {
	case len(t.Bands) > 0:
		bands = append(bands, t.Bands...)
		out.clause = t.BandsClause
	case t.Ratio != nil:
		bands = []policy.Band{{Ratio: t.Ratio.Value}}
		out.clause = t.Ratio.Clause
	}
	var cap *decimal.Decimal
	if t.AnnualCap != nil {
		cap = &t.AnnualCap.Value
	}
	if out.clause == "" && len(t.Clauses) > 0 {
		out.clause = t.Clauses[0]
	}
	// Tilts compose in one order whatever the order of the rules that state
	// them: the deductible factor; then floors, a minimum level of the
	// ordinary terms; then points added to that level (提高N个百分点 is
	// relative to what others get), at most 1; then the cap removed. The
	// compiler lets at most one rule set each operation of a tier.
	var factor, floor, add *decimal.Decimal
	removeCap := false
	for _, tl := range t.Tilts {
		if tl.DeductibleFactor != nil {
			factor = tl.DeductibleFactor
		}
		if tl.RatioFloor != nil {
			floor = tl.RatioFloor
		}
		if tl.RatioAdd != nil {
			add = tl.RatioAdd
		}
		removeCap = removeCap || tl.RemoveCap
	}
	var tilted []string
	if factor != nil {
		before := deductible
		deductible = deductible.Mul(*factor).Round(2)
		tilted = append(tilted, fmt.Sprintf("起付线 %s × %s = %s", before.StringFixed(2), percent(*factor), deductible.StringFixed(2)))
	}
	if floor != nil {
		tilted = append(tilted, "比例不低于"+percent(*floor))
	}
	if add != nil {
		tilted = append(tilted, "比例提高"+add.Mul(decimal.NewFromInt(100)).String()+"个百分点（至多100%）")
	}
	one := decimal.NewFromInt(1)
	for i := range bands {
		if floor != nil && bands[i].Ratio.LessThan(*floor) {
			bands[i].Ratio = *floor
		}
		if add != nil {
			bands[i].Ratio = decimal.Min(one, bands[i].Ratio.Add(*add))
		}
	}
	if removeCap {
		cap = nil
		tilted = append(tilted, "不设封顶线")
	}
	ratioFigure := t.Ratio
	if len(t.Bands) > 0 {
		ratioFigure = &policy.Figure{Param: t.BandsParam}
	}
	capFigure := t.AnnualCap
	if removeCap {
		capFigure = nil
	}
	out.params = figureParams("deductible", t.Deductible, "ratio", ratioFigure, "annual_cap", capFigure)
	if len(tilted) > 0 {
		out.note = "按条款调整：" + strings.Join(tilted, "；")
	}

	var err error
	if out.deductible, err = money.FromDecimal(deductible); err != nil {
		return nil, fmt.Errorf("%s deductible: %v", t.Tier, err)
	}
	if cap != nil {
		out.capped = true
		if out.cap, err = money.FromDecimal(*cap); err != nil {
			return nil, fmt.Errorf("%s annual cap: %v", t.Tier, err)
		}
	}
	for _, b := range bands {
		var eb band
		if eb.ratio, err = money.RateFromDecimal(b.Ratio); err != nil {
			return nil, fmt.Errorf("%s ratio: %v", t.Tier, err)
		}
		if eb.open = b.Upto == nil; !eb.open {
			if eb.upto, err = money.FromDecimal(*b.Upto); err != nil {
				return nil, fmt.Errorf("%s band edge: %v", t.Tier, err)
			}
		}
		out.bands = append(out.bands, eb)
	}
	return out, nil
}
