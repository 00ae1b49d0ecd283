package compiler

import (
	"bytes"
	"encoding/json"
)

// jsonNumbers round-trips a value from ast.JSON so its numbers become
// json.Number, keeping their literal text.
func jsonNumbers(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var out any
	if err := d.Decode(&out); err != nil {
		return v
	}
	return out
}

// decodeInto decodes a JSON-like value into a Go struct.
func decodeInto(v any, dst any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, dst)
}
