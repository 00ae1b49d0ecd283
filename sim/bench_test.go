package sim_test

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/polc-dev/polc/population"
	"github.com/polc-dev/polc/sim"
)

// BenchmarkSim is the whole of `polc sim` but the compile: a tongnan 2023
// population of about 100,000 claims (33,334 persons, 3 a person on
// average), generated in memory, read from its CSV bytes, settled, summed
// with the deciles and written to a per-person file. claims/s is the
// figure to compare; one engine serves every iteration, as one run of
// polc sim does for its whole population. `fast` reads the bytes the fast
// way (they can be read twice, as the CLI's files can), `careful` the way
// a pipe is read: the ratio of the two, in one run, is the fast reading's.
func BenchmarkSim(b *testing.B) {
	set := shippedSet(b)
	g := generate(b, set, "tongnan", 2023, 33_334, 3, 1)
	claims := 0
	for _, c := range g.cases {
		claims += len(c.Claims)
	}
	fig := sim.Engine(set, g.overrides)
	for _, lane := range []struct {
		name string
		wrap func(io.Reader) io.Reader
	}{{"fast", func(r io.Reader) io.Reader { return r }}, {"careful", func(r io.Reader) io.Reader { return onlyReader{r} }}} {
		b.Run(lane.name, func(b *testing.B) {
			b.SetBytes(int64(g.claims.Len()))
			for b.Loop() {
				rd := population.NewReader(lane.wrap(bytes.NewReader(g.persons.Bytes())), "persons.csv", lane.wrap(bytes.NewReader(g.claims.Bytes())), "claims.csv", set)
				_, problems, err := sim.Run(context.Background(), fig, set.CaseShape(), rd, sim.Options{PerPerson: io.Discard})
				if err != nil || len(problems) > 0 {
					b.Fatal(err, problems)
				}
			}
			b.ReportMetric(float64(claims)*float64(b.N)/b.Elapsed().Seconds(), "claims/s")
		})
	}
}

// BenchmarkRead is the reading alone: the population files parsed and
// joined, every row checked, nothing settled — the ceiling the reader
// puts on a run.
func BenchmarkRead(b *testing.B) {
	set := shippedSet(b)
	g := generate(b, set, "tongnan", 2023, 33_334, 3, 1)
	claims := 0
	for _, c := range g.cases {
		claims += len(c.Claims)
	}
	b.SetBytes(int64(g.claims.Len() + g.persons.Len()))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rd := population.NewReader(bytes.NewReader(g.persons.Bytes()), "persons.csv", bytes.NewReader(g.claims.Bytes()), "claims.csv", set)
		var p population.Person
		for rd.Next(&p) {
			if len(p.Problems) > 0 {
				b.Fatal(p.Problems)
			}
		}
		if rd.Err() != nil {
			b.Fatal(rd.Err())
		}
	}
	b.ReportMetric(float64(claims)*float64(b.N)/b.Elapsed().Seconds(), "claims/s")
}

// BenchmarkPipeline is sim without settlement: the same population read,
// joined, passed through the workers, summed, ranked and written per
// person, each person's figures made by a trivial rule — the ceiling sim's
// own work puts on a run, whatever settlement costs.
func BenchmarkPipeline(b *testing.B) {
	set := shippedSet(b)
	g := generate(b, set, "tongnan", 2023, 33_334, 3, 1)
	claims := 0
	for _, c := range g.cases {
		claims += len(c.Claims)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rd := population.NewReader(bytes.NewReader(g.persons.Bytes()), "persons.csv", bytes.NewReader(g.claims.Bytes()), "claims.csv", set)
		_, problems, err := sim.Run(context.Background(), &fakeFigures{}, set.CaseShape(), rd, sim.Options{PerPerson: io.Discard})
		if err != nil || len(problems) > 0 {
			b.Fatal(err, problems)
		}
	}
	b.ReportMetric(float64(claims)*float64(b.N)/b.Elapsed().Seconds(), "claims/s")
}
