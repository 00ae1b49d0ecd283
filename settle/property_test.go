package settle_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/golden"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle"
)

// perturbedRoundsEnv sets how many times TestPerturbedGoldens redraws each
// golden case: 3 by default (276 cases, two seconds of CPU; 8 took 5), 22 for the full
// run the README gives (POLC_PERTURBED_ROUNDS=22 go test ./settle -run
// PerturbedGoldens).
const perturbedRoundsEnv = "POLC_PERTURBED_ROUNDS"

// TestPerturbedGoldens settles every golden case again, redrawn 3 times
// (perturbedRoundsEnv) at random (a fixed seed, so the test is
// repeatable): the claims' amounts — totals up to half a million, out-of-catalog and basic_paid anywhere the
// contract allows — and the person's age, residence, exit year, household
// and categories (those the region names, never an exclusive pair). Two
// properties, over 276 cases by default (2,024 in the full run):
//
//   - Invariants: every result keeps those the engine checks (it reports a
//     breach as "invariant broken"), and every claim's parts add up, in
//     decimal, to its total.
//   - The caches are sound: a case settled with all the others, through
//     one engine, in any of three shuffled orders, gives byte for byte what
//     it gives alone — so the per-person and per-plan caches never hand one
//     person's decision to another who differs in something a decision may
//     read. An error must be the same error too.
func TestPerturbedGoldens(t *testing.T) {
	set := shippedSet(t)
	rng := rand.New(rand.NewPCG(20261201, 8))
	rounds := 3
	if n, err := strconv.Atoi(os.Getenv(perturbedRoundsEnv)); err == nil && n > 0 {
		rounds = n
	}
	perturbed := perturbedGoldens(t, set, rng, rounds)
	if len(perturbed) < rounds*len(golden.Cases()) {
		t.Fatalf("only %d perturbed", len(perturbed))
	}

	// Alone: each case through an engine of its own (side by side, to use
	// the cores; the engines share nothing).
	alone := make([]string, len(perturbed))
	results := make([]*settle.Result, len(perturbed))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i], alone[i] = settleCase(settle.New(set), perturbed[i])
			}
		}()
	}
	for i := range perturbed {
		next <- i
	}
	close(next)
	wg.Wait()

	settled := 0
	for i, res := range results {
		if strings.Contains(alone[i], "invariant broken") {
			t.Fatalf("%s: %s", perturbed[i].File, alone[i])
		}
		if res == nil {
			continue
		}
		settled++
		for _, cr := range res.Claims {
			sum := decimal.Zero
			for _, part := range []settle.Money{cr.HospitalBorne, cr.Basic, cr.Critical, cr.Assistance, cr.Tilted, cr.TopUp, cr.OutOfPocket} {
				if part < 0 {
					t.Fatalf("%s claim %s: a negative part %s", perturbed[i].File, cr.ID, part)
				}
				sum = sum.Add(part.Decimal())
			}
			if !sum.Equal(cr.Total.Decimal()) {
				t.Fatalf("%s claim %s: parts %s ≠ total %s", perturbed[i].File, cr.ID, sum, cr.Total)
			}
		}
	}
	// Most must settle, or the properties would be shown on errors alone.
	if settled < len(perturbed)*3/4 {
		t.Fatalf("only %d of %d perturbed perturbed settled", settled, len(perturbed))
	}

	for shuffle := 0; shuffle < 3; shuffle++ {
		engine := settle.New(set)
		for _, i := range rng.Perm(len(perturbed)) {
			if _, got := settleCase(engine, perturbed[i]); got != alone[i] {
				t.Fatalf("shuffle %d: %s settled with the others differs from alone:\n%s\nalone:\n%s", shuffle, perturbed[i].File, got, alone[i])
			}
		}
	}
	t.Logf("%d perturbed perturbed (%d settled): invariants kept; alone and in 3 shuffled orders together, byte-identical", len(perturbed), settled)
}

// settleCase settles a case and renders the result, or the error, as text.
func settleCase(e *settle.Engine, c *cases.Case) (*settle.Result, string) {
	res, err := e.Settle(context.Background(), c)
	if err != nil {
		return nil, "error: " + err.Error()
	}
	b, err := json.Marshal(res)
	if err != nil {
		return nil, "error: " + err.Error()
	}
	return res, string(b)
}

func perturbedGoldens(t *testing.T, set *policy.Set, rng *rand.Rand, rounds int) []*cases.Case {
	var out []*cases.Case
	for _, g := range golden.Cases() {
		n := g.Name
		c, ds := casefile.Load(n, g.Data, set)
		if ds.HasErrors() {
			t.Fatalf("%s: %v", n, ds)
		}
		cats := namedCategories(set, c.Region)
		for round := 0; round < rounds; round++ {
			cs := c.Case
			cs.File = fmt.Sprintf("%s#%d", n, round)
			cs.Person = perturbPerson(rng, set, c.Person, cats)
			cs.Claims = append([]cases.Claim(nil), c.Claims...)
			for i := range cs.Claims {
				cl := &cs.Claims[i]
				cl.Total = settle.Money(rng.Int64N(50_000_000))
				cl.OutOfCatalog = settle.Money(rng.Int64N(int64(cl.Total) + 1))
				if cl.BasicPaid != nil && !cl.Uninsured {
					b := settle.Money(rng.Int64N(int64(cl.Total-cl.OutOfCatalog) + 1))
					cl.BasicPaid = &b
				}
			}
			out = append(out, &cs)
		}
	}
	return out
}

func namedCategories(set *policy.Set, region string) []string {
	var out []string
	for _, c := range set.Schema.Vocabulary("category").IDs() {
		if set.Regions[region].NamesCategory(c) {
			out = append(out, c)
		}
	}
	return out
}

// perturbPerson redraws what the person's decisions may read: age,
// residence, exit year, household, and half the time the categories.
func perturbPerson(rng *rand.Rand, set *policy.Set, p cases.Person, cats []string) cases.Person {
	q := p
	age := rng.IntN(100)
	q.Age = &age
	q.Residence = []string{"rural", "urban"}[rng.IntN(2)]
	if rng.IntN(3) == 0 {
		q.ExitYear = nil
	} else {
		y := 2013 + rng.IntN(4)
		q.ExitYear = &y
	}
	if p.Household != nil || rng.IntN(2) == 0 {
		income := decimal.New(rng.Int64N(20_000_000), -2)
		assets := rng.IntN(2) == 0
		q.Household = &cases.Household{AnnualDisposableIncome: &income, AssetsWithinLimit: &assets}
	}
	if rng.IntN(2) == 0 && len(cats) > 0 {
		q.Categories = []string{cats[rng.IntN(len(cats))]}
		if b := cats[rng.IntN(len(cats))]; rng.IntN(2) == 0 && b != q.Categories[0] && set.Schema.Exclusive(q.Categories[0], b) == "" {
			q.Categories = append(q.Categories, b)
		}
	}
	return q
}
