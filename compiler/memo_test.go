package compiler_test

// The tests of compiler/memo, in the compiler's test binary rather than
// one of their own: a test binary that links OPA takes ≈ 3.5 s of CPU to
// link, more than these tests take to run, and the compiler's links it
// anyway.

import (
	"bytes"
	"context"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/memo"
	"github.com/polc-dev/polc/policies"
	"github.com/polc-dev/polc/policy"
)

// render is what a command prints of a compile: its diagnostics in every
// format, and which regions came out.
func render(t *testing.T, set *policy.Set, ds diag.List) string {
	t.Helper()
	var b bytes.Buffer
	for _, f := range []string{diag.FormatText, diag.FormatJSON, diag.FormatGitHub} {
		if err := diag.Write(&b, f, ds); err != nil {
			t.Fatal(err)
		}
	}
	if set != nil {
		b.WriteString("set: " + strings.Join(set.RegionIDs(), ",") + "\n")
	}
	return b.String()
}

// The memo gives what compiler.Compile gives, byte for byte, when it
// compiles and when it remembers, for a set that compiles and one that does
// not; a caller changing the diagnostics it got changes no one else's.
func TestMemoGivesWhatCompileGives(t *testing.T) {
	ctx := context.Background()
	broken := shippedCopy(t)
	broken["tongnan.rego"].Data = append(broken["tongnan.rego"].Data, "\nthis is not rego\n"...)
	cache := memo.New(4)
	for _, tc := range []struct {
		name string
		fsys fs.FS
		opts compiler.Options
	}{
		{"broken", broken, compiler.Options{SkipExhaustive: true, Regions: []string{"tongnan"}}},
		{"one region", policies.FS, compiler.Options{SkipExhaustive: true, Regions: []string{"tongnan"}}},
		{"no region", policies.FS, compiler.Options{SkipExhaustive: true, Regions: []string{}}},
	} {
		set, ds := compiler.Compile(ctx, tc.fsys, "policies", tc.opts)
		want := render(t, set, ds)
		if tc.name == "broken" && (set != nil || !strings.Contains(want, "tongnan.rego")) {
			t.Fatalf("%s: the broken copy compiled:\n%s", tc.name, want)
		}
		for i, how := range []string{"compiled", "remembered"} {
			set, ds := cache.Compile(ctx, tc.fsys, "policies", tc.opts)
			if got := render(t, set, ds); got != want {
				t.Errorf("%s, %s: the memo gives\n%s\ncompiler.Compile gives\n%s", tc.name, how, got, want)
			}
			if hits, _ := cache.Stats(); i == 1 && hits == 0 {
				t.Errorf("%s: not remembered", tc.name)
			}
			for j := range ds {
				ds[j].Message = "changed by a caller"
			}
		}
	}
}

// A key changes with anything a compile reads: a file's content or name,
// the folder's display name, each option.
func TestMemoKeyOf(t *testing.T) {
	base := shippedCopy(t)
	key := func(fsys fs.FS, display string, opts compiler.Options) memo.Key {
		t.Helper()
		k, ok := memo.KeyOf(fsys, display, opts)
		if !ok {
			t.Fatal("no key")
		}
		return k
	}
	k0 := key(base, "policies", compiler.Options{})
	if key(policies.FS, "policies", compiler.Options{}) != k0 {
		t.Error("the same files give different keys")
	}
	edited := shippedCopy(t)
	edited["tongnan.rego"].Data = append(edited["tongnan.rego"].Data, ' ')
	renamed := shippedCopy(t)
	renamed["other.rego"], renamed["tongnan.rego"] = renamed["tongnan.rego"], nil
	delete(renamed, "tongnan.rego")
	for name, k := range map[string]memo.Key{
		"a file edited":       key(edited, "policies", compiler.Options{}),
		"a file renamed":      key(renamed, "policies", compiler.Options{}),
		"another display":     key(base, "shipped", compiler.Options{}),
		"SkipExhaustive":      key(base, "policies", compiler.Options{SkipExhaustive: true}),
		"Format":              key(base, "policies", compiler.Options{Format: true}),
		"Regions empty":       key(base, "policies", compiler.Options{Regions: []string{}}),
		"Regions one":         key(base, "policies", compiler.Options{Regions: []string{"tongnan"}}),
		"CategorySets":        key(base, "policies", compiler.Options{CategorySets: map[string][][]string{"tongnan": {{"a", "b"}}}}),
		"CategorySets joined": key(base, "policies", compiler.Options{CategorySets: map[string][][]string{"tongnan": {{"ab"}}}}),
	} {
		if k == k0 {
			t.Errorf("%s: the key is unchanged", name)
		}
	}
	// Regions is a set: the order and repeats of its ids compile the same.
	one := key(base, "policies", compiler.Options{Regions: []string{"qiannan", "tongnan"}})
	if key(base, "policies", compiler.Options{Regions: []string{"tongnan", "qiannan", "tongnan"}}) != one {
		t.Error("the same regions, in another order and repeated, give another key")
	}
	big := shippedCopy(t)
	big["huge.rego"] = &fstest.MapFile{Data: make([]byte, compiler.MaxPolicyFileBytes+1)}
	if _, ok := memo.KeyOf(big, "policies", compiler.Options{}); ok {
		t.Error("a file past the limit is hashed: the compiler should refuse it")
	}
}

// Callers asking at once share one compile and one set.
func TestMemoConcurrent(t *testing.T) {
	cache := memo.New(2)
	opts := compiler.Options{SkipExhaustive: true, Regions: []string{"tongnan"}}
	sets := make([]*policy.Set, 4)
	var wg sync.WaitGroup
	for i := range sets {
		wg.Go(func() { sets[i], _ = cache.Compile(context.Background(), policies.FS, "policies", opts) })
	}
	wg.Wait()
	for i, s := range sets {
		if s == nil || s != sets[0] {
			t.Fatalf("caller %d got another set", i)
		}
	}
	if hits, misses := cache.Stats(); hits != 3 || misses != 1 {
		t.Errorf("%d hits, %d misses; want 3, 1", hits, misses)
	}
	// Past its size the least recently used is compiled again.
	for _, r := range []string{"liujiang", "qiannan", "tongnan"} {
		cache.Compile(context.Background(), policies.FS, "policies", compiler.Options{SkipExhaustive: true, Regions: []string{r}})
	}
	if _, misses := cache.Stats(); misses != 4 {
		t.Errorf("%d misses, want 4 (tongnan, the least recently used, dropped and compiled again)", misses)
	}
	// A compile that failed keeps no set, and pushes none out: qiannan and
	// tongnan (the two sets kept) are remembered past three failed
	// compiles, which are remembered too.
	broken := shippedCopy(t)
	for _, r := range []string{"liujiang", "qiannan", "tongnan"} {
		broken[r+".rego"].Data = append(slices.Clone(broken[r+".rego"].Data), "\nthis is not rego\n"...)
	}
	for range 2 {
		for _, r := range []string{"liujiang", "qiannan", "tongnan"} {
			if set, _ := cache.Compile(context.Background(), broken, "policies", compiler.Options{SkipExhaustive: true, Regions: []string{r}}); set != nil {
				t.Fatalf("the copy with %s broken compiled", r)
			}
		}
	}
	for _, r := range []string{"qiannan", "tongnan"} {
		cache.Compile(context.Background(), policies.FS, "policies", compiler.Options{SkipExhaustive: true, Regions: []string{r}})
	}
	if _, misses := cache.Stats(); misses != 7 {
		t.Errorf("%d misses, want 7 (the three failed compiles once each, the two sets remembered)", misses)
	}
}
