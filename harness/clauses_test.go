package harness

import (
	"slices"
	"testing"
)

func TestCompareClausesIsDocumentOrder(t *testing.T) {
	want := []string{"一", "一(三)", "二", "二(一)", "二(一)2", "二(一)2(4)", "二(一)3", "二(一)3(1)", "二(一)3(2)", "二(二)",
		"二(九)", "二(十)", "二(十四)", "二(二十一)", "三(七)", "十", "施行", "结语"}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortStableFunc(got, CompareClauses)
	if !slices.Equal(got, want) {
		t.Errorf("sorted\n got %v\nwant %v", got, want)
	}
}
