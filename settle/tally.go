package settle

import (
	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/settle/money"
)

// The totals-only claim loop behind Engine.Figures: the settlement model of
// claim.go with nothing kept but the year's running sums — no Step, no
// ClaimResult, no string, no allocation. It is a second implementation of
// settleClaim, not a wrapper of it, so the two are held equal by
// TestFiguresAgreeWithSettle over generated persons of every region rather
// than by construction; every invariant settleClaim checks is checked here
// too, and a claim that breaks one sends the person back to Settle, which
// reports it.

// maxCapGroups bounds the cap groups a flat plan may charge, so a year's
// use of them is a small fixed array. The schema names five; a plan charging a
// group numbered beyond the bound has no flat form and settles by Settle.
const maxCapGroups = 8

// flatTerms are one tier's terms by value, as the totals-only loop reads
// them: the same numbers as terms.
type flatTerms struct {
	on, capped, perClaim bool
	group                uint8
	deductible           Money
	cap                  Money
	// ratio is the tier's one ratio when bands is nil (a plain ratio is
	// one band without an end); bands are shared with the terms.
	ratio Ratio
	bands []band
}

// flatWeights are a counting rule's weights.
type flatWeights struct {
	on           bool
	below, above Ratio
}

// capCheck is a capped tier's group and cap, for the invariant that no
// claim takes a group past its cap.
type capCheck struct {
	group uint8
	cap   Money
}

// flatPlan is a prepared plan as the totals-only loop reads it. It is built
// with the plan, once per context, and never changed.
type flatPlan struct {
	tiers           [accumulatedTiers]flatTerms
	counting        [accumulatedTiers]flatWeights
	basicDeductible Money // what counting weighs below and above
	basicGroup      uint8

	// hospitalBears: the plan has an out-of-catalog limit and the hospital
	// bears what passes it (a limit only reported pays nothing).
	hospitalBears bool
	limit         Ratio

	topUp  bool
	target Ratio
	top    flatTerms

	// checkCaps says a claim may take a group past a cap of the plan's
	// (capChecks); capped are the plan's capped tiers, to check it.
	checkCaps bool
	capped    [accumulatedTiers]capCheck // critical, assistance, tilted, top-up
	ncapped   int
}

// flatten builds a plan's flat form; nil if a group is numbered past
// maxCapGroups.
func flatten(p *prepared) *flatPlan {
	f := &flatPlan{}
	ok := true
	group := func(id int) uint8 {
		if id < 0 || id >= maxCapGroups {
			ok = false
			return 0
		}
		return uint8(id)
	}
	flat := func(t *terms) flatTerms {
		ft := flatTerms{on: true, capped: t.capped, perClaim: t.perClaim, group: group(t.groupID), deductible: t.deductible, cap: t.cap}
		if len(t.bands) == 1 && t.bands[0].open {
			ft.ratio = t.bands[0].ratio
		} else {
			ft.bands = t.bands
		}
		return ft
	}
	for i, t := range p.tiers {
		if t != nil {
			f.tiers[i] = flat(t)
		}
		if w := p.counting[i]; w != nil {
			f.counting[i] = flatWeights{on: true, below: w.below, above: w.above}
		}
	}
	if b := p.tiers[basicTier]; b != nil {
		f.basicDeductible = b.deductible
	}
	f.basicGroup = group(p.basicGroup)
	if oc := p.outOfCatalog; oc != nil && oc.hospitalBears {
		f.hospitalBears, f.limit = true, oc.limit
	}
	if top := p.topUp; top != nil {
		f.topUp, f.target, f.top = true, top.target, flat(top.terms)
	}
	if len(p.capped) > len(f.capped) {
		return nil
	}
	for _, t := range p.capped {
		f.capped[f.ncapped] = capCheck{group: group(t.groupID), cap: t.cap}
		f.ncapped++
	}
	if !ok {
		return nil
	}
	f.checkCaps = f.capChecks()
	return f
}

// capChecks says whether a claim can take a group past the cap of one of
// the plan's capped tiers while keeping the other invariants. It cannot
// when every payment charged to the group comes from a tier capped at that
// same cap: each payment is then at most what the cap leaves (nothing once
// the group is past it), and is not negative in a claim that keeps the
// other invariants, so the group ends the claim at most at the cap, or
// where it began. A group charged by a tier with another cap or none (a
// tilted tier sharing the assistance group on its own terms, a given
// basic_paid charged to the basic group) needs the check, as settleClaim
// makes it.
func (f *flatPlan) capChecks() bool {
	charging := []*flatTerms{&f.tiers[basicTier], &f.tiers[criticalTier], &f.tiers[assistanceTier], &f.tiers[tiltedTier], &f.top}
	for _, c := range f.capped[:f.ncapped] {
		if c.group == f.basicGroup {
			return true
		}
		for _, t := range charging {
			if t.on && t.group == c.group && !(t.capped && t.cap == c.cap) {
				return true
			}
		}
	}
	return false
}

// tally is a year's running sums: each tier's accumulation, what each cap
// group has paid, and the totals.
type tally struct {
	acc    [accumulatedTiers]Money
	used   [maxCapGroups]Money
	totals Totals
}

