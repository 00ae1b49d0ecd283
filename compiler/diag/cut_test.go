package diag

import (
	"strings"
	"testing"
)

// A value from a hostile file is shown cut, with its length, so one
// diagnostic cannot flood a terminal or a CI log.
func TestCutAt(t *testing.T) {
	if got := CutAt("短文本", 5); got != "短文本" {
		t.Fatalf("short text changed: %q", got)
	}
	long := strings.Repeat("医", 300)
	got := CutAt(long, 200)
	if want := strings.Repeat("医", 200) + "… (300 characters)"; got != want {
		t.Fatalf("CutAt = %q", got)
	}
	if q := Quote(long); !strings.HasSuffix(q, "… (300 characters)") || strings.Count(q, "医") != QuoteLimit {
		t.Fatalf("Quote = %q", q)
	}
}
