package compiler

import (
	"context"
	"encoding/binary"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/policy"
)

// Bounds of the exhaustive stage. A rule is evaluated once per point of
// its own projection; the whole space is only walked, never stored, to
// join the results. A policy that would pass these is refused with the
// dimensions that multiply it, before anything is evaluated.
const (
	MaxRuleContexts  = 20_000
	MaxSpaceContexts = 2_000_000
	// RuleTimeBudget bounds the time all evaluations of one rule may take
	// together (each is also under the sandbox's own deadline), and
	// StageTimeBudget those of every rule of every region.
	RuleTimeBudget  = 10 * time.Second
	StageTimeBudget = 60 * time.Second
	// MaxCoverage bounds a region's coverage statements: the exhaustive
	// stage holds the ones applying at a point as bits of a uint64.
	MaxCoverage = 64
)

// stageContext bounds a stage that prepares or evaluates policy queries:
// each evaluation is under the sandbox guard's own deadline as well, and
// the stage's as a whole under the caller's context and StageTimeBudget.
func (c *Compiler) stageContext() (context.Context, context.CancelFunc) {
	return context.WithTimeout(c.ctx, StageTimeBudget)
}

// decisionsChecked are the decisions evaluated over their context space.
var decisionsChecked = []string{"subsidy", "monitoring", "enrollment", "plan"}

// ruleTask is one rule evaluated over its projection.
type ruleTask struct {
	space *space
	proj  *projection
	rule  *policy.DecisionRule
	// same maps each year to the first with the parameters the rule reads
	// (space.sameYears); nil when every year is evaluated.
	same     []int
	results  []int32 // the distinct result at each point of the projection
	distinct [][]policy.Record
	failed   bool
	diags    diag.List
}

// ruleGroup is the rules of one space that are evaluated at the same
// points: they read the same dimensions, see the same category sets and
// the same years. One query evaluates them together, over one input, and
// the helper rules they share (a person's category of assistance, whether
// a claim is assisted) are evaluated once for all of them: a third less
// time than each on its own, for the liujiang plans that read a disease.
type ruleGroup struct {
	tasks []*ruleTask
}

// regionSpaces is one region's spaces and the rule tasks over them.
type regionSpaces struct {
	region *region
	spaces []*space
	tasks  map[*space][]*ruleTask
	failed map[*space]bool
}

// checkConstraints evaluates every rule of every decision over its
// projection of the context space, checking each distinct record it yields
// against its schema type and CEL rules, and refusing a rule that applies
// with its head undefined. checkExhaustive then joins the results.
func (c *Compiler) checkConstraints() {
	var all []*regionSpaces
	var tasks []*ruleTask
	for _, r := range c.healthy() {
		rs := &regionSpaces{region: r, tasks: map[*space][]*ruleTask{}, failed: map[*space]bool{}}
		sets := c.categorySets(r)
		for _, decision := range decisionsChecked {
			sp := c.newSpace(r, decision, sets)
			rs.spaces = append(rs.spaces, sp)
			if n := sp.size(); n > MaxSpaceContexts {
				c.errorf(StageConstraints, c.pos(r.Module.Package.Location), "the exhaustive space of %s.%s has %d contexts, over the limit of %d: %s%s",
					r.ID, decision, n, MaxSpaceContexts, sp.describeSize(allDims(sp), len(sp.sets)), c.readersNote(r, sp))
				rs.failed[sp] = true
				continue
			}
			for _, key := range r.ruleKeys(decision) {
				p := sp.project(r.reads[key], c.schema)
				t := &ruleTask{space: sp, proj: p, rule: r.Rules[key], same: sp.sameYears(p, r.reads[key])}
				if p.size > MaxRuleContexts {
					c.errorf(StageConstraints, t.rule.Position(), "the exhaustive check would evaluate this rule in %d contexts, over the limit of %d: it reads %s; compare fewer attributes in one rule, or split it",
						p.size, MaxRuleContexts, sp.describeSize(p.reads, len(p.sets)))
					rs.failed[sp] = true
					continue
				}
				rs.tasks[sp] = append(rs.tasks[sp], t)
				tasks = append(tasks, t)
			}
		}
		all = append(all, rs)
	}
	groups := groupTasks(tasks)
	// The largest first, over as many workers as there are cores; the
	// results do not depend on the order.
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].tasks[0].proj.size > groups[j].tasks[0].proj.size })
	ctx, cancel := c.stageContext()
	defer cancel()
	work := make(chan *ruleGroup)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for g := range work {
				c.evaluateGroup(ctx, g)
			}
		}()
	}
	for _, g := range groups {
		work <- g
	}
	close(work)
	wg.Wait()
	c.spaces = all
	for _, rs := range all {
		for _, sp := range rs.spaces {
			for _, t := range rs.tasks[sp] {
				c.diags = append(c.diags, t.diags...)
				if t.failed {
					rs.failed[sp] = true
				}
			}
			if rs.failed[sp] {
				c.regionFailed(rs.region)
			}
		}
	}
}

