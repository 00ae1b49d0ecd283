package compiler

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/polc-dev/polc/policy"
)

// The evaluation form of a region. polc evaluates generated rules beside
// the author's module, never the author's decisions directly, so that an
// evaluation says, for every decision rule, not only what it yields but
// also whether it applied and yielded nothing — its body held while its
// head was undefined, which is how a missing parameter (or a condition
// left in the head) shows. For decision rule i
//
//	plan contains {"tier": "critical", "deductible": input.params.critical.deductible} if { BODY }
//
// the generated module has
//
//	_polc_r<i> contains _polc_x if { BODY; _polc_x := [_polc_v | _polc_v := {…the head…}] }
//	_polc_plan contains ["<rule key>", _polc_x] if { BODY; _polc_x := [_polc_v | _polc_v := {…the head…}] }
//
// so _polc_r<i> holds [record] for each way the body holds with the head
// defined and [] for each way it holds with the head undefined. The
// exhaustive stage queries one _polc_r<i> at a time (each rule only over
// what it reads); settlement queries _polc_<decision>, all rules at once.
// The author's module is compiled beside it, its rules as written except
// for the clause and rule key the clauses stage adds to each decision's
// record — so stock OPA, given the module, yields the same terms.

// reservedPrefix is the prefix of every generated name: a module may not
// use it.
const reservedPrefix = policy.ReservedPrefix

// generatedRule names the generated rule for a decision rule.
func generatedRule(i int) string { return fmt.Sprintf("%sr%d", reservedPrefix, i) }

// generateEvaluationModule builds the generated module for a region whose
// decision rules have been collected (clauses stage), from copies of their
// heads and bodies: those keep their positions in the author's file, and
// the heads the clause and rule keys the clauses stage attached.
func (c *Compiler) generateEvaluationModule(r *region) (*ast.Module, map[string]string, error) {
	var keys []string
	for _, k := range r.RuleKeys() {
		if c.schema.Decisions[r.Rules[k].Decision].Set {
			keys = append(keys, k)
		}
	}

	var text strings.Builder
	fmt.Fprintf(&text, "package %s.%s\n\n", PackagePrefix, r.ID)
	for _, imp := range r.Module.Imports {
		fmt.Fprintf(&text, "%s\n", imp)
	}
	for i, k := range keys {
		fmt.Fprintf(&text, "%s contains _polc_x if { true }\n", generatedRule(i))
		// The aggregate repeats the body rather than reading _polc_r<i>:
		// OPA would build every rule's set first, then iterate over it.
		fmt.Fprintf(&text, "%s contains [%s, _polc_x] if { true }\n", policy.AggregateRule(r.Rules[k].Decision), strconv.Quote(k))
	}
	gen, err := ast.ParseModuleWithOpts(r.File+"#polc", text.String(), ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		return nil, nil, fmt.Errorf("generated module: %v", err)
	}
	generated := map[string]string{}
	for i, k := range keys {
		orig := r.Rules[k].Rule
		head := orig.Head.Key.Copy()
		loc := orig.Head.Location
		v, x := ast.VarTerm("_polc_v"), ast.VarTerm("_polc_x")
		v.Location, x.Location = loc, loc
		compr := ast.ArrayComprehensionTerm(v, ast.NewBody(ast.Assign.Expr(v, head)))
		compr.Location = loc
		assign := ast.Assign.Expr(x, compr)
		assign.Location = loc
		body := append(orig.Body.Copy(), assign)
		for j, e := range body {
			e.Index = j
		}
		for j, g := range gen.Rules[2*i : 2*i+2] {
			g.Body = body
			if j > 0 {
				g.Body = body.Copy()
			}
			g.Location = orig.Location
		}
		generated[k] = generatedRule(i)
	}
	return gen, generated, nil
}
