package sim

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/schema/shape"
	"github.com/polc-dev/polc/policydiff"
	"github.com/polc-dev/polc/population"
	"github.com/polc-dev/polc/settle"
	"github.com/polc-dev/polc/settle/money"
)

// Settler is a Figurer that also gives the whole settlement, with the
// rules it used: a person whose figures differ between two versions is
// settled again in full to say which changed rules are why.
type Settler interface {
	Figurer
	Settle(ctx context.Context, c *cases.Case) (*settle.Result, error)
}

// Settle is the whole settlement under the run's params. It goes through
// Figures first for the checks and the once-only resolving of the params;
// only persons whose figures changed come here, so the second settling is
// a small cost.
func (p *pinned) Settle(ctx context.Context, c *cases.Case) (*settle.Result, error) {
	var f settle.Figures
	if err := p.Figures(ctx, c, &f); err != nil {
		return nil, err
	}
	return p.engine.Settle(ctx, c)
}

// Comparison is what a policy change costs over a population: each
// person's year settled under the version before the change and the
// version after it, summed and compared. Its JSON form is `polc sim
// --against/--policies-b --format json` (README, "polc sim"). Money is in
// fen, printed as strings with two decimals; a delta is after − before.
type Comparison struct {
	Region  string `json:"region"`
	Year    int    `json:"year"`
	Before  string `json:"before"` // the version before the change (变更前)
	After   string `json:"after"`  // the version after it (变更后)
	Persons int64  `json:"persons"`
	Claims  int64  `json:"claims"`
	// Changed says whether any figure of any person differs.
	Changed bool `json:"changed"`
	// Changes are the rules, parameters and document entries that differ
	// in the region (polc diff's change detection), whether or not a
	// figure of this population moved with them.
	Changes []*policydiff.Change `json:"changes"`
	// Totals: the subsidy bill, then the tiers of the year's totals.
	Totals      []Delta         `json:"totals"`
	Funders     []Delta         `json:"funders"`
	Categories  []CategoryDelta `json:"categories"`
	Monitoring  []CountDelta    `json:"monitoring"`
	OutOfPocket Shift           `json:"out_of_pocket"`
	// Groups are the persons whose figures differ, grouped by the changes
	// their figures were put down to.
	Groups []Group `json:"groups"`
}

// Delta is one figure summed before and after, and the change.
type Delta struct {
	Figure string       `json:"figure"`
	Before money.Amount `json:"before"`
	After  money.Amount `json:"after"`
	Delta  money.Amount `json:"delta"`
}

// CategoryDelta are the figures of one category's persons (a person in
// two categories counts in both).
type CategoryDelta struct {
	Category string  `json:"category"`
	Persons  int64   `json:"persons"`
	Figures  []Delta `json:"figures"`
	// OutOfPocket is who of the category pays more, less or the same out
	// of pocket, as the run's OutOfPocket is for everyone.
	OutOfPocket Shift `json:"out_of_pocket"`
}

// CountDelta is how many persons a monitoring flag was raised for, before
// and after.
type CountDelta struct {
	Flag   string `json:"flag"`
	Before int64  `json:"before"`
	After  int64  `json:"after"`
}

// Shift is how persons' out-of-pocket moved: how many pay more, less or
// the same; the sums of the increases and of the decreases; the largest
// of each (the first such person in the files), nil if none.
type Shift struct {
	More            int64        `json:"more"`
	Less            int64        `json:"less"`
	Same            int64        `json:"same"`
	Increase        money.Amount `json:"increase"`
	Decrease        money.Amount `json:"decrease"`
	LargestIncrease *PersonDelta `json:"largest_increase"`
	LargestDecrease *PersonDelta `json:"largest_decrease"`
}

// PersonDelta is one person's change.
type PersonDelta struct {
	Person string       `json:"person"`
	Delta  money.Amount `json:"delta"`
}

