package population

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// readBoth reads the files with the quick claim reading on and off: the
// persons (every field, pointers followed) and the problems must be the
// same.
func readBoth(t testing.TB, cat interface{}, persons, claims string) {
	t.Helper()
	read := func(quick bool) string {
		quickClaims = quick
		defer func() { quickClaims = true }()
		rd := NewReader(strings.NewReader(persons), "persons.csv", strings.NewReader(claims), "claims.csv", ShippedCatalogForTest(t))
		var b strings.Builder
		var p Person
		for rd.Next(&p) {
			c := &p.Case
			fmt.Fprintf(&b, "%s %s %s %d %v %v %s %q %v %+v %s\n", p.ID, c.Pos, c.Region, c.Year, c.Person.Categories, deref(c.Person.Age), c.Person.Residence, c.Person.County, deref(c.Person.ExitYear), c.Enrollment, showCase(&p))
			for _, d := range p.Problems {
				fmt.Fprintf(&b, "  %s\n", d)
			}
		}
		for _, d := range rd.Err() {
			fmt.Fprintf(&b, "! %s\n", d)
		}
		return b.String()
	}
	if q, s := read(true), read(false); q != s {
		t.Fatalf("claims\n%s\nquick:\n%s\nfield by field:\n%s", claims, q, s)
	}
}

func showCase(p *Person) string {
	c := &p.Case
	var b strings.Builder
	for _, cl := range c.Claims {
		basic := "-"
		if cl.BasicPaid != nil {
			basic = cl.BasicPaid.String()
		}
		fmt.Fprintf(&b, " [%s %s %s %s %s %t %s %s %s %q %t]", cl.Pos, cl.ID, cl.Date, cl.Kind, cl.HospitalLevel, cl.Referred, cl.Total, cl.OutOfCatalog, basic, cl.Disease, cl.Uninsured)
	}
	return b.String()
}

var quickSeeds = []string{
	"p1,c1,2023-04-12,inpatient,3,true,60000,0,30000,,",
	"p1,c2,2023-02-28,outpatient,1,false,12.5,.5,,,",
	"p1,c3,2023-12-31,outpatient_special,2,true,100.00,,,病,true",
	"p1,c4,2023-01-01,inpatient,community,false,5.,5,0,J18,false",
	"p1,c5,2023-06-30,inpatient,2,false,99999999999999.99,0.01,0,J18,",
	"p1,c6,2023-04-12,outpatient,3,true,1,,,,",           // ids read near the line's end
	"p1,c7,2023-04-12,outpatient_special,1,false,10,,,,", // an id that begins another
}

// A grid of mutations of plain rows: a byte changed, removed or doubled
// at every position, with bytes that matter to some field.
func TestQuickClaimAgrees(t *testing.T) {
	persons := personsHead + "p1,tongnan,2023,dibao,58,rural,,,1,\n"
	subs := []byte("0129.-,+ e\x01\x7fTt2Ｊ")
	rng := rand.New(rand.NewPCG(1, 2))
	for _, seed := range quickSeeds {
		readBoth(t, nil, persons, claimsHead+seed+"\n")
		for i := len("p1,"); i <= len(seed); i++ {
			variants := []string{seed[:i] + seed[min(i+1, len(seed)):], seed[:i] + seed[i:min(i+1, len(seed))] + seed[i:]}
			for range 3 {
				s := string(subs[rng.IntN(len(subs))])
				if rng.IntN(4) == 0 {
					s = "Ｊ"
				}
				variants = append(variants, seed[:i]+s+seed[min(i+1, len(seed)):])
			}
			for _, v := range variants {
				readBoth(t, nil, persons, claimsHead+v+"\n")
			}
		}
	}
	// Many claims: past the most a case may hold, and ids used twice.
	var b strings.Builder
	b.WriteString(claimsHead)
	for i := range 1100 {
		fmt.Fprintf(&b, "p1,c%d,2023-03-01,inpatient,3,true,10,,,,\n", i%1050)
	}
	readBoth(t, nil, persons, b.String())
}

