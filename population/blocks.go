package population

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"strings"
)

// The fast reading. A population as it should be — sorted, joined, every
// row plainly right — is most of what a run reads, and the careful reading
// (Frame, then Parse) pays for its exact diagnostics on every row: each
// line is found, checked and copied by the framing (Frame), then read
// again by a worker. Blocks reads the files in large blocks of whole
// persons instead, with nothing done a line while cutting them; a worker
// finds the lines of its block, checks the join and reads the rows
// (ParseBlock) with the one-pass readers, the careful ones only where those
// refuse a row. Anything that is not plainly right — a bad value, a row
// out of order, a claim of no person, a header, a quote, a line too long —
// makes the block Irregular, and the run is read again from the start by
// the careful reading, which reports it exactly as it always has (the
// files are regular files, read twice only when they hold a problem). So
// the fast reading gives a person only where the careful one gives the
// same person with no problem, and it never reports anything itself.

// Blocks cuts a reader's files into blocks of whole persons. Made by
// Reader.Blocks; Next is called by one goroutine at a time, in order
// (sim's workers take turns).
type Blocks struct {
	rd         *Reader
	persons    *counting
	claims     *counting
	pcarry     []byte // the start of the persons line cut off by the last block
	ccarry     []byte // claims read past the last block's persons
	pEOF, cEOF bool
	lastID     []byte // the last block's last person
	started    bool
	frame      Frame // the run's region and year, as every block carries them
	irregular  bool
	done       bool
}

// Block is a run of whole persons as the files hold them: persons' lines,
// and the claims' lines that come before the first claim of a later
// person. A Parser reads it (ParseBlock), on any goroutine.
type Block struct {
	persons, claims []byte
	prev            []byte // the previous block's last person, empty for the first
	frame           Frame
}

// Scrub overwrites the block's text: a test scrubs each block once its
// persons are summed, so that anything still reading a string of it reads
// nonsense and the result shows it.
func (b *Block) Scrub() {
	for _, t := range [...][]byte{b.persons, b.claims} {
		for i := range t {
			t[i] = '#'
		}
	}
}

// Sizes of the fast reading: a block holds at least blockPersons bytes of
// persons' lines (some three hundred persons) and the claims of those
// persons; claims are read claimsRead bytes at a time until one of a later
// person is in. A block of about 100 KiB stays in the core's cache while a
// worker reads it (64 KiB of persons, ≈ 320 KiB a block, measured ≈ 10%
// more CPU). A block whose claims pass maxBlockClaims (2 MiB: its persons
// with a hundred claims each on average, or files out of order) is left to
// the careful reading, which holds one person at a time: a run's blocks in
// flight stay within a few MiB each, whatever the files.
// (Variables, so that the tests can cut blocks anywhere.)
var (
	blockPersons   = 16 << 10
	claimsRead     = 32 << 10
	maxBlockClaims = 2 << 20
)

// Blocks is a fast reading of the reader's files, if they can be read
// again from their start (they are io.Seekers: the CLI's regular files)
// and nothing has been read from them yet; nil otherwise. If a block turns
// out Irregular, Rewind puts the files back at their start for the careful
// reading.
func (r *Reader) Blocks() *Blocks {
	if r.headers || r.persons.src == nil || r.claims.src == nil {
		return nil
	}
	for _, c := range [...]*counting{r.persons.src, r.claims.src} {
		if _, ok := c.r.(io.Seeker); !ok {
			return nil
		}
	}
	return &Blocks{rd: r, persons: r.persons.src, claims: r.claims.src}
}

// Rewind puts the files back at their start, with nothing counted read, for
// the careful reading of the same reader.
func (bs *Blocks) Rewind() error {
	for _, c := range [...]*counting{bs.persons, bs.claims} {
		if _, err := c.r.(io.Seeker).Seek(0, io.SeekStart); err != nil {
			return err
		}
		c.n.Store(0)
	}
	bs.rd.personsRead.Store(0)
	bs.rd.claimsRead.Store(0)
	bs.done = true
	return nil
}

// Irregular reports that the files hold something the fast reading does
// not take: the careful reading is to read them.
func (bs *Blocks) Irregular() bool { return bs.irregular }

