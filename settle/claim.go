package settle

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/polc-dev/polc/compiler"
)

// year carries what one claim leaves to the next: each tier's accumulated
// base (critical on P1, assistance on P2, tilted on P3) and what each cap
// group has paid.
type year struct {
	acc    map[string]decimal.Decimal
	used   map[string]decimal.Decimal
	claims []ClaimResult
	// measures, summed over claims
	insuredSelfPay, inScopeSelfPay decimal.Decimal
}

func newYear() *year {
	return &year{acc: map[string]decimal.Decimal{}, used: map[string]decimal.Decimal{}}
}

// terms are a tier's terms with its tilts applied: the deductible scaled and
// rounded, the ratio raised, the cap removed.
type terms struct {
	deductible decimal.Decimal
	bands      []compiler.Band // a plain ratio is one band with no end
	cap        *decimal.Decimal
	perClaim   bool
	group      string
	tilted     []string // what the tilts did, for the reviewer
	clause     string
	clauses    []string
}

func effective(t *compiler.Terms) terms {
	out := terms{perClaim: t.DeductibleBasis == "per_claim", group: t.CapGroup, clauses: t.Clauses}
	if t.Deductible != nil {
		out.deductible = t.Deductible.Value
	}
	switch {
	case len(t.Bands) > 0:
		out.bands = append(out.bands, t.Bands...)
		out.clause = t.BandsClause
	case t.Ratio != nil:
		out.bands = []compiler.Band{{Ratio: t.Ratio.Value}}
		out.clause = t.Ratio.Clause
	}
	if t.AnnualCap != nil {
		out.cap = decimalPtr(t.AnnualCap.Value)
	}
	if out.clause == "" && len(t.Clauses) > 0 {
		out.clause = t.Clauses[0]
	}
	// Tilts compose in one order whatever the order of the rules that state
	// them: the deductible factor; then floors, a minimum level of the
	// ordinary terms; then points added to that level (提高N个百分点 is
	// relative to what others get), at most 1; then the cap removed. The
	// compiler lets at most one rule set each operation of a tier.
	var factor, floor, add *decimal.Decimal
	removeCap := false
	for _, tl := range t.Tilts {
		if tl.DeductibleFactor != nil {
			factor = tl.DeductibleFactor
		}
		if tl.RatioFloor != nil {
			floor = tl.RatioFloor
		}
		if tl.RatioAdd != nil {
			add = tl.RatioAdd
		}
		removeCap = removeCap || tl.RemoveCap
	}
	if factor != nil {
		before := out.deductible
		out.deductible = fen(out.deductible.Mul(*factor))
		out.tilted = append(out.tilted, fmt.Sprintf("起付线 %s × %s = %s", before.StringFixed(2), factor, out.deductible.StringFixed(2)))
	}
	if floor != nil {
		out.tilted = append(out.tilted, fmt.Sprintf("比例不低于 %s", floor))
	}
	if add != nil {
		out.tilted = append(out.tilted, fmt.Sprintf("比例提高 %s（至多 1）", add))
	}
	for i := range out.bands {
		if floor != nil {
			out.bands[i].Ratio = maxDec(out.bands[i].Ratio, *floor)
		}
		if add != nil {
			out.bands[i].Ratio = minDec(one, out.bands[i].Ratio.Add(*add))
		}
	}
	if removeCap {
		out.cap = nil
		out.tilted = append(out.tilted, "不设封顶线")
	}
	return out
}

