// Package popgen makes synthetic populations in the population-file
// contract (`polc sim --generate`): persons and claims for one region's
// year, the open numbers the region needs as a params file, and sample
// persons as case files, so that `polc sim` and `polc settle` can be run on
// the same people and compared.
//
// A population is drawn from a seeded math/rand/v2 source, so a seed gives
// the same files on every machine. Amounts are drawn as float64 (a
// lognormal has no exact form) and written rounded to the fen as decimal
// text; everything downstream reads that text exactly. The shares are
// listed in Shares and in the README ("polc sim --generate").
package popgen

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler/schema/shape"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/population"
	"github.com/polc-dev/polc/settle/money"
)

// Options say what to generate.
type Options struct {
	Region string
	Year   int
	// Persons is how many people; ClaimsPerPerson the mean of the number
	// of claims each has (drawn from a Poisson distribution).
	Persons         int
	ClaimsPerPerson float64
	Seed            uint64
}

// Limits of what may be asked: a mean past MaxClaimsPerPerson would make
// years that casefile refuses.
const (
	MaxPersons         = 100_000_000
	MaxClaimsPerPerson = 100
)

// Shares are the documented proportions a population is drawn with (see
// the README): of persons, then of claims.
var Shares = struct {
	Ordinary, Combined, Rural, Tier2, WithCounty, WithExitYear float64
	Inpatient, OutpatientSpecial                               float64 // the rest are outpatient
	Level1, Level2                                             float64 // the rest level 3
	Referred, OutOfCatalog, BasicPaid, Uninsured, Disease      float64
	// Lognormal parameters (of the amount in yuan) by claim kind.
	InpatientMu, OutpatientSpecialMu, OutpatientMu, Sigma float64
	// OutOfCatalogMax is the most of a claim's total that is out of the
	// catalog, when some is.
	OutOfCatalogMax float64
}{
	Ordinary: 0.70, Combined: 0.05, Rural: 0.60, Tier2: 0.10, WithCounty: 0.90, WithExitYear: 0.90,
	Inpatient: 0.25, OutpatientSpecial: 0.25,
	Level1: 0.40, Level2: 0.35,
	Referred: 0.90, OutOfCatalog: 0.50, BasicPaid: 0.70, Uninsured: 0.01, Disease: 0.30,
	InpatientMu: 9.2, OutpatientSpecialMu: 7.6, OutpatientMu: 5.0, Sigma: 1.0,
	OutOfCatalogMax: 0.20,
}

// basicShare is the share of the in-scope cost a claim's given basic_paid
// is, by kind: roughly what resident insurance pays.
var basicShare = map[string]float64{"inpatient": 0.60, "outpatient_special": 0.50, "outpatient": 0.40}

// Examples are what the region's worked examples (golden cases) show of
// its people: the counties, exit years and diseases its rules test, the
// category combinations it allows, and the open numbers they give.
type Examples struct {
	Counties  []string
	ExitYears []int
	Diseases  []string
	// CategorySets are the combinations of two or more categories.
	CategorySets [][]string
}

// ExamplesOf gathers what the region's golden cases show.
func ExamplesOf(golden []*cases.Case) Examples {
	var ex Examples
	seenSet := map[string]bool{}
	for _, c := range golden {
		if c.Person.County != "" {
			ex.Counties = append(ex.Counties, c.Person.County)
		}
		if c.Person.ExitYear != nil {
			ex.ExitYears = append(ex.ExitYears, *c.Person.ExitYear)
		}
		for _, cl := range c.Claims {
			if cl.Disease != "" {
				ex.Diseases = append(ex.Diseases, cl.Disease)
			}
		}
		if len(c.Person.Categories) > 1 {
			key := fmt.Sprint(c.Person.Categories)
			if !seenSet[key] {
				seenSet[key] = true
				ex.CategorySets = append(ex.CategorySets, slices.Clone(c.Person.Categories))
			}
		}
	}
	slices.Sort(ex.Counties)
	ex.Counties = slices.Compact(ex.Counties)
	slices.Sort(ex.ExitYears)
	ex.ExitYears = slices.Compact(ex.ExitYears)
	slices.Sort(ex.Diseases)
	ex.Diseases = slices.Compact(ex.Diseases)
	slices.SortFunc(ex.CategorySets, func(a, b []string) int { return slices.Compare(a, b) })
	return ex
}

