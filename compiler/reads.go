package compiler

import (
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/polc-dev/polc/policy"
)

// What a rule may read of its input, worked out soundly: on the compiled
// rule and every rule it depends on (OPA's own dependency graph), a read is
// any reference into input that may reach an attribute — a reference to a
// prefix (input.person, passed to object.get or a function) or with a
// variable segment (input.person[k]) reads every attribute below it. Two
// things rest on this: the settlement's caches, which key a decision on
// the attributes it reads and nothing else (so a read they miss would hand
// one person's decision to another), and the exhaustive stage, which
// evaluates each rule only over what it reads.

// inputAttributes are the leaves of the input a decision can depend on,
// by the name the exhaustive stage and the caches use for them.
var inputAttributes = []struct {
	name string
	ref  ast.Ref
}{
	{"year", ast.MustParseRef("input.year")},
	{"categories", ast.MustParseRef("input.person.categories")},
	{"age", ast.MustParseRef("input.person.age")},
	{"residence", ast.MustParseRef("input.person.residence")},
	{"county", ast.MustParseRef("input.person.county")},
	{"exit_year", ast.MustParseRef("input.person.exit_year")},
	{"recognized", ast.MustParseRef("input.person.recognized")},
	{"household_size", ast.MustParseRef("input.person.household.size")},
	{"household_income", ast.MustParseRef("input.person.household.annual_disposable_income")},
	{"assets_within_limit", ast.MustParseRef("input.person.household.assets_within_limit")},
	{"tier", ast.MustParseRef("input.enrollment.tier")},
	{"enrollment_date", ast.MustParseRef("input.enrollment.date")},
	{"kind", ast.MustParseRef("input.claim.kind")},
	{"hospital_level", ast.MustParseRef("input.claim.hospital_level")},
	{"referred", ast.MustParseRef("input.claim.referred")},
	{"disease", ast.MustParseRef("input.claim.disease")},
	{"uninsured", ast.MustParseRef("input.claim.uninsured")},
	{"params", ast.MustParseRef("input.params")},
}

// ruleReads is what one decision rule may read.
type ruleReads struct {
	attrs map[string]bool
	// params are the references into input.params, as read (a variable
	// segment for a dynamic one), for telling which given numbers no rule
	// reads.
	params []ast.Ref
	// categories are the category ids the rule and its dependencies name;
	// projectable says the rule reads the person's categories only by
	// testing whether an element is among them, so its result depends on
	// them only through which of these ids they hold.
	categories  []string
	projectable bool
}

// mayRead reports whether a reference may read the attribute at leaf: the
// two agree on every segment both have, a variable matching anything.
func mayRead(read, leaf ast.Ref) bool {
	n := min(len(read), len(leaf))
	for i := 0; i < n; i++ {
		a, b := read[i], leaf[i]
		if i == 0 {
			if !a.Equal(b) {
				return false
			}
			continue
		}
		if !a.IsGround() || !b.IsGround() {
			continue
		}
		if !a.Equal(b) {
			return false
		}
	}
	return true
}

// analyseReads works out each decision rule's reads from the region's
// compiled modules, and returns what each decision's rules may read,
// together.
func (r *region) analyseReads(categoryIDs map[string]bool) map[string]map[string]bool {
	r.reads = map[string]*ruleReads{}
	for key := range r.Rules {
		closure := r.Closure(key)
		if closure == nil {
			continue
		}
		rr := &ruleReads{attrs: map[string]bool{}, projectable: true}
		cats := map[string]bool{}
		for _, rule := range closure {
			rr.scan(rule, categoryIDs, cats)
		}
		for c := range cats {
			rr.categories = append(rr.categories, c)
		}
		sort.Strings(rr.categories)
		if !rr.attrs["categories"] {
			rr.categories = nil
		}
		r.reads[key] = rr
	}
	attrs := map[string]map[string]bool{}
	for key, rr := range r.reads {
		d := r.Rules[key].Decision
		if attrs[d] == nil {
			attrs[d] = map[string]bool{}
		}
		for a := range rr.attrs {
			attrs[d][a] = true
		}
	}
	return attrs
}

