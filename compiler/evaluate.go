package compiler

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/params"
	"github.com/polc-dev/polc/compiler/schema"
)

// checkBounds reads each region's parameter bounds and coverage, then
// resolves its params for every year of the document: a params value below
// a floor (不低于), above a ceiling, or changing a number the document fixes
// is an error naming both numbers.
func (c *Compiler) checkBounds() {
	for _, r := range c.healthy() {
		if len(r.Document.Years) == 0 {
			c.errorf(StageBounds, c.pos(r.Module.Package.Location), "document of %s lists no years", r.ID)
			c.regionFailed(r)
			continue
		}
		base := inputValue(c.schema, Context{Year: r.Document.Years[0]}, nil)
		recs, err := r.Eval(context.Background(), "parameters", base)
		if err != nil {
			c.errorf(StageBounds, c.pos(r.Module.Package.Location), "%v", err)
			c.regionFailed(r)
			continue
		}
		bad := false
		for _, rec := range recs {
			pos := rulePosition(rec)
			if vs := c.schema.Validate("ParameterBound", rec.Fields); len(vs) > 0 {
				for _, v := range vs {
					c.errorf(StageConstraints, pos, "parameters%s (clause %s)", v, rec.Clause)
				}
				bad = true
				continue
			}
			b := params.Bound{Path: rec.Fields["path"].(string), Clause: rec.Clause, Pos: pos}
			for _, kind := range []string{"floor", "ceiling", "fixed"} {
				if v, ok := rec.Fields[kind]; ok {
					b.Kind = kind
					b.Value, _ = schema.Decimal(v)
					node, ok := c.schema.LookupParam(strings.Split(b.Path, "."))
					if !ok || node.Leaf == nil {
						c.errorf(StageIDs, pos, "%s is not a parameter of the schema%s", b.Path, c.schema.SuggestParam(b.Path))
						bad = true
						continue
					}
					if _, vs := c.schema.ValidateRef(node.Leaf.Type, v); len(vs) > 0 {
						for _, viol := range vs {
							c.errorf(StageConstraints, pos, "%s %s %s: %s (clause %s)", b.Path, kind, b.Value, viol.Message, rec.Clause)
						}
						bad = true
					}
				}
			}
			r.Bounds = append(r.Bounds, b)
		}
		covs, err := r.Eval(context.Background(), "coverage", base)
		if err != nil {
			c.errorf(StageBounds, c.pos(r.Module.Package.Location), "%v", err)
			bad = true
		}
		for _, rec := range covs {
			if vs := c.schema.Validate("Coverage", rec.Fields); len(vs) > 0 {
				for _, v := range vs {
					c.errorf(StageConstraints, rulePosition(rec), "coverage%s (clause %s)", v, rec.Clause)
				}
				bad = true
				continue
			}
			var cov Coverage
			_ = decodeInto(rec.Fields, &struct {
				Tier         *string   `json:"tier"`
				Categories   *[]string `json:"categories"`
				ClaimKinds   *[]string `json:"claim_kinds"`
				ReferredOnly *bool     `json:"referred_only"`
			}{&cov.Tier, &cov.Categories, &cov.ClaimKinds, &cov.ReferredOnly})
			cov.Clause, cov.Rule = rec.Clause, rec.Rule
			r.Coverage = append(r.Coverage, cov)
		}
		if bad {
			c.regionFailed(r)
			continue
		}
		r.years = map[int]*Params{}
		for _, y := range r.Document.Years {
			res, ds := r.Params.Resolve(y, r.Bounds, nil)
			for _, d := range ds {
				d.Stage = StageBounds
				c.diags = append(c.diags, d)
			}
			if ds.HasErrors() {
				bad = true
				continue
			}
			p, err := NewParams(res)
			if err != nil {
				c.errorf(StageBounds, diag.Position{File: r.Params.Name}, "%v", err)
				bad = true
				continue
			}
			r.years[y] = p
		}
		if bad {
			c.regionFailed(r)
		}
	}
}

// evaluation is one decision evaluated in one context.
type evaluation struct {
	decision string
	ctx      Context
	records  []Record
}

// checkConstraints evaluates every decision of each region over its
// context space and checks each record against its schema type and CEL
// rules. A violation is reported once per rule, with the first context
// that showed it.
func (c *Compiler) checkConstraints() {
	// Regions are independent, and a prepared query may be evaluated
	// concurrently: check them side by side, each into its own list. The
	// lists are joined in region order and sorted at the end, so the output
	// does not depend on scheduling.
	regions := c.healthy()
	found := make([]diag.List, len(regions))
	var wg sync.WaitGroup
	for i, r := range regions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			found[i] = c.constraintsOf(r)
		}()
	}
	wg.Wait()
	for i, r := range regions {
		c.diags = append(c.diags, found[i]...)
		if found[i].HasErrors() {
			c.regionFailed(r)
		}
	}
}

