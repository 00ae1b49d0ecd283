package settle_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/policies"
	"github.com/polc-dev/polc/settle"
)

// yearOfClaims is a dibao person's 2023 in tongnan with a claim every day,
// across the three claim kinds and three hospital levels: 365 claims, 9
// distinct plan contexts.
func yearOfClaims(b *testing.B) (*compiler.PolicySet, *cases.Case) {
	set, ds := compiler.Compile(policies.FS, "policies", compiler.Options{})
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
func benchModes(b *testing.B, set *compiler.PolicySet, cases []*cases.Case, claims int) {
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
