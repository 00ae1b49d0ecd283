package policy

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler/schema"
)

// Claim is the part of a claim a plan depends on.
type Claim struct {
	Kind          string
	HospitalLevel string
	Referred      bool
	Disease       string
	Uninsured     bool // not insured, or in a waiting period, when the cost arose
}

// Context is everything a region's decision depends on. A plan depends on
// nothing else, which is what makes plans cacheable by context.
type Context struct {
	Year           int
	Person         cases.Person
	EnrollmentTier string
	EnrollmentDate string
	Claim          *Claim
}

// Detached is the context with copies of its strings: what an evaluation
// makes of it — records, plans, cached — then shares no memory with the
// case it came from (a population reader's text, reused for the next
// block).
func (ctx Context) Detached() Context {
	p := &ctx.Person
	if p.Categories != nil {
		cats := make([]string, len(p.Categories))
		for i, c := range p.Categories {
			cats[i] = strings.Clone(c)
		}
		p.Categories = cats
	}
	p.Residence, p.County, p.Recognized = strings.Clone(p.Residence), strings.Clone(p.County), strings.Clone(p.Recognized)
	ctx.EnrollmentTier, ctx.EnrollmentDate = strings.Clone(ctx.EnrollmentTier), strings.Clone(ctx.EnrollmentDate)
	if cl := ctx.Claim; cl != nil {
		ctx.Claim = &Claim{Kind: strings.Clone(cl.Kind), HospitalLevel: strings.Clone(cl.HospitalLevel), Referred: cl.Referred, Disease: strings.Clone(cl.Disease), Uninsured: cl.Uninsured}
	}
	return ctx
}

// Key is a canonical text of the context, for caches and messages.
func (ctx Context) Key() string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(ctx.Year))
	b.WriteString("|" + strings.Join(ctx.Person.Categories, ","))
	p := ctx.Person
	if p.Age != nil {
		b.WriteString("|age=" + strconv.Itoa(*p.Age))
	}
	if p.Residence != "" {
		b.WriteString("|" + p.Residence)
	}
	if p.County != "" {
		b.WriteString("|" + p.County)
	}
	if p.ExitYear != nil {
		b.WriteString("|exit=" + strconv.Itoa(*p.ExitYear))
	}
	if p.Recognized != "" {
		b.WriteString("|recognized=" + p.Recognized)
	}
	if h := p.Household; h != nil {
		if h.Size != nil {
			b.WriteString("|size=" + strconv.Itoa(*h.Size))
		}
		if h.AnnualDisposableIncome != nil {
			b.WriteString("|income=" + h.AnnualDisposableIncome.String())
		}
		if h.AssetsWithinLimit != nil {
			b.WriteString("|assets=" + strconv.FormatBool(*h.AssetsWithinLimit))
		}
	}
	if ctx.EnrollmentTier != "" {
		b.WriteString("|tier=" + ctx.EnrollmentTier)
	}
	if ctx.EnrollmentDate != "" {
		b.WriteString("|enrolled=" + ctx.EnrollmentDate)
	}
	if c := ctx.Claim; c != nil {
		b.WriteString("|" + c.Kind + "|L" + c.HospitalLevel)
		if c.Referred {
			b.WriteString("|referred")
		}
		if c.Disease != "" {
			b.WriteString("|" + c.Disease)
		}
		if c.Uninsured {
			b.WriteString("|uninsured")
		}
	}
	return b.String()
}

