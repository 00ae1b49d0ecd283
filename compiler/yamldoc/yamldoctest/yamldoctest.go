// Package yamldoctest writes a YAML document's nodes as JSON, for tests
// that send case files as an API client would (JSON) and hold the JSON
// reading to the YAML one.
package yamldoctest

import (
	"bytes"
	"encoding/json"
	"fmt"

	"gopkg.in/yaml.v3"
)

// JSON writes n as compact JSON: mappings' keys in the document's order,
// scalars yaml.v3 tagged !!int, !!float, !!bool or !!null as written (an
// error if that is not JSON), every other scalar as a string. A node JSON
// cannot hold (an alias, a document) is an error.
func JSON(n *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	if err := write(&buf, n); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func write(buf *bytes.Buffer, n *yaml.Node) error {
	switch n.Kind {
	case yaml.MappingNode:
		buf.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				buf.WriteByte(',')
			}
			k, _ := json.Marshal(n.Content[i].Value)
			buf.Write(k)
			buf.WriteByte(':')
			if err := write(buf, n.Content[i+1]); err != nil {
				return err
			}
		}
		buf.WriteByte('}')
	case yaml.SequenceNode:
		buf.WriteByte('[')
		for i, item := range n.Content {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := write(buf, item); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!int", "!!float", "!!bool", "!!null":
			if !json.Valid([]byte(n.Value)) {
				return fmt.Errorf("%d:%d: %q is not a JSON value", n.Line, n.Column, n.Value)
			}
			buf.WriteString(n.Value)
		default:
			s, _ := json.Marshal(n.Value)
			buf.Write(s)
		}
	default:
		return fmt.Errorf("%d:%d: a YAML node JSON has not", n.Line, n.Column)
	}
	return nil
}