// Group is the persons whose changed figures were put down to the same
// changes, with each figure's change over them.
type Group struct {
	Changes []GroupChange `json:"changes"`
	Persons int64         `json:"persons"`
	Figures []GroupFigure `json:"figures"`
}

// GroupChange names a change of a group: its id (as polc diff's), clause,
// title and place.
type GroupChange struct {
	ID     string `json:"id"`
	Kind   string `json:"kind"`
	Clause string `json:"clause,omitempty"`
	Title  string `json:"title,omitempty"`
	Pos    string `json:"pos,omitempty"`
}

// GroupFigure is one figure's change over a group's persons whose figure
// moved: how many, the total, the smallest and the largest change.
type GroupFigure struct {
	Figure  string       `json:"figure"`
	Persons int64        `json:"persons"`
	Total   money.Amount `json:"total"`
	Min     money.Amount `json:"min"`
	Max     money.Amount `json:"max"`
}

// figureNames are the figures compared, in the settlement model's order.
var figureNames = []string{"subsidy", "total", "hospital_borne", "basic", "critical", "assistance", "tilted", "top_up", "out_of_pocket"}

func figureValues(f *settle.Figures) [9]money.Amount {
	t := &f.Totals
	return [9]money.Amount{f.Subsidy, t.Total, t.HospitalBorne, t.Basic, t.Critical, t.Assistance, t.Tilted, t.TopUp, t.OutOfPocket}
}

func tierDeltas(subB, subA money.Amount, b, a *Tiers) []Delta {
	bv := [9]money.Amount{subB, b.Total, b.HospitalBorne, b.Basic, b.Critical, b.Assistance, b.Tilted, b.TopUp, b.OutOfPocket}
	av := [9]money.Amount{subA, a.Total, a.HospitalBorne, a.Basic, a.Critical, a.Assistance, a.Tilted, a.TopUp, a.OutOfPocket}
	out := make([]Delta, len(figureNames))
	for i, name := range figureNames {
		out[i] = Delta{Figure: name, Before: bv[i], After: av[i], Delta: av[i] - bv[i]}
	}
	return out
}

// differs says whether two figures of a person differ in anything a run
// sums.
func differs(b, a *settle.Figures) bool {
	return b.Subsidy != a.Subsidy || b.SubsidyRule != a.SubsidyRule || b.Totals != a.Totals ||
		!slices.Equal(b.Funders, a.Funders) || !slices.Equal(b.Raised, a.Raised)
}

type pairBatch struct {
	personRun
	before []settle.Figures
	after  []settle.Figures
	errs   []error
	groups [][]*policydiff.Change
}

// Against runs a population through two versions of the policies in one
// streamed pass: each person is read once and settled under before and
// after (the fast path, Figures); a person whose figures differ is settled
// again in full under both and the difference put down to changes (as
// polc diff does for a case). detect finds the region's changes; it is
// called once, with the run's region, which is known only once a person is
// read. Problems and errors are as Run's: a person that fails under either
// version is a problem, and nothing is summed.
func Against(ctx context.Context, before, after Settler, detect func(region string) *policydiff.RegionChanges, s *shape.Shape, rd *population.Reader, opts Options) (*Comparison, diag.List, error) {
	var once sync.Once
	var rc *policydiff.RegionChanges
	changes := func(region string) *policydiff.RegionChanges {
		once.Do(func() { rc = detect(region) })
		return rc
	}
	opts = opts.withDefaults()
	// As Run: files that can be read twice are read the fast way first,
	// and again carefully if they hold anything that is not plainly right.
	if bs := rd.Blocks(); bs != nil {
		cmp, whole, err := againstBlocks(ctx, before, after, changes, s, bs, rd, opts)
		if err != nil || whole {
			return cmp, nil, err
		}
		if err := bs.Rewind(); err != nil {
			return nil, nil, err
		}
	}
	c := newPairCollector(s, opts)
	carefulPipeline(ctx, rd, opts.Workers,
		func() *pairBatch {
			return &pairBatch{personRun: newPersonRun(), before: make([]settle.Figures, batchPersons),
				after: make([]settle.Figures, batchPersons), errs: make([]error, batchPersons), groups: make([][]*policydiff.Change, batchPersons)}
		},
		func(ctx context.Context, ps *population.Parser, b *pairBatch) {
			b.n = b.frame.Len()
			for i := range b.n {
				b.errs[i], b.groups[i] = nil, nil
				p := b.parse(ps, i)
				if len(p.Problems) > 0 || ctx.Err() != nil {
					continue
				}
				b.groups[i], b.errs[i] = settlePair(ctx, before, after, changes, &p.Case, &b.before[i], &b.after[i])
			}
		},
		c)
	if c.err != nil {
		return nil, nil, c.err
	}
	if err := ctx.Err(); err != nil {
		// Persons were left unsettled: there is no whole comparison to give.
		return nil, nil, err
	}
	if ds := c.report(rd); ds != nil {
		return nil, ds, nil
	}
	return c.finish(s, rd.Region(), rd.Year(), changes(rd.Region())), nil, nil
}

