// Package celenv builds the CEL environments polc compiles constraints,
// derived parameters and golden assertions in: a decimal type for money and
// ratios, and record types declared by the schema, so that a double, a
// string where money belongs or a misspelt field is a compile-time error.
package celenv

import (
	"fmt"
	"reflect"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/operators"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"
	"github.com/shopspring/decimal"

	"github.com/polc-dev/polc/compiler/literal"
)

// DecimalType is CEL's name for polc's exact decimal. It is opaque: the only
// ways in are dec("…") from literal text and values polc binds.
// Its traits route CEL's standard +, -, * and comparisons to the methods below.
var DecimalType = cel.OpaqueType("decimal").WithTraits(
	traits.AdderType | traits.SubtractorType | traits.MultiplierType | traits.ComparerType)

// Decimal is a CEL value holding an exact decimal.
type Decimal struct{ decimal.Decimal }

func (d Decimal) ConvertToNative(t reflect.Type) (any, error) {
	if t == reflect.TypeOf(decimal.Decimal{}) {
		return d.Decimal, nil
	}
	if t == reflect.TypeOf(d) {
		return d, nil
	}
	return nil, fmt.Errorf("decimal cannot be converted to %v", t)
}

func (d Decimal) ConvertToType(t ref.Type) ref.Val {
	switch t {
	case DecimalType:
		return d
	case types.StringType:
		return types.String(d.String())
	case types.TypeType:
		return DecimalType
	}
	return types.NewErr("decimal cannot be converted to %v", t)
}

func (d Decimal) Equal(other ref.Val) ref.Val {
	o, ok := other.(Decimal)
	if !ok {
		return types.False
	}
	return types.Bool(d.Decimal.Equal(o.Decimal))
}

func (d Decimal) Type() ref.Type { return DecimalType }
func (d Decimal) Value() any     { return d.Decimal }

// decimalOverloads names the overloads decimalFunctions declares, for the
// cost estimator.
var decimalOverloads = map[string]bool{
	"dec_string": true, "decimal_round": true, "decimal_decimals": true, "ascending_decimals": true,
	"add_decimal": true, "subtract_decimal": true, "multiply_decimal": true,
	"less_decimal": true, "less_equals_decimal": true, "greater_decimal": true, "greater_equals_decimal": true,
}

// Arithmetic and comparison dispatch through CEL's operand traits: the
// standard operators are bound once for all types, so a new type joins them by
// declaring overloads (for the checker) and implementing the traits (for the
// interpreter).

func (d Decimal) Add(o ref.Val) ref.Val {
	if od, ok := o.(Decimal); ok {
		return Decimal{d.Decimal.Add(od.Decimal)}
	}
	return types.MaybeNoSuchOverloadErr(o)
}

func (d Decimal) Subtract(o ref.Val) ref.Val {
	if od, ok := o.(Decimal); ok {
		return Decimal{d.Decimal.Sub(od.Decimal)}
	}
	return types.MaybeNoSuchOverloadErr(o)
}

func (d Decimal) Multiply(o ref.Val) ref.Val {
	if od, ok := o.(Decimal); ok {
		return Decimal{d.Decimal.Mul(od.Decimal)}
	}
	return types.MaybeNoSuchOverloadErr(o)
}

func (d Decimal) Compare(o ref.Val) ref.Val {
	if od, ok := o.(Decimal); ok {
		return types.Int(d.Cmp(od.Decimal))
	}
	return types.MaybeNoSuchOverloadErr(o)
}

// decimalFunctions declares dec(), round() and the operators on decimals.
// Division is left out on purpose: a quotient is not always exact, and no
// document rule needs one.
func decimalFunctions() []cel.EnvOption {
	dd := []*cel.Type{DecimalType, DecimalType}
	op := func(name, id string, result *cel.Type) cel.EnvOption {
		return cel.Function(name, cel.Overload(id, dd, result))
	}
	return []cel.EnvOption{
		cel.Function("dec", cel.Overload("dec_string", []*cel.Type{cel.StringType}, DecimalType,
			cel.UnaryBinding(func(v ref.Val) ref.Val {
				d, err := literal.Decimal(string(v.(types.String)))
				if err != nil {
					return types.NewErr("dec(): %v", err)
				}
				return Decimal{d}
			}))),
		// round() is half-up to the fen, the rounding every derived amount gets.
		cel.Function("round", cel.MemberOverload("decimal_round", []*cel.Type{DecimalType}, DecimalType,
			cel.UnaryBinding(func(v ref.Val) ref.Val { return Decimal{v.(Decimal).Round(2)} }))),
		// decimals() is how many decimal places a number needs (0.10 and
		// 0.1 need one): money has at most two, a ratio at most nine.
		cel.Function("decimals", cel.MemberOverload("decimal_decimals", []*cel.Type{DecimalType}, cel.IntType,
			cel.UnaryBinding(func(v ref.Val) ref.Val { return types.Int(Places(v.(Decimal).Decimal)) }))),
		// ascending(list) says each number is larger than the one before:
		// band edges, say.
		cel.Function("ascending", cel.Overload("ascending_decimals", []*cel.Type{cel.ListType(DecimalType)}, cel.BoolType,
			cel.UnaryBinding(func(v ref.Val) ref.Val {
				l, ok := v.(traits.Lister)
				if !ok {
					return types.MaybeNoSuchOverloadErr(v)
				}
				var prev *decimal.Decimal
				for it := l.Iterator(); it.HasNext() == types.True; {
					d, ok := it.Next().(Decimal)
					if !ok {
						return types.NewErr("ascending: not a list of decimals")
					}
					if prev != nil && !d.Decimal.GreaterThan(*prev) {
						return types.False
					}
					prev = &d.Decimal
				}
				return types.True
			}))),
		op(operators.Add, "add_decimal", DecimalType),
		op(operators.Subtract, "subtract_decimal", DecimalType),
		op(operators.Multiply, "multiply_decimal", DecimalType),
		op(operators.Less, "less_decimal", cel.BoolType),
		op(operators.LessEquals, "less_equals_decimal", cel.BoolType),
		op(operators.Greater, "greater_decimal", cel.BoolType),
		op(operators.GreaterEquals, "greater_equals_decimal", cel.BoolType),
	}
}

// Places is the number of decimal places d needs: 2 for 0.25 and 0.250,
// 0 for 300. Very large exponents are capped, so a hostile literal cannot
// make this loop long.
func Places(d decimal.Decimal) int {
	if d.Exponent() >= 0 {
		return 0
	}
	n := 0
	for !d.Shift(int32(n)).IsInteger() {
		n++
		if n > 64 {
			return n
		}
	}
	return n
}