func allDims(sp *space) []int {
	out := make([]int, len(sp.dims))
	for i := range out {
		out[i] = i
	}
	return out
}

// readersNote names, for each attribute of a space, the rules reading it.
func (c *Compiler) readersNote(r *region, sp *space) string {
	var parts []string
	for d := dimYear + 1; d < len(sp.dims); d++ {
		var rules []string
		for _, key := range r.ruleKeys(sp.decision) {
			if r.reads[key].attrs[sp.dims[d].Name] {
				rules = append(rules, r.Rules[key].Pos)
			}
		}
		if len(rules) > 0 {
			parts = append(parts, sp.dims[d].Name+" is read by "+strings.Join(rules, ", "))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "; " + strings.Join(parts, "; ")
}

func (c *Compiler) categoryIDs() map[string]bool {
	out := map[string]bool{}
	for _, id := range c.schema.Vocabulary("category").IDs() {
		out[id] = true
	}
	return out
}

// ruleKeys lists a decision's rules in their order in the module.
func (r *region) ruleKeys(decision string) []string {
	var keys []string
	for _, k := range r.RuleKeys() {
		if r.Rules[k].Decision == decision {
			keys = append(keys, k)
		}
	}
	return keys
}

// groupTasks puts together the rules evaluated at the same points, in the
// order of the tasks.
func groupTasks(tasks []*ruleTask) []*ruleGroup {
	var groups []*ruleGroup
	bySig := map[string]*ruleGroup{}
	for _, t := range tasks {
		sig := fmt.Sprintf("%p|%v|%q|%v|%v", t.space, t.proj.reads, t.proj.sets, t.proj.setOf, t.same)
		g := bySig[sig]
		if g == nil {
			g = &ruleGroup{}
			bySig[sig] = g
			groups = append(groups, g)
		}
		g.tasks = append(g.tasks, t)
	}
	return groups
}

// ruleEval is one rule's evaluation over its projection, point by point.
// The first failure stops it: one diagnostic, with the context, says
// enough.
type ruleEval struct {
	c     *Compiler
	t     *ruleTask
	typ   string
	index map[string]int32
	spent time.Duration
	done  bool                    // failed: no further point is evaluated
	q     *rego.PreparedEvalQuery // the rule's own query, once prepared
}

func (c *Compiler) newRuleEval(t *ruleTask) *ruleEval {
	t.results = make([]int32, t.proj.size)
	return &ruleEval{c: c, t: t, typ: c.schema.Decisions[t.rule.Decision].Type, index: map[string]int32{}}
}

func (e *ruleEval) fail(pos diag.Position, format string, args ...any) {
	e.done, e.t.failed = true, true
	e.t.diags.Errorf(StageConstraints, pos, format, args...)
}

func (e *ruleEval) outOfTime(i int) {
	e.fail(e.t.rule.Position(), "the exhaustive stage ran past its budget of %v, and stopped here: this rule had taken %v over %d of its %d contexts", StageTimeBudget, e.spent.Round(time.Millisecond), i, e.t.proj.size)
}

// evalOwn evaluates the rule alone at point i.
func (e *ruleEval) evalOwn(ctx context.Context, i int, input ast.Value) {
	r := e.t.space.region
	if e.q == nil {
		q, err := r.PrepareRule(ctx, e.t.rule.Key)
		if err != nil {
			e.fail(e.t.rule.Position(), "preparing the rule: %v", err)
			return
		}
		e.q = q
	}
	start := time.Now()
	recs, undefined, err := r.EvalRule(ctx, e.q, input)
	e.spent += time.Since(start)
	e.take(ctx, i, input, recs, undefined, err)
}

// take records what the rule gave at point i: a failure, or its result,
// each distinct one checked against the decision's type.
func (e *ruleEval) take(ctx context.Context, i int, input ast.Value, recs []policy.Record, undefined []*policy.DecisionRule, err error) {
	t, r := e.t, e.t.space.region
	switch {
	case err != nil && ctx.Err() != nil:
		e.outOfTime(i)
		return
	case err != nil:
		pos, msg := policy.PlaceError(r.EvalError(t.rule.Decision, err), t.rule.Position())
		e.fail(pos, "%s (in %s)", msg, t.space.describe(t.proj, i))
		return
	case len(undefined) > 0:
		u := r.UndefinedError(ctx, t.rule, input, r.Params.Name)
		e.fail(u.Pos, "%s (in %s)", u.Message, t.space.describe(t.proj, i))
		return
	case e.spent > RuleTimeBudget:
		e.fail(t.rule.Position(), "evaluating this rule in its %d contexts takes too long: %d took %v, past the budget of %v", t.proj.size, i+1, e.spent.Round(time.Millisecond), RuleTimeBudget)
		return
	}
	key := recordsKey(recs)
	id, seen := e.index[key]
	if !seen {
		id = int32(len(t.distinct))
		e.index[key] = id
		t.distinct = append(t.distinct, recs)
		for _, rec := range recs {
			for _, v := range e.c.schema.Validate(e.typ, rec.Fields) {
				t.diags.Errorf(StageConstraints, rec.Position(), "%s%s: %s (%sclause %s; in %s)", t.rule.Decision, v.Path, v.Message, valueNote(v), rec.Clause, t.space.describe(t.proj, i))
				t.failed = true
			}
		}
	}
	t.results[i] = id
}

// evaluateGroup evaluates a group's rules at every point of their
// projection: together, in one query, while each of them gives a result;
// each on its own at a point where the query fails (so that an error is
// put down to its rule) and, once one of them has failed, for the rest.
// Each rule gets what it would get evaluated alone.
func (c *Compiler) evaluateGroup(ctx context.Context, g *ruleGroup) {
	first := g.tasks[0]
	r, sp, p := first.space.region, first.space, first.proj
	evals := make([]*ruleEval, len(g.tasks))
	for j, t := range g.tasks {
		evals[j] = c.newRuleEval(t)
	}
	var q *rego.PreparedEvalQuery
	if len(g.tasks) > 1 {
		keys := make([]string, len(g.tasks))
		for j, t := range g.tasks {
			keys[j] = t.rule.Key
		}
		q, _ = r.PrepareTogether(ctx, keys) // if it cannot be, each rule is evaluated alone
	}
	// The category sets, as input terms, made once each.
	cats := make([]*ast.Term, len(p.sets))
	for i, set := range p.sets {
		cats[i] = policy.CategoriesTerm(c.schema, set)
	}
	same, stride := first.same, p.stride[dimYear]
	active := make([]*ruleEval, 0, len(evals))
	for i := range p.size {
		active = active[:0]
		for _, e := range evals {
			if !e.done {
				active = append(active, e)
			}
		}
		if len(active) < len(evals) {
			q = nil
		}
		if len(active) == 0 {
			return
		}
		if ctx.Err() != nil {
			for _, e := range active {
				e.outOfTime(i)
			}
			return
		}
		// A year whose parameters the rules read are those of an earlier
		// year gives what that year gave, at the point before: the rules
		// read nothing else that depends on the year.
		if same != nil {
			if y := (i / stride) % len(same); same[y] != y {
				for _, e := range active {
					e.t.results[i] = e.t.results[i-(y-same[y])*stride]
				}
				continue
			}
		}
		cctx := sp.ruleContext(p, i)
		params, _ := r.ParamsWithStandIns(cctx.Year)
		input := policy.BuildInput(cats[i%len(cats)], cctx, params)
		if q != nil {
			start := time.Now()
			results, err := r.EvalTogether(ctx, q, len(evals), input)
			spent := time.Since(start)
			for _, e := range active {
				e.spent += spent
			}
			if results != nil {
				// The query is used only while no rule has failed, so
				// every rule of the group is active, the j-th in the j-th
				// variable.
				for j, e := range evals {
					e.take(ctx, i, input, results[j].Records, results[j].Undefined, results[j].Err)
				}
				continue
			}
			if err != nil && ctx.Err() != nil {
				for _, e := range active {
					e.outOfTime(i)
				}
				return
			}
		}
		for _, e := range active {
			e.evalOwn(ctx, i, input)
		}
	}
}

func recordsKey(recs []policy.Record) string {
	var b strings.Builder
	for _, rec := range recs {
		b.WriteString(rec.FieldsText())
		b.WriteByte(0)
	}
	return b.String()
}

// checkExhaustive joins the rules' results over each plan and enrollment
// space: two rules that disagree on a field are a conflict, a category a
// coverage statement names without the tier's required terms is a gap, and
// two enrollment rules that disagree are a conflict.
func (c *Compiler) checkExhaustive() {
	type joined struct {
		rs *regionSpaces
		sp *space
		ds diag.List
	}
	var jobs []*joined
	for _, rs := range c.spaces {
		if rs.region.failed {
			continue
		}
		for _, sp := range rs.spaces {
			if (sp.decision == "plan" || sp.decision == "enrollment") && !rs.failed[sp] {
				jobs = append(jobs, &joined{rs: rs, sp: sp})
			}
		}
	}
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			j.ds = c.join(j.sp, j.rs.tasks[j.sp])
		}()
	}
	wg.Wait()
	for _, j := range jobs {
		c.diags = append(c.diags, j.ds...)
		if j.ds.HasErrors() {
			c.regionFailed(j.rs.region)
		}
	}
	c.spaces = nil
}

