package compiler

import (
	"bytes"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/sandbox"
	"github.com/polc-dev/polc/compiler/schema"
	"github.com/polc-dev/polc/compiler/schema/shape"
	"github.com/polc-dev/polc/policy"
)

var regionIDRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

func (c *Compiler) parse() {
	for _, r := range c.regions {
		if !regionIDRE.MatchString(r.ID) {
			c.errorf(StageParse, c.posAt(r.File, 1, 1), "%s: a region id is lower-case letters, digits and _, starting with a letter", r.File)
			c.regionFailed(r)
			continue
		}
		if len(bytes.TrimSpace(r.source)) == 0 {
			c.errorf(StageParse, c.posAt(r.File, 1, 1), "empty module: a region module declares package %s.%s and its decisions", PackagePrefix, r.ID)
			c.regionFailed(r)
			continue
		}
		m, err := ast.ParseModuleWithOpts(r.File, string(r.source), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			c.opaErrors(StageParse, err)
			c.regionFailed(r)
			continue
		}
		if m == nil {
			c.errorf(StageParse, c.posAt(r.File, 1, 1), "empty module: a region module declares package %s.%s and its decisions", PackagePrefix, r.ID)
			c.regionFailed(r)
			continue
		}
		want := ast.MustParseRef("data." + PackagePrefix + "." + r.ID)
		if !m.Package.Path.Equal(want) {
			c.errorf(StageParse, c.pos(m.Package.Location), "package %s: the module for region %s must be package %s.%s", strings.TrimPrefix(m.Package.Path.String(), "data."), r.ID, PackagePrefix, r.ID)
			c.regionFailed(r)
			continue
		}
		r.Module = m
	}
}

// opaErrors reports OPA's own errors (parse, type) at their locations.
func (c *Compiler) opaErrors(stage string, err error) {
	errs, ok := err.(ast.Errors)
	if !ok {
		c.errorf(stage, c.posAt("", 0, 0), "%v", err)
		return
	}
	for _, e := range errs {
		c.errorf(stage, c.pos(e.Location), "%s", cleanOPAMessage(e.Message))
	}
}

var localVarRE = regexp.MustCompile(`\[__local\d+__\]`)

// cleanOPAMessage drops the compiler's generated variable names, which mean
// nothing to a policy author, and says where the input schema comes from.
func cleanOPAMessage(msg string) string {
	msg = localVarRE.ReplaceAllString(msg, "[_]")
	if strings.HasPrefix(msg, "undefined ref: input.") {
		msg += " (not a field of the input schema derived from schema.yaml)"
	}
	return msg
}

func (c *Compiler) posAt(file string, line, col int) diag.Position {
	return diag.Position{File: file, Line: line, Col: col}
}

