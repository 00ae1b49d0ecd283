package compiler

import (
	"strings"

	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/literal"
	"github.com/polc-dev/polc/compiler/params"
	"github.com/polc-dev/polc/compiler/schema"
	"github.com/polc-dev/polc/policy"
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
		base := policy.NewInput(c.schema, policy.Context{Year: r.Document.Years[0]}, nil)
		recs, err := r.Eval(ctx, "parameters", base)
		if err != nil {
			pos, msg := policy.PlaceError(err, c.pos(r.Module.Package.Location))
			c.errorf(StageBounds, pos, "%s", msg)
			c.regionFailed(r)
			continue
		}
		bad := false
		for _, rec := range recs {
			pos := rec.Position()
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
			pos, msg := policy.PlaceError(err, c.pos(r.Module.Package.Location))
			c.errorf(StageBounds, pos, "%s", msg)
			bad = true
		}
		for _, rec := range covs {
			if vs := c.schema.Validate("Coverage", rec.Fields); len(vs) > 0 {
				for _, v := range vs {
					c.errorf(StageConstraints, rec.Position(), "coverage%s (clause %s)", v, rec.Clause)
				}
				bad = true
				continue
			}
			var cov policy.Coverage
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
			c.errorf(StageBounds, policy.Record{Rule: r.Coverage[MaxCoverage].Rule}.Position(), "%s states %d coverage statements; polc checks at most %d in one region", r.ID, len(r.Coverage), MaxCoverage)
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
		years, checkYears := map[int]*policy.Params{}, map[int]*policy.Params{}
		for _, y := range r.Document.Years {
			res, ds := r.Params.Resolve(y, r.Bounds, nil)
			c.diags = append(c.diags, ds.WithStage(StageBounds)...)
			if ds.HasErrors() {
				bad = true
				continue
			}
			p, err := policy.NewParams(res)
			if err != nil {
				c.errorf(StageBounds, diag.Position{File: r.Params.Name}, "%v", err)
				bad = true
				continue
			}
			years[y] = p
			if p, err = policy.NewParams(r.Params.WithStandIns(res)); err != nil {
				c.errorf(StageBounds, diag.Position{File: r.Params.Name}, "%v", err)
				bad = true
				continue
			}
			checkYears[y] = p
		}
		r.SetYears(years, checkYears)
		if bad {
			c.regionFailed(r)
		}
	}
}

// boundConflicts reports two rules bounding one parameter differently —
// tongnan's 70% floor for returned_to_poverty and a 60% floor for a group
// that also held it: one would silently win. Each rule is reported, naming
// the other.
func (c *Compiler) boundConflicts(r *region) bool {
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
func groupHasCap(plan *policy.Plan, group string) bool {
	for _, t := range plan.Tiers {
		if t.CapGroup == group && t.CapGiven {
			return true
		}
	}
	return false
}

type gapReport struct {
	cov     policy.Coverage
	first   policy.Context
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
