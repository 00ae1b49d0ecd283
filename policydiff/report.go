package policydiff

import (
	"fmt"
	"strings"

	"github.com/polc-dev/polc/casegrid"
	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/settle"
)

// Report is what a policy change does: the files that differ, what
// differs in each region's rules, how many cases were run and changed, and
// the changed figures grouped by the changes they are put down to. Its
// JSON shape is polc diff --format json (README.md).
type Report struct {
	Before  string           `json:"before"`
	After   string           `json:"after"`
	Files   []FileChange     `json:"files"`
	Regions []*RegionSummary `json:"regions"`
	Changes []*Change        `json:"changes"`
	Groups  []*Group         `json:"groups"`
}

// NoChange reports whether no rule, parameter or figure differs (files
// may still differ in comments or layout).
func (r *Report) NoChange() bool { return len(r.Changes) == 0 && len(r.Groups) == 0 }

// FileChange is a file of the policies folder that differs.
type FileChange struct {
	Path   string `json:"path"`
	Status string `json:"status"` // added, removed, modified
}

// RegionSummary is one region's cases and the total change of each figure.
type RegionSummary struct {
	Region string `json:"region"`
	Status string `json:"status,omitempty"` // added or removed: only one version has the region
	Golden Tally  `json:"golden"`
	Grid   Tally  `json:"grid"`
	// Totals is the change of each money figure summed over every changed
	// case, golden and grid, by figure id (totals.critical,
	// subsidy.amount …).
	Totals map[string]settle.Money `json:"totals"`
}

// Tally counts cases run.
type Tally struct {
	Cases   int `json:"cases"`
	Changed int `json:"changed"`
	// Failed were not settled under either version, so have no figures to
	// compare (a golden case the loader refuses under both).
	Failed int `json:"failed"`
	// Settled is how many grid cases were settled; each of the others has
	// the same terms from the same rules, under both versions, as one of
	// them, so the same figures (casegrid.Unit.Like).
	Settled int `json:"settled,omitempty"`
}

// Group is the changed cases of a region put down to one set of changes.
type Group struct {
	Region  string        `json:"region"`
	Changes []string      `json:"changes"` // ids of Report.Changes
	Cases   int           `json:"cases"`
	Golden  int           `json:"golden_cases"`
	Grid    int           `json:"grid_cases"`
	Figures []*FigureStat `json:"figures"`
	Example *Example      `json:"example"`

	changes []*Change
	first   int // the order of its first case, to sort groups by
}

// FigureStat is how one figure changed over a group's cases: in how many
// it moved and, for money, the smallest, largest and total change.
type FigureStat struct {
	Figure string        `json:"figure"`
	Cases  int           `json:"cases"`
	Min    *settle.Money `json:"min,omitempty"`
	Max    *settle.Money `json:"max,omitempty"`
	Total  *settle.Money `json:"total,omitempty"`
}

// Example is one changed case of a group with its changed figures.
type Example struct {
	Case    string              `json:"case"`
	Context string              `json:"context"`
	Placed  *casegrid.Placement `json:"placed,omitempty"`
	Figures []FigureChange      `json:"figures"`

	c *cases.Case
}

// outcome is one case's comparison.
type outcome struct {
	name    string
	title   string // a golden case's title
	golden  bool
	c       *cases.Case
	placed  *casegrid.Placement
	figures []FigureChange
	group   []*Change
	failed  bool // under both versions
}

// tally gathers outcomes. A grid unit's outcomes are gathered in a tally
// of their own, merged into the region's in unit order, so the example of
// each group is its first case whatever order the units ran in.
type tally struct {
	golden, grid Tally
	groups       map[string]*Group
	order        []string
	n            int // outcomes seen, to order groups by their first case
}

func newTally() *tally { return &tally{groups: map[string]*Group{}} }

func (t *tally) add(o outcome) {
	count := &t.grid
	if o.golden {
		count = &t.golden
	}
	count.Cases++
	t.n++
	switch {
	case o.failed:
		count.Failed++
		return
	case len(o.figures) == 0:
		return
	}
	count.Changed++
	key := groupKey(o.group)
	g := t.groups[key]
	if g == nil {
		g = &Group{changes: o.group, first: t.n}
		for _, c := range o.group {
			g.Changes = append(g.Changes, c.ID)
		}
		t.groups[key] = g
		t.order = append(t.order, key)
		g.Example = &Example{Case: o.name, Context: o.title, Placed: o.placed, Figures: o.figures, c: o.c}
		if o.c != nil {
			g.Example.Context = describe(o.c)
		}
	}
	g.Cases++
	if o.golden {
		g.Golden++
	} else {
		g.Grid++
	}
	g.count(o.figures)
}

