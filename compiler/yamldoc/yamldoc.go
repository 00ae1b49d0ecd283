// Package yamldoc reads YAML the way polc needs it: every node keeps its
// line and column for error messages, and numbers keep their literal text
// (as json.Number) so money never passes through float64.
package yamldoc

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/polc-dev/polc/compiler/diag"
)

// Parse reads one YAML document. A syntax error comes back with the line
// yaml.v3 names.
func Parse(file string, data []byte) (*yaml.Node, *diag.Diagnostic) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		d := SyntaxError(file, err)
		return nil, &d
	}
	if len(root.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}, nil
	}
	return root.Content[0], nil
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
	return diag.Diagnostic{Pos: diag.Position{File: file, Line: line, Col: 1}, Severity: diag.SeverityError, Message: "malformed YAML: " + msg, Stage: "load"}
}

// Pos is the position of a node.
func Pos(file string, n *yaml.Node) diag.Position {
	if n == nil {
		return diag.Position{File: file, Line: 1, Col: 1}
	}
	return diag.Position{File: file, Line: n.Line, Col: n.Column}
}

// Value converts a node to a JSON-like value: map[string]any, []any,
// json.Number, string, bool or nil. Numbers keep their text.
func Value(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.AliasNode:
		return Value(n.Alias)
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
			if _, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64); err != nil || strings.ContainsAny(n.Value, "xXoObB_") {
				return nil, fmt.Errorf("%s is not a plain decimal number", n.Value)
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
			k := n.Content[i].Value
			if _, dup := out[k]; dup {
				return nil, fmt.Errorf("key %q appears twice", k)
			}
			v, err := Value(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			out[k] = v
		}
		return out, nil
	}
	return nil, fmt.Errorf("unsupported YAML node")
}

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
