package bundle

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"

	"github.com/polc-dev/polc/policy"
)

// The module a bundle carries for a region is the author's, rewritten at
// two kinds of place, in its text so that comments and annotations stay
// where the author put them:
//
//   - the object each decision rule yields gains "clause": "<its clause>",
//     the clause of the rule's METADATA annotation as the compiler read it
//     (DecisionRule.Clause). polc attaches it at compile time; stock OPA
//     has no such stage, so the bundle carries it written out. A literal,
//     not rego.metadata.rule(): it costs nothing to evaluate, reads the
//     same in `opa eval --explain`, and the builtin is outside the
//     sandbox's allow-list, so the author's modules could not use it.
//   - each decision gets a document-scope annotation with entrypoint:
//     true (or `entrypoint: true` added to the one it has), so that
//     `opa build`, `opa inspect` and the OPA ecosystem see the decisions a
//     client queries.
//
// The result is formatted with OPA's format package and checked: parsed
// again, every decision rule must yield its clause, equal to polc's, and
// every decision must be an entrypoint.

// edit inserts text at a byte offset of the source.
type edit struct {
	at   int
	text string
}

// rewriteModule returns the bundle's text of a region's module.
func rewriteModule(r *policy.Region, decisions []string) ([]byte, error) {
	src := r.Source()
	m, err := parse(r.File, src)
	if err != nil {
		return nil, err
	}
	want := clausesByIndex(r, m)
	if len(want) != len(r.Rules) {
		return nil, fmt.Errorf("%s: found %d of its %d decision rules in its text", r.File, len(want), len(r.Rules))
	}
	lines := lineStarts(src)
	var edits []edit
	for i, clause := range want {
		key := m.Rules[i].Head.Key
		obj, ok := key.Value.(ast.Object)
		if !ok || key.Location == nil || key.Location.Offset >= len(src) || src[key.Location.Offset] != '{' {
			return nil, fmt.Errorf("%s:%d: a decision rule that does not yield an object literal", r.File, m.Rules[i].Location.Row)
		}
		text := `"clause": ` + strconv.Quote(clause)
		if obj.Len() > 0 {
			text += ", "
		}
		edits = append(edits, edit{key.Location.Offset + 1, text})
	}
	as, errs := ast.BuildAnnotationSet([]*ast.Module{m})
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s: %v", r.File, errs)
	}
	for _, name := range decisions {
		first := firstRule(m, name)
		if first == nil {
			continue
		}
		doc := as.GetDocumentScope(first.Ref().GroundPrefix())
		switch {
		case doc != nil && doc.Entrypoint:
		case doc != nil:
			// The line after its "# METADATA".
			edits = append(edits, edit{lines[doc.Location.Row], "# entrypoint: true\n"})
		default:
			// Above the rule's own annotation blocks, as a block of its own.
			row := first.Location.Row
			for _, a := range as.GetRuleScope(first) {
				row = min(row, a.Location.Row)
			}
			edits = append(edits, edit{lines[row-1], fmt.Sprintf("# METADATA\n# scope: document\n# title: %s\n# entrypoint: true\n\n", name)})
		}
	}
	// From the end, so that each offset still points where it did.
	slices.SortStableFunc(edits, func(a, b edit) int { return b.at - a.at })
	out := slices.Clone(src)
	for _, e := range edits {
		out = slices.Insert(out, e.at, []byte(e.text)...)
	}
	formatted, err := format.SourceWithOpts(r.File, out, format.Opts{RegoVersion: ast.RegoV1, ParserOptions: &ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1}})
	if err != nil {
		return nil, fmt.Errorf("%s: formatting the rewritten module: %v", r.File, err)
	}
	if err := verify(r, m, formatted, want, decisions); err != nil {
		return nil, err
	}
	return formatted, nil
}

func parse(file string, src []byte) (*ast.Module, error) {
	return ast.ParseModuleWithOpts(file, string(src), ast.ParserOptions{RegoVersion: ast.RegoV1, ProcessAnnotation: true})
}

// clausesByIndex maps the index of each decision rule in m (a fresh parse
// of the region's source) to the clause the compiler gave it, matched by
// position: the compiler's rule keys are positions in the same text.
func clausesByIndex(r *policy.Region, m *ast.Module) map[int]string {
	type at struct{ row, col int }
	byPos := map[at]string{}
	for _, dr := range r.Rules {
		byPos[at{dr.Rule.Location.Row, dr.Rule.Location.Col}] = dr.Clause
	}
	out := map[int]string{}
	for i, rule := range m.Rules {
		if clause, ok := byPos[at{rule.Location.Row, rule.Location.Col}]; ok {
			out[i] = clause
		}
	}
	return out
}

// lineStarts gives the byte offset at which each line starts, indexed by
// row - 1; one past the last line is the length of src.
func lineStarts(src []byte) []int {
	out := []int{0}
	for i, b := range src {
		if b == '\n' {
			out = append(out, i+1)
		}
	}
	if out[len(out)-1] != len(src) {
		out = append(out, len(src))
	}
	return out
}

func firstRule(m *ast.Module, name string) *ast.Rule {
	for _, rule := range m.Rules {
		if ref := rule.Head.Ref(); len(ref) > 0 && ref[0].Value.Compare(ast.Var(name)) == 0 {
			return rule
		}
	}
	return nil
}

// verify parses the rewritten module and holds it to what the rewrite
// promised: the same rules in the same order, each decision rule yielding
// polc's clause, each decision an entrypoint.
func verify(r *policy.Region, orig *ast.Module, text []byte, want map[int]string, decisions []string) error {
	m, err := parse(r.File, text)
	if err != nil {
		return fmt.Errorf("%s: the rewritten module does not parse: %v", r.File, err)
	}
	if len(m.Rules) != len(orig.Rules) {
		return fmt.Errorf("%s: the rewritten module has %d rules, the author's %d", r.File, len(m.Rules), len(orig.Rules))
	}
	for i, clause := range want {
		obj, _ := m.Rules[i].Head.Key.Value.(ast.Object)
		var got ast.Value
		if obj != nil {
			if t := obj.Get(ast.StringTerm("clause")); t != nil {
				got = t.Value
			}
		}
		if got == nil || got.Compare(ast.String(clause)) != 0 {
			return fmt.Errorf("%s:%d: the rewritten rule yields clause %v, polc's is %q", r.File, orig.Rules[i].Location.Row, got, clause)
		}
	}
	as, errs := ast.BuildAnnotationSet([]*ast.Module{m})
	if len(errs) > 0 {
		return fmt.Errorf("%s: the rewritten module's annotations: %v", r.File, errs)
	}
	for _, name := range decisions {
		first := firstRule(m, name)
		if first == nil {
			continue
		}
		if doc := as.GetDocumentScope(first.Ref().GroundPrefix()); doc == nil || !doc.Entrypoint {
			return fmt.Errorf("%s: %s is not an entrypoint in the rewritten module", r.File, name)
		}
	}
	return nil
}
