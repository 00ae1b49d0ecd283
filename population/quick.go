package population

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"unsafe"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/settle/money"
)

// quickClaims turns quickClaim and quickPerson on: off, the tests read
// every row field by field, to hold the two readings to the same persons.
var quickClaims = true

// quickClaim reads a claim's row as claim does, in one pass over the line
// with each field parsed as it is met, but only the rows that are plainly
// right: ASCII ids and names, dates of the run's year, amounts of digits
// with at most two decimals, ids of the vocabularies as written. It
// returns false, having changed nothing, for any other row, which claim
// then reads field by field and reports exactly. So a row it takes is one
// claim takes without a problem, read to the same values (the differential
// tests hold the two to that).
//
// l.text is the line, or — read the fast way (ParseBlock) — the line and
// what follows it: the line ends at the first line break, or at the end of
// the text; quickClaim returns where the next line starts. (A line break
// is "\n" or "\r\n"; a lone "\r" is left to claim.)
func (ps *Parser) quickClaim(fr *Frame, l *row, p *Person) (int, bool) {
	b := l.text
	if len(p.Case.Claims) >= casefile.MaxClaims || len(fr.yearDash) != len("2006-") {
		return 0, false
	}
	i := l.idEnd // person_id: the framing, or the fast reading, checked it
	if i == 0 {
		i = skip(b, 0)
	}
	idFrom := i + 1
	i = printable(b, idFrom)
	if i == idFrom || i-idFrom > MaxText || i >= len(b) || b[i] != ',' {
		return 0, false
	}
	idTo := i
	// date: the run's year, a month and a day of it.
	// Read as two words: "YYYY-MM-" and "-DD,".
	d := idTo + 1
	if d+11 > len(b) {
		return 0, false
	}
	w, v := binary.LittleEndian.Uint64(b[d:]), binary.LittleEndian.Uint32(b[d+7:])
	if uint32(w) != binary.LittleEndian.Uint32(fr.yearDash) || byte(w>>32) != '-' || v&0xff0000ff != ','<<24|'-' {
		return 0, false
	}
	m1, m2, d1, d2 := byte(w>>40)-'0', byte(w>>48)-'0', byte(v>>8)-'0', byte(v>>16)-'0'
	if m1 > 9 || m2 > 9 || d1 > 9 || d2 > 9 {
		return 0, false
	}
	month, day := int(m1)*10+int(m2), int(d1)*10+int(d2)
	if month < 1 || month > 12 || day < 1 || day > daysIn(month, fr.year) {
		return 0, false
	}
	i = d + 11
	var cl cases.Claim
	var ok bool
	if cl.Kind, i, ok = idAt(ps.kinds, b, i); !ok {
		return 0, false
	}
	if cl.HospitalLevel, i, ok = idAt(ps.levels, b, i); !ok {
		return 0, false
	}
	switch {
	case i+5 <= len(b) && string(b[i:i+5]) == "true,":
		cl.Referred, i = true, i+5
	case i+6 <= len(b) && string(b[i:i+6]) == "false,":
		i += 6
	default:
		return 0, false
	}
	// total is required; out_of_catalog and basic_paid may be empty.
	var j int
	if cl.Total, j, ok = amountAt(b, i); !ok || j == i {
		return 0, false
	}
	i = j + 1
	if cl.OutOfCatalog, j, ok = amountAt(b, i); !ok || cl.OutOfCatalog > cl.Total {
		return 0, false
	}
	i = j + 1
	var basic money.Amount
	if basic, j, ok = amountAt(b, i); !ok || basic > cl.Total-cl.OutOfCatalog {
		return 0, false
	}
	hasBasic := j > i
	disFrom := j + 1
	j = printable(b, disFrom)
	if j-disFrom > MaxText || j >= len(b) || b[j] != ',' {
		return 0, false
	}
	disTo := j
	k := j + 1
	switch {
	case hasAt(b, k, "true"):
		cl.Uninsured, k = true, k+len("true")
	case hasAt(b, k, "false"):
		k += len("false")
	}
	next, ok := lineEnd(b, k)
	if !ok || cl.Uninsured && hasBasic {
		return 0, false // another comma, or not a boolean
	}
	// Right: kept as claim keeps it. The id and the date are next to each
	// other in the line, so they are kept together.
	if !l.stable {
		// A stable row is read the fast way, which reports nothing: a
		// claim's position is wanted only by the careful reading.
		cl.Pos = diag.Position{File: l.file, Line: l.line}
	}
	ct := claimText{hasBasic: hasBasic, direct: l.stable}
	if l.stable {
		cl.ID, cl.Date, cl.Disease = stableString(b[idFrom:idTo]), stableString(b[d:d+10]), stableString(b[disFrom:disTo])
	} else {
		idDate := ps.keep(b[idFrom : d+10])
		ct.id, ct.date = span{idDate.from, idDate.from + int32(idTo-idFrom)}, span{idDate.to - 10, idDate.to}
		ct.disease = ps.keep(b[disFrom:disTo])
	}
	p.Case.Claims = append(p.Case.Claims, cl)
	p.basic = append(p.basic, basic)
	p.claims = append(p.claims, ct)
	return next, true
}

