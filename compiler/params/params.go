// Package params loads a region's params file (policies/params/<region>.yaml):
// the numbers a document leaves to others — contribution standards, income
// statistics, a city's critical-illness bands — each dated and sourced, and
// numbers derived from them by CEL with the clause that says how. It resolves
// them for one benefit year, applies a case's overrides, and enforces the
// bounds a document sets (floors, ceilings, fixed numbers).
package params

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler/celenv"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/literal"
	"github.com/polc-dev/polc/compiler/schema"
	"github.com/polc-dev/polc/compiler/yamldoc"
)

// Stage is the name params problems are reported under.
const Stage = "params"

// Dated is one value with the day it applies from.
type Dated struct {
	From  string // YYYY-MM-DD
	Value any    // JSON-like, numbers as json.Number
	Pos   diag.Position
}

// Entry is one parameter of a params file.
type Entry struct {
	Path         string
	Values       []Dated // ascending by From
	CEL          string  // derived: an expression over other parameters
	Clause       string  // the document clause a derivation implements
	Source       string  // where the values were published
	SetBy        string  // who the document leaves the number to
	Illustrative bool    // values are examples, not a published figure; a derivation, a default
	// Open says the document needs the number and leaves it to another
	// (SetBy) and no value is given here: a case must give it, and a
	// settlement that needs it without one is an error naming it.
	Open bool
	Note string
	Pos  diag.Position

	param   *schema.Parameter
	program *celenv.Program
}

// File is a loaded params file.
type File struct {
	Name     string
	Region   string
	Document string
	Entries  []*Entry
	byPath   map[string]*Entry
	schema   *schema.Schema

	// fallbacks pairs each per-category parameter with the region-wide one
	// it falls back to; worked out once.
	fallbacksOnce sync.Once
	fallbacks     [][2]string
}

// Known reports whether a path is a parameter of the schema (an unknown
// one is reported as such by Resolve).
func (f *File) Known(path string) bool {
	n, ok := f.schema.LookupParam(strings.Split(path, "."))
	return ok && n.Leaf != nil
}

// Entry returns the entry for a path.
func (f *File) Entry(path string) (*Entry, bool) { e, ok := f.byPath[path]; return e, ok }

func (f *File) flag(e *Entry, key, val *yaml.Node, ds *diag.List, bad *bool) bool {
	// True and TRUE are YAML booleans too: refused, never read as false.
	if val.Kind != yaml.ScalarNode || val.Tag != "!!bool" || (val.Value != "true" && val.Value != "false") {
		ds.Errorf(Stage, yamldoc.Pos(f.Name, val), "parameter %s: %s is true or false, not %s", e.Path, key.Value, diag.Quote(val.Value))
		*bad = true
		return false
	}
	return val.Value == "true"
}

// Load reads a params file and checks every entry against the schema.
func Load(name string, data []byte, s *schema.Schema) (*File, diag.List) {
	var ds diag.List
	root, pds := yamldoc.Parse(name, data)
	if pds.HasErrors() {
		return nil, pds.WithStage(Stage)
	}
	f := &File{Name: name, byPath: map[string]*Entry{}, schema: s}
	if root.Kind != yaml.MappingNode {
		ds.Errorf(Stage, yamldoc.Pos(name, root), "a params file is a mapping with region, document and parameters")
		return nil, ds
	}
	env := s.ParamEnv()
	for _, kv := range yamldoc.Pairs(root) {
		k, v := kv[0], kv[1]
		switch k.Value {
		case "region":
			f.Region = v.Value
		case "document":
			f.Document = v.Value
		case "parameters":
			for _, p := range yamldoc.Pairs(v) {
				if e := f.entry(p[0], p[1], env, &ds); e != nil {
					f.Entries = append(f.Entries, e)
					f.byPath[e.Path] = e
				}
			}
		default:
			ds.Errorf(Stage, yamldoc.Pos(name, k), "unknown key %q (want region, document or parameters)", k.Value)
		}
	}
	if f.Region == "" {
		ds.Errorf(Stage, yamldoc.Pos(name, root), "the params file names no region")
	}
	return f, ds
}

