package main

import (
	"github.com/spf13/cobra"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/harness"
	"github.com/polc-dev/polc/policies"
)

type compareFlags struct {
	policies, format string
	regions          []string
}

func (c *cli) compareCommand() *cobra.Command {
	var f compareFlags
	cmd := &cobra.Command{
		Use:   "compare FILE",
		Short: "one person and bill through several regions side by side (md or json)",
		Long: `Compare settles one case file in every region whose document covers the
case year (or in the regions --regions lists, in that order), each with its
own params file, and prints them side by side: the subsidy, each tier's
total, the out-of-pocket and the monitoring flags, every figure with its
clause. The case's params apply in a region where it reads them; each one a
region does not read is listed as not read by it. A region whose document
lacks the case's year, one of its categories, claim kinds or hospital
levels says so instead of settling. md (the default, for reviewers) is in
Chinese; json holds each region's result exactly as polc settle gives it.
A FILE named - is read from standard input. A case polc settle refuses is
refused here the same way (exit 1).`,
		Args: oneCaseFile("compare"),
		RunE: func(_ *cobra.Command, args []string) error { return c.runCompare(f, args[0]) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.policies, "policies", "", "policies folder `DIR` (default ./policies if present, else the embedded set)")
	fl.StringVar(&f.format, "format", "md", "output format: md or json")
	fl.StringSliceVar(&f.regions, "regions", nil, "compare in these regions, in this order (`a,b,…`; default every region whose document covers the case year)")
	return cmd
}

func (c *cli) runCompare(f compareFlags, file string) error {
	if f.format != "json" && f.format != "md" {
		return usagef("unknown --format %q (want md or json)", f.format)
	}
	pol, err := c.pickSource("policies", f.policies, policies.FS)
	if err != nil {
		return err
	}
	c.announce(pol)
	inputs, regions := c.readCases([]string{file})
	// With --regions, only the case's own region and those are compiled;
	// without, every region whose document covers the case year is
	// compared and the others are listed, so every module is needed.
	opts := compiler.Options{SkipExhaustive: true}
	if len(f.regions) > 0 {
		opts.Regions = append(regions, f.regions...)
	}
	set, err := c.compile(pol, opts)
	if err != nil {
		return err
	}
	// The regions are known only once the policies compile, so a bad name
	// is found after the announcement, still before the case is loaded.
	if err := checkRegions(f.regions, set.Catalog().RegionIDs()); err != nil {
		return err
	}
	in := inputs[0]
	if in.err != nil {
		return c.report(diag.List{{Pos: diag.Position{File: in.display}, Severity: diag.SeverityError, Message: "cannot read: " + in.err.Error(), Stage: casefile.Stage}})
	}
	cmp, ds := harness.CompareCase(c.ctx, set, c.engine(set), in.display, in.data, f.regions)
	if ds.HasErrors() {
		return c.report(ds)
	}
	if f.format == "md" {
		c.stdout.Write(harness.CompareMarkdown(set, cmp))
		return nil
	}
	out, err := harness.CompareJSON(cmp)
	if err != nil {
		return err
	}
	c.stdout.Write(out)
	return nil
}

// checkRegions refuses a --regions entry the policy set does not have, or
// one given twice: bad usage, like an unknown --format.
func checkRegions(regions, known []string) error {
	if err := harness.CheckRegions(regions, known, "in --regions"); err != nil {
		return usageError{err}
	}
	return nil
}

// report prints a bad case's diagnostics as polc settle does.
func (c *cli) report(ds diag.List) error {
	diag.Write(c.stderr, diag.FormatText, ds.Dedupe())
	return errReported
}
