package harness

import (
	"io/fs"
	"sort"
	"strings"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/compiler/yamldoc"
)

// CategorySets reads the category combinations golden cases use, per
// region, so that polc check evaluates them too. The files are read as
// strictly as any case (they come in a pull request too); a case that
// cannot be read is passed over here: polc test reports it.
func CategorySets(fsys fs.FS) map[string][][]string {
	out := map[string][][]string{}
	files, err := goldenFiles(fsys)
	if err != nil {
		return out
	}
	for _, name := range files.cases {
		data, err := casefile.ReadFS(fsys, name+caseSuffix)
		if err != nil {
			continue
		}
		root, ds := yamldoc.Parse(name, data)
		if ds.HasErrors() {
			continue
		}
		var region string
		var cats []string
		for _, kv := range yamldoc.Pairs(root) {
			switch kv[0].Value {
			case "region":
				region = kv[1].Value
			case "person":
				for _, p := range yamldoc.Pairs(kv[1]) {
					if p[0].Value == "categories" {
						for _, c := range p[1].Content {
							cats = append(cats, c.Value)
						}
					}
				}
			}
		}
		if region == "" || len(cats) < 2 {
			continue
		}
		sort.Strings(cats)
		out[region] = append(out[region], cats)
	}
	for r := range out {
		sort.Slice(out[r], func(i, j int) bool { return strings.Join(out[r][i], ",") < strings.Join(out[r][j], ",") })
	}
	return out
}