// pay is what the terms pay as the accumulation moves from a0 to a1: each
// band's ratio on the part of [a0, a1] inside the band and above the
// deductible, summed, rounded once to the fen.
func (t terms) pay(a0, a1 decimal.Decimal) (decimal.Decimal, []BandPart) {
	sum := zero
	var parts []BandPart
	lo := zero
	for _, b := range t.bands {
		start := maxDec(t.deductible, lo)
		amount := overlap(a0, a1, start, b.Upto)
		if amount.IsPositive() {
			sum = sum.Add(b.Ratio.Mul(amount))
			part := BandPart{From: money(maxDec(a0, start)), Ratio: Ratio{b.Ratio}, Amount: money(amount)}
			if b.Upto != nil {
				part.Upto = &Money{*b.Upto}
			}
			parts = append(parts, part)
		}
		if b.Upto == nil {
			break
		}
		lo = *b.Upto
	}
	return fen(sum), parts
}

// capLeft is what the group may still pay under the terms' cap; nil: no cap.
func (y *year) capLeft(t terms) *decimal.Decimal {
	if t.cap == nil {
		return nil
	}
	left := maxDec(zero, t.cap.Sub(y.used[t.group]))
	return &left
}

// tier settles one accumulated tier for a claim: base is this claim's part
// of the tier's accumulation.
func (y *year) tier(name string, eff terms, base decimal.Decimal) (decimal.Decimal, Step) {
	a0, a1 := y.acc[name], y.acc[name].Add(base)
	if eff.perClaim {
		a0, a1 = zero, base
	}
	paid, parts := eff.pay(a0, a1)
	left := y.capLeft(eff)
	if left != nil {
		paid = minDec(paid, *left)
	}
	y.acc[name] = y.acc[name].Add(base)
	y.used[eff.group] = y.used[eff.group].Add(paid)
	step := Step{Tier: name, Base: money(base), Deductible: &Money{eff.deductible}, Paid: money(paid), Clause: eff.clause}
	if len(eff.bands) == 1 {
		step.Ratio = &Ratio{eff.bands[0].Ratio}
	} else {
		step.Bands = parts
	}
	if left != nil {
		step.CapLeft = &Money{*left}
	}
	if len(eff.clauses) > 1 {
		step.Clauses = eff.clauses
	}
	if len(eff.tilted) > 0 {
		step.Note = "按条款调整：" + strings.Join(eff.tilted, "；")
	}
	return paid, step
}

// counted is what a claim adds to a tier's base: what the tiers before
// left, or for an uninsured claim under a counting rule, the in-scope cost
// weighed — below the basic deductible at one weight, above it at another.
func (y *year) counted(tier string, pp *prepared, cl *Claim, S, left decimal.Decimal, r *ClaimResult) decimal.Decimal {
	t := pp.plan.Tier(tier)
	if !cl.Uninsured || t == nil || t.Counting == nil {
		return left
	}
	db := zero
	if basic, ok := pp.terms["basic"]; ok {
		db = basic.deductible
	}
	below := minDec(S, db)
	above := S.Sub(below)
	base := fen(below.Mul(t.Counting.BelowBasicDeductible).Add(above.Mul(t.Counting.AboveBasicDeductible)))
	r.Steps = append(r.Steps, Step{Tier: tier, Base: money(base), Paid: money(zero), Clause: t.Counting.Clause,
		Note: fmt.Sprintf("计入救助费用：起付线 %s 以下 %s × %s + 以上 %s × %s", db.StringFixed(2), below.StringFixed(2), t.Counting.BelowBasicDeductible, above.StringFixed(2), t.Counting.AboveBasicDeductible)})
	return minDec(base, left)
}

// accumulated settles a tier that pays on the year's accumulation, if the
// plan has it, and returns its payment and what it leaves.
func (y *year) accumulated(tier string, pp *prepared, base decimal.Decimal, r *ClaimResult) (paid, left decimal.Decimal) {
	eff, ok := pp.terms[tier]
	if !ok {
		return zero, base
	}
	paid, step := y.tier(tier, eff, base)
	r.Steps = append(r.Steps, step)
	return paid, base.Sub(paid)
}

