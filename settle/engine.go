package settle

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/diag"
)

// Stage is the name settlement errors are reported under.
const Stage = "settle"

// Engine settles cases against a compiled policy set. It is safe for
// concurrent use.
type Engine struct {
	set *compiler.PolicySet
	// EvaluatePerClaim turns the plan cache off, so Rego runs for every
	// claim: the baseline the cache is measured against.
	EvaluatePerClaim bool

	mu    sync.Mutex
	plans map[planKey]*prepared
	// decisions caches the per-person decisions (subsidy, monitoring) the
	// same way: they depend only on the person's context and the params.
	decisions map[decisionKey][]compiler.Record
}

type decisionKey struct {
	region, decision, person string
	params                   *compiler.Params
}

// planKey identifies a plan: it depends on nothing but its region, the
// year's parameters and the claim context (the person's part of which is
// worked out once per case).
type planKey struct {
	region      string
	params      *compiler.Params
	person      string
	kind, level string
	referred    bool
	uninsured   bool
	disease     string
}

// prepared is a plan with each tier's terms already tilted: both depend
// only on the context, so both are cached.
type prepared struct {
	plan  *compiler.Plan
	terms map[string]terms
}

func prepare(plan *compiler.Plan) *prepared {
	p := &prepared{plan: plan, terms: map[string]terms{}}
	for id, t := range plan.Tiers {
		p.terms[id] = effective(t)
	}
	// The top-up draws on the cap of the group it shares (the assistance
	// limit) without restating it.
	if top, ok := p.terms["top_up"]; ok && top.cap == nil {
		for _, id := range []string{"basic", "critical", "assistance", "tilted"} {
			if t, ok := p.terms[id]; ok && t.group == top.group && t.cap != nil {
				top.cap = t.cap
				p.terms["top_up"] = top
				break
			}
		}
	}
	return p
}

