// Package money is the exact fixed-point arithmetic of the claim loop:
// amounts are whole fen in an int64, ratios whole billionths in an int64.
//
// Every value enters from a shopspring/decimal that was read from its
// literal text (a case file, a params file, a Rego term), and is converted
// only if it is exactly representable — an amount with a third decimal, or
// a ratio with a tenth, is an error, never rounded on the way in. Products
// of a ratio and an amount are formed exactly in 128 bits and rounded once,
// half-up to the fen, as decimal's Round(2) does for the non-negative
// amounts settlement works with. So the results are the ones shopspring
// arithmetic gives, digit for digit (TestAgreesWithDecimal), without a heap
// allocation per operation: that is what lets a cached year of claims run
// over a hundred times faster than evaluating Rego for each claim.
package money

import (
	"fmt"
	"math/bits"
	"strconv"

	"github.com/shopspring/decimal"
)

// Amount is an amount of money in fen (0.01 yuan).
type Amount int64

// Rate is a ratio in billionths: 0.7 is Rate(700_000_000).
type Rate int64

const (
	// RateScale is the number of Rate units in 1.
	RateScale  = 1_000_000_000
	rateDigits = 9

	// MaxAmount bounds every amount settlement accepts and, checked on the
	// sum of a year's claims, every sum it forms: 10^14 yuan, beyond any
	// bill, far inside int64.
	MaxAmount Amount = 1e16
	// MaxRate bounds ratios (weights and factors included) at 100, so a
	// product with any amount up to MaxAmount fits the 128-bit form below.
	MaxRate Rate = 100 * RateScale
)

// One is the ratio 1.
const One Rate = RateScale

// FromDecimal converts an amount exactly: it must have at most two decimals
// and lie within ±MaxAmount.
func FromDecimal(d decimal.Decimal) (Amount, error) {
	if a, ok := fromSmallDecimal(d); ok {
		return a, nil
	}
	fen := d.Shift(2)
	if !fen.IsInteger() {
		return 0, fmt.Errorf("amount %s has more than two decimals: money is in yuan and fen", cut(d.String()))
	}
	if fen.Abs().GreaterThan(decimal.NewFromInt(int64(MaxAmount))) {
		return 0, fmt.Errorf("amount %s is beyond the largest amount settled (%s)", cut(d.String()), MaxAmount)
	}
	return Amount(fen.IntPart()), nil
}

// fromSmallDecimal converts, without allocating, an amount whose
// coefficient fits in an int64: FromDecimal's answer wherever it reports
// true (a population run converts a household's income for every person;
// shopspring's Shift allocates).
func fromSmallDecimal(d decimal.Decimal) (Amount, bool) {
	if d.NumDigits() > 18 {
		return 0, false
	}
	c, exp := d.CoefficientInt64(), int(d.Exponent())+2 // the amount is c × 10^exp fen
	switch {
	case c == 0:
		return 0, true
	case exp > 18: // past any amount settled
		return 0, false
	case exp >= 0:
		for ; exp > 0; exp-- {
			if c > int64(MaxAmount) || c < -int64(MaxAmount) {
				return 0, false
			}
			c *= 10
		}
	case exp >= -18:
		div := int64(1)
		for ; exp < 0; exp++ {
			div *= 10
		}
		if c%div != 0 {
			return 0, false // more than two decimals: FromDecimal says so
		}
		c /= div
	default:
		return 0, false
	}
	if c > int64(MaxAmount) || c < -int64(MaxAmount) {
		return 0, false
	}
	return Amount(c), true
}

// Decimal is the amount as a decimal, for CEL and for comparisons with
// thresholds worked out in decimal.
func (a Amount) Decimal() decimal.Decimal { return decimal.New(int64(a), -2) }

// String writes the amount with exactly two decimals, as decimal's
// StringFixed(2) does: "1234.50", "-0.05".
func (a Amount) String() string { return string(a.AppendText(nil)) }

