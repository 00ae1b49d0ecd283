package policies

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"testing"
	"testing/fstest"
)

func TestDigest(t *testing.T) {
	set := func(rego string) fstest.MapFS {
		return fstest.MapFS{
			"schema.yaml":         {Data: []byte("version: 1\n")},
			"tongnan.rego":        {Data: []byte(rego)},
			"params/tongnan.yaml": {Data: []byte("region: tongnan\n")},
			"params.rego":         {Data: []byte("package regions.params\n")},
		}
	}
	d := func(fsys fstest.MapFS) string {
		t.Helper()
		s, err := digest(fsys)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	base := d(set("package regions.tongnan\n"))
	if again := d(set("package regions.tongnan\n")); again != base {
		t.Errorf("the same files digest to %s and %s", base, again)
	}
	if changed := d(set("package regions.tongnan\n# a comment\n")); changed == base {
		t.Error("a changed module leaves the digest unchanged")
	}
	renamed := set("package regions.tongnan\n")
	renamed["tongliao.rego"] = renamed["tongnan.rego"]
	delete(renamed, "tongnan.rego")
	if d(renamed) == base {
		t.Error("a renamed module leaves the digest unchanged")
	}

	// The definition, spelt out: whole paths sorted (params.rego before
	// params/…, which a walk of the folders would visit first), each as
	// path NUL content NUL.
	h := sha256.New()
	for _, f := range []struct{ path, data string }{
		{"params.rego", "package regions.params\n"},
		{"params/tongnan.yaml", "region: tongnan\n"},
		{"schema.yaml", "version: 1\n"},
		{"tongnan.rego", "package regions.tongnan\n"},
	} {
		h.Write([]byte(f.path + "\x00" + f.data + "\x00"))
	}
	if want := "sha256:" + hex.EncodeToString(h.Sum(nil)); base != want {
		t.Errorf("digest = %s, want %s", base, want)
	}
}

func TestDigestOfEmbeddedSet(t *testing.T) {
	if d := Digest(); !regexp.MustCompile(`^sha256:[0-9a-f]{64}$`).MatchString(d) {
		t.Errorf("Digest() = %q, want sha256:<64 hex digits>", d)
	}
}
