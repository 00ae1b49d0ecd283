// Package casegrid lays out the cases polc diff settles under two policy
// sets besides the golden ones: for each region, the contexts its decisions
// read — the category sets the exhaustive check tries (none, each category
// alone, each pair the schema allows), the years, claim kinds, hospital
// levels, referral, and the attributes its rules compare (age, residence,
// county, exit year, dates, disease …) — with amounts placed one fen below,
// at and one fen above every deductible, band edge and cap of the terms
// each set gives in that context, and every monitoring threshold.
//
// The amounts are found with the settlement itself: a context is probed
// with one very large claim, which shows every tier's terms as settlement
// applies them (tilts included), and the in-scope amount that puts a tier's
// accumulation at a boundary is searched for by settling single claims.
// Contexts whose earlier tiers have the same terms share those searches,
// and a context whose every term, and the rules giving it, is the same as
// an earlier one's under every set is marked like it (Unit.Like): its
// cases would settle the same, figure for figure.
package casegrid

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle"
)

// Kind says which figures of a grid case are its point: a case is compared
// on those alone, so that one change is not counted again in every case
// that merely carries it along (a subsidy in each claim case).
type Kind int

const (
	// Claim cases have one claim whose in-scope amount is placed at a
	// boundary of its terms; their point is the claim's figures.
	Claim Kind = iota
	// Person cases have no claims; their point is the subsidy and when
	// coverage starts.
	Person
	// Monitoring cases have one claim that puts a monitoring measure at a
	// threshold; their point is the flags.
	Monitoring
)

func (k Kind) String() string {
	return [...]string{"claim", "person", "monitoring"}[k]
}

// Case is one case of the grid.
type Case struct {
	Case cases.Case
	Kind Kind
	// Placed says why the claim's amount is what it is; zero for a person
	// case.
	Placed Placement
}

// Placement is where a case's amount is put: at a boundary of one tier's
// terms (on the tier's accumulation) or at a monitoring threshold (on the
// measure), or one fen either side of it.
type Placement struct {
	Tier     string       `json:"tier,omitempty"` // a tier id; for a threshold, the monitoring flag id
	Boundary string       `json:"boundary"`       // deductible, band, cap, limit (out of catalog), threshold, or sample
	At       settle.Money `json:"at"`             // the boundary
	Offset   settle.Money `json:"offset"`         // -0.01, 0.00 or 0.01
}

// Unit is one context of a region's grid. Build finds where its amounts go;
// Cases lays them out.
type Unit struct {
	Kind Kind
	// Like is an earlier claim unit whose cases settle as this one's do
	// under every set — the same terms of every tier, from the same rules,
	// the same coverage — so that its outcomes stand for this unit's; nil
	// if there is none. The grid has thousands of contexts and, per
	// region, a few dozen distinct plans.
	Like     *Unit
	template cases.Case // a claim case's one claim has no amount yet
	key      string
	amounts  []amount
}

// amount is one claim amount of a unit and why it was chosen.
type amount struct {
	total, outOfCatalog settle.Money
	placed              Placement
}

// Cases lays out the unit's cases: a person case alone, or the unit's
// claim once for each amount found for it.
func (u *Unit) Cases() []Case {
	if u.Kind == Person {
		return []Case{{Case: u.template, Kind: Person}}
	}
	out := make([]Case, len(u.amounts))
	for i, a := range u.amounts {
		c := u.template
		cl := c.Claims[0]
		cl.Total, cl.OutOfCatalog = a.total, a.outOfCatalog
		c.Claims = []cases.Claim{cl}
		c.File = fmt.Sprintf("%s@%s", u.template.File, a.total)
		if a.outOfCatalog > 0 {
			c.File += "-" + a.outOfCatalog.String()
		}
		out[i] = Case{Case: c, Kind: u.Kind, Placed: a.placed}
	}
	return out
}

// specified are the dimensions every context is crossed with; the others —
// attributes a region's rules compare (age, residence, county, exit year,
// dates, disease, uninsured) — are crossed with every value for a person in
// at most one category, and held at their first value for a pair:
// otherwise a region comparing ages, residences and exit years would
// multiply its pairs of categories by every combination of them.
var specified = map[string]bool{"categories": true, "year": true, "tier": true, "kind": true, "hospital_level": true, "referred": true}

// spaces are the decision spaces each kind of unit is drawn from.
var spaces = []struct {
	kind     Kind
	decision string
}{
	{Claim, "plan"},
	{Person, "subsidy"},
	{Person, "enrollment"},
	{Monitoring, "monitoring"},
}