// AppendText appends String's text; it implements encoding.TextAppender.
func (a Amount) AppendText(b []byte) []byte {
	u := uint64(a)
	if a < 0 {
		b = append(b, '-')
		u = -u
	}
	b = strconv.AppendUint(b, u/100, 10)
	return append(b, '.', byte('0'+u/10%10), byte('0'+u%10))
}

// MarshalJSON writes the amount as the result contract's string.
func (a Amount) MarshalJSON() ([]byte, error) {
	b := append(make([]byte, 0, 24), '"')
	return append(a.AppendText(b), '"'), nil
}

// RateFromDecimal converts a ratio exactly: at most nine decimals, between
// 0 and MaxRate.
func RateFromDecimal(d decimal.Decimal) (Rate, error) {
	units := d.Shift(rateDigits)
	switch {
	case !units.IsInteger():
		return 0, fmt.Errorf("ratio %s has more than %d decimals", cut(d.String()), rateDigits)
	case d.IsNegative():
		return 0, fmt.Errorf("ratio %s is negative", cut(d.String()))
	case units.GreaterThan(decimal.NewFromInt(int64(MaxRate))):
		return 0, fmt.Errorf("ratio %s is above %s", cut(d.String()), MaxRate)
	}
	return Rate(units.IntPart()), nil
}

// Decimal is the ratio as a decimal.
func (r Rate) Decimal() decimal.Decimal { return decimal.New(int64(r), -rateDigits) }

// String writes the ratio with no trailing zeros, as decimal's String
// does: "0.7", "0.05", "1".
func (r Rate) String() string { return string(r.AppendText(nil)) }

// AppendText appends String's text; it implements encoding.TextAppender.
func (r Rate) AppendText(b []byte) []byte {
	b = strconv.AppendInt(b, int64(r)/RateScale, 10)
	frac := int64(r) % RateScale
	if frac == 0 {
		return b
	}
	b = append(b, '.')
	start := len(b)
	b = strconv.AppendInt(b, RateScale+frac, 10) // "1" and the nine digits
	copy(b[start:], b[start+1:])
	b = b[:len(b)-1]
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	return b
}

// Percent writes the ratio as a percentage: 0.1 → "10%".
func (r Rate) Percent() string { return (r * 100).String() + "%" }

// MarshalJSON writes the ratio as its decimal text in a string.
func (r Rate) MarshalJSON() ([]byte, error) {
	b := append(make([]byte, 0, 24), '"')
	return append(r.AppendText(b), '"'), nil
}

// Of is the ratio of a non-negative amount, rounded half-up to the fen.
// (The product alone, not Add to an empty sum: the form the compiler
// inlines.)
func (r Rate) Of(a Amount) Amount {
	hi, lo := bits.Mul64(uint64(r), uint64(a))
	return Products{hi: hi, lo: lo}.Fen()
}

// Products is an exact sum of ratio × amount products, kept in 128 bits so
// that a payment over several bands is rounded once, not once per band.
// Both factors must be non-negative and within their bounds.
type Products struct{ hi, lo uint64 }

// Add adds r × a.
func (p *Products) Add(r Rate, a Amount) {
	hi, lo := bits.Mul64(uint64(r), uint64(a))
	var carry uint64
	p.lo, carry = bits.Add64(p.lo, lo, 0)
	p.hi += hi + carry
}

// Fen is the sum rounded half-up to the fen.
func (p Products) Fen() Amount {
	lo, carry := bits.Add64(p.lo, RateScale/2, 0)
	hi := p.hi + carry
	if hi == 0 {
		// An everyday product (below 2⁶⁴ billionths of a fen, ≈ 1.8×10⁸
		// yuan at a ratio of 1) divides in 64 bits, by a constant the
		// compiler turns into a multiplication: the 128-bit division is
		// the claim loop's slowest instruction.
		return Amount(lo / RateScale)
	}
	q, _ := bits.Div64(hi, lo, RateScale)
	return Amount(q)
}

// cut shortens a number's text for a message: a hostile literal may have
// thousands of digits.
func cut(s string) string {
	if len(s) <= 40 {
		return s
	}
	return s[:40] + fmt.Sprintf("… (%d digits)", len(s))
}
