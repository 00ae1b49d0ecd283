package compiler

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler/schema"
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

// dim is one dimension of a decision's space.
type dim struct {
	name   string
	values int
	set    func(ctx *Context, i int)
	show   func(i int, ctx *Context) string // the value in words, given the context it is set in
}

// space is one decision's context space.
type space struct {
	region   *Region
	decision string
	dims     []dim // dims[0] is the category sets, dims[1] the years
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
		n *= d.values
	}
	return n
}

// categorySets are the sets of categories the exhaustive stage tries for a
// region: none, each named category alone, each pair of them the schema
// allows together, and those it is told of.
func (c *Compiler) categorySets(r *Region) [][]string {
	named := r.namedCategories(c)
	sets := [][]string{{}}
	for _, a := range named {
		sets = append(sets, []string{a})
	}
	for i, a := range named {
		for _, b := range named[i+1:] {
			if c.schema.Exclusive(a, b) == "" {
				sets = append(sets, []string{a, b})
			}
		}
	}
	// The combinations golden cases and --categories give, of known
	// categories only (a case naming another fails on its own).
	cats := c.schema.Vocabulary("category")
	for _, set := range c.opts.CategorySets[r.ID] {
		if !slices.ContainsFunc(set, func(id string) bool { return !cats.Has(id) }) {
			sets = append(sets, set)
		}
	}
	return dedupeSets(sets)
}

// newSpace lays out the dimensions of one decision of a region.
func (c *Compiler) newSpace(r *Region, decision string, sets [][]string) *space {
	sp := &space{region: r, decision: decision, sets: sets}
	attrs := r.decisionAttrs[decision]
	years := r.Document.Years
	add := func(name string, n int, set func(*Context, int), show func(int, *Context) string) {
		sp.dims = append(sp.dims, dim{name, n, set, show})
	}
	add("categories", len(sets), func(ctx *Context, i int) { ctx.Person.Categories = sets[i] }, func(i int, _ *Context) string {
		if len(sets[i]) == 0 {
			return "no category"
		}
		return strings.Join(sets[i], "+")
	})
	add("year", len(years), func(ctx *Context, i int) { ctx.Year = years[i] }, func(i int, _ *Context) string { return strconv.Itoa(years[i]) })
	if decision == "subsidy" || attrs["tier"] {
		tiers := c.schema.Vocabulary("enrollment_tier").IDs()
		add("tier", len(tiers), func(ctx *Context, i int) { ctx.EnrollmentTier = tiers[i] }, func(i int, _ *Context) string { return "tier " + tiers[i] })
	}
	// Dates are tried across the year in question: set after the year,
	// and written out once for each year (a rule reading a date is
	// evaluated on each of them in each year).
	dates := len(datesInYear(0))
	byYear := map[int][]string{}
	for _, y := range years {
		byYear[y] = datesInYear(y)
	}
	datesOf := func(y int) []string {
		if ds, ok := byYear[y]; ok {
			return ds
		}
		return datesInYear(y)
	}
	if attrs["enrollment_date"] {
		add("enrollment_date", dates, func(ctx *Context, i int) { ctx.EnrollmentDate = datesOf(ctx.Year)[i] }, func(_ int, ctx *Context) string {
			return dated("enrolled", ctx.EnrollmentDate)
		})
	}
	if attrs["recognized"] {
		add("recognized", dates, func(ctx *Context, i int) { ctx.Person.Recognized = datesOf(ctx.Year)[i] }, func(_ int, ctx *Context) string {
			return dated("recognised", ctx.Person.Recognized)
		})
	}
	residences := c.schema.Vocabulary("residence").IDs()
	for _, attr := range []string{"age", "residence", "county", "exit_year", "assets_within_limit"} {
		if !attrs[attr] {
			continue
		}
		vs := r.boundaries.variantsOf(attr, residences)
		add(attr, len(vs), func(ctx *Context, i int) {
			v := vs[i]
			switch attr {
			case "age":
				ctx.Person.Age = v.num
			case "residence":
				ctx.Person.Residence = v.str
			case "county":
				ctx.Person.County = v.str
			case "exit_year":
				ctx.Person.ExitYear = v.num
			case "assets_within_limit":
				ctx.Person.Household = &cases.Household{AssetsWithinLimit: v.boolean}
			}
		}, func(i int, _ *Context) string { return strings.ReplaceAll(attr, "_", " ") + " " + vs[i].text })
	}
	if decision == "plan" {
		kinds := c.schema.Vocabulary("claim_kind").IDs()
		levels := c.schema.Vocabulary("hospital_level").IDs()
		add("kind", len(kinds), func(ctx *Context, i int) { ctx.Claim.Kind = kinds[i] }, func(i int, _ *Context) string { return kinds[i] })
		add("hospital_level", len(levels), func(ctx *Context, i int) { ctx.Claim.HospitalLevel = levels[i] }, func(i int, _ *Context) string { return "level " + levels[i] })
		add("referred", 2, func(ctx *Context, i int) { ctx.Claim.Referred = i == 0 }, func(i int, _ *Context) string { return []string{"referred", "not referred"}[i] })
		if attrs["disease"] {
			vs := r.boundaries.variantsOf("disease", nil)
			add("disease", len(vs), func(ctx *Context, i int) { ctx.Claim.Disease = vs[i].str }, func(i int, _ *Context) string { return "disease " + vs[i].text })
		}
		if attrs["uninsured"] {
			add("uninsured", 2, func(ctx *Context, i int) { ctx.Claim.Uninsured = i == 1 }, func(i int, _ *Context) string { return []string{"insured", "uninsured"}[i] })
		}
	}
	return sp
}

