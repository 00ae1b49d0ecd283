package settle

import (
	"context"

	"github.com/polc-dev/polc/cases"
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

// Figures settles a case and keeps what a population run sums. It reuses
// out's slices.
func (e *Engine) Figures(ctx context.Context, c *cases.Case, out *Figures) error {
	res, err := e.Settle(ctx, c)
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