// Describe is the context in words for a diagnostic.
func (ctx Context) Describe() string {
	parts := []string{strconv.Itoa(ctx.Year)}
	if len(ctx.Person.Categories) > 0 {
		parts = append(parts, strings.Join(ctx.Person.Categories, "+"))
	} else {
		parts = append(parts, "no category")
	}
	if ctx.Person.Age != nil {
		parts = append(parts, "age "+strconv.Itoa(*ctx.Person.Age))
	}
	if ctx.Person.Residence != "" {
		parts = append(parts, ctx.Person.Residence)
	}
	if ctx.Person.County != "" {
		parts = append(parts, ctx.Person.County)
	}
	if ctx.Person.ExitYear != nil {
		parts = append(parts, "exit "+strconv.Itoa(*ctx.Person.ExitYear))
	}
	if ctx.Person.Recognized != "" {
		parts = append(parts, "recognised "+ctx.Person.Recognized)
	}
	if ctx.EnrollmentDate != "" {
		parts = append(parts, "enrolled "+ctx.EnrollmentDate)
	}
	if ctx.Claim == nil && ctx.EnrollmentTier != "" {
		parts = append(parts, "tier "+ctx.EnrollmentTier)
	}
	if c := ctx.Claim; c != nil {
		ref := "not referred"
		if c.Referred {
			ref = "referred"
		}
		parts = append(parts, c.Kind, "level "+c.HospitalLevel, ref)
		if c.Uninsured {
			parts = append(parts, "uninsured")
		}
	}
	return strings.Join(parts, ", ")
}

