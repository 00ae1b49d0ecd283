// Package policydiff says what a policy change does: it settles the same
// cases — the golden cases and a grid of generated ones (casegrid) — under
// two compiled policy sets, a revision's and the working copy's, and
// groups every figure that differs by the changed rule responsible. Rules
// are matched across the two versions by what they are (a rule's key is
// its position, which moves with the lines above it), and a rule has
// changed when its text, a helper rule it depends on, its METADATA (clause,
// title, quote, reading) or the value of a parameter it reads has. Like
// harness, it is a library: cmd/polc diff parses flags and prints.
package policydiff

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/casegrid"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle"
)

// Options say what to compare.
type Options struct {
	// Before is the revision's policy set and After the working copy's;
	// BeforeName and AfterName say which they are in the report.
	Before, After         *policy.Set
	BeforeName, AfterName string
	// BeforeFS and AfterFS are the two policies folders, to list the files
	// that differ, named under PoliciesDisplay.
	BeforeFS, AfterFS fs.FS
	PoliciesDisplay   string
	// Golden holds the golden cases (<region>/<name>.yaml), shown under
	// GoldenDisplay.
	Golden        fs.FS
	GoldenDisplay string
	// Regions limits the run to these regions; none: every region of
	// either set.
	Regions []string
	// Workers settle at once; 0: one per core.
	Workers int
}

// Run settles the golden cases and the grid under both sets and reports
// what differs.
func Run(ctx context.Context, opts Options) (*Report, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	regions, err := regionsOf(opts)
	if err != nil {
		return nil, err
	}
	files, err := changedFiles(opts.BeforeFS, opts.AfterFS)
	if err != nil {
		return nil, err
	}
	for i := range files {
		files[i].Path = path.Join(opts.PoliciesDisplay, files[i].Path)
	}
	rep := &Report{Before: opts.BeforeName, After: opts.AfterName, Files: files}
	changes := map[string]*regionChanges{}
	tallies := map[string]*tally{}
	for _, id := range regions {
		changes[id] = detect(id, opts.Before.Regions[id], opts.After.Regions[id])
		tallies[id] = newTally()
	}
	if err := runGolden(ctx, opts, changes, tallies); err != nil {
		return nil, err
	}
	for _, id := range regions {
		if opts.Before.Regions[id] != nil && opts.After.Regions[id] != nil {
			tallies[id].merge(runGrid(ctx, opts, changes[id]), true)
		}
	}
	for _, id := range regions {
		rep.add(id, opts, changes[id], tallies[id])
	}
	return rep, nil
}

// regionsOf is the regions to run: of either set, or those asked for.
func regionsOf(opts Options) ([]string, error) {
	all := slices.Concat(opts.Before.RegionIDs(), opts.After.RegionIDs())
	slices.Sort(all)
	all = slices.Compact(all)
	if len(opts.Regions) == 0 {
		return all, nil
	}
	for _, id := range opts.Regions {
		if !slices.Contains(all, id) {
			return nil, fmt.Errorf("unknown region %q (the regions are %s)", id, strings.Join(all, ", "))
		}
	}
	out := slices.Clone(opts.Regions)
	slices.Sort(out)
	return slices.Compact(out), nil
}

// runGolden settles every golden case under both sets. A case is read
// against each set, since the sets may differ in regions or years.
func runGolden(ctx context.Context, opts Options, changes map[string]*regionChanges, tallies map[string]*tally) error {
	if opts.Golden == nil {
		return nil
	}
	names, err := goldenCases(opts.Golden)
	if err != nil {
		return err
	}
	before, after := settle.New(opts.Before), settle.New(opts.After)
	for _, name := range names {
		region, _, _ := strings.Cut(name, "/")
		rc, ok := changes[region]
		if !ok {
			continue
		}
		data, err := casefile.ReadFS(opts.Golden, name)
		if err != nil {
			return fmt.Errorf("%s: %v", path.Join(opts.GoldenDisplay, name), err)
		}
		display := path.Join(opts.GoldenDisplay, name)
		rb, eb := settleFile(ctx, before, opts.Before, display, data)
		ra, ea := settleFile(ctx, after, opts.After, display, data)
		o := compareCase(rc, rb, ra, eb, ea, scopeAll)
		o.name, o.golden = display, true
		if ra != nil {
			o.title = ra.Title
		} else if rb != nil {
			o.title = rb.Title
		}
		tallies[region].add(o)
	}
	return nil
}

