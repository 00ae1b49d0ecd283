package settle

import (
	"encoding/json"
	"testing"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler/diag"
)

// Two cases share resolved params only if their overrides are the same:
// the same paths at the same places with the same values, of the same
// type (the number 1 is not the string "1"); the order of a map's keys
// does not matter.
func TestCaseParamsKey(t *testing.T) {
	at := diag.Position{File: "<request>", Line: 5, Col: 3}
	key := func(vs ...any) caseParamsKey {
		c := &cases.Case{File: "<request>", Region: "tongnan", Year: 2023}
		for _, v := range vs {
			c.Overrides = append(c.Overrides, cases.Override{Path: "tilted.threshold", Value: v, Pos: at})
		}
		return keyOfCaseParams(c)
	}
	distinct := []caseParamsKey{
		key(json.Number("1")), key("1"), key(true), key("true"), key(nil), key("null"),
		key([]any{json.Number("1"), json.Number("2")}), key([]any{json.Number("12")}),
		key(map[string]any{"a": json.Number("1")}), key(map[string]any{"a": "1"}),
		key(json.Number("1"), json.Number("1")), key(),
	}
	for i := range distinct {
		for j := range i {
			if distinct[i] == distinct[j] {
				t.Errorf("overrides %d and %d share the key %q", j, i, distinct[i].overrides)
			}
		}
	}
	m1 := map[string]any{"a": json.Number("1"), "b": []any{"x"}, "c": nil}
	m2 := map[string]any{"c": nil, "b": []any{"x"}, "a": json.Number("1")}
	if key(m1) != key(m2) {
		t.Errorf("the same map gives two keys")
	}
	moved := key(json.Number("1"))
	c := &cases.Case{File: "<request>", Region: "tongnan", Year: 2023, Overrides: []cases.Override{{Path: "tilted.threshold", Value: json.Number("1"), Pos: diag.Position{File: "<request>", Line: 6, Col: 3}}}}
	if keyOfCaseParams(c) == moved {
		t.Errorf("an override at another place shares the key")
	}
}
