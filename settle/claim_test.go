package settle

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/polc-dev/polc/compiler"
)

func d(s string) decimal.Decimal            { return decimal.RequireFromString(s) }
func dp(s string) *decimal.Decimal          { v := d(s); return &v }
func fig(s, clause string) *compiler.Figure { return &compiler.Figure{Value: d(s), Clause: clause} }

func plan(tiers ...*compiler.Terms) *prepared {
	p := &compiler.Plan{Tiers: map[string]*compiler.Terms{}}
	for _, t := range tiers {
		p.Tiers[t.Tier] = t
	}
	return prepare(p)
}

// Bands have absolute edges on the year's accumulation: a claim that
// crosses an edge pays each band's ratio on its own part, and a tilted
// deductible only makes the first band start earlier.
func TestBandsOnTheAccumulation(t *testing.T) {
	crit := &compiler.Terms{Tier: "critical", DeductibleBasis: "annual", CapGroup: "critical", Deductible: fig("20000", "x"),
		Bands: []compiler.Band{{Upto: dp("100000"), Ratio: d("0.6")}, {Ratio: d("0.7")}}, CapGiven: true, AnnualCap: fig("400000", "x"), Clauses: []string{"x"}}
	y := newYear()
	// c1: P1 = 50000 → (50000 − 20000) × 0.6 = 18000.00
	r1, err := y.settleClaim(&Claim{ID: "c1", Total: d("50000")}, plan(crit))
	if err != nil || !r1.Critical.Equal(d("18000")) {
		t.Fatalf("c1 critical = %v, %v", r1.Critical, err)
	}
	// c2: accumulation 50000 → 130000: 50000 × 0.6 + 30000 × 0.7 = 30000 + 21000 = 51000.00
	r2, err := y.settleClaim(&Claim{ID: "c2", Total: d("80000")}, plan(crit))
	if err != nil || !r2.Critical.Equal(d("51000")) {
		t.Fatalf("c2 critical = %v, %v", r2.Critical, err)
	}
	if len(r2.Steps[0].Bands) != 2 {
		t.Fatalf("c2 bands = %+v", r2.Steps[0].Bands)
	}
}

// Tilts: deductible × 0.5 rounded to the fen, a floor, then +5 points
// capped at 1, and no cap — in that order whatever the rules' order.
func TestTilts(t *testing.T) {
	crit := &compiler.Terms{Tier: "critical", CapGroup: "critical", Deductible: fig("17833.33", "x"),
		Bands: []compiler.Band{{Upto: dp("100000"), Ratio: d("0.6")}, {Ratio: d("0.98")}}, CapGiven: true, AnnualCap: fig("1000", "x"),
		Tilts: []compiler.Tilt{{DeductibleFactor: dp("0.5"), RatioAdd: dp("0.05"), RatioFloor: dp("0.7"), RemoveCap: true}}}
	eff := effective(crit)
	// 17833.33 × 0.5 = 8916.665 → 8916.67
	if !eff.deductible.Equal(d("8916.67")) || eff.cap != nil {
		t.Fatalf("deductible %v cap %v", eff.deductible, eff.cap)
	}
	// Floors first, then points: 0.6 raised to the floor 0.7, + 0.05 = 0.75;
	// 0.98 + 0.05 stops at 1.
	if !eff.bands[0].Ratio.Equal(d("0.75")) || !eff.bands[1].Ratio.Equal(d("1")) {
		t.Fatalf("bands %+v", eff.bands)
	}
}

// The out-of-catalog excess above L·T is borne by the hospital where the
// document says so, and only reported where it does not.
func TestOutOfCatalogLimit(t *testing.T) {
	bears := &compiler.Terms{Tier: "out_of_catalog", Limit: fig("0.1", "二(六)"), HospitalBears: true}
	y := newYear()
	// T = 10000, O = 1500, L·T = 1000.00 → H = 500.00, patient pays 1000 + in-scope 8500
	r, err := y.settleClaim(&Claim{ID: "c1", Total: d("10000"), OutOfCatalog: d("1500")}, plan(bears))
	if err != nil || !r.HospitalBorne.Equal(d("500")) || !r.OutOfPocket.Equal(d("9500")) {
		t.Fatalf("hospital %v oop %v err %v", r.HospitalBorne, r.OutOfPocket, err)
	}
	reports := &compiler.Terms{Tier: "out_of_catalog", Limit: fig("0.05", "二(十四)")}
	r, err = newYear().settleClaim(&Claim{ID: "c1", Total: d("10000"), OutOfCatalog: d("1500")}, plan(reports))
	if err != nil || !r.HospitalBorne.IsZero() || !strings.Contains(r.Steps[0].Note, "1000.00") {
		t.Fatalf("hospital %v note %q err %v", r.HospitalBorne, r.Steps[0].Note, err)
	}
}

