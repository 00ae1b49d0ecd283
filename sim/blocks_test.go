package sim_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/polc-dev/polc/population"
	"github.com/polc-dev/polc/sim"
)

// onlyReader hides a reader's Seek: the files cannot be read twice, so a
// run reads them the careful way only.
type onlyReader struct{ io.Reader }

// outcome is all a run gives: the summary's JSON, the per-person file, the
// problems and the error.
func outcome(ctx context.Context, t *testing.T, fig sim.Figurer, persons, claims string, seekable bool) string {
	t.Helper()
	set := shippedSet(t)
	var pr, cr io.Reader = strings.NewReader(persons), strings.NewReader(claims)
	if !seekable {
		pr, cr = onlyReader{pr}, onlyReader{cr}
	}
	rd := population.NewReader(pr, "persons.csv", cr, "claims.csv", set)
	var per bytes.Buffer
	sm, problems, err := sim.Run(ctx, fig, set.CaseShape(), rd, sim.Options{PerPerson: &per, RankMemory: 100, TempDir: t.TempDir()})
	var out []byte
	if sm != nil {
		out, _ = sim.JSON(sm)
	}
	return fmt.Sprintf("%s\n--- per person\n%s--- problems\n%v\n--- error\n%v", out, per.String(), problems, err)
}

// A run that takes the fast lane gives what the careful reading alone
// gives, byte for byte: on clean populations (which it sums), and on
// populations with a bad row, a settlement error or a sum past int64
// (which it leaves to the careful reading, so the problems are reported as
// ever, and the per-person file holds nothing of the abandoned reading).
func TestFastLaneAgreesWithCareful(t *testing.T) {
	t.Parallel()
	// Each block is overwritten once summed: a string of it kept past its
	// persons (by the run, the engine's caches, the reader) would be read
	// changed by a later person, and the results would differ.
	ctx, fastRuns := sim.Observe(context.Background(), true)
	set := shippedSet(t)
	persons, claims := smallPopulation(3001)
	g := generate(t, set, "liujiang", 2024, 400, 3, 11)
	liujiangPersons, liujiangClaims := g.persons.String(), g.claims.String()
	overflowP, overflowC := overflowPopulation()
	for _, tc := range []struct {
		name            string
		fig             sim.Figurer
		persons, claims string
		fast            bool // the fast lane sums it
	}{
		{"clean", &fakeFigures{}, persons, claims, true},
		{"liujiang, the engine", sim.Engine(set, g.overrides), liujiangPersons, liujiangClaims, true},
		{"a settlement error", &fakeFigures{}, persons, strings.Replace(claims, "p00010,c1,2023-02-01,outpatient,1,true,1001.10,100", "p00010,c1,2023-02-01,outpatient,1,true,13.13,0", 1), false},
		{"a bad row", &fakeFigures{}, persons, strings.Replace(claims, "p02021,c0,2023-01-01,outpatient,1,true,202100.21", "p02021,c0,2023-01-01,outpatient,1,true,-202100.21", 1), false},
		{"a claim of no person", &fakeFigures{}, persons, claims + "p99999,c1,2023-01-01,outpatient,1,true,1,,,,\n", false},
		{"an overflow", &fakeFigures{}, overflowP, overflowC, false},
		{"no one: headers without a line break", &fakeFigures{}, strings.Join(population.PersonColumns, ","), strings.Join(population.ClaimColumns, ","), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := fastRuns()
			fast := outcome(ctx, t, tc.fig, tc.persons, tc.claims, true)
			if took := fastRuns() > before; took != tc.fast {
				t.Fatalf("fast lane summed it: %v, want %v", took, tc.fast)
			}
			if careful := outcome(ctx, t, tc.fig, tc.persons, tc.claims, false); fast != careful {
				t.Fatalf("fast lane:\n%s\ncareful:\n%s", fast, careful)
			}
		})
	}
}

