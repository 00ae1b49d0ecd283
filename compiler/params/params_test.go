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
		"string where money":  {nil, []Override{{Path: "critical.annual_cap", Value: "很多", Pos: pos}}, `want money: "很多" is not a plain decimal number`},
		"negative money":      {nil, []Override{{Path: "critical.annual_cap", Value: json.Number("-1"), Pos: pos}}, "an amount of money is not negative"},
		"a third decimal":     {nil, []Override{{Path: "critical.annual_cap", Value: json.Number("1.005"), Pos: pos}}, "case.yaml:3:5: error: params critical.annual_cap: money is in yuan and fen, at most two decimals (value 1.005)"},
		"exponent":            {nil, []Override{{Path: "critical.annual_cap", Value: json.Number("1e10000"), Pos: pos}}, `"1e10000" is not a plain decimal number`},
		"huge":                {nil, []Override{{Path: "critical.annual_cap", Value: json.Number("1" + strings.Repeat("0", 10000)), Pos: pos}}, "an amount is at most 10^14 yuan, the largest settled (value 1000000000000000000000000000000000000000… (10001 characters))"},
		"bands out of order":  {nil, []Override{{Path: "critical.bands", Value: []any{map[string]any{"upto": json.Number("50000"), "ratio": json.Number("0.6")}, map[string]any{"upto": json.Number("20000"), "ratio": json.Number("0.7")}, map[string]any{"upto": nil, "ratio": json.Number("0.8")}}, Pos: pos}}, "case.yaml:3:5: error: params critical.bands: each band ends above the one before it (upto strictly increasing)"},
		"bands equal edges":   {nil, []Override{{Path: "critical.bands", Value: []any{map[string]any{"upto": json.Number("50000"), "ratio": json.Number("0.6")}, map[string]any{"upto": json.Number("50000.00"), "ratio": json.Number("0.7")}}, Pos: pos}}, "upto strictly increasing"},
		"open band not last":  {nil, []Override{{Path: "critical.bands", Value: []any{map[string]any{"upto": nil, "ratio": json.Number("0.6")}, map[string]any{"upto": json.Number("50000"), "ratio": json.Number("0.7")}}, Pos: pos}}, "only the last band may be open-ended"},
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
		"region: x\nparameters:\n  income.per_capita_disposable:\n    values: {2022-01-01: 1}\n":                                                   "has values but no source",
		"region: x\nparameters:\n  critical.deductible:\n    cel: income.per_capita_disposable * 0.5\n    clause: 一\n":                             "found no matching overload",
		"region: x\nparameters:\n  critical.deductible:\n    cel: income.per_capita_disposable * dec(\"0.5\")\n":                                   "names no clause",
		"region: x\nparameters:\n  dibao_standard:\n    source: s\n    values: {2022: 1}\n":                                                        `"2022" is not a date`,
		"region: x\nparameters:\n  dibao_standard:\n    source: s\n    values: {2021-13-45: 1}\n":                                                  `p.yaml:5:14: error: parameter dibao_standard: "2021-13-45" is not a date of the calendar`,
		"region: x\nparameters:\n  dibao_standard:\n    source: s\n    values: {2023-02-29: 1}\n":                                                  `"2023-02-29" is not a date of the calendar`,
		"region: x\nparameters:\n  dibao_standard: {source: s, values: {2022-01-01: 1}}\n  dibao_standard: {source: s, values: {2022-01-01: 2}}\n": `p.yaml:4:3: error: key "dibao_standard" is given twice in one mapping (first at line 3)`,
		"region: x\nparameters:\n  dibao_standard: {source: s, values: {2022-01-01: 1, 2022-01-01: 2}}\n":                                          `key "2022-01-01" is given twice`,
		"region: x\nparameters:\n  dibao_standard: {open: true}\n":                                                                                 "open parameter dibao_standard names no set_by",
		"region: x\nparameters:\n  dibao_standard: {open: true, set_by: 民政, values: {2022-01-01: 1}}\n":                                            "more than one of values, cel and open",
		"region: x\nparameters:\n  dibao_standard: {open: yes, set_by: 民政}\n":                                                                      `open is true or false, not "yes"`,
		"region: x\nparameters:\n  dibao_standard: {illustrative: True, source: s, values: {2022-01-01: 1}}\n":                                     `illustrative is true or false, not "True"`,
		"region: x\nparameters:\n  dibao_standard: &d {source: s, values: {2022-01-01: 1}}\n":                                                      "YAML anchors (&d) are not allowed",
	} {
		_, ds := Load("p.yaml", []byte(src), s)
		if !strings.Contains(ds.Error(), want) {
			t.Errorf("Load(%q) = %q, want it to contain %q", src, ds.Error(), want)
		}
	}
}