func (c *Compiler) constraintsOf(r *Region) diag.List {
	var ds diag.List
	r.evals = nil
	seen := map[string]bool{}
	// The same rule yields the same record in many contexts: check each
	// distinct record once.
	checked := map[string]bool{}
	for _, ctxs := range c.contextSpace(r) {
		typ := c.schema.Decisions[ctxs.decision].Type
		for _, ctx := range ctxs.contexts {
			p := r.years[ctx.Year]
			recs, err := r.Eval(context.Background(), ctxs.decision, inputValue(c.schema, ctx, p))
			if err != nil {
				key := ctxs.decision + err.Error()
				if !seen[key] {
					seen[key] = true
					ds.Errorf(StageConstraints, c.pos(r.Module.Package.Location), "%v (in %s)", err, ctx.Describe())
				}
				continue
			}
			for _, rec := range recs {
				memo := rulePosition(rec).String() + "\x00" + fieldsText(rec)
				if checked[memo] {
					continue
				}
				checked[memo] = true
				for _, v := range c.schema.Validate(typ, rec.Fields) {
					key := rulePosition(rec).String() + v.String()
					if seen[key] {
						continue
					}
					seen[key] = true
					ds.Errorf(StageConstraints, rulePosition(rec), "%s%s: %s (%sclause %s; in %s)", ctxs.decision, v.Path, v.Message, valueNote(v), rec.Clause, ctx.Describe())
				}
			}
			r.evals = append(r.evals, evaluation{decision: ctxs.decision, ctx: ctx, records: recs})
		}
	}
	return ds
}

// checkExhaustive builds the plan of every claim context: two rules that
// disagree on a field are a conflict, and a category a coverage statement
// names without the tier's required terms is a gap.
func (c *Compiler) checkExhaustive() {
	for _, r := range c.healthy() {
		seen := map[string]bool{}
		gaps := map[string]*gapReport{}
		var gapOrder []string
		for _, ev := range r.evals {
			if ev.decision == "enrollment" {
				for _, rec := range ev.records[min(1, len(ev.records)):] {
					first := ev.records[0]
					key := "enrollment" + first.Rule.Key + rec.Rule.Key
					if !seen[key] && !sameValue(first.Fields, rec.Fields) {
						seen[key] = true
						c.errorf(StageExhaustive, rulePosition(rec), "conflict: enrollment %s here (clause %s) but %s at %s (clause %s), in %s",
							showField(rec.Fields), rec.Clause, showField(first.Fields), first.Rule.Pos, first.Clause, ev.ctx.Describe())
					}
				}
				continue
			}
			if ev.decision != "plan" {
				continue
			}
			plan, conflicts, err := BuildPlan(c.schema, ev.ctx, ev.records)
			if err != nil {
				c.errorf(StageExhaustive, c.pos(r.Module.Package.Location), "%v (in %s)", err, ev.ctx.Describe())
				continue
			}
			for _, cf := range conflicts {
				key := cf.Tier + cf.Field + cf.A.Rule.Key + cf.B.Rule.Key
				if seen[key] {
					continue
				}
				seen[key] = true
				c.errorf(StageExhaustive, rulePosition(cf.B), "conflict: %s.%s is %s here (clause %s) but %s at %s (clause %s), in %s",
					cf.Tier, cf.Field, showField(cf.B.Fields[fieldHead(cf.Field)]), cf.B.Clause, showField(cf.A.Fields[fieldHead(cf.Field)]), cf.A.Rule.Pos, cf.A.Clause, ev.ctx.Describe())
			}
			if t := plan.Tier("top_up"); t != nil && t.Target != nil && !groupHasCap(plan, t.CapGroup) {
				key := "top_up_cap" + strings.Join(t.Clauses, ",")
				if !seen[key] {
					seen[key] = true
					c.errorf(StageExhaustive, c.pos(r.Module.Package.Location), "gap: the top-up (clause %s) draws on cap group %s, but no tier of the plan gives that group a cap, so it would be unlimited, in %s",
						strings.Join(t.Clauses, "、"), t.CapGroup, ev.ctx.Describe())
				}
			}
			expanded := ev.ctx
			expanded.Person.Categories = ExpandCategories(c.schema, ev.ctx.Person.Categories)
			for ci, cov := range r.Coverage {
				if !cov.applies(expanded) {
					continue
				}
				var missing []string
				if t := plan.Tier(cov.Tier); t == nil {
					missing = []string{"no " + cov.Tier + " terms at all"}
				} else if m := t.Missing(c.schema); len(m) > 0 {
					missing = []string{"no " + strings.Join(m, ", ")}
				}
				if missing == nil {
					continue
				}
				key := fmt.Sprintf("%d|%s", ci, strings.Join(ev.ctx.Person.Categories, ","))
				g := gaps[key]
				if g == nil {
					g = &gapReport{cov: cov, first: ev.ctx, missing: missing[0]}
					gaps[key] = g
					gapOrder = append(gapOrder, key)
				}
				g.count++
			}
		}
		for _, key := range gapOrder {
			g := gaps[key]
			more := ""
			if g.count > 1 {
				more = fmt.Sprintf(" and %d more contexts", g.count-1)
			}
			c.errorf(StageExhaustive, rulePosition(Record{Rule: g.cov.Rule}), "gap: %s covers %s (clause %s), but the plan gives %s in %s%s",
				g.cov.Tier, strings.Join(g.first.Person.Categories, "+"), g.cov.Clause, g.missing, g.first.Describe(), more)
		}
	}
}

