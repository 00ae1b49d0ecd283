package harness

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle"
)

// SettleCase reads one case file's text against a set and settles it:
// what polc settle does for each file and polc serve for each request, so
// that both give the same result or the same diagnostics. name is how the
// result and the diagnostics name the case.
func SettleCase(ctx context.Context, set *policy.Set, engine *settle.Engine, name string, data []byte) (*settle.Result, diag.List) {
	cf, ds := casefile.Load(name, data, set.Catalog())
	if ds.HasErrors() {
		return nil, ds
	}
	res, err := engine.Settle(ctx, &cf.Case)
	if err != nil {
		return nil, AsDiagnostics(err)
	}
	return res, nil
}

// CompareCase reads one case file's text and compares it across regions
// (Compare): polc compare's work for a file, polc serve's for a request.
// A bad case gives the diagnostics polc settle would give.
func CompareCase(ctx context.Context, set *policy.Set, engine *settle.Engine, name string, data []byte, regions []string) (*Comparison, diag.List) {
	cf, ds := casefile.Load(name, data, set.Catalog())
	if ds.HasErrors() {
		return nil, ds
	}
	cmp, err := Compare(ctx, set, engine, &cf.Case, regions)
	if err != nil {
		return nil, AsDiagnostics(err)
	}
	return cmp, nil
}

// CheckRegions refuses a region to compare in that the set does not have,
// or one given twice; where says where the list was given (in --regions,
// in ?regions=).
func CheckRegions(regions, known []string, where string) error {
	for i, r := range regions {
		if !slices.Contains(known, r) {
			return fmt.Errorf("unknown region %q %s (the policy set has %s)", r, where, strings.Join(known, ", "))
		}
		if slices.Contains(regions[:i], r) {
			return fmt.Errorf("region %q is given twice %s", r, where)
		}
	}
	return nil
}

// NamedIDs lists, per vocabulary (category, claim_kind, hospital_level),
// the ids a region's module or params file names, sorted: what a person or
// a claim of that region can be, for a form or a catalogue of regions.
func NamedIDs(set *policy.Set, region string) map[string][]string {
	r, ok := set.Regions[region]
	if !ok {
		return nil
	}
	out := map[string][]string{}
	for vocab, ids := range namedIDs(set.Schema.Shape, r) {
		list := make([]string, 0, len(ids))
		for id := range ids {
			list = append(list, id)
		}
		sort.Strings(list)
		out[vocab] = list
	}
	return out
}
