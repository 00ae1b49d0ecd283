package yamldoc

import (
	"strings"
	"testing"
	"time"
)

// Each of what YAML allows but polc refuses is an error at its own line.
func TestParseRefuses(t *testing.T) {
	for name, tc := range map[string]struct {
		src, want string
	}{
		"alias":             {"a: &x 1\nb: *x\n", "t.yaml:1:4: error: YAML anchors (&x) are not allowed"},
		"merge key":         {"a: {x: 1}\nb:\n  <<: {y: 2}\n", "t.yaml:3:3: error: YAML merge keys (<<) are not allowed"},
		"second document":   {"a: 1\n---\nb: 2\n", "t.yaml:2:1: error: a second YAML document"},
		"duplicate key":     {"a: 1\nb: 2\na: 3\n", `t.yaml:3:1: error: key "a" is given twice in one mapping (first at line 1)`},
		"deep duplicate":    {"p:\n  q:\n    - {r: 1, r: 2}\n", `t.yaml:3:14: error: key "r" is given twice`},
		"too deep":          {strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n", "error: nested more than 32 levels deep"},
		"complex key":       {"? [a, b]\n: 1\n", "t.yaml:1:3: error: a mapping key is a plain value"},
		"malformed":         {"a: 1\nb: [\n", "t.yaml:2:1: error: malformed YAML"},
		"long syntax error": {"a: \"" + strings.Repeat("x", 5000) + "\n", "malformed YAML"},
	} {
		t.Run(name, func(t *testing.T) {
			_, ds := Parse("t.yaml", []byte(tc.src))
			if !ds.HasErrors() || !strings.Contains(ds.Error(), tc.want) {
				t.Fatalf("got %v, want %q", ds, tc.want)
			}
			for _, d := range ds {
				if len(d.Message) > 300 {
					t.Errorf("message of %d bytes", len(d.Message))
				}
			}
		})
	}
}

// A billion-laughs file is refused as it is parsed, without expanding it.
func TestAliasBombIsRefusedAtOnce(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 12; i++ {
		prev := "a" + itoa(i-1)
		b.WriteString("a" + itoa(i) + ": &a" + itoa(i) + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n")
	}
	start := time.Now()
	_, ds := Parse("bomb.yaml", []byte(b.String()))
	if len(ds) != 1 || !strings.Contains(ds.Error(), "bomb.yaml:1:5: error: YAML anchors (&a0) are not allowed: write each value out where it is used (and 121 more anchors and aliases in this file)") {
		t.Fatalf("got %v", ds)
	}
	if time.Since(start) > time.Second {
		t.Fatalf("took %v", time.Since(start))
	}
}

func TestIsDate(t *testing.T) {
	for s, want := range map[string]bool{"2023-02-28": true, "2024-02-29": true, "2023-02-29": false, "2023-02-30": false, "2021-13-45": false, "2023-1-05": false, "": false} {
		if IsDate(s) != want {
			t.Errorf("IsDate(%q) = %v", s, !want)
		}
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
