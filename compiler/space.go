package compiler

import (
	"fmt"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/polc-dev/polc/compiler/schema"
	"github.com/polc-dev/polc/policy"
)

// The exhaustive context space. A decision of a region is evaluated in
// every combination of what it depends on: each category set the check
// tries (no category, each category the module names alone, every pair of
// them the schema does not declare exclusive, and the combinations golden
// cases use) × the document's years × the enrollment tier × for plans each
// claim kind, hospital level and referral × the values of every other
// attribute a rule reads (the boundaries of the numbers it compares an age
// or exit year with, each county or disease it names, residences, dates
// across the year). That product is large — liujiang's plans alone come to
// tens of thousands of contexts — so no rule is evaluated in all of it:
// each rule is evaluated only over the dimensions it reads (reads.go), its
// categories narrowed to the ids it names when it only tests membership.
// The results are then joined, cheaply, over the whole product, where a
// plan's conflicts and gaps are found.

// space is one decision's context space.
type space struct {
	region   *region
	decision string
	dims     []policy.Dimension // dims[0] is the category sets, dims[1] the years
	sets     [][]string
}

// The indices of the two dimensions every space has.
const (
	dimCategories = 0
	dimYear       = 1
)

// size is the number of contexts in the whole space.
func (sp *space) size() int {
	n := 1
	for _, d := range sp.dims {
		n *= d.Values
	}
	return n
}

// categorySets are the category sets the exhaustive stage tries for a
// region: policy's, with the combinations it is told of.
func (c *Compiler) categorySets(r *region) [][]string {
	return r.CategorySets(c.schema, c.opts.CategorySets[r.ID])
}

// newSpace lays out the dimensions of one decision of a region
// (policy.Region.Dimensions).
func (c *Compiler) newSpace(r *region, decision string, sets [][]string) *space {
	return &space{region: r, decision: decision, dims: r.Dimensions(c.schema, decision, sets), sets: sets}
}

// context builds the context at a point of the space; dimensions the
// point leaves out (-1) stay absent, the year at the document's first.
func (sp *space) context(point []int) policy.Context {
	ctx := policy.Context{Year: sp.region.Document.Years[0], EnrollmentTier: "1"}
	if sp.decision == "plan" {
		ctx.Claim = &policy.Claim{}
	}
	for d, i := range point {
		if i >= 0 {
			sp.dims[d].Set(&ctx, i)
		}
	}
	return ctx
}

// describePoint says in words the values a point sets.
func (sp *space) describePoint(point []int) string {
	ctx := sp.context(point)
	var parts []string
	for d, i := range point {
		if i >= 0 {
			parts = append(parts, sp.dims[d].Show(i, &ctx))
		}
	}
	return strings.Join(parts, ", ")
}

// projection is one rule's view of a space: the dimensions it reads, its
// own category sets, and how a point of the space maps to its point.
type projection struct {
	reads  []int // dimension indices it reads: categories first, always; the rest when read
	sets   [][]string
	setOf  []int // the space's category set → the rule's
	stride []int // by dimension; 0 for one it does not read
	size   int
}

// project lays a rule over a space.
func (sp *space) project(rr *ruleReads, s *schema.Schema) *projection {
	p := &projection{stride: make([]int, len(sp.dims)), setOf: make([]int, len(sp.sets))}
	index := map[string]int{}
	for i, set := range sp.sets {
		var view []string
		switch {
		case !rr.attrs["categories"]:
		case rr.projectable:
			for _, c := range policy.ExpandCategories(s, set) {
				if slices.Contains(rr.categories, c) {
					view = append(view, c)
				}
			}
		default:
			view = set
		}
		k := strings.Join(view, ",")
		j, ok := index[k]
		if !ok {
			j = len(p.sets)
			index[k] = j
			p.sets = append(p.sets, view)
		}
		p.setOf[i] = j
	}
	p.size = len(p.sets)
	p.reads = []int{dimCategories}
	for d := dimYear; d < len(sp.dims); d++ {
		name := sp.dims[d].Name
		read := rr.attrs[name]
		if d == dimYear {
			// The dates tried are dates of the year in question, so a rule
			// reading a date reads the year with it.
			read = rr.attrs["year"] || rr.attrs["params"] || rr.attrs["enrollment_date"] || rr.attrs["recognized"]
		}
		if !read {
			continue
		}
		p.stride[d] = p.size
		p.size *= sp.dims[d].Values
		p.reads = append(p.reads, d)
	}
	return p
}

