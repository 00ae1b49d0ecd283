package celenv

import (
	"strings"
	"testing"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"github.com/shopspring/decimal"
)

func termEnv(t *testing.T) *Env {
	t.Helper()
	e, err := New([]RecordType{{Name: "Term", Fields: []Field{
		{Name: "ratio", Type: DecimalType},
		{Name: "annual_cap", Type: DecimalType, Optional: true},
		{Name: "bands", Type: types.NewListType(DecimalType)},
	}}}, map[string]*types.Type{"self": types.NewObjectType("Term")})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func dec(s string) Decimal { return Decimal{decimal.RequireFromString(s)} }

func TestDecimalRulesEvaluateExactly(t *testing.T) {
	e := termEnv(t)
	self := &Record{TypeName: "Term", Fields: map[string]ref.Val{
		"ratio": dec("1.2"),
		"bands": types.NewRefValList(types.DefaultTypeAdapter, []ref.Val{dec("0.6"), dec("0.7")}),
	}}
	for src, want := range map[string]bool{
		`self.ratio >= dec("0") && self.ratio <= dec("1")`:            false,
		`self.ratio == dec("1.20")`:                                   true,
		`!has(self.annual_cap) || self.annual_cap >= dec("0")`:        true,
		`self.bands.all(b, b <= dec("1"))`:                            true,
		`dec("100000.005") * dec("0.6") == dec("60000.003")`:          true,
		`(dec("100000.005") * dec("0.6")).round() == dec("60000.00")`: true,
	} {
		p, err := e.Compile(src, types.BoolType)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		got, err := p.Eval(map[string]any{"self": self})
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		if got != types.Bool(want) {
			t.Errorf("%s = %v, want %v", src, got, want)
		}
	}
}

func TestCompileRejects(t *testing.T) {
	e := termEnv(t)
	for src, want := range map[string]string{
		`self.ration >= dec("0")`: "undefined field 'ration'",
		`self.ratio >= 0.5`:       "no matching overload",
		`self.ratio >= "0.5"`:     "no matching overload",
		`self.ratio`:              "yields decimal, want bool",
	} {
		_, err := e.Compile(src, types.BoolType)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want it to contain %q", src, err, want)
		}
	}
}

func TestSplitComparison(t *testing.T) {
	e := termEnv(t)
	for src, want := range map[string]Comparison{
		`self.ratio == dec("1.20")`:            {"==", Operand{"self.ratio", false}, Operand{`dec("1.20")`, true}},
		`self.bands[0]*dec("2") >= self.ratio`: {">=", Operand{`self.bands[0] * dec("2")`, false}, Operand{"self.ratio", false}},
		`dec("0") != self.ratio`:               {"!=", Operand{`dec("0")`, true}, Operand{"self.ratio", false}},
		`size(self.bands) < 3`:                 {"<", Operand{"size(self.bands)", false}, Operand{"3", true}},
		`(self.ratio > dec("0"))`:              {">", Operand{"self.ratio", false}, Operand{`dec("0")`, true}},
	} {
		got, ok := e.SplitComparison(src)
		if !ok || got != want {
			t.Errorf("SplitComparison(%s) = %+v, %v; want %+v", src, got, ok, want)
			continue
		}
		for _, side := range []Operand{got.Left, got.Right} {
			if _, err := e.Compile(side.Source, nil); err != nil {
				t.Errorf("%s: operand %s does not compile on its own: %v", src, side.Source, err)
			}
		}
	}
	for _, src := range []string{
		`self.ratio == dec("1") && self.ratio > dec("0")`,
		`self.bands.all(b, b <= dec("1"))`,
		`self.ratio ==`,
	} {
		if got, ok := e.SplitComparison(src); ok {
			t.Errorf("SplitComparison(%s) = %+v, want no comparison", src, got)
		}
	}
}