// ExpandCategories adds each category's ancestors: a rule for monitored
// applies to an edge_vulnerable person.
func ExpandCategories(s *schema.Schema, cats []string) []string {
	seen := map[string]bool{}
	for _, c := range cats {
		seen[c] = true
		for _, a := range s.Ancestors(c) {
			seen[a] = true
		}
	}
	out := make([]string, 0, len(seen))
	for c := range seen {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// Input builds the Rego input for a context.
func (ps *Set) Input(ctx Context, p *Params) ast.Value {
	return NewInput(ps.Schema, ctx, p)
}

// NewInput builds the Rego input for a context against a schema.
func NewInput(s *schema.Schema, ctx Context, p *Params) ast.Value {
	return BuildInput(CategoriesTerm(s, ctx.Person.Categories), ctx, p)
}

// CategoriesTerm is the input's person.categories: the categories with
// their ancestors, sorted.
func CategoriesTerm(s *schema.Schema, cats []string) *ast.Term {
	expanded := ExpandCategories(s, cats)
	terms := make([]*ast.Term, len(expanded))
	for i, c := range expanded {
		terms[i] = ast.StringTerm(c)
	}
	return ast.ArrayTerm(terms...)
}

// The keys of the input, made once: the check builds an input for each of
// some twenty thousand evaluations, and OPA never changes a term of its
// input.
var (
	keyYear, keyPerson, keyEnrollment, keyClaim, keyParams   = ast.StringTerm("year"), ast.StringTerm("person"), ast.StringTerm("enrollment"), ast.StringTerm("claim"), ast.StringTerm("params")
	keyCategories, keyAge, keyResidence, keyCounty           = ast.StringTerm("categories"), ast.StringTerm("age"), ast.StringTerm("residence"), ast.StringTerm("county")
	keyExitYear, keyRecognized, keyHousehold                 = ast.StringTerm("exit_year"), ast.StringTerm("recognized"), ast.StringTerm("household")
	keySize, keyIncome, keyAssets                            = ast.StringTerm("size"), ast.StringTerm("annual_disposable_income"), ast.StringTerm("assets_within_limit")
	keyTier, keyDate                                         = ast.StringTerm("tier"), ast.StringTerm("date")
	keyKind, keyLevel, keyReferred, keyDisease, keyUninsured = ast.StringTerm("kind"), ast.StringTerm("hospital_level"), ast.StringTerm("referred"), ast.StringTerm("disease"), ast.StringTerm("uninsured")
	noParams                                                 = ast.ObjectTerm()
)

// BuildInput is the input for a context whose categories term is made.
func BuildInput(cats *ast.Term, ctx Context, p *Params) ast.Value {
	person := make([][2]*ast.Term, 1, 7)
	person[0] = ast.Item(keyCategories, cats)
	if ctx.Person.Age != nil {
		person = append(person, ast.Item(keyAge, ast.IntNumberTerm(*ctx.Person.Age)))
	}
	if ctx.Person.Residence != "" {
		person = append(person, ast.Item(keyResidence, ast.StringTerm(ctx.Person.Residence)))
	}
	if ctx.Person.County != "" {
		person = append(person, ast.Item(keyCounty, ast.StringTerm(ctx.Person.County)))
	}
	if ctx.Person.ExitYear != nil {
		person = append(person, ast.Item(keyExitYear, ast.IntNumberTerm(*ctx.Person.ExitYear)))
	}
	if ctx.Person.Recognized != "" {
		person = append(person, ast.Item(keyRecognized, ast.StringTerm(ctx.Person.Recognized)))
	}
	if h := ctx.Person.Household; h != nil {
		var hh [][2]*ast.Term
		if h.Size != nil {
			hh = append(hh, ast.Item(keySize, ast.IntNumberTerm(*h.Size)))
		}
		if h.AnnualDisposableIncome != nil {
			hh = append(hh, ast.Item(keyIncome, ast.NumberTerm(json.Number(h.AnnualDisposableIncome.String()))))
		}
		if h.AssetsWithinLimit != nil {
			hh = append(hh, ast.Item(keyAssets, ast.BooleanTerm(*h.AssetsWithinLimit)))
		}
		person = append(person, ast.Item(keyHousehold, ast.ObjectTerm(hh...)))
	}
	items := make([][2]*ast.Term, 2, 5)
	items[0] = ast.Item(keyYear, ast.IntNumberTerm(ctx.Year))
	items[1] = ast.Item(keyPerson, ast.ObjectTerm(person...))
	if ctx.EnrollmentTier != "" {
		en := [][2]*ast.Term{ast.Item(keyTier, ast.StringTerm(ctx.EnrollmentTier))}
		if ctx.EnrollmentDate != "" {
			en = append(en, ast.Item(keyDate, ast.StringTerm(ctx.EnrollmentDate)))
		}
		items = append(items, ast.Item(keyEnrollment, ast.ObjectTerm(en...)))
	}
	if c := ctx.Claim; c != nil {
		cl := [][2]*ast.Term{
			ast.Item(keyKind, ast.StringTerm(c.Kind)),
			ast.Item(keyLevel, ast.StringTerm(c.HospitalLevel)),
			ast.Item(keyReferred, ast.BooleanTerm(c.Referred)),
		}
		if c.Disease != "" {
			cl = append(cl, ast.Item(keyDisease, ast.StringTerm(c.Disease)))
		}
		if c.Uninsured {
			cl = append(cl, ast.Item(keyUninsured, ast.BooleanTerm(true)))
		}
		items = append(items, ast.Item(keyClaim, ast.ObjectTerm(cl...)))
	}
	if p != nil {
		items = append(items, ast.Item(keyParams, ast.NewTerm(p.value)))
	} else {
		items = append(items, ast.Item(keyParams, noParams))
	}
	return ast.NewObject(items...)
}

// DecisionKey is the part of a context a decision of the region can depend
// on: the year, categories, enrollment tier, claim, household, and of the
// other attributes only those the decision's rules may read (as the
// compiler's reads stage found: a rule reading input.person through
// object.get reads all of it). Two contexts with the same key get the same decision, which is what lets the
// settlement engine evaluate Rego once per key — so the key errs on the
// side of reading too much.
func (r *Region) DecisionKey(decision string, ctx Context) string {
	used := r.decisionAttrs[decision]
	p := ctx.Person
	if !used["age"] {
		p.Age = nil
	}
	if !used["residence"] {
		p.Residence = ""
	}
	if !used["county"] {
		p.County = ""
	}
	if !used["exit_year"] {
		p.ExitYear = nil
	}
	if !used["recognized"] {
		p.Recognized = ""
	}
	if !used["enrollment_date"] {
		ctx.EnrollmentDate = ""
	}
	if !used["assets_within_limit"] && p.Household != nil {
		h := *p.Household
		h.AssetsWithinLimit = nil
		p.Household = &h
	}
	ctx.Person = p
	if c := ctx.Claim; c != nil && !used["disease"] && c.Disease != "" {
		cc := *c
		cc.Disease = ""
		ctx.Claim = &cc
	}
	return ctx.Key()
}

// Reads reports whether a decision's rules may read an attribute of the
// input (age, residence, county, exit_year, assets_within_limit, disease,
// recognized, enrollment_date, …: the names of compiler/reads.go).
func (r *Region) Reads(decision, attribute string) bool {
	return r.decisionAttrs[decision][attribute]
}