// The top-up brings the reimbursement to R·S within the assistance cap
// group it shares with M.
func TestTopUpSharesTheAssistanceCap(t *testing.T) {
	basic := &compiler.Terms{Tier: "basic", DeductibleBasis: "per_claim", CapGroup: "basic", Deductible: fig("1000", "b"), Ratio: fig("0.5", "b")}
	assist := &compiler.Terms{Tier: "assistance", CapGroup: "assistance", Ratio: fig("0.5", "a"), CapGiven: true, AnnualCap: fig("5000", "a")}
	top := &compiler.Terms{Tier: "top_up", CapGroup: "assistance", Target: fig("0.9", "t")}
	y := newYear()
	// S = 11000: B = (11000 − 1000) × 0.5 = 5000; P2 = 6000; M = 3000; P3 = 3000
	// R·S = 9900; need = 9900 − 8000 = 1900; cap left 5000 − 3000 = 2000 → Tu = 1900
	r, err := y.settleClaim(&Claim{ID: "c1", Total: d("11000")}, plan(basic, assist, top))
	if err != nil {
		t.Fatal(err)
	}
	if !r.Assistance.Equal(d("3000")) || !r.TopUp.Equal(d("1900")) || !r.OutOfPocket.Equal(d("1100")) {
		t.Fatalf("M %v Tu %v oop %v err %v", r.Assistance, r.TopUp, r.OutOfPocket, err)
	}
	// A second claim finds 100 left in the shared group.
	r, err = y.settleClaim(&Claim{ID: "c2", Total: d("11000")}, plan(basic, assist, top))
	if err != nil {
		t.Fatal(err)
	}
	if !r.Assistance.Equal(d("100")) || !r.TopUp.IsZero() {
		t.Fatalf("c2 M %v Tu %v err %v", r.Assistance, r.TopUp, err)
	}
}

// Assistance deductibles are annual unless the plan marks one per claim.
func TestAnnualAndPerClaimDeductibles(t *testing.T) {
	annual := &compiler.Terms{Tier: "assistance", DeductibleBasis: "annual", CapGroup: "assistance", Deductible: fig("3000", "a"), Ratio: fig("0.5", "a")}
	y := newYear()
	r1, _ := y.settleClaim(&Claim{ID: "c1", Total: d("2000")}, plan(annual))
	r2, _ := y.settleClaim(&Claim{ID: "c2", Total: d("2000")}, plan(annual))
	// accumulation 0 → 2000: nothing; 2000 → 4000: (4000 − 3000) × 0.5 = 500
	if !r1.Assistance.IsZero() || !r2.Assistance.Equal(d("500")) {
		t.Fatalf("annual: %v, %v", r1.Assistance, r2.Assistance)
	}
	perClaim := *annual
	perClaim.DeductibleBasis = "per_claim"
	y = newYear()
	r1, _ = y.settleClaim(&Claim{ID: "c1", Total: d("2000")}, plan(&perClaim))
	r2, _ = y.settleClaim(&Claim{ID: "c2", Total: d("2000")}, plan(&perClaim))
	if !r1.Assistance.IsZero() || !r2.Assistance.IsZero() {
		t.Fatalf("per claim: %v, %v", r1.Assistance, r2.Assistance)
	}
}

// A result that breaks an invariant is an error, never a printed result.
func TestInvariantViolationIsAnError(t *testing.T) {
	y := newYear()
	_, err := y.settleClaim(&Claim{ID: "c9", Total: d("100"), BasicPaid: dp("150")}, plan())
	if err == nil || !strings.Contains(err.Error(), "invariant broken") {
		t.Fatalf("err = %v", err)
	}
}

func TestOverlap(t *testing.T) {
	for _, tc := range []struct {
		a0, a1, lo string
		hi         *decimal.Decimal
		want       string
	}{
		{"0", "100", "20", nil, "80"},
		{"50", "100", "20", dp("60"), "10"},
		{"70", "100", "20", dp("60"), "0"},
		{"0", "10", "20", nil, "0"},
	} {
		if got := overlap(d(tc.a0), d(tc.a1), d(tc.lo), tc.hi); !got.Equal(d(tc.want)) {
			t.Errorf("overlap(%s,%s,%s) = %v, want %s", tc.a0, tc.a1, tc.lo, got, tc.want)
		}
	}
}