// dated shows a date tried, or its absence.
func dated(what, date string) string {
	if date == "" {
		return what + " absent"
	}
	return what + " " + date
}

// context builds the context at a point of the space; dimensions the
// point leaves out (-1) stay absent, the year at the document's first.
func (sp *space) context(point []int) Context {
	ctx := Context{Year: sp.region.Document.Years[0], EnrollmentTier: "1"}
	if sp.decision == "plan" {
		ctx.Claim = &Claim{}
	}
	for d, i := range point {
		if i >= 0 {
			sp.dims[d].set(&ctx, i)
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
			parts = append(parts, sp.dims[d].show(i, &ctx))
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
			for _, c := range ExpandCategories(s, set) {
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
		name := sp.dims[d].name
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
		p.size *= sp.dims[d].values
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
		ps := sp.region.checkYears[year]
		if ps == nil {
			return nil
		}
		for _, ref := range rr.params {
			read[y] = append(read[y], paramsAt(ps.value, ref))
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

// paramsAt is what a reference into input.params reads of the parameters:
// the value at its path down to its first variable segment (all of them
// for a reference to input.params itself, or one whose second segment is
// a variable). Nil where the path is absent.
func paramsAt(params ast.Value, ref ast.Ref) ast.Value {
	if len(ref) < 2 || !ref[1].Equal(keyParams) {
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
		point[d] = (i / p.stride[d]) % sp.dims[d].values
	}
	return point, p.sets[i%len(p.sets)]
}

// ruleContext builds the rule's own context for one of its points.
func (sp *space) ruleContext(p *projection, i int) Context {
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
		n := sp.dims[d].values
		parts = append(parts, fmt.Sprintf("%s (%d %s)", sp.dims[d].name, n, plural(n, "value", "values")))
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
			if point[d] < sp.dims[d].values {
				break
			}
			point[d] = 0
		}
		if d < 0 {
			return
		}
	}
}

// NamesCategory reports whether the region's module names a category.
func (r *Region) NamesCategory(id string) bool {
	found := false
	ast.WalkTerms(r.Module, func(t *ast.Term) bool {
		if s, ok := t.Value.(ast.String); ok && string(s) == id {
			found = true
		}
		return found
	})
	return found
}

func (r *Region) namedCategories(c *Compiler) []string {
	cats := c.schema.Vocabulary("category")
	seen := map[string]bool{}
	ast.WalkTerms(r.Module, func(t *ast.Term) bool {
		if s, ok := t.Value.(ast.String); ok && cats.Has(string(s)) {
			seen[string(s)] = true
		}
		return false
	})
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func dedupeSets(sets [][]string) [][]string {
	seen := map[string]bool{}
	var out [][]string
	for _, s := range sets {
		cp := append([]string{}, s...)
		sort.Strings(cp)
		k := strings.Join(cp, ",")
		if !seen[k] {
			seen[k] = true
			out = append(out, cp)
		}
	}
	return out
}

// datesInYear are the days tried for a date a decision reads (when a
// category was recognised, when the person enrolled): absent, and the first
// and last day of each quarter of the year — enough to cross any cut-off a
// document sets by month.
func datesInYear(y int) []string {
	out := []string{""}
	for _, md := range []string{"01-01", "03-31", "04-01", "06-30", "07-01", "08-31", "09-01", "09-30", "10-01", "12-31"} {
		out = append(out, fmt.Sprintf("%04d-%s", y, md))
	}
	return out
}

// Dimension is one attribute of a decision's context space: how many
// values it takes, how the i-th is set in a context, and how it is said.
type Dimension struct {
	Name   string
	Values int
	Set    func(ctx *Context, i int)
	Show   func(i int, ctx *Context) string
}

// ContextSpace lays out the space the exhaustive stage evaluates a decision
// of a region over — the category sets (none, each category the module
// names, each pair the schema allows), the document's years, then each
// attribute the decision reads, with the values its rules compare it with —
// so that a tool building cases over a region (polc diff's grid) walks the
// contexts the check walks. The first dimension is the category sets and
// the second the years; a context is built by setting the dimensions in
// order (dates depend on the year). Nil for a region the set lacks.
func (ps *PolicySet) ContextSpace(region, decision string) []Dimension {
	r, ok := ps.Regions[region]
	if !ok {
		return nil
	}
	c := &Compiler{schema: ps.Schema}
	sp := c.newSpace(r, decision, c.categorySets(r))
	out := make([]Dimension, len(sp.dims))
	for i, d := range sp.dims {
		out[i] = Dimension{Name: d.name, Values: d.values, Set: d.set, Show: d.show}
	}
	return out
}
