package harness

import (
	"testing"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"github.com/shopspring/decimal"

	"github.com/polc-dev/polc/compiler/celenv"
)

func TestActualValues(t *testing.T) {
	env, err := celenv.New([]celenv.RecordType{{Name: "ResultClaim", Fields: []celenv.Field{
		{Name: "id", Type: types.StringType},
		{Name: "critical", Type: celenv.DecimalType},
		{Name: "assistance", Type: celenv.DecimalType},
	}}}, map[string]*types.Type{"claims": types.NewListType(types.NewObjectType("ResultClaim"))})
	if err != nil {
		t.Fatal(err)
	}
	claim := &celenv.Record{TypeName: "ResultClaim", Fields: map[string]ref.Val{
		"id":         types.String("c1"),
		"critical":   celenv.Decimal{Decimal: decimal.RequireFromString("13704.27")},
		"assistance": celenv.Decimal{Decimal: decimal.RequireFromString("0.00")},
	}}
	vars := map[string]any{"claims": types.NewRefValList(types.DefaultTypeAdapter, []ref.Val{claim})}
	for src, want := range map[string]string{
		`claims[0].critical == dec("13704.28")`:        `: claims[0].critical is 13704.27`,
		`dec("1") == claims[0].assistance`:             `: claims[0].assistance is 0.00`,
		`claims[0].critical < claims[0].assistance`:    `: claims[0].critical is 13704.27, claims[0].assistance is 0.00`,
		`claims[0].id != "c1"`:                         `: claims[0].id is "c1"`,
		`size(claims) > 1`:                             `: size(claims) is 1`,
		`claims.all(c, c.critical == dec("0"))`:        ``,
		`claims[0].id == "c2" && claims[0].id == "c1"`: ``,
	} {
		if got := sayActual(actualValues(env, src, vars)); got != want {
			t.Errorf("actual values of %s: %q, want %q", src, got, want)
		}
	}
}
