// Package policiestest gives tests a copy of the shipped policies in
// memory, to change.
package policiestest

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/polc-dev/polc/policies"
)

// Copy is the embedded policy set as a map of its files.
func Copy(tb testing.TB) fstest.MapFS {
	tb.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(policies.FS, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(policies.FS, name)
		out[name] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// Edit replaces old by repl in a file of fsys, where old occurs exactly
// once (else the test fails: an edit that matched nothing tests nothing).
func Edit(tb testing.TB, fsys fstest.MapFS, file, old, repl string) {
	tb.Helper()
	f := fsys[file]
	if f == nil {
		tb.Fatalf("no %s in the policies", file)
	}
	if n := strings.Count(string(f.Data), old); n != 1 {
		tb.Fatalf("%q occurs %d times in %s", old, n, file)
	}
	f.Data = []byte(strings.Replace(string(f.Data), old, repl, 1))
}
