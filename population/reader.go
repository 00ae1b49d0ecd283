package population

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler/diag"
)

// Reader joins a persons file and a claims file as they stream: each Next
// gives one person's year, with the claims that follow it in the claims
// file. Both files are sorted by person_id in byte order (as `LC_ALL=C
// sort` sorts), which is what lets a duplicate person, an out-of-order row
// and a claim of no person be found with nothing remembered but the
// previous id.
//
// A problem in a row (a bad value, a claim dated outside the year) is the
// person's: it is listed in Person.Problems and the join goes on, so that a
// run reports many problems at once. A problem that breaks the join (a
// header, a line too long, a wrong number of fields, a person or claim out
// of order, a claim of no person) ends the reading: Err gives it.
//
// Reading is two jobs, which a run puts on different goroutines: framing
// (Frame: finding each person's line and claims' lines and checking the
// join — cheap, and in file order) and parsing (Parser: reading and
// checking each field of a framed person — most of the work, and
// independent from one person to the next). Next does both in turn.
type Reader struct {
	rules   *casefile.Rules
	persons lines
	claims  lines

	headers bool
	started bool // region and year are the first person's
	region  string
	year    int
	// "2023-": casefile.InYear's test, made once
	yearDash   []byte
	regionYear string // Frame.regionYear

	prevID          []byte // the last person framed
	prevLine        int
	lastClaimPerson []byte // the person of the last claim joined
	pending         bool   // claims.cur is a claim not yet joined
	pendingPID      []byte // its person_id, a slice of claims.cur
	done            bool
	fatal           diag.List

	one    Frame   // Next's frame of one person
	parser *Parser // Next's parser

	personsRead, claimsRead atomic.Int64
}

// NewReader reads persons and claims, named as diagnostics show them,
// against a catalog (the policy set). The cases it gives carry no params:
// a run's params file is the engine's (sim.Engine).
func NewReader(persons io.Reader, personsName string, claims io.Reader, claimsName string, cat casefile.Catalog) *Reader {
	r := &Reader{rules: casefile.NewRules(cat)}
	r.persons.init(persons, personsName)
	r.claims.init(claims, claimsName)
	return r
}

// Region and Year are the run's, the first person's; "" and 0 before it
// is framed.
func (r *Reader) Region() string { return r.region }
func (r *Reader) Year() int      { return r.year }

// Err is the problem that ended the reading early, nil if the files were
// read to their end.
func (r *Reader) Err() diag.List { return r.fatal }

// Done reports whether the reading has ended: at the end of the persons
// file or at a problem that breaks the join (Err).
func (r *Reader) Done() bool { return r.done }

// ClaimsBytes is how many bytes of the claims file have been read, for a
// progress bar; PersonsRead and ClaimsRead count the rows joined. Safe to
// call from another goroutine.
func (r *Reader) ClaimsBytes() int64 { return r.claims.bytes.Load() }
func (r *Reader) PersonsRead() int64 { return r.personsRead.Load() }
func (r *Reader) ClaimsRead() int64  { return r.claimsRead.Load() }

// Next reads the next person's year into p, reusing p's slices. It
// returns false at the end of the persons file or when reading cannot go
// on (see Err).
func (r *Reader) Next(p *Person) bool {
	r.one.reset()
	if !r.frame(&r.one) {
		return false
	}
	if r.parser == nil {
		r.parser = r.Parser()
	}
	r.parser.Parse(&r.one, 0, p)
	return true
}

// Frame is a run of persons as framed: each person's line and its claims'
// lines, copied out of the files' buffers, with their line numbers, not
// yet parsed. A Parser reads them, on any goroutine.
type Frame struct {
	buf     []byte
	persons []framedPerson
	claims  []framedLine
	// The run's, as the first person gave them.
	region   string
	year     int
	yearDash []byte
	// regionYear is "region,year," as a person's row of the run writes
	// them, compared at once.
	regionYear string
}

type framedLine struct {
	from, to int // in buf
	line     int // in its file
}

type framedPerson struct {
	framedLine
	claims, n int // f.claims[claims:claims+n] are the person's
}

// Len is how many persons the frame holds.
func (f *Frame) Len() int { return len(f.persons) }