// scan records what one compiled rule reads.
func (rr *ruleReads) scan(rule *ast.Rule, categoryIDs, cats map[string]bool) {
	tests := map[*ast.Term]bool{} // input.person.categories as the collection of a membership test
	testedVars := map[ast.Var]int{}
	for alt := rule; alt != nil; alt = alt.Else {
		bound := ast.NewVarSet()
		for _, a := range alt.Head.Args {
			bound.Update(a.Vars())
		}
		membershipTests(alt.Body, bound, tests, testedVars)
	}
	// OPA's compiler moves a reference out of a call into a local of its
	// own (`__local7__ = input.person.categories; internal.member_2("x",
	// __local7__)`): such a reference is tested if its local is used for
	// nothing else.
	uses := map[ast.Var]int{}
	ast.WalkVars(rule, func(v ast.Var) bool {
		uses[v]++
		return false
	})
	ast.WalkExprs(rule, func(e *ast.Expr) bool {
		if !e.IsCall() || len(e.Operands()) != 2 {
			return false
		}
		if op := e.Operator().String(); op != "eq" && op != "equal" && op != "assign" {
			return false
		}
		a, b := e.Operand(0), e.Operand(1)
		if _, ok := b.Value.(ast.Var); ok {
			a, b = b, a
		}
		if v, ok := a.Value.(ast.Var); ok && testedVars[v] > 0 && testedVars[v] == uses[v]-1 {
			tests[b] = true
		}
		return false
	})
	ast.WalkTerms(rule, func(t *ast.Term) bool {
		switch v := t.Value.(type) {
		case ast.String:
			if categoryIDs[string(v)] {
				cats[string(v)] = true
			}
		case ast.Var:
			if v == ast.InputRootDocument.Value.(ast.Var) {
				rr.read(ast.InputRootRef, t, tests)
			}
		case ast.Ref:
			if v[0].Equal(ast.InputRootDocument) {
				rr.read(v, t, tests)
				return true
			}
		}
		return false
	})
}

// membershipTests finds the collections of `x in xs` expressions whose
// element is already bound where they stand: those test membership. One
// whose element is unbound iterates over the collection (`some c in xs`),
// and a rule iterating over the person's categories can yield any of them.
// OPA's compiled bodies are ordered so that a variable is bound before the
// expression that needs it.
func membershipTests(body ast.Body, bound ast.VarSet, tests map[*ast.Term]bool, testedVars map[ast.Var]int) {
	b := bound.Copy()
	for _, e := range body {
		if e.IsCall() && e.Operator().String() == "internal.member_2" {
			if ops := e.Operands(); len(ops) == 2 && ops[0].Vars().DiffCount(b) == 0 {
				tests[ops[1]] = true
				if v, ok := ops[1].Value.(ast.Var); ok {
					testedVars[v]++
				}
			}
		}
		ast.WalkClosures(e, func(x any) bool {
			switch c := x.(type) {
			case *ast.ArrayComprehension:
				membershipTests(c.Body, b, tests, testedVars)
			case *ast.SetComprehension:
				membershipTests(c.Body, b, tests, testedVars)
			case *ast.ObjectComprehension:
				membershipTests(c.Body, b, tests, testedVars)
			case *ast.Every:
				inner := b.Copy()
				inner.Update(c.KeyValueVars())
				membershipTests(c.Body, inner, tests, testedVars)
			}
			return true
		})
		b.Update(e.Vars(ast.VarVisitorParams{}))
	}
}

func (rr *ruleReads) read(ref ast.Ref, t *ast.Term, tests map[*ast.Term]bool) {
	for _, a := range inputAttributes {
		if !mayRead(ref, a.ref) {
			continue
		}
		rr.attrs[a.name] = true
		if a.name == "categories" && !(tests[t] && ref.Equal(a.ref)) {
			rr.projectable = false
		}
	}
	if len(ref) >= 2 && mayRead(ref, paramsRef) {
		rr.params = append(rr.params, ref)
	}
}

// goReads are the parameters settlement reads itself, whatever the rules
// say: the contribution standards the subsidy is worked out from.
var goReads = []string{"contribution.*"}

// paramsRead works out the patterns of parameters the region reads: what
// its rules read (paramPatterns) and what settlement reads.
func (r *region) paramsRead(paths []string) []string {
	all := make([]*ruleReads, 0, len(r.reads))
	for _, rr := range r.reads {
		all = append(all, rr)
	}
	return r.paramPatterns(all, goReads, paths)
}

