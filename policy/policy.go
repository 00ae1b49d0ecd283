// Package policy is the run-time side of a compiled policy set: the
// immutable Set of regions package compiler builds and checks, and
// everything that evaluates it — a region's prepared queries in the
// sandbox, the input built from a claim context, plans merged from the
// terms rules yield, the parameters of a year, where each figure came
// from, and what a decision reads (DecisionKey), which settlement caches
// by. It is OPA's topdown/rego to package compiler's ast: settle, sim,
// casegrid, policydiff and popgen read and evaluate a Set without the
// check stages, and only what builds a Set imports compiler.
package policy

import (
	"slices"
	"sort"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/polc-dev/polc/compiler/schema"
	"github.com/polc-dev/polc/compiler/schema/shape"
)

// PackagePrefix is the package path every region module lives under:
// policies/tongnan.rego is package regions.tongnan.
const PackagePrefix = "regions"

// Keys the compiler attaches to what a decision rule yields: the clause
// it implements and the rule's key (its position), so that every record
// says where it came from.
const (
	ClauseKey = "clause"
	RuleKey   = "_rule"
)

// ReservedPrefix is the prefix of every name of the evaluation form the
// compiler generates beside a region's module: a module may not use it.
const ReservedPrefix = "_polc_"

// AggregateRule names the generated rule that gathers a decision's rules
// (see compiler/generate.go): what Region.Eval queries.
func AggregateRule(decision string) string { return ReservedPrefix + decision }

// RuleName is the first segment of a rule's head: plan for `plan contains …`.
func RuleName(r *ast.Rule) string {
	ref := r.Head.Ref()
	if len(ref) == 0 {
		return ""
	}
	if v, ok := ref[0].Value.(ast.Var); ok {
		return string(v)
	}
	return ref[0].String()
}

// StageTiming is how long a stage of the compilation took, for `polc
// check --timings`. A per-region stage's is the sum over the regions,
// which run in parallel: the time it costs, not the time it kept anyone
// waiting.
type StageTiming struct {
	Stage    string
	Duration time.Duration
}

// Set is a compiled, checked set of regions. It is immutable and safe for
// concurrent use.
type Set struct {
	Schema  *schema.Schema
	Regions map[string]*Region
	Timings []StageTiming
	// Omitted are the regions of the folder that the compiler's
	// Options.Regions left out, sorted: known by their file names only,
	// neither read nor checked.
	Omitted []string
}

// CaseShape is the schema cases are read against (casefile.Catalog).
func (ps *Set) CaseShape() *shape.Shape { return ps.Schema.Shape }

// RegionYears gives a region's document number and benefit years
// (casefile.Catalog).
func (ps *Set) RegionYears(id string) (string, []int, bool) {
	r, ok := ps.Regions[id]
	if !ok {
		return "", nil, false
	}
	return r.Document.Number, r.Document.Years, true
}

// Catalog is the set as case files are read against it (casefile.Catalog).
// It names every region of the folder, the ones Options.Regions left out
// too, so that a case naming one of those is not told there is no such
// region; a command compiles the regions its cases name
// (casefile.Regions), so no case asks for the years of one left out.
func (ps *Set) Catalog() *Catalog { return &Catalog{ps} }

// Catalog is a Set as case files are read against it.
type Catalog struct{ set *Set }

// CaseShape is the schema cases are read against.
func (c *Catalog) CaseShape() *shape.Shape { return c.set.CaseShape() }

// RegionYears gives a compiled region's document number and benefit years.
func (c *Catalog) RegionYears(id string) (string, []int, bool) { return c.set.RegionYears(id) }

// RegionIDs lists every region of the folder, compiled or left out, sorted.
func (c *Catalog) RegionIDs() []string {
	return slices.Sorted(slices.Values(slices.Concat(c.set.RegionIDs(), c.set.Omitted)))
}

// RegionIDs lists the regions in sorted order.
func (ps *Set) RegionIDs() []string {
	ids := make([]string, 0, len(ps.Regions))
	for id := range ps.Regions {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
