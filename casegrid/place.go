package casegrid

import (
	"context"
	"math/bits"
	"slices"
	"strings"
	"sync"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle"
)

// Settler settles a case under one policy set: a settle.Engine.
type Settler interface {
	Settle(ctx context.Context, c *cases.Case) (*settle.Result, error)
}

// Version is a policy set and what settles cases under it.
type Version struct {
	Set     *policy.Set
	Settler Settler
}

const (
	// probeAmount is the in-scope amount of the probe claim: past every
	// deductible, band edge and cap a document sets, so that the probe's
	// steps show every tier's terms. As much again out of the catalog is
	// past any limit on it, so that the probe shows who bears the excess.
	probeAmount settle.Money = 1_000_000_000_00
	// sampleAmount is a claim every context is settled with besides its
	// boundaries: a context whose probe fails under both sets still has a
	// case, and a plain hospital bill is one.
	sampleAmount settle.Money = 10_000_00
	// catalogTotal is the total of the claims that put the out-of-catalog
	// cost at the limit's share of it.
	catalogTotal settle.Money = 10_000_00
)

// measure is what a search reads of a single claim's result.
type measure struct {
	what string // base, capgap, amount or a totals measure
	tier string
}

func (m measure) of(res *settle.Result) (settle.Money, bool) {
	switch m.what {
	case "amount":
		return res.Claims[0].InScope, true
	case "base", "capgap":
		st := paymentStep(res.Claims[0].Steps, m.tier)
		if st == nil {
			return 0, false
		}
		if m.what == "base" {
			return st.Base, true
		}
		if st.CapLeft == nil {
			return 0, false
		}
		return st.Paid - *st.CapLeft, true
	case "insured_self_pay":
		return res.Totals.InsuredSelfPay, true
	case "in_scope_self_pay":
		return res.Totals.InScopeSelfPay, true
	case "total_self_pay":
		return res.Totals.TotalSelfPay, true
	}
	return 0, false
}

// paymentStep is the step in which a tier pays: an uninsured claim has a
// step counting its base before it, which applies no terms.
func paymentStep(steps []settle.Step, tier string) *settle.Step {
	for i := range steps {
		if st := &steps[i]; st.Tier == tier && (st.Deductible != nil || st.Target != nil) {
			return st
		}
	}
	return nil
}

// search is one amount search: the in-scope amounts at which a measure of
// a single claim reaches a boundary, and the fen either side of it. Its key says everything its answer
// depends on — the terms of the steps the measure depends on, as the probe
// showed them — so contexts that share it, under either set, share the
// answer, found with the first such context's case.
type search struct {
	key     string
	unit    *Unit
	settler Settler
	m       measure
	// target is the boundary the measure is put at, and a fen either side;
	// for a cap, it is where the tier's payment reaches the cap, and the
	// boundary is the tier's base there (or the amount, for a tier with no
	// accumulation).
	target settle.Money
	cap    bool
	placed Placement // its Offset, and a cap's At, are filled in per amount

	found []amount
}

// need is what a unit's probe under one settler asks for: the answers of
// a search, or amounts that need none.
type need struct {
	search  *search
	amounts []amount
}

// Build finds where each unit's amounts go under every settler: each claim
// and monitoring unit is probed under each settler (phase one), each
// distinct search is run once, with the first unit that needs it (phase
// two), and each unit takes the answers of its searches (phase three). Up
// to workers probes run at once; the result does not depend on their order.
func Build(ctx context.Context, units []*Unit, versions []Version, workers int) {
	needs := make([][]need, len(units))
	classes := make([]string, len(units))
	Parallel(len(units), workers, func(i int) {
		u := units[i]
		if u.Kind == Person {
			return
		}
		var class strings.Builder
		for _, v := range versions {
			ns, c := u.probe(ctx, v)
			needs[i] = append(needs[i], ns...)
			class.WriteString(c + "\x00")
		}
		classes[i] = class.String()
	})
	first := map[string]*Unit{}
	for i, u := range units {
		if u.Kind != Claim {
			continue
		}
		if like, ok := first[classes[i]]; ok {
			u.Like = like
		} else {
			first[classes[i]] = u
		}
	}
	searches := map[string]*search{}
	var order []*search
	for i := range needs {
		for j, n := range needs[i] {
			if n.search == nil {
				continue
			}
			if first, ok := searches[n.search.key]; ok {
				needs[i][j].search = first
				continue
			}
			searches[n.search.key] = n.search
			order = append(order, n.search)
		}
	}
	Parallel(len(order), workers, func(i int) { order[i].run(ctx) })

	for i, u := range units {
		if u.Kind == Person {
			continue
		}
		seen := map[[2]settle.Money]bool{}
		add := func(a amount) {
			if k := [2]settle.Money{a.total, a.outOfCatalog}; !seen[k] && a.total > 0 && a.outOfCatalog <= a.total {
				seen[k] = true
				u.amounts = append(u.amounts, a)
			}
		}
		add(amount{total: sampleAmount, placed: Placement{Boundary: "sample"}})
		for _, n := range needs[i] {
			for _, a := range n.amounts {
				add(a)
			}
			if n.search != nil {
				for _, a := range n.search.found {
					add(a)
				}
			}
		}
		slices.SortStableFunc(u.amounts, func(a, b amount) int {
			if a.total != b.total {
				return cmpMoney(a.total, b.total)
			}
			return cmpMoney(a.outOfCatalog, b.outOfCatalog)
		})
	}
}