// Claims is how many claim lines the frame holds.
func (f *Frame) Claims() int { return len(f.claims) }

// Bytes is how many bytes of rows the frame holds.
func (f *Frame) Bytes() int { return len(f.buf) }

// maxFrameBuffer is the largest buffer a frame keeps for the next use: a
// person with thousands of long claims lines leaves none behind.
const maxFrameBuffer = 4 << 20

func (f *Frame) reset() {
	if cap(f.buf) > maxFrameBuffer {
		f.buf = nil
	}
	f.buf, f.persons, f.claims = f.buf[:0], f.persons[:0], f.claims[:0]
}

func (f *Frame) add(line []byte, number int) framedLine {
	from := len(f.buf)
	f.buf = append(f.buf, line...)
	return framedLine{from: from, to: len(f.buf), line: number}
}

func (f *Frame) text(l framedLine) []byte { return f.buf[l.from:l.to] }

// Frame fills f (emptied first) with the next persons, until it holds
// persons of them, or claims claims or bytes bytes of rows (a person's
// claims are never split), or the reading ends. It returns false when it
// framed nobody: the files are read (or broken, see Err).
func (r *Reader) Frame(f *Frame, persons, claims, bytes int) bool {
	f.reset()
	for f.Len() < persons && f.Claims() < claims && f.Bytes() < bytes && r.frame(f) {
	}
	return f.Len() > 0
}

// frame adds the next person to f: the person's line and the claims'
// lines that follow in the claims file, with every check of the join.
// False at the end of the persons file or at a problem that ends the
// reading, which leaves f as it was.
func (r *Reader) frame(f *Frame) bool {
	if r.done {
		return false
	}
	if !r.headers {
		r.headers = true
		if !r.persons.header(PersonColumns, r) || !r.claims.header(ClaimColumns, r) {
			return r.stop()
		}
	}
	line, ok := r.persons.next(r)
	if !ok {
		if r.fatal == nil && (r.pending || r.readClaim()) {
			r.failAt(&r.claims, 0, "claim of person %s, who is not in %s (after its last person, %s)", diag.Quote(string(r.pendingPID)), r.persons.name, diag.Quote(string(r.prevID)))
		}
		return r.stop()
	}
	id, ok := r.person(line)
	if !ok {
		return r.stop()
	}
	mark := len(f.buf)
	fp := framedPerson{framedLine: f.add(line, r.persons.line), claims: len(f.claims)}
	f.region, f.year, f.yearDash, f.regionYear = r.region, r.year, r.yearDash, r.regionYear
	joined := 0
	for r.pending || r.readClaim() {
		switch c := bytes.Compare(r.pendingPID, id); {
		case c > 0:
			// A later person's: it waits in the buffer.
			r.framed(f, fp, joined)
			return true
		case c < 0:
			if bytes.Compare(r.pendingPID, r.lastClaimPerson) < 0 {
				r.failAt(&r.claims, 0, "claims out of order: person %s after %s (both files are sorted by person_id, in byte order)", diag.Quote(string(r.pendingPID)), diag.Quote(string(r.lastClaimPerson)))
			} else {
				r.failAt(&r.claims, 0, "claim of person %s, who is not in %s (where it would come before %s)", diag.Quote(string(r.pendingPID)), r.persons.name, diag.Quote(string(id)))
			}
			return r.unframe(f, mark, fp)
		}
		r.pending = false
		r.lastClaimPerson = append(r.lastClaimPerson[:0], r.pendingPID...)
		// Past the most a case may hold, the parser reports the first
		// claim too many and reads no further: the rest are joined
		// (checked in order) but not kept.
		if joined <= casefile.MaxClaims {
			f.claims = append(f.claims, f.add(r.claims.cur, r.claims.line))
			fp.n++
		}
		joined++
	}
	if r.fatal != nil {
		return r.unframe(f, mark, fp)
	}
	r.framed(f, fp, joined)
	return true
}

func (r *Reader) framed(f *Frame, fp framedPerson, joined int) {
	f.persons = append(f.persons, fp)
	r.personsRead.Add(1)
	r.claimsRead.Add(int64(joined))
}

