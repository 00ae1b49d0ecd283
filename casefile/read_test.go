package casefile_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/polc-dev/polc/casefile"
)

// What is not a case file is refused before it is read: a device would
// never end, a named pipe could block for ever, a file past the size limit
// would take the memory.
func TestReadFileRefuses(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte(strings.Repeat("#", casefile.MaxCaseBytes+1)), 0o666); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o666); err != nil {
		t.Skip("no named pipes here:", err)
	}
	for name, want := range map[string]string{
		"/dev/zero":                        "not a regular file (a device)",
		dir:                                "not a regular file (a folder)",
		fifo:                               "not a regular file (a named pipe)",
		big:                                fmt.Sprintf("more than %d bytes, the most a case file may hold", casefile.MaxCaseBytes),
		filepath.Join(dir, "nowhere.yaml"): "no such file or directory",
	} {
		if _, _, err := casefile.ReadFile(name, nil); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ReadFile(%s) = %v, want %q", name, err, want)
		}
	}
}

// Standard input has no size to look at: it is read up to the limit and
// refused past it.
func TestReadStdin(t *testing.T) {
	data, name, err := casefile.ReadFile("-", strings.NewReader("region: tongnan\n"))
	if err != nil || name != "<stdin>" || string(data) != "region: tongnan\n" {
		t.Fatalf("got %q, %q, %v", data, name, err)
	}
	_, _, err = casefile.ReadFile("-", strings.NewReader(strings.Repeat("#", casefile.MaxCaseBytes+10)))
	if err == nil || !strings.Contains(err.Error(), "the most a case file may hold") {
		t.Fatalf("err = %v", err)
	}
}

// A case may hold MaxClaims claims; one more is refused at the list, before
// any claim is read.
func TestTooManyClaims(t *testing.T) {
	cat := testCatalog(t)
	var b strings.Builder
	b.WriteString("region: tongnan\nyear: 2023\nperson: {categories: [dibao], age: 40, residence: rural}\nenrollment: {tier: 1}\nclaims:\n")
	for i := 0; i <= casefile.MaxClaims; i++ {
		fmt.Fprintf(&b, "  - {id: c%d, date: 2023-03-01, kind: outpatient, hospital_level: 1, referred: true, total: 1, out_of_catalog: 0}\n", i)
	}
	_, ds := casefile.Load("many.yaml", []byte(b.String()), cat)
	want := fmt.Sprintf("many.yaml:6:3: error: claims: %d claims, more than the %d a case may hold", casefile.MaxClaims+1, casefile.MaxClaims)
	if !strings.Contains(ds.Error(), want) {
		t.Fatalf("got %v", ds)
	}
}