// checkClauses requires every rule of a set decision to carry its clause in
// a METADATA annotation and to yield an object literal, then attaches the
// clause and the rule's position to that object: what the rule yields then
// says where it came from, and the author writes the clause once.
func (c *Compiler) checkClauses() {
	for _, r := range c.parsed() {
		as, errs := ast.BuildAnnotationSet([]*ast.Module{r.Module})
		if len(errs) > 0 {
			c.opaErrors(StageClauses, errs)
			c.regionFailed(r)
			continue
		}
		r.Rules = map[string]*policy.DecisionRule{}
		bad := false
		for _, rule := range r.Module.Rules {
			name := policy.RuleName(rule)
			dec, ok := c.schema.Decisions[name]
			if !ok {
				continue
			}
			pos := c.pos(rule.Location)
			if len(rule.Head.Ref()) != 1 {
				c.errorf(StageClauses, pos, "%s is a decision: define it whole (%s contains {…} if …), not by a ref head %s", name, name, rule.Head.Ref())
				bad = true
				continue
			}
			var clause, title string
			var quote []string
			var readings []policy.Reading
			var also []policy.Also
			for _, a := range as.GetRuleScope(rule) {
				if cl, ok := a.Custom["clause"].(string); ok && strings.TrimSpace(cl) != "" {
					clause = strings.TrimSpace(cl)
				}
				if a.Title != "" {
					title = a.Title
				}
				apos := c.pos(a.Location)
				if v, ok := a.Custom["quote"]; ok {
					q, err := quoteOf(v)
					if err != nil {
						c.errorf(StageClauses, apos, "%s rule: custom.quote %s", name, err)
						bad = true
					}
					quote = q
				}
				if v, ok := a.Custom["also"]; ok {
					as, err := alsoOf(v)
					if err != nil {
						c.errorf(StageClauses, apos, "%s rule: custom.also %s", name, err)
						bad = true
					}
					also = as
				}
				if v, ok := a.Custom["reading"]; ok {
					rs, err := readingsOf(v)
					if err != nil {
						c.errorf(StageClauses, apos, "%s rule: custom.reading %s", name, err)
						bad = true
					}
					readings = rs
				}
			}
			if !dec.Set {
				if rule.Head.RuleKind() != ast.SingleValue {
					c.errorf(StageClauses, pos, "%s is a single value: write %s := {…}", name, name)
					bad = true
				}
				continue
			}
			if rule.Head.RuleKind() != ast.MultiValue {
				c.errorf(StageClauses, pos, "%s is a set decision: write %s contains {…} if { … }", name, name)
				bad = true
				continue
			}
			if dec.Clause && clause == "" {
				c.errorf(StageClauses, pos, "%s rule without a clause: add a # METADATA block with custom: {clause: …} naming the clause of the document it implements", name)
				bad = true
				continue
			}
			obj, ok := rule.Head.Key.Value.(ast.Object)
			if !ok {
				c.errorf(StageClauses, c.pos(rule.Head.Key.Location), "a %s rule yields an object literal ({\"tier\": …}), so its clause can be attached to it; this one yields %s", name, rule.Head.Key)
				bad = true
				continue
			}
			key := pos.String()
			obj.Insert(ast.StringTerm(policy.ClauseKey), ast.StringTerm(clause))
			obj.Insert(ast.StringTerm(policy.RuleKey), ast.StringTerm(key))
			r.Rules[key] = &policy.DecisionRule{Key: key, Decision: name, Clause: clause, Title: title, Pos: key, Rule: rule,
				Quote: quote, Readings: readings, Also: also, ParamRefs: policy.HeadParams(obj, r.Module)}
		}
		if bad {
			c.regionFailed(r)
		}
	}
}

// quoteOf reads custom.quote: the document's sentence(s), a string or a
// list of strings, none empty.
func quoteOf(v any) ([]string, error) {
	var out []string
	switch v := v.(type) {
	case string:
		out = []string{v}
	case []any:
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("is a list with a %T in it: each entry is a sentence of the document, as a string", e)
			}
			out = append(out, s)
		}
	default:
		return nil, fmt.Errorf("is a %T: give the sentence of the document as a string, or several as a list of strings", v)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("is empty: give the sentence of the document the rule implements")
	}
	for _, s := range out {
		if strings.TrimSpace(s) == "" {
			return nil, fmt.Errorf("has an empty sentence")
		}
	}
	return out, nil
}

// alsoOf reads custom.also: the other clauses a rule implements through
// its rank or through the selection among rules it takes part in, each
// with how ({二(五): 多重身份就高：取最高的资助}).
func alsoOf(v any) ([]policy.Also, error) {
	m, ok := v.(map[string]any)
	if !ok || len(m) == 0 {
		return nil, fmt.Errorf("is a %T: give {<clause>: <how the rule implements it>, …}", v)
	}
	var out []policy.Also
	for _, k := range slices.Sorted(maps.Keys(m)) {
		how, ok := m[k].(string)
		if !ok || strings.TrimSpace(how) == "" || strings.TrimSpace(k) == "" {
			return nil, fmt.Errorf("%q: give the clause and, as a non-empty string, how the rule implements it", k)
		}
		out = append(out, policy.Also{Clause: strings.TrimSpace(k), How: strings.TrimSpace(how)})
	}
	return out, nil
}

