package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/golden"
	"github.com/polc-dev/polc/harness"
	"github.com/polc-dev/polc/policies"
)

func embeddedPolicies() fs.FS { return policies.FS }

func runCheck(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("policies", "", "policies folder (default: the embedded set)")
	format := fl.String("format", diag.FormatText, "output format: text, json or github")
	timings := fl.Bool("timings", false, "print how long each compiler stage took (to stderr)")
	goldenDir := fl.String("golden", "", "golden cases whose category combinations are checked too (default: the embedded set)")
	var sets categorySets
	fl.Var(&sets, "categories", "extra category combinations to evaluate, as region=cat+cat[,region=cat+cat…]")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "polc check: unexpected argument %q\n", fl.Arg(0))
		return exitUsage
	}
	switch *format {
	case diag.FormatText, diag.FormatJSON, diag.FormatGitHub:
	default:
		fmt.Fprintf(stderr, "polc check: unknown --format %q (want text, json or github)\n", *format)
		return exitUsage
	}
	fsys, display, err := policiesFS(*dir)
	if err != nil {
		fmt.Fprintf(stderr, "polc check: %v\n", err)
		return exitProblem
	}
	// The combinations golden cases use are checked too, beside the ones
	// given with --categories.
	goldens := fs.FS(golden.FS)
	if *goldenDir != "" {
		goldens = os.DirFS(*goldenDir)
	}
	for region, combos := range harness.CategorySets(goldens) {
		if sets == nil {
			sets = categorySets{}
		}
		sets[region] = append(sets[region], combos...)
	}
	set, ds := compiler.Compile(fsys, display, compiler.Options{CategorySets: sets})
	if err := diag.Write(stdout, *format, ds); err != nil {
		fmt.Fprintf(stderr, "polc check: %v\n", err)
		return exitProblem
	}
	if *timings {
		var ts []compiler.StageTiming
		if set != nil {
			ts = set.Timings
		}
		for _, t := range ts {
			fmt.Fprintf(stderr, "%-12s %v\n", t.Stage, t.Duration)
		}
	}
	errs := 0
	for _, d := range ds {
		if d.Severity == diag.SeverityError {
			errs++
		}
	}
	if errs > 0 {
		if *format == diag.FormatText {
			fmt.Fprintf(stderr, "polc check: %d error%s\n", errs, plural(errs))
		}
		return exitProblem
	}
	if *format == diag.FormatText {
		fmt.Fprintf(stdout, "ok: %d region%s checked (%s)\n", len(set.Regions), plural(len(set.Regions)), joinIDs(set.RegionIDs()))
	}
	return exitOK
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func joinIDs(ids []string) string {
	s := ""
	for i, id := range ids {
		if i > 0 {
			s += ", "
		}
		s += id
	}
	return s
}

// categorySets is the --categories flag: region=a+b pairs, comma-separated,
// repeatable.
type categorySets map[string][][]string

func (s *categorySets) String() string { return "" }

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