// join walks a space, gathering at each point what every rule yields there.
// Points whose rules yield the same results — and, for plans, to which the
// same coverage statements apply — are analysed once: the plan is built,
// its conflicts reported at the first point that shows them, and what it
// lacks for each applying coverage statement remembered; every point then
// counts its gaps under its own categories.
func (c *Compiler) join(sp *space, tasks []*ruleTask) diag.List {
	var ds diag.List
	r := sp.region
	seen := map[string]bool{}
	report := func(key string, pos diag.Position, format string, args ...any) {
		if !seen[key] {
			seen[key] = true
			ds.Errorf(StageExhaustive, pos, format, args...)
		}
	}
	gaps := map[string]*gapReport{}
	var gapOrder []string
	memo := map[string][]lack{}
	buf := make([]byte, 0, 4*(len(tasks)+1))
	covers := sp.coverageMasks(c)
	sp.each(func(point []int) {
		buf = buf[:0]
		for _, t := range tasks {
			buf = binary.LittleEndian.AppendUint32(buf, uint32(t.results[t.proj.at(point)]))
		}
		var mask uint64
		if covers != nil {
			mask = covers(point)
			buf = binary.LittleEndian.AppendUint64(buf, mask)
		}
		found, done := memo[string(buf)]
		if !done {
			where := sp.describePoint(point)
			var recs []policy.Record
			for _, t := range tasks {
				recs = append(recs, t.distinct[t.results[t.proj.at(point)]]...)
			}
			if sp.decision == "enrollment" {
				c.enrollmentConflicts(recs, where, report)
			} else {
				found = c.planFindings(r, recs, sp.context(point), mask, where, report)
			}
			memo[string(buf)] = found
		}
		if len(found) == 0 {
			return
		}
		cats := strings.Join(sp.sets[point[dimCategories]], ",")
		for _, l := range found {
			key := fmt.Sprintf("%d|%s", l.coverage, cats)
			g := gaps[key]
			if g == nil {
				g = &gapReport{cov: r.Coverage[l.coverage], first: sp.context(point), where: sp.describePoint(point), missing: l.missing}
				gaps[key] = g
				gapOrder = append(gapOrder, key)
			}
			g.count++
		}
	})
	for _, key := range gapOrder {
		g := gaps[key]
		more := ""
		if g.count > 1 {
			more = fmt.Sprintf(" and %d more contexts", g.count-1)
		}
		ds.Errorf(StageExhaustive, policy.Record{Rule: g.cov.Rule}.Position(), "gap: %s covers %s (clause %s), but the plan gives %s in %s%s",
			g.cov.Tier, strings.Join(g.first.Person.Categories, "+"), g.cov.Clause, g.missing, g.where, more)
	}
	return ds
}

