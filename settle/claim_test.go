package settle

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle/money"
)

func d(s string) decimal.Decimal          { return decimal.RequireFromString(s) }
func dp(s string) *decimal.Decimal        { v := d(s); return &v }
func fig(s, clause string) *policy.Figure { return &policy.Figure{Value: d(s), Clause: clause} }

func m(s string) Money {
	a, err := money.FromDecimal(d(s))
	if err != nil {
		panic(err)
	}
	return a
}

func mp(s string) *Money { v := m(s); return &v }

func plan(t *testing.T, tiers ...*policy.Terms) *prepared {
	p := &policy.Plan{Tiers: map[string]*policy.Terms{}}
	for _, tt := range tiers {
		p.Tiers[tt.Tier] = tt
	}
	pp, err := prepare(p, &testGroups)
	if err != nil {
		t.Fatal(err)
	}
	return pp
}

// testGroups numbers cap groups across the plans of a test, as an engine does.
var testGroups groupIDs

// settle1 settles one claim of the year.
func (y *year) settle1(cl *cases.Claim, pp *prepared) (*ClaimResult, error) {
	var r ClaimResult
	err := y.settleClaim(cl, pp, &r)
	return &r, err
}

// Bands have absolute edges on the year's accumulation: a claim that
// crosses an edge pays each band's ratio on its own part, and a tilted
// deductible only makes the first band start earlier.
func TestBandsOnTheAccumulation(t *testing.T) {
	crit := &policy.Terms{Tier: "critical", DeductibleBasis: "annual", CapGroup: "critical", Deductible: fig("20000", "x"),
		Bands: []policy.Band{{Upto: dp("100000"), Ratio: d("0.6")}, {Ratio: d("0.7")}}, CapGiven: true, AnnualCap: fig("400000", "x"), Clauses: []string{"x"}}
	y := newYear(2)
	// c1: P1 = 50000 → (50000 − 20000) × 0.6 = 18000.00
	r1, err := y.settle1(&cases.Claim{ID: "c1", Total: m("50000")}, plan(t, crit))
	if err != nil || r1.Critical != m("18000") {
		t.Fatalf("c1 critical = %v, %v", r1.Critical, err)
	}
	// c2: accumulation 50000 → 130000: 50000 × 0.6 + 30000 × 0.7 = 30000 + 21000 = 51000.00
	r2, err := y.settle1(&cases.Claim{ID: "c2", Total: m("80000")}, plan(t, crit))
	if err != nil || r2.Critical != m("51000") {
		t.Fatalf("c2 critical = %v, %v", r2.Critical, err)
	}
	if len(r2.Steps[0].Bands) != 2 {
		t.Fatalf("c2 bands = %+v", r2.Steps[0].Bands)
	}
}

// Tilts: deductible × 0.5 rounded to the fen, a floor, then +5 points
// capped at 1, and no cap — in that order whatever the rules' order.
func TestTilts(t *testing.T) {
	crit := &policy.Terms{Tier: "critical", CapGroup: "critical", Deductible: fig("17833.33", "x"),
		Bands: []policy.Band{{Upto: dp("100000"), Ratio: d("0.6")}, {Ratio: d("0.98")}}, CapGiven: true, AnnualCap: fig("1000", "x"),
		Tilts: []policy.Tilt{{DeductibleFactor: dp("0.5"), RatioAdd: dp("0.05"), RatioFloor: dp("0.7"), RemoveCap: true}}}
	eff, err := effective(crit)
	if err != nil {
		t.Fatal(err)
	}
	// 17833.33 × 0.5 = 8916.665 → 8916.67
	if eff.deductible != m("8916.67") || eff.capped {
		t.Fatalf("deductible %v cap %v", eff.deductible, eff.cap)
	}
	// Floors first, then points: 0.6 raised to the floor 0.7, + 0.05 = 0.75;
	// 0.98 + 0.05 stops at 1.
	if eff.bands[0].ratio.String() != "0.75" || eff.bands[1].ratio != money.One {
		t.Fatalf("bands %+v", eff.bands)
	}
}

// The out-of-catalog excess above L·T is borne by the hospital where the
// document says so, and only reported where it does not.
func TestOutOfCatalogLimit(t *testing.T) {
	bears := &policy.Terms{Tier: "out_of_catalog", Limit: fig("0.1", "二(六)"), HospitalBears: true}
	y := newYear(2)
	// T = 10000, O = 1500, L·T = 1000.00 → H = 500.00, patient pays 1000 + in-scope 8500
	r, err := y.settle1(&cases.Claim{ID: "c1", Total: m("10000"), OutOfCatalog: m("1500")}, plan(t, bears))
	if err != nil || r.HospitalBorne != m("500") || r.OutOfPocket != m("9500") {
		t.Fatalf("hospital %v oop %v err %v", r.HospitalBorne, r.OutOfPocket, err)
	}
	reports := &policy.Terms{Tier: "out_of_catalog", Limit: fig("0.05", "二(十四)")}
	r, err = newYear(2).settle1(&cases.Claim{ID: "c1", Total: m("10000"), OutOfCatalog: m("1500")}, plan(t, reports))
	if err != nil || r.HospitalBorne != 0 || !strings.Contains(r.Steps[0].Note, "1000.00") {
		t.Fatalf("hospital %v note %q err %v", r.HospitalBorne, r.Steps[0].Note, err)
	}
}

