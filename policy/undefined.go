package policy

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/sandbox"
)

// RuleError is a failure of a decision rule in one context: its head
// undefined where its body holds, or an evaluation stopped by the sandbox.
// Pos is the rule's position (or the expression's, for a runaway).
type RuleError struct {
	Pos     diag.Position
	Message string
}

func (e *RuleError) Error() string { return e.Pos.String() + ": " + e.Message }

// PlaceError is where an evaluation error is reported and what it says: a
// RuleError at its rule, anything else at the fallback.
func PlaceError(err error, fallback diag.Position) (diag.Position, string) {
	var re *RuleError
	if errors.As(err, &re) {
		return re.Pos, re.Message
	}
	return fallback, err.Error()
}

// EvalError turns an evaluation failure into a RuleError where the sandbox
// stopped it: the rule it was in, at its position.
func (r *Region) EvalError(decision string, err error) error {
	var ex *sandbox.Exceeded
	if !errors.As(err, &ex) {
		return fmt.Errorf("evaluating %s.%s: %v", r.ID, decision, err)
	}
	// The rule it was in is where the fault is; the expression, which of a
	// loop's steps the stop happened to land on, would vary from run to run.
	pos := diag.Position{File: r.File, Line: 1, Col: 1}
	where := ""
	if ex.Where != nil {
		if rule := r.ruleAt(ex.Where); rule != nil {
			pos = diag.Position{File: rule.Location.File, Line: rule.Location.Row, Col: rule.Location.Col}
			where = " in rule " + RuleName(rule)
		}
	}
	return &RuleError{Pos: pos, Message: fmt.Sprintf("%s.%s: %v%s", r.ID, decision, ex, where)}
}

// ruleAt is the rule of the author's module whose text holds a location.
func (r *Region) ruleAt(loc *ast.Location) *ast.Rule {
	var best *ast.Rule
	for _, rule := range r.Module.Rules {
		if rule.Location == nil || rule.Location.File != loc.File || rule.Location.Row > loc.Row {
			continue
		}
		if best == nil || rule.Location.Row > best.Location.Row {
			best = rule
		}
	}
	return best
}

// UndefinedError explains a rule that applies but yields nothing: which
// fields of its head are undefined, and why — a parameter with no value,
// or a helper rule undefined in this context. giveIn says where a missing
// parameter is to be given.
func (r *Region) UndefinedError(ctx context.Context, dr *DecisionRule, input ast.Value, giveIn string) *RuleError {
	why, missing := r.explainUndefined(ctx, dr, input)
	msg := fmt.Sprintf("%s rule (clause %s) applies here but yields nothing: %s", dr.Decision, dr.Clause, why)
	if len(missing) > 0 {
		msg += " — give " + plural(len(missing), "it", "them") + " in " + giveIn
	}
	return &RuleError{Pos: dr.Position(), Message: msg}
}

// explainUndefined evaluates the rule's body once more with a probe for
// each field of its head, then for each reference inside the undefined
// fields. It runs only when something is wrong, so it may be slow.
func (r *Region) explainUndefined(ctx context.Context, dr *DecisionRule, input ast.Value) (string, []string) {
	obj, ok := dr.Rule.Head.Key.Value.(ast.Object)
	if !ok {
		return "its head is undefined", nil
	}
	type probe struct {
		field string
		term  *ast.Term
	}
	var fields []probe
	obj.Foreach(func(k, v *ast.Term) {
		if s, ok := k.Value.(ast.String); ok && string(s) != ClauseKey && string(s) != RuleKey {
			fields = append(fields, probe{string(s), v})
		}
	})
	sort.Slice(fields, func(i, j int) bool { return fields[i].field < fields[j].field })
	terms := make([]*ast.Term, len(fields))
	for i, f := range fields {
		terms[i] = f.term
	}
	defined, err := r.probe(ctx, dr.Rule.Body, terms, input)
	if err != nil {
		return fmt.Sprintf("its head is undefined (%v)", err), nil
	}
	var reasons, missing []string
	for i, f := range fields {
		if defined[i] {
			continue
		}
		why, params := r.whyUndefined(ctx, dr.Rule.Body, f.term, input)
		reasons = append(reasons, f.field+" "+why)
		missing = append(missing, params...)
	}
	if len(reasons) == 0 {
		return "its head is undefined", nil
	}
	msg := strings.Join(reasons, "; ")
	if len(missing) == 0 {
		msg += " — a rule states in its body when it applies, and its head is then defined"
	}
	var setBy []string
	for _, p := range missing {
		if e, ok := r.Params.Entry(p); ok && e.Open && !slices.Contains(setBy, e.SetBy) {
			setBy = append(setBy, e.SetBy)
		}
	}
	if len(setBy) > 0 {
		msg += " (" + r.Params.Name + " leaves " + plural(len(missing), "it", "them") + " open: set by " + strings.Join(setBy, "; ") + ")"
	}
	return msg, missing
}

