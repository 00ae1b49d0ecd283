package settle

import (
	"context"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/policy"
)

// QuickFigures runs Figures' quick path alone: the test holds what it
// gives, when it gives anything, to what Settle gives.
func QuickFigures(e *Engine, ctx context.Context, c *cases.Case, out *Figures) bool {
	return !e.EvaluatePerClaim && e.quickFigures(ctx, c, out)
}

// SettleWith is Settle with the case's params already resolved (by
// ParamsFor or ParamsWithStandIns, as Settle resolves them).
func SettleWith(e *Engine, ctx context.Context, c *cases.Case, p *policy.Params) (*Result, error) {
	return e.settleWith(ctx, c, e.set.Regions[c.Region], p)
}
