package casefile_test

import (
	"os/exec"
	"strings"
	"testing"
)

// The case loader, its tests and its fuzz target link neither evaluator:
// the fuzzer scans every coverage counter of the binary after each input,
// and CEL with its protobuf runtime made the scan most of an input's cost
// (a trivial target ran 8k inputs/s in this binary with CEL linked, 22k
// without), OPA more still.
func TestLoaderLinksNoEvaluator(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list the dependencies with")
	}
	out, err := exec.Command(gobin, "list", "-deps", "-test", "github.com/polc-dev/polc/casefile").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, banned := range []string{"cel.dev/", "google.golang.org/protobuf", "github.com/open-policy-agent/"} {
			if strings.HasPrefix(pkg, banned) {
				t.Errorf("the casefile tests link %s", pkg)
			}
		}
	}
}
