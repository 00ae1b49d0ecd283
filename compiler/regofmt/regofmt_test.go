package regofmt_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/polc-dev/polc/compiler/regofmt"
	"github.com/polc-dev/polc/policies"
)

// The shipped modules are as OPA's formatter writes them; formatting is
// idempotent on them.
func TestShippedModulesFormatted(t *testing.T) {
	names, err := fs.Glob(policies.FS, "*.rego")
	if err != nil || len(names) == 0 {
		t.Fatalf("no shipped modules: %v", err)
	}
	for _, name := range names {
		src, err := policies.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		out, err := regofmt.Source(name, src)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(out, src) {
			line, col := regofmt.FirstDifference(src, out)
			t.Errorf("%s:%d:%d: not formatted (polc fmt policies):\n%s", name, line, col, regofmt.Diff(name, src, out))
		}
	}
}

func TestFirstDifference(t *testing.T) {
	for _, c := range []struct {
		src, formatted string
		line, col      int
	}{
		{"package a\n\nx := 1\n", "package a\n\nx := 1\n", 4, 1},
		{"package a\nx := 1\n", "package a\n\nx := 1\n", 2, 1},
		{"package a\n\nx   := 1\n", "package a\n\nx := 1\n", 3, 3},
		// Columns count characters, as OPA's locations do: 医 is 3 bytes.
		{"package a\n\n# 医疗  救助\n", "package a\n\n# 医疗 救助\n", 3, 6},
		// Two characters sharing their first bytes (医 e5 8c bb, 匿 e5 8c bf).
		{"package a\n\n# 医\n", "package a\n\n# 匿\n", 3, 3},
		{"package a", "package a\n", 1, 10},
	} {
		line, col := regofmt.FirstDifference([]byte(c.src), []byte(c.formatted))
		if line != c.line || col != c.col {
			t.Errorf("FirstDifference(%q) = %d:%d, want %d:%d", c.src, line, col, c.line, c.col)
		}
	}
}

func TestSourceAndDiff(t *testing.T) {
	src := []byte("package regions.a\n\nx := 1 if input.a\nelse := 2\n")
	out, err := regofmt.Source("a.rego", src)
	if err != nil {
		t.Fatal(err)
	}
	if again, err := regofmt.Source("a.rego", out); err != nil || !bytes.Equal(again, out) {
		t.Fatalf("formatting is not idempotent: %q then %q (%v)", out, again, err)
	}
	d := regofmt.Diff("a.rego", src, out)
	if !strings.HasPrefix(d, "--- a.rego\n+++ a.rego (formatted)\n@@") || !strings.Contains(d, "\n+\n") {
		t.Fatalf("diff:\n%s", d)
	}
	if regofmt.Diff("a.rego", out, out) != "" {
		t.Fatal("a diff of equal texts")
	}
	// A module that does not parse gives OPA's positioned errors.
	_, err = regofmt.Source("b.rego", []byte("package regions.b\n\nx := {\n"))
	var errs ast.Errors
	if !errors.As(err, &errs) || len(errs) == 0 || errs[0].Location == nil || errs[0].Location.Row == 0 {
		t.Fatalf("parse error = %#v", err)
	}
}

// A module whose every line changes gives a diff cut to MaxDiffLines
// lines, each cut to MaxLineChars characters.
func TestDiffIsBounded(t *testing.T) {
	var src bytes.Buffer
	src.WriteString("package regions.a\n\n")
	for i := range 500 {
		fmt.Fprintf(&src, "x%d   :=   %q\n\n", i, strings.Repeat("医", 300))
	}
	out, err := regofmt.Source("a.rego", src.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	d := regofmt.Diff("a.rego", src.Bytes(), out)
	lines := strings.Split(d, "\n")
	if len(lines) != regofmt.MaxDiffLines+1 || !strings.HasSuffix(lines[len(lines)-1], "more lines)") {
		t.Fatalf("%d lines, last %q", len(lines), lines[len(lines)-1])
	}
	for _, l := range lines {
		if n := len([]rune(l)); n > regofmt.MaxLineChars+30 {
			t.Fatalf("a line of %d characters", n)
		}
	}
}
