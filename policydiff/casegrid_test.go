package policydiff_test

// The tests of casegrid, in policydiff's test binary rather than one of
// their own: casegrid lays out the grid polc diff settles, and a test
// binary that links OPA takes ≈ 3.5 s of CPU to link, more than these
// tests take to run. They read the shipped tongnan that policydiff's
// tests compile (shipped).

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/polc-dev/polc/casegrid"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle"
)

// tongnanGrid is tongnan's grid built once for the tests that read it
// (Build is most of their time; they only read the units), with the
// engine that built it.
func tongnanGrid(t *testing.T) ([]*casegrid.Unit, *settle.Engine) {
	t.Helper()
	set := shippedTongnan(t)
	builtOnce.Do(func() {
		built.engine = gridEngine(set)
		built.units = casegrid.Units("tongnan", set)
		casegrid.Build(context.Background(), built.units, []casegrid.Version{{Set: set, Settler: built.engine}}, 2)
	})
	return built.units, built.engine
}

var (
	builtOnce sync.Once
	built     struct {
		units  []*casegrid.Unit
		engine *settle.Engine
	}
)

// tongnan's plans read no referral, so the grid holds it at its first
// value; they read the claim kind and level, which it crosses with every
// category set and year.
func TestUnitsCrossWhatTheRulesRead(t *testing.T) {
	t.Parallel()
	set := shippedTongnan(t)
	units := casegrid.Units("tongnan", set)
	referred := map[bool]int{}
	kinds := map[string]bool{}
	for _, u := range units {
		if u.Kind != casegrid.Claim {
			continue
		}
		c := u.Cases()
		if len(c) != 0 {
			t.Fatalf("a unit has cases before Build: %d", len(c))
		}
	}
	units, _ = tongnanGrid(t)
	for _, u := range units {
		if u.Kind != casegrid.Claim {
			continue
		}
		cl := u.Cases()[0].Case.Claims[0]
		referred[cl.Referred]++
		kinds[cl.Kind] = true
	}
	if referred[false] != 0 || referred[true] == 0 {
		t.Errorf("referral varied though tongnan's plans do not read it: %v", referred)
	}
	if len(kinds) != 3 {
		t.Errorf("claim kinds %v, want all three", kinds)
	}
}

func gridEngine(set *policy.Set) *settle.Engine {
	e := settle.New(set)
	e.OpenStandIns = true
	return e
}

// For a dibao inpatient in tongnan in 2023 at a level-2 hospital, the
// critical-illness deductible is 17833.00 halved by 三(六), 8916.50 (see
// compiler's TestTongnanPlan): the grid settles claims whose
// critical-illness accumulation is one fen below it, at it and one fen
// above, and the same at the basic deductible (400.00 at level 2), found
// by settling, not by working the tiers out again.
func TestAmountsPutAccumulationsAtBoundaries(t *testing.T) {
	t.Parallel()
	units, e := tongnanGrid(t)
	var unit *casegrid.Unit
	for _, u := range units {
		if u.Kind != casegrid.Claim || u.Like != nil {
			continue
		}
		c := u.Cases()[0].Case
		if c.Year == 2023 && slices.Equal(c.Person.Categories, []string{"dibao"}) && c.Claims[0].Kind == "inpatient" && c.Claims[0].HospitalLevel == "2" {
			unit = u
		}
	}
	if unit == nil {
		t.Fatal("no unit for a dibao inpatient at level 2 in 2023")
	}
	bases := map[string][]string{}
	for _, gc := range unit.Cases() {
		res, err := e.Settle(context.Background(), &gc.Case)
		if err != nil {
			t.Fatal(err)
		}
		p := gc.Placed
		if p.Boundary != "deductible" {
			continue
		}
		for _, st := range res.Claims[0].Steps {
			if st.Tier == p.Tier && st.Deductible != nil {
				bases[p.Tier] = append(bases[p.Tier], st.Base.String())
			}
		}
	}
	want := map[string][]string{
		"basic":    {"399.99", "400.00", "400.01"},
		"critical": {"8916.49", "8916.50", "8916.51"},
	}
	for tier, w := range want {
		if !slices.Equal(bases[tier], w) {
			t.Errorf("%s accumulations at its deductible: %v, want %v", tier, bases[tier], w)
		}
	}
}

// A unit stands for another (Like) only when every term of every tier and
// the rules giving them are the same, under every version: the outcome of
// one is then the outcome of the other.
func TestLikeUnitsSettleAlike(t *testing.T) {
	t.Parallel()
	units, e := tongnanGrid(t)
	checked := 0
	for _, u := range units {
		if u.Like == nil || checked >= 50 {
			continue
		}
		mine, theirs := u.Cases(), u.Like.Cases()
		if len(mine) != len(theirs) {
			t.Fatalf("%s has %d cases, the unit it is like %d", mine[0].Case.File, len(mine), len(theirs))
		}
		for i := range mine {
			a, errA := e.Settle(context.Background(), &mine[i].Case)
			b, errB := e.Settle(context.Background(), &theirs[i].Case)
			if (errA == nil) != (errB == nil) || (errA == nil && a.Totals != b.Totals) {
				t.Fatalf("%s and %s settle differently: %+v / %v, %+v / %v", mine[i].Case.File, theirs[i].Case.File, a, errA, b, errB)
			}
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no unit is like another")
	}
	if !strings.HasPrefix(units[0].Cases()[0].Case.File, "grid/tongnan/") {
		t.Errorf("case named %q", units[0].Cases()[0].Case.File)
	}
}
