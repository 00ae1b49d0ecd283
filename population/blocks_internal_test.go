package population

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// The fast reading gives a person only where the careful one gives the
// same person with no problem: on a clean population it reads every person
// as the careful reading does, and on any population the careful reading
// finds a problem in, it is Irregular (and a run reads it again carefully).
// Blocks are cut at every size, so that every boundary is crossed.

// cleanPopulation is a tongnan 2023 population the careful reading finds
// no problem in, with the rows the one-pass readers refuse and the careful
// ones take (amounts like "5." and ".5", non-ASCII names, a disease, a
// person with no claims).
func cleanPopulation(seed uint64, persons int) (string, string) {
	r := rand.New(rand.NewPCG(seed, 2))
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	var pb, cb strings.Builder
	pb.WriteString(personsHead)
	cb.WriteString(claimsHead)
	for i := range persons {
		id := fmt.Sprintf("p%05d", i)
		fmt.Fprintf(&pb, "%s,tongnan,2023,%s,%d,%s,%s,%s,%s,%s\n", id,
			pick("ordinary", "ordinary", "dibao", "dibao+returned_to_poverty", "extreme_poverty"), r.IntN(100),
			pick("rural", "urban"), pick("", "", "县", "Tongnan"), pick("", "", "2016"), pick("1", "2"), pick("", "2023-01-01", "2022-06-30"))
		for j := range r.IntN(5) {
			total := r.IntN(100000) + 1
			ooc := pick("", "0", ".5", fmt.Sprint(r.IntN(total)))
			uninsured := pick("", "", "false", "true")
			basic := ""
			if uninsured != "true" {
				basic = pick("", "", "0.00", "1")
			}
			fmt.Fprintf(&cb, "%s,c%d,2023-%02d-%02d,%s,%s,%s,%s,%s,%s,%s,%s\n", id, j+1, r.IntN(12)+1, r.IntN(28)+1,
				pick("inpatient", "outpatient", "outpatient_special"), pick("1", "2", "3"), pick("true", "false"),
				pick(fmt.Sprint(total), fmt.Sprintf("%d.%02d", total, r.IntN(100)), fmt.Sprintf("%d.", total)), ooc, basic, pick("", "", "J18", "病"), uninsured)
		}
	}
	return pb.String(), cb.String()
}

// showPerson is a person as read, every field with pointers followed,
// without positions (the fast reading gives none: it reports nothing).
func showPerson(p *Person) string {
	c := &p.Case
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %d %v %v %s %q %v %+v", p.ID, c.Region, c.Year, c.Person.Categories, deref(c.Person.Age), c.Person.Residence, c.Person.County, deref(c.Person.ExitYear), c.Enrollment)
	for _, cl := range c.Claims {
		basic := "-"
		if cl.BasicPaid != nil {
			basic = cl.BasicPaid.String()
		}
		fmt.Fprintf(&b, " [%s %s %s %s %t %s %s %s %q %t]", cl.ID, cl.Date, cl.Kind, cl.HospitalLevel, cl.Referred, cl.Total, cl.OutOfCatalog, basic, cl.Disease, cl.Uninsured)
	}
	return b.String() + "\n"
}

// readCareful is the careful reading's persons, and whether it found no
// problem at all.
func readCareful(t testing.TB, persons, claims string) (string, bool) {
	rd := NewReader(strings.NewReader(persons), "persons.csv", strings.NewReader(claims), "claims.csv", ShippedCatalogForTest(t))
	var b strings.Builder
	var p Person
	clean := true
	for rd.Next(&p) {
		b.WriteString(showPerson(&p))
		clean = clean && len(p.Problems) == 0
	}
	return b.String(), clean && rd.Err() == nil
}

// readFast is the fast reading's persons, and whether it took the files
// (not Irregular).
func readFast(t testing.TB, persons, claims string) (string, bool) {
	rd := NewReader(bytes.NewReader([]byte(persons)), "persons.csv", bytes.NewReader([]byte(claims)), "claims.csv", ShippedCatalogForTest(t))
	bs := rd.Blocks()
	if bs == nil {
		t.Fatal("no fast reading of seekable files")
	}
	ps := rd.Parser()
	var b strings.Builder
	var p Person
	var blk Block
	for bs.Next(&blk) {
		if !ps.ParseBlock(&blk, &p, func(p *Person) bool {
			if len(p.Problems) > 0 {
				t.Fatalf("a person with problems given: %v", p.Problems)
			}
			b.WriteString(showPerson(p))
			return true
		}) {
			return b.String(), false
		}
	}
	return b.String(), !bs.Irregular()
}

// withBlockSizes runs f with blocks of the given sizes.
func withBlockSizes(persons, claims int, f func()) {
	bp, cr := blockPersons, claimsRead
	blockPersons, claimsRead = persons, claims
	defer func() { blockPersons, claimsRead = bp, cr }()
	f()
}

func TestFastReadingTakesCleanFiles(t *testing.T) {
	persons, claims := cleanPopulation(1, 300)
	crlf := func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }
	want, clean := readCareful(t, persons, claims)
	if !clean {
		t.Fatal("the clean population has problems")
	}
	defer func() { quickClaims = true }()
	for _, quick := range []bool{true, false} {
		quickClaims = quick // off: every row read field by field, in the fast reading too
		for _, files := range [][2]string{{persons, claims}, {crlf(persons), crlf(claims)}, {strings.TrimSuffix(persons, "\n"), strings.TrimSuffix(claims, "\n")}} {
			for _, sizes := range [][2]int{{1, 1}, {7, 3}, {100, 50}, {4096, 64}, {64 << 10, 32 << 10}} {
				withBlockSizes(sizes[0], sizes[1], func() {
					got, ok := readFast(t, files[0], files[1])
					if !ok || got != want {
						t.Fatalf("one-pass readers %v, blocks %v: took the files: %v\ngot\n%s\nwant\n%s", quick, sizes, ok, got, want)
					}
				})
			}
		}
	}
}