// readingsOf reads custom.reading: {text, chosen, alternative}, or a list
// of them, every field a non-empty string and no other field.
func readingsOf(v any) ([]policy.Reading, error) {
	list, ok := v.([]any)
	if !ok {
		list = []any{v}
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("is empty: give {text: …, chosen: …, alternative: …}")
	}
	var out []policy.Reading
	for _, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("is a %T: give {text: <the phrase>, chosen: <how it is read>, alternative: <the other reading>}", e)
		}
		var r policy.Reading
		for _, k := range slices.Sorted(maps.Keys(m)) {
			s, ok := m[k].(string)
			if ok {
				s = strings.TrimSpace(s)
			}
			switch {
			case k != "text" && k != "chosen" && k != "alternative":
				return nil, fmt.Errorf("has %q: its fields are text, chosen and alternative", k)
			case !ok || s == "":
				return nil, fmt.Errorf("%s is not a non-empty string", k)
			}
			switch k {
			case "text":
				r.Text = s
			case "chosen":
				r.Chosen = s
			case "alternative":
				r.Alternative = s
			}
		}
		for _, f := range [...]struct{ name, v string }{{"text", r.Text}, {"chosen", r.Chosen}, {"alternative", r.Alternative}} {
			if f.v == "" {
				return nil, fmt.Errorf("lacks %s: give {text: <the phrase>, chosen: <how it is read>, alternative: <the other reading>}", f.name)
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// checkBuiltins keeps a module inside the sandbox (see package sandbox):
// every builtin it calls must be allowed, and it may not use `with`, which
// substitutes a value or a function during evaluation — OPA does not check
// a `with` target or value against the capabilities, so `count(x) with
// count as http.send` would call http.send. No name of the module may start
// with the prefix of the rules polc generates.
func (c *Compiler) checkBuiltins() {
	for _, r := range c.parsed() {
		bad := false
		ast.WalkTerms(r.Module, func(t *ast.Term) bool {
			call, ok := t.Value.(ast.Call)
			if !ok {
				return false
			}
			c.checkCall(r, call[0], t.Location, &bad)
			return false
		})
		ast.WalkExprs(r.Module, func(e *ast.Expr) bool {
			if e.IsCall() {
				c.checkCallRef(r, e.Operator(), e.Location, &bad)
			}
			for _, w := range e.With {
				bad = true
				c.errorf(StageBuiltins, c.pos(w.Location), "with is not allowed in a region module: it replaces %s during evaluation, and a function or value it substitutes is not checked against the sandbox's builtins%s", w.Target, c.withValueNote(w))
			}
			return false
		})
		ast.WalkVars(r.Module, func(v ast.Var) bool {
			if strings.HasPrefix(string(v), reservedPrefix) {
				bad = true
				c.errorf(StageBuiltins, c.posAt(r.File, 1, 1), "%s: names starting with %s are reserved for the rules polc generates", v, reservedPrefix)
			}
			return false
		})
		if bad {
			c.regionFailed(r)
		}
	}
}

// withValueNote names a builtin outside the sandbox that a `with` would
// substitute.
func (c *Compiler) withValueNote(w *ast.With) string {
	var names []string
	ast.WalkRefs(w.Value, func(ref ast.Ref) bool {
		name := ref.String()
		if sandbox.Refused(name) {
			names = append(names, name)
		}
		return false
	})
	if v, ok := w.Value.Value.(ast.Var); ok {
		if sandbox.Refused(string(v)) {
			names = append(names, string(v))
		}
	}
	if len(names) == 0 {
		return ""
	}
	return " (here " + strings.Join(names, ", ") + ", which a policy may not call)"
}

func (c *Compiler) checkCall(r *region, op *ast.Term, loc *ast.Location, bad *bool) {
	ref, ok := op.Value.(ast.Ref)
	if !ok {
		return
	}
	c.checkCallRef(r, ref, loc, bad)
}

func (c *Compiler) checkCallRef(r *region, ref ast.Ref, loc *ast.Location, bad *bool) {
	name := ref.String()
	if !sandbox.Refused(name) {
		return // allowed, or a function of the module itself (OPA reports unknown ones)
	}
	*bad = true
	switch {
	case sandbox.Arithmetic[name]:
		c.errorf(StageBuiltins, c.pos(loc), "%s: no arithmetic in Rego — its non-integer arithmetic is binary floating point; state the document's numbers and let polc compute the money", name)
	default:
		c.errorf(StageBuiltins, c.pos(loc), "%s is not allowed: a policy may call only deterministic, side-effect-free builtins (no network, clock, randomness or runtime)", name)
	}
}

var idLikeRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// checkIDs catches what OPA cannot: OPA types a category as a string, so
// "extrem_poverty" compiles. Here every id-like string constant must be an
// id of the schema, and a decision's fields and their enums must match it.
func (c *Compiler) checkIDs() {
	known := c.knownWords()
	for _, r := range c.parsed() {
		bad := false
		free := map[*ast.Term]bool{}
		for _, rule := range r.Module.Rules {
			name := policy.RuleName(rule)
			dec, ok := c.schema.Decisions[name]
			if !ok {
				continue
			}
			val := rule.Head.Key
			if !dec.Set {
				val = rule.Head.Value
			}
			if val == nil {
				continue
			}
			if !c.checkObjectFields(dec.Type, val, free) {
				bad = true
			}
		}
		// The arguments of a call the builtins stage refuses are that
		// stage's to report, not ids.
		ast.WalkExprs(r.Module, func(e *ast.Expr) bool {
			if name := e.Operator().String(); e.IsCall() && sandbox.Refused(name) {
				for _, op := range e.Operands() {
					ast.WalkTerms(op, func(x *ast.Term) bool { free[x] = true; return false })
				}
			}
			return false
		})
		for _, rule := range r.Module.Rules {
			walkStrings(rule, func(t *ast.Term, s string) {
				if free[t] || !idLikeRE.MatchString(s) || known[s] {
					return
				}
				c.errorf(StageIDs, c.pos(t.Location), "unknown id %q: not a category, claim kind, tier or other id of the schema%s", s, c.schema.SuggestAny(s))
				bad = true
			})
		}
		if bad {
			c.regionFailed(r)
		}
	}
}

// knownWords is every id and field name the schema defines.
func (c *Compiler) knownWords() map[string]bool {
	w := map[string]bool{policy.ClauseKey: true, policy.RuleKey: true}
	for _, v := range c.schema.Vocabularies {
		for _, id := range v.IDs() {
			w[id] = true
		}
	}
	for _, t := range c.schema.Types {
		for _, f := range t.Fields {
			w[f.Name] = true
		}
	}
	for d := range c.schema.Decisions {
		w[d] = true
	}
	return w
}

// freeTextFields are fields whose strings are names or prose, not ids.
var freeTextFields = map[string]bool{"rule": true, "population": true, "cap_group": true, "reason": true}

// checkObjectFields checks a literal object against a record type: its keys
// are fields, vocabulary-typed values are ids of that vocabulary, and
// parameter paths exist. Strings it has checked (or that are free text) go
// into done so the generic id check passes over them.
func (c *Compiler) checkObjectFields(typeName string, t *ast.Term, done map[*ast.Term]bool) bool {
	obj, ok := t.Value.(ast.Object)
	rt := c.schema.Types[typeName]
	if !ok || rt == nil {
		return true
	}
	good := true
	obj.Foreach(func(k, v *ast.Term) {
		ks, ok := k.Value.(ast.String)
		if !ok {
			return
		}
		key := string(ks)
		done[k] = true
		if key == policy.ClauseKey || key == policy.RuleKey {
			done[v] = true
			return
		}
		f, ok := rt.Field(key)
		if !ok {
			c.errorf(StageIDs, c.pos(k.Location), "%s has no field %q%s", typeName, key, suggestField(rt, key))
			good = false
			return
		}
		if freeTextFields[key] || typeName == "Document" {
			ast.WalkTerms(v, func(x *ast.Term) bool { done[x] = true; return false })
			return
		}
		if typeName == "ParameterBound" && key == "path" {
			done[v] = true
			if s, ok := v.Value.(ast.String); ok {
				if n, ok := c.schema.LookupParam(strings.Split(string(s), ".")); !ok || n.Leaf == nil {
					c.errorf(StageIDs, c.pos(v.Location), "%s is not a parameter of the schema%s", string(s), c.schema.SuggestParam(string(s)))
					good = false
				}
			}
			return
		}
		if voc := c.schema.Vocabulary(f.Type.Name); voc != nil {
			walkStrings(v, func(x *ast.Term, s string) {
				done[x] = true
				if !voc.Has(s) {
					c.errorf(StageIDs, c.pos(x.Location), "%s: %q is not a %s%s", key, s, voc.Name, c.schema.Suggest(voc.Name, s))
					good = false
				}
			})
			return
		}
		if _, isRecord := c.schema.Types[f.Type.Name]; isRecord {
			if f.Type.List {
				if arr, ok := v.Value.(*ast.Array); ok {
					arr.Foreach(func(el *ast.Term) {
						good = c.checkObjectFields(f.Type.Name, el, done) && good
					})
				}
				return
			}
			good = c.checkObjectFields(f.Type.Name, v, done) && good
		}
	})
	return good
}

// walkStrings visits the string constants of x that are values: it skips
// the path segments of references (input.person.categories, a call's
// function name), which OPA's type checker and the builtins stage own.
func walkStrings(x any, f func(t *ast.Term, s string)) {
	ast.WalkTerms(x, func(t *ast.Term) bool {
		switch v := t.Value.(type) {
		case ast.String:
			f(t, string(v))
		case ast.Ref:
			for _, seg := range v[1:] {
				if _, isString := seg.Value.(ast.String); !isString {
					walkStrings(seg, f)
				}
			}
			return true
		case ast.Call:
			if name := v[0].String(); sandbox.Refused(name) {
				return true // the builtins stage refuses the call itself
			}
			for _, arg := range v[1:] {
				walkStrings(arg, f)
			}
			return true
		}
		return false
	})
}

func suggestField(t *schema.Type, key string) string {
	names := make([]string, len(t.Fields))
	for i, f := range t.Fields {
		names[i] = f.Name
	}
	return shape.SuggestFrom(key, names)
}

// checkYears decodes the document metadata and refuses a rule that names a
// benefit year outside the document's own years.
func (c *Compiler) checkYears() {
	for _, r := range c.parsed() {
		var docRule *ast.Rule
		for _, rule := range r.Module.Rules {
			if policy.RuleName(rule) == "document" {
				docRule = rule
			}
		}
		if docRule == nil {
			c.errorf(StageYears, c.pos(r.Module.Package.Location), "region %s defines no document := {…}: title, number, issuer, dates and years", r.ID)
			c.regionFailed(r)
			continue
		}
		v, err := ast.JSON(docRule.Head.Value.Value)
		if err != nil || !docRule.Head.Value.IsGround() {
			c.errorf(StageYears, c.pos(docRule.Location), "document must be a constant object")
			c.regionFailed(r)
			continue
		}
		if vs := c.schema.Validate("Document", jsonNumbers(v)); len(vs) > 0 {
			for _, viol := range vs {
				c.errorf(StageYears, c.pos(docRule.Location), "document%s", viol)
			}
			c.regionFailed(r)
			continue
		}
		if err := decodeInto(v, &r.Document); err != nil {
			c.errorf(StageYears, c.pos(docRule.Location), "document: %v", err)
			c.regionFailed(r)
			continue
		}
		d := r.Document
		from, to := yearOf(d.InForceFrom), yearOf(d.InForceTo)
		if from == 0 || (d.InForceTo != "" && to == 0) || (d.Issued != "" && yearOf(d.Issued) == 0) {
			c.errorf(StageYears, c.pos(docRule.Location), "document dates are YYYY-MM-DD (issued %q, in_force_from %q, in_force_to %q)", d.Issued, d.InForceFrom, d.InForceTo)
			c.regionFailed(r)
			continue
		}
		for _, y := range d.Years {
			if y < from || (to != 0 && y > to) {
				c.errorf(StageYears, c.pos(docRule.Location), "document year %d is outside its in-force period %s–%s", y, d.InForceFrom, orOpen(d.InForceTo))
				c.regionFailed(r)
			}
		}
		c.checkYearConstants(r)
	}
}

// checkYearConstants finds input.year compared with a number the document's
// years do not include.
func (c *Compiler) checkYearConstants(r *region) {
	year := ast.MustParseRef("input.year")
	ast.WalkExprs(r.Module, func(e *ast.Expr) bool {
		if !e.IsCall() {
			return false
		}
		ops := e.Operands()
		usesYear := false
		for _, op := range ops {
			if ref, ok := op.Value.(ast.Ref); ok && ref.Equal(year) {
				usesYear = true
			}
		}
		if !usesYear {
			return false
		}
		for _, op := range ops {
			for _, n := range numbersIn(op) {
				y, err := strconv.Atoi(string(n.Value.(ast.Number)))
				if err == nil && !r.Document.HasYear(y) {
					c.errorf(StageYears, c.pos(n.Location), "year %d is outside the years of %s (%s)", y, r.Document.Number, r.Document.YearsText())
					c.regionFailed(r)
				}
			}
		}
		return false
	})
}

func numbersIn(t *ast.Term) []*ast.Term {
	var out []*ast.Term
	switch v := t.Value.(type) {
	case ast.Number:
		out = append(out, t)
	case ast.Set:
		v.Foreach(func(x *ast.Term) { out = append(out, numbersIn(x)...) })
	case *ast.Array:
		v.Foreach(func(x *ast.Term) { out = append(out, numbersIn(x)...) })
	}
	return out
}

func yearOf(date string) int {
	if len(date) != 10 || date[4] != '-' || date[7] != '-' {
		return 0
	}
	y, err := strconv.Atoi(date[:4])
	if err != nil {
		return 0
	}
	return y
}

func orOpen(s string) string {
	if s == "" {
		return "(open)"
	}
	return s
}