// Generator draws a population.
type Generator struct {
	opts      Options
	s         *shape.Shape
	ex        Examples
	singles   []string // the region's categories a person may hold alone
	overrides []cases.Override
	rng       *rand.Rand
	idWidth   int
	// tier2 says the year has a second contribution tier to enroll in.
	tier2 bool
	// dates are the year's days as text, made once.
	dates []string
}

// New prepares a generator for a region's year. overrides are the run's
// params (OpenParams), given to every person's case.
func New(s *shape.Shape, r *policy.Region, opts Options, ex Examples, overrides []cases.Override) (*Generator, error) {
	switch {
	case opts.Persons < 0 || opts.Persons > MaxPersons:
		return nil, fmt.Errorf("--persons %d: want 0 to %d", opts.Persons, MaxPersons)
	case !(opts.ClaimsPerPerson >= 0 && opts.ClaimsPerPerson <= MaxClaimsPerPerson):
		return nil, fmt.Errorf("--claims-per-person %v: want 0 to %d", opts.ClaimsPerPerson, MaxClaimsPerPerson)
	case !r.Document.HasYear(opts.Year):
		return nil, fmt.Errorf("year %d is outside the years of %s (%s)", opts.Year, r.Document.Number, r.Document.YearsText())
	}
	g := &Generator{opts: opts, s: s, ex: ex, overrides: overrides,
		rng: rand.New(rand.NewPCG(opts.Seed, 0x706f6c63))}
	g.idWidth = max(7, len(strconv.Itoa(max(opts.Persons-1, 0))))
	for m := 1; m <= 12; m++ {
		for d := 1; d <= daysIn(m, opts.Year); d++ {
			g.dates = append(g.dates, fmt.Sprintf("%04d-%02d-%02d", opts.Year, m, d))
		}
	}
	// A region whose params give no second contribution tier (most of
	// Guangdong's cities have one resident standard) enrolls everyone in
	// tier 1: a tier-2 person would need a number nobody gave.
	p, err := r.ParamsFor(opts.Year, overrides)
	if err != nil {
		return nil, err
	}
	_, g.tier2 = p.Resolved.Leaves["contribution.tier2"]
	cats := s.Vocabulary("category")
	for _, e := range cats.Entries {
		if e.ID == "ordinary" || hasChildren(cats, e.ID) {
			continue
		}
		named := r.NamesCategory(e.ID)
		for _, a := range s.Ancestors(e.ID) {
			named = named || r.NamesCategory(a)
		}
		if named {
			g.singles = append(g.singles, e.ID)
		}
	}
	if len(g.singles) == 0 {
		return nil, errors.New("the region names no category but ordinary")
	}
	return g, nil
}

func hasChildren(v *shape.Vocabulary, id string) bool {
	for _, e := range v.Entries {
		if e.Parent == id {
			return true
		}
	}
	return false
}

// Categories are the categories a person is drawn from, besides ordinary.
func (g *Generator) Categories() []string { return g.singles }

// PersonID is the id of the i-th person: zero-padded, so that byte order
// is the order of i.
func (g *Generator) PersonID(i int) string {
	return fmt.Sprintf("p%0*d", g.idWidth, i)
}

// Person draws the i-th person's year; persons must be drawn in order of
// i, every one of them, for a seed to give the same population.
func (g *Generator) Person(i int) *cases.Case {
	rng := g.rng
	year := g.opts.Year
	age := rng.IntN(91)
	c := &cases.Case{Region: g.opts.Region, Year: year, Overrides: g.overrides,
		Person:     cases.Person{Age: &age, Residence: "urban"},
		Enrollment: cases.Enrollment{Tier: "1", Date: fmt.Sprintf("%04d-01-01", year)}}
	c.File = g.PersonID(i)
	switch u := rng.Float64(); {
	case u < Shares.Ordinary:
		c.Person.Categories = []string{"ordinary"}
	case u < Shares.Ordinary+Shares.Combined && len(g.ex.CategorySets) > 0:
		c.Person.Categories = slices.Clone(g.ex.CategorySets[rng.IntN(len(g.ex.CategorySets))])
	default:
		c.Person.Categories = []string{g.singles[rng.IntN(len(g.singles))]}
	}
	if rng.Float64() < Shares.Rural {
		c.Person.Residence = "rural"
	}
	if rng.Float64() < Shares.Tier2 && g.tier2 {
		c.Enrollment.Tier = "2"
	}
	if len(g.ex.Counties) > 0 && rng.Float64() < Shares.WithCounty {
		c.Person.County = g.ex.Counties[rng.IntN(len(g.ex.Counties))]
	}
	if len(g.ex.ExitYears) > 0 && rng.Float64() < Shares.WithExitYear && outOfPoverty(c.Person.Categories) {
		y := g.ex.ExitYears[rng.IntN(len(g.ex.ExitYears))]
		c.Person.ExitYear = &y
	}
	n := g.poisson(g.opts.ClaimsPerPerson)
	days := make([]int, n)
	for j := range days {
		days[j] = rng.IntN(len(g.dates))
	}
	slices.Sort(days)
	for j, d := range days {
		c.Claims = append(c.Claims, g.claim(j, g.dates[d]))
	}
	return c
}

