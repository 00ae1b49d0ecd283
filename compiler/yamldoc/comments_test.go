package yamldoc

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// commentSeeds open with comments yaml.v3 reads as comments, and with
// lines that only look like them.
var commentSeeds = []string{
	"# a\nregion: x\n", "# a\r\nregion: x\r\n", "  # indented\n\n   \n# b\na: 1 # trailing\n",
	"# only a comment", "#\n#\n", "", "\n\n# c\n", "# c\n# d", "#",
	"# a\rb: 1\n", "# a\u2028b: 1\n", "# a\u2029b: 1\n", "# a\u0085b: 1\n", "\t# tab\na: 1\n", "# c\n\ta: 1\n",
	"# bad \x01 control\na: 1\n", "# bad \xff\na: 1\n", "# del \x7f\na: 1\n", "# \ufeff\na: 1\n", "# \ufffe\na: 1\n", "# \u00a0 \U0001F600 中文\na: 1\n",
	"\ufeff# after a byte order mark\na: 1\n", "# c\n---\na: 1\n", "# c\n%YAML 1.2\n---\na: 1\n", "# c\n- a\n- b\n",
	"# c\n|\n  # not a comment\n", "# c\na: |\n  # text\n", "# c\na: &x 1\nb: *x\n", "# c\na: 1\na: 2\n", "# c\na: [1,\n", "# c\n{\"a\": 1}",
}

// Parse reads a document whose opening comments it blanked as yaml.v3
// reads the whole text: the same nodes at the same lines and columns
// (comments aside: polc reads none) and the same diagnostics — on the
// seeds, on every golden case, params file and schema.
func TestLeadingComments(t *testing.T) {
	for _, s := range commentSeeds {
		sameWithoutComments(t, []byte(s))
	}
	files, _ := filepath.Glob("../../golden/*/*.yaml")
	more, _ := filepath.Glob("../../policies/*/*.yaml")
	more2, _ := filepath.Glob("../../policies/*.yaml")
	files = append(append(files, more...), more2...)
	if len(files) < 50 {
		t.Fatalf("only %d YAML files", len(files))
	}
	blanked := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sameWithoutComments(t, data)
		if !bytes.Equal(blankLeadingComments(data), data) {
			blanked++
		}
	}
	// The golden cases open with their hand arithmetic.
	if blanked < 50 {
		t.Errorf("only %d of %d files had opening comments blanked", blanked, len(files))
	}
	typical, _ := os.ReadFile("../../golden/tongnan/critical-tilted-dibao.yaml")
	if b := blankLeadingComments(typical); !bytes.HasPrefix(b, bytes.Repeat([]byte("\n"), 13)) || len(b) > len(typical)-1000 {
		t.Errorf("the typical case's comments were not blanked:\n%s", b)
	}
}

// FuzzLeadingComments: blanking the opening comments changes nothing
// yaml.v3 reads.
//
//	go test ./compiler/yamldoc -run '^$' -fuzz FuzzLeadingComments -fuzztime 5m
func FuzzLeadingComments(f *testing.F) {
	for _, s := range commentSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sameWithoutComments(t, data)
	})
}

func sameWithoutComments(t *testing.T, data []byte) {
	t.Helper()
	got, gotDs := Parse("t.yaml", data)
	want, wantDs := decodeYAML("t.yaml", data)
	if gotDs.Error() != wantDs.Error() {
		t.Fatalf("%q:\nParse gives  %v\nyaml.v3 gives %v", data, gotDs, wantDs)
	}
	if d := nodeDiffIn(got, want, "$", false); d != "" {
		t.Fatalf("%q: Parse and yaml.v3 differ at %s", data, d)
	}
}
