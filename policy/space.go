package policy

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

// A decision's context space: the contexts the exhaustive check evaluates
// a decision of a region over (compiler/space.go), and polc diff's grid
// builds cases over (casegrid). It is laid out from what the compiler
// found of the region — which attributes each decision reads, and the
// constants its rules compare them with — so both walk the same contexts.

// Boundaries are, for each attribute the context space varies by value
// (age, county, exit year, disease …), the constants the region's rules
// compare it with (found by the compiler's reads stage): the values on
// either side of each are tried.
type Boundaries map[string][]*ast.Term

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
func (ps *Set) ContextSpace(region, decision string) []Dimension {
	r, ok := ps.Regions[region]
	if !ok {
		return nil
	}
	return r.Dimensions(ps.Schema, decision, r.CategorySets(ps.Schema, nil))
}

// CategorySets are the sets of categories the exhaustive check tries for
// a region: none, each category its module names alone, each pair of them
// the schema allows together, and the extra ones it is told of (golden
// cases' combinations, of known categories only).
func (r *Region) CategorySets(s *schema.Schema, extra [][]string) [][]string {
	named := r.namedCategories(s)
	sets := [][]string{{}}
	for _, a := range named {
		sets = append(sets, []string{a})
	}
	for i, a := range named {
		for _, b := range named[i+1:] {
			if s.Exclusive(a, b) == "" {
				sets = append(sets, []string{a, b})
			}
		}
	}
	// The combinations golden cases and --categories give, of known
	// categories only (a case naming another fails on its own).
	cats := s.Vocabulary("category")
	for _, set := range extra {
		if !slices.ContainsFunc(set, func(id string) bool { return !cats.Has(id) }) {
			sets = append(sets, set)
		}
	}
	return dedupeSets(sets)
}

// Dimensions lays out the space of one decision of a region over some
// category sets: the sets, the document's years, then each attribute the
// decision reads, with the values its rules compare it with. A context is
// built by setting the dimensions in order (dates depend on the year).
func (r *Region) Dimensions(s *schema.Schema, decision string, sets [][]string) []Dimension {
	var dims []Dimension
	attrs := r.decisionAttrs[decision]
	years := r.Document.Years
	add := func(name string, n int, set func(*Context, int), show func(int, *Context) string) {
		dims = append(dims, Dimension{name, n, set, show})
	}
	add("categories", len(sets), func(ctx *Context, i int) { ctx.Person.Categories = sets[i] }, func(i int, _ *Context) string {
		if len(sets[i]) == 0 {
			return "no category"
		}
		return strings.Join(sets[i], "+")
	})
	add("year", len(years), func(ctx *Context, i int) { ctx.Year = years[i] }, func(i int, _ *Context) string { return strconv.Itoa(years[i]) })
	if decision == "subsidy" || attrs["tier"] {
		tiers := s.Vocabulary("enrollment_tier").IDs()
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
	residences := s.Vocabulary("residence").IDs()
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
		kinds := s.Vocabulary("claim_kind").IDs()
		levels := s.Vocabulary("hospital_level").IDs()
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
	return dims
}

// dated shows a date tried, or its absence.
func dated(what, date string) string {
	if date == "" {
		return what + " absent"
	}
	return what + " " + date
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

func (r *Region) namedCategories(s *schema.Schema) []string {
	cats := s.Vocabulary("category")
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

// variantsOf gives the values the exhaustive stage tries for an attribute:
// the boundaries of the numbers any rule compares it with, each string
// compared, and absent where the case contract lets the attribute be
// absent.
func (b Boundaries) variantsOf(attr string, residences []string) []variant {
	consts := b[attr]
	var out []variant
	seen := map[string]bool{}
	add := func(v variant) {
		if !seen[v.text] {
			seen[v.text] = true
			out = append(out, v)
		}
	}
	switch attr {
	case "age":
		for _, c := range consts {
			if n, ok := c.Value.(ast.Number); ok {
				if i, err := strconv.Atoi(string(n)); err == nil {
					for _, a := range []int{i - 1, i} {
						if a >= 0 {
							add(intVariant(a))
						}
					}
				}
			}
		}
		if len(out) == 0 {
			add(intVariant(40))
		}
	case "exit_year":
		for _, c := range consts {
			if n, ok := c.Value.(ast.Number); ok {
				if i, err := strconv.Atoi(string(n)); err == nil {
					add(intVariant(i))
				}
			}
		}
		add(variant{text: "absent"})
	case "residence":
		for _, r := range residences {
			add(variant{text: r, str: r})
		}
	case "assets_within_limit":
		add(variant{text: "true", boolean: boolPtr(true)})
		add(variant{text: "false", boolean: boolPtr(false)})
	case "uninsured":
		add(variant{text: "false", boolean: boolPtr(false)})
		add(variant{text: "true", boolean: boolPtr(true)})
	default: // county, disease: the strings compared, or none
		for _, c := range consts {
			if s, ok := c.Value.(ast.String); ok {
				add(variant{text: string(s), str: string(s)})
			}
		}
		add(variant{text: "absent"})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].text < out[j].text })
	return out
}

type variant struct {
	text    string
	str     string
	num     *int
	boolean *bool
}

func intVariant(i int) variant { return variant{text: strconv.Itoa(i), num: &i} }
func boolPtr(b bool) *bool     { return &b }
