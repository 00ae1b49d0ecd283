package settle

import (
	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/params"
)

// Case is one person's year: who they are, how they enrolled, their claims.
// The casefile package reads it from a case file and checks it.
type Case struct {
	File       string
	Region     string
	Title      string
	Clauses    []string
	Year       int
	Overrides  []params.Override
	Person     compiler.Person
	Enrollment Enrollment
	Claims     []Claim
	Pos        diag.Position
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
	Total         Money
	OutOfCatalog  Money
	BasicPaid     *Money // what basic insurance paid, if the case knows it
	Uninsured     bool   // not insured, or in a waiting period, when the cost arose
	Pos           diag.Position
}
