package settle

import (
	"fmt"
	"slices"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/settle/money"
)

// year carries what one claim leaves to the next: each tier's accumulated
// base (critical on P1, assistance on P2, tilted on P3), what each cap
// group has paid, and the running totals.
type year struct {
	acc    [accumulatedTiers]Money
	used   []Money // by cap group id
	before []Money // what each capped tier's group had paid before the claim
	totals Totals
	// steps and amounts are backing arrays the year's claims take their
	// steps and cap-left figures from, a chunk at a time rather than an
	// allocation each: results are many small pointerful values, and the
	// allocations, not the arithmetic, were the claim loop's cost.
	steps   []Step
	amounts []Money
	left    int // claims not yet settled, to size the next chunk
}

// maxSteps is the most steps a claim can have: out-of-catalog, basic,
// critical, a counted base and a payment for each of assistance and
// tilted, and the top-up. Most have four or five.
const (
	maxSteps     = 8
	typicalSteps = 5
)

// chunkFor sizes a backing array for the claims still to come, up to 64.
func (y *year) chunkFor(per int) int { return max(1, min(y.left, 64)) * per }

// stepsFor returns an empty slice with room for a claim's steps, at the
// free end of the year's backing array.
func (y *year) stepsFor() []Step {
	if cap(y.steps)-len(y.steps) < maxSteps {
		y.steps = make([]Step, 0, max(maxSteps, y.chunkFor(typicalSteps)))
	}
	y.left--
	return y.steps[len(y.steps):len(y.steps)]
}

// keepSteps marks a claim's steps as taken and closes its slice, so no
// later append can reach into the next claim's.
func (y *year) keepSteps(steps []Step) []Step {
	if cap(steps) == cap(y.steps)-len(y.steps) { // still in the backing array
		y.steps = y.steps[:len(y.steps)+len(steps)]
	}
	return steps[:len(steps):len(steps)]
}

// amount stores a figure a step points to.
func (y *year) amount(m Money) *Money {
	if len(y.amounts) == cap(y.amounts) {
		y.amounts = make([]Money, 0, y.chunkFor(3))
	}
	y.amounts = append(y.amounts, m)
	return &y.amounts[len(y.amounts)-1]
}

// newYear starts a year of the given number of claims.
func newYear(claims int) *year { return &year{left: claims} }

// tierIndex numbers the tiers settled on an accumulation, so the claim
// loop finds their terms and accumulators without hashing their names.
type tierIndex int

const (
	basicTier tierIndex = iota
	criticalTier
	assistanceTier
	tiltedTier
	accumulatedTiers
)

var accumulatedTierIDs = [accumulatedTiers]string{"basic", "critical", "assistance", "tilted"}

// usedBy is what a cap group has paid so far this year.
func (y *year) usedBy(group int) Money {
	if group < len(y.used) {
		return y.used[group]
	}
	return 0
}

// pays adds a payment to a cap group.
func (y *year) pays(group int, m Money) {
	if group >= len(y.used) {
		y.used = append(y.used, make([]Money, group+1-len(y.used))...)
	}
	y.used[group] += m
}

// pay is what the terms pay as the accumulation moves from a0 to a1: each
// band's ratio on the part of [a0, a1] inside the band and above the
// deductible, summed exactly, rounded once to the fen. parts are filled in
// only for banded terms, for the reviewer.
func (t *terms) pay(a0, a1 Money) (Money, []BandPart) {
	var sum money.Products
	var parts []BandPart
	var lo Money
	for i := range t.bands {
		b := &t.bands[i]
		from := max(a0, t.deductible, lo)
		end := a1
		if !b.open {
			end = min(a1, b.upto)
		}
		if end > from {
			sum.Add(b.ratio, end-from)
			if len(t.bands) > 1 {
				part := BandPart{From: from, Ratio: b.ratio, Amount: end - from}
				if !b.open {
					part.Upto = &b.upto
				}
				parts = append(parts, part)
			}
		}
		if b.open {
			break
		}
		lo = b.upto
	}
	return sum.Fen(), parts
}

// capLeft is what the group may still pay under the terms' cap.
func (y *year) capLeft(t *terms) Money { return max(0, t.cap-y.usedBy(t.groupID)) }

