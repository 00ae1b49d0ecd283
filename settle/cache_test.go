package settle_test

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/policies"
	"github.com/polc-dev/polc/settle"
)

// A decision that reads the person other than by a plain reference — here
// object.get on input.person — must still be cached by everything it may
// read: two people who differ only in age get their own subsidy, whichever
// is settled first.
func TestCacheKeysOnEverythingADecisionMayRead(t *testing.T) {
	schema, err := policies.FS.ReadFile("schema.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"schema.yaml": {Data: schema},
		"demo.rego": {Data: []byte(`package regions.demo

document := {"title": "示例", "number": "示例〔2024〕1号", "issuer": "示例局", "issued": "2023-12-01", "in_force_from": "2024-01-01", "years": [2024], "clauses": ["一"]}

# METADATA
# custom:
#   clause: 一
subsidy contains {"rule": "dibao", "form": "full", "funders": [{"funder": "district_finance", "share": 1}]} if {
	"dibao" in input.person.categories
	object.get(input.person, "age", 0) < 18
}

# METADATA
# custom:
#   clause: 一
subsidy contains {"rule": "dibao", "form": "share", "share": 0.5, "funders": [{"funder": "district_finance", "share": 1}]} if {
	"dibao" in input.person.categories
	object.get(input.person, "age", 0) >= 18
}
`)},
		"params/demo.yaml": {Data: []byte("region: demo\nparameters:\n  contribution.tier1: {source: 示例, values: {2024-01-01: 400}}\n")},
	}
	set, ds := compiler.Compile(context.Background(), fsys, "p", compiler.Options{})
	if set == nil {
		t.Fatal(ds)
	}
	person := func(age int) *cases.Case {
		return &cases.Case{File: "c.yaml", Region: "demo", Year: 2024, Enrollment: cases.Enrollment{Tier: "1"},
			Person: cases.Person{Categories: []string{"dibao"}, Age: &age, Residence: "rural"}}
	}
	alone := map[int]string{}
	for _, age := range []int{10, 70} {
		_, alone[age] = settleCase(settle.New(set), person(age))
	}
	if alone[10] == alone[70] {
		t.Fatalf("the two ages settle alike: %s", alone[10])
	}
	for _, order := range [][]int{{10, 70}, {70, 10}} {
		engine := settle.New(set)
		for _, age := range order {
			if _, got := settleCase(engine, person(age)); got != alone[age] {
				t.Errorf("age %d settled after %v:\n%s\nalone:\n%s", age, order, got, alone[age])
			}
		}
	}
}
