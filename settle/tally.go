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
// use of them is a fixed array. The schema names five; a plan charging a
// group numbered beyond the bound has no flat form and settles by Settle.
const maxCapGroups = 16

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

	outOfCatalog, hospitalBears bool
	limit                       Ratio

	topUp  bool
	target Ratio
	top    flatTerms

	capped  [accumulatedTiers]capCheck // critical, assistance, tilted, top-up
	ncapped int
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
	if oc := p.outOfCatalog; oc != nil {
		f.outOfCatalog, f.hospitalBears, f.limit = true, oc.hospitalBears, oc.limit
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
	return f
}

// pays is what the terms pay as the accumulation moves from a0 to a1, as
// terms.pay works it out: each band's ratio on the part inside the band
// and above the deductible, summed exactly and rounded once.
func (t *flatTerms) pays(a0, a1 Money) Money {
	if t.bands == nil {
		if from := max(a0, t.deductible); a1 > from {
			return t.ratio.Of(a1 - from)
		}
		return 0
	}
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

// tally is a year's running sums: each tier's accumulation, what each cap
// group has paid, and the totals.
type tally struct {
	acc    [accumulatedTiers]Money
	used   [maxCapGroups]Money
	totals Totals
}

// tier settles one accumulated tier for a claim, as year.tier does, and
// returns its payment.
func (y *tally) tier(t *flatTerms, idx tierIndex, base Money) Money {
	a0 := y.acc[idx]
	a1 := a0 + base
	if t.perClaim {
		a0, a1 = 0, base
	}
	paid := t.pays(a0, a1)
	if t.capped {
		paid = min(paid, max(0, t.cap-y.used[t.group]))
	}
	y.acc[idx] += base
	y.used[t.group] += paid
	return paid
}

// accumulated settles a tier if the plan has it, and returns its payment
// and what it leaves.
func (y *tally) accumulated(f *flatPlan, idx tierIndex, base Money) (paid, left Money) {
	t := &f.tiers[idx]
	if !t.on {
		return 0, base
	}
	paid = y.tier(t, idx, base)
	return paid, base - paid
}

// counted is what an uninsured claim adds to a tier's base under a
// counting rule, as year.counted works it out; left otherwise.
func (f *flatPlan) counted(idx tierIndex, cl *cases.Claim, S, left Money) Money {
	w := &f.counting[idx]
	if !cl.Uninsured || !w.on {
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
	for i := range f.ncapped {
		before[i] = y.used[f.capped[i].group]
	}

	var H Money
	if f.outOfCatalog && f.hospitalBears {
		H = max(0, O-f.limit.Of(T))
	}

	var B Money
	switch basic := &f.tiers[basicTier]; {
	case cl.Uninsured:
	case cl.BasicPaid != nil:
		B = *cl.BasicPaid
		y.used[f.basicGroup] += B
	case basic.on:
		B = y.tier(basic, basicTier, S)
	}
	P1 := S - B

	C, P2 := Money(0), P1
	if !cl.Uninsured {
		C, P2 = y.accumulated(f, criticalTier, P1)
	}
	M, _ := y.accumulated(f, assistanceTier, f.counted(assistanceTier, cl, S, P2))
	P3 := P2 - M
	Tt, _ := y.accumulated(f, tiltedTier, f.counted(tiltedTier, cl, S, P3))

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
	// by out's definition), and no group went past its cap this claim.
	if P1 < 0 || P2 < 0 || P3 < 0 || H < 0 || B < 0 || C < 0 || M < 0 || Tt < 0 || Tu < 0 || out < 0 {
		return false
	}
	for i := range f.ncapped {
		if c := &f.capped[i]; y.used[c.group] > max(before[i], c.cap) {
			return false
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
