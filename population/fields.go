package population

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"unicode/utf8"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/settle/money"
)

// cuts are where a line's fields start: field i is
// line[at[i] : at[i+1]-1]. Offsets rather than slices: a slice stored is
// three words and, in memory the collector scans, a write barrier.
type cuts struct {
	line []byte
	at   [claimFields + 1]int
}

func (c *cuts) field(i int) []byte { return c.line[c.at[i] : c.at[i+1]-1] }

// cut finds the fields of a line, at most max of them (max ≤ claimFields),
// and returns how many there were: past max they are counted, not cut.
// The line is scanned eight bytes at a time (a comma found in a word by
// arithmetic, not a branch a byte): fields are a few bytes long, too short
// for bytes.IndexByte's vector search to pay for its call.
func (c *cuts) cut(line []byte, max int) int {
	c.line = line
	n, i := 1, 0 // c.at[0] is 0
	for ; i+8 <= len(line); i += 8 {
		for m := commas(binary.LittleEndian.Uint64(line[i:])); m != 0; m &= m - 1 {
			at := i + bits.TrailingZeros64(m)>>3
			if n == max {
				return max + bytes.Count(line[at:], comma)
			}
			c.at[n] = at + 1
			n++
		}
	}
	for ; i < len(line); i++ {
		if line[i] == ',' {
			if n == max {
				return max + bytes.Count(line[i:], comma)
			}
			c.at[n] = i + 1
			n++
		}
	}
	c.at[n] = len(line) + 1
	return n
}

// commas marks the commas of a word of eight bytes: the high bit of each
// byte that is one. Exact for every byte (no borrow runs from one byte
// into the next, as in the shorter zero-byte test).
func commas(w uint64) uint64 {
	const lows, highs = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	x := w ^ 0x2c2c2c2c2c2c2c2c // a comma becomes zero
	return ^(((x & lows) + lows) | x | lows) & highs
}

// amount reads an amount of money straight into fen, without a decimal or
// a string on the way: digits, at most one point, at most two decimals, an
// optional sign, within money.MaxAmount. Anything else — and the edge
// cases a sign brings — goes to casefile.AmountText, which says what is
// wrong exactly as for a case (and which FuzzAmount holds this to).
func amount(b []byte) (money.Amount, error) {
	if v, ok := quickAmount(b); ok {
		return v, nil
	}
	return amountSlow(b) // read or refused, in the reference's words
}

func amountSlow(b []byte) (money.Amount, error) { return casefile.AmountText(string(b)) }

// date checks a date of the calendar, YYYY-MM-DD, as yamldoc.IsDate does
// (FuzzDate holds it to that) without time.Parse's cost on every claim.
func date(b []byte) bool {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return false
	}
	for _, i := range [...]int{0, 1, 2, 3, 5, 6, 8, 9} {
		if b[i]-'0' > 9 {
			return false
		}
	}
	y := int(b[0]-'0')*1000 + int(b[1]-'0')*100 + int(b[2]-'0')*10 + int(b[3]-'0')
	m := int(b[5]-'0')*10 + int(b[6]-'0')
	d := int(b[8]-'0')*10 + int(b[9]-'0')
	return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(m, y)
}

func daysIn(month, year int) int {
	leap := 0
	if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		leap = 1
	}
	return int(monthDays[leap][month])
}

// monthDays are the days of each month (1 to 12) of a common year and of
// a leap year: a claim's day is checked with one load, not a switch on its
// month (a branch the processor cannot foresee).
var monthDays = [2][13]uint8{
	{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31},
	{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31},
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
	// Eight bytes at a time while they are printable ASCII, the common
	// case; a byte that may not be goes to the loop below.
	const lows, highs = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	for len(b) >= 8 {
		w := binary.LittleEndian.Uint64(b)
		control := ^((w & lows) + 0x6060606060606060) & highs // below 0x20
		x := w ^ lows                                         // 0x7f becomes zero
		del := ^(((x & lows) + lows) | x | lows) & highs
		if (w&highs)|control|del != 0 {
			break
		}
		b = b[8:]
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
