package harness_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/golden"
	"github.com/polc-dev/polc/harness"
	"github.com/polc-dev/polc/policies"
)

// TestGolden runs every worked example in golden/ against the shipped
// policies, so `go test ./...` (and CI) fails on any changed figure.
func TestGolden(t *testing.T) {
	set, ds := compiler.Compile(policies.FS, "policies", compiler.Options{CategorySets: harness.CategorySets(golden.FS)})
	if set == nil {
		t.Fatalf("policies do not compile:\n%v", ds)
	}
	var out bytes.Buffer
	sum, err := harness.Run(context.Background(), harness.Options{Set: set, Golden: golden.FS, Display: "golden"}, &out)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed > 0 || sum.Passed == 0 {
		t.Fatalf("golden cases:\n%s", out.String())
	}
	t.Logf("%d golden cases passed", sum.Passed)
}

// The same case renders to the same bytes every time.
func TestRenderingIsDeterministic(t *testing.T) {
	set, ds := compiler.Compile(policies.FS, "policies", compiler.Options{})
	if set == nil {
		t.Fatal(ds)
	}
	var first []byte
	for i := 0; i < 5; i++ {
		var out bytes.Buffer
		if _, err := harness.Run(context.Background(), harness.Options{Set: set, Golden: golden.FS, Display: "golden", Verbose: true}, &out); err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = out.Bytes()
		} else if !bytes.Equal(first, out.Bytes()) {
			t.Fatal("two runs printed different reports")
		}
	}
}
