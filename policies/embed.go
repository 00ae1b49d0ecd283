// Package policies embeds the shipped policy set — the shared schema, one
// Rego module per source document and their params files — so that polc
// works on a fresh machine with no flags.
package policies

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"slices"
)

// FS holds schema.yaml, *.rego and params/*.yaml.
//
//go:embed schema.yaml *.rego params/*.yaml
var FS embed.FS

// Digest identifies the embedded policy set, as sha256:<hex>, so that
// `polc version` says which rules a binary settles with.
func Digest() string {
	d, err := digest(FS)
	if err != nil {
		// The files are compiled into the binary; reading them cannot fail.
		panic(err)
	}
	return d
}

// digest hashes every file of fsys in sorted path order, each as its path,
// a NUL byte, its content and a NUL byte: the path is hashed too, so a
// renamed region changes the digest, and the NULs keep one file's end from
// passing for the next file's start.
func digest(fsys fs.FS) (string, error) {
	var paths []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return "", err
	}
	// WalkDir's order is per folder ("params/x" before "params.rego");
	// the digest is defined over whole paths.
	slices.Sort(paths)
	h := sha256.New()
	for _, p := range paths {
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return "", err
		}
		h.Write([]byte(p))
		h.Write([]byte{0})
		h.Write(data)
		h.Write([]byte{0})
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), nil
}
