package compiler

import (
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/polc-dev/polc/compiler/sandbox"
)

// checkTypes compiles each region on its own OPA compiler, in the sandbox
// (only the allowed builtins exist), with the input JSON Schema derived
// from schema.yaml, so OPA's type checker sees every input reference; then
// it prepares the queries the later stages and the settlement engine
// evaluate. One region's errors never hide another's, and OPA's own limit
// on errors is lifted: an author sees every problem at once.
func (c *Compiler) checkTypes() {
	ctx, cancel := c.stageContext()
	defer cancel()
	ss := ast.NewSchemaSet()
	ss.Put(ast.SchemaRootRef, c.schema.InputJSONSchema())
	for _, r := range c.parsed() {
		if r.failed {
			// Still type-check a module the sandbox refused or whose rules
			// are malformed, so one problem never hides another. It is
			// never evaluated, so it is checked with every builtin: the
			// builtins stage has named each refused call and each `with`
			// in its own words, and the sandbox's capabilities would only
			// make OPA repeat them, or stop at them.
			oc := ast.NewCompiler().WithSchemas(ss).WithStrict(true)
			oc.SetErrorLimit(0)
			oc.Compile(map[string]*ast.Module{r.File: r.Module})
			c.opaErrors(StageTypes, oc.Errors)
			continue
		}
		gen, generated, err := c.generateEvaluationModule(r)
		if err != nil {
			c.errorf(StageTypes, c.pos(r.Module.Package.Location), "%v", err)
			c.regionFailed(r)
			continue
		}
		oc := newOPACompiler(ss)
		oc.Compile(map[string]*ast.Module{r.File: r.Module, gen.Package.Location.File: gen})
		if oc.Failed() {
			// Report the errors of the author's module alone: the generated
			// one repeats its bodies and would only echo them.
			alone := newOPACompiler(ss)
			alone.Compile(map[string]*ast.Module{r.File: r.Module})
			errs := alone.Errors
			if !alone.Failed() {
				errs = oc.Errors // a fault of polc's own generated module
			}
			c.opaErrors(StageTypes, errs)
			c.regionFailed(r)
			continue
		}
		var decisions []string
		for name, d := range c.schema.Decisions {
			if d.Set {
				decisions = append(decisions, name)
			}
		}
		if err := r.Prepare(ctx, oc, c.guard, generated, decisions); err != nil {
			c.errorf(StageTypes, c.pos(r.Module.Package.Location), "%v", err)
			c.regionFailed(r)
		}
	}
}

// newOPACompiler is the compiler a region's modules are compiled with: in
// the sandbox, against the input schema, and in OPA's strict mode (what
// `opa check --strict` runs), which refuses an unused local variable,
// import or function argument, a deprecated builtin and a rule that
// shadows input or data — each a sign that a rule does not say what its
// author meant. The generated module repeats the author's bodies, so it
// meets the same rules; the queries polc prepares on the compiler are
// compiled without them (rego turns strict mode off for its query), as
// their output variables are read by Go, not by Rego.
func newOPACompiler(ss *ast.SchemaSet) *ast.Compiler {
	oc := ast.NewCompiler().WithSchemas(ss).WithCapabilities(sandbox.Capabilities()).WithStrict(true)
	oc.SetErrorLimit(0)
	return oc
}
