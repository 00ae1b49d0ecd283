package literal

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDecimal(t *testing.T) {
	for _, ok := range []string{"0", "31953.46", "-1.5", "+2", ".5", "5.", "0.000000001"} {
		if _, err := Decimal(ok); err != nil {
			t.Errorf("Decimal(%q): %v", ok, err)
		}
	}
	// An exponent would let ten characters stand for a billion digits.
	for _, bad := range []string{"", "1e10000", "1E2", "0x10", "1.2.3", "-", ".", "1_000", " 1", "NaN", "Inf", "１２"} {
		if d, err := Decimal(bad); err == nil {
			t.Errorf("Decimal(%q) = %s, want a refusal", bad, d)
		}
	}
	_, err := Decimal(strings.Repeat("9", 500) + "e1")
	if err == nil || len(err.Error()) > 200 {
		t.Errorf("a long refusal is not cut: %v", err)
	}
}

func TestNumberKeepsTheLiteralDigits(t *testing.T) {
	d, err := Number(json.Number("0.1000000000000000055511151231257827"))
	if err != nil || d.String() != "0.1000000000000000055511151231257827" {
		t.Fatalf("Number = %s, %v", d, err)
	}
	if d, err := Number(" 12.30 "); err != nil || d.String() != "12.3" {
		t.Fatalf("Number(string) = %s, %v", d, err)
	}
	if _, err := Number(1.5); err == nil {
		t.Fatal("a float64 is read, want a refusal")
	}
}
