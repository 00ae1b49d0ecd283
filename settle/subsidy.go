package settle

import (
	"context"
	"fmt"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/polc-dev/polc/compiler/literal"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle/money"
)

// candidate is one matching subsidy rule with the amount it would give.
type candidate struct {
	rule     string
	clause   string
	amount   decimal.Decimal
	rank     int
	replaces string
	funders  []funderShare
	order    int
}

type funderShare struct {
	funder string
	share  decimal.Decimal
}

// noRank sorts after every ranked rule.
const noRank = 1 << 30

// subsidy works out the enrollment subsidy: every matching rule's amount
// (full: the basis contribution; share: a share of it, rounded; fixed: the
// amount), none above what the person's own tier costs; a sub-rule replaces
// its category's general rule; the highest wins (就高不就低), a tie going
// to the document's funding order; the winner's funders split it, the last
// taking the rounding remainder.
func (e *Engine) subsidy(ctx context.Context, r *policy.Region, c policy.Context, p *policy.Params, res0 *Result) (*SubsidyResult, error) {
	tier1, err := contribution(p, "1")
	if err != nil {
		return nil, err
	}
	own, err := contribution(p, c.EnrollmentTier)
	if err != nil {
		return nil, err
	}
	recs, err := e.decide(ctx, r, "subsidy", c, p)
	if err != nil {
		return nil, err
	}
	res0.used(recs)
	var cands []candidate
	for i, rec := range recs {
		cand := candidate{rule: str(rec.Fields["rule"]), clause: rec.Clause, rank: noRank, replaces: str(rec.Fields["replaces"]), order: i}
		basis := tier1
		if str(rec.Fields["basis"]) == "own_tier" {
			basis = own
		}
		switch str(rec.Fields["form"]) {
		case "full":
			cand.amount = basis
		case "share":
			share, _ := literal.Number(rec.Fields["share"])
			cand.amount = fen(share.Mul(basis))
		case "fixed":
			cand.amount, _ = literal.Number(rec.Fields["amount"])
		}
		cand.amount = decimal.Min(cand.amount, own)
		if rank, ok := rec.Fields["rank"]; ok {
			d, _ := literal.Number(rank)
			cand.rank = int(d.IntPart())
		}
		for _, f := range rec.Fields["funders"].([]any) {
			m := f.(map[string]any)
			share, _ := literal.Number(m["share"])
			cand.funders = append(cand.funders, funderShare{funder: str(m["funder"]), share: share})
		}
		cands = append(cands, cand)
	}
	replaced := map[string]bool{}
	for _, c := range cands {
		if c.replaces != "" {
			replaced[c.replaces] = true
		}
	}
	live := cands[:0]
	for _, c := range cands {
		if !replaced[c.rule] || c.replaces != "" {
			live = append(live, c)
		}
	}
	ownFen, err := money.FromDecimal(own)
	if err != nil {
		return nil, fmt.Errorf("contribution of tier %s: %v", c.EnrollmentTier, err)
	}
	res := &SubsidyResult{Contribution: ownFen, PersonPays: ownFen, Funders: []FunderAmount{}}
	if len(live) == 0 {
		return res, nil
	}
	sort.SliceStable(live, func(i, j int) bool {
		a, b := live[i], live[j]
		if !a.amount.Equal(b.amount) {
			return a.amount.GreaterThan(b.amount)
		}
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		return a.order < b.order
	})
	win := live[0]
	if res.Amount, err = money.FromDecimal(win.amount); err != nil {
		return nil, fmt.Errorf("subsidy rule %s (clause %s): %v", win.rule, win.clause, err)
	}
	res.PersonPays, res.Rule, res.Clause = ownFen-res.Amount, win.rule, win.clause
	// Shares of an amount in fen, rounded to the fen, are whole fen: the
	// last funder takes what the others' rounding left.
	left := res.Amount
	for i, f := range win.funders {
		part := left
		if i < len(win.funders)-1 {
			if part, err = money.FromDecimal(fen(f.share.Mul(win.amount))); err != nil {
				return nil, fmt.Errorf("subsidy rule %s, funder %s: %v", win.rule, f.funder, err)
			}
		}
		left -= part
		res.Funders = append(res.Funders, FunderAmount{Funder: f.funder, Amount: part})
	}
	return res, nil
}

// contribution is the individual contribution of an enrollment tier.
func contribution(p *policy.Params, tier string) (decimal.Decimal, error) {
	path := "contribution.tier" + tier
	leaf, ok := p.Resolved.Leaves[path]
	if !ok {
		return decimal.Zero, fmt.Errorf("no %s for %d: give params.contribution.tier%s", path, p.Resolved.Year, tier)
	}
	return literal.Number(leaf.Value)
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// monitoring compares the year's measures with each threshold the policy
// gives the person's population: 以上/达到 include the threshold, 超过 does not.
func (e *Engine) monitoring(ctx context.Context, r *policy.Region, c policy.Context, p *policy.Params, t Totals, res *Result) ([]FlagResult, error) {
	// A threshold may be a share of the household's annual disposable
	// income (广东 二(二)8: 达到或超过其家庭年可支配总收入的60%).
	recs, err := e.decide(ctx, r, "monitoring", c, p)
	if err != nil {
		return nil, err
	}
	res.used(recs)
	measures := map[string]Money{"insured_self_pay": t.InsuredSelfPay, "in_scope_self_pay": t.InScopeSelfPay, "total_self_pay": t.TotalSelfPay}
	fail := func(rec policy.Record, err error) error {
		return fmt.Errorf("monitoring flag %s (clause %s): %v", str(rec.Fields["flag"]), rec.Clause, err)
	}
	out := []FlagResult{}
	for _, rec := range recs {
		var threshold decimal.Decimal
		if share, ok := rec.Fields["household_income_share"]; ok {
			h := c.Person.Household
			if h == nil || h.AnnualDisposableIncome == nil {
				return nil, fmt.Errorf("monitoring flag %s (clause %s) is a share of the household's annual disposable income: give person.household.annual_disposable_income", str(rec.Fields["flag"]), rec.Clause)
			}
			s, _ := literal.Number(share)
			threshold = fen(s.Mul(*h.AnnualDisposableIncome))
		} else {
			threshold, _ = literal.Number(rec.Fields["threshold"])
			threshold = fen(threshold)
		}
		inclusive, _ := rec.Fields["inclusive"].(bool)
		measure := str(rec.Fields["measure"])
		limit, err := money.FromDecimal(threshold)
		if err != nil {
			return nil, fail(rec, err)
		}
		value := measures[measure]
		raised := value > limit || (inclusive && value == limit)
		out = append(out, FlagResult{Flag: str(rec.Fields["flag"]), Measure: measure, Value: value, Threshold: limit,
			Inclusive: inclusive, Raised: raised, Clause: rec.Clause, Population: str(rec.Fields["population"])})
	}
	return out, nil
}
