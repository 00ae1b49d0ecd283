package casefile_test

import (
	"slices"
	"testing"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/golden"
)

// A command compiles only the regions casefile.Regions finds before it
// reads its cases, so the loader must never ask about another: not for a
// golden case, and not for the odd ones below: a region given twice (a
// YAML error), as a list, as null, quoted, as a number, nested where it is
// no region, in a file that does not parse.
func TestRegionsCoverWhatLoadAsks(t *testing.T) {
	cat := testCatalog(t)
	inputs := map[string][]byte{
		"twice":     []byte("region: tongnan\nregion: liujiang\nyear: 2024\n"),
		"list":      []byte("region: [tongnan]\nyear: 2024\n"),
		"null":      []byte("region: ~\nyear: 2024\n"),
		"quoted":    []byte("region: \"tongnan\"\nyear: 2023\n"),
		"number":    []byte("region: 12\nyear: 2023\n"),
		"unknown":   []byte("region: tongan\nyear: 2023\n"),
		"nested":    []byte("person: {region: tongnan}\n"),
		"broken":    []byte("region: tongnan\n  year: [\n"),
		"not a map": []byte("- region: tongnan\n"),
		"empty":     nil,
	}
	for _, g := range golden.Cases() {
		inputs[g.Name] = g.Data
	}
	for name, data := range inputs {
		a := &asking{catalog: cat}
		casefile.Load(name, data, a)
		named := casefile.Regions(data)
		for _, id := range a.asked {
			if !slices.Contains(named, id) {
				t.Errorf("%s: Load asked about %q, Regions found %q", name, id, named)
			}
		}
	}
	if got := casefile.Regions(inputs["quoted"]); !slices.Equal(got, []string{"tongnan"}) {
		t.Errorf("Regions = %q, want [tongnan]", got)
	}
}