// unframe takes a person whose claims broke the join back out of f: a
// person is framed whole or not at all.
func (r *Reader) unframe(f *Frame, mark int, fp framedPerson) bool {
	f.buf, f.claims = f.buf[:mark], f.claims[:fp.claims]
	return r.stop()
}

func (r *Reader) stop() bool {
	r.done = true
	return false
}

// readClaim reads the next claims line and checks its shape and person;
// false at the end of the file or on a problem that ends the reading.
func (r *Reader) readClaim() bool {
	line, ok := r.claims.next(r)
	if !ok {
		return false
	}
	if n := bytes.Count(line, comma) + 1; n != claimFields {
		r.failAt(&r.claims, 0, "%d fields, want %d: %s", n, claimFields, strings.Join(ClaimColumns, ","))
		return false
	}
	pid := line[:bytes.IndexByte(line, ',')]
	// The current person's id (most claims') was checked on its row.
	if string(pid) == string(r.prevID) && r.prevID != nil {
		r.pending, r.pendingPID = true, pid
		return true
	}
	if err := idText(pid); err != nil {
		r.failAt(&r.claims, 0, "person_id: %v", err)
		return false
	}
	r.pending, r.pendingPID = true, pid
	return true
}

var comma = []byte(",")

func idText(b []byte) error {
	if len(b) == 0 {
		return errors.New("empty")
	}
	return text(b)
}

// person checks a person's line as the join needs it — its fields
// counted, its id in order, the first person's region and year — and
// gives its id; false on a problem that ends the reading.
func (r *Reader) person(line []byte) ([]byte, bool) {
	l := &r.persons
	if n := bytes.Count(line, comma) + 1; n != personFields {
		r.failAt(l, 0, "%d fields, want %d: %s", n, personFields, strings.Join(PersonColumns, ","))
		return nil, false
	}
	id := line[:bytes.IndexByte(line, ',')]
	if err := idText(id); err != nil {
		r.failAt(l, 0, "person_id: %v", err)
		return nil, false
	}
	if r.prevID != nil {
		switch c := bytes.Compare(id, r.prevID); {
		case c == 0:
			r.failAt(l, 0, "person %s is given twice (line %d and here)", diag.Quote(string(id)), r.prevLine)
			return nil, false
		case c < 0:
			r.failAt(l, 0, "persons out of order: %s after %s (both files are sorted by person_id, in byte order)", diag.Quote(string(id)), diag.Quote(string(r.prevID)))
			return nil, false
		}
	}
	r.prevID = append(r.prevID[:0], id...)
	r.prevLine = l.line
	if !r.started {
		// The first person's region and year are the run's: nothing can
		// be settled without them.
		var fc cuts
		fc.cut(line, personFields)
		f := func(i int) []byte { return fc.field(i) }
		st := fc.at
		year, err := integer(f(pYear))
		regionErr, yearErr := r.rules.Region(string(f(pRegion)), year)
		switch {
		case regionErr != nil:
			r.failAt(l, st[pRegion], "region: %v", regionErr)
			return nil, false
		case err != nil:
			r.failAt(l, st[pYear], "year: %v, not %s", err, diag.Quote(string(f(pYear))))
			return nil, false
		case yearErr != nil:
			r.failAt(l, st[pYear], "year: %v", yearErr)
			return nil, false
		}
		r.started, r.region, r.year = true, string(f(pRegion)), year
		r.yearDash = append(strconv.AppendInt(nil, int64(year), 10), '-')
		r.regionYear = r.region + "," + strconv.Itoa(year) + ","
	}
	return r.prevID, true
}

// failAt records the problem that ends the reading, at a byte offset of
// the current line of l.
func (r *Reader) failAt(l *lines, start int, format string, args ...any) {
	r.fatal.Errorf(Stage, l.pos(start, l.cur), format, args...)
}

