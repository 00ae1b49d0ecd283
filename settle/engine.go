package settle

import (
	"context"
	"fmt"
	"sort"
	"strings"
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
	plans map[planKey]*compiler.Plan
}

// planKey identifies a plan: it depends on nothing but its region, the
// year's parameters and the claim context.
type planKey struct {
	region  string
	params  *compiler.Params
	context string
}

// New returns an engine over a policy set.
func New(set *compiler.PolicySet) *Engine {
	return &Engine{set: set, plans: map[planKey]*compiler.Plan{}}
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
		return nil, fail(nil, "year %d is outside the years of %s (%s)", c.Year, region.Document.Number, yearsText(region.Document.Years))
	}
	p, err := region.ParamsFor(c.Year, c.Overrides)
	if err != nil {
		return nil, err
	}
	res := &Result{Region: c.Region, Year: c.Year, Case: c.File, Title: c.Title, Clauses: c.Clauses, Claims: []ClaimResult{}, Monitoring: []FlagResult{}}
	person := compiler.Context{Year: c.Year, Person: c.Person, EnrollmentTier: c.Enrollment.Tier, EnrollmentDate: c.Enrollment.Date}

	sub, err := e.subsidy(ctx, region, person, p)
	if err != nil {
		return nil, fail(nil, "%v", err)
	}
	res.Subsidy = *sub

	claims := make([]Claim, len(c.Claims))
	copy(claims, c.Claims)
	sort.SliceStable(claims, func(i, j int) bool { return claims[i].Date < claims[j].Date })
	y := newYear()
	for i := range claims {
		cl := &claims[i]
		if c.Enrollment.Date != "" && cl.Date < c.Enrollment.Date {
			return nil, fail(cl, "dated %s, before coverage starts on %s (enrollment date)", cl.Date, c.Enrollment.Date)
		}
		cctx := person
		cctx.Claim = &compiler.Claim{Kind: cl.Kind, HospitalLevel: cl.HospitalLevel, Referred: cl.Referred, Disease: cl.Disease}
		plan, err := e.plan(ctx, region, cctx, p)
		if err != nil {
			return nil, fail(cl, "%v", err)
		}
		cr, err := y.settleClaim(cl, plan)
		if err != nil {
			return nil, fail(cl, "%v", err)
		}
		res.Claims = append(res.Claims, *cr)
	}
	res.Totals = y.totals()
	flags, err := e.monitoring(ctx, region, person, p, res.Totals)
	if err != nil {
		return nil, fail(nil, "%v", err)
	}
	res.Monitoring = flags
	return res, nil
}

// plan returns the plan for a claim context, from the cache if it has been
// evaluated before.
func (e *Engine) plan(ctx context.Context, r *compiler.Region, c compiler.Context, p *compiler.Params) (*compiler.Plan, error) {
	if e.EvaluatePerClaim {
		return r.Plan(ctx, e.set.Schema, c, p)
	}
	key := planKey{region: r.ID, params: p, context: c.Key()}
	e.mu.Lock()
	plan, ok := e.plans[key]
	e.mu.Unlock()
	if ok {
		return plan, nil
	}
	plan, err := r.Plan(ctx, e.set.Schema, c, p)
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	e.plans[key] = plan
	e.mu.Unlock()
	return plan, nil
}

func yearsText(ys []int) string {
	parts := make([]string, len(ys))
	for i, y := range ys {
		parts[i] = fmt.Sprint(y)
	}
	return strings.Join(parts, ", ")
}

func decimalPtr(d decimal.Decimal) *decimal.Decimal { return &d }
