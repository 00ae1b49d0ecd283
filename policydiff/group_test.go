package policydiff

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle"
)

// side is a decision rule of one version, as matchRules sees it.
func side(key, decision, clause, title, text string) *ruleSide {
	return &ruleSide{key: key, text: text, rule: &policy.DecisionRule{Key: key, Decision: decision, Clause: clause, Title: title}}
}

func pairsText(ps []rulePair) string {
	var out []string
	for _, p := range ps {
		b, a := "-", "-"
		if p.before != nil {
			b = p.before.key
		}
		if p.after != nil {
			a = p.after.key
		}
		out = append(out, b+">"+a)
	}
	return strings.Join(out, " ")
}

// Rules are matched by what they are, never by position: every line of
// the working copy moved (a line added at the top), one rule's text was
// edited, another retitled, a third both (which cannot be told from a rule
// removed and another added), and two rules share a clause and title.
func TestMatchRules(t *testing.T) {
	before := []*ruleSide{
		side("b:10", "plan", "三(六)", "大病保险", "plan contains {ratio: 0.6}"),
		side("b:20", "plan", "三(七)", "医疗救助", "plan contains {ratio: 0.7}"),
		side("b:30", "subsidy", "二(一)", "低保", "subsidy contains {share: 0.9}"),
		side("b:40", "subsidy", "二(一)", "特困", "subsidy contains {full}"),
		side("b:50", "plan", "三(八)", "同名", "plan contains {x: 1}"),
		side("b:60", "plan", "三(八)", "同名", "plan contains {x: 2}"),
	}
	after := []*ruleSide{
		side("a:11", "plan", "三(六)", "大病保险", "plan contains {ratio: 0.65}"),      // text edited
		side("a:21", "plan", "三(七)", "医疗救助：低收入人口", "plan contains {ratio: 0.7}"), // retitled
		side("a:31", "subsidy", "二(一)", "低保对象", "subsidy contains {share: 0.8}"), // both
		side("a:41", "subsidy", "二(一)", "特困", "subsidy contains {full}"),
		side("a:51", "plan", "三(八)", "同名", "plan contains {x: 2}"),
		side("a:61", "plan", "三(八)", "同名", "plan contains {x: 1}"),
	}
	got := pairsText(matchRules(before, after))
	want := "b:40>a:41 b:60>a:51 b:50>a:61 b:10>a:11 b:20>a:21 b:30>- ->a:31"
	if got != want {
		t.Errorf("pairs\n got %s\nwant %s", got, want)
	}
}

// region builds a region's changes from a list of rule changes, each
// known in both versions under the same key.
func region(changes ...*Change) *regionChanges {
	rc := &regionChanges{region: "r", byBefore: map[string]*Change{}, byAfter: map[string]*Change{},
		none: &Change{ID: "r:unattributed", Kind: "unattributed"}}
	for _, c := range changes {
		rc.changes = append(rc.changes, c)
		if c.Kind == "rule" {
			rc.byBefore[c.ID], rc.byAfter[c.ID] = c, c
		} else {
			rc.unread = append(rc.unread, c)
		}
	}
	return rc
}

func rule(id, decision string, tiers ...string) *Change {
	return &Change{ID: id, Kind: "rule", Decision: decision, tiers: tiers}
}

func changed(names ...string) []FigureChange {
	out := make([]FigureChange, len(names))
	for i, n := range names {
		d := settle.Money(100)
		out[i] = FigureChange{Figure: n, Delta: &d}
	}
	return out
}

func ids(cs []*Change) string {
	var out []string
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return strings.Join(out, ",")
}

