package main

import (
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/harness"
	"github.com/polc-dev/polc/policies"
	"github.com/polc-dev/polc/settle"
)

type settleFlags struct {
	policies, format string
}

func (c *cli) settleCommand() *cobra.Command {
	var f settleFlags
	cmd := &cobra.Command{
		Use:   "settle FILE...",
		Short: "settle case files: subsidy, each claim through the tiers, monitoring (json or md)",
		Long: `Settle works out what each case file pays — the subsidy, each claim through
the tiers, the monitoring flags — and prints the results as JSON or, for a
reviewer, as Markdown in Chinese. A FILE named - is read from standard
input. If any case is wrong, nothing is printed for any of them.`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("no case FILE given (- reads one from standard input)")
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error { return c.runSettle(f, args) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.policies, "policies", "", "policies folder `DIR` (default ./policies if present, else the embedded set)")
	fl.StringVar(&f.format, "format", "json", "output format: json or md")
	return cmd
}

func (c *cli) runSettle(f settleFlags, files []string) error {
	if f.format != "json" && f.format != "md" {
		return usagef("unknown --format %q (want json or md)", f.format)
	}
	if i := slices.Index(files, "-"); i >= 0 && slices.Contains(files[i+1:], "-") {
		return usagef("- is given more than once: standard input can be read only once")
	}
	pol, err := c.pickSource("policies", f.policies, policies.FS)
	if err != nil {
		return err
	}
	c.announce(pol)
	inputs, regions := c.readCases(files)
	// Settling needs the compiled set, not the check's evaluation of every
	// context: the engine checks each plan and decision it builds. And of
	// the set, only the regions the cases name.
	set, err := c.compile(pol, compiler.Options{SkipExhaustive: true, Regions: regions})
	if err != nil {
		return err
	}
	engine := c.engine(set)
	var results []*settle.Result
	var problems diag.List
	for _, in := range inputs {
		if in.err != nil {
			problems.Errorf(casefile.Stage, diag.Position{File: in.display}, "cannot read: %v", in.err)
			continue
		}
		res, ds := harness.SettleCase(c.ctx, set, engine, in.display, in.data)
		if ds.HasErrors() {
			problems = append(problems, ds...)
			continue
		}
		results = append(results, res)
	}
	if len(problems) > 0 {
		// Nothing is printed for any case when one is wrong: a partial
		// answer is easy to mistake for a whole one.
		diag.Write(c.stderr, diag.FormatText, problems.Dedupe())
		return errReported
	}
	switch f.format {
	case "json":
		out, err := harness.JSON(results...)
		if err != nil {
			return err
		}
		c.stdout.Write(out)
	case "md":
		for i, r := range results {
			if i > 0 {
				fmt.Fprintln(c.stdout)
			}
			c.stdout.Write(harness.Markdown(set, r))
		}
	}
	return nil
}
