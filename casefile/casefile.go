// Package casefile reads a case file (golden/<region>/<name>.yaml, the case
// contract of DESIGN.md) strictly: an unknown key, a wrong type, a negative
// amount, out-of-catalog cost above the total, an unknown category or
// region, a claim dated outside the case's year, a basic_paid above the
// in-scope cost — each is an error at its line and column, and nothing is
// settled.
package casefile

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/literal"
	"github.com/polc-dev/polc/compiler/schema/shape"
	"github.com/polc-dev/polc/compiler/yamldoc"
	"github.com/polc-dev/polc/settle/money"
)

// Stage is the name case problems are reported under.
const Stage = "case"

// Limits on a case file: one person's year is a few dozen claims, rarely
// a few hundred; these leave room for that many times over and keep a
// hostile file from taking the machine's memory (a claim costs a few
// kilobytes once loaded and settled).
const (
	MaxCaseBytes = 2 << 20
	MaxClaims    = 5000
)

// Case is a loaded case: what settle needs, and the assertions to check on
// its result.
type Case struct {
	cases.Case
	Expect []Expectation
}

// Expectation is one `expect:` CEL assertion.
type Expectation struct {
	Source string
	Pos    diag.Position
}

// Catalog is what reading a case needs of a policy set: the shape of the
// schema it is written in and the regions with their years — not the
// compiled rules nor the schema's CEL, so the reader stands apart from both
// engines (*compiler.PolicySet is one).
type Catalog interface {
	CaseShape() *shape.Shape
	RegionIDs() []string
	// RegionYears gives a region's document number and benefit years.
	RegionYears(id string) (document string, years []int, ok bool)
}

// Regions lists the regions a case file names: the value of each top-level
// region key, read without a catalog. A command compiles only these before
// it reads its cases (compiler.Options.Regions), and that is enough: Load
// asks its catalog about no region outside this list, for it reads the
// region from the same nodes (TestRegionsCoverWhatLoadAsks, FuzzLoad). A
// file that does not parse names none.
func Regions(data []byte) []string {
	root, ds := yamldoc.Parse("", data)
	if ds.HasErrors() {
		return nil
	}
	var out []string
	for _, kv := range yamldoc.Pairs(root) {
		if k, v := kv[0], kv[1]; k.Value == "region" && v.Kind == yaml.ScalarNode && !slices.Contains(out, v.Value) {
			out = append(out, v.Value)
		}
	}
	return out
}

// Load reads one case file against a catalog of regions.
func Load(file string, data []byte, cat Catalog) (*Case, diag.List) {
	l := &loader{file: file, cat: cat, s: cat.CaseShape(), rules: NewRules(cat)}
	root, pds := yamldoc.Parse(file, data)
	if pds.HasErrors() {
		return nil, pds.WithStage(Stage)
	}
	c := &Case{Case: cases.Case{File: file, Pos: yamldoc.Pos(file, root)}}
	l.top(root, c)
	if l.ds.HasErrors() {
		return nil, l.ds
	}
	return c, nil
}

type loader struct {
	file  string
	cat   Catalog
	s     *shape.Shape
	rules *Rules
	ds    diag.List
}

func (l *loader) errorf(n *yaml.Node, format string, args ...any) {
	l.ds.Errorf(Stage, yamldoc.Pos(l.file, n), format, args...)
}

// fields walks a mapping, handing each known key to its handler and
// refusing the rest; required keys must be present.
func (l *loader) fields(n *yaml.Node, what string, handlers []field, required ...string) {
	if n.Kind != yaml.MappingNode {
		l.errorf(n, "%s: want a mapping", what)
		return
	}
	var seen uint64 // by handler, as there are fewer than 64
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		h := slices.IndexFunc(handlers, func(f field) bool { return f.key == k.Value })
		if h < 0 {
			l.errorf(k, "%s: unknown key %s (want %s)", what, diag.Quote(k.Value), keyList(handlers))
			continue
		}
		if seen&(1<<h) != 0 {
			l.errorf(k, "%s: %s given twice", what, k.Value)
			continue
		}
		seen |= 1 << h
		handlers[h].fn(k, v)
	}
	for _, r := range required {
		if h := slices.IndexFunc(handlers, func(f field) bool { return f.key == r }); h < 0 || seen&(1<<h) == 0 {
			l.errorf(n, "%s: %s is missing", what, r)
		}
	}
}