// Parser reads framed persons' fields into their cases, each checked
// under casefile's rules; a problem found is the person's. Each goroutine
// needs its own: a Parser keeps state from one person to the next (the
// text chunk, the category combinations seen).
type Parser struct {
	reader                 *Reader // whose counts ParseBlock keeps
	rules                  *casefile.Rules
	personsName, claimName string

	cats map[string][]string // category fields seen, by their text
	// quickPerson's last category field and enrollment date found right
	// (a run is one year, so a date right once stays right).
	lastCats                   []string
	lastCatsText, lastEnrolled []byte
	// The ids of the vocabularies a row names: a handful each, faster to
	// compare with than to hash.
	residences, tiers, kinds, levels *vocabIDs
	// chunk holds persons' text, one after another: a person's fields are
	// copied in as read, and at the person's end its part becomes one
	// string that every text of the person slices (see finish).
	chunk  []byte
	start  int // where the current person's text starts in chunk
	idSpan span
	// direct: the person's id, county and enrollment date are these
	// strings of a stable text (quickPerson), not spans of the chunk.
	direct                             bool
	directID, directCounty, directDate string
	county                             span
	enrolled                           span
	dupIDs                             map[string]int
}

// Parser makes a parser of the reader's frames.
func (r *Reader) Parser() *Parser {
	ps := &Parser{reader: r, rules: r.rules, personsName: r.persons.name, claimName: r.claims.name, cats: map[string][]string{}, dupIDs: map[string]int{}}
	s := r.rules.Shape()
	ps.residences, ps.tiers = newVocabIDs(s.Vocabulary("residence").IDs()), newVocabIDs(s.Vocabulary("enrollment_tier").IDs())
	ps.kinds, ps.levels = newVocabIDs(s.Vocabulary("claim_kind").IDs()), newVocabIDs(s.Vocabulary("hospital_level").IDs())
	return ps
}

// ages and years are what a person's Age and ExitYear point to: shared,
// never changed.
var (
	ages = func() (a [131]int) {
		for i := range a {
			a[i] = i
		}
		return a
	}()
	years = func() (y [300]int) { // from firstYear
		for i := range y {
			y[i] = firstYear + i
		}
		return y
	}()
)

// firstYear is the first of the exit years shared by pointer.
const firstYear = 1900

// maxCategorySets bounds the category fields remembered: a file has a
// handful of combinations, a hostile one could have millions.
const maxCategorySets = 4096

// row is a framed line being parsed: its file, number and text, for the
// positions of its problems.
type row struct {
	file string
	line int
	text []byte
	// idEnd is where the person_id ends in text (its comma), if the
	// reader knows already; 0 if not.
	idEnd int
	// stable says the text stays as it is until the person is summed (a
	// block of the fast reading, which a run reuses only after that): a
	// one-pass reader then makes the row's strings of the text itself
	// rather than of copies. (What outlives the person copies what it
	// keeps: settle.Engine its cache keys, sim its per-person rows.)
	stable bool
}

func (w *row) pos(start int) diag.Position {
	col := 1
	if start <= len(w.text) {
		col = utf8.RuneCount(w.text[:start]) + 1
	}
	return diag.Position{File: w.file, Line: w.line, Col: col}
}

// Parse reads the i-th person of f into p, reusing p's slices.
func (ps *Parser) Parse(f *Frame, i int, p *Person) {
	stale := ps.begin(p)
	fp := &f.persons[i]
	ps.person(f, row{file: ps.personsName, line: fp.line, text: f.text(fp.framedLine)}, p)
	for _, fl := range f.claims[fp.claims : fp.claims+fp.n] {
		ps.claim(f, row{file: ps.claimName, line: fl.line, text: f.text(fl)}, p)
	}
	ps.end(p, stale)
}

// begin readies p for the next person's rows; it returns how many claims
// the last person had, for end.
func (ps *Parser) begin(p *Person) int {
	stale := len(p.Case.Claims)
	p.reset()
	return stale
}

// end finishes a person whose rows are read.
func (ps *Parser) end(p *Person, stale int) {
	// The last person's claims past this one's go, not just their count:
	// their strings slice a chunk of text, which a stale claim would keep
	// alive long after its persons were summed. (The others were written
	// over.)
	if n := len(p.Case.Claims); n < stale {
		clear(p.Case.Claims[n:min(stale, cap(p.Case.Claims))])
	}
	ps.finish(p)
}

