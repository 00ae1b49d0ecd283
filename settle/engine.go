package settle

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle/money"
)

// Stage is the name settlement errors are reported under.
const Stage = "settle"

// Engine settles cases against a compiled policy set. It is safe for
// concurrent use.
type Engine struct {
	set *policy.Set
	// EvaluatePerClaim turns the plan cache off, so Rego runs for every
	// claim: the baseline the cache is measured against.
	EvaluatePerClaim bool
	// OpenStandIns settles a case that gives no params with polc check's
	// stand-ins for the open parameters (policy.ParamsWithStandIns):
	// cases nobody wrote (polc diff's grid) have no one to give them.
	OpenStandIns bool
	// MaxCached bounds the plans, decisions and case params the engine
	// keeps (0: no bound). A command's engine lives for one run; a
	// server's lives for every request, and each case that gives params
	// adds entries of its own, so polc serve bounds them: past the bound
	// the caches start again, empty.
	MaxCached int

	mu    sync.Mutex
	plans map[planKey]*prepared
	// params are the params resolved for the cases that give some, by
	// the case's name, year and overrides with their positions: the same
	// case posted again (a reviewer's page, a client's retry) reuses them,
	// and with them the plans cached for them.
	params map[caseParamsKey]*policy.Params
	groups groupIDs
	// decisions caches the per-person decisions (subsidy, monitoring) the
	// same way: they depend only on the person's context and the params.
	decisions map[decisionKey][]policy.Record
	// The plans and decisions being evaluated, which a second asker
	// waits for (flight.go).
	planFlights     map[planKey]*flight[*prepared]
	decisionFlights map[decisionKey]*flight[[]policy.Record]
	// figures are Figures' tables of person contexts (persons.go).
	figures figuresTables
	// record, when set, is told of every evaluation the engine makes, with
	// its input (Inputs).
	record func(decision, claim string, input ast.Value)
}

type decisionKey struct {
	region, decision, person string
	params                   *policy.Params
}

type caseParamsKey struct {
	region string
	year   int
	// overrides is the case's file name and every override's path,
	// position and value, written out: two cases with the same key resolve
	// to the same params, positions included.
	overrides string
}

func keyOfCaseParams(c *cases.Case) caseParamsKey {
	b := make([]byte, 0, 64*len(c.Overrides)+len(c.File))
	b = append(b, c.File...)
	for _, o := range c.Overrides {
		b = append(b, 0)
		b = append(b, o.Path...)
		b = append(b, 0)
		b = append(b, o.Pos.File...)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(o.Pos.Line), 10)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(o.Pos.Col), 10)
		b = append(b, 0)
		b = appendKeyValue(b, o.Value)
	}
	return caseParamsKey{region: c.Region, year: c.Year, overrides: string(b)}
}

// appendKeyValue writes an override's value for a cache key, its type
// with it: a number and the string of its digits are two keys.
func appendKeyValue(b []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...)
	case bool:
		return strconv.AppendBool(b, v)
	case json.Number:
		return append(append(b, 'n'), v...)
	case string:
		return strconv.AppendQuote(b, v)
	case []any:
		b = append(b, '[')
		for _, e := range v {
			b = append(appendKeyValue(b, e), ',')
		}
		return append(b, ']')
	case map[string]any:
		b = append(b, '{')
		for _, k := range slices.Sorted(maps.Keys(v)) {
			b = strconv.AppendQuote(b, k)
			b = append(b, ':')
			b = append(appendKeyValue(b, v[k]), ',')
		}
		return append(b, '}')
	}
	return fmt.Appendf(b, "%T:%v", v, v)
}

// cached makes room for one more cache entry; e.mu is held.
func (e *Engine) cached() {
	if e.MaxCached > 0 && len(e.plans)+len(e.decisions)+len(e.params) >= e.MaxCached {
		clear(e.plans)
		clear(e.decisions)
		clear(e.params)
	}
}

// planKey identifies a plan: it depends on nothing but its region, the
// year's parameters and the claim context (the person's part of which is
// worked out once per case).
type planKey struct {
	region      string
	params      *policy.Params
	person      string
	kind, level string
	referred    bool
	uninsured   bool
	disease     string
}

