package sim_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/policies/policiestest"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/policydiff"
	"github.com/polc-dev/polc/population"
	"github.com/polc-dev/polc/sim"
)

// policiesWith is the shipped policies with edits to tongnan's params
// file (old text → new), compiled: tongnan alone, the region of the
// populations the tests compare (the other four are a fifth the compile
// each, and no person of theirs is read).
func policiesWith(t *testing.T, edits ...string) *policy.Set {
	t.Helper()
	m := policiestest.Copy(t)
	for i := 0; i < len(edits); i += 2 {
		policiestest.Edit(t, m, "params/tongnan.yaml", edits[i], edits[i+1])
	}
	set, ds := compiler.Compile(context.Background(), m, "policies", compiler.Options{SkipExhaustive: true, Regions: []string{"tongnan"}})
	if set == nil {
		t.Fatal(ds)
	}
	return set
}

// The threshold of tilted assistance, lowered in both versions so that a
// small population reaches it, and its ratio, raised in the second.
const (
	threshold, lower = "      2022-01-01: 20000\n", "      2022-01-01: 2000\n"
	ratio, higher    = "      2022-01-01: 0.5\n", "      2022-01-01: 0.6\n"
)

// ratioVersions is the two versions TestAgainstOneRatio and
// TestAgainstFastLaneAgrees compare, compiled once (a compiled set is
// immutable).
func ratioVersions(t *testing.T) (before, after *policy.Set) {
	t.Helper()
	ratioOnce.Do(func() {
		ratioSets.before = policiesWith(t, threshold, lower)
		ratioSets.after = policiesWith(t, threshold, lower, ratio, higher)
	})
	if ratioSets.before == nil || ratioSets.after == nil {
		t.Fatal("the two versions did not compile")
	}
	return ratioSets.before, ratioSets.after
}

var (
	ratioOnce sync.Once
	ratioSets struct{ before, after *policy.Set }
)

func against(t *testing.T, before, after *policy.Set, g *generated) *sim.Comparison {
	t.Helper()
	rd := population.NewReader(bytes.NewReader(g.persons.Bytes()), "persons.csv", bytes.NewReader(g.claims.Bytes()), "claims.csv", after)
	cmp, problems, err := sim.Against(context.Background(), sim.Engine(before, g.overrides).(sim.Settler), sim.Engine(after, g.overrides).(sim.Settler),
		func(region string) *policydiff.RegionChanges { return policydiff.DetectRegion(region, before, after) },
		after.CaseShape(), rd, sim.Options{})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if err != nil {
		t.Fatal(err)
	}
	return cmp
}

