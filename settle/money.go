// Package settle is the three-tier settlement of DESIGN.md in exact decimal
// money: for one person and one year it settles the claims in date order
// through basic insurance, critical-illness insurance, medical assistance,
// tilted assistance and the top-up, works out the enrollment subsidy and
// raises the monitoring flags. Rego chooses the terms (compiler.Plan); this
// package does every sum, with shopspring/decimal, rounding half-up to the
// fen each time an amount is derived.
package settle

import (
	"github.com/shopspring/decimal"
)

var (
	zero = decimal.Zero
	one  = decimal.NewFromInt(1)
)

// Money is an amount in yuan. It marshals as a string with exactly two
// decimals, the result contract's form.
type Money struct{ decimal.Decimal }

func money(d decimal.Decimal) Money { return Money{d} }

func (m Money) MarshalJSON() ([]byte, error) {
	return []byte(`"` + m.StringFixed(2) + `"`), nil
}

// Ratio is a ratio, marshalled as its decimal text ("0.7").
type Ratio struct{ decimal.Decimal }

func (r Ratio) MarshalJSON() ([]byte, error) {
	return []byte(`"` + r.String() + `"`), nil
}

// fen rounds half-up (四舍五入) to the fen. shopspring's Round rounds half
// away from zero, which is half-up for the non-negative amounts it is used on.
func fen(d decimal.Decimal) decimal.Decimal { return d.Round(2) }

func maxDec(a, b decimal.Decimal) decimal.Decimal {
	if a.GreaterThan(b) {
		return a
	}
	return b
}

func minDec(a, b decimal.Decimal) decimal.Decimal {
	if a.LessThan(b) {
		return a
	}
	return b
}

// overlap is the length of [a0, a1] ∩ [lo, hi]; a nil hi has no end.
func overlap(a0, a1, lo decimal.Decimal, hi *decimal.Decimal) decimal.Decimal {
	start := maxDec(a0, lo)
	end := a1
	if hi != nil {
		end = minDec(a1, *hi)
	}
	if end.LessThanOrEqual(start) {
		return zero
	}
	return end.Sub(start)
}
