package policy_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// What evaluates a compiled set links none of the check stages: the
// imports follow the data, compiler → policy ← settle, sim and the rest.
// A test may compile a set (settle's tests do), so the packages are listed
// as built, not with their tests. The CLI, which compiles, is the control:
// it must be seen to link the compiler.
func TestRunTimeLinksNoCompiler(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list the dependencies with")
	}
	const module, compiler = "github.com/polc-dev/polc/", "github.com/polc-dev/polc/compiler"
	runTime := []string{"policy", "settle", "sim", "casegrid", "policydiff", "popgen", "harness"}
	args := []string{"list", "-f", `{{.ImportPath}} {{join .Deps " "}}`}
	for _, p := range append(runTime, "cmd/polc") {
		args = append(args, module+p)
	}
	out, err := exec.Command(gobin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	seen := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, links := strings.TrimPrefix(fields[0], module), slices.Contains(fields[1:], compiler)
		seen++
		switch {
		case pkg == "cmd/polc" && !links:
			t.Errorf("cmd/polc does not link %s: the listing is wrong", compiler)
		case pkg != "cmd/polc" && links:
			t.Errorf("%s links %s: evaluating a compiled set needs only package policy", pkg, compiler)
		}
	}
	if seen != len(runTime)+1 {
		t.Fatalf("go list gave %d packages, want %d:\n%s", seen, len(runTime)+1, out)
	}
}
