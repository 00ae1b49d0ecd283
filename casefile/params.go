package casefile

import (
	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/yamldoc"
)

// LoadParams reads a params file that stands by itself — the shape of a
// case's params: block, as `polc sim --params FILE` takes it — under the
// rules of a case's params: every key a parameter of the schema, each
// value at its own position (the region's rules check the values when
// they are resolved).
func LoadParams(file string, data []byte, cat Catalog) ([]cases.Override, diag.List) {
	l := &loader{file: file, cat: cat, s: cat.CaseShape(), rules: NewRules(cat)}
	root, pds := yamldoc.Parse(file, data)
	if pds.HasErrors() {
		return nil, pds.WithStage(Stage)
	}
	var out []cases.Override
	l.params(root, nil, &out)
	if l.ds.HasErrors() {
		return nil, l.ds
	}
	return out, nil
}
