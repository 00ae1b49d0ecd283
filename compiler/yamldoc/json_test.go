package yamldoc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/polc-dev/polc/compiler/yamldoc/yamldoctest"
)

// jsonSeeds are JSON documents at the edges of what parseJSON takes: every
// kind of value, escapes, characters that count as one column and take
// several bytes, white space where JSON allows it — and documents it
// must leave to yaml.v3.
var jsonSeeds = []string{
	`{}`, `{"a":1}`, ` { "a" : 1 } `, "\n\n  {\"a\": [1, 2.5, -0, 1e3, 1E+3, -1.5e-3, 0.0]}\n",
	`{"big": 123456789012345678901234567890, "huge": 1e400, "tiny": 1e-400, "neg": -9223372036854775809}`,
	`{"t": true, "f": false, "n": null, "s": "", "l": [], "m": {}}`,
	`{"esc": "q\" b\\ s\/ \b\f\n\r\t \u00e9 \u4e2d \u0000 \u001f \u00A0"}`,
	`{"中文键": {"金额": "三(六)：低保对象", "x": 1}, "y": "😀", "z": 2}`,
	"{\r\n  \"a\": 1,\r\n  \"b\": [\r\n    1\r\n  ]\r\n}\r\n",
	"{\n\t\"a\": 1,\n\t\"b\": {\n\t\t\"c\": [true, null]\n\t}\n}\n",
	"{\"a\":\n  1, \"b\"   :\n\n \"x\"}",
	"{\n\"a\": 1,\n\"b\": {\n\"c\": 2\n}\n}",
	`{"a": {"a": {"a": {"a": [[[[{"a": 1}]]]]}}}}`,
	`{"<<": {"a": 1}, "a": 2, "a": 3}`,
	`{"date": "2023-04-12", "plain": 2023-04-12}`,
	`{"bool": "true", "num": "1", "y": "y", "null": "~"}`,
	// For yaml.v3 alone: not JSON, or JSON it reads otherwise.
	"\ufeff{\"a\": 1}", "\t{\"a\": 1}", "{\"a\": 1}\t", "{\"a\": 1}\r", "{\"a\":\r1}",
	`{"a": "\ud83d\ude00"}`, "{\"a\": \"\u2028\"}", "{\"a\": \"\u0085\"}", "{\"a\": \"\x7f\"}", "{\"a\": \"\ufeff\"}",
	"{\"a\": \"\xff\"}", "{\"a\": \"tab\there\"}", "{\"a\"\n: 1}",
	`{"` + strings.Repeat("k", 1100) + `": 1}`, `{"` + strings.Repeat("键", 1100) + `": 1}`,
	`{"a": 1,}`, `{"a": 01}`, `{"a": .5}`, `{"a": +1}`, `{"a": 1.}`, `{"a": 'x'}`, `{a: 1}`, `{"a": 1} {"b": 2}`,
	"{\"a\": 1}\n---\n{\"b\": 2}", `{"a": 1} # comment`, `[1, 2]`, `"x"`, `{"a": [1, 2}`, `{"a" 1}`, `{"a": tru}`,
	strings.Repeat(`{"a":`, 50) + "1" + strings.Repeat("}", 50),
}

// Parse takes a JSON document into the nodes, and gives the diagnostics,
// that yaml.v3 alone gives: the seeds, every golden case written as JSON
// (compact, indented by spaces and by tabs), and random documents.
func TestJSONAsYAML(t *testing.T) {
	for _, s := range jsonSeeds {
		sameAsYAML(t, []byte(s))
	}
	files, _ := filepath.Glob("../../golden/*/*.yaml")
	if len(files) == 0 {
		t.Fatal("no golden cases")
	}
	taken := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		compact := asJSON(t, data)
		var spaced, tabbed bytes.Buffer
		json.Indent(&spaced, compact, "", "  ")
		json.Indent(&tabbed, compact, "", "\t")
		for _, doc := range [][]byte{compact, spaced.Bytes(), tabbed.Bytes()} {
			sameAsYAML(t, doc)
			if _, ok := parseJSON(doc); ok {
				taken++
			}
		}
	}
	// The fast reader must be the one that reads a case sent as JSON.
	if taken != 3*len(files) {
		t.Errorf("parseJSON took %d of the %d golden cases as JSON", taken, 3*len(files))
	}
	rng := rand.New(rand.NewPCG(3, 7))
	for range 2000 {
		sameAsYAML(t, randomJSON(rng, 0))
	}
}

// FuzzJSONAsYAML: whatever parseJSON takes, Parse answers as yaml.v3 does.
//
//	go test ./compiler/yamldoc -fuzz FuzzJSONAsYAML -fuzztime 5m
func FuzzJSONAsYAML(f *testing.F) {
	for _, s := range jsonSeeds {
		f.Add([]byte(s))
	}
	rng := rand.New(rand.NewPCG(5, 3))
	for range 20 {
		f.Add(randomJSON(rng, 0))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, ok := parseJSON(data); ok {
			sameAsYAML(t, data)
		}
	})
}

