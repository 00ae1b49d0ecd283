package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/diag"
)

// source is a policy set or a tree of golden cases a command reads.
type source struct {
	kind string // "policies" or "golden"
	fsys fs.FS
	// prefix is how diagnostics name its files: policies/tongnan.rego.
	prefix string
	// dir is the folder on disk, "" for the embedded set; -update writes
	// there.
	dir string
	// origin is what the command says on stderr it used: ./policies,
	// embedded, or the folder as given.
	origin string
}

// pickSource chooses what a command reads: the folder given on the command
// line, else the working copy ./<kind> when the current folder has one,
// else the set embedded in polc. The working copy comes before the embedded
// set so that an author who edits ./policies is never shown a result of the
// files they did not edit.
func pickSource(kind, dir string, embedded fs.FS) (source, error) {
	if dir != "" {
		if err := requireFolder(dir); err != nil {
			return source{}, fmt.Errorf("%s folder %s: %w", kind, dir, err)
		}
		trimmed := strings.TrimSuffix(dir, "/")
		return source{kind: kind, fsys: os.DirFS(dir), prefix: trimmed, dir: dir, origin: trimmed}, nil
	}
	if requireFolder(kind) == nil {
		return source{kind: kind, fsys: os.DirFS(kind), prefix: kind, dir: kind, origin: "./" + kind}, nil
	}
	return source{kind: kind, fsys: embedded, prefix: kind, origin: "embedded"}, nil
}

func requireFolder(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return unwrapPathError(err)
	}
	if !st.IsDir() {
		return errors.New("not a folder")
	}
	return nil
}

// unwrapPathError leaves out the path a PathError repeats: the message
// names the file already.
func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// announce says on stderr which sets a command uses, before anything else
// it prints: which files a result comes from is never left unsaid.
func (c *cli) announce(sources ...source) {
	for _, s := range sources {
		fmt.Fprintf(c.stderr, "%s: %s\n", s.kind, s.origin)
	}
}

// compile compiles the policies a command settles with; when they do not
// compile it prints why.
func (c *cli) compile(policies source, opts compiler.Options) (*compiler.PolicySet, error) {
	set, ds := compiler.Compile(policies.fsys, policies.prefix, opts)
	if set == nil {
		diag.Write(c.stderr, diag.FormatText, ds)
		return nil, errors.New("the policies do not compile (polc check shows why)")
	}
	return set, nil
}
