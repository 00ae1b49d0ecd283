// Command polc checks, tests and runs regional medical-security policies
// written in Rego. See README.md for what each command is for.
//
// This package only parses flags, wires the compiler, settlement and harness
// packages together and decides exit codes: 0 success, 1 a problem found,
// 2 bad usage.
package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"
)

const (
	exitOK      = 0
	exitProblem = 1
	exitUsage   = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"check", "compile and check the policies: schema, Rego, clauses, builtins, ids, floors, gaps and conflicts", runCheck},
		{"settle", "settle case files: subsidy, each claim through the tiers, monitoring (json or md)", runSettle},
		{"test", "run the golden cases and compare with the reviewed outputs", runTest},
	}
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "polc: unknown command %q\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: polc <command> [flags]")
	fmt.Fprintln(w)
	cs := commands()
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Every command takes --policies DIR; the default is the embedded policy set.")
}

// policiesFS is the policies folder a command works on and the name its
// diagnostics show for it.
func policiesFS(dir string) (fs.FS, string, error) {
	if dir == "" {
		return embeddedPolicies(), "policies", nil
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, "", fmt.Errorf("--policies %s: %v", dir, unwrapPathError(err))
	}
	if !st.IsDir() {
		return nil, "", fmt.Errorf("--policies %s: not a folder", dir)
	}
	return os.DirFS(dir), strings.TrimSuffix(dir, "/"), nil
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