// sameAsYAML fails if Parse and yaml.v3 alone (decodeYAML) differ on data.
func sameAsYAML(t *testing.T, data []byte) {
	t.Helper()
	got, gotDs := Parse("t.json", data)
	want, wantDs := decodeYAML("t.json", data)
	if gotDs.Error() != wantDs.Error() {
		t.Fatalf("%q:\nParse gives  %v\nyaml.v3 gives %v", data, gotDs, wantDs)
	}
	if d := nodeDiff(got, want, "$"); d != "" {
		t.Fatalf("%q: Parse and yaml.v3 differ at %s", data, d)
	}
}

// nodeDiff says where two trees first differ in anything yaml.v3 sets.
func nodeDiff(a, b *yaml.Node, path string) string { return nodeDiffIn(a, b, path, true) }

// nodeDiffIn is nodeDiff, comments compared or not.
func nodeDiffIn(a, b *yaml.Node, path string, comments bool) string {
	if a == nil || b == nil {
		if a != b {
			return fmt.Sprintf("%s: %v vs %v", path, a, b)
		}
		return ""
	}
	type fields struct {
		Kind                                  yaml.Kind
		Style                                 yaml.Style
		Tag, Value, Anchor                    string
		HeadComment, LineComment, FootComment string
		Line, Column, Content                 int
	}
	fa := fields{a.Kind, a.Style, a.Tag, a.Value, a.Anchor, a.HeadComment, a.LineComment, a.FootComment, a.Line, a.Column, len(a.Content)}
	fb := fields{b.Kind, b.Style, b.Tag, b.Value, b.Anchor, b.HeadComment, b.LineComment, b.FootComment, b.Line, b.Column, len(b.Content)}
	if !comments {
		fa.HeadComment, fa.LineComment, fa.FootComment = "", "", ""
		fb.HeadComment, fb.LineComment, fb.FootComment = "", "", ""
	}
	if fa != fb {
		return fmt.Sprintf("%s: %+v vs %+v", path, fa, fb)
	}
	for i := range a.Content {
		if d := nodeDiffIn(a.Content[i], b.Content[i], fmt.Sprintf("%s[%d]", path, i), comments); d != "" {
			return d
		}
	}
	return ""
}

// asJSON writes a YAML document as compact JSON, keys in order, scalars
// as yaml.v3 tagged them.
func asJSON(t *testing.T, data []byte) []byte {
	t.Helper()
	root, ds := decodeYAML("", data)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	b, err := yamldoctest.JSON(root)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// randomJSON is a random JSON object with random white space, keys and
// strings drawn from a mix of plain, escaped, Chinese and odd characters.
func randomJSON(rng *rand.Rand, depth int) []byte {
	var b bytes.Buffer
	ws := func() {
		for range rng.IntN(3) {
			b.WriteString([]string{" ", "\n", "\r\n", "\t", "  "}[rng.IntN(5)])
		}
	}
	str := func() {
		parts := []string{"a", "键", "😀", `\"`, `\\`, `\/`, `\n`, `\t`, `\u00e9`, `\u4E2D`, `\u0001`, "é", " ", "#", ":", "- ", "'", "&x", "*x", "!t", "%", "@", "`"}
		b.WriteByte('"')
		for range rng.IntN(5) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		b.WriteByte('"')
	}
	var value func(depth int)
	value = func(depth int) {
		switch k := rng.IntN(8); {
		case k == 0 && depth < 6:
			b.WriteByte('{')
			ws()
			for i := range rng.IntN(4) {
				if i > 0 {
					b.WriteByte(',')
					ws()
				}
				str()
				if rng.IntN(4) == 0 {
					b.WriteString(" ")
				}
				b.WriteByte(':')
				ws()
				value(depth + 1)
				ws()
			}
			b.WriteByte('}')
		case k == 1 && depth < 6:
			b.WriteByte('[')
			ws()
			for i := range rng.IntN(4) {
				if i > 0 {
					b.WriteByte(',')
					ws()
				}
				value(depth + 1)
				ws()
			}
			b.WriteByte(']')
		case k == 2:
			str()
		case k == 3:
			b.WriteString([]string{"true", "false", "null"}[rng.IntN(3)])
		default:
			b.WriteString([]string{"0", "-0", "1", "12", "-7", "0.5", "-0.25", "1e3", "2E-2", "1.5e+10", "9999999999999999999", "380", "0.60"}[rng.IntN(13)])
		}
	}
	ws()
	b.WriteByte('{')
	ws()
	for i := range 1 + rng.IntN(5) {
		if i > 0 {
			b.WriteByte(',')
			ws()
		}
		str()
		b.WriteByte(':')
		ws()
		value(depth + 1)
		ws()
	}
	b.WriteByte('}')
	ws()
	return b.Bytes()
}
