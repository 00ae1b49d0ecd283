package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/golden"
	"github.com/polc-dev/polc/policies"
	"github.com/polc-dev/polc/policy"
)

// source is a policy set or a tree of golden cases a command reads.
type source struct {
	kind string // "policies" or "golden"
	fsys fs.FS
	// prefix is how diagnostics name its files: policies/tongnan.rego.
	prefix string
	// dir is the folder on disk as the user named it, "" for the embedded
	// set; -update writes there (through cli.path).
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
func (c *cli) pickSource(kind, dir string, embedded fs.FS) (source, error) {
	if dir != "" {
		if err := c.requireFolder(dir); err != nil {
			return source{}, fmt.Errorf("%s folder %s: %w", kind, dir, err)
		}
		trimmed := strings.TrimSuffix(dir, "/")
		return source{kind: kind, fsys: os.DirFS(c.path(dir)), prefix: trimmed, dir: dir, origin: trimmed}, nil
	}
	if c.requireFolder(kind) == nil {
		return source{kind: kind, fsys: os.DirFS(c.path(kind)), prefix: kind, dir: kind, origin: "./" + kind}, nil
	}
	return source{kind: kind, fsys: embedded, prefix: kind, origin: "embedded"}, nil
}

// pickPoliciesAndGolden picks both sets a command reads (pickSource):
// the policies it settles with and the golden cases it runs or offers.
func (c *cli) pickPoliciesAndGolden(policiesDir, goldenDir string) (pol, gold source, err error) {
	if pol, err = c.pickSource("policies", policiesDir, policies.FS); err != nil {
		return pol, gold, err
	}
	gold, err = c.pickSource("golden", goldenDir, golden.FS)
	return pol, gold, err
}

func (c *cli) requireFolder(dir string) error {
	st, err := os.Stat(c.path(dir))
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
func (c *cli) compile(policies source, opts compiler.Options) (*policy.Set, error) {
	set, ds := c.compileSet(policies.fsys, policies.prefix, opts)
	if set == nil {
		diag.Write(c.stderr, diag.FormatText, ds)
		return nil, errors.New("the policies do not compile (polc check shows why)")
	}
	return set, nil
}

// caseInput is a case file as read, before it is loaded against a set.
type caseInput struct {
	data    []byte
	display string // how diagnostics name it
	err     error  // why it could not be read
}

// readCases reads case files (- is standard input) and the regions they
// name. A command settling cases compiles those regions only
// (compiler.Options.Regions): the schema and one module compile in a
// fifth of the time of all five. The list is not nil even when no case
// names a region, so that none is compiled for them.
func (c *cli) readCases(files []string) ([]caseInput, []string) {
	inputs := make([]caseInput, len(files))
	regions := []string{}
	for i, file := range files {
		// casefile.ReadFile refuses what is not a case (a device, a FIFO,
		// a file past the size limit) and names standard input.
		data, display, err := c.readCaseFile(file)
		inputs[i] = caseInput{data: data, display: display, err: err}
		if err == nil {
			regions = append(regions, casefile.Regions(data)...)
		}
	}
	return inputs, regions
}

// readCaseFile reads a case or params file the user named (- is standard
// input) as casefile.ReadFile does, from the run's folder; it returns the
// name diagnostics show, the one given.
func (c *cli) readCaseFile(name string) ([]byte, string, error) {
	data, display, err := casefile.ReadFile(c.path(name), c.stdin)
	if name != casefile.Stdin {
		display = name
	}
	return data, display, err
}
