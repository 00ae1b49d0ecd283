// Package shape reads policies/schema.yaml without compiling its CEL rules:
// the shared vocabulary of categories, claim kinds, tiers and the rest, the
// record types policies decide in (with their rules as text), the
// parameters a params file may give, and which categories exclude each
// other. Reading a case needs only this much; package schema adds the
// compiled rules. Keeping the two apart keeps CEL (and its protobuf
// runtime) out of the case loader, which a hostile file reaches first and
// which is fuzzed: the fuzzer scans every coverage counter of its binary
// after each input. A Shape is immutable once Parse returns it.
package shape

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/yamldoc"
)

// Entry is one id of a vocabulary with its Chinese label.
type Entry struct {
	ID     string `yaml:"id"`
	Label  string `yaml:"label"`
	Parent string `yaml:"parent,omitempty"` // categories only
	Line   int    `yaml:"-"`

	// tiers only
	Deductible string   `yaml:"deductible,omitempty"`
	CapGroup   string   `yaml:"cap_group,omitempty"`
	Required   []string `yaml:"required,omitempty"`
}

// Vocabulary is an ordered list of ids.
type Vocabulary struct {
	Name    string
	Entries []Entry
	byID    map[string]*Entry
}

// Has reports whether id is in the vocabulary.
func (v *Vocabulary) Has(id string) bool { _, ok := v.byID[id]; return ok }

// Get returns the entry for id.
func (v *Vocabulary) Get(id string) (*Entry, bool) { e, ok := v.byID[id]; return e, ok }

// IDs lists the ids in schema order.
func (v *Vocabulary) IDs() []string {
	ids := make([]string, len(v.Entries))
	for i, e := range v.Entries {
		ids[i] = e.ID
	}
	return ids
}

// Rule is a CEL constraint in the Kubernetes style, as text: package schema
// compiles it.
type Rule struct {
	Rule              string `yaml:"rule"`
	Message           string `yaml:"message,omitempty"`
	MessageExpression string `yaml:"messageExpression,omitempty"`
	FieldPath         string `yaml:"fieldPath,omitempty"`
	Line, Col         int    `yaml:"-"`
}

// Type is a record type: named fields with types, and rules over the record.
type Type struct {
	Name   string
	Fields []FieldDef
	Rules  []*Rule
	Line   int
}

// FieldDef is one field of a record type.
type FieldDef struct {
	Name string
	Type TypeRef
	Line int
}

// Field finds a field by name.
func (t *Type) Field(name string) (FieldDef, bool) {
	for _, f := range t.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return FieldDef{}, false
}

// Scalar is a named decimal kind (money, ratio) with its rules.
type Scalar struct {
	Name  string
	Rules []*Rule
}

// Decision is what a region module defines under one name.
type Decision struct {
	Name   string
	Type   string `yaml:"type"`
	Set    bool   `yaml:"set"`
	Clause bool   `yaml:"clause"`
}

// Parameter is one path pattern of the parameters vocabulary, such as
// assistance.by_category.<category>.ratio.
type Parameter struct {
	Pattern []string // segments; <vocab> stands for any id of vocab
	Type    TypeRef
	Label   string
	// Rules hold of the parameter's value as a whole (self): a list of
	// bands whose edges increase, say.
	Rules []*Rule
	Line  int
}

// Path returns the pattern as written.
func (p *Parameter) Path() string { return strings.Join(p.Pattern, ".") }

// Exclusion says two categories exclude each other ("*" for the second:
// every other category), and why.
type Exclusion struct {
	Categories []string `yaml:"categories"`
	Reason     string   `yaml:"reason"`
	Line       int      `yaml:"-"`
}

// Exclusive returns why no person can be in both categories (a parent
// stands for its kinds), or "" if one can.
func (s *Shape) Exclusive(a, b string) string {
	if a == b {
		return ""
	}
	as := append([]string{a}, s.Ancestors(a)...)
	bs := append([]string{b}, s.Ancestors(b)...)
	for _, e := range s.Exclusions {
		x, y := e.Categories[0], e.Categories[1]
		for _, p := range as {
			for _, q := range bs {
				if (p == x && (q == y || y == "*")) || (q == x && (p == y || y == "*")) {
					return e.Reason
				}
			}
		}
	}
	return ""
}

