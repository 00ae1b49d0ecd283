package harness_test

import (
	"context"
	"testing"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/golden"
	"github.com/polc-dev/polc/harness"
	"github.com/polc-dev/polc/settle"
)

// TestRowsRedoTheirFigures checks that what the reviewer Markdown shows of
// each tier step is enough to redo its payment: the accumulation before
// and after, the deductible, ratio or bands and the cap left give the
// payment the engine made, and each tier's accumulation picks up where
// the claim before left it.
func TestRowsRedoTheirFigures(t *testing.T) {
	// The set the golden run compiled (shipped): settling reads the same
	// set whatever stages checked it.
	r, err := shipped()
	if err != nil {
		t.Fatal(err)
	}
	set := r.set
	engine := settle.New(set)
	var checked int
	for _, g := range golden.Cases() {
		c, ds := casefile.Load(g.Name, g.Data, set)
		if ds.HasErrors() {
			t.Fatalf("%s: %v", g.Name, ds)
		}
		res, err := engine.Settle(context.Background(), &c.Case)
		if err != nil {
			t.Fatalf("%s: %v", g.Name, err)
		}
		after := map[string]settle.Money{} // by tier, the accumulation after the last claim
		for _, cl := range res.Claims {
			for _, st := range cl.Steps {
				if st.AccumulatedBefore != nil {
					if got, want := *st.AccumulatedBefore, after[st.Tier]; got != want {
						t.Errorf("%s claim %s %s: accumulation before is %s, the claim before left %s", g.Name, cl.ID, st.Tier, got, want)
					}
					if *st.AccumulatedAfter-*st.AccumulatedBefore != st.Base {
						t.Errorf("%s claim %s %s: accumulation %s → %s does not add the base %s", g.Name, cl.ID, st.Tier, st.AccumulatedBefore, st.AccumulatedAfter, st.Base)
					}
					after[st.Tier] = *st.AccumulatedAfter
				}
				if st.CountsOnly {
					continue
				}
				work, ok := harness.Arithmetic(&st)
				if !ok {
					continue
				}
				checked++
				if work.Paid != st.Paid {
					t.Errorf("%s claim %s %s: the row redoes to %s (%s), the engine paid %s", g.Name, cl.ID, st.Tier, work.Paid, work.Text, st.Paid)
				}
				if st.Paid == 0 && st.Unpaid == "" && st.Base > 0 {
					t.Errorf("%s claim %s %s: paid nothing and says not why", g.Name, cl.ID, st.Tier)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no tier step checked")
	}
	t.Logf("%d tier steps redone from their rows", checked)
}
