package compiler

import (
	"sort"
	"strconv"

	"github.com/open-policy-agent/opa/v1/ast"
)

// attributeUse records, per decision, which person and claim attributes
// its rules read (directly or through helper rules) and which constants
// they compare them with. The exhaustive stage varies exactly those.
type attributeUse map[string]map[string][]*ast.Term // decision → attribute → constants

// The attributes whose values vary a decision besides categories, year and
// the claim's kind, level and referral.
var attributes = map[string]ast.Ref{
	"age":                 ast.MustParseRef("input.person.age"),
	"residence":           ast.MustParseRef("input.person.residence"),
	"county":              ast.MustParseRef("input.person.county"),
	"exit_year":           ast.MustParseRef("input.person.exit_year"),
	"assets_within_limit": ast.MustParseRef("input.person.household.assets_within_limit"),
	"disease":             ast.MustParseRef("input.claim.disease"),
	"uninsured":           ast.MustParseRef("input.claim.uninsured"),
	"recognized":          ast.MustParseRef("input.person.recognized"),
	"enrollment_date":     ast.MustParseRef("input.enrollment.date"),
}

func collectAttributeUse(m *ast.Module) attributeUse {
	names := map[string]bool{}
	for _, r := range m.Rules {
		names[ruleName(r)] = true
	}
	deps := map[string]map[string]bool{}
	direct := map[string]map[string][]*ast.Term{}
	for _, r := range m.Rules {
		name := ruleName(r)
		if deps[name] == nil {
			deps[name] = map[string]bool{}
			direct[name] = map[string][]*ast.Term{}
		}
		ast.WalkVars(r, func(v ast.Var) bool {
			if names[string(v)] && string(v) != name {
				deps[name][string(v)] = true
			}
			return false
		})
		ast.WalkExprs(r, func(e *ast.Expr) bool {
			for attr, ref := range attributes {
				consts, uses := comparedWith(e, ref)
				if uses {
					direct[name][attr] = append(direct[name][attr], consts...)
				}
			}
			return false
		})
	}
	use := attributeUse{}
	for decision := range deps {
		seen := map[string]bool{}
		var visit func(string)
		visit = func(n string) {
			if seen[n] {
				return
			}
			seen[n] = true
			for d := range deps[n] {
				visit(d)
			}
		}
		visit(decision)
		attrs := map[string][]*ast.Term{}
		for n := range seen {
			for attr, consts := range direct[n] {
				attrs[attr] = append(attrs[attr], consts...)
			}
		}
		use[decision] = attrs
	}
	return use
}

// comparedWith reports whether e reads ref and which constants it compares
// it with (members of a literal set or array count).
func comparedWith(e *ast.Expr, ref ast.Ref) ([]*ast.Term, bool) {
	uses := false
	ast.WalkRefs(e, func(r ast.Ref) bool {
		if r.HasPrefix(ref) {
			uses = true
		}
		return false
	})
	if !uses || !e.IsCall() {
		return nil, uses
	}
	var consts []*ast.Term
	for _, op := range e.Operands() {
		switch v := op.Value.(type) {
		case ast.String, ast.Number, ast.Boolean:
			consts = append(consts, op)
		case ast.Set:
			v.Foreach(func(t *ast.Term) { consts = append(consts, t) })
		case *ast.Array:
			v.Foreach(func(t *ast.Term) { consts = append(consts, t) })
		}
	}
	return consts, true
}

// variantsOf gives the values the exhaustive stage tries for an attribute:
// the boundaries of the numbers any rule compares it with, each string
// compared, and absent where the case contract lets the attribute be
// absent.
func (u attributeUse) variantsOf(attr string, residences []string) []variant {
	var consts []*ast.Term
	decisions := make([]string, 0, len(u))
	for d := range u {
		decisions = append(decisions, d)
	}
	sort.Strings(decisions)
	for _, d := range decisions {
		consts = append(consts, u[d][attr]...)
	}
	var out []variant
	seen := map[string]bool{}
	add := func(v variant) {
		if !seen[v.text] {
			seen[v.text] = true
			out = append(out, v)
		}
	}
	switch attr {
	case "age":
		for _, c := range consts {
			if n, ok := c.Value.(ast.Number); ok {
				if i, err := strconv.Atoi(string(n)); err == nil {
					for _, a := range []int{i - 1, i} {
						if a >= 0 {
							add(intVariant(a))
						}
					}
				}
			}
		}
		if len(out) == 0 {
			add(intVariant(40))
		}
	case "exit_year":
		for _, c := range consts {
			if n, ok := c.Value.(ast.Number); ok {
				if i, err := strconv.Atoi(string(n)); err == nil {
					add(intVariant(i))
				}
			}
		}
		add(variant{text: "absent"})
	case "residence":
		for _, r := range residences {
			add(variant{text: r, str: r})
		}
	case "assets_within_limit":
		add(variant{text: "true", boolean: boolPtr(true)})
		add(variant{text: "false", boolean: boolPtr(false)})
	case "uninsured":
		add(variant{text: "false", boolean: boolPtr(false)})
		add(variant{text: "true", boolean: boolPtr(true)})
	default: // county, disease: the strings compared, or none
		for _, c := range consts {
			if s, ok := c.Value.(ast.String); ok {
				add(variant{text: string(s), str: string(s)})
			}
		}
		add(variant{text: "absent"})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].text < out[j].text })
	return out
}

type variant struct {
	text    string
	str     string
	num     *int
	boolean *bool
}

func intVariant(i int) variant { return variant{text: strconv.Itoa(i), num: &i} }
func boolPtr(b bool) *bool     { return &b }