func cmpMoney(a, b settle.Money) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Parallel calls f(0..n-1) on up to workers goroutines (polc diff settles
// its units the same way).
func Parallel(n, workers int, f func(i int)) {
	work := make(chan int)
	var wg sync.WaitGroup
	for range max(1, workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				f(i)
			}
		}()
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
}

// settleAt settles the unit's claim alone with a total and an
// out-of-catalog cost.
func (u *Unit) settleAt(ctx context.Context, s Settler, total, outOfCatalog settle.Money) (*settle.Result, error) {
	c := u.template
	cl := c.Claims[0]
	cl.Total, cl.OutOfCatalog = total, outOfCatalog
	c.Claims = []cases.Claim{cl}
	return s.Settle(ctx, &c)
}

// probe settles the unit's claim with the probe amount and says what its
// terms ask for: for each tier paying on an accumulation, its deductible,
// band edges and the accumulation at which it reaches its cap; for the
// out-of-catalog limit, totals whose out-of-catalog cost is at it; for
// each monitoring flag, its threshold. A probe that fails asks for
// nothing: the other version's boundaries, and the sample, still give the
// context cases. It also gives the unit's class: what its claim cases'
// figures, and the rules they come from, depend on.
func (u *Unit) probe(ctx context.Context, v Version) ([]need, string) {
	s := v.Settler
	res, err := u.settleAt(ctx, s, 2*probeAmount, probeAmount)
	if err != nil || len(res.Claims) != 1 {
		return nil, "failed " + u.key
	}
	class := classOf(res, v.Set.Regions[u.template.Region])
	steps := res.Claims[0].Steps
	var out []need
	// The terms of the steps so far key each search: the same terms settle
	// a claim the same way whichever set or context gave them.
	fp := &strings.Builder{}
	if u.Kind == Monitoring {
		for _, st := range steps {
			writeTerms(fp, st)
		}
		for _, f := range res.Monitoring {
			m := measure{what: f.Measure}
			out = append(out, need{search: &search{key: fp.String() + "|" + f.Measure + "@" + f.Threshold.String(), unit: u, settler: s, m: m,
				target: f.Threshold, placed: Placement{Tier: f.Flag, Boundary: "threshold", At: f.Threshold}}})
		}
		return out, class
	}
	for _, st := range steps {
		prefix := fp.String()
		switch {
		case st.Tier == "out_of_catalog" && st.Limit != nil:
			allowed := st.Limit.Of(catalogTotal)
			var as []amount
			for _, off := range []settle.Money{-1, 0, 1} {
				as = append(as, amount{total: catalogTotal, outOfCatalog: allowed + off,
					placed: Placement{Tier: st.Tier, Boundary: "limit", At: allowed, Offset: off}})
			}
			out = append(out, need{amounts: as})
		case st.Deductible != nil:
			base := measure{what: "base", tier: st.Tier}
			at := func(boundary string, v settle.Money) {
				if v > 0 {
					out = append(out, need{search: &search{key: prefix + "|" + st.Tier + "@" + v.String(), unit: u, settler: s, m: base,
						target: v, placed: Placement{Tier: st.Tier, Boundary: boundary, At: v}}})
				}
			}
			at("deductible", *st.Deductible)
			for _, b := range st.Bands {
				if b.Upto != nil {
					at("band", *b.Upto)
				}
			}
		}
		writeTerms(fp, st)
		if st.CapLeft != nil && *st.CapLeft > 0 && st.Paid == *st.CapLeft && (st.Deductible != nil || st.Target != nil) {
			out = append(out, need{search: &search{key: fp.String() + "|cap " + st.Tier, unit: u, settler: s, cap: true,
				m: measure{what: "capgap", tier: st.Tier}, placed: Placement{Tier: st.Tier, Boundary: "cap"}}})
		}
	}
	return out, class
}

// classOf is what a claim case's figures depend on, as a probe shows it:
// every step's terms, when coverage starts, and the plan and enrollment
// rules used (by their keys in the version's own files), since a change is
// told by the rules it came from.
func classOf(res *settle.Result, r *policy.Region) string {
	var b strings.Builder
	for _, st := range res.Claims[0].Steps {
		writeTerms(&b, st)
	}
	if c := res.Coverage; c != nil {
		b.WriteString("|from " + c.From)
	}
	for _, k := range res.Rules {
		if d := r.Rules[k]; d != nil && (d.Decision == "plan" || d.Decision == "enrollment") {
			b.WriteString("|" + k)
		}
	}
	return b.String()
}

