package settle

import (
	"context"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/policy"
)

// Input is one evaluation settling a case makes: a decision of the case's
// region (data.regions.<region>.<decision>), the claim it is made for
// (plan only) and the input document it is evaluated with.
type Input struct {
	Decision string
	Claim    string
	Input    ast.Value
}

// Inputs settles a case and returns the evaluations it made, in the order
// made: subsidy, enrollment, the plan of each claim in date order,
// monitoring. They are recorded from the engine's own evaluations, with
// the cache off so that each claim's plan is one, so they are what polc
// evaluates, not a rebuilding of it: an author gives them to
// `opa eval --explain` or a server serving `polc build`'s bundle.
// A case that does not settle is the same error Settle returns.
func Inputs(ctx context.Context, set *policy.Set, c *cases.Case) ([]Input, error) {
	e := New(set)
	e.EvaluatePerClaim = true
	var out []Input
	e.record = func(decision, claim string, input ast.Value) {
		out = append(out, Input{Decision: decision, Claim: claim, Input: input})
	}
	if _, err := e.Settle(ctx, c); err != nil {
		return nil, err
	}
	return out, nil
}