// lack is what a plan lacks for one coverage statement that applies.
type lack struct {
	coverage int
	missing  string
}

// coverageMasks returns, for a plan space, the set of the region's coverage
// statements that apply at a point (they depend on the categories, the
// claim kind and referral), worked out once per combination; nil for other
// spaces.
func (sp *space) coverageMasks(c *Compiler) func(point []int) uint64 {
	if sp.decision != "plan" || len(sp.region.Coverage) == 0 {
		return nil
	}
	kind, referred := sp.dimIndex("kind"), sp.dimIndex("referred")
	nk, nr := sp.dims[kind].Values, sp.dims[referred].Values
	table := make([]uint64, len(sp.sets)*nk*nr)
	for s := range sp.sets {
		for k := range nk {
			for f := range nr {
				point := make([]int, len(sp.dims))
				for d := range point {
					point[d] = -1
				}
				point[dimCategories], point[kind], point[referred] = s, k, f
				ctx := sp.context(point)
				ctx.Person.Categories = policy.ExpandCategories(c.schema, ctx.Person.Categories)
				var mask uint64
				for ci, cov := range sp.region.Coverage {
					if cov.Applies(ctx) {
						mask |= 1 << ci
					}
				}
				table[(s*nk+k)*nr+f] = mask
			}
		}
	}
	return func(point []int) uint64 {
		return table[(point[dimCategories]*nk+point[kind])*nr+point[referred]]
	}
}

