package settle_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler/literal"
	"github.com/polc-dev/polc/golden"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle"
)

// figuresPersonsEnv sets how many persons of each region
// TestFiguresAgreeWithSettle generates: the always-on default is a sample
// of 100 (under two seconds of CPU beyond the compile, so go test ./...
// stays quick; 300 took 5);
// the full run (the figure the README gives) is
// POLC_FIGURES_PERSONS=100000 go test ./settle -run FiguresAgree -v.
const figuresPersonsEnv = "POLC_FIGURES_PERSONS"

// TestFiguresAgreeWithSettle is the differential test of Figures' quick
// path against Settle, the reference: persons generated in every region —
// each region's years, categories alone and in the pairs the schema allows,
// ages, residence, counties, exit years, recognition and enrollment dates,
// households and tiers around the values the rules compare with; 0–8
// claims of every kind, hospital level, referral, insurance and listed
// disease, with amounts around the region's deductibles, band edges, caps
// and thresholds (its params' numbers, a fen either side), in and out of
// date order — each settled by Settle and by Figures. The params are each
// golden case's (its overrides shared by the persons drawn from it, or a
// copy of them), or none with polc diff's stand-ins (Engine.OpenStandIns)
// for a fifth of the persons.
//
// Three properties, for every person:
//   - whenever the quick path settles a person, its figures are
//     FiguresOf(Settle(…)), field for field;
//   - Figures gives the same figures, or the same error message, as Settle
//     (a person the quick path does not take settles by Settle);
//   - the quick path takes most persons Settle settles (it is not shown
//     equal on a handful).
//
// An evaluation Rego's sandbox stops (past its deadline, on a loaded
// machine) is tried again; a person stopped every time is inconclusive, and
// more than one in a thousand fails the test.
//
// The reference settles most persons with the params Settle resolves for
// them, resolved once per golden case (ParamsFor is a function of the
// region, year and overrides alone), and one in a hundred by Settle
// itself.
func TestFiguresAgreeWithSettle(t *testing.T) {
	set := shippedSet(t)
	perRegion := 100
	if n, err := strconv.Atoi(os.Getenv(figuresPersonsEnv)); err == nil && n > 0 {
		perRegion = n
	}
	gens := figuresGenerators(t, set)
	// The engines start afresh every so many persons: a region's plans for
	// 5,000 persons' contexts take ≈ 100 MB, and past Rego's memory budget
	// (compiler/sandbox) evaluations stop, explaining a refusal less well.
	const recycleEvery = 5_000

	type tally struct{ quick, settled, refused, inconclusive int }
	counts := make([]tally, len(gens))
	start := time.Now()
	var wg sync.WaitGroup
	var mu sync.Mutex
	failures := 0
	next := make(chan int)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for gi := range next {
				g := gens[gi]
				// One pair of engines per region and mode: persons share
				// person and claim contexts, as a population's do, so Rego
				// runs once per context, not per person.
				var engines map[bool]*referenceAndQuick
				for i := range perRegion {
					if i%recycleEvery == 0 {
						engines = map[bool]*referenceAndQuick{false: newReferenceAndQuick(set, false), true: newReferenceAndQuick(set, true)}
					}
					if i > 0 && i%(4*recycleEvery) == 0 {
						t.Logf("%-9s %d persons, %s", g.region, i, time.Since(start).Round(time.Second))
					}
					rng := rand.New(rand.NewPCG(20261201+uint64(gi), uint64(i)))
					c, open := g.person(rng, i)
					quick, settled, err := engines[open].agree(c, rng.IntN(100) == 0)
					if err == errInconclusive {
						counts[gi].inconclusive++
						continue
					}
					if err != nil {
						mu.Lock()
						if failures++; failures <= 5 {
							t.Errorf("%s (OpenStandIns %v): %v\nperson %+v\nclaims %+v", c.File, open, err, c.Person, c.Claims)
						}
						mu.Unlock()
						continue
					}
					switch {
					case quick:
						counts[gi].quick++
					case settled:
						counts[gi].settled++
					default:
						counts[gi].refused++
					}
				}
			}
		}()
	}
	for gi := range gens {
		next <- gi
	}
	close(next)
	wg.Wait()
	if failures > 0 {
		t.Fatalf("%d persons disagree", failures)
	}
	for gi, g := range gens {
		n := counts[gi]
		t.Logf("%-9s %d persons: %d by the quick path, %d by Settle, %d refused by both, %d stopped by the sandbox every time tried", g.region, perRegion, n.quick, n.settled, n.refused, n.inconclusive)
		// Most persons must settle, and most of those on the quick path, or
		// the agreement would be shown on errors or on Settle alone.
		if n.quick+n.settled < perRegion/2 || n.quick < (n.quick+n.settled)*9/10 || n.refused == 0 || n.inconclusive > max(1, perRegion/1000) {
			t.Errorf("%s: too few settled, too few on the quick path, or no refusals: %+v", g.region, n)
		}
	}
	t.Logf("%d persons in %d regions in %s", perRegion*len(gens), len(gens), time.Since(start).Round(time.Millisecond))
}