// stableString is a string of b's bytes themselves, for a text that is
// not changed while the string is in use (row.stable).
func stableString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// viewOf is s's bytes themselves, to be read, never written.
func viewOf(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// hasAt says b holds s at i.
func hasAt(b []byte, i int, s string) bool {
	return i+len(s) <= len(b) && string(b[i:i+len(s)]) == s
}

// lineEnd says a line ends at b[i] — the text's end, "\n" or "\r\n" —
// and where the next one starts.
func lineEnd(b []byte, i int) (int, bool) {
	switch {
	case i == len(b):
		return i, true
	case b[i] == '\n':
		return i + 1, true
	case b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n':
		return i + 2, true
	}
	return 0, false
}

// skip returns the index of the first comma at or after i, or len(b).
func skip(b []byte, i int) int {
	for i < len(b) && b[i] != ',' {
		i++
	}
	return i
}

// printable returns the index of the first byte at or after i that is not
// printable ASCII, or is a comma or a quote (which the careful reading
// refuses in a line, so the fast reading, which does not look for quotes
// in the line, leaves them to it).
func printable(b []byte, i int) int {
	for i < len(b) && plainByte[b[i]] {
		i++
	}
	return i
}

// plainByte says a byte is one printable keeps going at: printable ASCII
// but a comma or a quote (one load a byte, where four comparisons were).
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = c != ',' && c != '"'
	}
	return t
}()

// amountAt reads an amount at b[i:] up to the next comma or the line's
// end, which it returns, as quickAmount does: an empty field is 0 (the
// caller tells it by the index). False for anything quickAmount would
// not take.
func amountAt(b []byte, i int) (money.Amount, int, bool) {
	// Most amounts are a few digits, a point, two decimals and a comma:
	// the digits are found and read eight bytes at a time.
	if i+8 <= len(b) {
		t := binary.LittleEndian.Uint64(b[i:]) - 0x3030303030303030
		// A byte's high bit marks the first that is not a digit (and
		// perhaps later ones: a borrow or carry runs only from a byte
		// that is not a digit into the bytes after it).
		n := bits.TrailingZeros64(((t+0x7676767676767676)|t)&0x8080808080808080) >> 3
		e := i + n
		var f uint32 // the point, two decimals and the comma, read at once
		if e+4 <= len(b) {
			f = binary.LittleEndian.Uint32(b[e:])
		}
		d1, d2 := byte(f>>8)-'0', byte(f>>16)-'0'
		if n > 0 && n < 8 && f&0xff0000ff == ','<<24|'.' && d1 <= 9 && d2 <= 9 {
			// The n digits, with zeros before them in the word (the
			// bytes after them shifted out), read in three steps:
			// pairs, fours, eights.
			d := t << (64 - 8*n)
			d = (d & 0x0f0f0f0f0f0f0f0f) * (10<<8 + 1) >> 8
			d = (d & 0x00ff00ff00ff00ff) * (100<<16 + 1) >> 16
			d = (d & 0x0000ffff0000ffff) * (10000<<32 + 1) >> 32
			// At most 9,999,999.99: within money.MaxAmount.
			return money.Amount(int64(d)*100 + int64(d1)*10 + int64(d2)), e + 3, true
		}
	}
	from := i
	var v int64
	for ; i < len(b) && b[i]-'0' <= 9; i++ {
		v = v*10 + int64(b[i]-'0')
	}
	digits, decimals := i-from, 0
	// Most amounts have two decimals, then a comma: read at once.
	if i+3 < len(b) && b[i] == '.' && b[i+3] == ',' && b[i+1]-'0' <= 9 && b[i+2]-'0' <= 9 && digits <= 14 {
		v = v*100 + int64(b[i+1]-'0')*10 + int64(b[i+2]-'0')
		if v > int64(money.MaxAmount) {
			return 0, i, false
		}
		return money.Amount(v), i + 3, true
	}
	if i < len(b) && b[i] == '.' {
		for i++; i < len(b) && b[i]-'0' <= 9; i++ {
			v = v*10 + int64(b[i]-'0')
			decimals++
		}
		if digits+decimals == 0 {
			return 0, i, false
		}
	}
	if i < len(b) && b[i] != ',' || i-from > 17 || decimals > 2 || v > int64(money.MaxAmount) {
		return 0, i, false
	}
	for ; decimals < 2; decimals++ {
		v *= 10
	}
	if v > int64(money.MaxAmount) {
		return 0, i, false
	}
	return money.Amount(v), i, true
}