func groupKey(cs []*Change) string {
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	return strings.Join(ids, "\n")
}

// count adds one case's changed figures to the group's statistics: each
// statistic once per case, its money the sum of the case's changes in it.
func (g *Group) count(figs []FigureChange) {
	sums := map[string]*settle.Money{}
	var order []string
	for _, f := range figs {
		stat := statOf(f.Figure)
		if stat == "" {
			continue
		}
		s, seen := sums[stat]
		if !seen {
			order = append(order, stat)
		}
		if f.Delta != nil {
			if s == nil {
				s = new(settle.Money)
			}
			*s += *f.Delta
		}
		sums[stat] = s
	}
	for _, stat := range order {
		g.stat(stat).add(sums[stat], 1)
	}
}

// stat finds or adds a group's statistic for a figure.
func (g *Group) stat(figure string) *FigureStat {
	for _, s := range g.Figures {
		if s.Figure == figure {
			return s
		}
	}
	s := &FigureStat{Figure: figure}
	g.Figures = append(g.Figures, s)
	return s
}

// add counts n cases whose change was d (nil: not money).
func (s *FigureStat) add(d *settle.Money, n int) {
	s.Cases += n
	if d == nil {
		return
	}
	if s.Min == nil || *d < *s.Min {
		s.Min = ptr(*d)
	}
	if s.Max == nil || *d > *s.Max {
		s.Max = ptr(*d)
	}
	total := settle.Money(0)
	if s.Total != nil {
		total = *s.Total
	}
	s.Total = ptr(total + *d*settle.Money(n))
}

func ptr(m settle.Money) *settle.Money { return &m }

// merge adds another tally's outcomes after this one's; settled says
// whether its cases were settled, or stand for a unit like them.
func (t *tally) merge(o *tally, settled bool) {
	for _, p := range []struct{ to, from *Tally }{{&t.golden, &o.golden}, {&t.grid, &o.grid}} {
		p.to.Cases += p.from.Cases
		p.to.Changed += p.from.Changed
		p.to.Failed += p.from.Failed
		if settled {
			p.to.Settled += p.from.Settled
		}
	}
	for _, key := range o.order {
		og := o.groups[key]
		g := t.groups[key]
		if g == nil {
			cp := *og
			cp.Figures = nil
			cp.first = t.n + og.first
			cp.Cases, cp.Golden, cp.Grid = 0, 0, 0
			g = &cp
			t.groups[key] = g
			t.order = append(t.order, key)
		}
		g.Cases += og.Cases
		g.Golden += og.Golden
		g.Grid += og.Grid
		for _, s := range og.Figures {
			gs := g.stat(s.Figure)
			gs.Cases += s.Cases
			if s.Min != nil && (gs.Min == nil || *s.Min < *gs.Min) {
				gs.Min = ptr(*s.Min)
			}
			if s.Max != nil && (gs.Max == nil || *s.Max > *gs.Max) {
				gs.Max = ptr(*s.Max)
			}
			if s.Total != nil {
				total := settle.Money(0)
				if gs.Total != nil {
					total = *gs.Total
				}
				gs.Total = ptr(total + *s.Total)
			}
		}
	}
	t.n += o.n
}

// describe says a grid case in ids, for tools: the year, the person, the
// claim.
func describe(c *cases.Case) string {
	parts := []string{fmt.Sprint(c.Year)}
	if len(c.Person.Categories) == 0 {
		parts = append(parts, "no category")
	} else {
		parts = append(parts, strings.Join(c.Person.Categories, "+"))
	}
	p := c.Person
	if p.Age != nil {
		parts = append(parts, fmt.Sprintf("age %d", *p.Age))
	}
	for _, s := range []string{p.Residence, p.County} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if p.ExitYear != nil {
		parts = append(parts, fmt.Sprintf("exit year %d", *p.ExitYear))
	}
	if p.Recognized != "" {
		parts = append(parts, "recognised "+p.Recognized)
	}
	parts = append(parts, "tier "+c.Enrollment.Tier)
	if c.Enrollment.Date != "" {
		parts = append(parts, "enrolled "+c.Enrollment.Date)
	}
	for _, cl := range c.Claims {
		claim := fmt.Sprintf("%s, level %s", cl.Kind, cl.HospitalLevel)
		if cl.Referred {
			claim += ", referred"
		}
		if cl.Disease != "" {
			claim += ", disease " + cl.Disease
		}
		if cl.Uninsured {
			claim += ", uninsured"
		}
		claim += fmt.Sprintf(", total %s, out of catalog %s", cl.Total, cl.OutOfCatalog)
		parts = append(parts, claim)
	}
	return strings.Join(parts, "; ")
}