func (f *File) entry(k, v *yaml.Node, env *celenv.Env, ds *diag.List) *Entry {
	pos := yamldoc.Pos(f.Name, k)
	e := &Entry{Path: k.Value, Pos: pos}
	if _, dup := f.byPath[e.Path]; dup {
		ds.Errorf(Stage, pos, "parameter %s is given twice", e.Path)
		return nil
	}
	node, ok := f.schema.LookupParam(strings.Split(e.Path, "."))
	if !ok || node.Leaf == nil {
		ds.Errorf(Stage, pos, "%s is not a parameter of the schema%s", e.Path, f.schema.SuggestParam(e.Path))
		return nil
	}
	e.param = node.Leaf
	if v.Kind != yaml.MappingNode {
		ds.Errorf(Stage, yamldoc.Pos(f.Name, v), "parameter %s: want a mapping with values (or cel), source and the rest", e.Path)
		return nil
	}
	bad := false
	for _, kv := range yamldoc.Pairs(v) {
		key, val := kv[0], kv[1]
		switch key.Value {
		case "values":
			e.Values = f.values(e, val, ds)
		case "cel":
			e.CEL = val.Value
		case "clause":
			e.Clause = val.Value
		case "source":
			e.Source = val.Value
		case "set_by":
			e.SetBy = val.Value
		case "note":
			e.Note = val.Value
		case "illustrative":
			e.Illustrative = f.flag(e, key, val, ds, &bad)
		case "open":
			e.Open = f.flag(e, key, val, ds, &bad)
		default:
			ds.Errorf(Stage, yamldoc.Pos(f.Name, key), "parameter %s: unknown key %s (want values, cel, open, clause, source, set_by, illustrative or note)", e.Path, diag.Quote(key.Value))
			bad = true
		}
	}
	given := 0
	for _, b := range []bool{e.CEL != "", e.Values != nil, e.Open} {
		if b {
			given++
		}
	}
	switch {
	case given > 1:
		ds.Errorf(Stage, pos, "parameter %s has more than one of values, cel and open: a number is given, derived or left open, one of them", e.Path)
		bad = true
	case given == 0:
		ds.Errorf(Stage, pos, "parameter %s has neither values nor cel (nor open: true, with set_by, for a number left to someone else)", e.Path)
		bad = true
	case e.Open && e.SetBy == "":
		ds.Errorf(Stage, pos, "open parameter %s names no set_by: say who the document leaves the number to", e.Path)
		bad = true
	case e.Open:
	case e.CEL != "":
		if e.Clause == "" {
			ds.Errorf(Stage, pos, "derived parameter %s names no clause: say which sentence of the document the formula implements", e.Path)
			bad = true
		}
		prg, err := env.Compile(e.CEL, celenv.DecimalType)
		if err != nil {
			ds.Errorf(Stage, pos, "derived parameter %s: %v", e.Path, err)
			bad = true
		}
		e.program = prg
	case e.Source == "" && !e.Illustrative:
		ds.Errorf(Stage, pos, "parameter %s has values but no source: cite where they were published, or mark them illustrative: true", e.Path)
		bad = true
	}
	if bad {
		return nil
	}
	return e
}

func (f *File) values(e *Entry, n *yaml.Node, ds *diag.List) []Dated {
	if n.Kind != yaml.MappingNode {
		ds.Errorf(Stage, yamldoc.Pos(f.Name, n), "parameter %s: values is a mapping from a date (YYYY-MM-DD) to a value", e.Path)
		return nil
	}
	out := []Dated{}
	for _, kv := range yamldoc.Pairs(n) {
		k, v := kv[0], kv[1]
		pos := yamldoc.Pos(f.Name, v)
		if !yamldoc.IsDate(k.Value) {
			ds.Errorf(Stage, yamldoc.Pos(f.Name, k), "parameter %s: %s is not a date of the calendar (YYYY-MM-DD)", e.Path, diag.Quote(k.Value))
			continue
		}
		val, err := yamldoc.Value(v)
		if err != nil {
			ds.Errorf(Stage, pos, "parameter %s: %v", e.Path, err)
			continue
		}
		if _, vs := f.schema.ValidateParam(e.param, val); len(vs) > 0 {
			for _, viol := range vs {
				ds.Errorf(Stage, pos, "parameter %s from %s: %s", e.Path, k.Value, viol)
			}
			continue
		}
		out = append(out, Dated{From: k.Value, Value: val, Pos: pos})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].From < out[j].From })
	for i := 1; i < len(out); i++ {
		if out[i].From == out[i-1].From {
			ds.Errorf(Stage, out[i].Pos, "parameter %s has two values from %s", e.Path, out[i].From)
		}
	}
	return out
}