// FuzzQuickClaim holds the quick reading of a claim row to the reading
// field by field, on any row.
func FuzzQuickClaim(f *testing.F) {
	for _, s := range quickSeeds {
		f.Add(s)
	}
	persons := personsHead + "p1,tongnan,2023,dibao,58,rural,,,1,\n"
	f.Fuzz(func(t *testing.T, row string) {
		if strings.ContainsAny(row, "\n\r") {
			return
		}
		readBoth(t, nil, persons, claimsHead+row+"\n")
	})
}

// amountAt, in a line, reads what amount reads.
func TestAmountAtAgrees(t *testing.T) {
	for _, s := range []string{"0", "1", "12.5", ".5", "5.", "100.00", "100.001", "-1", "+5", "1e5", "", ".", "1..2", "1.2.3",
		"100000000000000", "100000000000000.00", "100000000000000.01", "0000000000000000000000001", "99999999999999999", "9999999999999999.9",
		"99999999999999999999", " 1", "00000000000000001", "1.00", "12.34", "1234567.89", "12345678.90", "0000001.01", "9999999.99", "1a.00", "1/.00", "1:.00",
		"123.4", "123.456", "26434.40", "\xb01.00", "1\xff.00", "00.00", "0.00"} {
		want, err := amount([]byte(s))
		for _, line := range []string{s, s + ",x", "x," + s + ",", "x," + s, s + ",0000000000", "x," + s + ",," + strings.Repeat("9", 10)} {
			from := strings.Index(line, s)
			if s == "" {
				from = len(line)
				if line == ",x" {
					from = 0
				}
			}
			v, end, ok := amountAt([]byte(line), from)
			switch {
			case ok && s == "" && end == from:
			case ok && (err != nil || v != want || (end != len(line) && line[end] != ',')):
				t.Errorf("amountAt(%q) = %v, %d; amount = %v, %v", line, v, end, want, err)
			case !ok && err == nil && s != "":
				if _, quick := quickAmount([]byte(s)); quick {
					t.Errorf("amountAt(%q) refused what quickAmount takes", line)
				}
			}
		}
	}
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

var quickPersonSeeds = []string{
	"p1,tongnan,2023,dibao,58,rural,,,1,",
	"p1,tongnan,2023,dibao,0,urban,县,2016,2,2023-01-01",
	"p1,tongnan,2023,dibao,130,rural,x,1899,1,2022-12-31",
	"p1,tongnan,2023,dibao,7,rural,,2199,1,2023-12-31",
}

// Persons' rows likewise, each after a person of the same categories (a
// combination is read quickly once it has been read and found right).
func TestQuickPersonAgrees(t *testing.T) {
	subs := []byte("0129.-,+ e\x01\x7fTt2")
	rng := rand.New(rand.NewPCG(3, 4))
	claims := claimsHead + "p1,c1,2023-04-12,inpatient,3,true,60000,0,30000,,\n"
	for _, seed := range quickPersonSeeds {
		first := personsHead + "p0,tongnan,2023,dibao,58,rural,,,1,2023-01-01\n"
		readBoth(t, nil, first+seed+"\n", claims)
		for i := len("p1,"); i <= len(seed); i++ {
			variants := []string{seed[:i] + seed[min(i+1, len(seed)):], seed[:i] + seed[i:min(i+1, len(seed))] + seed[i:]}
			for range 3 {
				s := string(subs[rng.IntN(len(subs))])
				if rng.IntN(4) == 0 {
					s = "县"
				}
				variants = append(variants, seed[:i]+s+seed[min(i+1, len(seed)):])
			}
			for _, v := range variants {
				readBoth(t, nil, first+v+"\n", claims)
			}
		}
	}
}

// FuzzAmountAt holds the one-pass amount reader, eight bytes at a time
// and byte by byte, to amount on any text before a comma.
func FuzzAmountAt(f *testing.F) {
	for _, s := range []string{"26434.40", "1.00", "1234567.89", "12345678.90", ".5", "5.", "1/.00", "\xb01.00"} {
		f.Add(s, "0000000000")
	}
	f.Fuzz(func(t *testing.T, s, after string) {
		if strings.Contains(s, ",") {
			return
		}
		line := []byte("x," + s + "," + after)
		v, end, ok := amountAt(line, 2)
		if !ok {
			return
		}
		if s == "" {
			if end != 2 {
				t.Fatalf("empty amount ends at %d", end)
			}
			return
		}
		want, err := amount([]byte(s))
		if err != nil || v != want || end != 2+len(s) {
			t.Fatalf("amountAt(%q) = %v, %d; amount = %v, %v", s, v, end, want, err)
		}
	})
}

// TestIDAtAgrees holds idAt's three-word comparison (24 bytes or more
// left) and its plain one (fewer) to the plain reading: vocabularies with
// ids that begin others, ids of one byte, of 7, 8, 15, 16, 23 bytes (a
// word's end before or after the comma), every id and every prefix and
// extension of one, with texts ending at or after it. Ids of 24 bytes or
// more are left to the careful reader.
func TestIDAtAgrees(t *testing.T) {
	plain := func(ids []string, b []byte, i int) (string, int, bool) {
		for _, s := range ids {
			if i+len(s) < len(b) && string(b[i:i+len(s)]) == s && b[i+len(s)] == ',' {
				return s, i + len(s) + 1, true
			}
		}
		return "", i, false
	}
	vocabularies := [][]string{
		{"1", "2", "3", "12", "123"},
		{"inpatient", "outpatient", "in", "inpatient_day"},
		{"a_very_long_identifier", "a_very_long_identifie", "a_very_long_ident", "a_very_long_iden", "a"},
		{"exactly15bytes_", "exactly15bytes", "exactly16bytes__", "seven_7", "eight_88", "twenty_three_bytes_long", "twenty_four_bytes_long__"},
		{"urban", "rural", "r", "ur"},
	}
	for _, ids := range vocabularies {
		v := newVocabIDs(ids)
		var texts []string
		for _, s := range ids {
			for n := 0; n <= len(s)+1; n++ {
				texts = append(texts, (s + "x")[:n])
			}
			texts = append(texts, s+"x", s+s)
		}
		for _, w := range texts {
			for _, tail := range []string{"", ",", ",rest", ",0123456789abcdef0123456789", "x,0123456789abcdef0123456789"} {
				line := []byte("pre," + w + tail)
				want, wantEnd, wantOK := plain(ids, line, 4)
				if len(want) >= 24 {
					want, wantEnd, wantOK = "", 4, false
				}
				got, end, ok := idAt(v, line, 4)
				if got != want || end != wantEnd || ok != wantOK {
					t.Errorf("%q in %q: idAt gives %q %d %v, want %q %d %v", ids, line, got, end, ok, want, wantEnd, wantOK)
				}
			}
		}
	}
}

// TestSameText holds sameText to the plain comparison at every length
// around its two words, with one byte changed at every place.
func TestSameText(t *testing.T) {
	for n := 0; n <= 20; n++ {
		a := []byte("0123456789abcdefghijk")[:n]
		if !sameText(a, append([]byte(nil), a...)) {
			t.Errorf("%q and its copy: not the same", a)
		}
		for k := range n {
			b := append([]byte(nil), a...)
			b[k] ^= 0x20
			if sameText(a, b) {
				t.Errorf("%q and %q: the same", a, b)
			}
		}
	}
}

// TestCompareText holds compareText to bytes.Compare around its word.
func TestCompareText(t *testing.T) {
	texts := []string{"", "a", "p0000000", "p0000001", "p000000", "p00000000", "p0000000a", "q", "p1", "p0000000\xff", "\xffzzzzzzz", "p000000z9"}
	for _, a := range texts {
		for _, b := range texts {
			if got, want := compareText([]byte(a), []byte(b)), bytes.Compare([]byte(a), []byte(b)); got != want {
				t.Errorf("compareText(%q, %q) = %d, want %d", a, b, got, want)
			}
		}
	}
}

// TestPlainByte holds printable's table to its definition.
func TestPlainByte(t *testing.T) {
	for c := range 256 {
		if want := c >= 0x20 && c < 0x7f && c != ',' && c != '"'; plainByte[c] != want {
			t.Errorf("byte %#x: plain %v, want %v", c, plainByte[c], want)
		}
	}
}