// tier settles one accumulated tier for a claim: base is this claim's part
// of the tier's accumulation.
func (y *year) tier(eff *terms, base Money) (Money, Step) {
	a0 := y.acc[eff.index]
	a1 := a0 + base
	if eff.perClaim {
		a0, a1 = 0, base
	}
	paid, parts := eff.pay(a0, a1)
	step := Step{Tier: eff.tier, Base: base, Deductible: &eff.deductible, Clause: eff.clause, Note: eff.note, Parameters: eff.params}
	if !eff.perClaim {
		step.AccumulatedBefore, step.AccumulatedAfter = y.amount(a0), y.amount(a1)
	}
	left := Money(-1)
	if eff.capped {
		left = y.capLeft(eff)
		paid = min(paid, left)
		step.CapLeft = y.amount(left)
	}
	step.Paid = paid
	if paid == 0 {
		switch {
		case base == 0:
			step.Unpaid = UnpaidNothingLeft
		case a1 <= eff.deductible:
			step.Unpaid = UnpaidBelowDeductible
		case left == 0:
			step.Unpaid = UnpaidCapUsedUp
		}
	}
	y.acc[eff.index] += base
	y.pays(eff.groupID, paid)
	if len(eff.bands) == 1 {
		step.Ratio = &eff.bands[0].ratio
	} else {
		step.Bands = parts
	}
	if len(eff.clauses) > 1 {
		step.Clauses = eff.clauses
	}
	return paid, step
}

// counted is what a claim adds to a tier's base: what the tiers before
// left, or for an uninsured claim under a counting rule, the in-scope cost
// weighed — below the basic deductible at one weight, above it at another.
func (y *year) counted(tier tierIndex, pp *prepared, cl *cases.Claim, S, left Money, r *ClaimResult) Money {
	w := pp.counting[tier]
	if !cl.Uninsured || w == nil {
		return left
	}
	var db Money
	if basic := pp.tiers[basicTier]; basic != nil {
		db = basic.deductible
	}
	below := min(S, db)
	above := S - below
	var p money.Products
	p.Add(w.below, below)
	p.Add(w.above, above)
	base := p.Fen()
	r.Steps = append(r.Steps, Step{Tier: accumulatedTierIDs[tier], CountsOnly: true, Base: base, Clause: w.clause,
		Note: fmt.Sprintf("计入救助费用：起付线 %s 以下 %s × %s + 以上 %s × %s", db, below, w.below.Percent(), above, w.above.Percent())})
	return min(base, left)
}

// accumulated settles a tier that pays on the year's accumulation, if the
// plan has it, and returns its payment and what it leaves.
func (y *year) accumulated(tier tierIndex, pp *prepared, base Money, r *ClaimResult) (paid, left Money) {
	eff := pp.tiers[tier]
	if eff == nil {
		return 0, base
	}
	paid, step := y.tier(eff, base)
	r.Steps = append(r.Steps, step)
	return paid, base - paid
}