// field is how a mapping's key is read. A mapping's fields are a list, not
// a map: a case reads a few dozen of them, and building a map for each
// was a tenth of reading a case.
type field struct {
	key string
	fn  func(k, v *yaml.Node)
}

func keyList(h []field) string {
	keys := make([]string, 0, len(h))
	for _, f := range h {
		keys = append(keys, f.key)
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}

func (l *loader) top(root *yaml.Node, c *Case) {
	var paramsNode, claimsNode, regionNode, yearNode, enrollmentDateNode *yaml.Node
	l.fields(root, "case", []field{
		{"region", func(k, v *yaml.Node) {
			c.Region = l.str(v, "region")
			regionNode = v
		}},
		{"title", func(k, v *yaml.Node) { c.Title = l.str(v, "title") }},
		{"clauses", func(k, v *yaml.Node) { c.Clauses = l.strList(v, "clauses") }},
		{"year", func(k, v *yaml.Node) { c.Year, yearNode = l.integer(v, "year"), v }},
		{"params", func(k, v *yaml.Node) { paramsNode = v }},
		{"person", func(k, v *yaml.Node) { l.person(v, &c.Person) }},
		{"enrollment", func(k, v *yaml.Node) {
			l.fields(v, "enrollment", []field{
				{"tier", func(k, v *yaml.Node) {
					c.Enrollment.Tier = v.Value
					if err := l.rules.EnrollmentTier(v.Value); err != nil {
						l.errorf(v, "enrollment.tier: %v", err)
					}
				}},
				{"date", func(k, v *yaml.Node) { c.Enrollment.Date, enrollmentDateNode = l.date(v, "enrollment.date"), v }},
			}, "tier")
		}},
		{"claims", func(k, v *yaml.Node) { claimsNode = v }},
		{"expect", func(k, v *yaml.Node) {
			if v.Kind != yaml.SequenceNode {
				l.errorf(v, "expect: want a list of CEL assertions")
				return
			}
			for _, item := range v.Content {
				c.Expect = append(c.Expect, Expectation{Source: l.str(item, "expect"), Pos: yamldoc.Pos(l.file, item)})
			}
		}},
	}, "region", "year", "person", "enrollment", "claims")
	if c.Region != "" {
		regionErr, yearErr := l.rules.Region(c.Region, c.Year)
		if regionErr != nil {
			l.errorf(regionNode, "%v", regionErr)
		} else if c.Year != 0 && yearErr != nil {
			l.errorf(yearNode, "%v", yearErr)
		}
	}
	if paramsNode != nil {
		l.params(paramsNode, nil, &c.Overrides)
	}
	if claimsNode != nil {
		l.claims(claimsNode, c)
	}
	if c.Year != 0 && !EnrolledBy(c.Enrollment.Date, c.Year) {
		l.errorf(enrollmentDateNode, "enrollment.date %s is after the case year %d", c.Enrollment.Date, c.Year)
	}
}

func (l *loader) person(n *yaml.Node, p *cases.Person) {
	l.fields(n, "person", []field{
		{"categories", func(k, v *yaml.Node) {
			if v.Kind != yaml.SequenceNode {
				l.errorf(v, "person.categories: want a list of category ids")
				return
			}
			p.Categories = []string{}
			for _, item := range v.Content {
				if !l.s.Vocabulary("category").Has(item.Value) {
					l.errorf(item, "person.categories: %v", l.rules.Category(item.Value, nil))
					continue
				}
				// Each earlier category on its own, so that every clash is
				// reported, not the first.
				for i := range p.Categories {
					if err := l.rules.Category(item.Value, p.Categories[i:i+1]); err != nil {
						l.errorf(item, "person.categories: %v", err)
					}
				}
				p.Categories = append(p.Categories, item.Value)
			}
		}},
		{"age", func(k, v *yaml.Node) {
			a := l.integer(v, "person.age")
			if err := l.rules.Age(a); err != nil {
				l.errorf(v, "person.age %v", err)
			}
			p.Age = &a
		}},
		{"residence", func(k, v *yaml.Node) {
			p.Residence = v.Value
			if err := l.rules.Residence(v.Value); err != nil {
				l.errorf(v, "person.residence: %v", err)
			}
		}},
		{"county", func(k, v *yaml.Node) { p.County = l.str(v, "person.county") }},
		{"recognized", func(k, v *yaml.Node) { p.Recognized = l.date(v, "person.recognized") }},
		{"exit_year", func(k, v *yaml.Node) {
			y := l.integer(v, "person.exit_year")
			p.ExitYear = &y
		}},
		{"household", func(k, v *yaml.Node) {
			h := &cases.Household{}
			l.fields(v, "person.household", []field{
				{"size", func(k, v *yaml.Node) {
					s := l.integer(v, "person.household.size")
					h.Size = &s
				}},
				{"annual_disposable_income", func(k, v *yaml.Node) {
					d := l.amount(v, "person.household.annual_disposable_income")
					h.AnnualDisposableIncome = &d
				}},
				{"assets_within_limit", func(k, v *yaml.Node) {
					b := l.boolean(v, "person.household.assets_within_limit")
					h.AssetsWithinLimit = &b
				}},
			})
			p.Household = h
		}},
	}, "categories", "age", "residence")
}

func (l *loader) claims(n *yaml.Node, c *Case) {
	if n.Kind != yaml.SequenceNode {
		l.errorf(n, "claims: want a list")
		return
	}
	if len(n.Content) > MaxClaims {
		l.errorf(n, "claims: %d claims, more than the %d a case may hold (one person's year)", len(n.Content), MaxClaims)
		return
	}
	ids := map[string]bool{}
	for _, item := range n.Content {
		cl := cases.Claim{Pos: yamldoc.Pos(l.file, item)}
		var totalNode, oocNode, basicNode *yaml.Node
		l.fields(item, "claim", []field{
			{"id", func(k, v *yaml.Node) {
				cl.ID = l.str(v, "claim id")
				if ids[cl.ID] {
					l.errorf(v, "claim id %s is used twice", diag.Quote(cl.ID))
				}
				ids[cl.ID] = true
			}},
			{"date", func(k, v *yaml.Node) {
				cl.Date = l.date(v, "claim date")
				if cl.Date != "" && c.Year != 0 && !InYear(cl.Date, c.Year) {
					l.errorf(v, "claim date %s is outside the case year %d", cl.Date, c.Year)
				}
			}},
			{"kind", func(k, v *yaml.Node) {
				cl.Kind = v.Value
				if err := l.rules.ClaimKind(v.Value); err != nil {
					l.errorf(v, "claim kind %v", err)
				}
			}},
			{"hospital_level", func(k, v *yaml.Node) {
				cl.HospitalLevel = v.Value
				if err := l.rules.HospitalLevel(v.Value); err != nil {
					l.errorf(v, "hospital_level %v", err)
				}
			}},
			{"referred", func(k, v *yaml.Node) { cl.Referred = l.boolean(v, "referred") }},
			{"disease", func(k, v *yaml.Node) { cl.Disease = l.str(v, "disease") }},
			{"uninsured", func(k, v *yaml.Node) { cl.Uninsured = l.boolean(v, "uninsured") }},
			{"total", func(k, v *yaml.Node) { cl.Total, totalNode = l.money(v, "total"), v }},
			{"out_of_catalog", func(k, v *yaml.Node) { cl.OutOfCatalog, oocNode = l.money(v, "out_of_catalog"), v }},
			{"basic_paid", func(k, v *yaml.Node) {
				d := l.money(v, "basic_paid")
				cl.BasicPaid, basicNode = &d, v
			}},
		}, "id", "date", "kind", "hospital_level", "referred", "total")
		if oocNode != nil && totalNode != nil {
			if err := OutOfCatalogWithin(&cl); err != nil {
				l.errorf(oocNode, "%v", err)
			}
		}
		if basicNode != nil && totalNode != nil {
			if err := BasicPaidWithin(&cl); err != nil {
				l.errorf(basicNode, "%v", err)
			}
		}
		if basicNode != nil {
			if err := BasicPaidInsured(&cl); err != nil {
				l.errorf(basicNode, "%v", err)
			}
		}
		c.Claims = append(c.Claims, cl)
	}
}

// params flattens the case's params into overrides, one per parameter,
// each at its own position; bands are one parameter.
func (l *loader) params(n *yaml.Node, path []string, out *[]cases.Override) {
	if len(path) > 0 {
		if node, ok := l.s.LookupParam(path); ok && node.Leaf != nil {
			v, err := yamldoc.Value(n)
			if err != nil {
				l.errorf(n, "params %s: %v", strings.Join(path, "."), err)
				return
			}
			*out = append(*out, cases.Override{Path: strings.Join(path, "."), Value: v, Pos: yamldoc.Pos(l.file, n)})
			return
		}
	}
	if n.Kind != yaml.MappingNode {
		l.errorf(n, "params %s: want a mapping", strings.Join(path, "."))
		return
	}
	for _, kv := range yamldoc.Pairs(n) {
		p := append(append([]string{}, path...), kv[0].Value)
		if _, ok := l.s.LookupParam(p); !ok {
			full := strings.Join(p, ".")
			l.errorf(kv[0], "params: %s is not a parameter of the schema%s", diag.Cut(full), l.s.SuggestParam(full))
			continue
		}
		l.params(kv[1], p, out)
	}
}

func (l *loader) str(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		l.errorf(n, "%s: want a string", what)
		return ""
	}
	return n.Value
}

