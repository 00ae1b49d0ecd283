// Package literal reads numbers exactly from the text that writes them — a
// document's figure in a params file, an amount in a case, an argument of
// CEL's dec(). It depends on no evaluator, so that reading a case file,
// the part a hostile input reaches first, links neither CEL nor Rego.
package literal

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/polc-dev/polc/compiler/diag"
)

// Decimal reads a plain decimal — digits, a point, a sign — exactly.
// An exponent is refused: "1e1000000000" is ten characters for a number of
// a billion digits, which printing or comparing would then build.
func Decimal(text string) (decimal.Decimal, error) {
	if !isPlainDecimal(text) {
		return decimal.Decimal{}, fmt.Errorf("%s is not a plain decimal number (digits, with a point for fen; no exponent)", diag.Quote(text))
	}
	return decimal.NewFromString(text)
}

// Number reads a money or ratio value exactly from its literal text: a
// JSON or YAML number's digits, or a string of digits. Never via float64.
func Number(v any) (decimal.Decimal, error) {
	var text string
	switch v := v.(type) {
	case json.Number:
		text = string(v)
	case string:
		text = strings.TrimSpace(v)
	case decimal.Decimal:
		return v, nil
	default:
		return decimal.Decimal{}, fmt.Errorf("not a number")
	}
	return Decimal(text)
}

// isPlainDecimal is ^[-+]?(\d+(\.\d*)?|\.\d+)$, without a regexp: every
// number polc reads passes here.
func isPlainDecimal(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	digits, point := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !point:
			point = true
		default:
			return false
		}
	}
	return digits > 0
}
