package schema

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func loadShipped(t *testing.T) *Schema {
	t.Helper()
	f, err := os.Open("../../policies/schema.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, ds := Load("policies/schema.yaml", f)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	return s
}

func jsonValue(t *testing.T, src string) any {
	t.Helper()
	d := json.NewDecoder(strings.NewReader(src))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestShippedSchemaLoads(t *testing.T) {
	s := loadShipped(t)
	if got := s.Ancestors("edge_vulnerable"); len(got) != 1 || got[0] != "monitored" {
		t.Errorf("ancestors of edge_vulnerable = %v, want [monitored]", got)
	}
	if _, ok := s.LookupParam([]string{"assistance", "by_category", "dibao", "ratio"}); !ok {
		t.Error("assistance.by_category.dibao.ratio is not a parameter")
	}
}

func TestValidate(t *testing.T) {
	s := loadShipped(t)
	for _, tc := range []struct {
		typ, value, want string
	}{
		{"Term", `{"tier": "assistance", "ratio": 0.7, "annual_cap": 60000}`, ""},
		{"Term", `{"tier": "assistance", "ratio": 1.2}`, ".ratio: a ratio lies in [0, 1] (value 1.2)"},
		{"Term", `{"tier": "assistence", "ratio": 0.7}`, `.tier: unknown tier "assistence" (did you mean "assistance"?) (value assistence)`},
		{"Term", `{"tier": "critical", "ratoi": 0.7}`, `.ratoi: Term has no field "ratoi" (did you mean "ratio"?)`},
		{"Term", `{"tier": "critical", "bands": [{"upto": null, "ratio": 0.6}, {"upto": 100000, "ratio": 0.7}]}`, ".bands: only the last band may be open-ended (upto null)"},
		{"Term", `{"tier": "critical", "deductible": -5}`, ".deductible: an amount of money is not negative (value -5)"},
		{"SubsidyRule", `{"rule": "dibao", "form": "share", "funders": [{"funder": "medical_assistance_fund", "share": 1}]}`, ".share: a share subsidy gives its share"},
		{"ParameterBound", `{"path": "x", "floor": 0.7, "fixed": 1}`, "a parameter bound is exactly one of floor, ceiling or fixed"},
	} {
		vs := s.Validate(tc.typ, jsonValue(t, tc.value))
		var got []string
		for _, v := range vs {
			got = append(got, v.String())
		}
		if strings.Join(got, "; ") != tc.want {
			t.Errorf("Validate(%s, %s) = %q, want %q", tc.typ, tc.value, strings.Join(got, "; "), tc.want)
		}
	}
}

func TestLoadReportsBrokenRules(t *testing.T) {
	src := "version: 1\nscalars:\n  money:\n    rules:\n      - rule: self >= 0.0\n        message: not negative\ntypes:\n  Input:\n    fields:\n      year: int\n"
	_, ds := Load("schema.yaml", strings.NewReader(src))
	if err := ds.Error(); !strings.Contains(err, "schema.yaml:5:9: error: money: CEL rule does not compile") {
		t.Fatalf("diagnostics = %v", err)
	}
}

func TestMessageExpressionAndCostLimit(t *testing.T) {
	base := "version: 1\ntypes:\n  Input:\n    fields:\n      year: int\n  Band:\n    fields:\n      ratio: ratio\n  Term:\n    fields:\n      bands: list<Band>\n    rules:\n"
	scalars := "scalars:\n  ratio:\n    rules: []\n"
	withMsg := base + "      - rule: self.bands.all(b, b.ratio <= dec(\"1\"))\n        messageExpression: '\"a band ratio is above 1: \" + string(size(self.bands)) + \" bands\"'\n" + scalars
	s, ds := Load("s.yaml", strings.NewReader(withMsg))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	vs := s.Validate("Term", jsonValue(t, `{"bands": [{"ratio": 0.6}, {"ratio": 1.5}]}`))
	if len(vs) != 1 || vs[0].Message != "a band ratio is above 1: 2 bands" {
		t.Fatalf("violations = %v", vs)
	}
	// Three nested comprehensions over lists of up to 32 items cost more
	// than the limit allows: refused when the schema loads.
	nested := base + "      - rule: self.bands.all(a, self.bands.all(b, self.bands.all(c, a.ratio <= b.ratio || b.ratio <= c.ratio)))\n        message: x\n" + scalars
	_, ds = Load("s.yaml", strings.NewReader(nested))
	if !strings.Contains(ds.Error(), "over the limit of 10000") {
		t.Fatalf("diagnostics = %v", ds)
	}
}
