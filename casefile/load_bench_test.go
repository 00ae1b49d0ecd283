package casefile_test

import (
	"testing"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/golden"
)

// BenchmarkLoad reads every golden case, for the loader's cost per case.
func BenchmarkLoad(b *testing.B) {
	cat := testCatalog(b)
	files := golden.Cases()
	for i := 0; b.Loop(); i++ {
		if _, ds := casefile.Load("b.yaml", files[i%len(files)].Data, cat); ds.HasErrors() {
			b.Fatal(ds)
		}
	}
}
