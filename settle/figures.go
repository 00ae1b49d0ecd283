package settle

import (
	"context"
	"slices"
	"strings"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle/money"
)

// Figures are one person's year as a population run needs it: the
// subsidy and who pays it, the year's totals and the monitoring flags
// raised — no steps, no per-claim results. They are the same figures
// Settle gives (the result's subsidy, totals and monitoring); a population
// run sums them.
type Figures struct {
	Subsidy     Money
	SubsidyRule string // the winning subsidy rule, "" for none
	Funders     []FunderAmount
	Totals      Totals
	Raised      []string // the flags raised, in the result's order
}

// Figures gives a case's figures: exactly FiguresOf(Settle(c)), the same
// error where Settle refuses the case, but without the steps, per-claim
// results and provenance Settle builds. It reuses out's slices.
//
// A person is settled on the quick path when everything the year needs is
// at hand: the person context's figures (persons.go, once per distinct
// context), each claim context's plan in flat form, claims the totals-only
// loop takes (tally.go). Anything else — a decision or a claim that fails,
// a broken invariant, an input outside the quick path's reach — settles
// the person by Settle, which gives the figures or says why it cannot; so
// every error Figures returns is Settle's.
//
// The case's params overrides are taken by identity: the engine resolves
// the params of an overrides slice once and keeps them with the person
// contexts, so a caller must not change a slice's elements once it has
// passed it (a population run hands every person the same slice). Settle
// resolves them for every case: the params are then new each time, and so
// are the keys of the decisions and plans cached for them.
func (e *Engine) Figures(ctx context.Context, c *cases.Case, out *Figures) error {
	if e.EvaluatePerClaim {
		res, err := e.Settle(ctx, c)
		if err != nil {
			return err
		}
		FiguresOf(res, out)
		return nil
	}
	if e.quickFigures(ctx, c, out) {
		return nil
	}
	region, p, err := e.figuresTables().params(e, c)
	if err != nil {
		return err
	}
	res, err := e.settleWith(ctx, c, region, p)
	if err != nil {
		return err
	}
	FiguresOf(res, out)
	return nil
}

// FiguresOf takes a result's figures into out, reusing its slices.
func FiguresOf(res *Result, out *Figures) {
	out.Subsidy, out.SubsidyRule, out.Totals = res.Subsidy.Amount, res.Subsidy.Rule, res.Totals
	out.Funders = append(out.Funders[:0], res.Subsidy.Funders...)
	out.Raised = out.Raised[:0]
	for _, f := range res.Monitoring {
		if f.Raised {
			out.Raised = append(out.Raised, f.Flag)
		}
	}
}

// quickFigures settles a case on the quick path into out; false if the
// case needs Settle (out is then left for Settle to fill).
func (e *Engine) quickFigures(ctx context.Context, c *cases.Case, out *Figures) bool {
	t := e.figuresTables()
	rf := t.region(c.Region)
	if rf == nil || !rf.quick {
		return false
	}
	var k personKey
	if !t.keyOf(&k, rf, c, e.OpenStandIns && len(c.Overrides) == 0) {
		return false
	}
	pf := e.person(ctx, t, &k, c)
	if pf == nil || pf.settleOnly {
		return false
	}
	from, ok := pf.coverageFrom(c)
	if !ok {
		return false
	}
	var y tally
	if !e.quickYear(ctx, rf, pf, c, from, &y) {
		return false
	}
	figuresOf(pf, &y, out)
	return true
}

// quickYear settles the case's claims in date order (file order on ties)
// into y; false if Settle would refuse one or the quick path cannot take
// one. Claims in file order that turn out not to be in date order are
// settled again, in date order, from the start of the year. The loop calls
// out only to read the date, find the slot and settle the claim: the
// checks are small enough for the compiler to inline.
func (e *Engine) quickYear(ctx context.Context, rf *regionFigures, pf *personFigures, c *cases.Case, from uint64, y *tally) bool {
	claims := c.Claims
	var sum Money
	var prev uint64
	// inPeriod's bounds, the later of its starts taken once.
	first, last := max(rf.inForceFrom, from), rf.inForceTo
	for i := range claims {
		cl := &claims[i]
		day, ok := dayOf(cl.Date)
		if !ok || day < first || day > last || !quickBounds(cl, &sum) {
			return false
		}
		if day < prev {
			return e.quickYearInDateOrder(ctx, rf, pf, c, from, y)
		}
		prev = day
		f, slot := pf.plans.flat(cl, rf.disease)
		if f == nil {
			if f = e.quickPlan(ctx, rf, pf, c, cl, slot); f == nil {
				return false
			}
		}
		if !y.claim(cl, f) {
			return false
		}
	}
	return true
}

// quickYearInDateOrder is quickYear for claims out of date order: all are
// checked, then settled in date order.
func (e *Engine) quickYearInDateOrder(ctx context.Context, rf *regionFigures, pf *personFigures, c *cases.Case, from uint64, y *tally) bool {
	*y = tally{}
	var sum Money
	for i := range c.Claims {
		cl := &c.Claims[i]
		day, ok := dayOf(cl.Date)
		if !ok || !rf.inPeriod(day, from) || !quickBounds(cl, &sum) {
			return false
		}
	}
	// dateOrder's order, in place (a year has a handful of claims).
	var buf [16]int
	order := buf[:0]
	if len(c.Claims) > len(buf) {
		order = make([]int, 0, len(c.Claims))
	}
	for i := range c.Claims {
		order = append(order, i)
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(c.Claims[a].Date, c.Claims[b].Date) })
	for _, i := range order {
		if !e.quickSettle(ctx, rf, pf, c, &c.Claims[i], y) {
			return false
		}
	}
	return true
}

