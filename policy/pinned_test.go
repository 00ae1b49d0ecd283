package policy

import (
	"reflect"
	"slices"
	"testing"
)

// withYearParams copies a Region field by field (a Region holds a
// sync.Map, which must not be copied whole): a field added to Region must
// be added there too, or a pinned set would silently lack it.
func TestWithParamsCopiesEveryField(t *testing.T) {
	copied := []string{"ID", "File", "Module", "Document", "Params", "Bounds", "Coverage", "Rules", "source",
		"compiled", "guard", "generated", "decisionAttrs", "readParams", "ruleParams", "queries", "boundaries", "years", "checkYears",
		"validated", "nValidated"} // validated starts empty: it is a cache
	typ := reflect.TypeOf(Region{})
	for i := range typ.NumField() {
		if name := typ.Field(i).Name; !slices.Contains(copied, name) {
			t.Errorf("Region.%s is not copied by withYearParams (pinned.go): copy it, and list it here", name)
		}
	}
}