// retained copies the key's strings that are the claim's (the others are
// the region's or built for the key): the cache does not keep the
// caller's text alive, nor depend on it staying unchanged.
func (k planKey) retained() planKey {
	k.kind, k.level, k.disease = strings.Clone(k.kind), strings.Clone(k.level), strings.Clone(k.disease)
	return k
}

// New returns an engine over a policy set.
func New(set *policy.Set) *Engine {
	return &Engine{set: set, plans: map[planKey]*prepared{}, decisions: map[decisionKey][]policy.Record{}, params: map[caseParamsKey]*policy.Params{},
		planFlights: map[planKey]*flight[*prepared]{}, decisionFlights: map[decisionKey]*flight[[]policy.Record]{}}
}

// Error is a settlement that cannot be computed, or whose result breaks an
// invariant. It names the case and the claim.
type Error struct {
	Pos     diag.Position
	Case    string
	Claim   string
	Message string
}

func (e *Error) Error() string {
	where := e.Case
	if e.Claim != "" {
		where += ", claim " + e.Claim
	}
	return fmt.Sprintf("%s: %s: %s", e.Pos, where, e.Message)
}

// Diagnostics presents the error as a diagnostic list.
func (e *Error) Diagnostics() diag.List {
	msg := e.Message
	if e.Claim != "" {
		msg = "claim " + e.Claim + ": " + msg
	}
	return diag.List{{Pos: e.Pos, Severity: diag.SeverityError, Message: msg, Stage: Stage}}
}

// Settle computes a case's result.
func (e *Engine) Settle(ctx context.Context, c *cases.Case) (*Result, error) {
	region, p, err := e.caseParams(c)
	if err != nil {
		return nil, err
	}
	return e.settleWith(ctx, c, region, p)
}

// caseFailure is a settlement error at a case, or at one of its claims.
func caseFailure(c *cases.Case, claim *cases.Claim, format string, args ...any) error {
	err := &Error{Pos: c.Pos, Case: c.File, Message: fmt.Sprintf(format, args...)}
	if claim != nil {
		err.Pos, err.Claim = claim.Pos, claim.ID
	}
	return err
}

// caseParams finds a case's region, checks its year and resolves its
// params for the year with the case's overrides.
func (e *Engine) caseParams(c *cases.Case) (*policy.Region, *policy.Params, error) {
	region, ok := e.set.Regions[c.Region]
	if !ok {
		return nil, nil, caseFailure(c, nil, "unknown region %q", c.Region)
	}
	if !region.Document.HasYear(c.Year) {
		return nil, nil, caseFailure(c, nil, "year %d is outside the years of %s (%s)", c.Year, region.Document.Number, region.Document.YearsText())
	}
	memo := len(c.Overrides) > 0 && !e.EvaluatePerClaim
	var key caseParamsKey
	if memo {
		key = keyOfCaseParams(c)
		e.mu.Lock()
		p, ok := e.params[key]
		e.mu.Unlock()
		if ok {
			return region, p, nil
		}
	}
	p, err := region.ParamsFor(c.Year, c.Overrides)
	if err == nil && memo {
		e.mu.Lock()
		e.cached()
		e.params[key] = p
		e.mu.Unlock()
	}
	if err == nil && e.OpenStandIns && len(c.Overrides) == 0 {
		p, err = region.ParamsWithStandIns(c.Year)
	}
	if err != nil {
		return nil, nil, err
	}
	return region, p, nil
}