// person reads a person's row (whose shape the framing checked).
func (ps *Parser) person(fr *Frame, l row, p *Person) {
	if quickClaims {
		if _, _, ok := ps.quickPerson(fr, l, p); ok {
			return
		}
	}
	var fc cuts
	fc.cut(l.text, personFields)
	st := &fc.at
	ps.start, ps.direct = len(ps.chunk), false
	ps.idSpan = ps.keep(fc.field(pID))
	problem := func(field int, format string, args ...any) {
		ps.problemAt(p, l.pos(st[field]), format, args...)
	}

	c := &p.Case
	c.Pos = diag.Position{File: l.file, Line: l.line}
	year, err := integer(fc.field(pYear))
	switch {
	case err != nil:
		problem(pYear, "year: %v, not %s", err, diag.Quote(string(fc.field(pYear))))
	case string(fc.field(pRegion)) != fr.region:
		problem(pRegion, "region %s: a run is one region's year, and the first person's is %s %d", diag.Quote(string(fc.field(pRegion))), fr.region, fr.year)
	case year != fr.year:
		problem(pYear, "year %d: a run is one region's year, and the first person's is %s %d", year, fr.region, fr.year)
	}
	c.Region, c.Year = fr.region, fr.year

	c.Person.Categories = ps.categories(p, l, st[pCategories], fc.field(pCategories))
	if len(fc.field(pAge)) == 0 {
		problem(pAge, "age is missing")
	} else if a, err := integer(fc.field(pAge)); err != nil {
		problem(pAge, "age: %v, not %s", err, diag.Quote(string(fc.field(pAge))))
	} else if err := ps.rules.Age(a); err != nil {
		problem(pAge, "age %v", err)
	} else {
		c.Person.Age = &ages[a]
	}
	c.Person.Residence = ps.id(ps.residences, fc.field(pResidence), func(s string) error { return ps.rules.Residence(s) }, func(err error) { problem(pResidence, "residence: %v", err) })
	if err := text(fc.field(pCounty)); err != nil {
		problem(pCounty, "county: %v", err)
	}
	ps.county = ps.keep(fc.field(pCounty))
	if b := fc.field(pExitYear); len(b) > 0 {
		if y, err := integer(b); err != nil {
			problem(pExitYear, "exit_year: %v, not %s", err, diag.Quote(string(b)))
		} else if y >= firstYear && y < firstYear+len(years) {
			c.Person.ExitYear = &years[y-firstYear]
		} else {
			c.Person.ExitYear = &y
		}
	}
	c.Enrollment.Tier = ps.id(ps.tiers, fc.field(pTier), func(s string) error { return ps.rules.EnrollmentTier(s) }, func(err error) { problem(pTier, "enrollment_tier: %v", err) })
	ps.enrolled = span{}
	if b := fc.field(pEnrollmentDate); len(b) > 0 {
		if !date(b) {
			problem(pEnrollmentDate, "enrollment_date: want a date of the calendar, YYYY-MM-DD, not %s", diag.Quote(string(b)))
		} else if !casefile.EnrolledBy(string(b), fr.year) {
			problem(pEnrollmentDate, "enrollment_date %s is after the year %d", b, fr.year)
		} else {
			ps.enrolled = ps.keep(b)
		}
	}
}

// id reads a required id of a vocabulary as the vocabulary's own string,
// so that a row allocates none; an unknown one is reported by the rule.
func (ps *Parser) id(v *vocabIDs, b []byte, rule func(string) error, report func(error)) string {
	if len(b) == 0 {
		report(errors.New("missing"))
		return ""
	}
	for _, s := range v.all {
		if string(b) == s {
			return s
		}
	}
	if err := rule(string(b)); err != nil {
		report(err)
	}
	return ""
}

// categories reads the +-joined categories under casefile's rules: each
// known, none twice, no two exclusive. A combination is checked once and
// its slice shared by every person with it (it is never changed).
func (ps *Parser) categories(p *Person, l row, start int, b []byte) []string {
	if cats, ok := ps.cats[string(b)]; ok {
		return cats
	}
	cats := []string{}
	bad := false
	if len(b) > 0 {
		for part := range bytes.SplitSeq(b, []byte(CategorySeparator)) {
			id := string(part)
			if err := ps.rules.Category(id, nil); err != nil {
				ps.problemAt(p, l.pos(start), "categories: %v", err)
				bad = true
				continue
			}
			for i := range cats {
				if err := ps.rules.Category(id, cats[i:i+1]); err != nil {
					ps.problemAt(p, l.pos(start), "categories: %v", err)
					bad = true
				}
			}
			cats = append(cats, id)
		}
	}
	if !bad && len(ps.cats) < maxCategorySets {
		ps.cats[string(b)] = cats
	}
	return cats
}