// An open parameter has no value: Resolve gives none (a rule needing it
// then fails, naming it), WithStandIns one for the compiler's checks —
// the document's floor where it sets one.
func TestOpenParameters(t *testing.T) {
	s := testSchema(t)
	f, ds := Load("p.yaml", []byte("region: x\nparameters:\n  assistance.by_category.dibao.ratio: {open: true, set_by: 另一文件}\n  tilted.threshold: {open: true, set_by: 市}\n"), s)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	bounds := []Bound{{Path: "assistance.by_category.dibao.ratio", Kind: "floor", Value: decimal.RequireFromString("0.7")}}
	r, ds := f.Resolve(2023, bounds, nil)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if _, ok := r.Leaves["tilted.threshold"]; ok {
		t.Fatal("an open parameter has a value")
	}
	st := f.WithStandIns(r)
	if got := st.Leaves["assistance.by_category.dibao.ratio"].Value; got != json.Number("0.7") {
		t.Errorf("stand-in ratio = %v, want the floor 0.7", got)
	}
	if got := st.Leaves["tilted.threshold"].Value; got != json.Number("1000") {
		t.Errorf("stand-in threshold = %v", got)
	}
	r, _ = f.Resolve(2023, nil, []Override{{Path: "tilted.threshold", Value: json.Number("15000")}})
	if got := r.Leaves["tilted.threshold"].Value; got != json.Number("15000") {
		t.Errorf("given threshold = %v", got)
	}
}

// Only a derivation the document states is enforced: an illustrative one
// is a default a given value replaces.
func TestIllustrativeDerivationIsADefault(t *testing.T) {
	s := testSchema(t)
	src := strings.Replace(file, "    clause: 三(六)\n", "    clause: 三(六)\n    illustrative: true\n", 1)
	f, ds := Load("p.yaml", []byte(src), s)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	r, ds := f.Resolve(2023, nil, []Override{{Path: "critical.deductible", Value: json.Number("18000")}})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if got := r.Leaves["critical.deductible"].Value; got != json.Number("18000") {
		t.Errorf("critical.deductible = %v, want the given 18000", got)
	}
	if r, _ = f.Resolve(2023, nil, nil); r.Leaves["critical.deductible"].Value != json.Number("17833.00") {
		t.Errorf("default = %v, want 17833.00", r.Leaves["critical.deductible"].Value)
	}
}

// A per-category term falls back to the region-wide one when the category
// has none (DESIGN, Case files); a category's own value stands.
func TestPerCategoryFallsBackToRegionWide(t *testing.T) {
	s := testSchema(t)
	f, ds := Load("p.yaml", []byte("region: x\nparameters:\n  assistance.annual_cap: {source: s, values: {2022-01-01: 60000}}\n  assistance.by_category.dibao.annual_cap: {source: s, values: {2022-01-01: 80000}}\n"), s)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	r, _ := f.Resolve(2023, nil, nil)
	if got := r.Leaves["assistance.by_category.dibao_edge.annual_cap"]; got.Value != json.Number("60000") || !strings.Contains(got.Origin, "assistance.annual_cap") {
		t.Errorf("dibao_edge cap = %+v, want the region-wide 60000", got)
	}
	if got := r.Leaves["assistance.by_category.dibao.annual_cap"].Value; got != json.Number("80000") {
		t.Errorf("dibao cap = %v, want its own 80000", got)
	}
	if _, ok := r.Leaves["assistance.by_category.dibao.ratio"]; ok {
		t.Error("a ratio has no region-wide value to fall back to")
	}
}

// A formula can yield what its parameter may not hold — here a deductible
// past the largest amount settled, from a hostile params file — and is
// refused at the formula, the value quoted cut short.
func TestDerivedValueIsChecked(t *testing.T) {
	s := testSchema(t)
	src := strings.Replace(file, `cel: income.per_capita_disposable * dec("0.5")`, `cel: income.per_capita_disposable * dec("1`+strings.Repeat("0", 600)+`") * dec("1`+strings.Repeat("0", 600)+`")`, 1)
	f, ds := Load("p.yaml", []byte(src), s)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	_, ds = f.Resolve(2023, nil, nil)
	msg := ds.Error()
	if !strings.Contains(msg, "p.yaml:8:3: error: derived parameter critical.deductible") || !strings.Contains(msg, "an amount is at most 10^14 yuan") {
		t.Fatalf("got %q", msg)
	}
	if len(msg) > 4000 {
		t.Fatalf("a message of %d bytes", len(msg))
	}
}
