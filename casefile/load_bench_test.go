package casefile_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/compiler/yamldoc"
	"github.com/polc-dev/polc/compiler/yamldoc/yamldoctest"
	"github.com/polc-dev/polc/golden"
)

// BenchmarkLoad reads every golden case, for the loader's cost per case:
// as written (YAML, comments and all) and as JSON, the way an API client
// sends it to polc serve.
func BenchmarkLoad(b *testing.B) {
	cat := testCatalog(b)
	files := golden.Cases()
	asJSON := make([][]byte, len(files))
	for i, f := range files {
		asJSON[i] = caseJSON(b, f.Data)
	}
	b.Run("yaml", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if _, ds := casefile.Load("b.yaml", files[i%len(files)].Data, cat); ds.HasErrors() {
				b.Fatal(ds)
			}
		}
	})
	b.Run("json", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if _, ds := casefile.Load("b.json", asJSON[i%len(files)], cat); ds.HasErrors() {
				b.Fatal(ds)
			}
		}
	})
}

// caseJSON is a case file as indented JSON, keys in the file's order.
func caseJSON(b *testing.B, data []byte) []byte {
	root, ds := yamldoc.Parse("", data)
	if ds.HasErrors() {
		b.Fatal(ds)
	}
	compact, err := yamldoctest.JSON(root)
	if err != nil {
		b.Fatal(err)
	}
	var out bytes.Buffer
	if err := json.Indent(&out, compact, "", "  "); err != nil {
		b.Fatal(err)
	}
	return out.Bytes()
}
