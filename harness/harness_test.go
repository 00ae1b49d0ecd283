package harness_test

import (
	"bytes"
	"context"
	"os"
	"sync"
	"testing"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/golden"
	"github.com/polc-dev/polc/harness"
	"github.com/polc-dev/polc/policies"
)

// shipped compiles the shipped policies (with the goldens' category
// combinations) and runs every golden once for the tests that read the run.
var shipped = sync.OnceValues(func() (*shippedRun, error) {
	set, ds := compiler.Compile(policies.FS, "policies", compiler.Options{CategorySets: harness.CategorySets(golden.FS)})
	if set == nil {
		return nil, ds
	}
	r := &shippedRun{set: set}
	sum, err := harness.Collect(context.Background(), harness.Options{Set: set, Golden: golden.FS, Display: "golden"})
	r.sum = sum
	return r, err
})

type shippedRun struct {
	set *compiler.PolicySet
	sum *harness.Summary
}

func shippedCoverage(t *testing.T) (*shippedRun, []*harness.RegionCoverage) {
	t.Helper()
	r, err := shipped()
	if err != nil {
		t.Fatal(err)
	}
	rcs, err := harness.Coverage(context.Background(), r.set, r.sum)
	if err != nil {
		t.Fatal(err)
	}
	return r, rcs
}

// TestGoldens runs every worked example in golden/ against the shipped
// policies, so `go test ./...` (and CI) fails on any changed figure. Each
// case is a subtest, TestGoldens/<region>/<case>, that fails with its own
// diff; the cases are settled once, in shipped, so the coverage tests read
// the same run.
func TestGoldens(t *testing.T) {
	r, err := shipped()
	if err != nil {
		t.Fatal(err)
	}
	if len(r.sum.Outcomes) == 0 {
		t.Fatal("no golden case ran")
	}
	for _, o := range r.sum.Outcomes {
		t.Run(o.Case, func(t *testing.T) {
			for _, f := range o.Failures {
				t.Errorf("%s:\n%s", o.Name, f)
			}
		})
	}
}

// The same case renders to the same bytes every time, and so does the
// report of a run in every format.
func TestRenderingIsDeterministic(t *testing.T) {
	set, ds := compiler.Compile(policies.FS, "policies", compiler.Options{})
	if set == nil {
		t.Fatal(ds)
	}
	first := map[string][]byte{}
	for i := 0; i < 5; i++ {
		sum, err := harness.Collect(context.Background(), harness.Options{Set: set, Golden: golden.FS, Display: "golden"})
		if err != nil {
			t.Fatal(err)
		}
		for _, format := range harness.ReportFormats {
			var out bytes.Buffer
			if err := harness.WriteReport(&out, format, harness.Sets{Policies: "embedded", Golden: "embedded"}, sum, true); err != nil {
				t.Fatal(err)
			}
			if first[format] == nil {
				first[format] = out.Bytes()
			} else if !bytes.Equal(first[format], out.Bytes()) {
				t.Fatalf("two runs printed different %s reports", format)
			}
		}
	}
}

// TestClauseCoverage fails when a shipped document has a clause that is
// neither computed nor explained, cites a clause its list lacks, or has a
// computing rule no golden case reaches.
func TestClauseCoverage(t *testing.T) {
	_, rcs := shippedCoverage(t)
	for _, rc := range rcs {
		if !rc.Clean() {
			var report bytes.Buffer
			harness.WriteCoverage(&report, []*harness.RegionCoverage{rc})
			t.Errorf("clause coverage of %s is not clean:\n%s", rc.Region, report.String())
		}
	}
}

// TestReadmeCoverageIsCurrent keeps the clause coverage report in
// README.md the one the shipped policies and goldens produce.
// POLC_UPDATE_README=1 rewrites it.
func TestReadmeCoverageIsCurrent(t *testing.T) {
	_, rcs := shippedCoverage(t)
	var report bytes.Buffer
	harness.WriteCoverage(&report, rcs)
	const begin, end = "<!-- coverage:begin -->\n", "<!-- coverage:end -->"
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	i, j := bytes.Index(readme, []byte(begin)), bytes.Index(readme, []byte(end))
	if i < 0 || j < i {
		t.Fatal("README.md has no coverage markers")
	}
	want := append(append(append([]byte{}, readme[:i+len(begin)]...), report.Bytes()...), readme[j:]...)
	if bytes.Equal(want, readme) {
		return
	}
	if os.Getenv("POLC_UPDATE_README") != "" {
		if err := os.WriteFile("../README.md", want, 0o666); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Error("README.md's clause coverage report is stale: run POLC_UPDATE_README=1 go test ./harness -run Readme")
}
