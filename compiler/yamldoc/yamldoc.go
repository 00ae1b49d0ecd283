// Package yamldoc reads YAML the way polc needs it: every node keeps its
// line and column for error messages, numbers keep their literal text (as
// json.Number) so money never passes through float64, and what YAML allows
// but a hostile or careless file should not get away with is refused, each
// at its line: anchors and aliases (a 1 KB alias bomb expands to gigabytes),
// merge keys, a second document in the file (its content would be silently
// dropped), a key given twice in one mapping (the last would silently win),
// and nesting deeper than any polc file needs.
package yamldoc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/polc-dev/polc/compiler/diag"
)

// MaxDepth is the deepest nesting of mappings and lists accepted.
const MaxDepth = 32

// Parse reads one YAML document strictly. Every problem found is returned,
// each at its line and column. A JSON object (what an API client sends) is
// read by parseJSON into the nodes yaml.v3 would make, in a fraction of
// the time; anything else by yaml.v3.
func Parse(file string, data []byte) (*yaml.Node, diag.List) {
	if n, ok := parseJSON(data); ok {
		return checked(file, n, nil)
	}
	return parseYAML(file, data)
}

// parseYAML is Parse by yaml.v3, for every document parseJSON does not
// take.
func parseYAML(file string, data []byte) (*yaml.Node, diag.List) {
	return decodeYAML(file, blankLeadingComments(data))
}

// blankLeadingComments empties the comment lines a document opens with
// (a golden case's hand arithmetic), keeping their line breaks so every
// line keeps its number: yaml.v3 spends as long on a comment as on the
// rest of a line, and keeps it for nothing polc reads. Before the first
// line of content no comment can be anything but a comment (no block
// scalar is open), so only lines yaml.v3 would read the same way are
// blanked: spaces, '#', then characters its reader accepts and none it
// takes for a line break (a lone CR, U+0085, U+2028, U+2029). The first
// line that is not such a comment or empty ends it. TestLeadingComments
// and FuzzLeadingComments hold it to yaml.v3 on the whole text.
func blankLeadingComments(data []byte) []byte {
	breaks, comments, end := 0, 0, 0 // data[:end] is blanked, keeping its breaks
	for end < len(data) {
		j := end
		for j < len(data) && data[j] == ' ' {
			j++
		}
		eol := bytes.IndexByte(data[j:], '\n')
		if eol < 0 {
			eol = len(data)
		} else {
			eol += j
		}
		if j < eol {
			if data[j] != '#' || !plainComment(data[j:eol]) {
				break
			}
			comments++
		}
		if eol == len(data) {
			end = eol
			break
		}
		end, breaks = eol+1, breaks+1
	}
	if comments == 0 {
		return data
	}
	out := make([]byte, breaks, breaks+len(data)-end)
	for i := range out {
		out[i] = '\n'
	}
	return append(out, data[end:]...)
}

// plainComment reports whether a comment line is read by yaml.v3 as one
// comment line: valid UTF-8 of characters its reader allows (tab, and
// U+0020–U+007E, U+00A0–U+D7FF, U+E000–U+FFFD, U+10000 on), with no
// line break inside — a CR only at the end, before the LF.
func plainComment(line []byte) bool {
	for i := 0; i < len(line); {
		c := line[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\r' && i == len(line)-1:
			case c != '\t' && (c < 0x20 || c == 0x7F):
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(line[i:])
		if r == utf8.RuneError && size == 1 || r < 0xA0 || r == 0x2028 || r == 0x2029 || r >= 0xD800 && r < 0xE000 || r == 0xFFFE || r == 0xFFFF {
			return false
		}
		i += size
	}
	return true
}

// decodeYAML is Parse by yaml.v3 on the text as it is.
func decodeYAML(file string, data []byte) (*yaml.Node, diag.List) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}, nil
		}
		return nil, diag.List{SyntaxError(file, err)}
	}
	var ds diag.List
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		ds = append(ds, SyntaxError(file, err))
	default:
		ds.Errorf("load", Pos(file, &next), "a second YAML document: a file holds one document (its content would be ignored)")
	}
	if len(root.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}, ds
	}
	return checked(file, root.Content[0], ds)
}

