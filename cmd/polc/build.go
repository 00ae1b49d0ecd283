package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/polc-dev/polc/bundle"
	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/policies"
)

type buildFlags struct {
	policies, output, revision string
}

func (c *cli) buildCommand() *cobra.Command {
	var f buildFlags
	cmd := &cobra.Command{
		Use:   "build [DIR] -o bundle.tar.gz",
		Short: "write the policies as an OPA bundle that stock OPA serves, every decision with its clause",
		Long: `Build checks the policies in DIR (or --policies DIR, ./policies, the
embedded set) as polc check does, and writes them as an OPA bundle:
the region modules, formatted, each decision rule yielding its clause
("clause": "二(二)3") and each decision an entrypoint; the params files
as data.params.<region> and the schema as data.polc.schema; a manifest
with the roots and a revision (a digest of the content unless --revision
is given). The same policies give the same bytes.

Serve it with an unmodified OPA of the version polc is built with:
  opa run --server --bundle bundle.tar.gz
and query POST /v1/data/regions/<region>/<decision> with an input that
polc input prints.`,
		Args: atMost(1),
		RunE: func(_ *cobra.Command, args []string) error { return c.runBuild(f, args) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.policies, "policies", "", "policies folder `DIR` (default ./policies if present, else the embedded set)")
	fl.StringVarP(&f.output, "output", "o", "bundle.tar.gz", "write the bundle to `FILE` (- for standard output)")
	fl.StringVar(&f.revision, "revision", "", "the manifest's revision (default sha256:<digest of the bundle's content>)")
	return cmd
}

func (c *cli) runBuild(f buildFlags, args []string) error {
	dir := f.policies
	if len(args) == 1 {
		if dir != "" {
			return usagef("the policies folder is given twice: --policies %s and %s", dir, args[0])
		}
		dir = args[0]
	}
	if f.output == "" {
		return usagef("no output FILE: give -o bundle.tar.gz")
	}
	pol, err := c.pickSource("policies", dir, policies.FS)
	if err != nil {
		return err
	}
	c.announce(pol)
	// A bundle goes to servers that settle whatever they are asked: only
	// policies that pass the whole check, every context evaluated, go in.
	set, err := c.compile(pol, compiler.Options{})
	if err != nil {
		return err
	}
	b, err := bundle.Build(set, pol.fsys, bundle.Options{Revision: f.revision})
	if err != nil {
		return err
	}
	data, err := bundle.Bytes(b)
	if err != nil {
		return err
	}
	if f.output == "-" {
		_, err = c.stdout.Write(data)
		return err
	}
	if err := writeFileAtomic(c.path(f.output), data); err != nil {
		return err
	}
	fmt.Fprintf(c.stderr, "wrote %s: %d region modules, revision %s\n", f.output, len(b.Modules), b.Manifest.Revision)
	return nil
}

// writeFileAtomic writes a file whole or not at all: a server watching
// the path never reads half a bundle.
func writeFileAtomic(name string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