func newPairCollector(s *shape.Shape, opts Options) *pairCollector {
	return &pairCollector{before: newSums(s), after: newSums(s), groups: map[string]*groupSums{}, categoryShift: map[string]*Shift{}, stopping: stopping{max: opts.MaxProblems}}
}

type pairCollector struct {
	before, after *sums
	shift         Shift
	categoryShift map[string]*Shift
	groups        map[string]*groupSums
	stopping
}

type groupSums struct {
	changes []*policydiff.Change
	persons int64
	figures [9]GroupFigure
}

func (c *pairCollector) batch(b *pairBatch) {
	for i := range b.n {
		p := &b.persons[i]
		switch {
		case len(p.Problems) > 0:
			c.problems = append(c.problems, p.Problems...)
		case b.errs[i] != nil:
			c.problems = append(c.problems, problemsOf(b.errs[i], p)...)
		case len(c.problems) == 0:
			c.person(p.ID, p.Case.Person.Categories, len(p.Case.Claims), &b.before[i], &b.after[i], b.groups[i])
		}
		if c.stopped() {
			c.stoppedAt = p.Case.Pos.File
			return
		}
	}
}

func (c *pairCollector) person(id string, cats []string, n int, fb, fa *settle.Figures, group []*policydiff.Change) {
	if !c.before.person(cats, n, fb) || !c.after.person(cats, n, fa) {
		c.err = errOverflow
		return
	}
	d := fa.Totals.OutOfPocket - fb.Totals.OutOfPocket
	c.shift.add(id, d)
	for _, cat := range cats {
		entry(c.categoryShift, cat, func() *Shift { return &Shift{} }).add(id, d)
	}
	if !differs(fb, fa) {
		return
	}
	c.group(fb, fa, group)
}

// add counts a person whose out-of-pocket moved by d.
func (sh *Shift) add(person string, d money.Amount) {
	switch {
	case d > 0:
		sh.More++
		sh.Increase += d
		if sh.LargestIncrease == nil || d > sh.LargestIncrease.Delta {
			// The id is copied: a person read the fast way has the
			// block's text as its id, which is reused.
			sh.LargestIncrease = &PersonDelta{Person: strings.Clone(person), Delta: d}
		}
	case d < 0:
		sh.Less++
		sh.Decrease += d
		if sh.LargestDecrease == nil || d < sh.LargestDecrease.Delta {
			sh.LargestDecrease = &PersonDelta{Person: strings.Clone(person), Delta: d}
		}
	default:
		sh.Same++
	}
}

