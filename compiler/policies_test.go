package compiler_test

// The shipped policies' tests that need them compiled, in the compiler's
// test binary rather than policies' own: a test binary that links OPA
// takes ≈ 3.5 s of CPU to link, and policies' other tests need none of it.
// The paths are the same from here as from policies/ (one folder down).

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/policies/policiestest"
	"github.com/polc-dev/polc/policy"
)

// shippedRead is the shipped set compiled once without the exhaustive
// stages, for the tests that read what it holds.
func shippedRead(t *testing.T) *policy.Set {
	t.Helper()
	return policiestest.Compiled(t, compiler.Options{SkipExhaustive: true})
}

// TestEntrypoints checks that each decision a shipped module defines — a
// rule the schema names under decisions, read from outside as
// data.regions.<region>.<decision> by polc and by any OPA client of a
// bundle — is an entrypoint (a document-scope METADATA with entrypoint:
// true, OPA's mark for what a bundle must keep and serve), and that no
// other rule is one: a helper is the module's own business.
func TestEntrypoints(t *testing.T) {
	set := shippedRead(t)
	for _, id := range set.RegionIDs() {
		m := set.Regions[id].Module
		as, errs := ast.BuildAnnotationSet([]*ast.Module{m})
		if len(errs) > 0 {
			t.Fatalf("%s: %v", id, errs)
		}
		entry := map[string]bool{}
		for _, a := range as.Flatten() {
			if a.Annotations.Entrypoint {
				entry[a.Path.String()] = true
			}
		}
		defined := map[string]bool{}
		for _, r := range m.Rules {
			name := r.Head.Ref()[0].String()
			if _, ok := set.Schema.Decisions[name]; ok {
				defined[fmt.Sprintf("data.%s.%s.%s", compiler.PackagePrefix, id, name)] = true
			}
		}
		for path := range defined {
			if !entry[path] {
				t.Errorf("%s: decision %s is not annotated entrypoint: true (scope: document)", id, path)
			}
		}
		for path := range entry {
			if !defined[path] {
				t.Errorf("%s: %s is an entrypoint but not a decision of the schema", id, path)
			}
		}
	}
}

// seedsDir is where the source documents are: $POLC_SEEDS; else the
// shared seeds folder beside the project's checkout, where they are
// published; else the copies in docs/sources, so that a clean checkout
// anywhere (CI) checks the quotes too.
func seedsDir() string {
	if d := os.Getenv("POLC_SEEDS"); d != "" {
		return d
	}
	if d := filepath.Join("..", "..", "shared", "seeds"); isDir(d) {
		return d
	}
	return filepath.Join("..", "docs", "sources")
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// squeeze drops every white-space character: the documents were extracted
// from PDFs and web pages, with line breaks and spaces in mid-sentence.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// minQuoted is the share of decision rules that must quote their document.
const minQuoted = 0.95

// TestQuotesInDocuments checks that every custom.quote of the shipped
// modules occurs verbatim (white space aside) in the document its module
// names as document.seed, and that nearly every decision rule quotes one.
// A misquoted or invented sentence fails.
func TestQuotesInDocuments(t *testing.T) {
	set := shippedRead(t)
	dir := seedsDir()
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("skipped: the source documents are not at %s (set POLC_SEEDS to their folder to check the quotes)", dir)
	}
	var rules, quoted int
	for _, id := range set.RegionIDs() {
		r := set.Regions[id]
		if r.Document.Seed == "" {
			t.Errorf("%s: document.seed names no source document, so its quotes cannot be checked", r.File)
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, r.Document.Seed))
		if err != nil {
			t.Errorf("%s: %v", r.File, err)
			continue
		}
		text := squeeze(string(data))
		keys := make([]string, 0, len(r.Rules))
		for k := range r.Rules {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		var unquoted []string
		for _, k := range keys {
			dr := r.Rules[k]
			rules++
			if len(dr.Quote) == 0 {
				unquoted = append(unquoted, dr.Pos+" "+dr.Decision)
				continue
			}
			quoted++
			for _, q := range dr.Quote {
				if !strings.Contains(text, squeeze(q)) {
					t.Errorf("%s: %s rule (clause %s) quotes a sentence that is not in %s: %q", dr.Pos, dr.Decision, dr.Clause, r.Document.Seed, q)
				}
			}
		}
		if len(unquoted) > 0 {
			t.Logf("%s: %d of %d decision rules carry no quote:\n  %s", id, len(unquoted), len(r.Rules), strings.Join(unquoted, "\n  "))
		}
	}
	if rules == 0 {
		t.Fatal("no decision rules found")
	}
	if share := float64(quoted) / float64(rules); share < minQuoted {
		t.Errorf("%d of %d decision rules (%.1f%%) quote their document; at least %.0f%% must", quoted, rules, 100*share, 100*minQuoted)
	} else {
		t.Logf("%d of %d decision rules (%.1f%%) quote their document", quoted, rules, 100*share)
	}
}
