package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/golden"
	"github.com/polc-dev/polc/harness"
	"github.com/polc-dev/polc/policies"
)

type checkFlags struct {
	policies, golden, format string
	timings                  bool
	categories               categorySets
}

func (c *cli) checkCommand() *cobra.Command {
	var f checkFlags
	cmd := &cobra.Command{
		Use:   "check [DIR]",
		Short: "compile and check the policies: schema, Rego (strict, opa fmt), clauses, builtins, ids, floors, gaps and conflicts",
		Long: `Check compiles the policies in DIR (or --policies DIR, ./policies, the
embedded set) and reports every problem, each at its file:line:col. The
category combinations the golden cases use (--golden DIR, ./golden, the
embedded set) are evaluated too. Each module must compile in OPA's strict
mode and be as opa fmt writes it: an unformatted one is reported at its
first differing line with the diff (polc fmt rewrites it).`,
		Args: atMost(1),
		RunE: func(_ *cobra.Command, args []string) error { return c.runCheck(f, args) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.policies, "policies", "", "policies folder `DIR` (default ./policies if present, else the embedded set)")
	fl.StringVar(&f.golden, "golden", "", "golden cases folder `DIR` whose category combinations are checked too (default ./golden if present, else the embedded set)")
	fl.StringVar(&f.format, "format", diag.FormatText, "output format: text, json or github")
	fl.BoolVar(&f.timings, "timings", false, "print how long each compiler stage took (to stderr)")
	fl.Var(&f.categories, "categories", "extra category combinations to evaluate (repeatable)")
	return cmd
}

func (c *cli) runCheck(f checkFlags, args []string) error {
	switch f.format {
	case diag.FormatText, diag.FormatJSON, diag.FormatGitHub:
	default:
		return usagef("unknown --format %q (want text, json or github)", f.format)
	}
	dir := f.policies
	if len(args) == 1 {
		if dir != "" {
			return usagef("the policies folder is given twice: --policies %s and %s", dir, args[0])
		}
		dir = args[0]
	}
	pol, err := c.pickSource("policies", dir, policies.FS)
	if err != nil {
		return err
	}
	goldens, err := c.pickSource("golden", f.golden, golden.FS)
	if err != nil {
		return err
	}
	c.announce(pol)
	// The combinations golden cases use are evaluated too, beside those
	// given with --categories: a person a case settles is a context the
	// check must have seen.
	sets := f.categories
	for region, combos := range harness.CategorySets(goldens.fsys) {
		if sets == nil {
			sets = categorySets{}
		}
		sets[region] = append(sets[region], combos...)
	}
	set, ds := c.compileSet(pol.fsys, pol.prefix, compiler.Options{CategorySets: sets, Format: true})
	if err := diag.Write(c.stdout, f.format, ds); err != nil {
		return err
	}
	if f.timings && set != nil {
		for _, t := range set.Timings {
			fmt.Fprintf(c.stderr, "%-12s %v\n", t.Stage, t.Duration)
		}
	}
	errs := 0
	for _, d := range ds {
		if d.Severity == diag.SeverityError {
			errs++
		}
	}
	switch {
	case errs > 0 && f.format == diag.FormatText:
		return fmt.Errorf("%d error%s", errs, plural(errs))
	case errs > 0:
		return errReported
	}
	if f.format == diag.FormatText {
		fmt.Fprintf(c.stdout, "ok: %d region%s checked (%s)\n", len(set.Regions), plural(len(set.Regions)), strings.Join(set.RegionIDs(), ", "))
	}
	return nil
}

// categorySets is the --categories flag: region=a+b pairs, comma-separated,
// repeatable.
type categorySets map[string][][]string

func (s *categorySets) String() string { return "" }

func (s *categorySets) Type() string { return "region=cat+cat[,…]" }

func (s *categorySets) Set(v string) error {
	if *s == nil {
		*s = categorySets{}
	}
	for _, item := range strings.Split(v, ",") {
		region, cats, ok := strings.Cut(item, "=")
		if !ok || region == "" || cats == "" {
			return fmt.Errorf("%q: want region=category+category", item)
		}
		(*s)[region] = append((*s)[region], strings.Split(cats, "+"))
	}
	return nil
}
