package policy

import (
	"fmt"
	"maps"

	"github.com/polc-dev/polc/compiler/params"
)

// WithParams returns a set like ps in which a region's parameters for one
// year are resolved once with overrides: a case of that region and year
// that gives no params of its own settles as if it gave these. The
// overrides are checked as a case's are (ParamsFor), and the error is the
// one a case giving them would get.
//
// It is for many cases sharing one params file — a population run with
// `polc sim --params`: resolved per case, each would get parameters of its
// own, and an engine caches plans by their parameters, so every person
// would evaluate Rego anew and the caches would grow with the population.
func (ps *Set) WithParams(region string, year int, overrides []params.Override) (*Set, error) {
	r, ok := ps.Regions[region]
	if !ok {
		return nil, fmt.Errorf("unknown region %q", region)
	}
	p, err := r.ParamsFor(year, overrides)
	if err != nil {
		return nil, err
	}
	out := *ps
	out.Regions = maps.Clone(ps.Regions)
	out.Regions[region] = r.withYearParams(year, p)
	return &out, nil
}

// withYearParams is a copy of the region whose parameters for year are p.
// Every field is shared but years (and the validation cache, which starts
// empty): TestWithParamsCopiesEveryField fails when a field is added to
// Region and not here.
func (r *Region) withYearParams(year int, p *Params) *Region {
	years := maps.Clone(r.years)
	years[year] = p
	return &Region{
		ID:            r.ID,
		File:          r.File,
		Module:        r.Module,
		Document:      r.Document,
		Params:        r.Params,
		Bounds:        r.Bounds,
		Coverage:      r.Coverage,
		Rules:         r.Rules,
		source:        r.source,
		compiled:      r.compiled,
		guard:         r.guard,
		generated:     r.generated,
		decisionAttrs: r.decisionAttrs,
		readParams:    r.readParams,
		ruleParams:    r.ruleParams,
		queries:       r.queries,
		boundaries:    r.boundaries,
		years:         years,
		checkYears:    r.checkYears,
	}
}