// Comparisons lists the words that make a threshold inclusive or exclusive.
type Comparisons struct {
	Inclusive []string `yaml:"inclusive"`
	Exclusive []string `yaml:"exclusive"`
}

// vocabularyKeys maps the schema's top-level list keys to the name a type
// uses for them.
var vocabularyKeys = map[string]string{
	"categories":         "category",
	"claim_kinds":        "claim_kind",
	"hospital_levels":    "hospital_level",
	"residences":         "residence",
	"enrollment_tiers":   "enrollment_tier",
	"funders":            "funder",
	"tiers":              "tier",
	"deductible_bases":   "deductible_basis",
	"tilt_operations":    "tilt_operation",
	"subsidy_forms":      "subsidy_form",
	"contribution_bases": "contribution_basis",
	"measures":           "measure",
	"monitoring_flags":   "monitoring_flag",
	"coverage_starts":    "coverage_start",
}

// Shape is the schema as read and resolved, its rules not compiled.
type Shape struct {
	File         string
	Vocabularies map[string]*Vocabulary
	Comparisons  Comparisons
	// Exclusions are pairs of categories no person is in at once.
	Exclusions []Exclusion
	Scalars    map[string]*Scalar
	Types      map[string]*Type
	TypeOrder  []string
	Decisions  map[string]*Decision
	Parameters []*Parameter

	paramTree  *ParamNode
	paramPaths []string
}

// Vocabulary returns a vocabulary by its type name ("category", "tier", …).
func (s *Shape) Vocabulary(name string) *Vocabulary { return s.Vocabularies[name] }

// Ancestors returns a category's parents, nearest first: a rule for a parent
// applies to its children.
func (s *Shape) Ancestors(category string) []string {
	var out []string
	cats := s.Vocabularies["category"]
	for seen := map[string]bool{}; ; {
		e, ok := cats.Get(category)
		if !ok || e.Parent == "" || seen[e.Parent] {
			return out
		}
		seen[e.Parent] = true
		out = append(out, e.Parent)
		category = e.Parent
	}
}

// Parse reads and resolves a schema. Every problem is returned, each with
// the line it is on; a schema with any problem is not returned.
func Parse(file string, data []byte) (*Shape, diag.List) {
	root, ds := yamldoc.Parse(file, data)
	if ds.HasErrors() {
		return nil, ds.WithStage(Stage)
	}
	if root.Kind != yaml.MappingNode || len(root.Content) == 0 {
		return nil, diag.List{Error(file, 1, 1, "the schema is not a YAML mapping")}
	}
	l := &loader{file: file, s: &Shape{
		File:         file,
		Vocabularies: map[string]*Vocabulary{},
		Scalars:      map[string]*Scalar{},
		Types:        map[string]*Type{},
		Decisions:    map[string]*Decision{},
	}}
	l.top(root)
	if len(l.errs) == 0 {
		l.resolve()
	}
	if len(l.errs) > 0 {
		return nil, l.errs
	}
	l.s.paramTree = l.s.buildParamTree()
	l.s.paramPaths = l.s.listParamPaths()
	return l.s, nil
}

type loader struct {
	file string
	s    *Shape
	errs diag.List
}

func (l *loader) errorf(n *yaml.Node, format string, args ...any) {
	line, col := 1, 1
	if n != nil {
		line, col = n.Line, n.Column
	}
	l.errs = append(l.errs, Error(l.file, line, col, fmt.Sprintf(format, args...)))
}

