package casefile_test

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/golden"
	"github.com/polc-dev/polc/settle"
)

// TestInvariantsOnPerturbedGoldens settles every golden case again with its
// claims' amounts redrawn at random (a fixed seed, so the test is
// repeatable): totals from a fen to a million, out-of-catalog and basic_paid
// anywhere within what the contract allows. Every result must keep the
// invariants the engine checks — which it reports as "invariant broken" —
// and every claim's parts must add up to its total.
func TestInvariantsOnPerturbedGoldens(t *testing.T) {
	set := shippedSet(t)
	rng := rand.New(rand.NewPCG(20261122, 1))
	fen := func(max settle.Money) settle.Money { return settle.Money(rng.Int64N(int64(max) + 1)) }
	names, _ := fs.Glob(golden.FS, "*/*.yaml")
	engine := settle.New(set)
	runs, settled := 0, 0
	for _, n := range names {
		data, _ := fs.ReadFile(golden.FS, n)
		c, ds := casefile.Load(n, data, set)
		if ds.HasErrors() {
			t.Fatalf("%s: %v", n, ds)
		}
		for round := 0; round < 25; round++ {
			cs := c.Case
			cs.Claims = append([]settle.Claim(nil), c.Claims...)
			for i := range cs.Claims {
				cl := &cs.Claims[i]
				cl.Total = fen(100_000_000)
				cl.OutOfCatalog = fen(cl.Total)
				if cl.BasicPaid != nil && !cl.Uninsured {
					b := fen(cl.Total - cl.OutOfCatalog)
					cl.BasicPaid = &b
				}
			}
			res, err := engine.Settle(context.Background(), &cs)
			runs++
			if err != nil {
				if strings.Contains(err.Error(), "invariant broken") {
					t.Fatalf("%s round %d: %v", n, round, err)
				}
				continue // e.g. no params for a year: a clear error is fine
			}
			settled++
			for _, cr := range res.Claims {
				// In decimal, independently of the engine's own check.
				sum := decimal.Zero
				for _, part := range []settle.Money{cr.HospitalBorne, cr.Basic, cr.Critical, cr.Assistance, cr.Tilted, cr.TopUp, cr.OutOfPocket} {
					if part < 0 {
						t.Fatalf("%s round %d claim %s: a negative part %s", n, round, cr.ID, part)
					}
					sum = sum.Add(part.Decimal())
				}
				if !sum.Equal(cr.Total.Decimal()) {
					t.Fatalf("%s round %d claim %s: parts %s ≠ total %s", n, round, cr.ID, sum, cr.Total)
				}
			}
		}
	}
	// Most redraws must settle, or the test would prove nothing.
	if settled < runs*9/10 {
		t.Fatalf("only %d of %d perturbed cases settled", settled, runs)
	}
	t.Log(fmt.Sprintf("%d of %d perturbed settlements computed", settled, runs))
}
