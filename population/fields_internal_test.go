package population

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"time"
	"unicode/utf8"
)

// splitRef is splitFields by its definition: bytes.Split, the fields past
// the last slot counted, not cut.
func splitRef(line []byte, slots int) ([][]byte, []int, int) {
	parts := bytes.Split(line, comma)
	if len(parts) > slots {
		return nil, nil, len(parts)
	}
	starts := make([]int, len(parts))
	at := 0
	for i, p := range parts {
		starts[i] = at
		at += len(p) + 1
	}
	return parts, starts, len(parts)
}

// splitFields is cuts as slices.
func splitFields(line []byte, out [][]byte, starts []int) int {
	var c cuts
	n := c.cut(line, len(out))
	if n > len(out) {
		return n // the fields are not cut
	}
	for i := range n {
		out[i], starts[i] = c.field(i), c.at[i]
	}
	return n
}

func checkSplit(t *testing.T, line []byte) {
	t.Helper()
	for _, slots := range []int{1, 2, personFields, claimFields} {
		out, starts := make([][]byte, slots), make([]int, slots)
		n := splitFields(line, out, starts)
		want, wantStarts, wantN := splitRef(line, slots)
		if n != wantN {
			t.Fatalf("%q in %d slots: %d fields, want %d", line, slots, n, wantN)
		}
		if want == nil {
			continue
		}
		for i := range n {
			if !bytes.Equal(out[i], want[i]) || starts[i] != wantStarts[i] {
				t.Fatalf("%q in %d slots: field %d %q at %d, want %q at %d", line, slots, i, out[i], starts[i], want[i], wantStarts[i])
			}
		}
	}
}

// The word-at-a-time scan finds every comma and nothing else: every byte
// value next to commas (a '-' or a '\x2d' after a comma fooled the short
// zero-byte test), every length and position around the eight-byte words.
func TestSplitFields(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		line := make([]byte, rng.IntN(40))
		for i := range line {
			switch rng.IntN(4) {
			case 0:
				line[i] = ','
			case 1:
				line[i] = byte(rng.IntN(256))
			default:
				line[i] = ",-+.0a\x2b\x2d\xac\x00"[rng.IntN(10)]
			}
		}
		checkSplit(t, line)
	}
	checkSplit(t, []byte("p0000001,c1,2023-03-10,outpatient_special,3,true,1382.85,258.89,561.98,,"))
}

func FuzzSplitFields(f *testing.F) {
	f.Add([]byte("a,b,,-c,"))
	f.Fuzz(func(t *testing.T, line []byte) { checkSplit(t, line) })
}

// text's word-at-a-time scan agrees with the byte loop on every byte
// value at every position of a word.
func TestTextWords(t *testing.T) {
	ref := func(b []byte) bool {
		for _, c := range b {
			if c < 0x20 || c == 0x7f {
				return false
			}
		}
		return utf8.Valid(b)
	}
	base := []byte("p0000001abcdefghij")
	for n := range len(base) + 1 {
		for at := range n {
			for c := range 256 {
				b := append([]byte(nil), base[:n]...)
				b[at] = byte(c)
				if got, want := text(b) == nil, ref(b); got != want {
					t.Fatalf("%q: text accepts it %v, want %v", b, got, want)
				}
			}
		}
	}
}

// TestDaysIn holds daysIn to the calendar (time's) for every month of
// 1600 to 2400: the leap years of the four-, hundred- and four-hundred-year
// rules.
func TestDaysIn(t *testing.T) {
	for y := 1600; y <= 2400; y++ {
		for m := 1; m <= 12; m++ {
			want := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
			if got := daysIn(m, y); got != want {
				t.Errorf("daysIn(%d, %d) = %d, want %d", m, y, got, want)
			}
		}
	}
}