// settleWith settles a case in its region with params resolved for it.
func (e *Engine) settleWith(ctx context.Context, c *cases.Case, region *policy.Region, p *policy.Params) (*Result, error) {
	fail := func(claim *cases.Claim, format string, args ...any) error {
		return caseFailure(c, claim, format, args...)
	}
	res := &Result{Region: c.Region, Year: c.Year, Case: c.File, Title: c.Title, Clauses: c.Clauses, Monitoring: []FlagResult{}}
	person := policy.Context{Year: c.Year, Person: c.Person, EnrollmentTier: c.Enrollment.Tier, EnrollmentDate: c.Enrollment.Date}

	sub, err := e.subsidy(ctx, region, person, p, res)
	if err != nil {
		return nil, fail(nil, "%v", err)
	}
	res.Subsidy = *sub
	// The contributions are read by the engine, not through a rule.
	res.params = append(res.params, "contribution.tier1", "contribution.tier"+c.Enrollment.Tier)

	cov, err := e.coverage(ctx, region, person, c, res)
	if err != nil {
		return nil, fail(nil, "%v", err)
	}
	res.Coverage = cov

	claims := c.Claims
	if i, err := withinBounds(claims); err != nil {
		return nil, fail(&claims[i], "%v", err)
	}
	res.Claims = make([]ClaimResult, len(claims))
	y := newYear(len(claims))
	personKey := region.DecisionKey("plan", person)
	var plans []*prepared // distinct, for the rules they used
	var memo claimPlans
	for n, i := range dateOrder(claims) {
		cl := &claims[i]
		if doc := region.Document; cl.Date < doc.InForceFrom || (doc.InForceTo != "" && cl.Date > doc.InForceTo) {
			return nil, fail(cl, "dated %s, outside the period %s is in force (%s to %s)", cl.Date, doc.Number, doc.InForceFrom, orOpen(doc.InForceTo))
		}
		if cov != nil && cl.Date < cov.From {
			return nil, fail(cl, "dated %s, before coverage starts on %s (%s)", cl.Date, cov.From, cov.describe())
		}
		plan := memo.find(cl)
		if plan == nil {
			var err error
			if plan, err = e.plan(ctx, region, person, cl, personKey, p); err != nil {
				return nil, fail(cl, "%v", err)
			}
			if !e.EvaluatePerClaim {
				memo = append(memo, claimPlan{claimContext: contextOf(cl), plan: plan})
			}
			if !slices.Contains(plans, plan) {
				plans = append(plans, plan)
				res.Rules = append(res.Rules, plan.rules...)
				res.params = append(res.params, plan.params...)
			}
		}
		if err := y.settleClaim(cl, plan, &res.Claims[n]); err != nil {
			return nil, fail(cl, "%v", err)
		}
	}
	res.Totals = y.result()
	flags, err := e.monitoring(ctx, region, person, p, res.Totals, res)
	if err != nil {
		return nil, fail(nil, "%v", err)
	}
	res.Monitoring = flags
	slices.Sort(res.Rules)
	res.Rules = slices.Compact(res.Rules)
	res.Parameters = parameterUses(p, res.params)
	res.Readings = readingsOf(region, res.Rules)
	return res, nil
}

// dateOrder is the order claims settle in: by date, file order on ties,
// as indices, so the claims are not copied.
func dateOrder(claims []cases.Claim) []int {
	order := make([]int, len(claims))
	for i := range order {
		order[i] = i
	}
	if !slices.IsSortedFunc(claims, func(a, b cases.Claim) int { return strings.Compare(a.Date, b.Date) }) {
		slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(claims[a].Date, claims[b].Date) })
	}
	return order
}

// withinBounds checks that the claims' totals sum to at most MaxAmount.
// Every sum a year forms is at most that sum, so each one is exact in the
// claim loop's int64 fen. It returns the claim where the bound is passed.
func withinBounds(claims []cases.Claim) (int, error) {
	var sum Money
	for i := range claims {
		t := claims[i].Total
		if t < 0 || t > money.MaxAmount {
			return i, fmt.Errorf("total %s is outside 0 to %s", t, money.MaxAmount)
		}
		if sum += t; sum > money.MaxAmount {
			return i, fmt.Errorf("the year's claims total more than %s, the largest amount settled", money.MaxAmount)
		}
	}
	return 0, nil
}

// claimContext is the claim's part of a plan's context.
type claimContext struct {
	kind, level, disease string
	referred, uninsured  bool
}

func contextOf(cl *cases.Claim) claimContext {
	return claimContext{kind: cl.Kind, level: cl.HospitalLevel, disease: cl.Disease, referred: cl.Referred, uninsured: cl.Uninsured}
}

