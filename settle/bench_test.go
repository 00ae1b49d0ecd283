package settle_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/policies"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle"
)

// yearOfClaims is a dibao person's 2023 in tongnan with a claim every day,
// across the three claim kinds and three hospital levels: 365 claims, 9
// distinct plan contexts.
func yearOfClaims(b *testing.B) (*policy.Set, *cases.Case) {
	set, ds := compiler.Compile(context.Background(), policies.FS, "policies", compiler.Options{})
	if set == nil {
		b.Fatal(ds)
	}
	age := 58
	c := &cases.Case{File: "bench.yaml", Region: "tongnan", Year: 2023,
		Person:     cases.Person{Categories: []string{"dibao"}, Age: &age, Residence: "rural"},
		Enrollment: cases.Enrollment{Tier: "1"}}
	kinds := []string{"inpatient", "outpatient_special", "outpatient"}
	for day := 0; day < 365; day++ {
		basic := settle.Money((300 + day) * 100)
		c.Claims = append(c.Claims, cases.Claim{
			ID: fmt.Sprintf("c%03d", day), Date: fmt.Sprintf("2023-%02d-%02d", day/31+1, day%28+1),
			Kind: kinds[day%3], HospitalLevel: fmt.Sprint(day%3 + 1), Referred: true,
			Total: settle.Money((1000 + 37*day) * 100), OutOfCatalog: 50_00, BasicPaid: &basic,
		})
	}
	return set, c
}

// BenchmarkSettleYear measures a year of claims with plans cached by
// context against evaluating Rego for every claim; claims/s is the figure
// to compare.
func BenchmarkSettleYear(b *testing.B) {
	set, c := yearOfClaims(b)
	benchModes(b, set, []*cases.Case{c}, len(c.Claims))
}

// BenchmarkSettlePopulationYear is a pooling region's year: 500 people in
// tongnan's categories, 20 claims each (10,000 claims), through one engine,
// as `polc sim` would run them. Plans and per-person decisions are shared
// across people with the same context.
func BenchmarkSettlePopulationYear(b *testing.B) {
	set, _ := yearOfClaims(b)
	cats := []string{"extreme_poverty", "dibao", "dibao_edge", "returned_to_poverty", "unstable_out_of_poverty", "edge_vulnerable", "sudden_hardship", "stable_out_of_poverty", "ordinary"}
	kinds := []string{"inpatient", "outpatient_special", "outpatient"}
	var people []*cases.Case
	claims := 0
	for i := 0; i < 500; i++ {
		age := 20 + i%60
		c := &cases.Case{File: fmt.Sprintf("p%03d", i), Region: "tongnan", Year: 2023,
			Person:     cases.Person{Categories: []string{cats[i%len(cats)]}, Age: &age, Residence: "rural"},
			Enrollment: cases.Enrollment{Tier: "1"}}
		for j := 0; j < 20; j++ {
			basic := settle.Money((200 + 13*j + i) * 100)
			c.Claims = append(c.Claims, cases.Claim{
				ID: fmt.Sprintf("c%02d", j), Date: fmt.Sprintf("2023-%02d-%02d", j%12+1, j%27+1),
				Kind: kinds[(i+j)%3], HospitalLevel: fmt.Sprint((i+j)%3 + 1), Referred: true,
				Total: settle.Money((900 + 53*j + 7*i) * 100), OutOfCatalog: 40_00, BasicPaid: &basic,
			})
			claims++
		}
		people = append(people, c)
	}
	benchModes(b, set, people, claims)
}