// Region and Year are the run's, once the first block is read.
func (bs *Blocks) Region() string { return bs.frame.region }
func (bs *Blocks) Year() int      { return bs.frame.year }

func (bs *Blocks) fail() bool {
	bs.irregular, bs.done = true, true
	return false
}

// Next fills b with the next block; false at the end of the files or when
// they turn out Irregular.
func (bs *Blocks) Next(b *Block) bool {
	if bs.done {
		return false
	}
	b.prev = append(b.prev[:0], bs.lastID...)
	b.persons = append(b.persons[:0], bs.pcarry...)
	bs.pcarry = bs.pcarry[:0]
	var ok bool
	if b.persons, bs.pEOF, ok = fillLines(b.persons, bs.persons, blockPersons, bs.pEOF); !ok {
		return bs.fail()
	}
	if !bs.started {
		bs.started = true
		if b.persons, ok = header(b.persons, PersonColumns, bs.pEOF); !ok {
			return bs.fail()
		}
		if b.persons, bs.pEOF, ok = fillLines(b.persons, bs.persons, blockPersons, bs.pEOF); !ok {
			return bs.fail()
		}
		var claims []byte
		if claims, bs.cEOF, ok = fillLines(nil, bs.claims, claimsRead, false); !ok {
			return bs.fail()
		}
		if claims, ok = header(claims, ClaimColumns, bs.cEOF); !ok {
			return bs.fail()
		}
		bs.ccarry = append(bs.ccarry[:0], claims...)
	}
	if !bs.pEOF {
		end := bytes.LastIndexByte(b.persons, '\n') + 1
		bs.pcarry = append(bs.pcarry, b.persons[end:]...)
		b.persons = b.persons[:end]
	}
	if len(b.persons) == 0 {
		// The end of the persons file: every claim was joined.
		if len(bs.ccarry) > 0 || !bs.cEOF {
			return bs.fail()
		}
		bs.done = true
		return false
	}
	last := lastLine(b.persons)
	comma := bytes.IndexByte(last, ',')
	if comma < 0 {
		return bs.fail()
	}
	if bs.lastID == nil && !bs.first(b.persons) {
		return bs.fail()
	}
	bs.lastID = append(bs.lastID[:0], last[:comma]...)
	b.frame = bs.frame

	b.claims = append(b.claims[:0], bs.ccarry...)
	bs.ccarry = bs.ccarry[:0]
	cut := 0
	for {
		var ok bool
		if cut, ok = claimsCut(b.claims, bs.lastID, bs.cEOF); ok {
			break
		}
		if len(b.claims) > maxBlockClaims || len(b.claims)-(bytes.LastIndexByte(b.claims, '\n')+1) > MaxLine+2 {
			return bs.fail() // persons with many claims, or a line too long
		}
		var err error
		if b.claims, bs.cEOF, err = fill(b.claims, bs.claims, claimsRead); err != nil {
			return bs.fail()
		}
	}
	bs.ccarry = append(bs.ccarry, b.claims[cut:]...)
	b.claims = b.claims[:cut]
	return true
}

// first checks the first person's line as the careful reading does —
// its id, its region and year known to the catalog — and takes the run's
// region and year from it.
func (bs *Blocks) first(persons []byte) bool {
	line := persons
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	line = bytes.TrimSuffix(line, []byte("\r"))
	r := bs.rd
	_, ok := r.person(line)
	ok = ok && r.fatal == nil
	bs.frame = Frame{region: r.region, year: r.year, yearDash: r.yearDash, regionYear: r.regionYear}
	// The careful reading starts afresh should the files be read again.
	r.prevID, r.prevLine, r.started, r.region, r.year, r.yearDash, r.regionYear, r.fatal = nil, 0, false, "", 0, nil, "", nil
	return ok
}

// header takes the header line off the start of a file's first block;
// false if it is not exactly the contract's.
func header(b []byte, want []string, eof bool) ([]byte, bool) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		if !eof {
			return nil, false
		}
		i = len(b) // the file is its header, without a line break
	}
	if string(bytes.TrimSuffix(b[:i], []byte("\r"))) != strings.Join(want, ",") {
		return nil, false
	}
	return b[min(i+1, len(b)):], true
}

