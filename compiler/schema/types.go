package schema

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/polc-dev/polc/compiler/celenv"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/literal"
	"github.com/polc-dev/polc/compiler/schema/shape"
)

// celType is the CEL type values of t have.
func (s *Schema) celType(t TypeRef) *types.Type {
	var el *types.Type
	switch {
	case t.Name == "int":
		el = types.IntType
	case t.Name == "bool":
		el = types.BoolType
	case t.Name == "string" || s.Vocabularies[t.Name] != nil:
		el = types.StringType
	case s.Scalars[t.Name] != nil:
		el = celenv.DecimalType
	default:
		el = types.NewObjectType(t.Name)
	}
	if t.List {
		return types.NewListType(el)
	}
	return el
}

// recordTypes lists every record type for CEL: the schema's own and the
// records of the parameters tree.
func (s *Schema) recordTypes() []celenv.RecordType {
	var out []celenv.RecordType
	for _, name := range s.TypeOrder {
		t := s.Types[name]
		rt := celenv.RecordType{Name: name}
		for _, f := range t.Fields {
			rt.Fields = append(rt.Fields, celenv.Field{Name: f.Name, Type: s.celType(f.Type), Optional: f.Type.Optional})
		}
		out = append(out, rt)
	}
	return append(out, s.paramRecordTypes()...)
}

func (s *Schema) compileRules() diag.List {
	var errs diag.List
	records := s.recordTypes()
	env, err := celenv.New(records, s.paramVariables())
	if err != nil {
		return diag.List{shape.Error(s.File, 1, 1, fmt.Sprintf("building the CEL environment: %v", err))}
	}
	s.paramEnv = env
	// The rules of one type share its environment: building one is a
	// good part of loading the schema, and most types have several rules.
	type selfEnv struct {
		env *celenv.Env
		err error
	}
	envs := map[string]selfEnv{}
	compile := func(owner string, selfType *types.Type, r *Rule) {
		var c compiled
		se, ok := envs[selfType.String()]
		if !ok {
			se.env, se.err = celenv.New(records, map[string]*types.Type{"self": selfType})
			envs[selfType.String()] = se
		}
		err := se.err
		if err == nil {
			c.rule, err = se.env.Compile(r.Rule, types.BoolType)
		}
		if err == nil && r.MessageExpression != "" {
			c.message, err = se.env.Compile(r.MessageExpression, types.StringType)
		}
		if err != nil {
			errs = append(errs, shape.Error(s.File, r.Line, r.Col, fmt.Sprintf("%s: CEL rule does not compile: %v", owner, oneLine(err.Error()))))
			return
		}
		s.programs[r] = c
	}
	for _, p := range s.Parameters {
		for _, r := range p.Rules {
			compile("parameter "+p.Path(), s.celType(p.Type), r)
		}
	}
	names := make([]string, 0, len(s.Scalars))
	for n := range s.Scalars {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		for _, r := range s.Scalars[n].Rules {
			compile(n, celenv.DecimalType, r)
		}
	}
	for _, n := range s.TypeOrder {
		for _, r := range s.Types[n].Rules {
			compile(n, types.NewObjectType(n), r)
		}
	}
	return errs
}

// CEL returns an environment over the schema's types with the given
// variables, for golden assertions and derived parameters.
func (s *Schema) CEL(vars map[string]*types.Type) (*celenv.Env, error) {
	return celenv.New(s.recordTypes(), vars)
}

func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	return strings.Join(strings.Fields(s), " ")
}

// Violation is a value that does not fit its type or breaks a rule.
type Violation struct {
	Path    string // the field at fault, as .a.b[1]
	Message string
	Value   string // the offending value, as text
	Rule    string // the CEL rule broken, if any
}

func (v Violation) String() string {
	s := v.Message
	if v.Path != "" {
		s = v.Path + ": " + s
	}
	if v.Value != "" {
		s += " (value " + v.Value + ")"
	}
	return s
}

// Validate converts a JSON-like value (maps, slices, json.Number, string,
// bool, nil) to the record type typeName and checks it: its shape, its ids
// and every CEL rule of its type, its fields' types and their scalars.
func (s *Schema) Validate(typeName string, v any) []Violation {
	var vs []Violation
	s.convert(TypeRef{Name: typeName}, v, "", &vs, true)
	return vs
}

// ValidateParam checks a value given for a parameter: its type, and the
// parameter's own rules.
func (s *Schema) ValidateParam(p *Parameter, v any) (ref.Val, []Violation) {
	var vs []Violation
	out := s.convert(p.Type, v, "", &vs, true)
	if out == nil || len(vs) > 0 {
		return out, vs
	}
	for _, r := range p.Rules {
		s.check(r, out, r.FieldPath, "", &vs)
	}
	return out, vs
}

// ValidateRef is Validate for any type reference.
func (s *Schema) ValidateRef(t TypeRef, v any) (ref.Val, []Violation) {
	var vs []Violation
	out := s.convert(t, v, "", &vs, true)
	return out, vs
}