// The top-up brings the reimbursement to R·S within the assistance cap
// group it shares with M.
func TestTopUpSharesTheAssistanceCap(t *testing.T) {
	basic := &policy.Terms{Tier: "basic", DeductibleBasis: "per_claim", CapGroup: "basic", Deductible: fig("1000", "b"), Ratio: fig("0.5", "b")}
	assist := &policy.Terms{Tier: "assistance", CapGroup: "assistance", Ratio: fig("0.5", "a"), CapGiven: true, AnnualCap: fig("5000", "a")}
	top := &policy.Terms{Tier: "top_up", CapGroup: "assistance", Target: fig("0.9", "t")}
	y := newYear(2)
	// S = 11000: B = (11000 − 1000) × 0.5 = 5000; P2 = 6000; M = 3000; P3 = 3000
	// R·S = 9900; need = 9900 − 8000 = 1900; cap left 5000 − 3000 = 2000 → Tu = 1900
	r, err := y.settle1(&cases.Claim{ID: "c1", Total: m("11000")}, plan(t, basic, assist, top))
	if err != nil {
		t.Fatal(err)
	}
	if r.Assistance != m("3000") || r.TopUp != m("1900") || r.OutOfPocket != m("1100") {
		t.Fatalf("M %v Tu %v oop %v err %v", r.Assistance, r.TopUp, r.OutOfPocket, err)
	}
	// A second claim finds 100 left in the shared group.
	r, err = y.settle1(&cases.Claim{ID: "c2", Total: m("11000")}, plan(t, basic, assist, top))
	if err != nil {
		t.Fatal(err)
	}
	if r.Assistance != m("100") || r.TopUp != 0 {
		t.Fatalf("c2 M %v Tu %v err %v", r.Assistance, r.TopUp, err)
	}
}

// Assistance deductibles are annual unless the plan marks one per claim.
func TestAnnualAndPerClaimDeductibles(t *testing.T) {
	annual := &policy.Terms{Tier: "assistance", DeductibleBasis: "annual", CapGroup: "assistance", Deductible: fig("3000", "a"), Ratio: fig("0.5", "a")}
	y := newYear(2)
	r1, _ := y.settle1(&cases.Claim{ID: "c1", Total: m("2000")}, plan(t, annual))
	r2, _ := y.settle1(&cases.Claim{ID: "c2", Total: m("2000")}, plan(t, annual))
	// accumulation 0 → 2000: nothing; 2000 → 4000: (4000 − 3000) × 0.5 = 500
	if r1.Assistance != 0 || r2.Assistance != m("500") {
		t.Fatalf("annual: %v, %v", r1.Assistance, r2.Assistance)
	}
	perClaim := *annual
	perClaim.DeductibleBasis = "per_claim"
	y = newYear(2)
	r1, _ = y.settle1(&cases.Claim{ID: "c1", Total: m("2000")}, plan(t, &perClaim))
	r2, _ = y.settle1(&cases.Claim{ID: "c2", Total: m("2000")}, plan(t, &perClaim))
	if r1.Assistance != 0 || r2.Assistance != 0 {
		t.Fatalf("per claim: %v, %v", r1.Assistance, r2.Assistance)
	}
}

// A result that breaks an invariant is an error, never a printed result.
func TestInvariantViolationIsAnError(t *testing.T) {
	y := newYear(2)
	_, err := y.settle1(&cases.Claim{ID: "c9", Total: m("100"), BasicPaid: mp("150")}, plan(t))
	if err == nil || !strings.Contains(err.Error(), "invariant broken") {
		t.Fatalf("err = %v", err)
	}
}

// A tier pays on the part of the accumulation's move inside [deductible,
// band end]: before, across and after the band, and below the deductible.
func TestPayOnTheOverlap(t *testing.T) {
	for _, tc := range []struct {
		a0, a1, deductible string
		upto               *Money
		want               string
	}{
		{"0", "100", "20", nil, "80"},
		{"50", "100", "20", mp("60"), "10"},
		{"70", "100", "20", mp("60"), "0"},
		{"0", "10", "20", nil, "0"},
	} {
		eff := &terms{deductible: m(tc.deductible), bands: []band{{ratio: money.One, open: tc.upto == nil}}}
		if tc.upto != nil {
			eff.bands[0].upto = *tc.upto
		}
		if got, _ := eff.pay(m(tc.a0), m(tc.a1)); got != m(tc.want) {
			t.Errorf("pay(%s→%s, deductible %s) = %v, want %s", tc.a0, tc.a1, tc.deductible, got, tc.want)
		}
	}
}

// A plan value the claim loop cannot hold exactly is an error naming its
// clause, never rounded on the way in.
func TestInexactPlanValueIsAnError(t *testing.T) {
	for _, tc := range []struct {
		terms *policy.Terms
		want  string
	}{
		{&policy.Terms{Tier: "assistance", CapGroup: "assistance", Ratio: fig("0.0000000001", "二(三)"), Clauses: []string{"二(三)"}},
			"plan terms (clause 二(三)): assistance ratio: ratio 0.0000000001 has more than 9 decimals"},
		{&policy.Terms{Tier: "critical", CapGroup: "critical", Deductible: fig("100.005", "二(二)"), Ratio: fig("0.6", "二(二)"), Clauses: []string{"二(二)"}},
			"plan terms (clause 二(二)): critical deductible: amount 100.005 has more than two decimals"},
		{&policy.Terms{Tier: "top_up", CapGroup: "assistance", Target: fig("0.9000000001", "三")},
			"top-up target (clause 三): ratio 0.9000000001 has more than 9 decimals"},
	} {
		_, err := prepare(&policy.Plan{Tiers: map[string]*policy.Terms{tc.terms.Tier: tc.terms}}, &testGroups)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("err = %v, want %q", err, tc.want)
		}
	}
}