func (sp *space) dimIndex(name string) int {
	for d, dm := range sp.dims {
		if dm.Name == name {
			return d
		}
	}
	return -1
}

func (c *Compiler) enrollmentConflicts(recs []policy.Record, where string, report func(string, diag.Position, string, ...any)) {
	if len(recs) < 2 {
		return
	}
	first := recs[0]
	for _, rec := range recs[1:] {
		if !policy.SameValue(first.Fields, rec.Fields) {
			report("enrollment"+first.Rule.Key+rec.Rule.Key, rec.Position(), "conflict: enrollment %s here (clause %s) but %s at %s (clause %s), in %s",
				policy.ShowValue(rec.Fields), rec.Clause, policy.ShowValue(first.Fields), first.Rule.Pos, first.Clause, where)
		}
	}
}

// planFindings builds the plan at a point and reports its conflicts; it
// returns what the plan lacks for each coverage statement in mask.
func (c *Compiler) planFindings(r *region, recs []policy.Record, ctx policy.Context, mask uint64, where string, report func(string, diag.Position, string, ...any)) []lack {
	plan, conflicts, err := policy.BuildPlan(c.schema, ctx, recs)
	if err != nil {
		report("build"+err.Error(), c.pos(r.Module.Package.Location), "%v (in %s)", err, where)
		return nil
	}
	for _, cf := range conflicts {
		report(cf.Tier+cf.Field+cf.A.Rule.Key+cf.B.Rule.Key, cf.B.Position(), "conflict: %s.%s is %s here (clause %s) but %s at %s (clause %s), in %s",
			cf.Tier, cf.Field, policy.ShowValue(cf.B.Fields[fieldHead(cf.Field)]), cf.B.Clause, policy.ShowValue(cf.A.Fields[fieldHead(cf.Field)]), cf.A.Rule.Pos, cf.A.Clause, where)
	}
	if t := plan.Tier("top_up"); t != nil && t.Target != nil && !groupHasCap(plan, t.CapGroup) {
		report("top_up_cap"+strings.Join(t.Clauses, ","), c.pos(r.Module.Package.Location), "gap: the top-up (clause %s) draws on cap group %s, but no tier of the plan gives that group a cap, so it would be unlimited, in %s",
			strings.Join(t.Clauses, "、"), t.CapGroup, where)
	}
	var found []lack
	for ci, cov := range r.Coverage {
		if mask&(1<<ci) == 0 {
			continue
		}
		if t := plan.Tier(cov.Tier); t == nil {
			found = append(found, lack{ci, "no " + cov.Tier + " terms at all"})
		} else if m := t.Missing(c.schema); len(m) > 0 {
			found = append(found, lack{ci, "no " + strings.Join(m, ", ")})
		}
	}
	return found
}