// pay settles one accumulated tier for a claim, as year.tier does, and
// returns its payment: base is the claim's part of the tier's
// accumulation. A tier the plan does not have pays nothing and does not
// accumulate.
func (y *tally) pay(t *flatTerms, idx tierIndex, base Money) Money {
	if !t.on {
		return 0
	}
	return y.payOn(t, idx, base)
}

// payOn is pay for a tier the plan has (pay is small enough for the
// compiler to inline: most plans lack a tier or two).
func (y *tally) payOn(t *flatTerms, idx tierIndex, base Money) Money {
	a0 := y.acc[idx]
	a1 := a0 + base
	if t.perClaim {
		a0, a1 = 0, base
	}
	var paid Money
	if t.bands == nil {
		if from := max(a0, t.deductible); a1 > from {
			paid = t.ratio.Of(a1 - from)
		}
	} else {
		paid = t.paysBands(a0, a1)
	}
	if t.capped {
		paid = min(paid, max(0, t.cap-y.used[t.group]))
	}
	y.acc[idx] += base
	y.used[t.group] += paid
	return paid
}

// paysBands is what banded terms pay as the accumulation moves from a0 to
// a1, as terms.pay works it out: each band's ratio on the part inside the
// band and above the deductible, summed exactly and rounded once.
func (t *flatTerms) paysBands(a0, a1 Money) Money {
	var sum money.Products
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
		}
		if b.open {
			break
		}
		lo = b.upto
	}
	return sum.Fen()
}

// counted is what an uninsured claim adds to a tier's base under a
// counting rule, as year.counted works it out; left otherwise.
func (f *flatPlan) counted(idx tierIndex, S, left Money) Money {
	w := &f.counting[idx]
	if !w.on {
		return left
	}
	below := min(S, f.basicDeductible)
	var p money.Products
	p.Add(w.below, below)
	p.Add(w.above, S-below)
	return min(p.Fen(), left)
}

// claim settles one claim into the year's sums, in the order of DESIGN.md's
// settlement model (settleClaim's). It reports false if the claim breaks
// an invariant; the year is then of no further use. The caller has checked
// that 0 ≤ out_of_catalog ≤ total and that a given basic_paid is within
// 0 and MaxAmount, so every product here has non-negative factors.
func (y *tally) claim(cl *cases.Claim, f *flatPlan) bool {
	T, O := cl.Total, cl.OutOfCatalog
	S := T - O
	var before [accumulatedTiers]Money
	if f.checkCaps {
		for i := range f.ncapped {
			before[i] = y.used[f.capped[i].group]
		}
	}

	var H Money
	if f.hospitalBears {
		H = max(0, O-f.limit.Of(T))
	}

	// Not insured when the cost arose: neither insurance tier pays, and
	// the assistance tiers may count the cost at their own weights.
	uninsured := cl.Uninsured
	var B Money
	switch {
	case uninsured:
	case cl.BasicPaid != nil:
		B = *cl.BasicPaid
		y.used[f.basicGroup] += B
	default:
		B = y.pay(&f.tiers[basicTier], basicTier, S)
	}
	P1 := S - B
	var C Money
	if !uninsured {
		C = y.pay(&f.tiers[criticalTier], criticalTier, P1)
	}
	P2 := P1 - C
	base := P2
	if uninsured {
		base = f.counted(assistanceTier, S, P2)
	}
	M := y.pay(&f.tiers[assistanceTier], assistanceTier, base)
	P3 := P2 - M
	base = P3
	if uninsured {
		base = f.counted(tiltedTier, S, P3)
	}
	Tt := y.pay(&f.tiers[tiltedTier], tiltedTier, base)

	var Tu Money
	if f.topUp {
		top := &f.top
		Tu = min(max(0, f.target.Of(S)-(B+C+M+Tt)), P3-Tt)
		if top.capped {
			Tu = min(Tu, max(0, top.cap-y.used[top.group]))
		}
		y.used[top.group] += Tu
	}

	out := T - H - B - C - M - Tt - Tu
	// The invariants settleClaim and check enforce: the amounts the tiers
	// pass on and every part are not negative (the parts sum to the total
	// by out's definition), and no group went past its cap this claim
	// (which capChecks shows cannot happen unless checkCaps).
	if P1 < 0 || P2 < 0 || P3 < 0 || H < 0 || B < 0 || C < 0 || M < 0 || Tt < 0 || Tu < 0 || out < 0 {
		return false
	}
	if f.checkCaps {
		for i := range f.ncapped {
			if c := &f.capped[i]; y.used[c.group] > max(before[i], c.cap) {
				return false
			}
		}
	}

	t := &y.totals
	t.Total += T
	t.HospitalBorne += H
	t.Basic += B
	t.Critical += C
	t.Assistance += M
	t.Tilted += Tt
	t.TopUp += Tu
	t.OutOfPocket += out
	t.InsuredSelfPay += P2
	t.InScopeSelfPay += P3 - Tt - Tu
	return true
}