// claim reads a claim's row (whose shape the framing checked) into the
// person's claims.
func (ps *Parser) claim(fr *Frame, l row, p *Person) {
	if quickClaims {
		if _, ok := ps.quickClaim(fr, &l, p); ok {
			return
		}
	}
	var fc cuts
	fc.cut(l.text, claimFields)
	st := &fc.at
	problem := func(field int, format string, args ...any) {
		ps.problemAt(p, l.pos(st[field]), format, args...)
	}
	if len(p.Case.Claims) == casefile.MaxClaims {
		problem(cPerson, "person %s has more than %d claims, the most a case may hold (one person's year)", diag.Quote(string(fc.field(cPerson))), casefile.MaxClaims)
	}
	if len(p.Case.Claims) >= casefile.MaxClaims {
		return
	}
	// The claim is filled in place, and its amount paid by basic insurance
	// in p.basic, where finish points the claim's BasicPaid (a pointer to a
	// local would put every amount on the heap).
	p.Case.Claims = append(p.Case.Claims, cases.Claim{Pos: diag.Position{File: l.file, Line: l.line}})
	cl := &p.Case.Claims[len(p.Case.Claims)-1]
	p.basic = append(p.basic, 0)
	basic := &p.basic[len(p.basic)-1]
	var ct claimText
	if err := idText(fc.field(cID)); err != nil {
		problem(cID, "claim_id: %v", err)
	}
	ct.id = ps.keep(fc.field(cID))
	switch b := fc.field(cDate); {
	case !date(b):
		problem(cDate, "date: want a date of the calendar, YYYY-MM-DD, not %s", diag.Quote(string(b)))
	case !bytes.HasPrefix(b, fr.yearDash):
		problem(cDate, "date %s is outside the year %d", b, fr.year)
	default:
		ct.date = ps.keep(b)
	}
	cl.Kind = ps.id(ps.kinds, fc.field(cKind), func(s string) error { return ps.rules.ClaimKind(s) }, func(err error) { problem(cKind, "kind: %v", err) })
	cl.HospitalLevel = ps.id(ps.levels, fc.field(cLevel), func(s string) error { return ps.rules.HospitalLevel(s) }, func(err error) { problem(cLevel, "hospital_level: %v", err) })
	var err error
	if cl.Referred, err = boolean(fc.field(cReferred)); err != nil {
		problem(cReferred, "referred: %v, not %s", err, diag.Quote(string(fc.field(cReferred))))
	}
	okTotal := false
	if len(fc.field(cTotal)) == 0 {
		problem(cTotal, "total is missing")
	} else if cl.Total, err = amount(fc.field(cTotal)); err != nil {
		problem(cTotal, "total: %v", err)
	} else {
		okTotal = true
	}
	okOOC := true
	if len(fc.field(cOutOfCatalog)) > 0 {
		if cl.OutOfCatalog, err = amount(fc.field(cOutOfCatalog)); err != nil {
			problem(cOutOfCatalog, "out_of_catalog: %v", err)
			okOOC = false
		}
	}
	if len(fc.field(cBasicPaid)) > 0 {
		if *basic, err = amount(fc.field(cBasicPaid)); err != nil {
			problem(cBasicPaid, "basic_paid: %v", err)
		} else {
			ct.hasBasic = true
		}
	}
	if err := text(fc.field(cDisease)); err != nil {
		problem(cDisease, "disease: %v", err)
	}
	ct.disease = ps.keep(fc.field(cDisease))
	if len(fc.field(cUninsured)) > 0 {
		if cl.Uninsured, err = boolean(fc.field(cUninsured)); err != nil {
			problem(cUninsured, "uninsured: %v, not %s", err, diag.Quote(string(fc.field(cUninsured))))
		}
	}
	// The checks between fields, as for a case's claim. (finish points
	// BasicPaid again once the claims are all read: p.basic may move.)
	if ct.hasBasic {
		cl.BasicPaid = basic
	}
	if okTotal && okOOC && len(fc.field(cOutOfCatalog)) > 0 {
		if err := casefile.OutOfCatalogWithin(cl); err != nil {
			problem(cOutOfCatalog, "%v", err)
		}
	}
	if okTotal && okOOC && ct.hasBasic {
		if err := casefile.BasicPaidWithin(cl); err != nil {
			problem(cBasicPaid, "%v", err)
		}
	}
	if err := casefile.BasicPaidInsured(cl); err != nil {
		problem(cBasicPaid, "%v", err)
	}
	p.claims = append(p.claims, ct)
}

