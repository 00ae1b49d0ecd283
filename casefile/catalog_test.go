package casefile_test

import (
	"sync"
	"testing"

	"github.com/polc-dev/polc/compiler/schema/shape"
	"github.com/polc-dev/polc/policies"
)

// catalog is what the loader is read against in these tests: the shipped
// schema's shape (its CEL rules uncompiled: this package's tests link no
// CEL, so the fuzzer's coverage scan stays small) and the five regions with their documents' years. The years are
// written out here, not compiled from the modules, so that this package's
// tests stay apart from the Rego engine; the loader's checks of a year are
// exercised against them, and settle's tests load every golden case against
// the compiled set itself.
type catalog struct {
	shape   *shape.Shape
	regions map[string]region
}

type region struct {
	document string
	years    []int
}

func (c *catalog) CaseShape() *shape.Shape { return c.shape }

func (c *catalog) RegionIDs() []string {
	return []string{"guangdong", "liujiang", "qiannan", "tongliao", "tongnan"}
}

func (c *catalog) RegionYears(id string) (string, []int, bool) {
	r, ok := c.regions[id]
	return r.document, r.years, ok
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
	return &catalog{shape: s, regions: map[string]region{
		"guangdong": {"广东省巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略实施方案", []int{2021, 2022, 2023, 2024, 2025}},
		"liujiang":  {"柳江区实施方案（2023年修订）", []int{2023, 2024, 2025}},
		"qiannan":   {"黔南医保发〔2019〕36号", []int{2019, 2020}},
		"tongliao":  {"通政办字〔2022〕143号", []int{2023, 2024, 2025}},
		"tongnan":   {"潼医保发〔2021〕26号", []int{2022, 2023, 2024, 2025}},
	}}, nil
})

func testCatalog(tb testing.TB) *catalog {
	tb.Helper()
	c, err := shippedCatalog()
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// asking is a catalog that records the regions a load asks about.
type asking struct {
	*catalog
	asked []string
}

func (a *asking) RegionYears(id string) (string, []int, bool) {
	a.asked = append(a.asked, id)
	return a.catalog.RegionYears(id)
}
