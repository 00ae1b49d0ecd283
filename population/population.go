// Package population reads and writes the population files of DESIGN.md
// (the contract `polc sim` runs on): a persons file and a claims file, CSV
// with a header row, both sorted by person_id, joined as they stream so
// that one person's year is held at a time however large the population.
//
// The files come from anyone, so each row is held to the rules a case file
// is held to (casefile.Rules: the same vocabularies, exclusive categories,
// dates in the year, amounts read exactly, out-of-catalog within the
// total, at most casefile.MaxClaims claims a person) and every problem is
// reported at file:line:col with the field's name. A line is at most
// MaxLine bytes and an id or name at most MaxText, so no row can take the
// memory; a quote or a control character is refused, so what is read can
// be written back into CSV and messages as it is.
//
// The reader splits lines by hand and parses amounts straight into fen:
// encoding/csv allocates every field of every row, and a population is
// millions of rows.
package population

import (
	"bytes"
	"unicode/utf8"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/settle/money"
)

// Stage is the name population-file problems are reported under.
const Stage = "population"

// Limits on what a row may hold. A real row is under 200 bytes; these
// leave room many times over and bound what a hostile file can make the
// reader hold.
const (
	MaxLine = 4096
	MaxText = 128
	// MaxProblemsPerPerson bounds what one person's rows can add to the
	// problems reported: a person with 5,000 bad claims is one mistake.
	MaxProblemsPerPerson = 10
)

// The contract's columns, in order. A file's header must be exactly these.
var (
	PersonColumns = []string{"person_id", "region", "year", "categories", "age", "residence", "county", "exit_year", "enrollment_tier", "enrollment_date"}
	ClaimColumns  = []string{"person_id", "claim_id", "date", "kind", "hospital_level", "referred", "total", "out_of_catalog", "basic_paid", "disease", "uninsured"}
)

// Column indices, in the order above.
const (
	pID = iota
	pRegion
	pYear
	pCategories
	pAge
	pResidence
	pCounty
	pExitYear
	pTier
	pEnrollmentDate
	personFields
)

const (
	cPerson = iota
	cID
	cDate
	cKind
	cLevel
	cReferred
	cTotal
	cOutOfCatalog
	cBasicPaid
	cDisease
	cUninsured
	claimFields
)

// CategorySeparator joins a person's categories in one field.
const CategorySeparator = "+"

// Person is one person's year as read: the case settlement takes, and
// the problems found in the person's rows. A person with problems is not
// to be settled. The reader reuses a Person's slices on the next read;
// its strings are never changed once made.
type Person struct {
	ID       string
	Case     cases.Case
	Problems diag.List

	basic  []money.Amount // backing for the claims' BasicPaid
	claims []claimText    // where each claim's text lies in the arena
}

// claimText is where a claim's text fields lie in the person's arena,
// until the arena becomes the person's one string.
type claimText struct {
	id, date, disease span
	hasBasic          bool
	direct            bool // the claim's strings are set already, of a stable text
}

type span struct{ from, to int32 }

// FirstRegion is the region of the first person of a persons file, from
// the file's first bytes (a few KiB do): what a run compiles before it
// reads the file (a run is that region's year). "" when the bytes do not
// show it — no header, no row, a row cut short — and the reader then
// says what is wrong as it reads.
func FirstRegion(head []byte) string {
	row, ok := FirstRow(head)
	if !ok {
		return ""
	}
	return row.Region
}

// Row is where a persons file's first row names the run's region and
// year, with their positions (line 2; columns in characters).
type Row struct {
	Region, Year       string
	RegionCol, YearCol int
}

// FirstRow reads the region and year of a persons file's first row from
// the file's first bytes; false when they do not show them.
func FirstRow(head []byte) (Row, bool) {
	_, rest, ok := bytes.Cut(head, []byte("\n"))
	if !ok {
		return Row{}, false
	}
	line, _, ok := bytes.Cut(rest, []byte("\n"))
	if !ok {
		return Row{}, false
	}
	line = bytes.TrimSuffix(line, []byte("\r"))
	var c cuts
	if c.cut(line, claimFields) != personFields {
		return Row{}, false
	}
	region, year := c.field(pRegion), c.field(pYear)
	if len(region) == 0 || text(region) != nil || text(year) != nil {
		return Row{}, false
	}
	col := func(at int) int { return utf8.RuneCount(line[:at]) + 1 }
	return Row{Region: string(region), Year: string(year), RegionCol: col(c.at[pRegion]), YearCol: col(c.at[pYear])}, true
}
