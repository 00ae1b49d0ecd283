// Package harness runs golden cases: it settles each case file, renders the
// result as JSON and as Markdown for reviewers, checks the case's `expect:`
// assertions, and compares both renderings with the reviewed goldens,
// showing a unified diff for every difference. With update it writes the
// goldens instead. Like OPA's tester, it is a library; cmd/polc only wires
// flags to it.
package harness

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/polc-dev/polc/compiler/schema"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle"
)

// JSON renders results in the result contract: one object, or an array for
// several; two-space indent, keys in contract order, a final newline.
func JSON(results ...*settle.Result) ([]byte, error) {
	return AppendJSON(nil, results...), nil
}

// IndentedJSON is how polc writes JSON (the result, a comparison, what polc
// serve answers): two-space indent, no HTML escaping (a formula's < and an
// & stay as they are), a final newline.
func IndentedJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// documentName is a document's title with its 文号, or the title alone
// where the document has none (the module then repeats the title).
func documentName(d policy.Document) string {
	if d.Number == "" || strings.Contains(d.Title, d.Number) {
		return d.Title
	}
	return d.Title + "（" + d.Number + "）"
}

func label(s *schema.Schema, vocab, id string) string {
	if v := s.Vocabulary(vocab); v != nil {
		if e, ok := v.Get(id); ok && e.Label != "" {
			return e.Label
		}
	}
	return id
}

// labelled is the label with the id, for ids a reviewer may search for.
func labelled(s *schema.Schema, vocab, id string) string {
	l := label(s, vocab, id)
	if l == id {
		return id
	}
	return l + " `" + id + "`"
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func clauseText(st settle.Step) string {
	if len(st.Clauses) > 0 {
		return strings.Join(st.Clauses, "、")
	}
	return dash(st.Clause)
}