// At returns the value in force on a day, if any.
func (e *Entry) At(day string) (Dated, bool) {
	var got Dated
	found := false
	for _, d := range e.Values {
		if d.From <= day {
			got, found = d, true
		}
	}
	return got, found
}

// Bound is a limit a document puts on a parameter: a floor (不低于) that a
// local value may raise, a ceiling it may lower, or a fixed number.
type Bound struct {
	Path   string
	Kind   string // floor | ceiling | fixed
	Value  decimal.Decimal
	Clause string
	Pos    diag.Position
}

// Override is a value a case gives for one parameter.
type Override = cases.Override

// Leaf is a resolved parameter value and where it came from.
type Leaf struct {
	Path   string
	Value  any // JSON-like; money and ratios as json.Number
	Origin string
	Pos    diag.Position
	// Given says who gave the value: the document (a floor or fixed number
	// that stands as the default), the params file, the case, a derivation
	// over other parameters, or the region-wide value a per-category one
	// falls back to.
	Given GivenBy
	// Illustrative marks an example value, not a published figure: given
	// so in the params file, or derived from one.
	Illustrative bool
	// Source is where the params file says the value was published, else
	// who the document leaves it to; Clause the clause of a document's
	// bound or a derivation.
	Source, Clause string
	// Wide is the region-wide parameter a per-category one fell back to.
	Wide string
}

// GivenBy names who gave a parameter's value.
type GivenBy string

const (
	ByDocument GivenBy = "document"
	ByParams   GivenBy = "params"
	ByCase     GivenBy = "case"
	ByFormula  GivenBy = "derived"
	ByFallback GivenBy = "fallback"
)

// Resolved is the parameters for one year, as Rego and CEL see them.
type Resolved struct {
	Year   int
	Leaves map[string]Leaf
}

// Tree nests the leaves into the object Rego reads as input.params.
func (r *Resolved) Tree() map[string]any {
	tree := map[string]any{}
	paths := make([]string, 0, len(r.Leaves))
	for p := range r.Leaves {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		segs := strings.Split(p, ".")
		n := tree
		for _, s := range segs[:len(segs)-1] {
			child, ok := n[s].(map[string]any)
			if !ok {
				child = map[string]any{}
				n[s] = child
			}
			n = child
		}
		n[segs[len(segs)-1]] = r.Leaves[p].Value
	}
	return tree
}