// GoldenRegions lists the regions named by the golden cases Run settles
// when it is limited to regions (casefile.Regions): with the regions
// themselves, all a policy set compiled for the run needs
// (compiler.Options.Regions). A case that cannot be read names none.
func GoldenRegions(fsys fs.FS, regions []string) ([]string, error) {
	names, err := goldenCases(fsys)
	if err != nil {
		return nil, err
	}
	out := []string{}
	for _, name := range names {
		if region, _, _ := strings.Cut(name, "/"); !slices.Contains(regions, region) {
			continue
		}
		if data, err := casefile.ReadFS(fsys, name); err == nil {
			out = append(out, casefile.Regions(data)...)
		}
	}
	return out, nil
}

// goldenCases lists the case files of a golden tree, in name order.
func goldenCases(fsys fs.FS) ([]string, error) {
	var out []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".yaml") && !strings.HasSuffix(p, ".golden.yaml") {
			out = append(out, p)
		}
		return err
	})
	sort.Strings(out)
	return out, err
}

// settleFile reads a case against a set and settles it.
func settleFile(ctx context.Context, e *settle.Engine, set *policy.Set, display string, data []byte) (*settle.Result, error) {
	cf, ds := casefile.Load(display, data, set.Catalog())
	if ds.HasErrors() {
		return nil, ds
	}
	return e.Settle(ctx, &cf.Case)
}

// compareCase compares a case's two settlements and puts what changed
// down to the region's changes.
func compareCase(rc *regionChanges, before, after *settle.Result, errB, errA error, sc scope) outcome {
	o := outcome{failed: errB != nil && errA != nil}
	o.figures = compareResults(before, after, errB, errA, sc)
	if len(o.figures) > 0 {
		o.group = rc.attribute(o.figures, rc.usedChanges(before, after, sc))
	}
	return o
}

// runGrid settles a region's grid under both sets. Units are laid out and
// probed (casegrid.Build), then each unit whose cases no earlier unit
// stands for is settled, over the workers; tallies are merged in unit
// order.
func runGrid(ctx context.Context, opts Options, rc *regionChanges) *tally {
	before, after := settle.New(opts.Before), settle.New(opts.After)
	// The grid's cases give no params: polc check's stand-ins take the
	// place of the open numbers a case would give.
	before.OpenStandIns, after.OpenStandIns = true, true
	units := casegrid.Units(rc.region, opts.Before, opts.After)
	casegrid.Build(ctx, units, []casegrid.Version{{Set: opts.Before, Settler: before}, {Set: opts.After, Settler: after}}, opts.Workers)
	partial := make([]*tally, len(units))
	index := make(map[*casegrid.Unit]int, len(units))
	var todo []int
	for i, u := range units {
		index[u] = i
		if u.Like == nil {
			todo = append(todo, i)
		}
	}
	casegrid.Parallel(len(todo), opts.Workers, func(j int) {
		i := todo[j]
		partial[i] = settleUnit(ctx, rc, units[i], before, after)
	})
	out := newTally()
	for i, u := range units {
		if u.Like != nil {
			out.merge(partial[index[u.Like]], false)
			continue
		}
		out.merge(partial[i], true)
	}
	return out
}

