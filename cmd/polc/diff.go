package main

import (
	"errors"
	"fmt"
	"path"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/golden"
	"github.com/polc-dev/polc/policies"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/policydiff"
)

type diffFlags struct {
	policies, golden, format, regions string
}

func (c *cli) diffCommand() *cobra.Command {
	var f diffFlags
	cmd := &cobra.Command{
		Use:   "diff [REV]",
		Short: "what a policy change does: the policies at a git revision against the working copy, case by case",
		Long: `Diff compiles the policies folder (--policies DIR, else ./policies) as it
is at git revision REV (default HEAD) and as it is in the working copy,
settles the golden cases (--golden DIR, ./golden, the embedded set) and a
generated grid of cases under both, and reports every figure that differs,
grouped by the changed rule (and clause) responsible, with counts, the
smallest, largest and total change, and an example. Rules are matched
across the revisions by decision, clause and title, or by their text; a
rule has changed when its text, a helper it depends on, its METADATA
(clause, title, quote, reading) or a parameter value it reads has.

--format md (the default) is a pull-request comment in Chinese, json is for
tools (README.md), github prints GitHub Actions notices at the changed
rules. A change is not an error: the exit status is 0 with a report, 1 when
git cannot read the folder or a version does not compile, 2 for bad usage
(an unknown revision among them).`,
		Args: atMost(1),
		RunE: func(_ *cobra.Command, args []string) error {
			rev := "HEAD"
			if len(args) == 1 {
				rev = args[0]
			}
			return c.runDiff(f, rev)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.policies, "policies", "", "policies folder `DIR` in a git work tree (default ./policies)")
	fl.StringVar(&f.golden, "golden", "", "golden cases folder `DIR` (default ./golden if present, else the embedded set)")
	fl.StringVar(&f.format, "format", "md", "output format: md, json or github")
	fl.StringVar(&f.regions, "regions", "", "only these regions, comma-separated (default every region)")
	return cmd
}

func (c *cli) runDiff(f diffFlags, rev string) error {
	switch f.format {
	case "md", "json", "github":
	default:
		return usagef("unknown --format %q (want md, json or github)", f.format)
	}
	if strings.HasPrefix(rev, "-") {
		return usagef("revision %q looks like a flag", rev)
	}
	pol, err := c.pickSource("policies", f.policies, policies.FS)
	if err != nil {
		return err
	}
	if pol.dir == "" {
		return usagef("polc diff compares a policies folder with its history in git: run it where ./policies is, or give --policies DIR")
	}
	goldens, err := c.pickSource("golden", f.golden, golden.FS)
	if err != nil {
		return err
	}
	old, err := c.readRevision(pol.dir, rev)
	switch {
	case errors.Is(err, errUnknownRevision):
		return usageError{err}
	case err != nil:
		return err
	}
	before := source{kind: "policies", fsys: old.fsys, prefix: pol.prefix, origin: fmt.Sprintf("%s at %s (%s)", pol.origin, rev, old.commit[:min(12, len(old.commit))])}
	c.announce(before, pol, goldens)
	// The grid settles some hundred thousand cases while the compiled
	// rules and the engines' caches stay live: collecting garbage a
	// quarter as often takes a fifth less time for twice the memory
	// (≈ 350 MB), unless the user has chosen with GOGC. It is the
	// process's setting: a run inside another process leaves it alone.
	if c.wholeProcess && c.getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	// With --regions, each version compiles those regions and the ones
	// their golden cases name, and no other.
	var regions []string
	var opts compiler.Options
	if f.regions != "" {
		regions = strings.Split(f.regions, ",")
		named, err := policydiff.GoldenRegions(goldens.fsys, regions)
		if err != nil {
			return err
		}
		opts.Regions = append(named, regions...)
	}
	beforeSet, afterSet, err := c.compileBoth(before, pol, opts)
	if err != nil {
		return err
	}
	for _, id := range regions {
		if !slices.Contains(beforeSet.Catalog().RegionIDs(), id) && !slices.Contains(afterSet.Catalog().RegionIDs(), id) {
			return usagef("--regions: unknown region %q (the working copy has %s)", id, strings.Join(afterSet.Catalog().RegionIDs(), ", "))
		}
	}
	diffRun := policydiff.Run
	if c.diffFunc != nil {
		diffRun = c.diffFunc
	}
	rep, err := diffRun(c.ctx, policydiff.Options{
		Before: beforeSet, After: afterSet,
		BeforeName: rev + ":" + path.Clean(pol.prefix), AfterName: pol.origin,
		BeforeFS: old.fsys, AfterFS: pol.fsys, PoliciesDisplay: pol.prefix,
		Golden: goldens.fsys, GoldenDisplay: goldens.prefix,
		Regions: regions,
	})
	if err != nil {
		return err
	}
	switch f.format {
	case "json":
		out, err := policydiff.JSON(rep)
		if err != nil {
			return err
		}
		c.stdout.Write(out)
	case "github":
		c.stdout.Write(policydiff.GitHub(rep, afterSet.Schema))
	default:
		c.stdout.Write(policydiff.Markdown(rep, afterSet.Schema))
	}
	return nil
}

// compileBoth compiles the two versions at once (each takes a core for a
// few hundred milliseconds), then reports the first that fails, with its
// diagnostics. Settling needs the compiled sets, not the check's
// evaluation of every context: that is polc check's job, on each version.
func (c *cli) compileBoth(before, after source, opts compiler.Options) (*policy.Set, *policy.Set, error) {
	opts.SkipExhaustive = true
	type compiled struct {
		set *policy.Set
		ds  diag.List
	}
	var b, a compiled
	done := make(chan struct{})
	go func() {
		defer close(done)
		b.set, b.ds = c.compileSet(before.fsys, before.prefix, opts)
	}()
	a.set, a.ds = c.compileSet(after.fsys, after.prefix, opts)
	<-done
	for _, v := range []struct {
		compiled
		src source
	}{{b, before}, {a, after}} {
		if v.set == nil {
			diag.Write(c.stderr, diag.FormatText, v.ds)
			return nil, nil, fmt.Errorf("the policies of %s do not compile (polc check shows why)", v.src.origin)
		}
	}
	return b.set, a.set, nil
}