// settleClaim runs one claim through the tiers in the order of DESIGN.md's
// settlement model and checks the invariants on what it produced.
func (y *year) settleClaim(cl *Claim, pp *prepared) (*ClaimResult, error) {
	plan := pp.plan
	T, O := cl.Total, cl.OutOfCatalog
	S := T.Sub(O)
	r := &ClaimResult{ID: cl.ID, Date: cl.Date, Kind: cl.Kind, Total: money(T), InScope: money(S), Steps: []Step{}}

	H := zero
	if t := plan.Tier("out_of_catalog"); t != nil && t.Limit != nil {
		allowed := fen(t.Limit.Value.Mul(T))
		excess := maxDec(zero, O.Sub(allowed))
		step := Step{Tier: "out_of_catalog", Base: money(O), Limit: &Ratio{t.Limit.Value}, Paid: money(zero), Clause: t.Limit.Clause}
		switch {
		case t.HospitalBears && excess.IsPositive():
			H = excess
			step.Paid = money(H)
			step.Note = fmt.Sprintf("目录外费用超过总费用的%s（%s元）部分由医疗机构承担", percent(t.Limit.Value), allowed.StringFixed(2))
		case excess.IsPositive():
			step.Note = fmt.Sprintf("目录外费用超过控制比例%s（%s元）%s元；文件未规定由谁承担，仅作报告", percent(t.Limit.Value), allowed.StringFixed(2), excess.StringFixed(2))
		default:
			step.Note = fmt.Sprintf("目录外费用未超过控制比例%s（%s元）", percent(t.Limit.Value), allowed.StringFixed(2))
		}
		r.Steps = append(r.Steps, step)
	}

	B := zero
	switch t := plan.Tier("basic"); {
	case cl.Uninsured:
		// Not insured when the cost arose: neither insurance tier pays.
		r.Steps = append(r.Steps, Step{Tier: "basic", Base: money(S), Paid: money(zero), Note: "未参保或处于待遇等待期：基本医保、大病保险不支付"})
	case cl.BasicPaid != nil:
		// The case knows what basic insurance paid; the plan's basic terms
		// (and their clause) still say which scheme paid it.
		B = *cl.BasicPaid
		y.used["basic"] = y.used["basic"].Add(B)
		clause := ""
		if t != nil && len(t.Clauses) > 0 {
			clause = t.Clauses[0]
		}
		r.Steps = append(r.Steps, Step{Tier: "basic", Base: money(S), Paid: money(B), Clause: clause, Note: "基本医保已支付（病例给定）"})
	case t != nil:
		var step Step
		B, step = y.tier("basic", pp.terms["basic"], S)
		r.Steps = append(r.Steps, step)
	}
	P1 := S.Sub(B)

	// Critical, assistance and tilted each pay on what the tier before left:
	// P1 → C, P2 → M, P3 → Tt.
	C, P2 := zero, P1
	if !cl.Uninsured {
		C, P2 = y.accumulated("critical", pp, P1, r)
	}
	M, P3 := y.accumulated("assistance", pp, y.counted("assistance", pp, cl, S, P2, r), r)
	P3 = P2.Sub(M)
	Tt, _ := y.accumulated("tilted", pp, y.counted("tilted", pp, cl, S, P3, r), r)

	Tu := zero
	if t := plan.Tier("top_up"); t != nil && t.Target != nil {
		eff := pp.terms["top_up"]
		target := fen(t.Target.Value.Mul(S))
		Tu = maxDec(zero, target.Sub(B.Add(C).Add(M).Add(Tt)))
		Tu = minDec(Tu, P3.Sub(Tt))
		left := y.capLeft(eff)
		if left != nil {
			Tu = minDec(Tu, *left)
		}
		y.used[eff.group] = y.used[eff.group].Add(Tu)
		step := Step{Tier: "top_up", Base: money(target), Target: &Ratio{t.Target.Value}, Paid: money(Tu), Clause: t.Target.Clause}
		if left != nil {
			step.CapLeft = &Money{*left}
		}
		r.Steps = append(r.Steps, step)
	}

	for _, v := range [...]struct {
		name string
		d    decimal.Decimal
	}{{"in-scope cost after basic insurance", P1}, {"after critical-illness insurance", P2}, {"after assistance", P3}} {
		if v.d.IsNegative() {
			return nil, fmt.Errorf("invariant broken: %s is negative (%s), which would make an accumulator decrease", v.name, v.d.StringFixed(2))
		}
	}
	OOP := T.Sub(H).Sub(B).Sub(C).Sub(M).Sub(Tt).Sub(Tu)
	r.HospitalBorne, r.Basic, r.Critical, r.Assistance, r.Tilted, r.TopUp, r.OutOfPocket = money(H), money(B), money(C), money(M), money(Tt), money(Tu), money(OOP)
	y.insuredSelfPay = y.insuredSelfPay.Add(P2)
	y.inScopeSelfPay = y.inScopeSelfPay.Add(P3.Sub(Tt).Sub(Tu))
	if err := y.check(r, pp); err != nil {
		return nil, err
	}
	y.claims = append(y.claims, *r)
	return r, nil
}