// New returns an engine over a policy set.
func New(set *compiler.PolicySet) *Engine {
	return &Engine{set: set, plans: map[planKey]*prepared{}, decisions: map[decisionKey][]compiler.Record{}}
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
func (e *Engine) Settle(ctx context.Context, c *Case) (*Result, error) {
	fail := func(claim *Claim, format string, args ...any) error {
		err := &Error{Pos: c.Pos, Case: c.File, Message: fmt.Sprintf(format, args...)}
		if claim != nil {
			err.Pos, err.Claim = claim.Pos, claim.ID
		}
		return err
	}
	region, ok := e.set.Regions[c.Region]
	if !ok {
		return nil, fail(nil, "unknown region %q", c.Region)
	}
	if !region.Document.HasYear(c.Year) {
		return nil, fail(nil, "year %d is outside the years of %s (%s)", c.Year, region.Document.Number, region.Document.YearsText())
	}
	p, err := region.ParamsFor(c.Year, c.Overrides)
	if err != nil {
		return nil, err
	}
	res := &Result{Region: c.Region, Year: c.Year, Case: c.File, Title: c.Title, Clauses: c.Clauses, Claims: []ClaimResult{}, Monitoring: []FlagResult{}}
	person := compiler.Context{Year: c.Year, Person: c.Person, EnrollmentTier: c.Enrollment.Tier, EnrollmentDate: c.Enrollment.Date}

	sub, err := e.subsidy(ctx, region, person, p, res)
	if err != nil {
		return nil, fail(nil, "%v", err)
	}
	res.Subsidy = *sub

	cov, err := e.coverage(ctx, region, person, c, res)
	if err != nil {
		return nil, fail(nil, "%v", err)
	}
	res.Coverage = cov

	claims := make([]Claim, len(c.Claims))
	copy(claims, c.Claims)
	sort.SliceStable(claims, func(i, j int) bool { return claims[i].Date < claims[j].Date })
	y := newYear()
	personKey := region.DecisionKey("plan", person)
	for i := range claims {
		cl := &claims[i]
		if doc := region.Document; cl.Date < doc.InForceFrom || (doc.InForceTo != "" && cl.Date > doc.InForceTo) {
			return nil, fail(cl, "dated %s, outside the period %s is in force (%s to %s)", cl.Date, doc.Number, doc.InForceFrom, orOpen(doc.InForceTo))
		}
		if cov != nil && cl.Date < cov.From {
			return nil, fail(cl, "dated %s, before coverage starts on %s (%s)", cl.Date, cov.From, cov.describe())
		}
		cctx := person
		cctx.Claim = &compiler.Claim{Kind: cl.Kind, HospitalLevel: cl.HospitalLevel, Referred: cl.Referred, Disease: cl.Disease, Uninsured: cl.Uninsured}
		plan, err := e.plan(ctx, region, cctx, personKey, p)
		if err != nil {
			return nil, fail(cl, "%v", err)
		}
		res.Rules = append(res.Rules, plan.plan.Rules...)
		cr, err := y.settleClaim(cl, plan)
		if err != nil {
			return nil, fail(cl, "%v", err)
		}
		res.Claims = append(res.Claims, *cr)
	}
	res.Totals = y.totals()
	flags, err := e.monitoring(ctx, region, person, p, res.Totals, res)
	if err != nil {
		return nil, fail(nil, "%v", err)
	}
	res.Monitoring = flags
	slices.Sort(res.Rules)
	res.Rules = slices.Compact(res.Rules)
	return res, nil
}

// plan returns the prepared plan for a claim context, from the cache if it
// has been evaluated before. personKey is the context's DecisionKey without
// a claim; the claim's part is added here.
func (e *Engine) plan(ctx context.Context, r *compiler.Region, c compiler.Context, personKey string, p *compiler.Params) (*prepared, error) {
	if e.EvaluatePerClaim {
		plan, err := r.Plan(ctx, e.set.Schema, c, p)
		if err != nil {
			return nil, err
		}
		return prepare(plan), nil
	}
	key := planKey{region: r.ID, params: p, person: personKey, kind: c.Claim.Kind, level: c.Claim.HospitalLevel, referred: c.Claim.Referred, uninsured: c.Claim.Uninsured}
	if r.Reads("plan", "disease") {
		key.disease = c.Claim.Disease
	}
	e.mu.Lock()
	pp, ok := e.plans[key]
	e.mu.Unlock()
	if ok {
		return pp, nil
	}
	plan, err := r.Plan(ctx, e.set.Schema, c, p)
	if err != nil {
		return nil, err
	}
	pp = prepare(plan)
	e.mu.Lock()
	e.plans[key] = pp
	e.mu.Unlock()
	return pp, nil
}

// decide evaluates a per-person decision, once per distinct context.
func (e *Engine) decide(ctx context.Context, r *compiler.Region, decision string, c compiler.Context, p *compiler.Params) ([]compiler.Record, error) {
	key := decisionKey{region: r.ID, decision: decision, person: r.DecisionKey(decision, c), params: p}
	if !e.EvaluatePerClaim {
		e.mu.Lock()
		recs, ok := e.decisions[key]
		e.mu.Unlock()
		if ok {
			return recs, nil
		}
	}
	recs, err := r.Eval(ctx, decision, e.set.Input(c, p))
	if err != nil {
		return nil, err
	}
	if !e.EvaluatePerClaim {
		e.mu.Lock()
		e.decisions[key] = recs
		e.mu.Unlock()
	}
	return recs, nil
}

// used records the rules of records a settlement used.
func (res *Result) used(recs []compiler.Record) {
	for _, r := range recs {
		if r.Rule != nil {
			res.Rules = append(res.Rules, r.Rule.Key)
		}
	}
}

func orOpen(s string) string {
	if s == "" {
		return "no end date"
	}
	return s
}

func decimalPtr(d decimal.Decimal) *decimal.Decimal { return &d }