// Settle checks the claims before it settles any: each claim's bounds and
// the year's (withinBounds), each date within the document's period and
// not before coverage starts. Any claim failing sends the person to Settle,
// which reports it, so the quick path checks each claim as it comes.

// inPeriod says a claim's day (dayOf) is within the document's period and
// not before coverage starts (from; 0 when coverage is not limited).
func (rf *regionFigures) inPeriod(day, from uint64) bool {
	return day >= rf.inForceFrom && day <= rf.inForceTo && day >= from
}

// quickBounds checks a claim's amounts as withinBounds does (sum is the
// year's claims so far), and what the totals-only loop assumes of them: an
// out-of-catalog cost within the total, a basic_paid within bounds.
func quickBounds(cl *cases.Claim, sum *Money) bool {
	T, O, B := cl.Total, cl.OutOfCatalog, cl.BasicPaid
	*sum += T
	return T >= 0 && T <= money.MaxAmount && O >= 0 && O <= T && *sum <= money.MaxAmount &&
		(B == nil || *B >= 0 && *B <= money.MaxAmount)
}

// dayOf reads a date written YYYY-MM-DD as a number that orders as the
// text does (Settle compares dates as text); false for any other text,
// which the quick path leaves to Settle. It reads the text eight bytes at
// a time: with the dashes, which every such date has in the same places,
// read as zeros, the digits' low halves in their order are the number.
func dayOf(s string) (uint64, bool) {
	if len(s) != len("2006-01-02") {
		return 0, false
	}
	hi := uint64(s[0])<<56 | uint64(s[1])<<48 | uint64(s[2])<<40 | uint64(s[3])<<32 |
		uint64(s[4])<<24 | uint64(s[5])<<16 | uint64(s[6])<<8 | uint64(s[7])
	lo := uint64(s[8])<<8 | uint64(s[9])
	const (
		dashes   = 0x00000000_ff0000ff // s[4] and s[7]
		nibbles  = 0x0f0f0f0f_0f0f0f0f
		highs    = 0xf0f0f0f0_f0f0f0f0
		zeros    = 0x30303030_30303030
		overNine = 0x06060606_06060606 // added to a digit's low half, carries out of it past 9
	)
	if hi&dashes != 0x00000000_2d00002d {
		return 0, false
	}
	hi = hi&^dashes | zeros&dashes
	if hi&highs != zeros || (hi&nibbles+overNine)&highs != 0 || lo&0xf0f0 != 0x3030 || (lo&0x0f0f+0x0606)&0xf0f0 != 0 {
		return 0, false
	}
	return (hi&nibbles)<<4 | lo&0x0f0f, true
}

// quickSettle settles one claim into y; false if its plan is not to be
// had or has no flat form, or the claim breaks an invariant.
func (e *Engine) quickSettle(ctx context.Context, rf *regionFigures, pf *personFigures, c *cases.Case, cl *cases.Claim, y *tally) bool {
	f, slot := pf.plans.flat(cl, rf.disease)
	if f == nil {
		if f = e.quickPlan(ctx, rf, pf, c, cl, slot); f == nil {
			return false
		}
	}
	return y.claim(cl, f)
}

// quickPlan finds a claim's plan as Settle does (the engine's plan cache,
// Rego the first time) and keeps its flat form in the person context's
// table, at slot unless the claim has none (-1); nil if the plan fails or
// has no flat form.
func (e *Engine) quickPlan(ctx context.Context, rf *regionFigures, pf *personFigures, c *cases.Case, cl *cases.Claim, slot int) *flatPlan {
	person := policy.Context{Year: c.Year, Person: c.Person, EnrollmentTier: c.Enrollment.Tier, EnrollmentDate: c.Enrollment.Date}
	pp, err := e.plan(ctx, rf.region, person, cl, pf.planKey, pf.params)
	if err != nil || pp.flat == nil {
		return nil
	}
	if slot >= 0 {
		pf.plans.slots[slot].Store(pp.flat)
	}
	return pp.flat
}

// figuresOf takes a quick year's figures into out, as FiguresOf takes a
// result's: the monitoring flags raised by the year's measures.
func figuresOf(pf *personFigures, y *tally, out *Figures) {
	totals := y.totals
	totals.TotalSelfPay = totals.OutOfPocket
	out.Subsidy, out.SubsidyRule, out.Totals = pf.subsidy.Amount, pf.subsidy.Rule, totals
	out.Funders = append(out.Funders[:0], pf.subsidy.Funders...)
	out.Raised = out.Raised[:0]
	measures := [unknownMeasure + 1]Money{totals.InsuredSelfPay, totals.InScopeSelfPay, totals.TotalSelfPay, 0}
	for i := range pf.flags {
		f := &pf.flags[i]
		if v := measures[f.measure]; v > f.threshold || (f.inclusive && v == f.threshold) {
			out.Raised = append(out.Raised, f.flag)
		}
	}
}
