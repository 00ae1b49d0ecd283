package params

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/schema"
)

func testSchema(t *testing.T) *schema.Schema {
	t.Helper()
	f, err := os.Open("../../policies/schema.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, ds := schema.Load("schema.yaml", f)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	return s
}

const file = `region: demo
parameters:
  income.per_capita_disposable:
    source: 统计公报
    values:
      2022-01-01: 33803
      2023-01-01: 35666
  critical.deductible:
    cel: income.per_capita_disposable * dec("0.5")
    clause: 三(六)
  assistance.by_category.dibao.ratio:
    source: 市办法
    values:
      2022-01-01: 0.75
`

func TestResolve(t *testing.T) {
	s := testSchema(t)
	f, ds := Load("demo.yaml", []byte(file), s)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	bounds := []Bound{{Path: "assistance.by_category.dibao.ratio", Kind: "floor", Value: decimal.RequireFromString("0.7"), Clause: "三(七)"}}
	r, ds := f.Resolve(2023, bounds, nil)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	// 35666 × 0.5 = 17833.00; the dated value of 2023 wins over 2022's.
	if got := r.Leaves["critical.deductible"].Value; got != json.Number("17833.00") {
		t.Errorf("critical.deductible = %v, want 17833.00", got)
	}
	if got := r.Leaves["assistance.by_category.dibao.ratio"].Value; got != json.Number("0.75") {
		t.Errorf("dibao ratio = %v, want 0.75 (raised above the floor)", got)
	}
	// Half-up to the fen: 33803.01 × 0.5 = 16901.505 → 16901.51.
	r, ds = f.Resolve(2023, nil, []Override{{Path: "income.per_capita_disposable", Value: json.Number("33803.01")}})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if got := r.Leaves["critical.deductible"].Value; got != json.Number("16901.51") {
		t.Errorf("critical.deductible = %v, want 16901.51", got)
	}
}

func TestResolveRefuses(t *testing.T) {
	s := testSchema(t)
	f, _ := Load("demo.yaml", []byte(file), s)
	floor := []Bound{{Path: "assistance.by_category.dibao.ratio", Kind: "floor", Value: decimal.RequireFromString("0.8"), Clause: "三(七)"}}
	pos := diag.Position{File: "case.yaml", Line: 3, Col: 5}
	for name, tc := range map[string]struct {
		bounds    []Bound
		overrides []Override
		want      string
	}{
		"below floor":         {floor, nil, "assistance.by_category.dibao.ratio = 0.75 is below the document's floor of 0.8"},
		"contradicts derived": {nil, []Override{{Path: "critical.deductible", Value: json.Number("18000"), Pos: pos}}, "case.yaml:3:5: error: params critical.deductible is 18000.00, but demo.yaml derives 17833.00"},
		"unknown parameter":   {nil, []Override{{Path: "critical.deductable", Value: json.Number("1"), Pos: pos}}, `critical.deductable is not a parameter of the schema (did you mean "critical.deductible"?)`},
		"string where money":  {nil, []Override{{Path: "critical.annual_cap", Value: "很多", Pos: pos}}, `want money: "很多" is not a number`},
		"negative money":      {nil, []Override{{Path: "critical.annual_cap", Value: json.Number("-1"), Pos: pos}}, "an amount of money is not negative"},
	} {
		_, ds := f.Resolve(2023, tc.bounds, tc.overrides)
		if !strings.Contains(ds.Error(), tc.want) {
			t.Errorf("%s: got %q, want it to contain %q", name, ds.Error(), tc.want)
		}
	}
}

func TestLoadRefuses(t *testing.T) {
	s := testSchema(t)
	for src, want := range map[string]string{
		"region: x\nparameters:\n  income.per_capita_disposable:\n    values: {2022-01-01: 1}\n":                       "has values but no source",
		"region: x\nparameters:\n  critical.deductible:\n    cel: income.per_capita_disposable * 0.5\n    clause: 一\n": "found no matching overload",
		"region: x\nparameters:\n  critical.deductible:\n    cel: income.per_capita_disposable * dec(\"0.5\")\n":       "names no clause",
		"region: x\nparameters:\n  dibao_standard:\n    source: s\n    values: {2022: 1}\n":                            `"2022" is not a date`,
	} {
		_, ds := Load("p.yaml", []byte(src), s)
		if !strings.Contains(ds.Error(), want) {
			t.Errorf("Load(%q) = %q, want it to contain %q", src, ds.Error(), want)
		}
	}
}