// Resolve gives the parameters in force on 1 January of year: the document's
// bounds as defaults, the params file's dated values, the case's overrides,
// then the derived values. Every value that breaks a bound, or contradicts
// its derivation, is reported with both numbers.
func (f *File) Resolve(year int, bounds []Bound, overrides []Override) (*Resolved, diag.List) {
	var ds diag.List
	day := fmt.Sprintf("%04d-01-01", year)
	r := &Resolved{Year: year, Leaves: map[string]Leaf{}}
	boundOf := map[string]Bound{}
	for _, b := range bounds {
		boundOf[b.Path] = b
		r.Leaves[b.Path] = Leaf{Path: b.Path, Value: json.Number(b.Value.String()), Origin: "document " + b.Clause, Pos: b.Pos,
			Given: ByDocument, Clause: b.Clause}
	}
	for _, e := range f.Entries {
		if e.CEL != "" {
			continue
		}
		d, ok := e.At(day)
		if !ok {
			continue
		}
		f.set(r, boundOf, Leaf{Path: e.Path, Value: d.Value, Origin: e.origin(), Pos: d.Pos,
			Given: ByParams, Illustrative: e.Illustrative, Source: e.source()}, &ds)
	}
	given := map[string]Override{}
	replaced := map[string]bool{}
	for _, o := range overrides {
		node, ok := f.schema.LookupParam(strings.Split(o.Path, "."))
		if !ok || node.Leaf == nil {
			ds.Errorf(Stage, o.Pos, "%s is not a parameter of the schema%s", o.Path, f.schema.SuggestParam(o.Path))
			continue
		}
		if _, vs := f.schema.ValidateParam(node.Leaf, o.Value); len(vs) > 0 {
			for _, v := range vs {
				ds.Errorf(Stage, o.Pos, "params %s: %s", o.Path, v)
			}
			continue
		}
		if e, ok := f.byPath[o.Path]; ok && e.CEL != "" {
			if !e.Illustrative {
				given[o.Path] = o // checked against its derivation below
				continue
			}
			// Only a derivation the document states is enforced; an
			// illustrative one is a default the given value replaces.
			replaced[o.Path] = true
		}
		f.set(r, boundOf, Leaf{Path: o.Path, Value: o.Value, Origin: "case", Pos: o.Pos, Given: ByCase}, &ds)
	}
	var vars map[string]any
	var derivedSince []string
	for _, e := range f.Entries {
		if e.CEL == "" || replaced[e.Path] {
			continue
		}
		// The activation is built once, and again only for a formula that
		// names a value derived since.
		if vars == nil || slices.ContainsFunc(derivedSince, e.Names) {
			var vs []schema.Violation
			vars, vs = f.schema.ParamActivation(r.Tree())
			for _, v := range vs {
				ds.Errorf(Stage, e.Pos, "deriving %s: %s", e.Path, v)
			}
			derivedSince = derivedSince[:0]
		}
		derivedSince = append(derivedSince, e.Path)
		out, err := e.program.Eval(vars)
		if err != nil {
			// A derivation over a parameter with no value this year is not
			// an error here: a rule that needs the derived value reports it
			// missing, by name. A value given for it stands.
			if o, ok := given[e.Path]; ok {
				f.set(r, boundOf, Leaf{Path: o.Path, Value: o.Value, Origin: "case", Pos: o.Pos, Given: ByCase}, &ds)
			}
			continue
		}
		val := out.(celenv.Decimal).Round(2)
		if o, ok := given[e.Path]; ok {
			gv, _ := literal.Number(o.Value)
			if !gv.Equal(val) {
				ds.Errorf(Stage, o.Pos, "params %s is %s, but %s derives %s from the other parameters (%s, clause %s)", e.Path, diag.Cut(gv.StringFixed(2)), f.Name, diag.Cut(val.StringFixed(2)), e.CEL, e.Clause)
			}
		}
		derived := json.Number(val.StringFixed(2))
		// A formula over given numbers can still yield what its parameter
		// may not hold (a negative amount, a ratio above 1, a number past
		// the largest settled): checked like any value, at the formula.
		if _, vs := f.schema.ValidateParam(e.param, derived); len(vs) > 0 {
			for _, v := range vs {
				ds.Errorf(Stage, e.Pos, "derived parameter %s (%s): %s", e.Path, e.CEL, v)
			}
			continue
		}
		if o, ok := given[e.Path]; ok {
			// Equal to its derivation (checked above): the case gave it.
			f.set(r, boundOf, Leaf{Path: o.Path, Value: derived, Origin: "case", Pos: o.Pos, Given: ByCase}, &ds)
			continue
		}
		f.set(r, boundOf, Leaf{Path: e.Path, Value: derived, Origin: "derived " + e.Clause, Pos: e.Pos,
			Given: ByFormula, Clause: e.Clause, Source: e.CEL, Illustrative: e.Illustrative || f.namesIllustrative(e, r)}, &ds)
	}
	f.fallBack(r)
	return r, ds
}

// namesIllustrative reports whether a formula names a parameter whose
// value is illustrative: what it derives is then an example too.
func (f *File) namesIllustrative(e *Entry, r *Resolved) bool {
	for p, l := range r.Leaves {
		if l.Illustrative && e.Names(p) {
			return true
		}
	}
	return false
}

// source is where a value was published, else who sets it.
func (e *Entry) source() string {
	if e.Source != "" {
		return e.Source
	}
	return e.SetBy
}

func (e *Entry) origin() string {
	if e.Illustrative {
		return "illustrative"
	}
	return e.Source
}