// paramPatterns works out the patterns of parameters some rules read:
// every reference into input.params (a dynamic segment as *), the
// region-wide parameter a per-category one falls back to, the inputs of
// each derived parameter read, and the extra patterns given.
func (r *region) paramPatterns(reads []*ruleReads, extra, paths []string) []string {
	set := map[string]bool{}
	for _, g := range extra {
		set[g] = true
	}
	for _, rr := range reads {
		for _, ref := range rr.params {
			segs := make([]string, 0, len(ref))
			for _, t := range ref[2:] {
				if s, ok := t.Value.(ast.String); ok {
					segs = append(segs, string(s))
				} else {
					segs = append(segs, "*")
				}
			}
			set[strings.Join(segs, ".")] = true
		}
	}
	// A per-category parameter read reads the region-wide one it falls
	// back to.
	for p := range set {
		if wide, ok := r.Params.FallbackOf(p); ok {
			set[wide] = true
		}
	}
	// A derived parameter that is read reads what its formula names.
	for changed := true; changed; {
		changed = false
		for _, e := range r.Params.Entries {
			if e.CEL == "" || !matchesAny(e.Path, set) {
				continue
			}
			for _, p := range paths {
				if !set[p] && e.Names(p) {
					set[p] = true
					changed = true
				}
			}
		}
	}
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// matchesAny reports whether a parameter path is read by a pattern: the
// two agree on every segment both have (a pattern that stops early reads
// everything below it), * matching any segment.
func matchesAny(path string, patterns map[string]bool) bool {
	segs := strings.Split(path, ".")
	for p := range patterns {
		if policy.MatchPattern(segs, p) {
			return true
		}
	}
	return false
}

// checkReads works out what every decision rule reads, then refuses a
// parameter read to decide whether a rule applies. Parameters are the
// numbers a rule yields; if a rule's body tested one (`terms :=
// input.params.assistance.by_category[c]`, or a helper doing so), a
// missing number would make the rule silently not apply — a dropped tier.
// Read in the head, a missing number makes the head undefined where the
// body holds, which evaluation reports as an error naming the parameter.
// For the same reason a default for a parameter (object.get on the
// parameters, or on a helper holding them) is refused anywhere.
func (c *Compiler) checkReads() {
	ids := c.categoryIDs()
	for _, r := range c.healthy() {
		r.SetReads(r.analyseReads(ids), r.findBoundaries())
		w := &paramsWalker{rules: map[string][]*ast.Rule{}, seen: map[string]bool{}, done: map[string]bool{}}
		for _, rule := range r.Module.Rules {
			name := policy.RuleName(rule)
			w.rules[name] = append(w.rules[name], rule)
		}
		w.found = func(t *ast.Term, why string) {
			pos := c.pos(t.Location)
			if k := pos.String(); !w.seen[k] {
				w.seen[k] = true
				c.errorf(StageReads, pos, "%s %s", t, why)
				c.regionFailed(r)
			}
		}
		for _, key := range r.RuleKeys() {
			dr := r.Rules[key]
			if !c.schema.Decisions[dr.Decision].Set {
				continue
			}
			w.body(dr.Rule.Body, true)
			w.term(dr.Rule.Head.Key, false)
		}
	}
}

const (
	whyCondition = "decides whether a rule applies: a rule reads parameters only for the numbers it yields — state when it applies from the person and the claim, so that a missing number is an error, never a term silently left out"
	whyDefault   = "gives a default for a parameter: a number the document needs and the parameters do not give must be an error naming it, never a stand-in"
)

var paramsRef = ast.MustParseRef("input.params")

// paramsWalker walks the author's module from each decision rule, through
// the helper rules it names, with whether what it walks is a condition
// (a body, or anything a body reaches) or a value (a head).
type paramsWalker struct {
	rules map[string][]*ast.Rule
	found func(t *ast.Term, why string)
	seen  map[string]bool
	done  map[string]bool // helper+context already walked
}

func (w *paramsWalker) body(b ast.Body, condition bool) {
	for _, e := range b {
		switch ts := e.Terms.(type) {
		case *ast.Term:
			w.term(ts, condition)
		case []*ast.Term:
			w.call(ts, condition)
		case *ast.SomeDecl:
			for _, sym := range ts.Symbols {
				w.term(sym, condition)
			}
		case *ast.Every:
			w.term(ts.Domain, condition)
			w.body(ts.Body, condition)
		}
	}
}

func (w *paramsWalker) call(ts []*ast.Term, condition bool) {
	if len(ts) > 1 && ts[0].String() == "object.get" && w.readsParams(ts[1]) {
		w.found(ts[1], whyDefault)
	}
	if ref, ok := ts[0].Value.(ast.Ref); ok {
		if v, ok := ref[0].Value.(ast.Var); ok && len(ref) == 1 {
			w.helper(string(v), condition)
		}
	}
	for _, t := range ts[1:] {
		w.term(t, condition)
	}
}

func (w *paramsWalker) term(t *ast.Term, condition bool) {
	switch v := t.Value.(type) {
	case ast.Var:
		if v == ast.InputRootDocument.Value.(ast.Var) {
			if condition {
				w.found(t, whyCondition)
			}
			return
		}
		w.helper(string(v), condition)
	case ast.Ref:
		head, _ := v[0].Value.(ast.Var)
		switch {
		case head == ast.InputRootDocument.Value.(ast.Var):
			if condition && mayRead(v, paramsRef) {
				w.found(t, whyCondition)
			}
		case head == ast.DefaultRootDocument.Value.(ast.Var):
			if len(v) > 3 {
				if name, ok := v[3].Value.(ast.String); ok {
					w.helper(string(name), condition)
				}
			}
		default:
			w.helper(string(head), condition)
		}
		for _, seg := range v[1:] {
			w.term(seg, condition)
		}
	case ast.Call:
		w.call(v, condition)
	case *ast.ArrayComprehension:
		w.term(v.Term, condition)
		w.body(v.Body, condition)
	case *ast.SetComprehension:
		w.term(v.Term, condition)
		w.body(v.Body, condition)
	case *ast.ObjectComprehension:
		w.term(v.Key, condition)
		w.term(v.Value, condition)
		w.body(v.Body, condition)
	default:
		ast.WalkTerms(t, func(x *ast.Term) bool {
			if x == t {
				return false
			}
			w.term(x, condition)
			return true
		})
	}
}

// helper walks a rule of the module that a decision names. Used in a
// condition, all of it is a condition. Used in a value, its own undefined
// value would make the decision's head undefined, which evaluation
// reports; only defaults are looked for there.
func (w *paramsWalker) helper(name string, condition bool) {
	rules, ok := w.rules[name]
	if !ok {
		return
	}
	key := fmt.Sprintf("%s|%v", name, condition)
	if w.done[key] {
		return
	}
	w.done[key] = true
	for _, rule := range rules {
		for alt := rule; alt != nil; alt = alt.Else {
			w.body(alt.Body, condition)
			if alt.Head.Value != nil {
				w.term(alt.Head.Value, condition)
			}
			if alt.Head.Key != nil {
				w.term(alt.Head.Key, condition)
			}
		}
	}
}

// readsParams reports whether a term's value comes from the parameters,
// directly or through helper rules.
func (w *paramsWalker) readsParams(t *ast.Term) bool {
	found := false
	inner := &paramsWalker{rules: w.rules, seen: map[string]bool{}, done: map[string]bool{}, found: func(*ast.Term, string) { found = true }}
	inner.term(t, true)
	return found
}

// checkParamsRead refuses a params file entry no rule reads: a number
// given for nothing is a number someone believes is used.
func (c *Compiler) checkParamsRead(r *region) bool {
	paths := c.schema.ParamPaths()
	read := r.paramsRead(paths)
	byRule := map[string][]string{}
	for key, rr := range r.reads {
		byRule[key] = r.paramPatterns([]*ruleReads{rr}, nil, paths)
	}
	r.SetParamsRead(read, byRule)
	bad := false
	for _, e := range r.Params.Entries {
		if !r.ReadsParam(e.Path) {
			bad = true
			c.errorf(StageParams, e.Pos, "parameter %s: no rule of %s reads it (%s reads %s)", e.Path, r.ID, r.ID, strings.Join(read, ", "))
		}
	}
	return bad
}