// fillLines appends at least n bytes read from r to b, and more until b
// holds a whole line or the file ends; false if the file cannot be read,
// or b passes MaxLine bytes and more without a line break (a line too
// long).
func fillLines(b []byte, r io.Reader, n int, eof bool) ([]byte, bool, bool) {
	var err error
	for !eof {
		if b, eof, err = fill(b, r, n); err != nil {
			return b, eof, false
		}
		if bytes.IndexByte(b, '\n') >= 0 {
			break
		}
		if len(b) > MaxLine+2 {
			return b, eof, false
		}
	}
	return b, eof, true
}

// fill appends at least n bytes read from r to b (less at the end of the
// file); eof says the file has ended.
func fill(b []byte, r io.Reader, n int) ([]byte, bool, error) {
	want := len(b) + n
	if cap(b) < want {
		// Doubled, so that a block's buffers soon stop growing.
		nb := make([]byte, len(b), max(want, 2*cap(b)))
		copy(nb, b)
		b = nb
	}
	for len(b) < want {
		m, err := r.Read(b[len(b):want])
		b = b[:len(b)+m]
		if errors.Is(err, io.EOF) {
			return b, true, nil
		}
		if err != nil {
			return b, false, err
		}
	}
	return b, false, nil
}

// lastLine is the last line of whole lines (the last one's line break
// left off).
func lastLine(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return b[bytes.LastIndexByte(b, '\n')+1:]
}

// claimsCut is where the block's claims end in b: at the first whole line
// of a person after last. False if it needs more of the file: the last
// whole line is not of a later person yet.
//
// The line is found by bisection, a few lines looked at rather than all:
// in sorted files it is the first line of a later person. (In files that
// are not, the cut may fall anywhere between lines, and a block then holds
// a claim of none of its persons, or the next block a claim of a person
// before its own: either block is irregular, and the careful reading
// reports the order.)
func claimsCut(b, last []byte, eof bool) (int, bool) {
	whole := len(b)
	if !eof {
		whole = bytes.LastIndexByte(b, '\n') + 1
	}
	if whole == 0 {
		return 0, eof
	}
	// hi is a line start of a later person's line, or whole.
	hi := bytes.LastIndexByte(b[:whole-1], '\n') + 1
	if !laterPerson(b[hi:whole], last) {
		return whole, eof
	}
	lo := 0 // a line start: the line there is the first, or of a person up to last
	if laterPerson(b[lo:hi], last) {
		return 0, true
	}
	for {
		// The first line start after the middle, if before hi.
		mid := lo + (hi-lo)/2
		n := bytes.IndexByte(b[mid:hi], '\n')
		if n < 0 || mid+n+1 >= hi {
			break
		}
		if s := mid + n + 1; laterPerson(b[s:hi], last) {
			hi = s
		} else {
			lo = s
		}
	}
	// Between lo and hi, the few lines left, in turn.
	for at := lo; ; {
		n := bytes.IndexByte(b[at:hi], '\n')
		if n < 0 {
			return hi, true
		}
		if at += n + 1; at >= hi || laterPerson(b[at:hi], last) {
			return at, true
		}
	}
}

// laterPerson says the line at the start of b is of a person after last
// (a line without a person_id's comma counts as one: the block that gets
// it finds it irregular).
func laterPerson(b, last []byte) bool {
	pid, ok := personID(b)
	return !ok || string(pid) > string(last)
}

// personID is the person_id at the start of a row's text: up to its comma,
// looked for no further than an id may run (MaxText), so that text
// without commas is never searched to its end, row after row.
func personID(b []byte) ([]byte, bool) {
	w := b[:min(len(b), MaxText+1)]
	i := bytes.IndexByte(w, ',')
	if i < 0 {
		return nil, false
	}
	return w[:i], true
}