// check enforces the invariants of every result: no payment is negative,
// the parts sum to the total exactly, and no cap is exceeded.
func (y *year) check(r *ClaimResult, pp *prepared) error {
	parts := [...]struct {
		name string
		m    Money
	}{{"hospital_borne", r.HospitalBorne}, {"basic", r.Basic}, {"critical", r.Critical}, {"assistance", r.Assistance},
		{"tilted", r.Tilted}, {"top_up", r.TopUp}, {"out_of_pocket", r.OutOfPocket}}
	sum := zero
	for _, p := range parts {
		if p.m.IsNegative() {
			return fmt.Errorf("invariant broken: %s is negative (%s)", p.name, p.m.StringFixed(2))
		}
		if !p.m.IsZero() {
			sum = sum.Add(p.m.Decimal)
		}
	}
	if !sum.Equal(r.Total.Decimal) {
		return fmt.Errorf("invariant broken: the parts sum to %s, not the total %s", sum.StringFixed(2), r.Total.StringFixed(2))
	}
	for _, id := range []string{"basic", "critical", "assistance", "tilted", "top_up"} {
		eff, ok := pp.terms[id]
		if !ok {
			continue
		}
		if eff.cap != nil && y.used[eff.group].GreaterThan(*eff.cap) && id != "basic" {
			return fmt.Errorf("invariant broken: %s cap group %s has paid %s, over its cap %s", id, eff.group, y.used[eff.group].StringFixed(2), eff.cap.StringFixed(2))
		}
	}
	return nil
}

func (y *year) totals() Totals {
	var t Totals
	total := func(get func(ClaimResult) Money) Money {
		s := zero
		for _, c := range y.claims {
			s = s.Add(get(c).Decimal)
		}
		return money(s)
	}
	t.Total = total(func(c ClaimResult) Money { return c.Total })
	t.HospitalBorne = total(func(c ClaimResult) Money { return c.HospitalBorne })
	t.Basic = total(func(c ClaimResult) Money { return c.Basic })
	t.Critical = total(func(c ClaimResult) Money { return c.Critical })
	t.Assistance = total(func(c ClaimResult) Money { return c.Assistance })
	t.Tilted = total(func(c ClaimResult) Money { return c.Tilted })
	t.TopUp = total(func(c ClaimResult) Money { return c.TopUp })
	t.OutOfPocket = total(func(c ClaimResult) Money { return c.OutOfPocket })
	t.InsuredSelfPay = money(y.insuredSelfPay)
	t.InScopeSelfPay = money(y.inScopeSelfPay)
	t.TotalSelfPay = t.OutOfPocket
	return t
}

// percent writes a ratio as a percentage: 0.1 → "10%".
func percent(r decimal.Decimal) string {
	return r.Mul(decimal.NewFromInt(100)).String() + "%"
}
