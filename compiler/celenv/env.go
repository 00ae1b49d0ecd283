package celenv

import (
	"fmt"
	"sort"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/checker"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
)

// Limits keep every expression cheap and bounded, as Kubernetes does for its
// validation rules: no rule may cost more than CostLimit to evaluate, and
// lists are assumed no longer than MaxListSize when estimating that cost.
const (
	CostLimit     = 10000
	MaxListSize   = 32
	MaxNesting    = 12
	MaxExprLength = 2000
)

// Env is a CEL environment over polc's types.
type Env struct {
	env *cel.Env
}

// New makes an environment with the decimal type, the given record types
// and variables.
func New(records []RecordType, vars map[string]*types.Type) (*Env, error) {
	p, err := newProvider(records)
	if err != nil {
		return nil, err
	}
	opts := []cel.EnvOption{
		cel.CustomTypeProvider(p),
		cel.CustomTypeAdapter(p),
		cel.ParserExpressionSizeLimit(MaxExprLength),
		cel.ExpressionNestingDepthLimit(MaxNesting),
	}
	opts = append(opts, decimalFunctions()...)
	names := make([]string, 0, len(vars))
	for n := range vars {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		opts = append(opts, cel.Variable(n, vars[n]))
	}
	e, err := cel.NewEnv(opts...)
	if err != nil {
		return nil, err
	}
	return &Env{env: e}, nil
}

// Program is a compiled, type-checked expression.
type Program struct {
	Source string
	prg    cel.Program
}

// Compile type-checks src and requires it to yield want (nil: any type).
// A compile error names what is wrong at the column it is wrong.
func (e *Env) Compile(src string, want *types.Type) (*Program, error) {
	ast, iss := e.env.Compile(src)
	if iss.Err() != nil {
		return nil, fmt.Errorf("%s", iss.Err())
	}
	if want != nil && !ast.OutputType().IsExactType(want) {
		return nil, fmt.Errorf("%q yields %s, want %s", src, ast.OutputType(), want)
	}
	est, err := e.env.EstimateCost(ast, sizeEstimator{})
	if err != nil {
		return nil, fmt.Errorf("estimating the cost of %q: %v", src, err)
	}
	if est.Max > CostLimit {
		return nil, fmt.Errorf("%q may cost up to %d, over the limit of %d (lists are taken to hold up to %d items)", src, est.Max, CostLimit, MaxListSize)
	}
	prg, err := e.env.Program(ast, cel.CostLimit(CostLimit))
	if err != nil {
		return nil, err
	}
	return &Program{Source: src, prg: prg}, nil
}

// Eval runs the program over the variables.
func (p *Program) Eval(vars map[string]any) (ref.Val, error) {
	out, _, err := p.prg.Eval(vars)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// sizeEstimator bounds every list at MaxListSize, which is what makes a
// comprehension's cost finite at compile time.
type sizeEstimator struct{}

func (sizeEstimator) EstimateSize(element checker.AstNode) *checker.SizeEstimate {
	if element.Type().IsExactType(DecimalType) {
		return &checker.SizeEstimate{Min: 1, Max: 1}
	}
	if element.Path() != nil {
		return &checker.SizeEstimate{Min: 0, Max: MaxListSize}
	}
	return nil
}

// EstimateCallCost gives decimal operations a unit cost, as CEL gives its own
// arithmetic; without it an unknown function is assumed to cost without bound.
func (sizeEstimator) EstimateCallCost(function, overloadID string, target *checker.AstNode, args []checker.AstNode) *checker.CallEstimate {
	if decimalOverloads[overloadID] {
		return &checker.CallEstimate{CostEstimate: checker.CostEstimate{Min: 1, Max: 1}}
	}
	// A number written as text is short; without this a message built with
	// string(…) would be estimated to cost without bound.
	if strings.HasSuffix(overloadID, "_to_string") {
		return &checker.CallEstimate{CostEstimate: checker.CostEstimate{Min: 1, Max: 1}, ResultSize: &checker.SizeEstimate{Min: 1, Max: 40}}
	}
	return nil
}
