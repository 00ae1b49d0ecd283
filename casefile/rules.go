package casefile

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/literal"
	"github.com/polc-dev/polc/compiler/schema/shape"
	"github.com/polc-dev/polc/settle/money"
)

// Rules are the checks a case's person, enrollment and claims are held to,
// apart from the YAML they are read from, so that another form of the same
// data — a population file's rows (package population) — is held to the
// very same ones. The case loader calls them too. Each returns nil or the
// problem, worded to follow the field's name.
type Rules struct {
	cat Catalog
	s   *shape.Shape
}

// NewRules returns the rules of a catalog.
func NewRules(cat Catalog) *Rules { return &Rules{cat: cat, s: cat.CaseShape()} }

// Shape is the schema the rules read ids against.
func (r *Rules) Shape() *shape.Shape { return r.s }

// Region checks a region id and a year of it: regionErr when the set has
// no such region, yearErr when its document does not cover the year.
func (r *Rules) Region(region string, year int) (regionErr, yearErr error) {
	document, years, ok := r.cat.RegionYears(region)
	if !ok {
		return fmt.Errorf("unknown region %s (the policy set has %s)", diag.Quote(region), strings.Join(r.cat.RegionIDs(), ", ")), nil
	}
	for _, y := range years {
		if y == year {
			return nil, nil
		}
	}
	return nil, fmt.Errorf("year %d is outside the years of %s (%s)", year, document, cases.YearsText(years))
}

// Category checks a category id given after the earlier ones: a known id,
// not given twice, and not one the schema declares exclusive with an
// earlier one.
func (r *Rules) Category(id string, earlier []string) error {
	if !r.s.Vocabulary("category").Has(id) {
		return fmt.Errorf("unknown category %s%s", diag.Quote(id), r.s.Suggest("category", id))
	}
	for _, other := range earlier {
		if other == id {
			return fmt.Errorf("%s is given twice", id)
		}
		if why := r.s.Exclusive(other, id); why != "" {
			return fmt.Errorf("no one is both %s and %s (%s)", other, id, why)
		}
	}
	return nil
}

// Age checks an age in years.
func (r *Rules) Age(age int) error {
	if age < 0 || age > 130 {
		return fmt.Errorf("%d is not an age", age)
	}
	return nil
}

// Residence checks a residence id.
func (r *Rules) Residence(id string) error {
	return r.vocabulary("residence", id, "is not a residence")
}

// EnrollmentTier checks an enrollment tier id.
func (r *Rules) EnrollmentTier(id string) error {
	return r.vocabulary("enrollment_tier", id, "is not an enrollment tier")
}

func (r *Rules) vocabulary(name, id, what string) error {
	v := r.s.Vocabulary(name)
	if v.Has(id) {
		return nil
	}
	return fmt.Errorf("%s %s (want %s)", diag.Quote(id), what, strings.Join(v.IDs(), " or "))
}

// ClaimKind checks a claim kind id.
func (r *Rules) ClaimKind(id string) error {
	v := r.s.Vocabulary("claim_kind")
	if v.Has(id) {
		return nil
	}
	return fmt.Errorf("%s is not one of %s%s", diag.Quote(id), strings.Join(v.IDs(), ", "), r.s.Suggest("claim_kind", id))
}

// HospitalLevel checks a hospital level id.
func (r *Rules) HospitalLevel(id string) error {
	v := r.s.Vocabulary("hospital_level")
	if v.Has(id) {
		return nil
	}
	return fmt.Errorf("%s is not one of %s", diag.Quote(id), strings.Join(v.IDs(), ", "))
}

// InYear reports whether a date (YYYY-MM-DD) falls in the year: a claim
// is settled in the year it is dated.
func InYear(date string, year int) bool {
	var buf [20]byte // the year's digits, on the stack: a population checks every claim
	y := strconv.AppendInt(buf[:0], int64(year), 10)
	return len(date) > len(y) && date[len(y)] == '-' && date[:len(y)] == string(y)
}

// EnrolledBy reports whether an enrollment date is on or before the
// year's last day: a person enrolled after the year has no year to settle.
func EnrolledBy(date string, year int) bool {
	var buf [24]byte // on the stack: a population checks every person
	last := append(strconv.AppendInt(buf[:0], int64(year), 10), "-12-31"...)
	return date == "" || date <= string(last)
}

// OutOfCatalogWithin checks that a claim's out-of-catalog cost is within
// its total.
func OutOfCatalogWithin(cl *cases.Claim) error {
	if cl.OutOfCatalog > cl.Total {
		return fmt.Errorf("out_of_catalog %s is above the total %s", cl.OutOfCatalog, cl.Total)
	}
	return nil
}

// BasicPaidWithin checks that what basic insurance paid, when the claim
// says, is within the in-scope cost.
func BasicPaidWithin(cl *cases.Claim) error {
	if cl.BasicPaid == nil {
		return nil
	}
	if inScope := cl.Total - cl.OutOfCatalog; *cl.BasicPaid > inScope {
		return fmt.Errorf("basic_paid %s is above the in-scope cost %s (total %s − out_of_catalog %s)", *cl.BasicPaid, inScope, cl.Total, cl.OutOfCatalog)
	}
	return nil
}

// ErrBasicPaidUninsured is a basic_paid on an uninsured claim.
var ErrBasicPaidUninsured = errors.New("basic_paid on an uninsured claim: basic insurance pays nothing while a person is not insured")

// BasicPaidInsured checks that an uninsured claim gives no basic_paid.
func BasicPaidInsured(cl *cases.Claim) error {
	if cl.Uninsured && cl.BasicPaid != nil {
		return ErrBasicPaidUninsured
	}
	return nil
}

// AmountText reads an amount of money from its text as a case's amount
// is read: a plain decimal (no exponent), not negative, at most two
// decimals, within money.MaxAmount. It is the reference a faster reader
// of the same text is checked against (population's fuzz test).
func AmountText(text string) (money.Amount, error) {
	d, err := literal.Decimal(text)
	if err != nil {
		return 0, fmt.Errorf("want an amount of money, not %s", diag.Quote(text))
	}
	if d.IsNegative() {
		return 0, fmt.Errorf("%s is negative", diag.Cut(text))
	}
	if d.Exponent() < -2 {
		return 0, fmt.Errorf("%s has more than two decimals: money is in yuan and fen", diag.Cut(text))
	}
	return money.FromDecimal(d)
}
