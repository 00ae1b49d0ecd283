package sim_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/policies/policiestest"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/population"
	"github.com/polc-dev/polc/settle"
	"github.com/polc-dev/polc/sim"
)

// shippedSet is the embedded policy set, compiled once for the package's
// tests.
func shippedSet(tb testing.TB) *policy.Set {
	tb.Helper()
	return policiestest.Compiled(tb, compiler.Options{SkipExhaustive: true})
}

// The nearest rank of the k-th tenth of n values is the least rank r with
// r/n ≥ k/10.
func TestDecileRanks(t *testing.T) {
	t.Parallel()
	for n := int64(1); n <= 2000; n++ {
		ranks := sim.DecileRanks(n)
		if len(ranks) != 11 || ranks[0] != 1 || ranks[10] != n {
			t.Fatalf("n=%d: %v", n, ranks)
		}
		for k := int64(1); k <= 9; k++ {
			r := int64(1)
			for 10*r < k*n {
				r++
			}
			if ranks[k] != r {
				t.Fatalf("n=%d: decile %d at rank %d, want %d", n, k, ranks[k], r)
			}
		}
	}
	if got := fmt.Sprint(sim.DecileRanks(10)); got != "[1 1 2 3 4 5 6 7 8 9 10]" {
		t.Errorf("n=10: %s", got)
	}
	if got := fmt.Sprint(sim.DecileRanks(333334)); got != "[1 33334 66667 100001 133334 166667 200001 233334 266668 300001 333334]" {
		t.Errorf("n=333334: %s", got)
	}
}

// fakeFigures settles a person by a rule simple enough to redo here:
// everything in scope is basic, the rest out of pocket; the subsidy is the
// person's age in yuan, from two funders; a flag is raised (twice, as for
// two populations) past 1000 yuan out of pocket.
type fakeFigures struct{}

func (f *fakeFigures) Figures(_ context.Context, c *cases.Case, out *settle.Figures) error {
	*out = settle.Figures{Raised: out.Raised[:0], Funders: out.Funders[:0]}
	for _, cl := range c.Claims {
		if cl.Total == 13_13 {
			return &settle.Error{Pos: cl.Pos, Case: c.File, Claim: cl.ID, Message: "unlucky"}
		}
		out.Totals.Total += cl.Total
		out.Totals.Basic += cl.Total - cl.OutOfCatalog
		out.Totals.OutOfPocket += cl.OutOfCatalog
	}
	if c.Person.Age != nil && *c.Person.Age > 0 {
		out.Subsidy = settle.Money(*c.Person.Age * 100)
		out.SubsidyRule = c.Person.Categories[0]
		half := out.Subsidy / 2
		out.Funders = append(out.Funders, settle.FunderAmount{Funder: "district_finance", Amount: half}, settle.FunderAmount{Funder: "medical_assistance_fund", Amount: out.Subsidy - half})
	}
	if out.Totals.OutOfPocket > 1000_00 {
		out.Raised = append(out.Raised, "high_cost_report", "high_cost_report")
	}
	return nil
}

// population writes n persons of tongnan 2023, person i with i%4 claims.
func smallPopulation(n int) (persons, claims string) {
	var p, c strings.Builder
	p.WriteString(strings.Join(population.PersonColumns, ",") + "\n")
	c.WriteString(strings.Join(population.ClaimColumns, ",") + "\n")
	cats := []string{"dibao", "ordinary", "dibao+returned_to_poverty", "extreme_poverty"}
	for i := range n {
		fmt.Fprintf(&p, "p%05d,tongnan,2023,%s,%d,rural,,,1,\n", i, cats[i%len(cats)], i%90)
		for j := range i % 4 {
			fmt.Fprintf(&c, "p%05d,c%d,2023-0%d-01,outpatient,1,true,%d.%02d,%d,,,\n", i, j, j+1, 100*i+j, i%100, 10*i)
		}
	}
	return p.String(), c.String()
}

func runOn(t *testing.T, fig sim.Figurer, persons, claims string, opts sim.Options) (*sim.Summary, string, error) {
	t.Helper()
	set := shippedSet(t)
	rd := population.NewReader(strings.NewReader(persons), "persons.csv", strings.NewReader(claims), "claims.csv", set)
	var per bytes.Buffer
	opts.PerPerson = &per
	sm, problems, err := sim.Run(context.Background(), fig, set.CaseShape(), rd, opts)
	if len(problems) > 0 {
		return nil, "", problems
	}
	return sm, per.String(), err
}

