package compiler

import (
	"fmt"
	"slices"
	"strings"

	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/literal"
	"github.com/polc-dev/polc/compiler/params"
	"github.com/polc-dev/polc/compiler/schema"
)

// checkBounds reads each region's parameter bounds and coverage, then
// resolves its params for every year of the document: a params value below
// a floor (不低于), above a ceiling, or changing a number the document fixes
// is an error naming both numbers.
func (c *Compiler) checkBounds() {
	ctx, cancel := c.stageContext()
	defer cancel()
	for _, r := range c.healthy() {
		if c.checkParamsRead(r) {
			c.regionFailed(r)
			continue
		}
		if len(r.Document.Years) == 0 {
			c.errorf(StageBounds, c.pos(r.Module.Package.Location), "document of %s lists no years", r.ID)
			c.regionFailed(r)
			continue
		}
		base := inputValue(c.schema, Context{Year: r.Document.Years[0]}, nil)
		recs, err := r.Eval(ctx, "parameters", base)
		if err != nil {
			pos, msg := placeError(err, c.pos(r.Module.Package.Location))
			c.errorf(StageBounds, pos, "%s", msg)
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
					b.Value, _ = literal.Number(v)
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
		covs, err := r.Eval(ctx, "coverage", base)
		if err != nil {
			pos, msg := placeError(err, c.pos(r.Module.Package.Location))
			c.errorf(StageBounds, pos, "%s", msg)
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
		if len(r.Coverage) > MaxCoverage {
			c.errorf(StageBounds, rulePosition(Record{Rule: r.Coverage[MaxCoverage].Rule}), "%s states %d coverage statements; polc checks at most %d in one region", r.ID, len(r.Coverage), MaxCoverage)
			bad = true
		}
		if c.boundConflicts(r) {
			bad = true
		}
		if bad {
			c.regionFailed(r)
			continue
		}
		// years are the params settlement uses; checkYears add a stand-in
		// for each open parameter, so that the rules needing one can be
		// checked without a value a case would give.
		r.years, r.checkYears = map[int]*Params{}, map[int]*Params{}
		for _, y := range r.Document.Years {
			res, ds := r.Params.Resolve(y, r.Bounds, nil)
			c.diags = append(c.diags, ds.WithStage(StageBounds)...)
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
			if p, err = NewParams(r.Params.WithStandIns(res)); err != nil {
				c.errorf(StageBounds, diag.Position{File: r.Params.Name}, "%v", err)
				bad = true
				continue
			}
			r.checkYears[y] = p
		}
		if bad {
			c.regionFailed(r)
		}
	}
}

// boundConflicts reports two rules bounding one parameter differently —
// tongnan's 70% floor for returned_to_poverty and a 60% floor for a group
// that also held it: one would silently win. Each rule is reported, naming
// the other.
func (c *Compiler) boundConflicts(r *Region) bool {
	byPath := map[string][]params.Bound{}
	var paths []string
	for _, b := range r.Bounds {
		if len(byPath[b.Path]) == 0 {
			paths = append(paths, b.Path)
		}
		byPath[b.Path] = append(byPath[b.Path], b)
	}
	bad := false
	kept := r.Bounds[:0]
	for _, p := range paths {
		bs := byPath[p]
		first := bs[0]
		for _, b := range bs[1:] {
			if b.Kind == first.Kind && b.Value.Equal(first.Value) {
				continue
			}
			bad = true
			c.errorf(StageBounds, b.Pos, "conflict: %s has a %s of %s here (clause %s) and a %s of %s at %s (clause %s): the document gives one bound for one parameter", p, b.Kind, b.Value, b.Clause, first.Kind, first.Value, first.Pos, first.Clause)
			c.errorf(StageBounds, first.Pos, "conflict: %s has a %s of %s here (clause %s) and a %s of %s at %s (clause %s): the document gives one bound for one parameter", p, first.Kind, first.Value, first.Clause, b.Kind, b.Value, b.Pos, b.Clause)
		}
		kept = append(kept, first)
	}
	r.Bounds = kept
	return bad
}

func valueNote(v schema.Violation) string {
	if v.Value == "" {
		return ""
	}
	return "value " + v.Value + "; "
}

// groupHasCap reports whether some tier of the plan caps a cap group (a
// null annual_cap counts: it says there is no cap, on purpose), the top-up
// itself included when it states its cap.
func groupHasCap(plan *Plan, group string) bool {
	for _, t := range plan.Tiers {
		if t.CapGroup == group && t.CapGiven {
			return true
		}
	}
	return false
}

type gapReport struct {
	cov     Coverage
	first   Context
	where   string
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

// Why a coverage statement of a tier does not apply to a context.
const (
	NotCovered     = "not_covered"      // none names the person's categories
	KindNotCovered = "kind_not_covered" // one names them, not for this kind of claim
	NotReferred    = "not_referred"     // one would apply, but it requires a referral
)

// Uncovered says why no coverage statement of a tier applies to a context,
// the nearest miss first: a referral missing, then the claim kind, then the
// categories. It returns "" when the region states no coverage for the
// tier or a statement applies.
func (r *Region) Uncovered(s *schema.Schema, tier string, ctx Context) string {
	if ctx.Claim == nil {
		return ""
	}
	ctx.Person.Categories = ExpandCategories(s, ctx.Person.Categories)
	why := ""
	rank := map[string]int{NotCovered: 1, KindNotCovered: 2, NotReferred: 3}
	for _, cov := range r.Coverage {
		if cov.Tier != tier {
			continue
		}
		miss := NotCovered
		switch {
		case cov.applies(ctx):
			return ""
		case !slices.ContainsFunc(ctx.Person.Categories, func(c string) bool { return contains(cov.Categories, c) }):
		case len(cov.ClaimKinds) > 0 && !contains(cov.ClaimKinds, ctx.Claim.Kind):
			miss = KindNotCovered
		default:
			miss = NotReferred
		}
		if rank[miss] > rank[why] {
			why = miss
		}
	}
	return why
}

// Tiers are the tiers the region states coverage for, in statement order.
func (r *Region) Tiers() []string {
	var out []string
	for _, cov := range r.Coverage {
		if !slices.Contains(out, cov.Tier) {
			out = append(out, cov.Tier)
		}
	}
	return out
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