// settleClaim runs one claim through the tiers in the order of DESIGN.md's
// settlement model into r, and checks the invariants on what it produced.
func (y *year) settleClaim(cl *cases.Claim, pp *prepared, r *ClaimResult) error {
	T, O := cl.Total, cl.OutOfCatalog
	S := T - O
	*r = ClaimResult{ID: cl.ID, Date: cl.Date, Kind: cl.Kind, Total: T, InScope: S, Steps: y.stepsFor()}
	y.before = y.before[:0]
	for _, t := range pp.capped {
		y.before = append(y.before, y.usedBy(t.groupID))
	}

	var H Money
	if oc := pp.outOfCatalog; oc != nil {
		allowed := oc.limit.Of(T)
		excess := max(0, O-allowed)
		step := Step{Tier: "out_of_catalog", Base: O, Limit: &oc.limit, Clause: oc.clause, Parameters: oc.params}
		switch {
		case oc.hospitalBears && excess > 0:
			H = excess
			step.Paid = H
			step.Note = "目录外费用超过总费用的" + oc.limit.Percent() + "（" + allowed.String() + "元）部分由医疗机构承担"
		case excess > 0:
			step.Note = "目录外费用超过控制比例" + oc.limit.Percent() + "（" + allowed.String() + "元）" + excess.String() + "元；文件未规定由谁承担，仅作报告"
		default:
			step.Note = "目录外费用未超过控制比例" + oc.limit.Percent() + "（" + allowed.String() + "元）"
		}
		r.Steps = append(r.Steps, step)
	}

	var B Money
	switch basic := pp.tiers[basicTier]; {
	case cl.Uninsured:
		// Not insured when the cost arose: neither insurance tier pays.
		r.Steps = append(r.Steps, Step{Tier: "basic", Base: S, Note: "未参保或处于待遇等待期：基本医保、大病保险不支付"})
	case cl.BasicPaid != nil:
		// The case knows what basic insurance paid; the plan's basic terms
		// (and their clause) still say which scheme paid it.
		B = *cl.BasicPaid
		y.pays(pp.basicGroup, B)
		r.Steps = append(r.Steps, Step{Tier: "basic", Base: S, Paid: B, Clause: pp.basicClause, Note: "基本医保已支付（病例给定）"})
	case basic != nil:
		var step Step
		B, step = y.tier(basic, S)
		r.Steps = append(r.Steps, step)
	}
	P1 := S - B

	// Critical, assistance and tilted each pay on what the tier before left:
	// P1 → C, P2 → M, P3 → Tt.
	C, P2 := Money(0), P1
	if !cl.Uninsured {
		C, P2 = y.accumulated(criticalTier, pp, P1, r)
	}
	M, _ := y.accumulated(assistanceTier, pp, y.counted(assistanceTier, pp, cl, S, P2, r), r)
	P3 := P2 - M
	Tt, _ := y.accumulated(tiltedTier, pp, y.counted(tiltedTier, pp, cl, S, P3, r), r)

	var Tu Money
	if top := pp.topUp; top != nil {
		target := top.target.Of(S)
		Tu = min(max(0, target-(B+C+M+Tt)), P3-Tt)
		step := Step{Tier: "top_up", Base: target, Target: &top.target, Clause: top.clause, Parameters: top.params}
		left := Money(-1)
		if top.terms.capped {
			left = y.capLeft(top.terms)
			Tu = min(Tu, left)
			step.CapLeft = y.amount(left)
		}
		y.pays(top.terms.groupID, Tu)
		step.Paid = Tu
		if Tu == 0 {
			switch {
			case P3-Tt == 0:
				step.Unpaid = UnpaidNothingLeft
			case left == 0:
				step.Unpaid = UnpaidCapUsedUp
			}
		}
		r.Steps = append(r.Steps, step)
	}

	for _, v := range [...]struct {
		name string
		m    Money
	}{{"in-scope cost after basic insurance", P1}, {"after critical-illness insurance", P2}, {"after assistance", P3}} {
		if v.m < 0 {
			return fmt.Errorf("invariant broken: %s is negative (%s), which would make an accumulator decrease", v.name, v.m)
		}
	}
	r.NotApplied = pp.absent
	if cl.Uninsured && pp.tiers[criticalTier] != nil {
		r.NotApplied = append(slices.Clip(r.NotApplied), TierNote{Tier: "critical", Reason: UnpaidUninsured})
	}
	r.HospitalBorne, r.Basic, r.Critical, r.Assistance, r.Tilted, r.TopUp = H, B, C, M, Tt, Tu
	r.OutOfPocket = T - H - B - C - M - Tt - Tu
	r.Steps = y.keepSteps(r.Steps)
	if err := y.check(r, pp); err != nil {
		return err
	}
	y.add(r, P2, P3-Tt-Tu)
	return nil
}

// check enforces the invariants of every result: no payment is negative,
// the parts sum to the total exactly, and no cap is exceeded.
func (y *year) check(r *ClaimResult, pp *prepared) error {
	parts := [...]struct {
		name string
		m    Money
	}{{"hospital_borne", r.HospitalBorne}, {"basic", r.Basic}, {"critical", r.Critical}, {"assistance", r.Assistance},
		{"tilted", r.Tilted}, {"top_up", r.TopUp}, {"out_of_pocket", r.OutOfPocket}}
	var sum Money
	for _, p := range parts {
		if p.m < 0 {
			return fmt.Errorf("invariant broken: %s is negative (%s)", p.name, p.m)
		}
		sum += p.m
	}
	if sum != r.Total {
		return fmt.Errorf("invariant broken: the parts sum to %s, not the total %s", sum, r.Total)
	}
	// A claim may not take a group past its cap; a group already past the
	// cap this claim's terms give (a claim under other terms, with a
	// higher cap or none, paid more) gets nothing more from it.
	for i, t := range pp.capped {
		before, used := y.before[i], y.usedBy(t.groupID)
		if used > max(before, t.cap) {
			return fmt.Errorf("invariant broken: %s cap group %s has paid %s, over its cap %s", t.tier, t.group, used, t.cap)
		}
	}
	return nil
}

// add counts a settled claim into the year's totals and measures.
func (y *year) add(r *ClaimResult, insuredSelfPay, inScopeSelfPay Money) {
	t := &y.totals
	t.Total += r.Total
	t.HospitalBorne += r.HospitalBorne
	t.Basic += r.Basic
	t.Critical += r.Critical
	t.Assistance += r.Assistance
	t.Tilted += r.Tilted
	t.TopUp += r.TopUp
	t.OutOfPocket += r.OutOfPocket
	t.InsuredSelfPay += insuredSelfPay
	t.InScopeSelfPay += inScopeSelfPay
}

// result is the year's totals, with the measures derived from them.
func (y *year) result() Totals {
	t := y.totals
	t.TotalSelfPay = t.OutOfPocket
	return t
}
