package population

import (
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/compiler/schema/shape"
	"github.com/polc-dev/polc/policies"
)

// catalog is what the reader is read against in these tests: the shipped
// schema's shape and the regions' years written out, as casefile's tests
// do, so that this package's tests (and its fuzz targets) link neither
// the Rego engine nor CEL. The sim package's tests read generated
// populations against the compiled set itself.
type catalog struct{ shape *shape.Shape }

func (c *catalog) CaseShape() *shape.Shape { return c.shape }

func (c *catalog) RegionIDs() []string {
	return []string{"guangdong", "liujiang", "qiannan", "tongliao", "tongnan"}
}

func (c *catalog) RegionYears(id string) (string, []int, bool) {
	years := map[string][]int{
		"guangdong": {2021, 2022, 2023, 2024, 2025},
		"liujiang":  {2023, 2024, 2025},
		"qiannan":   {2019, 2020},
		"tongliao":  {2023, 2024, 2025},
		"tongnan":   {2022, 2023, 2024, 2025},
	}
	y, ok := years[id]
	return id + "'s document", y, ok
}

var shippedCatalog = sync.OnceValues(func() (*catalog, error) {
	data, err := policies.FS.ReadFile("schema.yaml")
	if err != nil {
		return nil, err
	}
	s, ds := shape.Parse("policies/schema.yaml", data)
	if len(ds) > 0 {
		return nil, ds
	}
	return &catalog{shape: s}, nil
})

// ShippedCatalogForTest is the catalog, for this package's external tests.
func ShippedCatalogForTest(tb testing.TB) casefile.Catalog {
	tb.Helper()
	c, err := shippedCatalog()
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// The reader, like the case loader, links neither evaluator: its fuzz
// targets scan every coverage counter of the binary after each input.
func TestReaderLinksNoEvaluator(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list the dependencies with")
	}
	out, err := exec.Command(gobin, "list", "-deps", "-test", "github.com/polc-dev/polc/population").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, banned := range []string{"cel.dev/", "google.golang.org/protobuf", "github.com/open-policy-agent/"} {
			if strings.HasPrefix(pkg, banned) {
				t.Errorf("the population tests link %s", pkg)
			}
		}
	}
}
