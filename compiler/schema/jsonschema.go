package schema

// InputJSONSchema derives the JSON Schema of a region module's `input` from
// the Input record type, for OPA's type checker. Every object is closed
// (additionalProperties: false), which is what turns a misspelt
// input.person.categorie into a type error.
func (s *Schema) InputJSONSchema() map[string]any {
	return s.jsonRecord(s.Types["Input"])
}

func (s *Schema) jsonRecord(t *Type) map[string]any {
	props := map[string]any{}
	var required []any
	for _, f := range t.Fields {
		props[f.Name] = s.jsonType(f.Type)
		if !f.Type.Optional {
			required = append(required, f.Name)
		}
	}
	out := map[string]any{"type": "object", "additionalProperties": false, "properties": props}
	if len(required) > 0 {
		out["required"] = required
	}
	return out
}

func (s *Schema) jsonType(t TypeRef) map[string]any {
	var el map[string]any
	switch {
	case t.Name == "int":
		el = map[string]any{"type": "integer"}
	case t.Name == "bool":
		el = map[string]any{"type": "boolean"}
	case t.Name == "string":
		el = map[string]any{"type": "string"}
	case t.Name == "Params":
		el = s.jsonParams(s.ParamTree())
	case s.Vocabularies[t.Name] != nil:
		ids := []any{}
		for _, id := range s.Vocabularies[t.Name].IDs() {
			ids = append(ids, id)
		}
		el = map[string]any{"type": "string", "enum": ids}
	case s.Scalars[t.Name] != nil:
		el = map[string]any{"type": "number"}
	default:
		el = s.jsonRecord(s.Types[t.Name])
	}
	if t.List {
		return map[string]any{"type": "array", "items": el}
	}
	return el
}

func (s *Schema) jsonParams(n *ParamNode) map[string]any {
	if n.Leaf != nil {
		t := n.Leaf.Type
		if s.Scalars[t.Name] != nil && !t.List {
			return map[string]any{"type": "number"}
		}
		return s.jsonType(t)
	}
	props := map[string]any{}
	for _, k := range n.Keys {
		props[k] = s.jsonParams(n.Children[k])
	}
	return map[string]any{"type": "object", "additionalProperties": false, "properties": props}
}
