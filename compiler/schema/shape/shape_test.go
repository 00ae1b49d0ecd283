package shape

import (
	"os"
	"testing"
)

func TestShippedShape(t *testing.T) {
	data, err := os.ReadFile("../../../policies/schema.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, ds := Parse("policies/schema.yaml", data)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if why := s.Exclusive("dibao_edge", "dibao"); why == "" {
		t.Error("dibao_edge and dibao are not exclusive")
	}
	if why := s.Exclusive("extreme_poverty", "dibao"); why != "" {
		t.Errorf("extreme_poverty and dibao exclusive: %s", why)
	}
	if n, ok := s.LookupParam([]string{"assistance", "by_category", "dibao", "ratio"}); !ok || n.Leaf == nil {
		t.Error("assistance.by_category.dibao.ratio is not a parameter")
	}
	if len(s.ParamPaths()) == 0 || s.ParamTree() == nil {
		t.Error("no parameter tree")
	}
}

// The shape reads rules as text: a rule that would not compile is package
// schema's to refuse, so a case can be read against a schema whatever its CEL.
func TestRulesAreText(t *testing.T) {
	src := []byte(`version: "1"
categories: [{id: dibao, label: 低保}]
scalars:
  money:
    rules:
      - rule: "self >="
        message: broken on purpose
types:
  Input:
    fields: {category: category}
`)
	s, ds := Parse("s.yaml", src)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if r := s.Scalars["money"].Rules; len(r) != 1 || r[0].Line != 6 {
		t.Fatalf("rules = %+v", r)
	}
}

// Strict decoding refuses a key a part of the schema does not have, at the
// node that holds it, and takes what it has: the quick way (decoding the
// node when every key is known) and the slow one (its text, for the
// message) agree.
func TestStrictKeys(t *testing.T) {
	src := []byte(`version: "1"
categories:
  - {id: dibao, label: 低保}
  - {id: tekun, label: 特困, colour: red}
scalars:
  money:
    rules:
      - {rule: "self >= dec(\"0\")", message: not negative, hint: none}
types:
  Input:
    fields: {category: category}
`)
	_, ds := Parse("s.yaml", src)
	want := []string{
		"s.yaml:4:5: error: field colour not found in type shape.Entry [schema]",
		"s.yaml:8:9: error: field hint not found in type shape.Rule [schema]",
	}
	if len(ds) != len(want) {
		t.Fatalf("got %v, want %q", ds, want)
	}
	for i, d := range ds {
		if d.String() != want[i] {
			t.Errorf("got %s, want %s", d, want[i])
		}
	}
	s, ds := Parse("s.yaml", []byte(`version: "1"
categories:
  - {id: dibao, label: 低保}
  - {id: monitored, label: 监测对象, parent: ~}
types:
  Input:
    fields: {category: category}
`))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if v := s.Vocabulary("category"); len(v.Entries) != 2 || v.Entries[1].Label != "监测对象" || v.Entries[1].Line != 4 {
		t.Fatalf("entries = %+v", v.Entries)
	}
}
