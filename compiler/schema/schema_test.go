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