// quickAmount is amount for the text it reads without help: digits, at
// most one point and two decimals, within money.MaxAmount. False for the
// rest, which amount refuses or reads by the reference.
func quickAmount(b []byte) (money.Amount, bool) {
	if len(b) > 17 {
		return 0, false
	}
	var v int64
	i := 0
	for ; i < len(b) && b[i]-'0' <= 9; i++ {
		v = v*10 + int64(b[i]-'0')
	}
	digits, decimals := i, 0
	if i < len(b) {
		if b[i] != '.' {
			return 0, false
		}
		for i++; i < len(b); i++ {
			c := b[i] - '0'
			if c > 9 {
				return 0, false
			}
			v = v*10 + int64(c)
			decimals++
		}
	}
	// v is checked before it is scaled to fen: 17 digits times 100 would
	// pass int64.
	if digits+decimals == 0 || decimals > 2 || v > int64(money.MaxAmount) {
		return 0, false
	}
	for ; decimals < 2; decimals++ {
		v *= 10
	}
	if v > int64(money.MaxAmount) {
		return 0, false
	}
	return money.Amount(v), true
}

// quickPerson reads a person's row as person does, in one pass, but only
// the rows that are plainly right: the run's region and year, a category
// combination already read and found right, an age and an exit year of
// plain digits, ids of the vocabularies as written. It returns false,
// having changed nothing, for any other row, which person then reads
// field by field and reports exactly.
//
// Like quickClaim, it reads a line or the start of a text, and returns
// where the next line starts; and where the person_id ends, an id it found
// to be printable ASCII without a quote.
func (ps *Parser) quickPerson(fr *Frame, l row, p *Person) (int, int, bool) {
	b := l.text
	if len(fr.yearDash) != len("2006-") {
		return 0, 0, false
	}
	// person_id: printable ASCII, no quote (the join's checks, which the
	// fast reading then need not make again).
	id := printable(b, 0)
	if id == 0 || id > MaxText || id >= len(b) || b[id] != ',' {
		return 0, 0, false
	}
	i := id + 1
	// region and year: the run's.
	if i+len(fr.regionYear) > len(b) || !sameText(b[i:i+len(fr.regionYear)], viewOf(fr.regionYear)) {
		return 0, 0, false
	}
	i += len(fr.regionYear)
	j := skip(b, i)
	if j >= len(b) {
		return 0, 0, false
	}
	// Persons in a row often have the same categories: the last
	// combination found is tried before the map.
	cats, ok := ps.lastCats, j-i == len(ps.lastCatsText) && sameText(b[i:j], ps.lastCatsText) && ps.lastCatsText != nil
	if !ok {
		if cats, ok = ps.cats[string(b[i:j])]; !ok {
			return 0, 0, false // read by categories, which remembers it if right
		}
		ps.lastCats, ps.lastCatsText = cats, append(ps.lastCatsText[:0], b[i:j]...)
	}
	i = j + 1
	age := 0
	for j = i; j < len(b) && j-i < 3 && b[j]-'0' <= 9; j++ {
		age = age*10 + int(b[j]-'0')
	}
	if j == i || j >= len(b) || b[j] != ',' || ps.rules.Age(age) != nil {
		return 0, 0, false
	}
	var residence string
	if residence, i, ok = idAt(ps.residences, b, j+1); !ok {
		return 0, 0, false
	}
	j = skip(b, i)
	if j >= len(b) || j > i && (text(b[i:j]) != nil || bytes.IndexByte(b[i:j], '"') >= 0) {
		return 0, 0, false
	}
	countyFrom, countyTo := i, j
	i = j + 1
	var exitYear *int
	if j = skip(b, i); j > i {
		y := 0
		for k := i; k < j; k++ {
			if b[k]-'0' > 9 || j-i > 9 {
				return 0, 0, false
			}
			y = y*10 + int(b[k]-'0')
		}
		if y >= firstYear && y < firstYear+len(years) {
			exitYear = &years[y-firstYear]
		} else {
			exitYear = &y
		}
	}
	if j >= len(b) {
		return 0, 0, false
	}
	var tier string
	if tier, i, ok = idAt(ps.tiers, b, j+1); !ok {
		return 0, 0, false
	}
	// enrollment_date: empty or a date (checked below), then the line's
	// end.
	k := i
	if _, atEnd := lineEnd(b, k); !atEnd {
		if k += len("2006-01-02"); k > len(b) {
			return 0, 0, false
		}
	}
	enrolled := b[i:k]
	next, ok := lineEnd(b, k)
	if !ok {
		return 0, 0, false
	}
	// Likewise the last enrollment date found right, in the run's year.
	if len(enrolled) > 0 && (len(enrolled) != len(ps.lastEnrolled) || !sameText(enrolled, ps.lastEnrolled)) {
		if !date(enrolled) || !casefile.EnrolledBy(string(enrolled), fr.year) {
			return 0, 0, false // or another comma
		}
		ps.lastEnrolled = append(ps.lastEnrolled[:0], enrolled...)
	}
	// Right: kept as person keeps it, or the text's own strings.
	ps.start, ps.direct = len(ps.chunk), l.stable
	if l.stable {
		ps.directID, ps.directCounty, ps.directDate = stableString(b[:id]), stableString(b[countyFrom:countyTo]), stableString(enrolled)
	} else {
		ps.idSpan = ps.keep(b[:id])
		ps.county = ps.keep(b[countyFrom:countyTo])
		ps.enrolled = span{}
		if len(enrolled) > 0 {
			ps.enrolled = ps.keep(enrolled)
		}
	}
	c := &p.Case
	c.Pos = diag.Position{File: l.file, Line: l.line}
	c.Region, c.Year = fr.region, fr.year
	c.Person.Categories = cats
	c.Person.Age = &ages[age]
	c.Person.Residence = residence
	c.Person.ExitYear = exitYear
	c.Enrollment.Tier = tier
	return next, id, true
}

