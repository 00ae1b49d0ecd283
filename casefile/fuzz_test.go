package casefile_test

import (
	"context"
	"io/fs"
	"strings"
	"testing"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/golden"
	"github.com/polc-dev/polc/settle"
)

// FuzzLoadAndSettle feeds arbitrary case files through the loader and the
// engine: whatever the input, the answer is a result or diagnostics with a
// position — never a panic, and never a result that breaks an invariant.
// Seeded with every golden case.
func FuzzLoadAndSettle(f *testing.F) {
	set := shippedSet(f)
	names, _ := fs.Glob(golden.FS, "*/*.yaml")
	for _, n := range names {
		data, _ := fs.ReadFile(golden.FS, n)
		f.Add(data)
	}
	engine := settle.New(set)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, ds := casefile.Load("fuzz.yaml", data, set)
		if ds.HasErrors() {
			for _, d := range ds {
				if d.Pos.File != "fuzz.yaml" || d.Pos.Line == 0 {
					t.Fatalf("diagnostic without a position: %v", d)
				}
			}
			return
		}
		if _, err := engine.Settle(context.Background(), &c.Case); err != nil && strings.Contains(err.Error(), "invariant broken") {
			t.Fatalf("%v\n%s", err, data)
		}
	})
}