// benchModes settles the cases three ways in one run and reports claims/s
// for each:
//   - cached: one engine across iterations, as `polc test` or a server
//     holds it: after the first year the plans are all in its cache;
//   - cached-cold: a fresh engine per iteration, so each iteration pays for
//     evaluating Rego once per distinct context;
//   - per-claim: the cache off, Rego evaluated for every claim.
func benchModes(b *testing.B, set *policy.Set, cases []*cases.Case, claims int) {
	for _, mode := range []struct {
		name            string
		perClaim, fresh bool
	}{{"cached", false, false}, {"cached-cold", false, true}, {"per-claim", true, true}} {
		b.Run(mode.name, func(b *testing.B) {
			e := settle.New(set)
			for b.Loop() {
				if mode.fresh {
					e = settle.New(set)
				}
				e.EvaluatePerClaim = mode.perClaim
				for _, c := range cases {
					if _, err := e.Settle(context.Background(), c); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(claims)*float64(b.N)/b.Elapsed().Seconds(), "claims/s")
		})
	}
}

// typicalPopulation is a tongnan 2023 population shaped like the peers'
// population.py: persons in tongnan's categories at its weights (seven in
// ten ordinary), 5 claims each in date order — inpatient, outpatient
// special and outpatient at 45/35/20, any hospital level, referred — with
// basic_paid given, as a population file gives it.
func typicalPopulation(persons int) []*cases.Case {
	rng := rand.New(rand.NewPCG(20261201, 5))
	cats := []struct {
		id     string
		weight int
	}{{"ordinary", 70}, {"dibao", 8}, {"extreme_poverty", 2}, {"returned_to_poverty", 3}, {"dibao_edge", 4},
		{"unstable_out_of_poverty", 4}, {"edge_vulnerable", 3}, {"sudden_hardship", 1}, {"stable_out_of_poverty", 5}}
	pick := func() string {
		n := rng.IntN(100)
		for _, c := range cats {
			if n -= c.weight; n < 0 {
				return c.id
			}
		}
		return "ordinary"
	}
	kinds := []struct {
		kind       string
		weight     int
		basicShare int64 // percent of the in-scope cost basic insurance paid
		scale      int64 // the bills' order of magnitude, in fen
	}{{"inpatient", 45, 60, 1_500_000}, {"outpatient_special", 35, 50, 500_000}, {"outpatient", 20, 40, 500_000}}
	var out []*cases.Case
	for i := range persons {
		age := 1 + rng.IntN(90)
		tier := "1"
		if rng.IntN(10) == 0 {
			tier = "2"
		}
		c := &cases.Case{File: fmt.Sprintf("p%07d", i), Region: "tongnan", Year: 2023,
			Person:     cases.Person{Categories: []string{pick()}, Age: &age, Residence: []string{"rural", "urban"}[rng.IntN(2)]},
			Enrollment: cases.Enrollment{Tier: tier, Date: "2023-01-01"}}
		for j := range 5 {
			n := rng.IntN(100)
			k := kinds[2]
			for _, kk := range kinds {
				if n -= kk.weight; n < 0 {
					k = kk
					break
				}
			}
			// A long tail without floats: a bill of up to 1, 4 or 16 times
			// the kind's scale, at least 10 yuan.
			total := max(1000, rng.Int64N(k.scale<<(2*rng.IntN(3))))
			ooc := total * []int64{0, 2, 5, 10}[rng.IntN(4)] / 100
			basic := settle.Money((total - ooc) * k.basicShare / 100)
			c.Claims = append(c.Claims, cases.Claim{ID: fmt.Sprintf("c%d", j), Date: fmt.Sprintf("2023-%02d-%02d", 2*j+1+rng.IntN(2), 1+rng.IntN(28)),
				Kind: k.kind, HospitalLevel: fmt.Sprint(1 + rng.IntN(3)), Referred: true,
				Total: settle.Money(total), OutOfCatalog: settle.Money(ooc), BasicPaid: &basic})
		}
		out = append(out, c)
	}
	return out
}

// BenchmarkFigures is the engine alone on a population's year: typical
// persons (typicalPopulation) through one engine with its caches warm, by
// Figures (quick) and by Settle with FiguresOf (settle). It reports claims
// a second, claims a CPU second and heap allocations a claim. With 200
// persons (1,000 claims) the cases stay in the core's caches, as a person's
// case does when a population run has just read it; with 2,000 they do not.
func BenchmarkFigures(b *testing.B) {
	set, _ := yearOfClaims(b)
	ctx := context.Background()
	for _, persons := range []int{200, 2000} {
		people := typicalPopulation(persons)
		claims := 0
		for _, c := range people {
			claims += len(c.Claims)
		}
		for _, mode := range []struct {
			name   string
			settle func(e *settle.Engine, c *cases.Case, out *settle.Figures) error
		}{
			{"quick", func(e *settle.Engine, c *cases.Case, out *settle.Figures) error { return e.Figures(ctx, c, out) }},
			{"settle", func(e *settle.Engine, c *cases.Case, out *settle.Figures) error {
				res, err := e.Settle(ctx, c)
				if err == nil {
					settle.FiguresOf(res, out)
				}
				return err
			}},
		} {
			b.Run(fmt.Sprintf("%s/persons=%d", mode.name, persons), func(b *testing.B) {
				e := settle.New(set)
				var out settle.Figures
				for _, c := range people { // warm the caches
					if err := mode.settle(e, c, &out); err != nil {
						b.Fatal(err)
					}
				}
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				cpu := cpuTime()
				for b.Loop() {
					for _, c := range people {
						if err := mode.settle(e, c, &out); err != nil {
							b.Fatal(err)
						}
					}
				}
				cpu = cpuTime() - cpu
				runtime.ReadMemStats(&after)
				n := float64(claims) * float64(b.N)
				b.ReportMetric(n/b.Elapsed().Seconds(), "claims/s")
				b.ReportMetric(n/cpu.Seconds(), "claims/cpu-s")
				b.ReportMetric(float64(after.Mallocs-before.Mallocs)/n, "allocs/claim")
			})
		}
	}
}

// cpuTime is the CPU time the process has used. On a machine shared with
// other jobs, claims per CPU second varies less than claims per second of
// wall time (a one-goroutine benchmark uses one CPU, the collector aside).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
