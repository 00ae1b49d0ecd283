package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/polc-dev/polc/golden"
	"github.com/polc-dev/polc/harness"
)

func runTest(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("test", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("policies", "", "policies folder (default: the embedded set)")
	goldenDir := fl.String("golden", "", "golden cases folder (default: the embedded set; -update defaults to ./golden)")
	run := fl.String("run", "", "run only the cases whose path matches this regular expression")
	update := fl.Bool("update", false, "write the goldens from what the cases produce (review the diff before committing)")
	verbose := fl.Bool("v", false, "list every case, not only failures")
	coverage := fl.Bool("coverage", false, "after the run, print each document's clause coverage; fail if a clause is neither computed nor explained or a rule is reached by no case")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "polc test: unexpected argument %q\n", fl.Arg(0))
		return exitUsage
	}
	var re *regexp.Regexp
	if *run != "" {
		var err error
		if re, err = regexp.Compile(*run); err != nil {
			fmt.Fprintf(stderr, "polc test: -run: %v\n", err)
			return exitUsage
		}
	}
	if *update && *goldenDir == "" {
		*goldenDir = "golden"
	}
	opts := harness.Options{Golden: golden.FS, Display: "golden", Run: re, Update: *update, Verbose: *verbose}
	if *goldenDir != "" {
		st, err := os.Stat(*goldenDir)
		if err != nil || !st.IsDir() {
			fmt.Fprintf(stderr, "polc test: --golden %s: not a folder\n", *goldenDir)
			return exitProblem
		}
		opts.Golden, opts.Display, opts.WriteDir = os.DirFS(*goldenDir), strings.TrimSuffix(*goldenDir, "/"), *goldenDir
	}
	set, code := compilePolicies(*dir, stdout, stderr, "test")
	if set == nil {
		return code
	}
	opts.Set = set
	sum, err := harness.Run(context.Background(), opts, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "polc test: %v\n", err)
		return exitProblem
	}
	status := exitOK
	if sum.Failed > 0 {
		status = exitProblem
	}
	if *coverage {
		if re != nil {
			fmt.Fprintln(stderr, "polc test: -coverage needs every case; it ignores -run")
		}
		rcs, err := harness.Coverage(context.Background(), set, sum)
		if err != nil {
			fmt.Fprintf(stderr, "polc test: %v\n", err)
			return exitProblem
		}
		fmt.Fprintln(stdout)
		harness.WriteCoverage(stdout, rcs)
		for _, rc := range rcs {
			if !rc.Clean() {
				status = exitProblem
			}
		}
	}
	return status
}
