package policy

import (
	"fmt"
	"slices"
	"strings"

	"github.com/polc-dev/polc/compiler/schema"
)

// Applies reports whether a coverage statement requires terms in a context:
// the person is in one of its categories (a parent category counts, as
// rules for it apply to its children), the claim kind is covered, and the
// claim is referred where that is required. Settlement asks the same of
// every claim (Region.Gaps), so a combination no check saw is caught there.
func (cov Coverage) Applies(ctx Context) bool {
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
		case cov.Applies(ctx):
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