// decodeStrict decodes n into v, refusing keys v does not have.
func (l *loader) decodeStrict(n *yaml.Node, v any) bool {
	// yaml.v3 refuses unknown keys only when decoding text, so the node
	// would be written out and read back — half of reading the schema.
	// When every key is known that comes to decoding the node itself;
	// otherwise (or if that fails) the text is decoded, for its message.
	if knownKeys(n, reflect.TypeOf(v)) && n.Decode(v) == nil {
		return true
	}
	out, err := yaml.Marshal(n)
	if err == nil {
		dec := yaml.NewDecoder(bytes.NewReader(out))
		dec.KnownFields(true)
		err = dec.Decode(v)
	}
	if err != nil {
		msg := err.Error()
		var te *yaml.TypeError
		if errors.As(err, &te) && len(te.Errors) > 0 {
			msg = te.Errors[0]
			// yaml reports lines of the re-marshalled snippet; the node's own
			// line is the honest position.
			if i := strings.Index(msg, ": "); strings.HasPrefix(msg, "line ") && i > 0 {
				msg = msg[i+2:]
			}
		}
		l.errorf(n, "%s", msg)
		return false
	}
	return true
}

// knownKeys reports whether every key of every mapping in n is a field of
// the struct decoded there, as yaml.v3's KnownFields would have it: a key
// is a field's yaml name, or its name in lower case when it has none. It
// answers false whenever it is not sure (an inline field, an alias, a node
// of the wrong kind), and decodeStrict then takes the slow way.
func knownKeys(n *yaml.Node, t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.AliasNode {
		return false
	}
	switch t.Kind() {
	case reflect.Struct:
		if t == reflect.TypeOf(yaml.Node{}) {
			return true
		}
		if n.Kind != yaml.MappingNode {
			return false
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			f, ok := yamlField(t, n.Content[i])
			if !ok || !knownKeys(n.Content[i+1], f.Type) {
				return false
			}
		}
		return true
	case reflect.Slice, reflect.Array:
		if n.Kind != yaml.SequenceNode {
			return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
		}
		for _, item := range n.Content {
			if !knownKeys(item, t.Elem()) {
				return false
			}
		}
		return true
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
		}
		for i := 1; i < len(n.Content); i += 2 {
			if !knownKeys(n.Content[i], t.Elem()) {
				return false
			}
		}
		return true
	}
	return true
}

// yamlField is the field of struct type t a mapping key decodes into.
func yamlField(t reflect.Type, key *yaml.Node) (reflect.StructField, bool) {
	if key.Kind != yaml.ScalarNode {
		return reflect.StructField{}, false
	}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		if strings.Contains(opts, "inline") {
			return reflect.StructField{}, false
		}
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		if name == key.Value {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func (l *loader) top(m *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if name, ok := vocabularyKeys[k.Value]; ok {
			l.vocabulary(name, v)
			continue
		}
		switch k.Value {
		case "version":
			if v.Value != "1" {
				l.errorf(v, "schema version %s is not understood (want 1)", v.Value)
			}
		case "comparisons":
			l.decodeStrict(v, &l.s.Comparisons)
		case "exclusive_categories":
			l.exclusions(v)
		case "scalars":
			l.scalars(v)
		case "types":
			l.types(v)
		case "decisions":
			l.decisions(v)
		case "parameters":
			l.parameters(v)
		default:
			l.errorf(k, "unknown schema key %q", k.Value)
		}
	}
	for _, name := range vocabularyKeys {
		if l.s.Vocabularies[name] == nil {
			l.s.Vocabularies[name] = &Vocabulary{Name: name, byID: map[string]*Entry{}}
		}
	}
}

func (l *loader) vocabulary(name string, n *yaml.Node) {
	v := &Vocabulary{Name: name, byID: map[string]*Entry{}}
	l.s.Vocabularies[name] = v
	if n.Kind != yaml.SequenceNode {
		l.errorf(n, "%s: want a list of {id, label}", name)
		return
	}
	for _, item := range n.Content {
		var e Entry
		if !l.decodeStrict(item, &e) {
			continue
		}
		e.Line = item.Line
		if e.ID == "" {
			l.errorf(item, "%s entry without an id", name)
			continue
		}
		if _, dup := v.byID[e.ID]; dup {
			l.errorf(item, "%s %q is listed twice", name, e.ID)
			continue
		}
		v.Entries = append(v.Entries, e)
	}
	for i := range v.Entries {
		v.byID[v.Entries[i].ID] = &v.Entries[i]
	}
}

func (l *loader) rules(n *yaml.Node) []*Rule {
	if n.Kind != yaml.SequenceNode {
		l.errorf(n, "rules: want a list")
		return nil
	}
	var out []*Rule
	for _, item := range n.Content {
		r := &Rule{}
		if !l.decodeStrict(item, r) {
			continue
		}
		r.Line, r.Col = item.Line, item.Column
		if r.Rule == "" {
			l.errorf(item, "a rule without `rule`")
			continue
		}
		if r.Message == "" && r.MessageExpression == "" {
			l.errorf(item, "rule %q has neither message nor messageExpression", r.Rule)
			continue
		}
		out = append(out, r)
	}
	return out
}

func (l *loader) scalars(n *yaml.Node) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		sc := &Scalar{Name: k.Value}
		for j := 0; j+1 < len(v.Content); j += 2 {
			if v.Content[j].Value != "rules" {
				l.errorf(v.Content[j], "scalar %s: unknown key %q", k.Value, v.Content[j].Value)
				continue
			}
			sc.Rules = l.rules(v.Content[j+1])
		}
		l.s.Scalars[k.Value] = sc
	}
}