// finish makes the person's text in the chunk one string, which every
// text of the person and the claims then slices: no allocation a field,
// and one a chunk rather than one a person. The bytes of a finished
// person are never written again (the chunk only grows past them, and a
// new chunk is made when it is full), which is what lets them be a string.
func (ps *Parser) finish(p *Person) {
	var s string
	if n := len(ps.chunk) - ps.start; n > 0 {
		s = unsafe.String(&ps.chunk[ps.start], n)
	}
	ps.start = len(ps.chunk)
	at := func(sp span) string { return s[sp.from:sp.to] }
	c := &p.Case
	if ps.direct {
		p.ID, c.Person.County, c.Enrollment.Date = ps.directID, ps.directCounty, ps.directDate
	} else {
		p.ID, c.Person.County, c.Enrollment.Date = at(ps.idSpan), at(ps.county), at(ps.enrolled)
	}
	c.File = p.ID
	for i := range c.Claims {
		cl, ct := &c.Claims[i], &p.claims[i]
		if !ct.direct {
			cl.ID, cl.Date, cl.Disease = at(ct.id), at(ct.date), at(ct.disease)
		}
		if ct.hasBasic {
			cl.BasicPaid = &p.basic[i]
		}
	}
	ps.duplicateClaims(p)
}

// duplicateClaims reports a claim id used twice in a person's year, as
// for a case.
func (ps *Parser) duplicateClaims(p *Person) {
	claims := p.Case.Claims
	twice := func(i, j int) {
		cl := &claims[j]
		ps.problemAt(p, diag.Position{File: ps.claimName, Line: cl.Pos.Line, Col: utf8.RuneCountInString(p.ID) + 2},
			"claim_id %s is used twice in person %s's year (line %d and here)", diag.Quote(cl.ID), diag.Quote(p.ID), claims[i].Pos.Line)
	}
	if len(claims) <= 32 {
		for j := 1; j < len(claims); j++ {
			for i := 0; i < j; i++ {
				// Ids of one length mostly differ in their last byte: it is
				// compared first, inline.
				if a, b := claims[i].ID, claims[j].ID; len(a) == len(b) && (a == "" || a[len(a)-1] == b[len(b)-1]) && a == b {
					twice(i, j)
					break
				}
			}
		}
		return
	}
	clear(ps.dupIDs)
	for j := range claims {
		if i, ok := ps.dupIDs[claims[j].ID]; ok {
			twice(i, j)
			continue
		}
		ps.dupIDs[claims[j].ID] = j
	}
}

// chunkSize is the size of a chunk of persons' text.
const chunkSize = 64 << 10

// keep copies a field's text into the person's part of the chunk; spans
// are from the person's start. A person whose text outgrows the chunk
// moves, with what it has so far, to a new one.
func (ps *Parser) keep(b []byte) span {
	if len(ps.chunk)+len(b) > cap(ps.chunk) {
		so := ps.chunk[ps.start:]
		ps.chunk = append(make([]byte, 0, max(chunkSize, 2*(len(so)+len(b)))), so...)
		ps.start = 0
	}
	from := len(ps.chunk) - ps.start
	ps.chunk = append(ps.chunk, b...)
	return span{int32(from), int32(len(ps.chunk) - ps.start)}
}

// text is a span of the current person's text.
func (ps *Parser) text(sp span) []byte {
	return ps.chunk[ps.start+int(sp.from) : ps.start+int(sp.to)]
}