// Raising tongnan's tilted-assistance ratio moves money from the persons'
// out-of-pocket to the tilted tier and nothing else: nobody pays more,
// some pay less, and every changed person is put down to the one rule
// that reads the ratio, 三(七). The threshold is lowered in both versions
// so that a small population reaches it.
func TestAgainstOneRatio(t *testing.T) {
	t.Parallel()
	before, after := ratioVersions(t)
	g := generate(t, after, "tongnan", 2023, 400, 4, 7)
	cmp := against(t, before, after, g)

	if !cmp.Changed || cmp.Persons != 400 {
		t.Fatalf("changed %v, %d persons", cmp.Changed, cmp.Persons)
	}
	var tilted, oop int64
	for _, d := range cmp.Totals {
		switch d.Figure {
		case "tilted":
			tilted = int64(d.Delta)
		case "out_of_pocket":
			oop = int64(d.Delta)
		default:
			if d.Delta != 0 {
				t.Errorf("%s moved by %s", d.Figure, d.Delta)
			}
		}
		if d.After-d.Before != d.Delta {
			t.Errorf("%s: %s − %s ≠ %s", d.Figure, d.After, d.Before, d.Delta)
		}
	}
	if tilted <= 0 || oop != -tilted {
		t.Errorf("tilted %+d fen, out of pocket %+d fen: want a rise in tilted matched by a fall out of pocket", tilted, oop)
	}
	sh := cmp.OutOfPocket
	if sh.More != 0 || sh.Less == 0 || sh.More+sh.Less+sh.Same != cmp.Persons || int64(sh.Decrease) != oop || sh.LargestDecrease == nil {
		t.Errorf("out of pocket: %+v", sh)
	}
	if len(cmp.Changes) != 1 || cmp.Changes[0].Clause != "三(七)" {
		t.Fatalf("changes: %+v", cmp.Changes)
	}
	if len(cmp.Groups) != 1 {
		t.Fatalf("%d groups: %+v", len(cmp.Groups), cmp.Groups)
	}
	grp := cmp.Groups[0]
	if len(grp.Changes) != 1 || grp.Changes[0].Clause != "三(七)" || grp.Persons != sh.Less {
		t.Errorf("group: %+v (%d persons pay less)", grp, sh.Less)
	}
	for _, f := range grp.Figures {
		if f.Figure != "tilted" && f.Figure != "out_of_pocket" {
			t.Errorf("group figure %s moved", f.Figure)
		}
		if f.Figure == "tilted" && (int64(f.Total) != tilted || f.Min <= 0 || f.Max < f.Min) {
			t.Errorf("group's tilted: %+v", f)
		}
	}
	// Who of each category pays more, less or the same: counted person by
	// person, it agrees with the category's out-of-pocket summed.
	someLess := false
	for _, c := range cmp.Categories {
		for _, d := range c.Figures {
			if d.Delta != 0 && d.Figure != "tilted" && d.Figure != "out_of_pocket" {
				t.Errorf("category %s: %s moved", c.Category, d.Figure)
			}
			cs := c.OutOfPocket
			if d.Figure == "out_of_pocket" && (cs.More != 0 || cs.Increase != 0 || cs.Decrease != d.Delta || cs.More+cs.Less+cs.Same != c.Persons) {
				t.Errorf("category %s: out of pocket %s, shift %+v", c.Category, d.Delta, cs)
			}
		}
		someLess = someLess || c.OutOfPocket.Less > 0
	}
	if !someLess {
		t.Error("no category has a person paying less")
	}
	md := string(sim.AgainstMarkdown(after.CaseShape(), sim.Inputs{}, cmp))
	for _, want := range []string{"**有变化**", "### 1. 三(七) ", "| 倾斜救助 |", "0 人增加", "个人负担增减（按人员类别）"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	j1, _ := sim.AgainstJSON(cmp)
	j2, _ := sim.AgainstJSON(against(t, before, after, g))
	if !bytes.Equal(j1, j2) {
		t.Error("two runs give different JSON")
	}
}

// The same version on both sides changes nothing.
func TestAgainstUnchanged(t *testing.T) {
	t.Parallel()
	set := shippedSet(t)
	g := generate(t, set, "tongnan", 2023, 200, 3, 3)
	cmp := against(t, set, set, g)
	if cmp.Changed || len(cmp.Changes) != 0 || len(cmp.Groups) != 0 || cmp.OutOfPocket.Same != cmp.Persons {
		t.Fatalf("unchanged version: %+v", cmp)
	}
	for _, d := range cmp.Totals {
		if d.Delta != 0 {
			t.Errorf("%s moved", d.Figure)
		}
	}
	if md := string(sim.AgainstMarkdown(set.CaseShape(), sim.Inputs{}, cmp)); !strings.Contains(md, "**无变化**：两个版本的规则和参数相同") {
		t.Errorf("markdown:\n%s", md)
	}
}

// Against reads the files the fast way where it can, as Run does: the
// comparison — JSON and Markdown, the largest movers' ids included — is
// the careful reading's, byte for byte, on the population of the test
// above and on it with a bad row (which the fast way leaves to the careful
// reading), with each block overwritten once taken.
func TestAgainstFastLaneAgrees(t *testing.T) {
	t.Parallel()
	ctx, fastRuns := sim.Observe(context.Background(), true)
	before, after := ratioVersions(t)
	g := generate(t, after, "tongnan", 2023, 300, 4, 9)
	run := func(persons, claims string, seekable bool) string {
		var pr, cr io.Reader = strings.NewReader(persons), strings.NewReader(claims)
		if !seekable {
			pr, cr = onlyReader{pr}, onlyReader{cr}
		}
		rd := population.NewReader(pr, "persons.csv", cr, "claims.csv", after)
		cmp, problems, err := sim.Against(ctx, sim.Engine(before, g.overrides).(sim.Settler), sim.Engine(after, g.overrides).(sim.Settler),
			func(region string) *policydiff.RegionChanges { return policydiff.DetectRegion(region, before, after) },
			after.CaseShape(), rd, sim.Options{})
		out := fmt.Sprintf("problems %v\nerror %v\n", problems, err)
		if cmp != nil {
			js, _ := sim.AgainstJSON(cmp)
			out += string(js) + string(sim.AgainstMarkdown(after.CaseShape(), sim.Inputs{}, cmp))
		}
		return out
	}
	claims := g.claims.String()
	lines := strings.SplitAfter(claims, "\n")
	bad := strings.Join(lines[:len(lines)/2], "") + strings.Replace(lines[len(lines)/2], ",", ",,", 1) + strings.Join(lines[len(lines)/2+1:], "")
	for _, tc := range []struct {
		name   string
		claims string
		fast   bool
	}{{"clean", claims, true}, {"a bad row", bad, false}} {
		t.Run(tc.name, func(t *testing.T) {
			n := fastRuns()
			fast := run(g.persons.String(), tc.claims, true)
			if took := fastRuns() > n; took != tc.fast {
				t.Fatalf("fast lane took it: %v, want %v", took, tc.fast)
			}
			if careful := run(g.persons.String(), tc.claims, false); fast != careful {
				t.Fatalf("fast lane:\n%s\ncareful:\n%s", fast, careful)
			}
			if tc.fast && !strings.Contains(fast, `"largest_decrease": {`) {
				t.Fatalf("no largest decrease to compare:\n%s", fast)
			}
		})
	}
}
