package policy

import (
	"context"
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/polc-dev/polc/compiler/sandbox"
)

// The compiler's side of a Region. The check stages build a region a step
// at a time and evaluate it as they go — the bounds stage reads its
// parameters and coverage, the constraints stage every rule over its
// context space — and these are the hooks they do it with. Nothing else
// calls them: what evaluates a compiled Set needs Eval, Plan and the rest.

// SetSource keeps the module's text, as read, for Source.
func (r *Region) SetSource(text []byte) { r.source = text }

// Prepare keeps the region's compiled modules (the author's and the
// generated evaluation form), the guard every evaluation runs under and
// each decision rule's generated rule by rule key, then prepares the
// query of each of the set decisions named, within ctx's deadline.
func (r *Region) Prepare(ctx context.Context, compiled *ast.Compiler, guard *sandbox.Guard, generated map[string]string, decisions []string) error {
	r.compiled, r.guard, r.generated = compiled, guard, generated
	r.queries = map[string]*rego.PreparedEvalQuery{}
	for _, name := range decisions {
		q, err := r.prepare(ctx, AggregateRule(name))
		if err != nil {
			return fmt.Errorf("preparing %s: %v", name, err)
		}
		r.queries[name] = q
	}
	return nil
}

// Compiled is the region's compiled modules, the author's and the
// generated one; nil before Prepare.
func (r *Region) Compiled() *ast.Compiler { return r.compiled }

// SetReads keeps what the reads stage found: the attributes of the input
// each decision's rules may read (DecisionKey, Reads) and the constants
// they compare attributes with (Dimensions).
func (r *Region) SetReads(decisionAttrs map[string]map[string]bool, boundaries Boundaries) {
	r.decisionAttrs, r.boundaries = decisionAttrs, boundaries
}

// SetParamsRead keeps the patterns of the parameters the region reads
// (ReadsParam, ParamsFor) and those each decision rule reads, by rule key
// (RuleParams).
func (r *Region) SetParamsRead(region []string, byRule map[string][]string) {
	r.readParams, r.ruleParams = region, byRule
}

// SetYears keeps the parameters of each document year as resolved at
// compile time (ParamsFor) and with stand-ins for the open ones
// (ParamsWithStandIns).
func (r *Region) SetYears(years, withStandIns map[int]*Params) {
	r.years, r.checkYears = years, withStandIns
}

// prepare prepares the query of one rule of the region's package, within
// the stage's deadline.
func (r *Region) prepare(ctx context.Context, rule string) (*rego.PreparedEvalQuery, error) {
	opts := append(sandbox.Options(), rego.Compiler(r.compiled), rego.Query(fmt.Sprintf("data.%s.%s.%s", PackagePrefix, r.ID, rule)))
	q, err := rego.New(opts...).PrepareForEval(ctx)
	if err != nil {
		return nil, err
	}
	return &q, nil
}

// PrepareRule prepares the query of one decision rule's generated rule,
// for EvalRule: the exhaustive stage evaluates each rule on its own.
func (r *Region) PrepareRule(ctx context.Context, key string) (*rego.PreparedEvalQuery, error) {
	return r.prepare(ctx, r.generated[key])
}

// EvalRule evaluates a PrepareRule query: the records the rule yields
// and, if its body holds with its head undefined, the rule.
func (r *Region) EvalRule(ctx context.Context, q *rego.PreparedEvalQuery, input ast.Value) ([]Record, []*DecisionRule, error) {
	return r.evalGenerated(ctx, q, input)
}

// PrepareTogether prepares one query evaluating the generated rules of
// several decision rules, each into its own variable, for EvalTogether.
func (r *Region) PrepareTogether(ctx context.Context, keys []string) (*rego.PreparedEvalQuery, error) {
	parts := make([]string, len(keys))
	for j, key := range keys {
		parts[j] = fmt.Sprintf("%s := data.%s.%s.%s", togetherVar(j), PackagePrefix, r.ID, r.generated[key])
	}
	opts := append(sandbox.Options(), rego.Compiler(r.compiled), rego.Query(strings.Join(parts, "; ")))
	q, err := rego.New(opts...).PrepareForEval(ctx)
	if err != nil {
		return nil, err
	}
	return &q, nil
}

// togetherVar is the variable of the j-th rule of a PrepareTogether query.
func togetherVar(j int) string { return fmt.Sprintf("%sg%d", ReservedPrefix, j) }

// RuleResult is what one rule of a PrepareTogether query gave: as
// EvalRule's.
type RuleResult struct {
	Records   []Record
	Undefined []*DecisionRule
	Err       error
}

// EvalTogether evaluates a PrepareTogether query of n rules: each rule's
// result, in the order of the keys. Where the query fails, or does not
// give one result, it returns no results (and the error, if any): each
// rule is then to be evaluated on its own, so that an error is put down
// to its rule.
func (r *Region) EvalTogether(ctx context.Context, q *rego.PreparedEvalQuery, n int, input ast.Value) ([]RuleResult, error) {
	rs, err := r.guard.Eval(ctx, q, rego.EvalParsedInput(input))
	if err != nil || len(rs) != 1 {
		return nil, err
	}
	out := make([]RuleResult, n)
	for j := range out {
		out[j].Records, out[j].Undefined, out[j].Err = r.generatedItems(rs[0].Bindings[togetherVar(j)])
	}
	return out, nil
}