func (l *loader) types(n *yaml.Node) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		t := &Type{Name: k.Value, Line: k.Line}
		if _, dup := l.s.Types[t.Name]; dup {
			l.errorf(k, "type %s is defined twice", t.Name)
			continue
		}
		for j := 0; j+1 < len(v.Content); j += 2 {
			key, val := v.Content[j], v.Content[j+1]
			switch key.Value {
			case "fields":
				for f := 0; f+1 < len(val.Content); f += 2 {
					fk, fv := val.Content[f], val.Content[f+1]
					ref, err := ParseTypeRef(fv.Value)
					if err != nil {
						l.errorf(fv, "%s.%s: %v", t.Name, fk.Value, err)
						continue
					}
					t.Fields = append(t.Fields, FieldDef{Name: fk.Value, Type: ref, Line: fk.Line})
				}
			case "rules":
				t.Rules = l.rules(val)
			default:
				l.errorf(key, "type %s: unknown key %q (want fields or rules)", t.Name, key.Value)
			}
		}
		l.s.Types[t.Name] = t
		l.s.TypeOrder = append(l.s.TypeOrder, t.Name)
	}
}

func (l *loader) decisions(n *yaml.Node) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		d := &Decision{Name: k.Value}
		if l.decodeStrict(v, d) {
			l.s.Decisions[d.Name] = d
		}
	}
}

func (l *loader) parameters(n *yaml.Node) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		var spec struct {
			Type  string    `yaml:"type"`
			Label string    `yaml:"label"`
			Rules yaml.Node `yaml:"rules"`
		}
		if !l.decodeStrict(v, &spec) {
			continue
		}
		ref, err := ParseTypeRef(spec.Type)
		if err != nil {
			l.errorf(v, "parameter %s: %v", k.Value, err)
			continue
		}
		p := &Parameter{Pattern: strings.Split(k.Value, "."), Type: ref, Label: spec.Label, Line: k.Line}
		for j := 0; j+1 < len(v.Content); j += 2 {
			if v.Content[j].Value == "rules" {
				p.Rules = l.rules(v.Content[j+1])
			}
		}
		l.s.Parameters = append(l.s.Parameters, p)
	}
}

func (l *loader) exclusions(n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		l.errorf(n, "exclusive_categories: want a list of {categories: [a, b], reason}")
		return
	}
	for _, item := range n.Content {
		var e Exclusion
		if !l.decodeStrict(item, &e) {
			continue
		}
		e.Line = item.Line
		if len(e.Categories) != 2 || e.Reason == "" {
			l.errorf(item, "exclusive_categories: each entry names two categories (the second may be \"*\") and a reason")
			continue
		}
		l.s.Exclusions = append(l.s.Exclusions, e)
	}
}