// idAt reads a required id of a vocabulary at b[i:], followed by a
// comma, as the vocabulary's own string; it returns the index after the
// comma. Only the ids starting with b[i] are tried, each where it would
// end, so no scan for the comma is needed (and an id that begins another
// is told apart by it). Where 24 bytes are left to read, as most of a
// row's ids have, an id and its comma are compared as three words masked
// to their length, with no call.
func idAt(v *vocabIDs, b []byte, i int) (string, int, bool) {
	if i+24 <= len(b) {
		w := b[i : i+24]
		w0, w1, w2 := binary.LittleEndian.Uint64(w), binary.LittleEndian.Uint64(w[8:]), binary.LittleEndian.Uint64(w[16:])
		ids := v.byFirst[v.first[byte(w0)]]
		for k := range ids {
			if id := &ids[k]; w0&id.mask[0] == id.word[0] && w1&id.mask[1] == id.word[1] && w2&id.mask[2] == id.word[2] {
				return id.s, i + len(id.s) + 1, true
			}
		}
		return "", i, false
	}
	if i >= len(b) {
		return "", i, false
	}
	for _, id := range v.byFirst[v.first[b[i]]] {
		// The first byte is the group's: an id of one byte is found, a
		// longer one compared past it.
		s := id.s
		if e := i + len(s); e < len(b) && b[e] == ',' && (len(s) == 1 || string(b[i+1:e]) == s[1:]) {
			return s, e + 1, true
		}
	}
	return "", i, false
}

// vocabIDs are a vocabulary's ids, listed and grouped by their first byte:
// most vocabularies' ids differ in it, so a row's id is found with one
// comparison. An id longer than 23 bytes is in no group: the careful
// reader reads it.
type vocabIDs struct {
	all     []string
	first   [256]uint8 // into byFirst; 0, an empty group, for a byte no id starts with
	byFirst [][]vocabID
}

// vocabID is an id, and the id with its comma as three little-endian
// words, with the masks of the bytes they hold.
type vocabID struct {
	s          string
	word, mask [3]uint64
}

func newVocabIDs(ids []string) *vocabIDs {
	v := &vocabIDs{all: ids, byFirst: [][]vocabID{nil}}
	for _, s := range ids {
		if s == "" || len(s) >= 24 || len(v.byFirst) == 256 {
			continue // never in a row; too long to compare as words; past 255 groups
		}
		g := v.first[s[0]]
		if g == 0 {
			g = uint8(len(v.byFirst))
			v.first[s[0]] = g
			v.byFirst = append(v.byFirst, nil)
		}
		id := vocabID{s: s}
		var w, m [24]byte
		copy(w[:], s+",")
		copy(m[:], bytes.Repeat([]byte{0xff}, len(s)+1))
		for k := range 3 {
			id.word[k], id.mask[k] = binary.LittleEndian.Uint64(w[8*k:]), binary.LittleEndian.Uint64(m[8*k:])
		}
		v.byFirst[g] = append(v.byFirst[g], id)
	}
	return v
}
