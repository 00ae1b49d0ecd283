package settle_test

import (
	"context"
	"strings"
	"testing"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/golden"
	"github.com/polc-dev/polc/harness"
	"github.com/polc-dev/polc/settle"
)

// maxMessage bounds a diagnostic's length: every value an input puts in a
// message is quoted cut short, so no input can make one long.
const maxMessage = 1500

// FuzzLoadAndSettle feeds arbitrary case files through the loader and the
// engine: whatever the input, the answer is a result or diagnostics with a
// position and a readable length — never a panic, a hang, or a result that
// breaks an invariant. The policy set is compiled once, outside the fuzzed
// function; seeded with every golden case. (casefile's FuzzLoad is the
// loader alone, in a test binary without the Rego engine, and so faster.)
func FuzzLoadAndSettle(f *testing.F) {
	set := shippedSet(f)
	for _, g := range golden.Cases() {
		f.Add(g.Data)
	}
	engine := settle.New(set)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, ds := casefile.Load("fuzz.yaml", data, set)
		if ds.HasErrors() {
			for _, d := range ds {
				if d.Pos.File != "fuzz.yaml" || d.Pos.Line == 0 {
					t.Fatalf("diagnostic without a position: %v", d)
				}
				if len(d.Message) > maxMessage {
					t.Fatalf("a message of %d bytes: %.200s…", len(d.Message), d.Message)
				}
			}
			return
		}
		_, err := engine.Settle(context.Background(), &c.Case)
		if err == nil {
			return
		}
		if strings.Contains(err.Error(), "invariant broken") {
			t.Fatalf("%v\n%s", err, data)
		}
		for _, d := range harness.AsDiagnostics(err) {
			if d.Pos.File == "" {
				t.Fatalf("settlement error without a position: %v", d)
			}
			if len(d.Message) > maxMessage {
				t.Fatalf("a message of %d bytes: %.200s…", len(d.Message), d.Message)
			}
		}
	})
}
