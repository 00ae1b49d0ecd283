package settle

import (
	"context"
	"testing"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/policies"
	"github.com/polc-dev/polc/policy"
)

// BenchmarkPlanLookup isolates what the cache saves: getting the terms for
// one claim context, from the cache or by evaluating Rego (and checking and
// preparing the plan) again.
func BenchmarkPlanLookup(b *testing.B) {
	set, ds := compiler.Compile(context.Background(), policies.FS, "policies", compiler.Options{})
	if set == nil {
		b.Fatal(ds)
	}
	r := set.Regions["tongnan"]
	p, err := r.ParamsFor(2023, nil)
	if err != nil {
		b.Fatal(err)
	}
	person := policy.Context{Year: 2023, Person: cases.Person{Categories: []string{"dibao"}}, EnrollmentTier: "1"}
	claim := &cases.Claim{Kind: "inpatient", HospitalLevel: "2", Referred: true}
	personKey := r.DecisionKey("plan", person)
	for _, mode := range []struct {
		name     string
		perClaim bool
	}{{"cached", false}, {"per-claim", true}} {
		b.Run(mode.name, func(b *testing.B) {
			e := New(set)
			e.EvaluatePerClaim = mode.perClaim
			for b.Loop() {
				if _, err := e.plan(context.Background(), r, person, claim, personKey, p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
