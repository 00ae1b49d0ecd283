package sim

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/polc-dev/polc/settle"
	"github.com/polc-dev/polc/settle/money"
)

// Tiers.add refuses exactly the figures whose sums would pass int64, or
// that are negative, as adding each one checked would: against big.Int,
// on figures drawn near the edges.
func TestTiersAddChecksEachSum(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(11, 12))
	draw := func() money.Amount {
		switch rng.IntN(5) {
		case 0:
			return money.Amount(math.MaxInt64 - rng.Int64N(3))
		case 1:
			return money.Amount(rng.Int64N(1 << 62))
		case 2:
			return money.Amount(-rng.Int64N(3))
		}
		return money.Amount(rng.Int64N(1000))
	}
	for range 100_000 {
		var tr Tiers
		fs := []*money.Amount{&tr.Total, &tr.HospitalBorne, &tr.Basic, &tr.Critical, &tr.Assistance, &tr.Tilted, &tr.TopUp, &tr.OutOfPocket}
		for _, f := range fs {
			*f = max(0, draw())
		}
		var o settle.Totals
		os := []*money.Amount{&o.Total, &o.HospitalBorne, &o.Basic, &o.Critical, &o.Assistance, &o.Tilted, &o.TopUp, &o.OutOfPocket}
		want := true
		for i, f := range os {
			*f = draw()
			sum := new(big.Int).Add(big.NewInt(int64(*fs[i])), big.NewInt(int64(*f)))
			if *f < 0 || !sum.IsInt64() {
				want = false
			}
		}
		before := tr
		if got := tr.add(&o); got != want {
			t.Fatalf("%+v + %+v: add says %v, want %v", before, o, got, want)
		}
	}
}