// reset readies a Person for the next one. A person with many claims
// leaves no large buffers behind: a batch of persons holds its slots'
// buffers, and those stay as small as a usual year.
func (p *Person) reset() {
	const keep = 512
	if cap(p.Case.Claims) > keep {
		p.Case.Claims, p.claims, p.basic = nil, nil, nil
	}
	claims, texts, basic, problems := p.Case.Claims[:0], p.claims[:0], p.basic[:0], p.Problems[:0]
	// Cleared in place, then the buffers given back (a composite literal
	// would be built aside and copied: twice the stores).
	*p = Person{}
	p.Case.Claims, p.claims, p.basic, p.Problems = claims, texts, basic, problems
}

func (ps *Parser) problemAt(p *Person, pos diag.Position, format string, args ...any) {
	switch n := len(p.Problems); {
	case n < MaxProblemsPerPerson:
		p.Problems.Errorf(Stage, pos, format, args...)
	case n == MaxProblemsPerPerson:
		p.Problems.Errorf(Stage, pos, "more problems in the rows of person %s, not listed", diag.Quote(string(ps.text(ps.idSpan))))
	}
}

// lines reads a file line by line from one buffer: a line is a slice of
// the buffer, valid until the next read, so nothing is copied.
type lines struct {
	name  string
	src   *counting // what br reads, which the fast reading reads too (Blocks)
	br    *bufio.Reader
	bytes atomic.Int64
	line  int
	cur   []byte
}

// bufferSize is how much of a file is read at a time. A line longer than
// MaxLine is refused, so any buffer larger than that does; a larger one
// means fewer reads.
const bufferSize = 256 << 10

func (l *lines) init(r io.Reader, name string) {
	l.name = name
	l.src = &counting{r: r, n: &l.bytes}
	l.br = bufio.NewReaderSize(l.src, bufferSize)
}

// next returns the next line without its line ending; false at the end of
// the file or on a problem, which it records in r.fatal.
func (l *lines) next(r *Reader) ([]byte, bool) {
	b, err := l.br.ReadSlice('\n')
	switch {
	case err == io.EOF && len(b) == 0:
		return nil, false
	case err == bufio.ErrBufferFull:
		l.line++
		l.cur = nil
		r.fatal.Errorf(Stage, diag.Position{File: l.name, Line: l.line}, "a line longer than %d bytes, the most a row may hold", MaxLine)
		return nil, false
	case err != nil && err != io.EOF:
		r.fatal.Errorf(Stage, diag.Position{File: l.name, Line: l.line + 1}, "cannot read: %v", err)
		return nil, false
	}
	l.line++
	b = bytes.TrimSuffix(b, []byte("\n"))
	b = bytes.TrimSuffix(b, []byte("\r"))
	l.cur = b
	if len(b) > MaxLine {
		r.fatal.Errorf(Stage, diag.Position{File: l.name, Line: l.line}, "a line longer than %d bytes, the most a row may hold", MaxLine)
		return nil, false
	}
	if i := bytes.IndexByte(b, '"'); i >= 0 {
		r.fatal.Errorf(Stage, l.pos(i, b), "a quote: fields are written without quotes (no field may hold a comma)")
		return nil, false
	}
	if len(b) == 0 {
		r.fatal.Errorf(Stage, diag.Position{File: l.name, Line: l.line}, "an empty line")
		return nil, false
	}
	return b, true
}

// header reads and checks the header line.
func (l *lines) header(want []string, r *Reader) bool {
	b, ok := l.next(r)
	if !ok {
		if r.fatal == nil {
			r.fatal.Errorf(Stage, diag.Position{File: l.name, Line: 1}, "empty: want the header %s", strings.Join(want, ","))
		}
		return false
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff")) // a spreadsheet's byte-order mark
	if string(b) != strings.Join(want, ",") {
		r.fatal.Errorf(Stage, diag.Position{File: l.name, Line: 1, Col: 1}, "header %s, want %s", diag.Quote(string(b)), strings.Join(want, ","))
		return false
	}
	return true
}

// pos is the position of a byte offset of a line, its column counted in
// characters.
func (l *lines) pos(start int, line []byte) diag.Position {
	col := 1
	if start <= len(line) {
		col = utf8.RuneCount(line[:start]) + 1
	}
	return diag.Position{File: l.name, Line: l.line, Col: col}
}

// counting counts the bytes read through it, for a progress bar that runs
// in another goroutine.
type counting struct {
	r io.Reader
	n *atomic.Int64
}

func (c *counting) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}
