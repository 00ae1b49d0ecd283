package policy

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/params"
	"github.com/polc-dev/polc/compiler/schema"
)

// Record is one object a decision yields, with the rule that yielded it.
type Record struct {
	Fields map[string]any // JSON-like; numbers as json.Number
	Clause string
	Rule   *DecisionRule
	// Params names the parameter behind each field read from
	// input.params (basic.inpatient.2.ratio for "ratio").
	Params map[string]string
	text   string // Fields as JSON with sorted keys, for ordering and comparing
}

// Eval evaluates one decision of the region in the sandbox. A set decision
// with no rule applying yields no records. A rule that applies but yields
// nothing (its head undefined) is an error naming what is undefined: a
// parameter the case or params file does not give, most often.
func (r *Region) Eval(ctx context.Context, decision string, input ast.Value) ([]Record, error) {
	q, ok := r.queries[decision]
	if !ok {
		return nil, fmt.Errorf("region %s has no decision %s", r.ID, decision)
	}
	out, undefined, err := r.evalGenerated(ctx, q, input)
	if err != nil {
		return nil, r.EvalError(decision, err)
	}
	if len(undefined) > 0 {
		return nil, r.UndefinedError(ctx, undefined[0], input, "the case's params (or in "+r.Params.Name+")")
	}
	withParams(out, input)
	return out, nil
}

// evalGenerated evaluates a generated query: an aggregate (pairs of a rule
// key and [record] or []) or one rule's (just [record] or []), sorted.
func (r *Region) evalGenerated(ctx context.Context, q *rego.PreparedEvalQuery, input ast.Value) (records []Record, undefined []*DecisionRule, err error) {
	rs, err := r.guard.Eval(ctx, q, rego.EvalParsedInput(input))
	if err != nil {
		return nil, nil, err
	}
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return nil, nil, nil
	}
	return r.generatedItems(rs[0].Expressions[0].Value)
}

// generatedItems reads what a generated query gave (evalGenerated).
func (r *Region) generatedItems(v any) (records []Record, undefined []*DecisionRule, err error) {
	items, _ := v.([]any)
	for _, it := range items {
		pair, ok := it.([]any)
		if ok && len(pair) == 2 {
			if key, isKey := pair[0].(string); isKey {
				var yielded []any
				if yielded, ok = pair[1].([]any); !ok {
					return nil, nil, fmt.Errorf("generated rule gives %v", pair)
				}
				if len(yielded) == 0 {
					if dr := r.Rules[key]; dr != nil && !slices.Contains(undefined, dr) {
						undefined = append(undefined, dr)
					}
					continue
				}
				pair = yielded
			}
		}
		if len(pair) == 0 {
			return nil, []*DecisionRule{nil}, nil // one rule's query: its head is undefined
		}
		rec, err := r.record(pair[0])
		if err != nil {
			return nil, nil, err
		}
		records = append(records, rec)
	}
	sortRecords(records)
	return records, undefined, nil
}

func (r *Region) record(v any) (Record, error) {
	obj, ok := v.(map[string]any)
	if !ok {
		return Record{}, fmt.Errorf("a decision of %s yields %v, not an object", r.ID, v)
	}
	rec := Record{Fields: make(map[string]any, len(obj))}
	for k, v := range obj {
		switch k {
		case ClauseKey:
			rec.Clause, _ = v.(string)
		case RuleKey:
			key, _ := v.(string)
			rec.Rule = r.Rules[key]
		default:
			rec.Fields[k] = v
		}
	}
	b, err := json.Marshal(rec.Fields)
	if err != nil {
		return Record{}, err
	}
	rec.text = string(b)
	return rec, nil
}

// sortRecords puts records in the order of the rules that yielded them
// (line, then column, as numbers), then by content: sets come back in
// OPA's order, and output follows the document's.
func sortRecords(out []Record) {
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Position(), out[j].Position()
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return out[i].FieldsText() < out[j].FieldsText()
	})
}

// FieldsText is the record's fields as JSON with sorted keys: two
// records with the same text yield the same.
func (rec Record) FieldsText() string {
	if rec.text != "" {
		return rec.text
	}
	b, _ := json.Marshal(rec.Fields)
	return string(b)
}

// Position is where the rule that yielded the record stands; zero for a
// record of no rule.
func (rec Record) Position() diag.Position {
	if rec.Rule == nil || rec.Rule.Rule == nil {
		return diag.Position{}
	}
	return rec.Rule.Position()
}

// Params is a year's resolved parameters ready to be put into the input
// of every evaluation, converted to Rego once.
type Params struct {
	Resolved *params.Resolved
	value    ast.Value
}

// Value is the parameters as the input's params.
func (p *Params) Value() ast.Value { return p.value }

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
	var ds diag.List
	for _, o := range overrides {
		if r.Params.Known(o.Path) && !r.ReadsParam(o.Path) {
			ds.Errorf(params.Stage, o.Pos, "params %s: no rule of %s reads it, so it would change nothing (%s reads %s)", o.Path, r.ID, r.ID, strings.Join(r.readParams, ", "))
		}
	}
	res, rds := r.Params.Resolve(year, r.Bounds, overrides)
	ds = append(ds, rds...)
	if ds.HasErrors() {
		return nil, ds
	}
	return NewParams(res)
}

// ParamsWithStandIns is a year's parameters with polc check's stand-in for
// each open parameter that has no value (a plain value of its type, or the
// document's floor): what a tool settling cases nobody wrote (polc diff's
// grid) uses where a case would give the number.
func (r *Region) ParamsWithStandIns(year int) (*Params, error) {
	if p, ok := r.checkYears[year]; ok {
		return p, nil
	}
	return nil, fmt.Errorf("year %d is outside the years of %s (%s)", year, r.Document.Number, r.Document.YearsText())
}

// Plan evaluates the region's plan for a claim context. A conflict between
// two rules is an error: the policy set let it through only because no
// checked context showed it.
func (r *Region) Plan(ctx context.Context, s *schema.Schema, c Context, p *Params) (*Plan, error) {
	recs, err := r.Eval(ctx, "plan", NewInput(s, c, p))
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		if vs := r.Validate(s, "Term", rec); len(vs) > 0 {
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

// maxValidated bounds the records Validate keeps the answer for. A rule
// that yields a parameter yields a new record for every value a case gives
// it, and a server settles whatever cases it is sent: kept without bound,
// the answers would grow with every request. Past the bound they start
// again, empty — a record is only checked again.
const maxValidated = 1 << 16

// validatedBound is the bound Validate applies: maxValidated, lowered by
// the package's test so that going past it does not take a hundred
// thousand CEL evaluations.
var validatedBound int64 = maxValidated

// Validate checks a record against its type and the type's CEL rules. A
// record is a rule's constant output more often than not, and the same
// record comes back in context after context: each distinct one is checked
// once per region and the answer kept (up to maxValidated of them).
func (r *Region) Validate(s *schema.Schema, typeName string, rec Record) []schema.Violation {
	key := typeName + "\x00" + rulePos(rec) + "\x00" + rec.FieldsText()
	if vs, ok := r.validated.Load(key); ok {
		return vs.([]schema.Violation)
	}
	vs := s.Validate(typeName, rec.Fields)
	if r.nValidated.Add(1) > validatedBound {
		r.validated.Clear()
		r.nValidated.Store(1)
	}
	r.validated.Store(key, vs)
	return vs
}