// settleUnit settles a unit's cases under both sets.
func settleUnit(ctx context.Context, rc *regionChanges, u *casegrid.Unit, before, after *settle.Engine) *tally {
	t := newTally()
	sc := map[casegrid.Kind]scope{casegrid.Claim: scopeClaims, casegrid.Person: scopePerson, casegrid.Monitoring: scopeMonitoring}[u.Kind]
	for _, gc := range u.Cases() {
		rb, eb := before.Settle(ctx, &gc.Case)
		ra, ea := after.Settle(ctx, &gc.Case)
		o := compareCase(rc, rb, ra, eb, ea, sc)
		o.name, o.c = gc.Case.File, &gc.Case
		if u.Kind != casegrid.Person {
			p := gc.Placed
			o.placed = &p
		}
		t.add(o)
		t.grid.Settled++
	}
	return t
}

// add puts a region's changes, counts and groups in the report.
func (rep *Report) add(id string, opts Options, rc *regionChanges, t *tally) {
	sum := &RegionSummary{Region: id, Golden: t.golden, Grid: t.grid, Totals: map[string]settle.Money{}}
	switch {
	case opts.Before.Regions[id] == nil:
		sum.Status = "added"
	case opts.After.Regions[id] == nil:
		sum.Status = "removed"
	}
	groups := make([]*Group, 0, len(t.order))
	for _, key := range t.order {
		g := t.groups[key]
		g.Region = id
		for _, c := range g.changes {
			c.Moved = true
		}
		for _, s := range g.Figures {
			if s.Total != nil {
				sum.Totals[s.Figure] += *s.Total
			}
		}
		sortStats(g.Figures)
		groups = append(groups, g)
	}
	sort.SliceStable(groups, func(i, j int) bool { return firstPos(groups[i]) < firstPos(groups[j]) })
	rep.Groups = append(rep.Groups, groups...)
	rep.Changes = append(rep.Changes, rc.changes...)
	if rc.none.Moved {
		rep.Changes = append(rep.Changes, rc.none)
	}
	rep.Regions = append(rep.Regions, sum)
}

// firstPos orders groups by where their first change is (place), then
// by their first case.
func firstPos(g *Group) string {
	return fmt.Sprintf("%s\x00%09d", place(g.changes[0]), g.first)
}

// splitPos splits file:line.
func splitPos(pos string) (string, int) {
	i := strings.LastIndexByte(pos, ':')
	if i < 0 {
		return pos, 0
	}
	n, err := strconv.Atoi(pos[i+1:])
	if err != nil {
		return pos, 0
	}
	return pos[:i], n
}

// statOrder is the order a group's statistics are listed in: the subsidy,
// then the tiers in the order they pay, what is left to the person, the
// measures, monitoring, coverage and failures.
var statOrder = []string{"subsidy.amount", "totals.total", "totals.hospital_borne", "totals.basic", "totals.critical", "totals.assistance",
	"totals.tilted", "totals.top_up", "totals.out_of_pocket", "totals.insured_self_pay", "totals.in_scope_self_pay",
	"totals.total_self_pay", "monitoring.threshold", "monitoring.raised", "coverage.from", "error"}

func sortStats(ss []*FigureStat) {
	sort.SliceStable(ss, func(i, j int) bool {
		return slices.Index(statOrder, ss[i].Figure) < slices.Index(statOrder, ss[j].Figure)
	})
}

// changedFiles lists the files that differ between two policies folders.
func changedFiles(before, after fs.FS) ([]FileChange, error) {
	if before == nil || after == nil {
		return nil, nil
	}
	b, err := fileContents(before)
	if err != nil {
		return nil, err
	}
	a, err := fileContents(after)
	if err != nil {
		return nil, err
	}
	var out []FileChange
	for name, data := range b {
		other, ok := a[name]
		switch {
		case !ok:
			out = append(out, FileChange{Path: name, Status: "removed"})
		case !bytes.Equal(data, other):
			out = append(out, FileChange{Path: name, Status: "modified"})
		}
	}
	for name := range a {
		if _, ok := b[name]; !ok {
			out = append(out, FileChange{Path: name, Status: "added"})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// fileContents reads every regular file of a policies folder; the
// compiler has read them already, within its limits.
func fileContents(fsys fs.FS) (map[string][]byte, error) {
	out := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		out[p] = data
		return err
	})
	return out, err
}
