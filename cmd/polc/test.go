package main

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/harness"
)

type testFlags struct {
	policies, golden, run     string
	format                    string
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
golden folder — never for a case whose expect: fails.

--format json prints the run as one JSON document and --format junit as
JUnit XML, on stdout, for CI; "N passed, N failed" and the --coverage
report then go to stderr. The exit status is the same in every format.`,
		Args: atMost(0),
		RunE: func(*cobra.Command, []string) error { return c.runTest(f) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.policies, "policies", "", "policies folder `DIR` (default ./policies if present, else the embedded set)")
	fl.StringVar(&f.golden, "golden", "", "golden cases folder `DIR` (default ./golden if present, else the embedded set)")
	fl.StringVar(&f.run, "run", "", "run only the cases whose path matches `RE`")
	fl.BoolVar(&f.update, "update", false, "write the goldens from what the cases produce (review the diff before committing)")
	fl.BoolVarP(&f.verbose, "verbose", "v", false, "list every case, not only failures")
	fl.StringVar(&f.format, "format", harness.FormatText, "report format: "+strings.Join(harness.ReportFormats, ", "))
	fl.BoolVar(&f.coverage, "coverage", false, "after the run, print each document's clause coverage; fail if a clause is neither computed nor explained or a rule is reached by no case")
	return cmd
}

func (c *cli) runTest(f testFlags) error {
	if !slices.Contains(harness.ReportFormats, f.format) {
		return usagef("unknown --format %q (want %s)", f.format, strings.Join(harness.ReportFormats, ", "))
	}
	var only *regexp.Regexp
	if f.run != "" {
		var err error
		if only, err = regexp.Compile(f.run); err != nil {
			return usagef("-run: %v", err)
		}
	}
	pol, goldens, err := c.pickPoliciesAndGolden(f.policies, f.golden)
	if err != nil {
		return err
	}
	if f.update && goldens.dir == "" {
		return usagef("-update writes golden files into a folder: run it where ./golden is, or give --golden DIR (the embedded goldens are read-only)")
	}
	c.announce(pol, goldens)
	// The set is compiled with every stage of the check. With -run, only
	// the regions the selected cases name are compiled and checked — the
	// run is about those cases —, unless --coverage, which reports on
	// every region, needs them all.
	var opts compiler.Options
	if only != nil && !f.coverage {
		if opts.Regions, err = harness.Regions(goldens.fsys, only); err != nil {
			return err
		}
	}
	set, err := c.compile(pol, opts)
	if err != nil {
		return err
	}
	sum, err := harness.Collect(c.ctx, harness.Options{
		Set: set, Golden: goldens.fsys, Display: goldens.prefix, WriteDir: c.path(goldens.dir),
		Run: only, Update: f.update, Verbose: f.verbose, Engine: c.engine(set),
	})
	if err != nil {
		return err
	}
	sets := harness.Sets{Policies: pol.origin, Golden: goldens.origin}
	if err := harness.WriteReport(c.stdout, f.format, sets, sum, f.verbose); err != nil {
		return err
	}
	// stdout holds one document a program reads; what a person reads goes
	// beside it, on stderr.
	human := c.stdout
	if f.format != harness.FormatText {
		human = c.stderr
		fmt.Fprintln(human, sum.Counts())
	}
	failed := sum.Failed > 0
	if f.coverage {
		if only != nil {
			fmt.Fprintln(c.stderr, "polc test: -coverage needs every case; it ignores -run")
		}
		rcs, err := harness.Coverage(c.ctx, set, sum)
		if err != nil {
			return err
		}
		fmt.Fprintln(human)
		harness.WriteCoverage(human, rcs)
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
