package harness

import (
	"bytes"
	"encoding/json"
	"fmt"

	"cel.dev/cel-go/common/types"

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

// checkExpectations compiles and evaluates each assertion on the result.
func checkExpectations(s *schema.Schema, env *celenv.Env, res *settle.Result, expects []casefile.Expectation) diag.List {
	var ds diag.List
	if len(expects) == 0 {
		return nil
	}
	vars, err := resultActivation(s, res)
	if err != nil {
		ds.Errorf("expect", expects[0].Pos, "%v", err)
		return ds
	}
	for _, e := range expects {
		prg, err := env.Compile(e.Source, types.BoolType)
		if err != nil {
			ds.Errorf("expect", e.Pos, "expect %q does not compile: %v", e.Source, err)
			continue
		}
		out, err := prg.Eval(vars)
		if err != nil {
			ds.Errorf("expect", e.Pos, "expect %q: %v", e.Source, err)
			continue
		}
		if out != types.True {
			ds.Errorf("expect", e.Pos, "expect %q is false", e.Source)
		}
	}
	return ds
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