// convert turns v into a CEL value of type t, appending what is wrong;
// with rules, what breaks a CEL rule of its type or scalars too.
// It returns nil where v cannot be converted at all.
func (s *Schema) convert(t TypeRef, v any, path string, vs *[]Violation, rules bool) ref.Val {
	if t.List {
		items, ok := v.([]any)
		if !ok {
			*vs = append(*vs, Violation{Path: path, Message: fmt.Sprintf("want a list of %s", t.Name), Value: show(v)})
			return nil
		}
		el := TypeRef{Name: t.Name}
		vals := make([]ref.Val, 0, len(items))
		for i, item := range items {
			if cv := s.convert(el, item, fmt.Sprintf("%s[%d]", path, i), vs, rules); cv != nil {
				vals = append(vals, cv)
			}
		}
		return types.NewRefValList(types.DefaultTypeAdapter, vals)
	}
	switch {
	case t.Name == "int":
		n, ok := v.(json.Number)
		if ok {
			if i, err := n.Int64(); err == nil {
				return types.Int(i)
			}
		}
		*vs = append(*vs, Violation{Path: path, Message: "want a whole number", Value: show(v)})
		return nil
	case t.Name == "bool":
		b, ok := v.(bool)
		if !ok {
			*vs = append(*vs, Violation{Path: path, Message: "want true or false", Value: show(v)})
			return nil
		}
		return types.Bool(b)
	case t.Name == "string":
		str, ok := v.(string)
		if !ok {
			*vs = append(*vs, Violation{Path: path, Message: "want a string", Value: show(v)})
			return nil
		}
		return types.String(str)
	case s.Vocabularies[t.Name] != nil:
		str, ok := v.(string)
		if !ok {
			*vs = append(*vs, Violation{Path: path, Message: fmt.Sprintf("want a %s id", t.Name), Value: show(v)})
			return nil
		}
		if !s.Vocabularies[t.Name].Has(str) {
			*vs = append(*vs, Violation{Path: path, Message: fmt.Sprintf("unknown %s %q%s", t.Name, str, s.Suggest(t.Name, str)), Value: str})
			return nil
		}
		return types.String(str)
	case s.Scalars[t.Name] != nil:
		d, err := literal.Number(v)
		if err != nil {
			*vs = append(*vs, Violation{Path: path, Message: fmt.Sprintf("want %s: %v", t.Name, err), Value: show(v)})
			return nil
		}
		val := celenv.Decimal{Decimal: d}
		if rules {
			for _, r := range s.Scalars[t.Name].Rules {
				s.check(r, val, path, diag.Cut(d.String()), vs)
			}
		}
		return val
	}
	rt := s.Types[t.Name]
	if rt == nil {
		*vs = append(*vs, Violation{Path: path, Message: fmt.Sprintf("unknown type %s", t.Name)})
		return nil
	}
	obj, ok := v.(map[string]any)
	if !ok {
		*vs = append(*vs, Violation{Path: path, Message: fmt.Sprintf("want a %s object", t.Name), Value: show(v)})
		return nil
	}
	rec := &celenv.Record{TypeName: rt.Name, Fields: map[string]ref.Val{}}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if _, ok := rt.Field(k); !ok {
			*vs = append(*vs, Violation{Path: path + "." + k, Message: fmt.Sprintf("%s has no field %q%s", rt.Name, k, shape.SuggestFrom(k, fieldNames(rt)))})
		}
	}
	before := len(*vs)
	for _, f := range rt.Fields {
		fv, present := obj[f.Name]
		if !present || fv == nil {
			if !f.Type.Optional {
				*vs = append(*vs, Violation{Path: path + "." + f.Name, Message: fmt.Sprintf("%s needs %s", rt.Name, f.Name)})
			}
			continue
		}
		if cv := s.convert(f.Type, fv, path+"."+f.Name, vs, rules); cv != nil {
			rec.Fields[f.Name] = cv
		}
	}
	if len(*vs) > before {
		return nil // rules over a broken record would only repeat the fault
	}
	if rules {
		for _, r := range rt.Rules {
			s.check(r, rec, path+r.FieldPath, "", vs)
		}
	}
	return rec
}

// check runs one rule on self and records a violation if it fails.
func (s *Schema) check(r *Rule, self ref.Val, path, shown string, vs *[]Violation) {
	c, ok := s.programs[r]
	if !ok {
		return
	}
	out, err := c.rule.Eval(map[string]any{"self": self})
	if err != nil {
		*vs = append(*vs, Violation{Path: path, Message: fmt.Sprintf("rule %q could not be evaluated: %v", r.Rule, err), Rule: r.Rule})
		return
	}
	if out == types.True {
		return
	}
	msg := r.Message
	if c.message != nil {
		if m, err := c.message.Eval(map[string]any{"self": self}); err == nil {
			if str, ok := m.(types.String); ok {
				msg = string(str)
			}
		}
	}
	*vs = append(*vs, Violation{Path: path, Message: msg, Value: shown, Rule: r.Rule})
}

func show(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		return diag.Quote(v)
	case json.Number:
		return diag.Cut(string(v))
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	}
	return fmt.Sprint(v)
}

func fieldNames(t *Type) []string {
	out := make([]string, len(t.Fields))
	for i, f := range t.Fields {
		out[i] = f.Name
	}
	return out
}
