// Package golden embeds the worked examples: golden/<region>/<name>.yaml,
// each a case from a document with its hand arithmetic, and the reviewed
// outputs <name>.golden.json and <name>.golden.md that `polc test` compares
// against.
package golden

import (
	"embed"
	"io/fs"
)

// FS holds <region>/*.yaml and their goldens.
//
//go:embed */*.yaml */*.golden.json */*.golden.md
var FS embed.FS

// Case is one embedded case file: its name under FS and its text.
type Case struct {
	Name string
	Data []byte
}

// Cases lists every embedded case file in name order, for the tests,
// benchmarks and fuzz targets that start from the worked examples.
func Cases() []Case {
	names, _ := fs.Glob(FS, "*/*.yaml")
	out := make([]Case, 0, len(names))
	for _, n := range names {
		data, _ := fs.ReadFile(FS, n)
		out = append(out, Case{Name: n, Data: data})
	}
	return out
}