// set records a leaf after checking it against the document's bound.
func (f *File) set(r *Resolved, bounds map[string]Bound, l Leaf, ds *diag.List) {
	if b, ok := bounds[l.Path]; ok {
		v, err := literal.Number(l.Value)
		if err == nil {
			switch {
			case b.Kind == "fixed" && !v.Equal(b.Value):
				ds.Errorf(Stage, l.Pos, "%s = %s overrides a number the document fixes: %s (clause %s, %s)", l.Path, diag.Cut(v.String()), b.Value, b.Clause, b.Pos)
				return
			case b.Kind == "floor" && v.LessThan(b.Value):
				ds.Errorf(Stage, l.Pos, "%s = %s is below the document's floor of %s (不低于, clause %s, %s)", l.Path, diag.Cut(v.String()), b.Value, b.Clause, b.Pos)
				return
			case b.Kind == "ceiling" && v.GreaterThan(b.Value):
				ds.Errorf(Stage, l.Pos, "%s = %s is above the document's ceiling of %s (clause %s, %s)", l.Path, diag.Cut(v.String()), b.Value, b.Clause, b.Pos)
				return
			}
		}
	}
	r.Leaves[l.Path] = l
}

// WithStandIns is the resolved parameters with a stand-in value for each
// open parameter that has none — a plain value of the parameter's type
// (where the document sets a floor or a fixed number, Resolve has already
// given it). The compiler checks rules with these, so that a rule needing
// an open number is checked like any other; settlement never sees them.
func (f *File) WithStandIns(r *Resolved) *Resolved {
	out := &Resolved{Year: r.Year, Leaves: maps.Clone(r.Leaves)}
	for _, e := range f.Entries {
		if !e.Open {
			continue
		}
		if _, ok := out.Leaves[e.Path]; ok {
			continue
		}
		out.Leaves[e.Path] = Leaf{Path: e.Path, Value: standIn(e.param.Type), Origin: "stand-in for an open parameter", Pos: e.Pos}
	}
	return out
}

func standIn(t schema.TypeRef) any {
	switch {
	case t.List && t.Name == "Band":
		return []any{map[string]any{"upto": nil, "ratio": json.Number("0.5")}}
	case t.Name == "ratio":
		return json.Number("0.5")
	case t.Name == "money":
		return json.Number("1000")
	}
	return json.Number("1")
}

// FallbackOf is the region-wide parameter a per-category one falls back
// to when the category has none (DESIGN, Case files):
// assistance.by_category.dibao.annual_cap falls back to
// assistance.annual_cap.
func (f *File) FallbackOf(path string) (string, bool) {
	segs := strings.Split(path, ".")
	for i := 0; i+2 < len(segs); i++ {
		if segs[i] != "by_category" {
			continue
		}
		wide := strings.Join(append(append([]string{}, segs[:i]...), segs[i+2:]...), ".")
		if f.Known(wide) {
			return wide, true
		}
	}
	return "", false
}

// fallBack fills each per-category parameter that has no value from the
// region-wide one, where that has a value.
func (f *File) fallBack(r *Resolved) {
	f.fallbacksOnce.Do(func() {
		for _, path := range f.schema.ParamPaths() {
			if wide, ok := f.FallbackOf(path); ok {
				f.fallbacks = append(f.fallbacks, [2]string{path, wide})
			}
		}
	})
	for _, fb := range f.fallbacks {
		path, wide := fb[0], fb[1]
		if _, ok := r.Leaves[path]; ok {
			continue
		}
		if l, ok := r.Leaves[wide]; ok {
			fb := l
			fb.Path, fb.Origin = path, "the region-wide "+wide+" ("+l.Origin+")"
			fb.Given, fb.Wide = ByFallback, wide
			r.Leaves[path] = fb
		}
	}
}

// Names reports whether the entry's formula names a parameter path, as a
// whole path (income.per_capita names neither income.per_capita_x nor
// x.income.per_capita).
func (e *Entry) Names(path string) bool {
	expr := e.CEL
	for i := strings.Index(expr, path); i >= 0; {
		end := i + len(path)
		before := i == 0 || !isPathByte(expr[i-1])
		after := end == len(expr) || !isPathByte(expr[end])
		if before && after {
			return true
		}
		next := strings.Index(expr[i+1:], path)
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

func isPathByte(b byte) bool {
	return b == '.' || b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}
