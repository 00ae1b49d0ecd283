package policydiff_test

import (
	"context"
	"io/fs"
	"strings"
	"testing"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/golden"
	"github.com/polc-dev/polc/policies"
	"github.com/polc-dev/polc/policies/policiestest"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/policydiff"
)

// edited is the shipped policies with one file's text replaced once.
func edited(t *testing.T, file, old, repl string) fs.FS {
	t.Helper()
	out := policiestest.Copy(t)
	policiestest.Edit(t, out, file, old, repl)
	return out
}

// compile compiles tongnan, the region the runs are limited to, as polc
// diff --regions tongnan does: with the regions its golden cases name,
// which are tongnan's own.
func compile(t *testing.T, fsys fs.FS) *policy.Set {
	t.Helper()
	set, ds := compiler.Compile(context.Background(), fsys, "policies", compiler.Options{SkipExhaustive: true, Regions: []string{"tongnan"}})
	if set == nil {
		t.Fatal(ds)
	}
	return set
}

// shippedTongnan is the shipped policies' tongnan, compiled once: the
// revision every run compares with, and the region the grid tests lay out
// (casegrid_test.go).
func shippedTongnan(t *testing.T) *policy.Set {
	t.Helper()
	return policiestest.Compiled(t, compiler.Options{SkipExhaustive: true, Regions: []string{"tongnan"}})
}

func run(t *testing.T, after fs.FS) *policydiff.Report {
	t.Helper()
	before := shippedTongnan(t)
	rep, err := policydiff.Run(context.Background(), policydiff.Options{
		Before: before, After: compile(t, after), BeforeFS: policies.FS, AfterFS: after,
		Golden: golden.FS, GoldenDisplay: "golden", Regions: []string{"tongnan"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// Raising tongnan's tilted-assistance ratio (a params value) is one
// change, to the rule of 三(七) that reads it; every figure it moves is put
// down to that rule alone — more tilted assistance, as much less left to
// the person — and nothing else moves.
func TestOneRatio(t *testing.T) {
	t.Parallel()
	rep := run(t, edited(t, "params/tongnan.yaml", "      2022-01-01: 0.5\n", "      2022-01-01: 0.6\n"))
	if len(rep.Changes) != 1 {
		t.Fatalf("changes %+v, want one", rep.Changes)
	}
	c := rep.Changes[0]
	if c.Kind != "rule" || c.Decision != "plan" || c.Clause != "三(七)" || !c.Moved ||
		len(c.What) != 1 || !strings.Contains(c.What[0], "`tilted.ratio`（2022–2025年度）：0.5 → 0.6") {
		t.Fatalf("change %+v", c)
	}
	if len(rep.Groups) != 1 {
		t.Fatalf("%d groups, want one", len(rep.Groups))
	}
	g := rep.Groups[0]
	if len(g.Changes) != 1 || g.Changes[0] != c.ID || g.Grid == 0 {
		t.Fatalf("group %+v", g)
	}
	for _, s := range g.Figures {
		switch s.Figure {
		case "totals.tilted":
			if *s.Min <= 0 || s.Cases != g.Cases {
				t.Errorf("tilted assistance changed by %s to %s in %d of %d cases", s.Min, s.Max, s.Cases, g.Cases)
			}
		case "totals.out_of_pocket", "totals.in_scope_self_pay", "totals.total_self_pay":
			if *s.Max >= 0 {
				t.Errorf("%s rose by up to %s", s.Figure, s.Max)
			}
		default:
			t.Errorf("%s moved too", s.Figure)
		}
	}
	if files := rep.Files; len(files) != 1 || files[0].Path != "params/tongnan.yaml" || files[0].Status != "modified" {
		t.Errorf("files %+v", files)
	}
}

// A copy with nothing changed but a line added above every rule (which
// moves every rule's key) is no change at all.
func TestUnchangedCopy(t *testing.T) {
	t.Parallel()
	rep := run(t, edited(t, "tongnan.rego", "package regions.tongnan\n", "package regions.tongnan\n\n# moved\n"))
	if !rep.NoChange() {
		t.Fatalf("changes %+v, groups %+v", rep.Changes, rep.Groups)
	}
	if r := rep.Regions[0]; r.Golden.Cases == 0 || r.Grid.Cases == 0 || r.Grid.Settled == 0 || r.Golden.Changed+r.Grid.Changed != 0 {
		t.Errorf("region %+v", r)
	}
}

// A reading a rule declares (custom.reading) is a change even when no
// figure moves: it is listed, not moved.
func TestReadingAlone(t *testing.T) {
	t.Parallel()
	rep := run(t, edited(t, "tongnan.rego", "# title: 特困人员参加一档，按一档个人缴费标准的100%全额资助\n# custom:\n#   clause: 二(一)\n",
		"# title: 特困人员参加一档，按一档个人缴费标准的100%全额资助\n# custom:\n#   clause: 二(一)\n#   reading: {text: 全额资助, chosen: 一档个人缴费的100%, alternative: 本人档次的100%}\n"))
	if len(rep.Changes) != 1 || len(rep.Groups) != 0 || rep.NoChange() {
		t.Fatalf("changes %+v, groups %+v", rep.Changes, rep.Groups)
	}
	if c := rep.Changes[0]; c.Moved || c.Clause != "二(一)" || !strings.HasPrefix(c.What[0], "解读（custom.reading）有变") {
		t.Errorf("change %+v", c)
	}
}