// claimPlans remembers a case's plans by the claim's part of the context:
// the person's part is the same for every claim of a case, so there is no
// need to hash it, with the rest of the engine's key, for each claim.
// A handful of distinct contexts a year makes a list the fastest lookup.
type claimPlans []claimPlan

type claimPlan struct {
	claimContext
	plan *prepared
}

func (m claimPlans) find(cl *cases.Claim) *prepared {
	for i := range m {
		if m[i].claimContext == contextOf(cl) {
			return m[i].plan
		}
	}
	return nil
}

// plan returns the prepared plan for a claim, from the cache if its context
// has been evaluated before. personKey is the person's DecisionKey for
// plans; the claim's part is added here.
func (e *Engine) plan(ctx context.Context, r *policy.Region, person policy.Context, cl *cases.Claim, personKey string, p *policy.Params) (*prepared, error) {
	evaluate := func() (*prepared, error) {
		c := person
		c.Claim = &policy.Claim{Kind: cl.Kind, HospitalLevel: cl.HospitalLevel, Referred: cl.Referred, Disease: cl.Disease, Uninsured: cl.Uninsured}
		c = c.Detached() // the plan is cached: it keeps none of the case's text
		if e.record != nil {
			// Plan evaluates data.regions.<R>.plan with this input.
			e.record("plan", cl.ID, e.set.Input(c, p))
		}
		plan, err := r.Plan(ctx, e.set.Schema, c, p)
		if err != nil {
			return nil, err
		}
		pp, err := prepare(plan, &e.groups)
		if err != nil {
			return nil, err
		}
		pp.absent = absentTiers(r, e.set.Schema, plan)
		return pp, nil
	}
	if e.EvaluatePerClaim {
		return evaluate()
	}
	key := planKey{region: r.ID, params: p, person: personKey, kind: cl.Kind, level: cl.HospitalLevel, referred: cl.Referred, uninsured: cl.Uninsured}
	if r.Reads("plan", "disease") {
		key.disease = cl.Disease
	}
	return cachedOnce(ctx, e, e.plans, e.planFlights, key, evaluate)
}

// decisionRecords names the record type each per-person decision yields.
var decisionRecords = map[string]struct{ record, what string }{
	"subsidy":    {"SubsidyRule", "subsidy rule"},
	"monitoring": {"MonitoringFlag", "monitoring flag"},
	"enrollment": {"EnrollmentRule", "enrollment rule"},
}

// decide evaluates a per-person decision, once per distinct context, and
// validates what it yields against the schema before it is cached, so a
// cached decision is a valid one.
func (e *Engine) decide(ctx context.Context, r *policy.Region, decision string, c policy.Context, p *policy.Params) ([]policy.Record, error) {
	eval := func() ([]policy.Record, error) {
		// What Rego makes of the input may be cached with the records:
		// evaluated on copies, it keeps none of the case's text.
		input := e.set.Input(c.Detached(), p)
		if e.record != nil {
			e.record(decision, "", input)
		}
		recs, err := r.Eval(ctx, decision, input)
		if err != nil {
			return nil, err
		}
		if typ, ok := decisionRecords[decision]; ok {
			for _, rec := range recs {
				if vs := r.Validate(e.set.Schema, typ.record, rec); len(vs) > 0 {
					return nil, fmt.Errorf("%s (clause %s): %s", typ.what, rec.Clause, vs[0])
				}
			}
		}
		return recs, nil
	}
	if e.EvaluatePerClaim {
		return eval()
	}
	key := decisionKey{region: r.ID, decision: decision, person: r.DecisionKey(decision, c), params: p}
	return cachedOnce(ctx, e, e.decisions, e.decisionFlights, key, eval)
}

// used records the rules of records a settlement used, and the
// parameters they read.
func (res *Result) used(recs []policy.Record) {
	for _, r := range recs {
		if r.Rule != nil {
			res.Rules = append(res.Rules, r.Rule.Key)
		}
		for _, p := range r.Params {
			res.params = append(res.params, p)
		}
	}
}

func orOpen(s string) string {
	if s == "" {
		return "no end date"
	}
	return s
}
