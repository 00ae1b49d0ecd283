package celenv

import (
	"math"

	celast "cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/operators"
	"cel.dev/cel-go/parser"
)

// Comparison is an expression whose top level compares two operands, split
// so that a false assertion can say what each side evaluated to.
type Comparison struct {
	Operator    string // ==, !=, <, <=, > or >=
	Left, Right Operand
}

// Operand is one side of a comparison, as CEL source text.
type Operand struct {
	Source string
	// Literal is a constant or dec("…") of one: its text already is its
	// value, so there is nothing to report about it.
	Literal bool
}

var comparisonOperators = map[string]bool{
	operators.Equals: true, operators.NotEquals: true,
	operators.Less: true, operators.LessEquals: true,
	operators.Greater: true, operators.GreaterEquals: true,
}

// SplitComparison parses src and, when its top level is a comparison,
// returns its operator and operands; each operand compiles on its own in
// the same environment. ok is false for any other expression, and for src
// that does not parse.
func (e *Env) SplitComparison(src string) (c Comparison, ok bool) {
	parsed, iss := e.env.Parse(src)
	if iss.Err() != nil {
		return Comparison{}, false
	}
	root := parsed.NativeRep().Expr()
	if root.Kind() != celast.CallKind || !comparisonOperators[root.AsCall().FunctionName()] || len(root.AsCall().Args()) != 2 {
		return Comparison{}, false
	}
	c.Operator, _ = operators.FindReverseBinaryOperator(root.AsCall().FunctionName())
	sides := [2]*Operand{&c.Left, &c.Right}
	for i, arg := range root.AsCall().Args() {
		// No wrapping: the text is shown on one line of a report.
		text, err := parser.Unparse(arg, parsed.NativeRep().SourceInfo(), parser.WrapOnColumn(math.MaxInt32))
		if err != nil {
			return Comparison{}, false
		}
		*sides[i] = Operand{Source: text, Literal: isLiteral(arg)}
	}
	return c, true
}

func isLiteral(e celast.Expr) bool {
	switch e.Kind() {
	case celast.LiteralKind:
		return true
	case celast.CallKind:
		call := e.AsCall()
		return call.FunctionName() == "dec" && !call.IsMemberFunction() &&
			len(call.Args()) == 1 && call.Args()[0].Kind() == celast.LiteralKind
	}
	return false
}