// group adds a changed person to the group of the changes their figures
// were put down to.
func (c *pairCollector) group(fb, fa *settle.Figures, group []*policydiff.Change) {
	ids := make([]string, len(group))
	for i, ch := range group {
		ids[i] = ch.ID
	}
	key := strings.Join(ids, "\x00")
	g := c.groups[key]
	if g == nil {
		g = &groupSums{changes: group}
		for i, name := range figureNames {
			g.figures[i].Figure = name
		}
		c.groups[key] = g
	}
	g.persons++
	bv, av := figureValues(fb), figureValues(fa)
	for i := range bv {
		d := av[i] - bv[i]
		if d == 0 {
			continue
		}
		f := &g.figures[i]
		if f.Persons == 0 || d < f.Min {
			f.Min = d
		}
		if f.Persons == 0 || d > f.Max {
			f.Max = d
		}
		f.Persons++
		f.Total += d
	}
}

func (c *pairCollector) finish(s *shape.Shape, region string, year int, changes *policydiff.RegionChanges) *Comparison {
	b, a := c.before.finish(), c.after.finish()
	cmp := &Comparison{Region: region, Year: year, Persons: a.Persons, Claims: a.Claims, OutOfPocket: c.shift,
		Changes: changes.Changes(), Funders: []Delta{}, Categories: []CategoryDelta{}, Monitoring: []CountDelta{}, Groups: []Group{}}
	if cmp.Changes == nil {
		cmp.Changes = []*policydiff.Change{}
	}
	cmp.Totals = tierDeltas(b.Subsidy.Amount, a.Subsidy.Amount, &b.Totals, &a.Totals)

	funders := map[string]*Delta{}
	for _, f := range b.Subsidy.Funders {
		funders[f.Funder] = &Delta{Figure: f.Funder, Before: f.Amount}
	}
	for _, f := range a.Subsidy.Funders {
		d := funders[f.Funder]
		if d == nil {
			d = &Delta{Figure: f.Funder}
			funders[f.Funder] = d
		}
		d.After = f.Amount
	}
	for _, d := range inOrder(s, "funder", funders, func(d *Delta) string { return d.Figure }) {
		d.Delta = d.After - d.Before
		cmp.Funders = append(cmp.Funders, d)
	}

	// The same persons are in the same categories in both runs.
	for i, cb := range b.Categories {
		ca := a.Categories[i]
		cmp.Categories = append(cmp.Categories, CategoryDelta{Category: cb.Category, Persons: cb.Persons,
			Figures: tierDeltas(cb.Subsidy, ca.Subsidy, &cb.Tiers, &ca.Tiers), OutOfPocket: *c.categoryShift[cb.Category]})
	}

	flags := map[string]*CountDelta{}
	for _, f := range b.Monitoring {
		flags[f.Flag] = &CountDelta{Flag: f.Flag, Before: f.Persons}
	}
	for _, f := range a.Monitoring {
		d := flags[f.Flag]
		if d == nil {
			d = &CountDelta{Flag: f.Flag}
			flags[f.Flag] = d
		}
		d.After = f.Persons
	}
	cmp.Monitoring = append(cmp.Monitoring, inOrder(s, "monitoring_flag", flags, func(d *CountDelta) string { return d.Flag })...)

	// Groups in the order of their first change as the report lists the
	// changes (a reader's order), the unattributed last.
	rank := map[*policydiff.Change]int{}
	for i, ch := range cmp.Changes {
		rank[ch] = i
	}
	first := func(g *groupSums) int {
		if len(g.changes) == 0 {
			return len(cmp.Changes) + 1
		}
		if r, ok := rank[g.changes[0]]; ok {
			return r
		}
		return len(cmp.Changes)
	}
	keys := make([]string, 0, len(c.groups))
	for k := range c.groups {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y string) int {
		if fx, fy := first(c.groups[x]), first(c.groups[y]); fx != fy {
			return fx - fy
		}
		return strings.Compare(x, y)
	})
	for _, k := range keys {
		g := c.groups[k]
		out := Group{Persons: g.persons, Changes: []GroupChange{}, Figures: []GroupFigure{}}
		for _, ch := range g.changes {
			out.Changes = append(out.Changes, GroupChange{ID: ch.ID, Kind: ch.Kind, Clause: ch.Clause, Title: ch.Title, Pos: ch.Pos})
		}
		for _, f := range g.figures {
			if f.Persons > 0 {
				out.Figures = append(out.Figures, f)
			}
		}
		cmp.Groups = append(cmp.Groups, out)
	}
	cmp.Changed = len(c.groups) > 0
	return cmp
}

