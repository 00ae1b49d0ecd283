// Package cases is one person's year as settlement takes it: who the person
// is, how they enrolled, their claims. It is apart from how a case is read
// (casefile), what its decisions are (compiler) and what it pays (settle),
// so that reading a case — the part a hostile file reaches first — does not
// depend on the Rego engine.
package cases

import (
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/settle/money"
)

// Override is a value a case gives for one parameter, as written: params
// resolves and checks it against the region's own.
type Override struct {
	Path  string
	Value any
	Pos   diag.Position
}

// Case is one person's year in one region.
type Case struct {
	File       string
	Region     string
	Title      string
	Clauses    []string
	Year       int
	Overrides  []Override
	Person     Person
	Enrollment Enrollment
	Claims     []Claim
	Pos        diag.Position
}

// Person is who a decision is about.
type Person struct {
	Categories []string
	Age        *int
	Residence  string
	County     string
	ExitYear   *int
	Recognized string // YYYY-MM-DD, when the category was recognised
	Household  *Household
}

// Household is what on-application assistance and income tests read.
type Household struct {
	Size                   *int
	AnnualDisposableIncome *decimal.Decimal
	AssetsWithinLimit      *bool
}

// Enrollment is the person's enrollment in resident insurance.
type Enrollment struct {
	Tier string // "1" or "2"
	Date string // YYYY-MM-DD; empty: enrolled from the start of the year
}

// Claim is one bill.
type Claim struct {
	ID            string
	Date          string
	Kind          string
	HospitalLevel string
	Referred      bool
	Disease       string
	Total         money.Amount
	OutOfCatalog  money.Amount
	BasicPaid     *money.Amount // what basic insurance paid, if the case knows it
	Uninsured     bool          // not insured, or in a waiting period, when the cost arose
	Pos           diag.Position
}

// YearsText lists years in order, for a message.
func YearsText(years []int) string {
	ys := slices.Sorted(slices.Values(years))
	parts := make([]string, len(ys))
	for i, y := range ys {
		parts[i] = strconv.Itoa(y)
	}
	return strings.Join(parts, ", ")
}