// Units lists a region's grid contexts under each policy set that has the
// region, in a fixed order: the first set's, then those only another set
// has. The sets may name different categories or read different
// attributes; their cases are settled under every set all the same.
func Units(region string, sets ...*policy.Set) []*Unit {
	var out []*Unit
	seen := map[string]bool{}
	for _, set := range sets {
		r, ok := set.Regions[region]
		if !ok {
			continue
		}
		// A monitoring case's claim is the first kind and level, referred:
		// its point is the measure, not the claim.
		first := &policy.Claim{Kind: set.Schema.Vocabulary("claim_kind").IDs()[0],
			HospitalLevel: set.Schema.Vocabulary("hospital_level").IDs()[0], Referred: true}
		for _, sp := range spaces {
			var claim *policy.Claim
			if sp.kind != Person {
				claim = first
			}
			dims := set.ContextSpace(region, sp.decision)
			held := unread(region, sp.decision, dims, sets)
			eachContext(dims, held, claim, r.Document, func(ctx policy.Context) {
				u := &Unit{Kind: sp.kind, template: caseOf(region, r.Document, ctx)}
				u.key = sp.kind.String() + "|" + ctx.Key()
				u.template.File = "grid/" + region + "/" + strings.ReplaceAll(u.key, "|", "/")
				if !seen[u.key] {
					seen[u.key] = true
					out = append(out, u)
				}
			})
		}
	}
	return out
}

// unread lists the claim and enrollment-tier dimensions of a space that no
// set's rules for the decision read (Tongnan's plans do not read referral):
// every value gives the same decision, and settlement reads none of them
// itself, so they are held at their first value.
func unread(region, decision string, dims []policy.Dimension, sets []*policy.Set) map[int]bool {
	held := map[int]bool{}
	for i, d := range dims {
		switch d.Name {
		case "kind", "hospital_level", "referred", "tier":
		default:
			continue
		}
		read := false
		for _, set := range sets {
			if r, ok := set.Regions[region]; ok && r.Reads(decision, d.Name) {
				read = true
			}
		}
		held[i] = !read
	}
	return held
}

// eachContext calls f with every context of a space, in order, starting
// each from the claim given (nil: none), whose fields the space's claim
// dimensions then set. Held dimensions keep their first value.
func eachContext(dims []policy.Dimension, held map[int]bool, claim *policy.Claim, doc policy.Document, f func(policy.Context)) {
	if len(dims) < 2 {
		return
	}
	var spec, attrs []int
	for i, d := range dims {
		switch {
		case held[i]:
		case specified[d.Name]:
			spec = append(spec, i)
		default:
			attrs = append(attrs, i)
		}
	}
	point := make([]int, len(dims))
	each(dims, spec, point, func() {
		for _, a := range attrs {
			point[a] = 0
		}
		ctx := policy.Context{}
		dims[0].Set(&ctx, point[0])
		vary := attrs
		if len(ctx.Person.Categories) > 1 {
			vary = nil
		}
		each(dims, vary, point, func() { f(contextAt(dims, point, claim, doc)) })
	})
}

// each walks the product of the given dimensions, setting them in point.
func each(dims []policy.Dimension, which []int, point []int, f func()) {
	if len(which) == 0 {
		f()
		return
	}
	d := which[0]
	for i := range dims[d].Values {
		point[d] = i
		each(dims, which[1:], point, f)
	}
}

// contextAt builds the context at a point, in dimension order (a date is
// set after its year), from the defaults the exhaustive check uses: the
// document's first year, tier 1.
func contextAt(dims []policy.Dimension, point []int, claim *policy.Claim, doc policy.Document) policy.Context {
	ctx := policy.Context{Year: doc.Years[0], EnrollmentTier: "1"}
	if claim != nil {
		cl := *claim
		ctx.Claim = &cl
	}
	for d, i := range point {
		dims[d].Set(&ctx, i)
	}
	return ctx
}

// household is what a grid person's household holds where a rule reads it
// (a threshold that is a share of the household's income): a family of
// three with 30,000 yuan a year, its assets within the limit.
var household = struct {
	size   int
	income decimal.Decimal
}{3, decimal.NewFromInt(30000)}

// caseOf is the case for a context; a claim's amount is set by Cases.
func caseOf(region string, doc policy.Document, ctx policy.Context) cases.Case {
	p := ctx.Person
	p.Categories = slices.Clone(p.Categories)
	h := cases.Household{}
	if p.Household != nil {
		h = *p.Household
	}
	if h.Size == nil {
		h.Size = &household.size
	}
	if h.AnnualDisposableIncome == nil {
		h.AnnualDisposableIncome = &household.income
	}
	if h.AssetsWithinLimit == nil {
		within := true
		h.AssetsWithinLimit = &within
	}
	p.Household = &h
	c := cases.Case{Region: region, Year: ctx.Year, Person: p,
		Enrollment: cases.Enrollment{Tier: ctx.EnrollmentTier, Date: ctx.EnrollmentDate}}
	if cl := ctx.Claim; cl != nil {
		c.Claims = []cases.Claim{{ID: "c1", Date: claimDate(doc, ctx.Year), Kind: cl.Kind, HospitalLevel: cl.HospitalLevel,
			Referred: cl.Referred, Disease: cl.Disease, Uninsured: cl.Uninsured}}
	}
	return c
}

// claimDate is when a grid claim falls: 1 July of its year, or the first
// day the document is in force if later, or its last if earlier — a day
// the document's terms apply on, after most enrollment rules start
// coverage.
func claimDate(doc policy.Document, year int) string {
	d := fmt.Sprintf("%04d-07-01", year)
	if doc.InForceFrom > d {
		d = doc.InForceFrom
	}
	if doc.InForceTo != "" && doc.InForceTo < d {
		d = doc.InForceTo
	}
	return d
}
