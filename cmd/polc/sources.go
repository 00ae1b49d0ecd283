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
	fsys fs.FS
	// prefix is how diagnostics name its files: policies/tongnan.rego.
	prefix string
	// dir is the folder on disk, "" for the embedded set; -update writes
	// there.
	dir string
}

// pickSource chooses what a command reads: the folder given on the command
// line, else the set embedded in polc.
func pickSource(kind, dir string, embedded fs.FS) (source, error) {
	if dir != "" {
		if err := requireFolder(dir); err != nil {
			return source{}, fmt.Errorf("%s folder %s: %w", kind, dir, err)
		}
		return source{fsys: os.DirFS(dir), prefix: strings.TrimSuffix(dir, "/"), dir: dir}, nil
	}
	return source{fsys: embedded, prefix: kind}, nil
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

// compile compiles the policies a command settles with; when they do not
// compile it prints why.
func (c *cli) compile(policies source) (*compiler.PolicySet, error) {
	set, ds := compiler.Compile(policies.fsys, policies.prefix, compiler.Options{})
	if set == nil {
		diag.Write(c.stderr, diag.FormatText, ds)
		return nil, errors.New("the policies do not compile (polc check shows why)")
	}
	return set, nil
}