// resolve checks that every name a type, decision or parameter uses is
// defined, and that category parents exist.
func (l *loader) resolve() {
	for _, e := range l.s.Exclusions {
		for i, c := range e.Categories {
			if !l.s.Vocabularies["category"].Has(c) && !(i == 1 && c == "*") {
				l.errs = append(l.errs, Error(l.file, e.Line, 1, fmt.Sprintf("exclusive_categories: %q is not a category", c)))
			}
		}
	}
	for _, e := range l.s.Vocabularies["category"].Entries {
		if e.Parent != "" && !l.s.Vocabularies["category"].Has(e.Parent) {
			l.errs = append(l.errs, Error(l.file, e.Line, 1, fmt.Sprintf("category %s: parent %q is not a category", e.ID, e.Parent)))
		}
	}
	for _, e := range l.s.Vocabularies["tier"].Entries {
		for _, f := range e.Required {
			if _, ok := l.s.Types["Term"].Field(f); !ok {
				l.errs = append(l.errs, Error(l.file, e.Line, 1, fmt.Sprintf("tier %s requires %q, which is not a field of Term", e.ID, f)))
			}
		}
	}
	for _, name := range l.s.TypeOrder {
		t := l.s.Types[name]
		for _, f := range t.Fields {
			if !l.s.known(f.Type.Name) {
				l.errs = append(l.errs, Error(l.file, f.Line, 1, fmt.Sprintf("%s.%s: unknown type %q", name, f.Name, f.Type.Name)))
			}
		}
	}
	for _, d := range l.s.Decisions {
		if _, ok := l.s.Types[d.Type]; !ok {
			l.errs = append(l.errs, Error(l.file, 1, 1, fmt.Sprintf("decision %s: unknown type %q", d.Name, d.Type)))
		}
	}
	for _, p := range l.s.Parameters {
		if !l.s.known(p.Type.Name) {
			l.errs = append(l.errs, Error(l.file, p.Line, 1, fmt.Sprintf("parameter %s: unknown type %q", p.Path(), p.Type.Name)))
		}
		for _, seg := range p.Pattern {
			if v, ok := placeholder(seg); ok && l.s.Vocabularies[v] == nil {
				l.errs = append(l.errs, Error(l.file, p.Line, 1, fmt.Sprintf("parameter %s: <%s> is not a vocabulary", p.Path(), v)))
			}
		}
	}
	if _, ok := l.s.Types["Input"]; !ok {
		l.errs = append(l.errs, Error(l.file, 1, 1, "the schema defines no Input type"))
	}
	l.errs.Sort()
}

func (s *Shape) known(name string) bool {
	if _, ok := primitives[name]; ok {
		return true
	}
	if _, ok := s.Scalars[name]; ok {
		return true
	}
	if _, ok := s.Types[name]; ok {
		return true
	}
	_, ok := s.Vocabularies[name]
	return ok || name == "Params"
}

// placeholder reports whether a parameter segment is <vocab>.
func placeholder(seg string) (string, bool) {
	if strings.HasPrefix(seg, "<") && strings.HasSuffix(seg, ">") {
		return seg[1 : len(seg)-1], true
	}
	return "", false
}

// Stage is the name schema problems are reported under.
const Stage = "schema"

// Error is a problem of the schema file at a position.
func Error(file string, line, col int, msg string) diag.Diagnostic {
	return diag.Diagnostic{Pos: diag.Position{File: file, Line: line, Col: col}, Severity: diag.SeverityError, Message: msg, Stage: Stage}
}

// TypeRef is a type as a field names it: money, list<Band>, category?.
type TypeRef struct {
	Name     string
	List     bool
	Optional bool
}

func (t TypeRef) String() string {
	s := t.Name
	if t.List {
		s = "list<" + s + ">"
	}
	if t.Optional {
		s += "?"
	}
	return s
}

var primitives = map[string]bool{"int": true, "string": true, "bool": true}

// ParseTypeRef reads a type as the schema writes it.
func ParseTypeRef(s string) (TypeRef, error) {
	var t TypeRef
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, "?") {
		t.Optional = true
		s = strings.TrimSuffix(s, "?")
	}
	if strings.HasPrefix(s, "list<") && strings.HasSuffix(s, ">") {
		t.List = true
		s = s[len("list<") : len(s)-1]
	}
	if s == "" || strings.ContainsAny(s, "<>? ") {
		return TypeRef{}, fmt.Errorf("malformed type %q", s)
	}
	t.Name = s
	return t, nil
}