// The same on populations with a byte or a line changed at random, settled
// by the engine.
func TestFastLaneAgreesOnMutations(t *testing.T) {
	t.Parallel()
	ctx, _ := sim.Observe(context.Background(), true)
	set := shippedSet(t)
	g := generate(t, set, "tongnan", 2023, 120, 3, 5)
	fig := sim.Engine(set, g.overrides)
	r := rand.New(rand.NewPCG(7, 8))
	for n := range 40 {
		persons, claims := g.persons.String(), g.claims.String()
		if r.IntN(2) == 0 {
			persons = mutateText(r, persons)
		} else {
			claims = mutateText(r, claims)
		}
		if fast, careful := outcome(ctx, t, fig, persons, claims, true), outcome(ctx, t, fig, persons, claims, false); fast != careful {
			t.Fatalf("mutation %d: fast lane:\n%s\ncareful:\n%s", n, fast, careful)
		}
	}
}

func mutateText(r *rand.Rand, s string) string {
	i := r.IntN(len(s))
	switch r.IntN(4) {
	case 0:
		return s[:i] + s[i+1:]
	case 1:
		return s[:i] + string(",\"\n-.9x"[r.IntN(7)]) + s[i+1:]
	case 2:
		lines := strings.SplitAfter(s, "\n")
		a, b := r.IntN(len(lines)), r.IntN(len(lines))
		lines[a], lines[b] = lines[b], lines[a]
		return strings.Join(lines, "")
	}
	return s[:i]
}

// overflowPopulation is 1,000 persons whose claims of 10^12 yuan each
// pass int64's fen when summed: a run must say so, never wrap.
func overflowPopulation() (string, string) {
	var p, c strings.Builder
	p.WriteString(strings.Join(population.PersonColumns, ",") + "\n")
	c.WriteString(strings.Join(population.ClaimColumns, ",") + "\n")
	for i := range 1000 {
		fmt.Fprintf(&p, "p%05d,tongnan,2023,ordinary,40,rural,,,1,\n", i)
		fmt.Fprintf(&c, "p%05d,c1,2023-01-01,outpatient,1,true,100000000000000,0,,,\n", i)
	}
	return p.String(), c.String()
}

// A population the fast reading leaves to the careful one though it has no
// problem — a block of persons with more claims than a block holds — is
// summed by the careful reading, and the per-person file (an *os.File, as
// the CLI's) holds the careful reading's rows. (What the fast reading may
// have written is cut away first; it would be a prefix of the same rows.)
func TestFastLaneHandsOverToCareful(t *testing.T) {
	t.Parallel()
	ctx, fastRuns := sim.Observe(context.Background(), false)
	var p, c strings.Builder
	p.WriteString(strings.Join(population.PersonColumns, ",") + "\n")
	c.WriteString(strings.Join(population.ClaimColumns, ",") + "\n")
	for i := range 1500 {
		fmt.Fprintf(&p, "p%05d,tongnan,2023,ordinary,40,rural,,,1,\n", i)
		claims := 1
		if i >= 1000 {
			claims = 150 // a block passes 2 MiB of claims
		}
		for j := range claims {
			fmt.Fprintf(&c, "p%05d,c%d,2023-01-01,outpatient,1,true,%d.00,0,,,\n", i, j, 100+i)
		}
	}
	set := shippedSet(t)
	run := func(seekable bool) (string, string) {
		var pr, cr io.Reader = strings.NewReader(p.String()), strings.NewReader(c.String())
		if !seekable {
			pr, cr = onlyReader{pr}, onlyReader{cr}
		}
		f, err := os.Create(filepath.Join(t.TempDir(), "pp.csv"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rd := population.NewReader(pr, "persons.csv", cr, "claims.csv", set)
		sm, problems, err := sim.Run(ctx, &fakeFigures{}, set.CaseShape(), rd, sim.Options{PerPerson: f})
		if err != nil || len(problems) > 0 {
			t.Fatal(err, problems)
		}
		out, _ := sim.JSON(sm)
		rows, err := os.ReadFile(f.Name())
		if err != nil {
			t.Fatal(err)
		}
		return string(out), string(rows)
	}
	n := fastRuns()
	fastJSON, fastRows := run(true)
	if fastRuns() != n {
		t.Fatal("the fast reading summed a population with blocks it should leave")
	}
	carefulJSON, carefulRows := run(false)
	if fastJSON != carefulJSON || fastRows != carefulRows {
		t.Fatalf("handed over: %d bytes of rows, %d bytes careful", len(fastRows), len(carefulRows))
	}
	if strings.Count(fastRows, "\n") != 1501 {
		t.Fatalf("%d rows", strings.Count(fastRows, "\n"))
	}
}
