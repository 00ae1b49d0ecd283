package policies_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/policies"
)

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
	set, diags := compiler.Compile(context.Background(), policies.FS, "policies", compiler.Options{SkipExhaustive: true})
	if set == nil {
		t.Fatalf("the shipped set does not compile:\n%s", diags)
	}
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