// settlePair settles a person under both versions into fb and fa; a person
// whose figures differ is settled again in full under both, and the
// difference put down to changes (the group returned).
func settlePair(ctx context.Context, before, after Settler, changes func(region string) *policydiff.RegionChanges, c *cases.Case, fb, fa *settle.Figures) ([]*policydiff.Change, error) {
	if err := before.Figures(ctx, c, fb); err != nil {
		return nil, err
	}
	if err := after.Figures(ctx, c, fa); err != nil {
		return nil, err
	}
	if !differs(fb, fa) {
		return nil, nil
	}
	rb, eb := before.Settle(ctx, c)
	ra, ea := after.Settle(ctx, c)
	_, group := changes(c.Region).Attribute(rb, ra, eb, ea)
	return group, nil
}

// pairBlock is a block of persons read the fast way and each one's
// figures under both versions, for the collector to take in file order.
// A person's id and categories are the block's and the reader's: valid
// until the block is reused, after the collector has taken it.
type pairBlock struct {
	seq       int
	block     population.Block
	persons   []pairPerson
	irregular bool
}

type pairPerson struct {
	id            string
	cats          []string
	claims        int
	before, after settle.Figures
	group         []*policydiff.Change
}

func (b *pairBlock) seqp() *int { return &b.seq }

// pairBlocks takes the blocks back in file order until one is irregular
// (or a sum would pass int64: the careful reading reports it).
type pairBlocks struct {
	*pairCollector
	irregular bool
	scrub     bool // runHooks.scrub
}

func (c *pairBlocks) stopped() bool { return c.irregular || c.err != nil }

func (c *pairBlocks) batch(b *pairBlock) {
	if b.irregular {
		c.irregular = true
		return
	}
	for i := range b.persons {
		pp := &b.persons[i]
		if c.person(pp.id, pp.cats, pp.claims, &pp.before, &pp.after, pp.group); c.err != nil {
			c.irregular, c.err = true, nil
			return
		}
	}
	if c.scrub {
		b.block.Scrub()
	}
}

// againstBlocks is Against the fast way (see Run and runBlocks). whole is
// false if the files are to be read again carefully.
func againstBlocks(ctx context.Context, before, after Settler, changes func(region string) *policydiff.RegionChanges, s *shape.Shape, bs *population.Blocks, rd *population.Reader, opts Options) (*Comparison, bool, error) {
	hooks := hooksOf(ctx)
	c := &pairBlocks{pairCollector: newPairCollector(s, opts), scrub: hooks.scrub}
	pipeline(ctx, opts.Workers,
		func() *pairBlock { return &pairBlock{} },
		func(b *pairBlock) bool { return bs.Next(&b.block) },
		func() func(context.Context, *pairBlock) {
			ps := rd.Parser()
			var p population.Person
			return func(ctx context.Context, b *pairBlock) {
				n := 0
				b.irregular = !ps.ParseBlock(&b.block, &p, func(p *population.Person) bool {
					if ctx.Err() != nil {
						return false
					}
					if n == len(b.persons) {
						b.persons = append(b.persons, pairPerson{})
					}
					pp := &b.persons[n]
					group, err := settlePair(ctx, before, after, changes, &p.Case, &pp.before, &pp.after)
					if err != nil {
						return false
					}
					pp.id, pp.cats, pp.claims, pp.group = p.ID, p.Case.Person.Categories, len(p.Case.Claims), group
					n++
					return true
				})
				b.persons = b.persons[:n]
			}
		},
		c)
	switch {
	case ctx.Err() != nil:
		return nil, false, ctx.Err()
	case c.irregular || bs.Irregular():
		return nil, false, nil
	}
	hooks.fast.Add(1)
	return c.finish(s, bs.Region(), bs.Year(), changes(bs.Region())), true, nil
}
