package compiler

import (
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/polc-dev/polc/policy"
)

// The boundaries of a region (policy.Boundaries) are, for each attribute
// the exhaustive stage varies by value (age, county, exit year, disease …),
// the constants the region's rules compare it with: the values on either
// side of each are tried.
//
// They are found on the compiled rules by following where an attribute's
// value flows, as far as the read analysis does: a reference that may read
// it (input.person.age, or input.person handed to object.get), a local
// bound from one (OPA hoists `a := input.person.age` and call results into
// locals), the result of a call or helper rule fed by one, and a function's
// parameters where a call passes one. Every constant in an expression such
// a value reaches counts. This over-approximates — a constant compared with
// something else in the same call counts too — which costs contexts, never
// a boundary missed by an indirection.

// variedByValue are the attributes whose variants come from constants.
var variedByValue = []string{"age", "residence", "county", "exit_year", "assets_within_limit", "disease"}

// attrSet is a set of attribute names.
type attrSet map[string]bool

func (s attrSet) addAll(o attrSet) bool {
	changed := false
	for a := range o {
		if !s[a] {
			s[a] = true
			changed = true
		}
	}
	return changed
}

// findBoundaries follows attribute values through the region's compiled
// rules to a fixpoint and collects the constants they meet.
func (r *region) findBoundaries() policy.Boundaries {
	var rules []*ast.Rule
	for _, m := range r.Compiled().Modules {
		ast.WalkRules(m, func(rule *ast.Rule) bool {
			rules = append(rules, rule)
			return false
		})
	}
	f := &flow{
		region:   r.ID,
		vars:     map[*ast.Rule]map[ast.Var]attrSet{},
		results:  map[string]attrSet{},
		params:   map[string]attrSet{},
		consts:   map[string]map[string]*ast.Term{},
		attrRefs: map[string]ast.Ref{},
	}
	for _, a := range inputAttributes {
		for _, name := range variedByValue {
			if a.name == name {
				f.attrRefs[name] = a.ref
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, rule := range rules {
			if f.scan(rule) {
				changed = true
			}
		}
	}
	out := policy.Boundaries{}
	for attr, consts := range f.consts {
		keys := make([]string, 0, len(consts))
		for k := range consts {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			out[attr] = append(out[attr], consts[k])
		}
	}
	return out
}

// flow is the state of findBoundaries: which attributes reach each local
// of each rule, each rule's result and each function's parameters.
type flow struct {
	region   string
	vars     map[*ast.Rule]map[ast.Var]attrSet
	results  map[string]attrSet // by rule name
	params   map[string]attrSet // by function name
	consts   map[string]map[string]*ast.Term
	attrRefs map[string]ast.Ref
}

// scan follows values through one rule once, reporting whether anything
// new was learnt.
func (f *flow) scan(rule *ast.Rule) bool {
	name := policy.RuleName(rule)
	vars := f.vars[rule]
	if vars == nil {
		vars = map[ast.Var]attrSet{}
		f.vars[rule] = vars
	}
	changed := false
	taint := func(v ast.Var, s attrSet) {
		if vars[v] == nil {
			vars[v] = attrSet{}
		}
		if vars[v].addAll(s) {
			changed = true
		}
	}
	for alt := rule; alt != nil; alt = alt.Else {
		if in := f.params[name]; len(in) > 0 {
			for _, a := range alt.Head.Args {
				for v := range a.Vars() {
					taint(v, in)
				}
			}
		}
		// OPA hoists a reference out of a call into a local of its own
		// (`__local13__ = input.person; object.get(__local13__, "age", …)`):
		// what the local stands for lets keyed narrow the lookup.
		aliases := map[ast.Var]*ast.Term{}
		ast.WalkExprs(alt.Body, func(e *ast.Expr) bool {
			if e.IsEquality() || e.IsAssignment() {
				a, b := e.Operand(0), e.Operand(1)
				if _, ok := b.Value.(ast.Var); ok {
					a, b = b, a
				}
				if v, ok := a.Value.(ast.Var); ok {
					if _, isRef := b.Value.(ast.Ref); isRef {
						aliases[v] = b
					}
				}
			}
			return false
		})
		ast.WalkExprs(alt.Body, func(e *ast.Expr) bool {
			terms := exprTerms(e)
			reached := attrSet{}
			for i, t := range terms {
				if i == 1 && e.IsCall() && e.Operator().String() == "object.get" {
					if v, ok := t.Value.(ast.Var); ok && aliases[v] != nil {
						t = aliases[v]
					}
					t = keyed(t, terms[2])
				}
				reached.addAll(f.reaching(t, vars))
			}
			if len(reached) == 0 {
				return false
			}
			for _, t := range terms {
				for _, v := range localVars(t) {
					taint(v, reached)
				}
				f.collect(t, reached)
			}
			if e.IsCall() {
				if fn := f.localRule(e.OperatorTerm()); fn != "" {
					if f.params[fn] == nil {
						f.params[fn] = attrSet{}
					}
					if f.params[fn].addAll(reached) {
						changed = true
					}
				}
			}
			return false
		})
		result := attrSet{}
		for _, t := range []*ast.Term{alt.Head.Key, alt.Head.Value} {
			if t != nil {
				result.addAll(f.reaching(t, vars))
			}
		}
		if len(result) > 0 {
			if f.results[name] == nil {
				f.results[name] = attrSet{}
			}
			if f.results[name].addAll(result) {
				changed = true
			}
		}
	}
	return changed
}

// keyed narrows object.get's object to the key it looks up when both are
// written out — object.get(input.person, "age", 0) reads the age alone —
// and leaves it whole otherwise.
func keyed(obj, key *ast.Term) *ast.Term {
	ref, ok := obj.Value.(ast.Ref)
	if !ok {
		return obj
	}
	switch k := key.Value.(type) {
	case ast.String:
		return ast.NewTerm(ref.Append(key))
	case *ast.Array:
		path := ref.Copy()
		for i := range k.Len() {
			if _, ok := k.Elem(i).Value.(ast.String); !ok {
				return obj
			}
			path = path.Append(k.Elem(i))
		}
		return ast.NewTerm(path)
	}
	return obj
}

// exprTerms are the terms of an expression: a call's operator and
// operands, or the term it is.
func exprTerms(e *ast.Expr) []*ast.Term {
	switch t := e.Terms.(type) {
	case []*ast.Term:
		return t
	case *ast.Term:
		return []*ast.Term{t}
	}
	return nil
}

// reaching is the attributes whose values may reach a term.
func (f *flow) reaching(t *ast.Term, vars map[ast.Var]attrSet) attrSet {
	out := attrSet{}
	ast.WalkTerms(t, func(x *ast.Term) bool {
		switch v := x.Value.(type) {
		case ast.Var:
			out.addAll(vars[v])
		case ast.Ref:
			if v[0].Equal(ast.InputRootDocument) {
				for attr, ref := range f.attrRefs {
					if mayRead(v, ref) {
						out[attr] = true
					}
				}
			} else if name := f.localRule(x); name != "" {
				out.addAll(f.results[name])
			}
			for _, seg := range v[1:] {
				out.addAll(f.reaching(seg, vars))
			}
			return true // the head (input, data) is no local
		}
		return false
	})
	return out
}

// localVars are the variables of a term a value can flow into: not the
// heads of references (input, data, a builtin's name).
func localVars(t *ast.Term) []ast.Var {
	var out []ast.Var
	ast.WalkTerms(t, func(x *ast.Term) bool {
		switch v := x.Value.(type) {
		case ast.Var:
			out = append(out, v)
		case ast.Ref:
			for _, seg := range v[1:] {
				out = append(out, localVars(seg)...)
			}
			return true
		}
		return false
	})
	return out
}

// localRule is the name of the region's rule a reference names, or "".
func (f *flow) localRule(t *ast.Term) string {
	ref, ok := t.Value.(ast.Ref)
	if !ok || len(ref) < 4 || !ref[0].Equal(ast.DefaultRootDocument) {
		return ""
	}
	if ref[1].Value.Compare(ast.String(PackagePrefix)) != 0 || ref[2].Value.Compare(ast.String(f.region)) != 0 {
		return ""
	}
	if s, ok := ref[3].Value.(ast.String); ok {
		return string(s)
	}
	return ""
}

// collect records the scalar constants of a term a value reaches (members
// of a literal set or array count).
func (f *flow) collect(t *ast.Term, attrs attrSet) {
	var scalars []*ast.Term
	switch v := t.Value.(type) {
	case ast.String, ast.Number, ast.Boolean:
		scalars = append(scalars, t)
	case ast.Set:
		v.Foreach(func(x *ast.Term) { scalars = append(scalars, x) })
	case *ast.Array:
		v.Foreach(func(x *ast.Term) { scalars = append(scalars, x) })
	}
	for _, s := range scalars {
		switch s.Value.(type) {
		case ast.String, ast.Number, ast.Boolean:
		default:
			continue
		}
		for a := range attrs {
			if f.consts[a] == nil {
				f.consts[a] = map[string]*ast.Term{}
			}
			f.consts[a][s.String()] = s
		}
	}
}