// mutate changes one thing in s: a byte dropped, doubled or replaced by one
// that matters to the reading, two lines swapped, a line dropped or
// doubled, the text cut short.
func mutate(r *rand.Rand, s string) string {
	if len(s) == 0 {
		return s
	}
	i := r.IntN(len(s))
	lines := strings.SplitAfter(s, "\n")
	switch r.IntN(7) {
	case 0:
		return s[:i] + s[i+1:]
	case 1:
		return s[:i] + s[i:i+1] + s[i:]
	case 2:
		return s[:i] + string(",\"\n\r\t-.0x"[r.IntN(9)]) + s[i+1:]
	case 3:
		a, b := r.IntN(len(lines)), r.IntN(len(lines))
		lines[a], lines[b] = lines[b], lines[a]
	case 4:
		a := r.IntN(len(lines))
		lines = append(lines[:a], lines[a+1:]...)
	case 5:
		a := r.IntN(len(lines))
		lines = append(lines[:a+1], lines[a:]...)
	default:
		return s[:i]
	}
	return strings.Join(lines, "")
}

func TestFastReadingRefusesWhatCarefulReports(t *testing.T) {
	persons, claims := cleanPopulation(2, 60)
	r := rand.New(rand.NewPCG(3, 4))
	took, refused := 0, 0
	for n := range 300 {
		p, c := persons, claims
		for range 1 + r.IntN(2) {
			if r.IntN(2) == 0 {
				p = mutate(r, p)
			} else {
				c = mutate(r, c)
			}
		}
		checkFastAgrees(t, fmt.Sprint(n), p, c, 1+r.IntN(600), 1+r.IntN(300))
		if _, clean := readCareful(t, p, c); clean {
			took++
		} else {
			refused++
		}
	}
	// Both sides of the property were tried.
	if took < 15 || refused < 150 {
		t.Fatalf("took %d, refused %d: the mutations do not exercise both", took, refused)
	}
}

func checkFastAgrees(t testing.TB, name, persons, claims string, personsSize, claimsSize int) {
	withBlockSizes(personsSize, claimsSize, func() {
		want, clean := readCareful(t, persons, claims)
		got, ok := readFast(t, persons, claims)
		switch {
		case clean && (!ok || got != want):
			t.Fatalf("%s: careful took the files, fast: %v\npersons\n%s\nclaims\n%s\ngot\n%s\nwant\n%s", name, ok, persons, claims, got, want)
		case !clean && ok:
			t.Fatalf("%s: careful found a problem, fast took the files\npersons\n%s\nclaims\n%s", name, persons, claims)
		}
	})
}

func FuzzFastReading(f *testing.F) {
	persons, claims := cleanPopulation(5, 8)
	f.Add(persons, claims, uint16(50), uint16(20))
	f.Add(personsHead+"p1,tongnan,2023,dibao,58,rural,,,1,\np2,tongnan,2023,dibao,58,rural,,,1,\n", claimsHead+"p3,c1,2023-04-12,inpatient,3,true,600,0,,,\n", uint16(1), uint16(1))
	f.Add(personsHead+"p1,tongnan,2023,dibao,58,rural,,,1,\n", claimsHead+"p1,c1,2023-04-12,inpatient,3,true,600,0,,,\np1,c1,2023-04-12,inpatient,3,true,600,0,,,\n", uint16(9), uint16(9))
	f.Fuzz(func(t *testing.T, persons, claims string, ps, cs uint16) {
		checkFastAgrees(t, "fuzz", persons, claims, 1+int(ps), 1+int(cs))
	})
}

// A line far longer than a row may be — without a line break, or without
// a comma — is found irregular at once, at every block size, whether it is
// a person's or a claim's: the reading never searches a growing text again
// and again.
func TestFastReadingLongLines(t *testing.T) {
	persons, claims := cleanPopulation(9, 20)
	long := strings.Repeat("x", 8<<20)
	for _, tc := range [][2]string{
		{persons, claims + long},
		{persons, claims + "p00019," + long + "\n"},
		{persons + long, claims},
		{persons + "p99999," + long + "\n", claims},
	} {
		for _, sizes := range [][2]int{{64 << 10, 32 << 10}, {100, 10}} {
			checkFastAgrees(t, "long line", tc[0], tc[1], sizes[0], sizes[1])
		}
	}
}

// A block of persons with more claims than a block holds is left to the
// careful reading, which takes the files (each person is within what a
// case may hold).
func TestFastReadingLeavesHeavyBlocks(t *testing.T) {
	var pb, cb strings.Builder
	pb.WriteString(personsHead)
	cb.WriteString(claimsHead)
	for i := range 3 {
		fmt.Fprintf(&pb, "p%d,tongnan,2023,dibao,58,rural,,,1,\n", i)
		for j := range 400 {
			fmt.Fprintf(&cb, "p%d,c%d,2023-04-12,inpatient,3,true,600,0,,,\n", i, j)
		}
	}
	defer func(m int) { maxBlockClaims = m }(maxBlockClaims)
	maxBlockClaims = 16 << 10
	want, clean := readCareful(t, pb.String(), cb.String())
	if got, ok := readFast(t, pb.String(), cb.String()); !clean || ok {
		t.Fatalf("careful takes it: %v; fast takes it: %v", clean, ok)
	} else if got == want {
		t.Fatal("the fast reading gave every person of blocks it should have left")
	}
}
