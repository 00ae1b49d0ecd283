package settle

import (
	"context"
	"fmt"
	"unsafe"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/policy"
)

// QuickFigures runs Figures' quick path alone: the test holds what it
// gives, when it gives anything, to what Settle gives.
func QuickFigures(e *Engine, ctx context.Context, c *cases.Case, out *Figures) bool {
	return !e.EvaluatePerClaim && e.quickFigures(ctx, c, out)
}

// SettleWith is Settle with the case's params already resolved (by
// ParamsFor or ParamsWithStandIns, as Settle resolves them).
func SettleWith(e *Engine, ctx context.Context, c *cases.Case, p *policy.Params) (*Result, error) {
	return e.settleWith(ctx, c, e.set.Regions[c.Region], p)
}

// KeysIn reports a key the engine caches by — a plan's, a decision's, a
// person context's — that holds a string in the memory [lo, hi).
func KeysIn(e *Engine, lo, hi uintptr) string {
	in := func(ss ...string) bool {
		for _, s := range ss {
			if p := uintptr(unsafe.Pointer(unsafe.StringData(s))); s != "" && p >= lo && p < hi {
				return true
			}
		}
		return false
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	for k := range e.plans {
		if in(k.region, k.person, k.kind, k.level, k.disease) {
			return fmt.Sprintf("plan %+v", k)
		}
	}
	for k := range e.decisions {
		if in(k.region, k.decision, k.person) {
			return fmt.Sprintf("decision %+v", k)
		}
	}
	for k := range e.params {
		if in(k.region, k.overrides) {
			return fmt.Sprintf("params %+v", k)
		}
	}
	t := e.figuresTables()
	t.persons.mu.Lock()
	defer t.persons.mu.Unlock()
	var tables []map[uint64]*personFigures
	if m := t.persons.read.Load(); m != nil {
		tables = append(tables, *m)
	}
	tables = append(tables, t.persons.dirty)
	for _, m := range tables {
		for _, pf := range m {
			for ; pf != nil; pf = pf.next {
				k := &pf.key
				if in(k.tier, k.residence, k.county, k.recognized, k.enrollmentDate, pf.planKey) {
					return fmt.Sprintf("person context %+v", *k)
				}
			}
		}
	}
	return ""
}