func valueNote(v schema.Violation) string {
	if v.Value == "" {
		return ""
	}
	return "value " + v.Value + "; "
}

// groupHasCap reports whether some tier of the plan caps a cap group (a
// null annual_cap counts: it says there is no cap, on purpose).
func groupHasCap(plan *Plan, group string) bool {
	for _, t := range plan.Tiers {
		if t.CapGroup == group && t.Tier != "top_up" && t.CapGiven {
			return true
		}
	}
	return false
}

type gapReport struct {
	cov     Coverage
	first   Context
	missing string
	count   int
}

func fieldHead(f string) string {
	if i := strings.Index(f, "."); i >= 0 {
		return f[:i]
	}
	return f
}

// applies reports whether a coverage statement requires terms in a context:
// the person is in one of its categories (a parent category counts, as
// rules for it apply to its children), the claim kind is covered, and the
// claim is referred where that is required. Settlement asks the same of
// every claim (Region.Gaps), so a combination no check saw is caught there.
func (cov Coverage) applies(ctx Context) bool {
	return cov.coveredCategory(ctx) != ""
}

// coveredCategory is the first of the context's categories the statement
// covers, or "" if the statement does not apply.
func (cov Coverage) coveredCategory(ctx Context) string {
	if ctx.Claim == nil {
		return ""
	}
	if len(cov.ClaimKinds) > 0 && !contains(cov.ClaimKinds, ctx.Claim.Kind) {
		return ""
	}
	if cov.ReferredOnly && !ctx.Claim.Referred {
		return ""
	}
	for _, c := range ctx.Person.Categories {
		if contains(cov.Categories, c) {
			return c
		}
	}
	return ""
}