// checked adds to ds what the document n holds that Parse refuses, and
// returns n if nothing is wrong.
func checked(file string, n *yaml.Node, ds diag.List) (*yaml.Node, diag.List) {
	c := &checker{file: file, ds: &ds}
	c.check(n, 0)
	if c.aliases > 1 {
		ds[c.firstIndex].Message += fmt.Sprintf(" (and %d more anchors and aliases in this file)", c.aliases-1)
	}
	if ds.HasErrors() {
		return nil, ds
	}
	return n, nil
}

// checker walks a document for what Parse refuses. Anchors and aliases are
// reported once, at the first, with a count of the rest: a bomb is
// thousands of them.
type checker struct {
	file       string
	ds         *diag.List
	aliases    int
	firstIndex int // of the first one's diagnostic
}

func (c *checker) anchorOrAlias(n *yaml.Node, format string, args ...any) {
	c.aliases++
	if c.aliases == 1 {
		c.firstIndex = len(*c.ds)
		c.ds.Errorf("load", Pos(c.file, n), format, args...)
	}
}

func (c *checker) check(n *yaml.Node, depth int) {
	file, ds := c.file, c.ds
	if depth > MaxDepth {
		ds.Errorf("load", Pos(file, n), "nested more than %d levels deep", MaxDepth)
		return
	}
	if n.Kind == yaml.AliasNode {
		c.anchorOrAlias(n, "YAML aliases (*%s) are not allowed: write the value out", diag.Cut(n.Value))
		return
	}
	if n.Anchor != "" {
		c.anchorOrAlias(n, "YAML anchors (&%s) are not allowed: write each value out where it is used", diag.Cut(n.Anchor))
	}
	if n.Kind == yaml.MappingNode {
		seen := map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode {
				ds.Errorf("load", Pos(file, k), "a mapping key is a plain value, not a list or mapping")
				continue
			}
			if k.Tag == "!!merge" || k.Value == "<<" && k.Style == 0 {
				ds.Errorf("load", Pos(file, k), "YAML merge keys (<<) are not allowed: write the keys out")
				continue
			}
			if first, dup := seen[k.Value]; dup {
				ds.Errorf("load", Pos(file, k), "key %s is given twice in one mapping (first at line %d): one of them would be silently ignored", diag.Quote(k.Value), first.Line)
				continue
			}
			seen[k.Value] = k
		}
	}
	for _, ch := range n.Content {
		c.check(ch, depth+1)
	}
}

var lineRE = regexp.MustCompile(`^yaml: line (\d+): `)

// SyntaxError turns a yaml.v3 error into a diagnostic at its line.
func SyntaxError(file string, err error) diag.Diagnostic {
	msg := err.Error()
	line := 1
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	return diag.Diagnostic{Pos: diag.Position{File: file, Line: line, Col: 1}, Severity: diag.SeverityError, Message: "malformed YAML: " + diag.CutAt(msg, 200), Stage: "load"}
}

// Pos is the position of a node.
func Pos(file string, n *yaml.Node) diag.Position {
	if n == nil {
		return diag.Position{File: file, Line: 1, Col: 1}
	}
	return diag.Position{File: file, Line: n.Line, Col: n.Column}
}

// IsDate reports whether s is a day of the calendar written YYYY-MM-DD:
// 2023-02-30 is not.
func IsDate(s string) bool {
	if len(s) != len("2006-01-02") {
		return false
	}
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// Value converts a node to a JSON-like value: map[string]any, []any,
// json.Number, string, bool or nil. Numbers keep their text. Parse has
// refused aliases and duplicate keys.
func Value(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return nil, nil
		case "!!bool":
			var b bool
			if err := n.Decode(&b); err != nil {
				return nil, err
			}
			return b, nil
		case "!!int", "!!float":
			// The digits are kept as written; literal.Number decides what
			// a number may look like.
			if !numberish.MatchString(n.Value) {
				return nil, fmt.Errorf("%s is not a plain decimal number", diag.Cut(n.Value))
			}
			return json.Number(n.Value), nil
		}
		return n.Value, nil
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := Value(c)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		out := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := Value(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			out[n.Content[i].Value] = v
		}
		return out, nil
	}
	return nil, fmt.Errorf("unsupported YAML node")
}

// numberish rules out YAML's other number forms: hex, octal, binary,
// underscores, infinities and NaN.
var numberish = regexp.MustCompile(`^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$`)

// Pairs iterates over a mapping's keys and values in file order.
func Pairs(n *yaml.Node) [][2]*yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	out := make([][2]*yaml.Node, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		out = append(out, [2]*yaml.Node{n.Content[i], n.Content[i+1]})
	}
	return out
}
