// Package settle is the three-tier settlement of DESIGN.md in exact money:
// for one person and one year it settles the claims in date order through
// basic insurance, critical-illness insurance, medical assistance, tilted
// assistance and the top-up, works out the enrollment subsidy and raises
// the monitoring flags. Rego chooses the terms (policy.Plan); this
// package does every sum, rounding half-up to the fen each time an amount
// is derived. Values come in as shopspring decimals read from their literal
// text; what is worked out once per person or per plan (subsidy, tilted
// terms, thresholds) is worked out in decimal, and the claim loop runs in
// the exact fixed-point of package money, to which they convert exactly.
package settle

import (
	"github.com/shopspring/decimal"

	"github.com/polc-dev/polc/settle/money"
)

// Money is an amount in fen. It marshals as a string with exactly two
// decimals, the result contract's form.
type Money = money.Amount

// Ratio is a ratio, marshalled as its decimal text ("0.7").
type Ratio = money.Rate

// fen rounds half-up (四舍五入) to the fen. shopspring's Round rounds half
// away from zero, which is half-up for the non-negative amounts it is used on.
func fen(d decimal.Decimal) decimal.Decimal { return d.Round(2) }
