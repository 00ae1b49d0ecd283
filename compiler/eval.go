package compiler

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/polc-dev/polc/compiler/params"
	"github.com/polc-dev/polc/compiler/schema"
)

// checkTypes compiles each region on its own OPA compiler, with the input
// JSON Schema derived from schema.yaml, so OPA's type checker sees every
// input reference; then it prepares the queries the later stages and the
// settlement engine evaluate. One region's errors never hide another's.
func (c *Compiler) checkTypes() {
	ss := ast.NewSchemaSet()
	ss.Put(ast.SchemaRootRef, c.schema.InputJSONSchema())
	for _, r := range c.parsed() {
		oc := ast.NewCompiler().WithSchemas(ss)
		oc.Compile(map[string]*ast.Module{r.File: r.Module})
		if oc.Failed() {
			c.opaErrors(StageTypes, oc.Errors)
			c.regionFailed(r)
			continue
		}
		r.queries = map[string]*rego.PreparedEvalQuery{}
		for name := range c.schema.Decisions {
			q, err := rego.New(
				rego.Compiler(oc),
				rego.Query(fmt.Sprintf("data.%s.%s.%s", PackagePrefix, r.ID, name)),
				rego.StrictBuiltinErrors(true),
			).PrepareForEval(context.Background())
			if err != nil {
				c.errorf(StageTypes, c.pos(r.Module.Package.Location), "preparing %s: %v", name, err)
				c.regionFailed(r)
				break
			}
			r.queries[name] = &q
		}
		r.inputs = collectAttributeUse(r.Module)
	}
}

// Record is one object a decision yields, with the rule that yielded it.
type Record struct {
	Fields map[string]any // JSON-like; numbers as json.Number
	Clause string
	Rule   *DecisionRule
}

// Eval evaluates one decision of the region. A set decision with no rule
// firing yields no records; an undefined single-value decision, none.
func (r *Region) Eval(ctx context.Context, decision string, input ast.Value) ([]Record, error) {
	q, ok := r.queries[decision]
	if !ok {
		return nil, fmt.Errorf("region %s has no decision %s", r.ID, decision)
	}
	rs, err := q.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, fmt.Errorf("evaluating %s.%s: %v", r.ID, decision, err)
	}
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return nil, nil
	}
	var items []any
	switch v := rs[0].Expressions[0].Value.(type) {
	case []any:
		items = v
	default:
		items = []any{v}
	}
	out := make([]Record, 0, len(items))
	for _, it := range items {
		obj, ok := it.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s.%s yields %v, not an object", r.ID, decision, it)
		}
		rec := Record{Fields: map[string]any{}}
		for k, v := range obj {
			switch k {
			case clauseKey:
				rec.Clause, _ = v.(string)
			case ruleKey:
				key, _ := v.(string)
				rec.Rule = r.Rules[key]
			default:
				rec.Fields[k] = v
			}
		}
		out = append(out, rec)
	}
	// Sets come back in OPA's order; sort by where the rule stands in the
	// module (line, then column, as numbers), then by content, so output is
	// stable and follows the document's order.
	sort.SliceStable(out, func(i, j int) bool {
		a, b := rulePosition(out[i]), rulePosition(out[j])
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return fieldsText(out[i]) < fieldsText(out[j])
	})
	return out, nil
}

func fieldsText(r Record) string {
	b, _ := json.Marshal(r.Fields)
	return string(b)
}

// Params is a year's resolved parameters ready to be put into the input
// of every evaluation, converted to Rego once.
type Params struct {
	Resolved *params.Resolved
	value    ast.Value
}

// NewParams converts resolved parameters for evaluation.
func NewParams(res *params.Resolved) (*Params, error) {
	v, err := ast.InterfaceToValue(res.Tree())
	if err != nil {
		return nil, err
	}
	return &Params{Resolved: res, value: v}, nil
}

// ParamsFor resolves the region's parameters for a year with a case's
// overrides, checked against the document's bounds.
func (r *Region) ParamsFor(year int, overrides []params.Override) (*Params, error) {
	if len(overrides) == 0 {
		if p, ok := r.years[year]; ok {
			return p, nil
		}
	}
	res, ds := r.Params.Resolve(year, r.Bounds, overrides)
	if ds.HasErrors() {
		return nil, ds
	}
	return NewParams(res)
}

// Plan evaluates the region's plan for a claim context. A conflict between
// two rules is an error: the policy set let it through only because no
// checked context showed it.
func (r *Region) Plan(ctx context.Context, s *schema.Schema, c Context, p *Params) (*Plan, error) {
	recs, err := r.Eval(ctx, "plan", inputValue(s, c, p))
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		if vs := s.Validate("Term", rec.Fields); len(vs) > 0 {
			return nil, fmt.Errorf("%s (clause %s): %s", rulePos(rec), rec.Clause, vs[0])
		}
	}
	plan, conflicts, err := BuildPlan(s, c, recs)
	if err != nil {
		return nil, err
	}
	if len(conflicts) > 0 {
		return nil, fmt.Errorf("conflicting plan rules in %s: %s", c.Describe(), conflicts[0])
	}
	if gaps := r.Gaps(s, plan); len(gaps) > 0 {
		return nil, fmt.Errorf("gap in %s: %s", c.Describe(), gaps[0])
	}
	return plan, nil
}