// whyUndefined names what makes a head field undefined: a parameter path
// (with its dynamic segments worked out) or a helper rule.
func (r *Region) whyUndefined(ctx context.Context, body ast.Body, t *ast.Term, input ast.Value) (string, []string) {
	var refs []*ast.Term
	var walk func(x *ast.Term)
	walk = func(x *ast.Term) {
		switch v := x.Value.(type) {
		case ast.Ref:
			refs = append(refs, x)
		case ast.Var:
			if r.isRule(string(v)) {
				refs = append(refs, x)
			}
		case ast.Call:
			for _, arg := range v[1:] { // not the function's name
				walk(arg)
			}
		default:
			ast.WalkTerms(x, func(y *ast.Term) bool {
				if y == x {
					return false
				}
				walk(y)
				return true
			})
		}
	}
	walk(t)
	defined, err := r.probe(ctx, body, refs, input)
	if err != nil {
		return "is undefined", nil
	}
	var parts, missing []string
	for i, ref := range refs {
		if defined[i] {
			continue
		}
		path, segment, ok := r.paramsPath(ctx, body, ref, input)
		switch {
		case ok && segment == "":
			parts = append(parts, "needs parameter "+path+", which has no value")
			missing = append(missing, path)
		case ok:
			parts = append(parts, "reads "+segment+", which is undefined here")
		default:
			parts = append(parts, "reads "+ref.String()+", which is undefined here")
		}
	}
	if len(parts) == 0 {
		return "is undefined", nil
	}
	return strings.Join(slices.Compact(parts), ", "), missing
}

func (r *Region) isRule(name string) bool {
	for _, rule := range r.Module.Rules {
		if RuleName(rule) == name {
			return true
		}
	}
	return false
}

// alias is the value of a rule that only names another document
// (stable_terms := input.params.assistance.by_category.stable_out_of_poverty).
func (r *Region) alias(name string) *ast.Term {
	var found *ast.Term
	for _, rule := range r.Module.Rules {
		if RuleName(rule) != name {
			continue
		}
		if found != nil || rule.Head.Value == nil || len(rule.Body) != 1 || !rule.Body[0].Equal(ast.NewExpr(ast.BooleanTerm(true))) {
			return nil
		}
		if _, ok := rule.Head.Value.Value.(ast.Ref); !ok {
			return nil
		}
		found = rule.Head.Value
	}
	return found
}

// paramsPath renders a reference into input.params (directly or through
// alias rules) as a parameter path, each dynamic segment evaluated in the
// context: assistance.by_category.dibao.ratio. If a dynamic segment is
// itself undefined, it is returned as undefinedSegment instead.
func (r *Region) paramsPath(ctx context.Context, body ast.Body, t *ast.Term, input ast.Value) (path, undefinedSegment string, ok bool) {
	var ref ast.Ref
	switch v := t.Value.(type) {
	case ast.Ref:
		ref = v
	case ast.Var:
		ref = ast.Ref{t}
	default:
		return "", "", false
	}
	for depth := 0; ; depth++ {
		head, isVar := ref[0].Value.(ast.Var)
		if !isVar || depth > 8 {
			return "", "", false
		}
		if head == ast.InputRootDocument.Value.(ast.Var) {
			break
		}
		a := r.alias(string(head))
		if a == nil {
			return "", "", false
		}
		ref = append(a.Value.(ast.Ref).Copy(), ref[1:]...)
	}
	if len(ref) < 2 || ref[1].Value.Compare(ast.String("params")) != 0 {
		return "", "", false
	}
	var dynamic []*ast.Term
	for _, s := range ref[2:] {
		if _, isString := s.Value.(ast.String); !isString {
			dynamic = append(dynamic, s)
		}
	}
	values, _ := r.probeValues(ctx, body, dynamic, input)
	segs := make([]string, 0, len(ref)-2)
	d := 0
	for _, s := range ref[2:] {
		if str, isString := s.Value.(ast.String); isString {
			segs = append(segs, string(str))
			continue
		}
		if d >= len(values) || values[d] == nil {
			return "", s.String(), true
		}
		str, isString := values[d].Value.(ast.String)
		if !isString {
			return "", s.String(), true
		}
		segs = append(segs, string(str))
		d++
	}
	return strings.Join(segs, "."), "", true
}

// probe evaluates the body, then whether each term is defined under its
// bindings.
func (r *Region) probe(ctx context.Context, body ast.Body, terms []*ast.Term, input ast.Value) ([]bool, error) {
	values, err := r.probeValues(ctx, body, terms, input)
	if err != nil {
		return nil, err
	}
	out := make([]bool, len(terms))
	for i, v := range values {
		out[i] = v != nil
	}
	return out, nil
}

// probeValues evaluates the body with `_polc_p<i> := [v | v := term_i]`
// appended, and returns each term's first value (nil when undefined).
func (r *Region) probeValues(ctx context.Context, body ast.Body, terms []*ast.Term, input ast.Value) ([]*ast.Term, error) {
	query := body.Copy()
	for i, t := range terms {
		v := ast.VarTerm("_polc_v")
		compr := ast.ArrayComprehensionTerm(v, ast.NewBody(ast.Assign.Expr(v, t.Copy())))
		query = append(query, ast.Assign.Expr(ast.VarTerm(fmt.Sprintf("_polc_p%d", i)), compr))
	}
	for i, e := range query {
		e.Index = i
	}
	q, err := rego.New(append(sandbox.Options(),
		rego.Compiler(r.compiled),
		rego.ParsedPackage(r.Module.Package),
		rego.ParsedImports(r.Module.Imports),
		rego.ParsedQuery(query))...).PrepareForEval(ctx)
	if err != nil {
		return nil, err
	}
	rs, err := r.guard.Eval(ctx, &q, rego.EvalParsedInput(input))
	if err != nil {
		return nil, err
	}
	out := make([]*ast.Term, len(terms))
	if len(rs) == 0 {
		return out, nil
	}
	for i := range terms {
		arr, _ := rs[0].Bindings[fmt.Sprintf("_polc_p%d", i)].([]any)
		if len(arr) > 0 {
			out[i] = ast.NewTerm(mustValue(arr[0]))
		}
	}
	return out, nil
}

func mustValue(v any) ast.Value {
	val, err := ast.InterfaceToValue(v)
	if err != nil {
		return ast.Null{}
	}
	return val
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
