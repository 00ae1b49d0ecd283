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
	"github.com/polc-dev/polc/policy"
)

// shipped compiles the shipped policies (with the goldens' category
// combinations) and runs every golden once for the tests that read the run.
var shipped = sync.OnceValues(func() (*shippedRun, error) {
	set, ds := compiler.Compile(context.Background(), policies.FS, "policies", compiler.Options{CategorySets: harness.CategorySets(golden.FS)})
	if set == nil {
		return nil, ds
	}
	r := &shippedRun{set: set}
	sum, err := harness.Collect(context.Background(), harness.Options{Set: set, Golden: golden.FS, Display: "golden"})
	r.sum = sum
	return r, err
})

type shippedRun struct {
	set *policy.Set
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
	r, err := shipped()
	if err != nil {
		t.Fatal(err)
	}
	set := r.set
	first := map[string][]byte{}
	for i := 0; i < 3; i++ {
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

// TestGeneratedDocsAreCurrent keeps the reports generated from the shipped
// policies and goldens current: the regions table in README.md (counts
// derived, not kept by hand) and the clause coverage report in
// docs/coverage.md. POLC_UPDATE_README=1 rewrites them.
func TestGeneratedDocsAreCurrent(t *testing.T) {
	_, rcs := shippedCoverage(t)
	var summary, report bytes.Buffer
	harness.WriteSummary(&summary, rcs)
	harness.WriteCoverage(&report, rcs)
	for _, g := range []struct {
		file, begin, end string
		text             []byte
	}{
		{"../README.md", "<!-- regions:begin -->\n", "<!-- regions:end -->", summary.Bytes()},
		{"../docs/coverage.md", "<!-- coverage:begin -->\n", "<!-- coverage:end -->", report.Bytes()},
	} {
		data, err := os.ReadFile(g.file)
		if err != nil {
			t.Fatal(err)
		}
		i, j := bytes.Index(data, []byte(g.begin)), bytes.Index(data, []byte(g.end))
		if i < 0 || j < i {
			t.Fatalf("%s has no %q … %q markers", g.file, g.begin, g.end)
		}
		want := append(append(append([]byte{}, data[:i+len(g.begin)]...), g.text...), data[j:]...)
		if bytes.Equal(want, data) {
			continue
		}
		if os.Getenv("POLC_UPDATE_README") != "" {
			if err := os.WriteFile(g.file, want, 0o666); err != nil {
				t.Fatal(err)
			}
			continue
		}
		t.Errorf("%s is stale: run POLC_UPDATE_README=1 go test ./harness -run GeneratedDocs", g.file)
	}
}
