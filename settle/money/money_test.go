package money

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// The claim loop's arithmetic must give shopspring's results digit for
// digit: a ratio of an amount, rounded with Round(2), printed with
// StringFixed(2) and String.
func TestAgreesWithDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(2026, 11))
	for i := 0; i < 200_000; i++ {
		a := Amount(rng.Int64N(int64(MaxAmount) + 1))
		if i%2 == 0 {
			a = Amount(rng.Int64N(10_000_000)) // everyday bills
		}
		r := Rate(rng.Int64N(int64(One) + 1))
		switch i % 4 {
		case 0:
			r = r / 1_000_000 * 1_000_000 // three decimals, like 0.725
		case 1:
			r = Rate(rng.Int64N(int64(MaxRate) + 1))
		}
		want := r.Decimal().Mul(a.Decimal()).Round(2)
		got := r.Of(a)
		if !got.Decimal().Equal(want) || got.String() != want.StringFixed(2) {
			t.Fatalf("%s × %s = %s, want %s", r, a, got, want.StringFixed(2))
		}
		if r.String() != r.Decimal().String() {
			t.Fatalf("rate %d prints %q, decimal prints %q", int64(r), r.String(), r.Decimal().String())
		}
	}
}

// A banded payment is rounded once over all its bands.
func TestProductsRoundOnce(t *testing.T) {
	var p Products
	p.Add(rate(t, "0.5"), amount(t, "0.01")) // 0.005
	p.Add(rate(t, "0.5"), amount(t, "0.01")) // 0.005
	if got := p.Fen(); got != 1 {
		t.Fatalf("0.005 + 0.005 = %s, want 0.01 (rounding each band would give 0.02)", got)
	}
	if got := rate(t, "0.5").Of(amount(t, "0.01")); got != 1 {
		t.Fatalf("0.5 × 0.01 = %s, want 0.01 (half-up)", got)
	}
}

// Fen divides in 64 bits while the sum fits them and in 128 beyond: the
// two agree on either side of 2⁶⁴, where the half added for rounding may
// carry into the high word.
func TestFenAcrossTheWord(t *testing.T) {
	for _, lo := range []uint64{0, 1, RateScale/2 - 1, RateScale / 2, 1<<64 - RateScale/2 - 1, 1<<64 - RateScale/2, 1<<64 - 1} {
		for _, hi := range []uint64{0, 1, 7} {
			p := Products{hi: hi, lo: lo}
			want := decimal.NewFromBigInt(new(big.Int).Add(new(big.Int).Lsh(new(big.Int).SetUint64(hi), 64), new(big.Int).SetUint64(lo)), -rateDigits).Round(0)
			if got := p.Fen(); !decimal.NewFromInt(int64(got)).Equal(want) {
				t.Errorf("hi %d lo %d: %d fen, want %s", hi, lo, got, want)
			}
		}
	}
}

// FromDecimal's allocation-free path gives what the general one does, or
// leaves the amount to it: across exponents, signs and lengths.
func TestFromSmallDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(2026, 12))
	for i := 0; i < 200_000; i++ {
		d := decimal.New(rng.Int64N(1<<(1+rng.IntN(62)))-(1<<20), int32(rng.IntN(40)-22))
		fast, ok := fromSmallDecimal(d)
		fen := d.Shift(2)
		want, exact := Amount(fen.IntPart()), fen.IsInteger() && !fen.Abs().GreaterThan(decimal.NewFromInt(int64(MaxAmount)))
		if ok && (!exact || fast != want) {
			t.Fatalf("%s: fast %d, want %d (exact %v)", d, fast, want, exact)
		}
		if !ok && exact && d.NumDigits() <= 15 && d.Exponent() >= -18 {
			t.Fatalf("%s: a small exact amount left to the general path", d)
		}
		if got, err := FromDecimal(d); (err == nil) != exact || (exact && got != want) {
			t.Fatalf("%s: FromDecimal %d, %v; want %d (exact %v)", d, got, err, want, exact)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = FromDecimal(decimal.RequireFromString("36000.5")) }); n > 0 {
		// RequireFromString allocates; the conversion must not add to it.
		base := testing.AllocsPerRun(100, func() { _ = decimal.RequireFromString("36000.5") })
		if n > base {
			t.Errorf("FromDecimal allocates %v times", n-base)
		}
	}
}

func TestConversions(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"0", "0.00"}, {"12.3", "12.30"}, {"-0.05", "-0.05"}, {"100000000000000", "100000000000000.00"},
	} {
		if got := amount(t, tc.in).String(); got != tc.want {
			t.Errorf("amount %s prints %s, want %s", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"0.70", "0.7"}, {"1", "1"}, {"0.000000001", "0.000000001"}, {"0.05", "0.05"},
	} {
		if got := rate(t, tc.in).String(); got != tc.want {
			t.Errorf("ratio %s prints %s, want %s", tc.in, got, tc.want)
		}
		if got := string(rate(t, tc.in).AppendText([]byte(`"`))); got != `"`+tc.want {
			t.Errorf("ratio %s appends %s, want \"%s", tc.in, got, tc.want)
		}
	}
	if got := rate(t, "0.1").Percent(); got != "10%" {
		t.Errorf("0.1 as a percentage: %s", got)
	}
	for _, bad := range []string{"0.001", "100000000000000.01", "100000000000001"} {
		if _, err := FromDecimal(decimal.RequireFromString(bad)); err == nil {
			t.Errorf("amount %s accepted", bad)
		}
	}
	for _, bad := range []string{"0.0000000001", "-0.1", "100.000000001"} {
		if _, err := RateFromDecimal(decimal.RequireFromString(bad)); err == nil {
			t.Errorf("ratio %s accepted", bad)
		}
	}
	if b, _ := amount(t, "-1.5").MarshalJSON(); string(b) != `"-1.50"` {
		t.Errorf("json %s", b)
	}
}

func amount(t *testing.T, s string) Amount {
	a, err := FromDecimal(decimal.RequireFromString(s))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func rate(t *testing.T, s string) Rate {
	r, err := RateFromDecimal(decimal.RequireFromString(s))
	if err != nil {
		t.Fatal(err)
	}
	return r
}