// referenceAndQuick settle a person by Settle and by Figures. One engine
// serves both, so Rego runs once per context for the two (each decision
// comes from the engine's caches either way; TestPerturbedGoldens holds
// those caches to settling alone).
type referenceAndQuick struct {
	set        *policy.Set
	open       bool
	ref, quick *settle.Engine
	// plain settles the cases Settle settles by itself. With overrides,
	// each such case's params are new, and so is everything cached for
	// them: plain starts afresh every so often.
	plain     *settle.Engine
	plainUses int
	// params are the params ref settles with, by the case's overrides:
	// resolving them for every person, as Settle does, would make every
	// person's decisions and plans new cache keys, and Rego would run for
	// every person.
	params map[paramsFor]*policy.Params
}

type paramsFor struct {
	overrides *cases.Override
	year      int
}

func newReferenceAndQuick(set *policy.Set, open bool) *referenceAndQuick {
	e := settle.New(set)
	e.OpenStandIns = open
	return &referenceAndQuick{set: set, open: open, ref: e, quick: e, params: map[paramsFor]*policy.Params{}}
}

// reference is what Settle gives for a case: by Settle itself if asked
// (plain), else by Settle's own settlement with the params Settle would
// resolve for the case, resolved once for all the cases that share them.
func (rq *referenceAndQuick) reference(c *cases.Case, plain bool) (*settle.Result, error) {
	ctx := context.Background()
	if plain {
		if rq.plainUses%100 == 0 {
			rq.plain = settle.New(rq.set)
			rq.plain.OpenStandIns = rq.open
		}
		rq.plainUses++
		return rq.plain.Settle(ctx, c)
	}
	if len(c.Overrides) == 0 {
		return rq.ref.Settle(ctx, c)
	}
	k := paramsFor{&c.Overrides[0], c.Year}
	p, ok := rq.params[k]
	if !ok {
		r := rq.set.Regions[c.Region]
		if r == nil || !r.Document.HasYear(c.Year) {
			return rq.ref.Settle(ctx, c)
		}
		var err error
		if p, err = r.ParamsFor(c.Year, c.Overrides); err != nil {
			return rq.ref.Settle(ctx, c)
		}
		rq.params[k] = p
	}
	return settle.SettleWith(rq.ref, ctx, c, p)
}

// agree settles a case by Settle and by the quick path and Figures, and
// says which way Figures settled it: quick, or settled by
// Settle, or neither (refused by both).
func (rq *referenceAndQuick) agree(c *cases.Case, plain bool) (byQuick, settled bool, err error) {
	ctx := context.Background()
	var want settle.Figures
	res, refErr := rq.reference(c, plain)
	for try := 0; stopped(refErr) && try < 3; try++ {
		res, refErr = rq.reference(c, plain)
	}
	if refErr == nil {
		settle.FiguresOf(res, &want)
	}
	var q settle.Figures
	if settle.QuickFigures(rq.quick, ctx, c, &q) {
		if stopped(refErr) {
			return false, false, errInconclusive
		}
		if refErr != nil {
			return false, false, fmt.Errorf("the quick path settles a case Settle refuses (%v): %+v", refErr, q)
		}
		if !sameFigures(&q, &want) {
			return false, false, fmt.Errorf("the quick path gives\n%+v\nSettle\n%+v", q, want)
		}
		byQuick = true
	}
	// Figures reuses what it is given: start from a used value.
	got := settle.Figures{Funders: []settle.FunderAmount{{Funder: "stale"}}, Raised: []string{"stale"}}
	err = rq.quick.Figures(ctx, c, &got)
	for try := 0; stopped(err) && try < 3; try++ {
		err = rq.quick.Figures(ctx, c, &got)
	}
	switch {
	case stopped(err) || stopped(refErr):
		return byQuick, false, errInconclusive
	case (err == nil) != (refErr == nil):
		return false, false, fmt.Errorf("Figures: %v; Settle: %v", err, refErr)
	case err != nil && err.Error() != refErr.Error():
		return false, false, fmt.Errorf("Figures refuses with\n%v\nSettle with\n%v", err, refErr)
	case err == nil && !sameFigures(&got, &want):
		return false, false, fmt.Errorf("Figures gives\n%+v\nSettle\n%+v", got, want)
	}
	return byQuick, refErr == nil, nil
}

