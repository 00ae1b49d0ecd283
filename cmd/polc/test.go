package main

import (
	"context"
	"fmt"
	"regexp"

	"github.com/spf13/cobra"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/golden"
	"github.com/polc-dev/polc/harness"
	"github.com/polc-dev/polc/policies"
)

type testFlags struct {
	policies, golden, run     string
	update, verbose, coverage bool
}

func (c *cli) testCommand() *cobra.Command {
	var f testFlags
	cmd := &cobra.Command{
		Use:   "test",
		Short: "run the golden cases and compare with the reviewed outputs",
		Long: `Test settles every golden case (--golden DIR, ./golden, the embedded set),
checks its expect: assertions and compares its JSON and Markdown renderings
with the reviewed goldens beside it, printing a diff for each mismatch and
then "N passed, N failed". -update writes the goldens that differ into the
golden folder — never for a case whose expect: fails.`,
		Args: atMost(0),
		RunE: func(*cobra.Command, []string) error { return c.runTest(f) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.policies, "policies", "", "policies folder `DIR` (default ./policies if present, else the embedded set)")
	fl.StringVar(&f.golden, "golden", "", "golden cases folder `DIR` (default ./golden if present, else the embedded set)")
	fl.StringVar(&f.run, "run", "", "run only the cases whose path matches `RE`")
	fl.BoolVar(&f.update, "update", false, "write the goldens from what the cases produce (review the diff before committing)")
	fl.BoolVarP(&f.verbose, "verbose", "v", false, "list every case, not only failures")
	fl.BoolVar(&f.coverage, "coverage", false, "after the run, print each document's clause coverage; fail if a clause is neither computed nor explained or a rule is reached by no case")
	return cmd
}

func (c *cli) runTest(f testFlags) error {
	var only *regexp.Regexp
	if f.run != "" {
		var err error
		if only, err = regexp.Compile(f.run); err != nil {
			return usagef("-run: %v", err)
		}
	}
	pol, err := pickSource("policies", f.policies, policies.FS)
	if err != nil {
		return err
	}
	goldens, err := pickSource("golden", f.golden, golden.FS)
	if err != nil {
		return err
	}
	if f.update && goldens.dir == "" {
		return usagef("-update writes golden files into a folder: run it where ./golden is, or give --golden DIR (the embedded goldens are read-only)")
	}
	c.announce(pol, goldens)
	set, err := c.compile(pol, compiler.Options{})
	if err != nil {
		return err
	}
	sum, err := harness.Run(context.Background(), harness.Options{
		Set: set, Golden: goldens.fsys, Display: goldens.prefix, WriteDir: goldens.dir,
		Run: only, Update: f.update, Verbose: f.verbose,
	}, c.stdout)
	if err != nil {
		return err
	}
	failed := sum.Failed > 0
	if f.coverage {
		if only != nil {
			fmt.Fprintln(c.stderr, "polc test: -coverage needs every case; it ignores -run")
		}
		rcs, err := harness.Coverage(context.Background(), set, sum)
		if err != nil {
			return err
		}
		fmt.Fprintln(c.stdout)
		harness.WriteCoverage(c.stdout, rcs)
		for _, rc := range rcs {
			if !rc.Clean() {
				failed = true
			}
		}
	}
	if failed {
		return errReported
	}
	return nil
}
