package policy_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"testing"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/policies"
	"github.com/polc-dev/polc/policy"
)

// Validate keeps each distinct record's answer, but not without bound: a
// server sent cases whose params differ each time yields a new record each
// time, and the answers must not grow with the requests.
func TestValidateKeepsABoundedNumber(t *testing.T) {
	set, ds := compiler.Compile(context.Background(), policies.FS, "policies", compiler.Options{SkipExhaustive: true, Regions: []string{"tongnan"}})
	if set == nil {
		t.Fatal(ds)
	}
	r := set.Regions["tongnan"]
	var rule *policy.DecisionRule
	for _, k := range r.RuleKeys() {
		rule = r.Rules[k]
		break
	}
	// The bound itself (policy.MaxValidated, 65,536) would take some
	// hundred thousand CEL evaluations to pass: the test passes a lower
	// one, through the same code.
	const bound = 1 << 10
	if policy.MaxValidated < bound {
		t.Fatalf("Validate's bound %d is below the test's %d", policy.MaxValidated, bound)
	}
	policy.LowerValidatedBound(t, bound)
	n := bound + bound/2
	for i := range n {
		// A term as a case giving its own ratio would make it: a new
		// record for every value.
		rec := policy.Record{Fields: map[string]any{"tier": "critical", "ratio": json.Number(fmt.Sprintf("0.%06d", i))}, Rule: rule}
		first := r.Validate(set.Schema, "Term", rec)
		again := r.Validate(set.Schema, "Term", policy.Record{Fields: maps.Clone(rec.Fields), Rule: rule})
		if fmt.Sprint(first) != fmt.Sprint(again) {
			t.Fatalf("record %d: %v, then %v", i, first, again)
		}
		if held := r.ValidatedHeld(); held > bound {
			t.Fatalf("after %d records Validate holds %d answers, more than its bound %d", i+1, held, bound)
		}
	}
	// Past the bound it starts again: it holds fewer than it was given.
	if held := r.ValidatedHeld(); held >= int64(n) || held < 1 {
		t.Errorf("holds %d answers for %d records", held, n)
	}
}
