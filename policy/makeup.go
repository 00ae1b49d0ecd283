package policy

import (
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/polc-dev/polc/compiler/diag"
)

// What a decision rule is made of, for telling two revisions of a region
// apart (polc diff): its own text, the helper rules it depends on, and the
// parameters it reads. A rule's key is its position, which moves whenever a
// line above it does, so these say nothing of where the rule is.

// RuleText is a decision rule as written, in OPA's canonical form (no
// comments, no layout) and without the keys the compiler attached to what
// it yields: two rules with the same text decide the same thing given the
// same helpers and parameters.
func (r *Region) RuleText(key string) string {
	dr, ok := r.Rules[key]
	if !ok {
		return ""
	}
	rule := dr.Rule.Copy()
	rule.Annotations = nil
	if obj, ok := rule.Head.Key.Value.(ast.Object); ok {
		rule.Head.Key = ast.NewTerm(withoutAttached(obj))
	}
	return rule.String()
}

// withoutAttached is a rule's output object without the clause and rule
// keys checkClauses inserted.
func withoutAttached(obj ast.Object) ast.Object {
	out := ast.NewObject()
	obj.Foreach(func(k, v *ast.Term) {
		if s, ok := k.Value.(ast.String); ok && (string(s) == ClauseKey || string(s) == RuleKey) {
			return
		}
		out.Insert(k, v)
	})
	return out
}

// Helper is a rule of the author's module a decision rule depends on.
type Helper struct {
	Name string
	Text string // canonical, as RuleText
	Pos  string // file:line:col
}

// RuleHelpers lists the rules of the author's module a decision rule
// depends on, directly or through others (OPA's dependency graph of the
// compiled rules), in module order: a change to one of them changes what
// the rule decides though its own text stays the same.
func (r *Region) RuleHelpers(key string) []Helper {
	dr, ok := r.Rules[key]
	if !ok || r.compiled == nil || r.generated[key] == "" {
		return nil
	}
	// Compiled rules keep the positions of the author's: found by them.
	type at struct{ row, col int }
	authored := map[at]*ast.Rule{}
	for _, rule := range r.Module.Rules {
		authored[at{rule.Location.Row, rule.Location.Col}] = rule
	}
	own := at{dr.Rule.Location.Row, dr.Rule.Location.Col}
	var found []*ast.Rule
	seen := map[at]bool{}
	for _, rule := range r.Closure(key) {
		loc := rule.Location
		if loc == nil || loc.File != r.File {
			continue
		}
		p := at{loc.Row, loc.Col}
		src, ok := authored[p]
		if !ok || p == own || seen[p] {
			continue
		}
		seen[p] = true
		found = append(found, src)
	}
	sort.Slice(found, func(i, j int) bool {
		a, b := found[i].Location, found[j].Location
		return a.Row < b.Row || (a.Row == b.Row && a.Col < b.Col)
	})
	out := make([]Helper, len(found))
	for i, src := range found {
		pos := diag.Position{File: src.Location.File, Line: src.Location.Row, Col: src.Location.Col}.String()
		text := src.String()
		if _, isDecision := r.Rules[pos]; isDecision {
			text = r.RuleText(pos) // a decision rule used as a helper
		}
		out[i] = Helper{Name: RuleName(src), Text: text, Pos: pos}
	}
	return out
}

// RuleParams lists the patterns of the parameters a decision rule reads —
// a dynamic segment as * (basic.*.*.ratio), with the region-wide parameter
// a per-category one falls back to and the inputs of a derived one.
func (r *Region) RuleParams(key string) []string { return r.ruleParams[key] }

// RuleReadsParam reports whether a decision rule reads a parameter.
func (r *Region) RuleReadsParam(key, path string) bool {
	segs := strings.Split(path, ".")
	for _, p := range r.ruleParams[key] {
		if MatchPattern(segs, p) {
			return true
		}
	}
	return false
}

// ReadsParam reports whether some rule of the region (or settlement
// itself) reads a parameter.
func (r *Region) ReadsParam(path string) bool {
	segs := strings.Split(path, ".")
	for _, p := range r.readParams {
		if MatchPattern(segs, p) {
			return true
		}
	}
	return false
}

// MatchPattern reports whether a parameter path, split at its dots, is
// read by a pattern: the two agree on every segment both have (a pattern
// that stops early reads everything below it), * matching any segment.
func MatchPattern(segs []string, pattern string) bool {
	if pattern == "" {
		return true
	}
	ps := strings.Split(pattern, ".")
	for i := 0; i < len(ps) && i < len(segs); i++ {
		if ps[i] != "*" && ps[i] != segs[i] {
			return false
		}
	}
	return true
}

// Closure is a decision rule's generated rule and every rule it depends
// on, transitively (OPA's dependency graph of the compiled modules): what
// the rule decides with. Nil for a key without a generated rule.
func (r *Region) Closure(key string) []*ast.Rule {
	gen := r.generated[key]
	if r.compiled == nil || gen == "" {
		return nil
	}
	var start []*ast.Rule
	for _, m := range r.compiled.Modules {
		ast.WalkRules(m, func(rule *ast.Rule) bool {
			if RuleName(rule) == gen {
				start = append(start, rule)
			}
			return false
		})
	}
	seen := map[*ast.Rule]bool{}
	var out []*ast.Rule
	var visit func(*ast.Rule)
	visit = func(rule *ast.Rule) {
		if seen[rule] {
			return
		}
		seen[rule] = true
		out = append(out, rule)
		for dep := range r.compiled.Graph.Dependencies(rule) {
			if d, ok := dep.(*ast.Rule); ok {
				visit(d)
			}
		}
	}
	for _, rule := range start {
		visit(rule)
	}
	return out
}