// stopped says an error is Rego's sandbox stopping an evaluation — past
// its deadline or its memory budget, on a machine other jobs load — which
// says nothing of the case: the evaluation is tried again.
func stopped(err error) bool {
	return err != nil && strings.Contains(err.Error(), "evaluation stopped")
}

// errInconclusive: the sandbox stopped the evaluations every time tried.
var errInconclusive = errors.New("inconclusive: Rego's sandbox stopped the evaluations")

func sameFigures(a, b *settle.Figures) bool {
	return a.Subsidy == b.Subsidy && a.SubsidyRule == b.SubsidyRule && a.Totals == b.Totals &&
		slices.Equal(a.Funders, b.Funders) && slices.Equal(a.Raised, b.Raised)
}

// figuresGenerator draws persons of one region from its golden cases.
type figuresGenerator struct {
	set       *policy.Set
	region    string
	doc       policy.Document
	templates []*cases.Case
	tier2     map[*cases.Case]bool // the template's params give a tier-2 contribution
	cats      []string
	years     []int
	// amounts are the numbers of the templates' params (deductibles, band
	// edges, caps, thresholds, contributions), each a fen either side and
	// halved and doubled: the amounts where the tiers turn.
	amounts []settle.Money
}

func figuresGenerators(t *testing.T, set *policy.Set) []*figuresGenerator {
	byRegion := map[string]*figuresGenerator{}
	for _, gc := range golden.Cases() {
		c, ds := casefile.Load(gc.Name, gc.Data, set)
		if ds.HasErrors() {
			t.Fatalf("%s: %v", gc.Name, ds)
		}
		g := byRegion[c.Region]
		if g == nil {
			r := set.Regions[c.Region]
			g = &figuresGenerator{set: set, region: c.Region, doc: r.Document, tier2: map[*cases.Case]bool{}, cats: namedCategories(set, c.Region), years: r.Document.Years}
			byRegion[c.Region] = g
		}
		cs := c.Case
		g.templates = append(g.templates, &cs)
		p, err := set.Regions[c.Region].ParamsFor(cs.Year, cs.Overrides)
		if err != nil {
			t.Fatalf("%s: %v", gc.Name, err)
		}
		_, g.tier2[&cs] = p.Resolved.Leaves["contribution.tier2"]
		for _, leaf := range p.Resolved.Leaves {
			d, err := literal.Number(leaf.Value)
			if err != nil || d.LessThan(decimal.NewFromInt(1)) || d.GreaterThan(decimal.NewFromInt(2_000_000)) {
				continue
			}
			a := settle.Money(d.Shift(2).IntPart())
			g.amounts = append(g.amounts, a-1, a, a+1, a/2, 2*a)
		}
	}
	var out []*figuresGenerator
	for _, id := range slices.Sorted(mapsKeys(byRegion)) {
		g := byRegion[id]
		slices.Sort(g.amounts)
		g.amounts = slices.Compact(g.amounts)
		out = append(out, g)
	}
	if len(out) != len(set.Regions) {
		t.Fatalf("golden cases in %d regions of %d", len(out), len(set.Regions))
	}
	return out
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// Values the rules compare with, and a few on either side.
var (
	figuresAges     = []int{0, 1, 17, 18, 30, 59, 60, 61, 80}
	figuresCounties = []string{"三都县", "罗甸县", "瓮安县", "龙里县", "都匀市", "福泉市", "未列县"}
	figuresDiseases = []string{"肾透析", "恶性肿瘤", "血友病", "高血压"}
	figuresIncomes  = []string{"8000", "36000.5"}
)

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// person draws the i'th person; open says it is to settle with stand-ins
// for the open parameters (no overrides).
func (g *figuresGenerator) person(rng *rand.Rand, i int) (*cases.Case, bool) {
	tpl := pick(rng, g.templates)
	c := *tpl
	c.File = fmt.Sprintf("%s#%d", tpl.File, i)
	open := rng.IntN(5) == 0
	switch {
	case open:
		c.Overrides = nil
	case rng.IntN(10) == 0:
		c.Overrides = slices.Clone(c.Overrides) // the same params, another slice
	}
	if rng.IntN(20) == 0 {
		c.Year = pick(rng, g.years)
	}
	person := g.drawPerson(rng, c.Year)
	if rng.IntN(2) == 0 {
		// The template's own categories, whose open numbers its params
		// give (liujiang leaves some categories' assistance terms open).
		person.Categories = tpl.Person.Categories
	}
	c.Person = person
	c.Enrollment = cases.Enrollment{Tier: "1"}
	switch n := rng.IntN(50); {
	case n < 10 && g.tier2[tpl]:
		c.Enrollment.Tier = "2"
	case n == 10:
		c.Enrollment.Tier = "3" // no contribution: refused
	}
	// Mostly enrolled in the collection period before the year; some in
	// its first months, rarely later.
	switch n := rng.IntN(20); {
	case n < 8:
	case n < 14:
		c.Enrollment.Date = fmt.Sprintf("%d-%02d-%02d", c.Year-1, 9+rng.IntN(4), 1+rng.IntN(28))
	case n < 18:
		c.Enrollment.Date = fmt.Sprintf("%d-%02d-%02d", c.Year, 1+rng.IntN(3), 1+rng.IntN(28))
	default:
		c.Enrollment.Date = g.date(rng, c.Year)
	}
	c.Claims = g.claims(rng, &c)
	return &c, open
}

func (g *figuresGenerator) drawPerson(rng *rand.Rand, year int) cases.Person {
	var p cases.Person
	switch n := rng.IntN(20); {
	case n == 0: // none
	case n == 1:
		p.Categories = []string{"no_such_category"}
	case n < 11 || len(g.cats) < 2:
		p.Categories = []string{pick(rng, g.cats)}
	default:
		a, b := pick(rng, g.cats), pick(rng, g.cats)
		p.Categories = []string{a}
		if a != b && g.set.Schema.Exclusive(a, b) == "" {
			p.Categories = append(p.Categories, b)
		}
	}
	if rng.IntN(8) != 0 {
		age := pick(rng, figuresAges)
		p.Age = &age
	}
	p.Residence = []string{"rural", "urban", ""}[rng.IntN(3)]
	if rng.IntN(2) == 0 {
		p.County = pick(rng, figuresCounties)
	}
	if rng.IntN(2) == 0 {
		y := 2013 + rng.IntN(4)
		p.ExitYear = &y
	}
	if rng.IntN(3) == 0 {
		p.Recognized = g.date(rng, year)
	}
	// Every decision's key holds the household's size and income, read or
	// not: a few households keep the contexts a population has.
	if rng.IntN(10) == 0 {
		h := &cases.Household{}
		if rng.IntN(4) != 0 {
			income := decimal.RequireFromString(pick(rng, figuresIncomes))
			h.AnnualDisposableIncome = &income
		}
		if rng.IntN(2) == 0 {
			assets := rng.IntN(2) == 0
			h.AssetsWithinLimit = &assets
		}
		if rng.IntN(8) == 0 {
			size := 3
			h.Size = &size
		}
		p.Household = h
	}
	return p
}

// date is a day of the year, or around its ends, or of the last months of
// the year before; rarely one the quick path does not read.
func (g *figuresGenerator) date(rng *rand.Rand, year int) string {
	switch n := rng.IntN(40); {
	case n == 0:
		return fmt.Sprintf("%d-7-1", year) // text Settle compares as text
	case n < 4:
		return fmt.Sprintf("%d-%02d-%02d", year-1, 9+rng.IntN(4), 1+rng.IntN(28))
	case n < 8:
		return pick(rng, []string{fmt.Sprintf("%d-01-01", year), fmt.Sprintf("%d-12-31", year), fmt.Sprintf("%d-08-31", year), fmt.Sprintf("%d-09-01", year), fmt.Sprintf("%d-01-01", year+1)})
	}
	return fmt.Sprintf("%d-%02d-%02d", year, 1+rng.IntN(12), 1+rng.IntN(28))
}

func (g *figuresGenerator) amount(rng *rand.Rand) settle.Money {
	switch n := rng.IntN(10); {
	case n < 4:
		return pick(rng, g.amounts)
	case n < 7:
		return settle.Money(rng.Int64N(2_000_000)) // up to 20,000 yuan
	case n < 9:
		return settle.Money(rng.Int64N(50_000_000)) // up to 500,000 yuan
	}
	return settle.Money(rng.Int64N(500))
}

var figuresKinds = []string{"inpatient", "outpatient_special", "outpatient"}

func (g *figuresGenerator) claims(rng *rand.Rand, c *cases.Case) []cases.Claim {
	n := rng.IntN(9)
	out := make([]cases.Claim, n)
	for j := range out {
		cl := cases.Claim{ID: fmt.Sprintf("c%d", j), Kind: pick(rng, figuresKinds), HospitalLevel: strconv.Itoa(1 + rng.IntN(3)),
			Referred: rng.IntN(4) != 0, Uninsured: rng.IntN(10) == 0}
		switch rng.IntN(500) {
		case 0:
			cl.Kind = "dental" // no plan: refused
		case 1:
			cl.HospitalLevel = "4" // no basic terms: refused
		}
		if rng.IntN(5) == 0 {
			cl.Disease = pick(rng, figuresDiseases)
		}
		cl.Total = g.amount(rng)
		switch rng.IntN(3) {
		case 0:
			cl.OutOfCatalog = settle.Money(rng.Int64N(int64(cl.Total)/5 + 1))
		case 1:
			cl.OutOfCatalog = settle.Money(rng.Int64N(int64(cl.Total) + 1))
		}
		if rng.IntN(2) == 0 && !cl.Uninsured {
			S := int64(cl.Total - cl.OutOfCatalog)
			b := settle.Money(rng.Int64N(S + 1))
			if rng.IntN(50) == 0 {
				b = settle.Money(S + 1 + rng.Int64N(10_000)) // more than the in-scope cost: refused
			}
			cl.BasicPaid = &b
		}
		out[j] = cl
	}
	// Dates in order, mostly: a year's claims as a population file lists
	// them; a third shuffled. They fall within the year, the document's
	// period and, mostly, after the enrollment date; rarely anywhere.
	first := max(fmt.Sprintf("%d-01-01", c.Year), g.doc.InForceFrom)
	if rng.IntN(10) != 0 {
		first = max(first, c.Enrollment.Date, c.Person.Recognized)
	}
	days := make([]string, n)
	for j := range days {
		days[j] = max(first, fmt.Sprintf("%d-%02d-%02d", c.Year, 1+rng.IntN(12), 1+rng.IntN(28)))
		if rng.IntN(100) == 0 {
			days[j] = g.date(rng, c.Year)
		}
	}
	if rng.IntN(3) != 0 {
		slices.Sort(days)
	}
	for j := range out {
		out[j].Date = days[j]
	}
	return out
}

// TestFiguresAllocateNothing: once a person's contexts are known, Figures
// allocates nothing, whatever the region — its coverage rules, its plans'
// diseases, its cap groups. Each golden case the quick path takes (with
// its claims again, as a later person with the same contexts) must settle
// with no allocation.
func TestFiguresAllocateNothing(t *testing.T) {
	set := shippedSet(t)
	e := settle.New(set)
	ctx := context.Background()
	taken := map[string]int{}
	for _, gc := range golden.Cases() {
		c, ds := casefile.Load(gc.Name, gc.Data, set)
		if ds.HasErrors() {
			t.Fatalf("%s: %v", gc.Name, ds)
		}
		var out settle.Figures
		if !settle.QuickFigures(e, ctx, &c.Case, &out) {
			continue
		}
		taken[c.Region]++
		if n := testing.AllocsPerRun(20, func() { _ = e.Figures(ctx, &c.Case, &out) }); n != 0 {
			t.Errorf("%s: %v allocations a person", gc.Name, n)
		}
	}
	for id := range set.Regions {
		if taken[id] == 0 {
			t.Errorf("%s: no golden case on the quick path", id)
		}
	}
	t.Logf("golden cases on the quick path, by region: %v", taken)
}

// TestFiguresConcurrently: goroutines settling people through one engine
// from cold fill its tables together and get Settle's figures (run it with
// -race).
func TestFiguresConcurrently(t *testing.T) {
	set := shippedSet(t)
	people := typicalPopulation(300)
	ref := settle.New(set)
	want := make([]settle.Figures, len(people))
	for i, c := range people {
		res, err := ref.Settle(context.Background(), c)
		if err != nil {
			t.Fatal(err)
		}
		settle.FiguresOf(res, &want[i])
	}
	e := settle.New(set)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var got settle.Figures
			for i := range people {
				i = (i + g*len(people)/4) % len(people)
				if err := e.Figures(context.Background(), people[i], &got); err != nil || !sameFigures(&got, &want[i]) {
					t.Errorf("%s: %v\n%+v\nwant\n%+v", people[i].File, err, got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}