// ParseBlock reads the block's persons in file order, each with its claims,
// into p in turn (reusing p's slices) and calls each with it. It returns
// false — at once, with the rest of the block unread — where the block is
// not plainly right: a row the careful reading would report, or one out of
// the join's order (each is then Irregular, and the careful reading says
// what it is); or where each returns false. A person each is given has no
// problem, and is what the careful reading would give of its rows. Its
// strings may be of the block's own text: they hold until b is filled
// again, and whatever is kept longer is to be copied.
func (ps *Parser) ParseBlock(b *Block, p *Person, each func(*Person) bool) bool {
	persons, claims := b.persons, b.claims
	prev := b.prev
	fr := &b.frame
	np, nc := 0, 0
	defer func() {
		ps.reader.personsRead.Add(int64(np))
		ps.reader.claimsRead.Add(int64(nc))
	}()
	for len(persons) > 0 {
		// The person's line, read in one pass where it is plainly right
		// (which finds where it ends), else found and read field by field.
		stale := ps.begin(p)
		var line, id []byte
		end, idEnd, ok := 0, 0, false
		if quickClaims {
			end, idEnd, ok = ps.quickPerson(fr, row{file: ps.personsName, text: persons, stable: true}, p)
		}
		if ok {
			line, persons = persons[:end], persons[end:]
			id = line[:idEnd] // printable ASCII, no quote: the join's checks made
		} else {
			if line, persons = plainLine(persons); line == nil || !careful(line, personFields) {
				return false
			}
			if ps.person(fr, row{file: ps.personsName, text: line}, p); len(p.Problems) > 0 {
				return false
			}
			if id, ok = personID(line); !ok || idText(id) != nil || bytes.IndexByte(id, '"') >= 0 {
				return false
			}
		}
		if len(prev) > 0 && compareText(id, prev) <= 0 {
			return false
		}
		prev = id
		// One row for the person's claims (quickClaim takes it by
		// reference: a row a claim would be 64 bytes copied).
		cr := row{file: ps.claimName, idEnd: len(id), stable: true}
		for len(claims) > 0 {
			if len(claims) <= len(id) || claims[len(id)] != ',' || !sameText(claims[:len(id)], id) {
				// Not this person's claim.
				if pid, ok := personID(claims); !ok || compareText(pid, id) < 0 {
					return false // a claim of no person, or out of order
				}
				break // a later person's
			}
			if quickClaims {
				cr.text = claims
				if end, ok := ps.quickClaim(fr, &cr, p); ok {
					claims = claims[end:]
					continue
				}
			}
			var cl []byte
			if cl, claims = plainLine(claims); cl == nil || !careful(cl, claimFields) {
				return false
			}
			if ps.claim(fr, row{file: ps.claimName, text: cl}, p); len(p.Problems) > 0 {
				return false
			}
		}
		if ps.end(p, stale); len(p.Problems) > 0 {
			return false
		}
		np++
		nc += len(p.Case.Claims)
		if !each(p) {
			return false
		}
	}
	return len(claims) == 0
}

// sameText says a and b, of one length, hold the same bytes. A person's
// id is compared with the start of each of its claims: where it is eight
// to sixteen bytes long, as two words (which may overlap), with no call.
func sameText(a, b []byte) bool {
	if n := len(a); n >= 8 && n <= 16 && len(b) == n {
		return binary.LittleEndian.Uint64(a) == binary.LittleEndian.Uint64(b) &&
			binary.LittleEndian.Uint64(a[n-8:]) == binary.LittleEndian.Uint64(b[n-8:])
	}
	return string(a) == string(b)
}

// compareText is bytes.Compare, for ids: those of eight bytes or more
// are told apart by their first eight, read as one big-endian word, with
// no call.
func compareText(a, b []byte) int {
	if len(a) >= 8 && len(b) >= 8 {
		if x, y := binary.BigEndian.Uint64(a), binary.BigEndian.Uint64(b); x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return bytes.Compare(a, b)
}

// careful says whether a line the one-pass reader refused can go to the
// careful one, which reads lines the framing found right: the number of
// fields, and no quote. (The one-pass readers refuse a quote wherever it
// could pass them, in an id or a name, so a line they take has none.)
func careful(line []byte, fields int) bool {
	return bytes.Count(line, comma)+1 == fields && bytes.IndexByte(line, '"') < 0
}

// plainLine cuts the first line off b, its line ending left off; nil if it
// is not one the careful reading takes as a row's line (empty, too long).
func plainLine(b []byte) (line, rest []byte) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		line, rest = b, nil
	} else {
		line, rest = b[:i], b[i+1:]
	}
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	if len(line) == 0 || len(line) > MaxLine {
		return nil, rest
	}
	return line, rest
}