// Gaps lists, for a plan settled at run time, the tiers a coverage
// statement requires for one of the person's categories that the plan does
// not give in full: the exhaustive check evaluates categories alone and the
// combinations it is told of, so a new combination is checked here.
func (r *Region) Gaps(s *schema.Schema, plan *Plan) []string {
	ctx := plan.Context
	ctx.Person.Categories = ExpandCategories(s, ctx.Person.Categories)
	var out []string
	for _, cov := range r.Coverage {
		covered := cov.coveredCategory(ctx)
		if covered == "" {
			continue
		}
		switch t := plan.Tier(cov.Tier); {
		case t == nil:
			out = append(out, fmt.Sprintf("%s covers %s (clause %s), but the plan gives no %s terms", cov.Tier, covered, cov.Clause, cov.Tier))
		case len(t.Missing(s)) > 0:
			out = append(out, fmt.Sprintf("%s covers %s (clause %s), but the plan gives no %s", cov.Tier, covered, cov.Clause, strings.Join(t.Missing(s), ", ")))
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func rulePosition(rec Record) diag.Position {
	if rec.Rule == nil || rec.Rule.Rule == nil {
		return diag.Position{}
	}
	loc := rec.Rule.Rule.Location
	return diag.Position{File: loc.File, Line: loc.Row, Col: loc.Col}
}

// decisionContexts are the contexts one decision is evaluated in.
type decisionContexts struct {
	decision string
	contexts []Context
}

// contextSpace is every context the exhaustive check evaluates: each
// category the module names alone, no category, and the combinations golden
// cases use; × the document's years; × for plans every claim kind, hospital
// level and referral; × the values of the person attributes a decision
// reads (see attributeUse).
func (c *Compiler) contextSpace(r *Region) []decisionContexts {
	sets := [][]string{{}}
	for _, cat := range r.namedCategories(c) {
		sets = append(sets, []string{cat})
	}
	for _, s := range c.opts.CategorySets[r.ID] {
		sets = append(sets, s)
	}
	sets = dedupeSets(sets)
	var out []decisionContexts
	for _, decision := range []string{"subsidy", "monitoring", "enrollment", "plan"} {
		dc := decisionContexts{decision: decision}
		persons := r.personVariants(c, decision, sets)
		for _, y := range r.Document.Years {
			for _, p := range withDates(r, decision, y, persons) {
				switch decision {
				case "subsidy":
					for _, tier := range c.schema.Vocabulary("enrollment_tier").IDs() {
						dc.contexts = append(dc.contexts, Context{Year: y, Person: p, EnrollmentTier: tier})
					}
				case "monitoring", "enrollment":
					ctx := Context{Year: y, Person: p, EnrollmentTier: "1"}
					if r.Reads(decision, "enrollment_date") {
						ctx.EnrollmentDate = p.enrolled
					}
					ctx.Person.enrolled = ""
					dc.contexts = append(dc.contexts, ctx)
				case "plan":
					for _, claim := range r.claimVariants(c) {
						cl := claim
						dc.contexts = append(dc.contexts, Context{Year: y, Person: p, EnrollmentTier: "1", Claim: &cl})
					}
				}
			}
		}
		out = append(out, dc)
	}
	return out
}

func (r *Region) namedCategories(c *Compiler) []string {
	cats := c.schema.Vocabulary("category")
	seen := map[string]bool{}
	ast.WalkTerms(r.Module, func(t *ast.Term) bool {
		if s, ok := t.Value.(ast.String); ok && cats.Has(string(s)) {
			seen[string(s)] = true
		}
		return false
	})
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func dedupeSets(sets [][]string) [][]string {
	seen := map[string]bool{}
	var out [][]string
	for _, s := range sets {
		cp := append([]string{}, s...)
		sort.Strings(cp)
		k := strings.Join(cp, ",")
		if !seen[k] {
			seen[k] = true
			out = append(out, cp)
		}
	}
	return out
}

// personVariants is every category set × the attribute values a decision
// reads.
func (r *Region) personVariants(c *Compiler, decision string, sets [][]string) []Person {
	persons := make([]Person, 0, len(sets))
	for _, s := range sets {
		persons = append(persons, Person{Categories: s})
	}
	residences := c.schema.Vocabulary("residence").IDs()
	for _, attr := range []string{"age", "residence", "county", "exit_year", "assets_within_limit"} {
		vs := r.inputs.variants(decision, attr, residences)
		if len(vs) == 0 {
			continue
		}
		var next []Person
		for _, p := range persons {
			for _, v := range vs {
				q := p
				switch attr {
				case "age":
					q.Age = v.num
				case "residence":
					q.Residence = v.str
				case "county":
					q.County = v.str
				case "exit_year":
					q.ExitYear = v.num
				case "assets_within_limit":
					q.Household = &Household{AssetsWithinLimit: v.boolean}
				}
				next = append(next, q)
			}
		}
		persons = next
	}
	return persons
}

// datesInYear are the days tried for a date a decision reads (when a
// category was recognised, when the person enrolled): absent, and the first
// and last day of each quarter of the year — enough to cross any cut-off a
// document sets by month.
func datesInYear(y int) []string {
	out := []string{""}
	for _, md := range []string{"01-01", "03-31", "04-01", "06-30", "07-01", "08-31", "09-01", "09-30", "10-01", "12-31"} {
		out = append(out, fmt.Sprintf("%04d-%s", y, md))
	}
	return out
}

// withDates varies the dates a decision reads across the year.
func withDates(r *Region, decision string, y int, persons []Person) []Person {
	readsRecognized, readsEnrolled := r.Reads(decision, "recognized"), r.Reads(decision, "enrollment_date")
	if !readsRecognized && !readsEnrolled {
		return persons
	}
	var out []Person
	for _, p := range persons {
		for _, d := range datesInYear(y) {
			q := p
			if readsRecognized {
				q.Recognized = d
			}
			q.enrolled = d
			out = append(out, q)
		}
	}
	return out
}

func (r *Region) claimVariants(c *Compiler) []Claim {
	diseases := r.inputs.variants("plan", "disease", nil)
	if len(diseases) == 0 {
		diseases = []variant{{text: "absent"}}
	}
	uninsured := []bool{false}
	if r.Reads("plan", "uninsured") {
		uninsured = append(uninsured, true)
	}
	var out []Claim
	for _, kind := range c.schema.Vocabulary("claim_kind").IDs() {
		for _, level := range c.schema.Vocabulary("hospital_level").IDs() {
			for _, referred := range []bool{true, false} {
				for _, d := range diseases {
					for _, u := range uninsured {
						out = append(out, Claim{Kind: kind, HospitalLevel: level, Referred: referred, Disease: d.str, Uninsured: u})
					}
				}
			}
		}
	}
	return out
}
