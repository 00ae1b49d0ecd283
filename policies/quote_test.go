package policies_test

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSourceCopiesAreTheSeeds keeps docs/sources byte-identical to the
// published seeds, where both are at hand.
func TestSourceCopiesAreTheSeeds(t *testing.T) {
	shared := filepath.Join("..", "..", "shared", "seeds")
	if !isDir(shared) {
		t.Skipf("skipped: the published seeds are not at %s", shared)
	}
	copies, err := filepath.Glob(filepath.Join("..", "docs", "sources", "*.txt"))
	if err != nil || len(copies) == 0 {
		t.Fatalf("no copies in docs/sources (%v)", err)
	}
	for _, c := range copies {
		want, err := os.ReadFile(filepath.Join(shared, filepath.Base(c)))
		if err != nil {
			t.Errorf("%s has no published seed: %v", c, err)
			continue
		}
		got, err := os.ReadFile(c)
		if err != nil || string(got) != string(want) {
			t.Errorf("%s differs from the published seed %s", c, filepath.Base(c))
		}
	}
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
