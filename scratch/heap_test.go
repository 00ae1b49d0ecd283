package scratch

import (
	"context"
	"os"
	"runtime"
	"runtime/pprof"
	"testing"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/policies"
	"github.com/polc-dev/polc/population"
	"github.com/polc-dev/polc/sim"
)

func TestHeap(t *testing.T) {
	set, _ := compiler.Compile(policies.FS, "policies", compiler.Options{SkipExhaustive: true})
	pf, _ := os.Open("/tmp/big/tongnan/persons.csv")
	cf, _ := os.Open("/tmp/big/tongnan/claims.csv")
	rd := population.NewReader(pf, "p", cf, "c", set)
	fig := sim.Engine(set, nil)
	go func() {
		for _, n := range []string{"a", "b"} {
			for rd.PersonsRead() < map[string]int64{"a": 150000, "b": 300000}[n] {
				runtime.Gosched()
			}
			runtime.GC()
			f, _ := os.Create("/tmp/heap-" + n + ".prof")
			pprof.WriteHeapProfile(f)
			f.Close()
		}
	}()
	_, ds, err := sim.Run(context.Background(), fig, set.CaseShape(), rd, sim.Options{})
	if err != nil || ds != nil {
		t.Fatal(err, ds)
	}
	runtime.GC()
	f, _ := os.Create("/tmp/heap.prof")
	pprof.WriteHeapProfile(f)
	f.Close()
	runtime.KeepAlive(fig)
}
