package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/harness"
	"github.com/polc-dev/polc/settle"
)

func runSettle(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("settle", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("policies", "", "policies folder (default: the embedded set)")
	format := fl.String("format", "json", "output format: json or md")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if *format != "json" && *format != "md" {
		fmt.Fprintf(stderr, "polc settle: unknown --format %q (want json or md)\n", *format)
		return exitUsage
	}
	if fl.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: polc settle [--policies DIR] [--format json|md] FILE...")
		return exitUsage
	}
	set, code := compilePolicies(*dir, stdout, stderr, "settle")
	if set == nil {
		return code
	}
	engine := settle.New(set)
	var results []*settle.Result
	var problems diag.List
	for _, file := range fl.Args() {
		data, err := os.ReadFile(file)
		if err != nil {
			problems = append(problems, diag.Diagnostic{Pos: diag.Position{File: file}, Severity: diag.SeverityError, Message: fmt.Sprintf("cannot read: %v", unwrapPathError(err)), Stage: casefile.Stage})
			continue
		}
		c, ds := casefile.Load(file, data, set)
		if ds.HasErrors() {
			problems = append(problems, ds...)
			continue
		}
		res, err := engine.Settle(context.Background(), &c.Case)
		if err != nil {
			problems = append(problems, harness.AsDiagnostics(err)...)
			continue
		}
		results = append(results, res)
	}
	if len(problems) > 0 {
		// Nothing is printed for any case when one is wrong: a partial
		// answer is easy to mistake for a whole one.
		diag.Write(stderr, diag.FormatText, problems.Dedupe())
		return exitProblem
	}
	switch *format {
	case "json":
		out, err := harness.JSON(results...)
		if err != nil {
			fmt.Fprintf(stderr, "polc settle: %v\n", err)
			return exitProblem
		}
		stdout.Write(out)
	case "md":
		for i, r := range results {
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			stdout.Write(harness.Markdown(set, r))
		}
	}
	return exitOK
}

// compilePolicies compiles the policies a command runs on; on failure it
// prints the diagnostics and returns the exit code.
func compilePolicies(dir string, stdout, stderr io.Writer, cmd string) (*compiler.PolicySet, int) {
	fsys, display, err := policiesFS(dir)
	if err != nil {
		fmt.Fprintf(stderr, "polc %s: %v\n", cmd, err)
		return nil, exitProblem
	}
	set, ds := compiler.Compile(fsys, display, compiler.Options{})
	if set == nil {
		diag.Write(stderr, diag.FormatText, ds)
		fmt.Fprintf(stderr, "polc %s: the policies do not compile (polc check shows why)\n", cmd)
		return nil, exitProblem
	}
	return set, exitOK
}
