package population

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/settle/money"
)

// splitFields cuts a line at its commas into at most len(out) fields and
// returns how many there were. The fields are slices of the line: nothing
// is copied. A byte loop: fields are a few bytes long, shorter than what
// makes bytes.IndexByte's vector search pay for its call.
func splitFields(line []byte, out [][]byte, starts []int) int {
	n, from := 0, 0
	for i, c := range line {
		if c != ',' {
			continue
		}
		if n == len(out)-1 {
			return len(out) + bytes.Count(line[i:], []byte(","))
		}
		out[n], starts[n] = line[from:i], from
		n++
		from = i + 1
	}
	out[n], starts[n] = line[from:], from
	return n + 1
}

// amount reads an amount of money straight into fen, without a decimal or
// a string on the way: digits, at most one point, at most two decimals, an
// optional sign, within money.MaxAmount. Anything else — and the edge
// cases a sign brings — goes to casefile.AmountText, which says what is
// wrong exactly as for a case (and which FuzzAmount holds this to).
func amount(b []byte) (money.Amount, error) {
	digits, decimals, point := 0, 0, false
	var v int64
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			if point {
				decimals++
			}
			digits++
			if v = v*10 + int64(c-'0'); v > int64(money.MaxAmount) {
				return amountSlow(b) // refused, in the reference's words
			}
		case c == '.' && !point:
			point = true
		default:
			return amountSlow(b)
		}
	}
	if digits == 0 || decimals > 2 {
		return amountSlow(b)
	}
	for ; decimals < 2; decimals++ {
		v *= 10
	}
	if v > int64(money.MaxAmount) {
		return amountSlow(b)
	}
	return money.Amount(v), nil
}

func amountSlow(b []byte) (money.Amount, error) { return casefile.AmountText(string(b)) }

// date checks a date of the calendar, YYYY-MM-DD, as yamldoc.IsDate does
// (FuzzDate holds it to that) without time.Parse's cost on every claim.
func date(b []byte) bool {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return false
	}
	num := func(s []byte) (int, bool) {
		n := 0
		for _, c := range s {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	y, ok1 := num(b[:4])
	m, ok2 := num(b[5:7])
	d, ok3 := num(b[8:10])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= daysIn(m, y)
}

func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

var errWhole = errors.New("want a whole number")

// integer reads a whole number as a case's is read (strconv.Atoi's form:
// an optional sign and decimal digits), refusing more than nine digits.
func integer(b []byte) (int, error) {
	s := b
	neg := false
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if len(s) == 0 || len(s) > 9 {
		return 0, errWhole
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, errWhole
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	return n, nil
}

var errBool = errors.New("want true or false")

func boolean(b []byte) (bool, error) {
	switch string(b) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, errBool
}

// text checks an id or a name: at most MaxText bytes of UTF-8 without
// control characters (a quote or comma cannot reach here: the line was
// refused or split at it).
func text(b []byte) error {
	if len(b) > MaxText {
		return fmt.Errorf("%d bytes, more than the %d an id or a name may hold", len(b), MaxText)
	}
	ascii := true
	for _, c := range b {
		if c < 0x20 || c == 0x7f {
			return errors.New("a control character")
		}
		ascii = ascii && c < 0x80
	}
	if !ascii && !utf8.Valid(b) {
		return errors.New("not UTF-8 text")
	}
	return nil
}