func (l *loader) strList(n *yaml.Node, what string) []string {
	if n.Kind != yaml.SequenceNode {
		l.errorf(n, "%s: want a list of strings", what)
		return nil
	}
	out := []string{}
	for _, item := range n.Content {
		out = append(out, l.str(item, what))
	}
	return out
}

func (l *loader) integer(n *yaml.Node, what string) int {
	i, err := strconv.Atoi(n.Value)
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || err != nil {
		l.errorf(n, "%s: want a whole number, not %s", what, diag.Quote(n.Value))
		return 0
	}
	return i
}

// boolean reads true or false, spelt so. YAML also resolves True and TRUE
// to booleans; reading only the text "true" as true would make them
// silently false, so every other spelling is refused.
func (l *loader) boolean(n *yaml.Node, what string) bool {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" || (n.Value != "true" && n.Value != "false") {
		l.errorf(n, "%s: want true or false, not %s", what, diag.Quote(n.Value))
		return false
	}
	return n.Value == "true"
}

// amount reads an amount exactly from its literal text; negative amounts
// are refused.
func (l *loader) amount(n *yaml.Node, what string) decimal.Decimal {
	v, err := yamldoc.Value(n)
	var d decimal.Decimal
	if err == nil {
		d, err = literal.Number(v)
	}
	if err != nil || n.Kind != yaml.ScalarNode {
		l.errorf(n, "%s: want an amount of money, not %s", what, diag.Quote(n.Value))
		return decimal.Zero
	}
	if d.IsNegative() {
		l.errorf(n, "%s is negative (%s)", what, diag.Cut(n.Value))
		return decimal.Zero
	}
	if d.Exponent() < -2 {
		l.errorf(n, "%s %s has more than two decimals: money is in yuan and fen", what, diag.Cut(n.Value))
		return decimal.Zero
	}
	if _, err := money.FromDecimal(d); err != nil {
		l.errorf(n, "%s: %v", what, err)
		return decimal.Zero
	}
	return d
}

// money reads a claim's amount into the settlement's exact fen (amount
// has refused what does not convert, giving zero).
func (l *loader) money(n *yaml.Node, what string) money.Amount {
	m, _ := money.FromDecimal(l.amount(n, what))
	return m
}

func (l *loader) date(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode || !yamldoc.IsDate(n.Value) {
		l.errorf(n, "%s: want a date of the calendar, YYYY-MM-DD, not %s", what, diag.Quote(n.Value))
		return ""
	}
	return n.Value
}
