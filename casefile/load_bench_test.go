package casefile_test

import (
	"io/fs"
	"testing"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/golden"
)

// BenchmarkLoad reads every golden case, for the loader's cost per case.
func BenchmarkLoad(b *testing.B) {
	cat := testCatalog(b)
	names, _ := fs.Glob(golden.FS, "*/*.yaml")
	var files [][]byte
	for _, n := range names {
		data, _ := fs.ReadFile(golden.FS, n)
		files = append(files, data)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, ds := casefile.Load("b.yaml", files[i%len(files)], cat); ds.HasErrors() {
			b.Fatal(ds)
		}
	}
}
