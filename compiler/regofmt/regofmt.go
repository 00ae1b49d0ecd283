// Package regofmt formats region modules the way `opa fmt` does — with
// OPA's own format package, for Rego v1 — and says where a module first
// differs from its formatted text. `polc check` (the compiler's format
// stage) and `polc fmt` share it, so the gate and the fix never disagree.
package regofmt

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
	"github.com/rogpeppe/go-internal/diff"

	"github.com/polc-dev/polc/compiler/diag"
)

// capabilities are the ones `opa fmt` formats with when given none: this
// OPA version's, for Rego v1. Built once: the table is large.
var capabilities = sync.OnceValue(func() *ast.Capabilities {
	return ast.CapabilitiesForThisVersion(ast.CapabilitiesRegoVersion(ast.RegoV1))
})

// Source formats a module's text exactly as `opa fmt` (of the OPA version
// in go.mod, with its default options) writes it. A module that does not
// parse gives OPA's errors (ast.Errors, with their positions). The
// formatter is OPA's code run on a hostile file: a panic in it is returned
// as an error, never passed on.
func Source(name string, src []byte) (out []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, fmt.Errorf("OPA's formatter failed on this module: %v", p)
		}
	}()
	return format.SourceWithOpts(name, src, format.Opts{
		RegoVersion:   ast.RegoV1,
		ParserOptions: &ast.ParserOptions{RegoVersion: ast.RegoV1},
		Capabilities:  capabilities(),
	})
}

// FirstDifference is where src first differs from formatted: a 1-based
// line and column of src, the column counted in characters as OPA counts
// a Location's. Where src is a prefix of formatted (a missing final
// newline, say), it is the end of src.
func FirstDifference(src, formatted []byte) (line, col int) {
	n := 0
	for n < len(src) && n < len(formatted) && src[n] == formatted[n] {
		n++
	}
	// Back to the start of the character the difference is in: two
	// characters may share their first bytes.
	for n > 0 && n < len(src) && !utf8.RuneStart(src[n]) {
		n--
	}
	start := bytes.LastIndexByte(src[:n], '\n') + 1
	return 1 + bytes.Count(src[:n], []byte("\n")), 1 + utf8.RuneCount(src[start:n])
}

// MaxDiffLines bounds the diff Diff gives, and MaxLineChars each of its
// lines: an unformatted megabyte module must not flood a terminal or a CI
// log; `polc fmt` shows the whole change by making it.
const (
	MaxDiffLines = 40
	MaxLineChars = 200
)

// Diff is the unified diff from src to formatted (go-internal's anchored
// diff, as testscript prints), without its "diff a b" line, cut to
// MaxDiffLines lines of MaxLineChars characters; "" when they are equal.
func Diff(name string, src, formatted []byte) string {
	d := diff.Diff(name, src, name+" (formatted)", formatted)
	if d == nil {
		return ""
	}
	lines := strings.Split(strings.TrimSuffix(string(d), "\n"), "\n")
	if len(lines) > 0 && strings.HasPrefix(lines[0], "diff ") {
		lines = lines[1:]
	}
	more := 0
	if len(lines) > MaxDiffLines {
		more = len(lines) - MaxDiffLines
		lines = lines[:MaxDiffLines]
	}
	for i, l := range lines {
		lines[i] = diag.CutAt(l, MaxLineChars)
	}
	if more > 0 {
		lines = append(lines, fmt.Sprintf("… (%d more lines)", more))
	}
	return strings.Join(lines, "\n")
}
