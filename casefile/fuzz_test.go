package casefile_test

import (
	"slices"
	"testing"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/golden"
)

// maxMessage bounds a diagnostic's length: every value an input puts in a
// message is quoted cut short, so no input can make one long.
const maxMessage = 1500

// FuzzLoad is the case loader alone: whatever the bytes, a case or
// diagnostics each with a position and a readable length, never a panic or
// a hang. The catalog (the schema and the regions' years) is read once,
// outside the fuzzed function, and this package's tests link neither the
// Rego engine nor CEL (TestLoaderLinksNoEvaluator) — the fuzzer scans every
// coverage counter of the binary after each input, and the engines'
// counters would be most of them. Seeded with every golden case. Every
// region the loader asks the catalog about is one casefile.Regions found:
// what a command compiles before reading its cases is then enough.
func FuzzLoad(f *testing.F) {
	cat := testCatalog(f)
	for _, g := range golden.Cases() {
		f.Add(g.Data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		asking := &asking{catalog: cat}
		_, ds := casefile.Load("fuzz.yaml", data, asking)
		if named := casefile.Regions(data); len(asking.asked) > 0 && !slices.Contains(named, asking.asked[0]) || len(asking.asked) > 1 {
			t.Fatalf("Load asked about %q; Regions found %q", asking.asked, named)
		}
		for _, d := range ds {
			if d.Pos.File != "fuzz.yaml" || d.Pos.Line == 0 {
				t.Fatalf("diagnostic without a position: %v", d)
			}
			if len(d.Message) > maxMessage {
				t.Fatalf("a message of %d bytes: %.200s…", len(d.Message), d.Message)
			}
		}
	})
}