// writeTerms writes a step's terms — what settles a claim, not what the
// claim was — to a fingerprint.
func writeTerms(b *strings.Builder, st settle.Step) {
	b.WriteString("|" + st.Tier)
	for _, m := range []*settle.Money{st.Deductible, st.CapLeft} {
		b.WriteString(",")
		if m != nil {
			b.WriteString(m.String())
		}
	}
	for _, r := range []*settle.Ratio{st.Ratio, st.Target, st.Limit} {
		b.WriteString(",")
		if r != nil {
			b.WriteString(r.String())
		}
	}
	for _, bp := range st.Bands {
		b.WriteString("," + bp.Ratio.String() + "/")
		if bp.Upto != nil {
			b.WriteString(bp.Upto.String())
		}
	}
	b.WriteString("," + st.Note)
}

// run answers a search with its unit's case.
func (s *search) run(ctx context.Context) {
	memo := map[settle.Money]*settle.Result{}
	eval := func(m measure, amt settle.Money) (settle.Money, bool) {
		res, ok := memo[amt]
		if !ok {
			r, err := s.unit.settleAt(ctx, s.settler, amt, 0)
			if err != nil || len(r.Claims) != 1 {
				r = nil
			}
			memo[amt], res = r, r
		}
		if res == nil {
			return 0, false
		}
		return m.of(res)
	}
	m, placed := s.m, s.placed
	f := func(a settle.Money) (settle.Money, bool) { return eval(m, a) }
	v := s.target
	var from settle.Money
	if s.cap {
		at, ok := reach(f, 0, 0, probeAmount)
		if !ok {
			return
		}
		m = measure{what: "amount"}
		if s.m.tier != "top_up" {
			m = measure{what: "base", tier: s.m.tier}
		}
		if v, ok = f(at); !ok {
			return
		}
		placed.At, from = v, at
	} else {
		at, ok := reach(f, v, v-1, probeAmount)
		if !ok {
			return
		}
		from = at
	}
	// The fen either side are found from the boundary's amount: a few
	// settlements away.
	for off := settle.Money(-1); off <= 1; off++ {
		if v+off <= 0 {
			continue
		}
		amt, ok := near(f, v+off, from)
		if !ok {
			continue
		}
		p := placed
		p.Offset = off
		s.found = append(s.found, amount{total: amt, placed: p})
	}
}

// reach finds the least in-scope amount in [lo, hi] at which a
// non-decreasing measure of a single claim reaches t. Interpolating is
// exact on a stretch where the measure is linear in the amount, as it is
// between two boundaries, so most searches take a few settlements; a
// bisection every other step bounds the rest.
func reach(f func(settle.Money) (settle.Money, bool), t, lo, hi settle.Money) (settle.Money, bool) {
	lo = max(lo, 0)
	flo, ok1 := f(lo)
	fhi, ok2 := f(hi)
	if !ok1 || !ok2 || fhi < t {
		return 0, false
	}
	if flo >= t {
		return lo, true
	}
	for step := 0; hi-lo > 1; step++ {
		g := lo + (hi-lo)/2
		if step%2 == 0 {
			g = interpolate(lo, hi, flo, fhi, t)
		}
		fg, ok := f(g)
		if !ok {
			return 0, false
		}
		if fg >= t {
			hi, fhi = g, fg
			// Interpolation lands on or next to the answer: look one
			// fen below before narrowing further.
			if step%2 == 0 && g-1 > lo {
				if fb, ok := f(g - 1); ok && fb < t {
					return g, true
				}
			}
		} else {
			lo, flo = g, fg
			if step%2 == 0 && g+1 < hi {
				if fa, ok := f(g + 1); ok && fa >= t {
					return g + 1, true
				}
			}
		}
	}
	return hi, true
}

// near finds the least amount at which f reaches t starting from an
// amount close to it: it gallops away from it, a fen and then twice as far
// each time, until the answer is bracketed, and narrows with reach.
func near(f func(settle.Money) (settle.Money, bool), t, from settle.Money) (settle.Money, bool) {
	v, ok := f(from)
	if !ok {
		return 0, false
	}
	step := settle.Money(1)
	if v >= t {
		for hi := from; ; step *= 2 {
			lo := max(hi-step, 0)
			fl, ok := f(lo)
			switch {
			case !ok:
				return 0, false
			case fl < t:
				return reach(f, t, lo, hi)
			case lo == 0:
				return 0, true
			}
			hi = lo
		}
	}
	for lo := from; ; step *= 2 {
		hi := min(lo+step, probeAmount)
		fh, ok := f(hi)
		switch {
		case !ok:
			return 0, false
		case fh >= t:
			return reach(f, t, lo, hi)
		case hi == probeAmount:
			return 0, false
		}
		lo = hi
	}
}

// interpolate is where the line through (lo, flo) and (hi, fhi) reaches
// t, strictly between lo and hi, in exact integer arithmetic.
func interpolate(lo, hi, flo, fhi, t settle.Money) settle.Money {
	if fhi <= flo {
		return lo + (hi-lo)/2
	}
	h, l := bits.Mul64(uint64(t-flo), uint64(hi-lo))
	q, _ := bits.Div64(h, l, uint64(fhi-flo))
	return min(max(lo+settle.Money(q), lo+1), hi-1)
}