// The summary and the per-person file are the same bytes whatever the
// number of workers, the batches' timing or the memory the deciles are
// kept in; the sums are the sums of the persons' figures.
func TestRunDeterministic(t *testing.T) {
	t.Parallel()
	persons, claims := smallPopulation(3001)
	var first []byte
	var firstPer string
	for _, opts := range []sim.Options{{Workers: 1}, {Workers: 2}, {Workers: 7, RankMemory: 10, TempDir: t.TempDir()}} {
		sm, per, err := runOn(t, &fakeFigures{}, persons, claims, opts)
		if err != nil {
			t.Fatal(err)
		}
		out, err := sim.JSON(sm)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first, firstPer = out, per
			continue
		}
		if !bytes.Equal(out, first) || per != firstPer {
			t.Fatalf("workers %d: a different result", opts.Workers)
		}
	}
	// Redo the sums from the per-person file, in order.
	lines := strings.Split(strings.TrimSpace(firstPer), "\n")
	if lines[0] != sim.PerPersonHeader || len(lines) != 3002 {
		t.Fatalf("per-person file: %q… (%d lines)", lines[0], len(lines))
	}
	var total, oop, flagged int64
	for i, line := range lines[1:] {
		var id string
		var f [9]float64
		fields := strings.Split(line, ",")
		id = fields[0]
		if id != fmt.Sprintf("p%05d", i) {
			t.Fatalf("line %d is %s", i+2, id)
		}
		for j := range f {
			fmt.Sscan(fields[j+1], &f[j])
		}
		total += int64(f[1]*100 + 0.5)
		oop += int64(f[8]*100 + 0.5)
		if f[8] > 1000 {
			flagged++ // raised twice, counted once
		}
	}
	json := string(first)
	if !strings.Contains(json, fmt.Sprintf(`"total": "%s"`, settle.Money(total))) || !strings.Contains(json, fmt.Sprintf(`"out_of_pocket": "%s"`, settle.Money(oop))) {
		t.Fatalf("totals do not add up to %s and %s:\n%s", settle.Money(total), settle.Money(oop), json)
	}
	for _, want := range []string{`"persons": 3001`, `"claims": 4500`, `"funder": "district_finance"`, fmt.Sprintf("\"flag\": \"high_cost_report\",\n      \"persons\": %d", flagged), `"rule": "nearest-rank"`} {
		if !strings.Contains(json, want) {
			t.Errorf("missing %s in\n%s", want, json)
		}
	}
}

// A problem in any person is reported at its line, and nothing is summed:
// no summary, and Run stops after MaxProblems of them.
func TestRunProblems(t *testing.T) {
	t.Parallel()
	persons, claims := smallPopulation(50)
	claims = strings.Replace(claims, "p00010,c1,2023-02-01,outpatient,1,true,1001.10,100", "p00010,c1,2023-02-01,outpatient,1,true,13.13,0", 1)
	claims = strings.Replace(claims, "p00021,c0,2023-01-01,outpatient,1,true,2100.21", "p00021,c0,2023-01-01,outpatient,1,true,-2100.21", 1)
	sm, _, err := runOn(t, &fakeFigures{}, persons, claims, sim.Options{Workers: 3})
	if sm != nil {
		t.Fatal("a summary of a population with problems")
	}
	want := "claims.csv:16: error: claim c1: unlucky [settle]\nclaims.csv:32:40: error: total: -2100.21 is negative [population]"
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want\n%s", err, want)
	}

	var many strings.Builder
	many.WriteString(strings.Join(population.ClaimColumns, ",") + "\n")
	for i := range 50 {
		for j := range i % 4 {
			fmt.Fprintf(&many, "p%05d,c%d,2023-0%d-01,outpatient,1,true,13.13,0,,,\n", i, j, j+1)
		}
	}
	_, _, err = runOn(t, &fakeFigures{}, persons, many.String(), sim.Options{MaxProblems: 5})
	if err == nil || strings.Count(err.Error(), "\n") != 5 || !strings.HasSuffix(err.Error(), "persons.csv: error: stopped after 5 problems; the rest of the files is not read [population]") {
		t.Fatalf("got %v", err)
	}
}

// A sum that would pass int64's fen is an error, never a wrapped figure.
func TestRunOverflow(t *testing.T) {
	t.Parallel()
	p, c := overflowPopulation()
	_, _, err := runOn(t, &fakeFigures{}, p, c, sim.Options{})
	if err == nil || !strings.Contains(err.Error(), "a sum passes") {
		t.Fatalf("got %v", err)
	}
}