// sameYears is, for a rule that reads the year only through the
// parameters (no input.year, no date), the index of the first year whose
// parameters it reads are those of each year: a year it maps to an
// earlier one needs no evaluation of its own. Nil when every year must be
// evaluated. The parameters a rule reads are the references into
// input.params its closure makes (reads.go), each down to its first
// variable segment.
func (sp *space) sameYears(p *projection, rr *ruleReads) []int {
	if p.stride[dimYear] == 0 || rr.attrs["year"] || rr.attrs["enrollment_date"] || rr.attrs["recognized"] {
		return nil
	}
	years := sp.region.Document.Years
	read := make([][]ast.Value, len(years))
	for y, year := range years {
		ps, _ := sp.region.ParamsWithStandIns(year)
		if ps == nil {
			return nil
		}
		for _, ref := range rr.params {
			read[y] = append(read[y], paramsAt(ps.Value(), ref))
		}
	}
	same := make([]int, len(years))
	useful := false
	for y := range years {
		same[y] = y
		for e := range y {
			if slices.EqualFunc(read[y], read[e], valuesEqual) {
				same[y], useful = e, true
				break
			}
		}
	}
	if !useful {
		return nil
	}
	return same
}

// paramsKey is the input's key of the parameters.
var paramsKey = ast.StringTerm("params")

// paramsAt is what a reference into input.params reads of the parameters:
// the value at its path down to its first variable segment (all of them
// for a reference to input.params itself, or one whose second segment is
// a variable). Nil where the path is absent.
func paramsAt(params ast.Value, ref ast.Ref) ast.Value {
	if len(ref) < 2 || !ref[1].Equal(paramsKey) {
		return params
	}
	v := params
	for _, seg := range ref[2:] {
		if _, ok := seg.Value.(ast.String); !ok {
			break
		}
		obj, ok := v.(ast.Object)
		if !ok {
			break
		}
		t := obj.Get(seg)
		if t == nil {
			return nil
		}
		v = t.Value
	}
	return v
}

func valuesEqual(a, b ast.Value) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Compare(b) == 0
}

// at is the rule's point for a point of the whole space.
func (p *projection) at(point []int) int {
	i := p.setOf[point[dimCategories]]
	for _, d := range p.reads[1:] {
		i += point[d] * p.stride[d]
	}
	return i
}

// rulePoint is the point of the space a rule's point stands for, with
// the dimensions the rule does not read left out (-1), and the rule's own
// category set.
func (sp *space) rulePoint(p *projection, i int) ([]int, []string) {
	point := make([]int, len(sp.dims))
	for d := range point {
		point[d] = -1
	}
	for _, d := range p.reads[1:] {
		point[d] = (i / p.stride[d]) % sp.dims[d].Values
	}
	return point, p.sets[i%len(p.sets)]
}

// ruleContext builds the rule's own context for one of its points.
func (sp *space) ruleContext(p *projection, i int) policy.Context {
	point, set := sp.rulePoint(p, i)
	ctx := sp.context(point)
	ctx.Person.Categories = set
	return ctx
}

// describe says in words a rule's point: what it read there.
func (sp *space) describe(p *projection, i int) string {
	point, set := sp.rulePoint(p, i)
	cats := "no category"
	if len(set) > 0 {
		cats = strings.Join(set, "+")
	}
	if rest := sp.describePoint(point); rest != "" {
		return cats + ", " + rest
	}
	return cats
}

// describeSize explains what multiplies a rule's (or a space's) size, for
// a diagnostic.
func (sp *space) describeSize(dims []int, sets int) string {
	parts := []string{fmt.Sprintf("%d category sets", sets)}
	for _, d := range dims {
		if d == dimCategories {
			continue
		}
		n, unit := sp.dims[d].Values, "values"
		if n == 1 {
			unit = "value"
		}
		parts = append(parts, fmt.Sprintf("%s (%d %s)", sp.dims[d].Name, n, unit))
	}
	return strings.Join(parts, " × ")
}

// each calls f for every point of the whole space, in a fixed order.
func (sp *space) each(f func(point []int)) {
	point := make([]int, len(sp.dims))
	for {
		f(point)
		d := len(point) - 1
		for ; d >= 0; d-- {
			point[d]++
			if point[d] < sp.dims[d].Values {
				break
			}
			point[d] = 0
		}
		if d < 0 {
			return
		}
	}
}