// Each changed figure goes to the changed rules that produce it, among
// those the case used; a figure that moved only because an earlier tier
// paid differently goes to that tier's rules; what no used rule explains
// goes to the region's other changes, or to none.
func TestAttribute(t *testing.T) {
	critical := rule("critical", "plan", "critical")
	assistance := rule("assistance", "plan", "assistance")
	tilted := rule("tilted", "plan", "tilted")
	anyTier := rule("any-tier", "plan") // names its tier dynamically
	subsidy := rule("subsidy", "subsidy")
	monitoring := rule("monitoring", "monitoring")
	contribution := &Change{ID: "params:contribution.tier1", Kind: "params"}
	rc := region(critical, assistance, tilted, anyTier, subsidy, monitoring, contribution)
	used := func(cs ...*Change) *settle.Result {
		r := &settle.Result{}
		for _, c := range cs {
			r.Rules = append(r.Rules, c.ID)
		}
		return r
	}
	for _, tc := range []struct {
		name    string
		before  *settle.Result
		after   *settle.Result
		figures []FigureChange
		sc      scope
		want    string
	}{
		{"a tier's payment to its rule", used(critical), used(critical), changed("totals.critical", "totals.out_of_pocket"), scopeAll, "critical"},
		{"a later tier to the earlier one", used(critical), used(critical), changed("totals.assistance", "totals.out_of_pocket"), scopeAll, "critical"},
		{"not to a later one", used(critical, tilted), used(critical, tilted), changed("totals.assistance"), scopeAll, "critical"},
		{"two tiers, two rules", used(critical, assistance), used(critical, assistance), changed("totals.critical", "totals.assistance"), scopeAll, "assistance,critical"},
		{"a rule naming no tier may give any", used(anyTier), used(anyTier), changed("totals.tilted"), scopeAll, "any-tier"},
		{"a rule used in one version only", used(), used(assistance), changed("totals.assistance"), scopeAll, "assistance"},
		{"the subsidy to its rule", used(subsidy, critical), used(subsidy, critical), changed("subsidy.amount"), scopeAll, "subsidy"},
		{"a flag to its changed rule", used(monitoring, critical), used(critical), changed("monitoring.flag.raised"), scopeMonitoring, "monitoring"},
		{"a flag moved by the measures alone", used(critical), used(critical), changed("monitoring.flag.raised"), scopeMonitoring, "critical"},
		{"a subsidy no rule explains to a standard", used(critical), used(critical), changed("subsidy.amount"), scopePerson, "params:contribution.tier1"},
		{"claim cases ignore subsidy rules", used(subsidy), used(subsidy), changed("totals.basic"), scopeClaims, "params:contribution.tier1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ids(rc.attribute(tc.figures, rc.usedChanges(tc.before, tc.after, tc.sc)))
			if got != tc.want {
				t.Errorf("put down to %q, want %q", got, tc.want)
			}
		})
	}
	bare := region(critical)
	if got := ids(bare.attribute(changed("subsidy.amount"), nil)); got != "r:unattributed" {
		t.Errorf("with nothing to explain it: %q", got)
	}
}

// A group's statistics count each case once per figure, with the sum of
// its changes; merged tallies keep the first example and add up.
func TestTallyStatistics(t *testing.T) {
	a, b := rule("a", "plan", "critical"), rule("b", "plan", "basic")
	money := func(name string, d settle.Money) FigureChange { return FigureChange{Figure: name, Delta: &d} }
	first, second := newTally(), newTally()
	first.add(outcome{name: "one", golden: true, group: []*Change{a}, figures: []FigureChange{money("totals.critical", 500), money("claims.c1.critical", 200), money("claims.c2.critical", 300)}})
	first.add(outcome{name: "two", group: []*Change{a}, figures: []FigureChange{money("totals.critical", -100)}})
	first.add(outcome{name: "same"})
	first.add(outcome{name: "failed", failed: true})
	second.add(outcome{name: "three", group: []*Change{a}, figures: []FigureChange{money("totals.critical", 1000), money("totals.out_of_pocket", -1000)}})
	second.add(outcome{name: "four", group: []*Change{b}, figures: []FigureChange{money("totals.basic", 7)}})
	first.merge(second, true)
	if first.golden != (Tally{Cases: 1, Changed: 1}) || first.grid != (Tally{Cases: 5, Changed: 3, Failed: 1}) {
		t.Fatalf("golden %+v, grid %+v", first.golden, first.grid)
	}
	g := first.groups[groupKey([]*Change{a})]
	if g.Cases != 3 || g.Golden != 1 || g.Grid != 2 || g.Example.Case != "one" {
		t.Fatalf("group %+v", g)
	}
	var got []string
	for _, s := range g.Figures {
		got = append(got, fmt.Sprintf("%s %d %s %s %s", s.Figure, s.Cases, s.Min, s.Max, s.Total))
	}
	want := []string{"totals.critical 3 -1.00 10.00 14.00", "totals.out_of_pocket 1 -10.00 -10.00 -10.00"}
	if !slices.Equal(got, want) {
		t.Errorf("statistics\n got %q\nwant %q", got, want)
	}
	if first.order[1] != groupKey([]*Change{b}) || first.groups[first.order[1]].first <= g.first {
		t.Errorf("groups in the order of their first case: %q", first.order)
	}
}
