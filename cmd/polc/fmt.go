package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/spf13/cobra"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/regofmt"
	"github.com/polc-dev/polc/compiler/untrusted"
)

// stageFmt names the diagnostics polc fmt prints itself.
const stageFmt = "fmt"

func (c *cli) fmtCommand() *cobra.Command {
	var check bool
	cmd := &cobra.Command{
		Use:   "fmt [DIR|FILE…]",
		Short: "format region modules in place as opa fmt does (--check: list those that differ)",
		Long: `Fmt rewrites Rego modules as OPA's formatter (opa fmt, of the OPA version polc
is built with) writes them, and prints the name of each file it changed.
A DIR stands for its *.rego files, the region modules polc check reads;
with no argument, ./policies. The embedded set cannot be written.

--check writes nothing: it lists the files that would change and exits 1
when there is one (for CI; polc check reports the same files with a diff).
A file that does not parse is reported at its line and left as it is.`,
		RunE: func(_ *cobra.Command, args []string) error { return c.runFmt(args, check) },
	}
	cmd.Flags().BoolVar(&check, "check", false, "write nothing; list the files that would change and exit 1 if any")
	return cmd
}

func (c *cli) runFmt(args []string, check bool) error {
	if len(args) == 0 {
		if c.requireFolder("policies") != nil {
			return usagef("no ./policies folder here: name the folder or files to format (the embedded set cannot be written)")
		}
		fmt.Fprintln(c.stderr, "policies: ./policies")
		args = []string{"policies"}
	}
	var ds diag.List
	var files []string
	for _, arg := range args {
		fs, err := c.fmtTargets(arg)
		if err != nil {
			ds.Errorf(stageFmt, diag.Position{File: arg}, "%v", err)
			continue
		}
		files = append(files, fs...)
	}
	changed := 0
	for _, name := range files {
		src, err := untrusted.ReadFile(c.path(name), compiler.MaxPolicyFileBytes)
		if err != nil {
			ds.Errorf(stageFmt, diag.Position{File: name}, "cannot read: %v", err)
			continue
		}
		out, err := regofmt.Source(name, src)
		if err != nil {
			ds = append(ds, fmtErrors(name, err)...)
			continue
		}
		if bytes.Equal(out, src) {
			continue
		}
		if !check {
			if err := writeInPlace(c.path(name), out); err != nil {
				ds.Errorf(stageFmt, diag.Position{File: name}, "cannot write: %v", err)
				continue
			}
		}
		changed++
		fmt.Fprintln(c.stdout, name)
	}
	if len(ds) > 0 {
		ds.Sort()
		if err := diag.Write(c.stderr, diag.FormatText, ds); err != nil {
			return err
		}
		return fmt.Errorf("%d error%s", len(ds), plural(len(ds)))
	}
	if check && changed > 0 {
		return fmt.Errorf("%d file%s not formatted (polc fmt rewrites them)", changed, plural(changed))
	}
	return nil
}

// fmtTargets is what an argument stands for (named as given; opened from
// the run's folder): a folder's *.rego files (the
// entries polc check reads: regular files only, a link or a device is
// refused as the compiler refuses it), or a file named on its own.
func (c *cli) fmtTargets(arg string) ([]string, error) {
	st, err := os.Stat(c.path(arg))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if !st.IsDir() {
		return []string{arg}, nil
	}
	entries, err := os.ReadDir(c.path(arg))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	var out []string
	var refused []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".rego") {
			continue
		}
		if !e.Type().IsRegular() {
			refused = append(refused, fmt.Sprintf("%s is %s", e.Name(), untrusted.Kind(e.Type())))
			continue
		}
		out = append(out, filepath.Join(arg, e.Name()))
	}
	if len(refused) > 0 {
		return nil, fmt.Errorf("a policies folder holds only regular files: %s", strings.Join(refused, ", "))
	}
	if len(out) == 0 {
		return nil, errors.New("no region modules (*.rego) in this folder")
	}
	slices.Sort(out)
	return out, nil
}

// fmtErrors are OPA's errors for a module it cannot format (it does not
// parse), at their positions.
func fmtErrors(name string, err error) diag.List {
	var ds diag.List
	var errs ast.Errors
	if !errors.As(err, &errs) {
		ds.Errorf(stageFmt, diag.Position{File: name}, "%v", err)
		return ds
	}
	for _, e := range errs {
		pos := diag.Position{File: name}
		if e.Location != nil {
			pos.Line, pos.Col = e.Location.Row, e.Location.Col
		}
		ds.Errorf(compiler.StageParse, pos, "%s", e.Message)
	}
	return ds
}

// writeInPlace replaces a file's content by way of a file beside it that
// is renamed over it: an interrupted write leaves the module whole. A
// link named on the command line is followed, and what it leads to is
// rewritten; its mode is kept.
func writeInPlace(name string, data []byte) error {
	target, err := filepath.EvalSymlinks(name)
	if err != nil {
		return unwrapPathError(err)
	}
	st, err := os.Stat(target)
	if err != nil {
		return unwrapPathError(err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), ".polc-fmt-*")
	if err != nil {
		return unwrapPathError(err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing left to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return unwrapPathError(err)
	}
	if err := tmp.Chmod(st.Mode().Perm()); err != nil {
		tmp.Close()
		return unwrapPathError(err)
	}
	if err := tmp.Close(); err != nil {
		return unwrapPathError(err)
	}
	return unwrapPathError(os.Rename(tmp.Name(), target))
}
