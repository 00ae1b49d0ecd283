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
