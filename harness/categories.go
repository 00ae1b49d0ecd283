package harness

import (
	"io/fs"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// CategorySets reads the category combinations golden cases use, per
// region, so that polc check evaluates them too. A case it cannot read is
// passed over here: polc test reports it.
func CategorySets(fsys fs.FS) map[string][][]string {
	out := map[string][][]string{}
	files, err := goldenFiles(fsys)
	if err != nil {
		return out
	}
	for _, name := range files.cases {
		data, err := fs.ReadFile(fsys, name+caseSuffix)
		if err != nil {
			continue
		}
		var c struct {
			Region string `yaml:"region"`
			Person struct {
				Categories []string `yaml:"categories"`
			} `yaml:"person"`
		}
		if yaml.Unmarshal(data, &c) != nil || len(c.Person.Categories) < 2 {
			continue
		}
		cats := append([]string{}, c.Person.Categories...)
		sort.Strings(cats)
		out[c.Region] = append(out[c.Region], cats)
	}
	for r := range out {
		sort.Slice(out[r], func(i, j int) bool { return strings.Join(out[r][i], ",") < strings.Join(out[r][j], ",") })
	}
	return out
}