// outOfPoverty is a person whose household left poverty: the persons an
// exit year means something for.
func outOfPoverty(cats []string) bool {
	for _, c := range cats {
		switch c {
		case "stable_out_of_poverty", "unstable_out_of_poverty", "edge_vulnerable", "sudden_hardship", "registered_poor":
			return true
		}
	}
	return false
}

func (g *Generator) claim(j int, date string) cases.Claim {
	rng := g.rng
	cl := cases.Claim{ID: "c" + strconv.Itoa(j+1), Date: date, Kind: "outpatient", HospitalLevel: "3"}
	mu := Shares.OutpatientMu
	switch u := rng.Float64(); {
	case u < Shares.Inpatient:
		cl.Kind, mu = "inpatient", Shares.InpatientMu
	case u < Shares.Inpatient+Shares.OutpatientSpecial:
		cl.Kind, mu = "outpatient_special", Shares.OutpatientSpecialMu
	}
	switch u := rng.Float64(); {
	case u < Shares.Level1:
		cl.HospitalLevel = "1"
	case u < Shares.Level1+Shares.Level2:
		cl.HospitalLevel = "2"
	}
	cl.Referred = rng.Float64() < Shares.Referred
	total := math.Exp(mu + Shares.Sigma*rng.NormFloat64())
	cl.Total = max(fen(total), 1_00)
	if rng.Float64() < Shares.OutOfCatalog {
		cl.OutOfCatalog = min(fen(total*rng.Float64()*Shares.OutOfCatalogMax), cl.Total)
	}
	cl.Uninsured = rng.Float64() < Shares.Uninsured
	if rng.Float64() < Shares.BasicPaid && !cl.Uninsured {
		b := fen(float64(cl.Total-cl.OutOfCatalog) / 100 * basicShare[cl.Kind])
		cl.BasicPaid = &b
	}
	if cl.Kind != "outpatient" && len(g.ex.Diseases) > 0 && rng.Float64() < Shares.Disease {
		cl.Disease = g.ex.Diseases[rng.IntN(len(g.ex.Diseases))]
	}
	return cl
}

// fen rounds a drawn amount of yuan to the fen: the text written is then
// the amount, exactly.
func fen(yuan float64) money.Amount {
	return money.Amount(math.Round(yuan * 100))
}

// poisson draws a count with mean lambda (Knuth's method: lambda is at
// most MaxClaimsPerPerson, so e^-lambda is far from underflow).
func (g *Generator) poisson(lambda float64) int {
	l, k, p := math.Exp(-lambda), 0, 1.0
	for {
		p *= g.rng.Float64()
		if p <= l || k >= 5*MaxClaimsPerPerson {
			return k
		}
		k++
	}
}

// Write draws every person and writes them; each is also handed to
// sample, if it is set, with its id (for case files, or a check).
func (g *Generator) Write(w *population.Writer, sample func(id string, c *cases.Case) error) error {
	for i := range g.opts.Persons {
		c := g.Person(i)
		if err := w.Write(c.File, c); err != nil {
			return err
		}
		if sample != nil {
			if err := sample(c.File, c); err != nil {
				return err
			}
		}
	}
	return w.Flush()
}

// daysIn is the number of days of a month: day 0 of the next month is the
// month's last.
func daysIn(month, year int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
