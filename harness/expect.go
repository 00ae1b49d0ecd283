package harness

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/compiler/celenv"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/schema"
	"github.com/polc-dev/polc/settle"
)

// resultVars are the variables an `expect:` assertion sees, typed from the
// schema's Result records: a misspelt field or a double where money belongs
// does not compile.
func resultVars() map[string]*types.Type {
	return map[string]*types.Type{
		"totals":     types.NewObjectType("ResultTotals"),
		"subsidy":    types.NewObjectType("ResultSubsidy"),
		"claims":     types.NewListType(types.NewObjectType("ResultClaim")),
		"monitoring": types.NewListType(types.NewObjectType("ResultFlag")),
		"coverage":   types.NewObjectType("ResultCoverage"),
	}
}

// checkExpectations compiles and evaluates each assertion on the result,
// returning one failure for each that does not hold.
func checkExpectations(s *schema.Schema, env *celenv.Env, res *settle.Result, expects []casefile.Expectation) []Failure {
	if len(expects) == 0 {
		return nil
	}
	vars, err := resultActivation(s, res)
	if err != nil {
		return []Failure{diagnosticFailure(FailureExpect, diag.Diagnostic{Pos: expects[0].Pos, Severity: diag.SeverityError, Message: err.Error(), Stage: "expect"})}
	}
	var fails []Failure
	for _, e := range expects {
		prg, err := env.Compile(e.Source, types.BoolType)
		if err != nil {
			fails = append(fails, expectFailure(e, nil, "expect %q does not compile: %v", e.Source, err))
			continue
		}
		out, err := prg.Eval(vars)
		if err != nil {
			fails = append(fails, expectFailure(e, nil, "expect %q: %v", e.Source, err))
			continue
		}
		if out != types.True {
			actual := actualValues(env, e.Source, vars)
			fails = append(fails, expectFailure(e, actual, "expect %q is false%s", e.Source, sayActual(actual)))
		}
	}
	return fails
}

// actualValues says what each side of a false top-level comparison
// evaluated to, so the author sees the figure without rerunning; a literal
// side is left out, its text being its value. Anything else (a
// conjunction, a call) gets nothing: the assertion is just false.
func actualValues(env *celenv.Env, src string, vars map[string]any) []Actual {
	cmp, ok := env.SplitComparison(src)
	if !ok {
		return nil
	}
	var shown []Actual
	for _, side := range []celenv.Operand{cmp.Left, cmp.Right} {
		if side.Literal {
			continue
		}
		// The whole assertion compiled and ran, so its sides do too; were
		// one not to, the report still says the assertion is false.
		prg, err := env.Compile(side.Source, nil)
		if err != nil {
			continue
		}
		v, err := prg.Eval(vars)
		if err != nil {
			continue
		}
		shown = append(shown, Actual{Expr: side.Source, Value: showValue(v)})
	}
	return shown
}

// sayActual writes actual values as the end of a sentence:
// ": claims[0].critical is 13704.27".
func sayActual(actual []Actual) string {
	if len(actual) == 0 {
		return ""
	}
	said := make([]string, len(actual))
	for i, a := range actual {
		said[i] = a.Expr + " is " + a.Value
	}
	return ": " + strings.Join(said, ", ")
}

// showValue writes a value as an author would in an assertion: money with
// the decimals it was given (315.00, not 315), strings quoted.
func showValue(v ref.Val) string {
	switch v := v.(type) {
	case celenv.Decimal:
		return v.StringFixed(max(0, -v.Exponent()))
	case types.String:
		return strconv.Quote(string(v))
	}
	return fmt.Sprint(v.Value())
}

func resultActivation(s *schema.Schema, res *settle.Result) (map[string]any, error) {
	b, err := json.Marshal(res)
	if err != nil {
		return nil, err
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil {
		return nil, err
	}
	claims, _ := m["claims"].([]any)
	for _, c := range claims {
		delete(c.(map[string]any), "steps")
	}
	// Covered all year: an empty start, so coverage.from == "" says so.
	if m["coverage"] == nil {
		m["coverage"] = map[string]any{"from": "", "starts": ""}
	}
	vars := map[string]any{}
	for name, typ := range map[string]schema.TypeRef{
		"coverage":   {Name: "ResultCoverage"},
		"totals":     {Name: "ResultTotals"},
		"subsidy":    {Name: "ResultSubsidy"},
		"claims":     {Name: "ResultClaim", List: true},
		"monitoring": {Name: "ResultFlag", List: true},
	} {
		v, vs := s.ValidateRef(typ, m[name])
		if len(vs) > 0 {
			return nil, fmt.Errorf("the result does not fit the schema's %s: %s", typ, vs[0])
		}
		vars[name] = v
	}
	return vars, nil
}
