package scratch

import (
	"context"
	"os"
	"runtime"
	"testing"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/policies"
	"github.com/polc-dev/polc/population"
	"github.com/polc-dev/polc/settle"
	"github.com/polc-dev/polc/sim"
)

type fake struct{}

func (fake) Figures(_ context.Context, c *cases.Case, out *settle.Figures) error {
	out.Totals = settle.Totals{}
	for _, cl := range c.Claims {
		out.Totals.Total += cl.Total
	}
	return nil
}

func TestLive(t *testing.T) {
	set, _ := compiler.Compile(policies.FS, "policies", compiler.Options{SkipExhaustive: true})
	var fig sim.Figurer = fake{}
	if os.Getenv("REAL") != "" {
		fig = sim.Engine(set, nil)
	}
	pf, _ := os.Open("/tmp/big3/persons.csv")
	cf, _ := os.Open("/tmp/big3/claims.csv")
	rd := population.NewReader(pf, "p", cf, "c", set)
	done := make(chan bool)
	go func() {
		for _, n := range []int64{100000, 300000, 600000, 900000, 1190000} {
			for rd.PersonsRead() < n {
				runtime.Gosched()
			}
			runtime.GC()
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			t.Logf("%d persons: heap alloc %d MB", n, ms.HeapAlloc>>20)
		}
		close(done)
	}()
	_, ds, err := sim.Run(context.Background(), fig, set.CaseShape(), rd, sim.Options{})
	if err != nil || ds != nil {
		t.Fatal(err, ds)
	}
	<-done
	runtime.KeepAlive(fig)
}
