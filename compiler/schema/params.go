package schema

import (
	"fmt"
	"sort"
	"strings"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/polc-dev/polc/compiler/celenv"
)

func (s *Schema) paramRecordTypes() []celenv.RecordType {
	var out []celenv.RecordType
	var walk func(n *ParamNode)
	walk = func(n *ParamNode) {
		if n.Leaf != nil {
			return
		}
		rt := celenv.RecordType{Name: n.RecordName()}
		for _, k := range n.Keys {
			c := n.Children[k]
			rt.Fields = append(rt.Fields, celenv.Field{Name: k, Type: s.paramCELType(c), Optional: true})
			walk(c)
		}
		out = append(out, rt)
	}
	walk(s.ParamTree())
	return out
}

func (s *Schema) paramCELType(n *ParamNode) *types.Type {
	if n.Leaf != nil {
		return s.celType(n.Leaf.Type)
	}
	return types.NewObjectType(n.RecordName())
}

// paramVariables declares each top-level parameter as a CEL variable, so a
// derived parameter reads income.per_capita_disposable, typed.
func (s *Schema) paramVariables() map[string]*types.Type {
	vars := map[string]*types.Type{}
	root := s.ParamTree()
	for _, k := range root.Keys {
		vars[k] = s.paramCELType(root.Children[k])
	}
	return vars
}

// ParamEnv is the environment derived parameters are compiled in, built
// with the schema (CEL environments are immutable and safe to share).
func (s *Schema) ParamEnv() *celenv.Env { return s.paramEnv }

// ParamActivation converts a resolved params tree (nested maps of plain
// values) into CEL variables, checking each leaf against its type (its
// CEL rules were checked when the value was given).
func (s *Schema) ParamActivation(tree map[string]any) (map[string]any, []Violation) {
	var vs []Violation
	root := s.ParamTree()
	vars := map[string]any{}
	for _, k := range root.Keys {
		if v, ok := tree[k]; ok {
			if cv := s.paramValue(root.Children[k], v, &vs); cv != nil {
				vars[k] = cv
			}
		} else if root.Children[k].Leaf == nil {
			vars[k] = &celenv.Record{TypeName: root.Children[k].RecordName(), Fields: map[string]ref.Val{}}
		}
	}
	return vars, vs
}

func (s *Schema) paramValue(n *ParamNode, v any, vs *[]Violation) ref.Val {
	path := strings.Join(n.Path, ".")
	if n.Leaf != nil {
		var local []Violation
		out := s.convert(n.Leaf.Type, v, "", &local, false)
		for _, l := range local {
			l.Path = path + l.Path
			*vs = append(*vs, l)
		}
		return out
	}
	obj, ok := v.(map[string]any)
	if !ok {
		*vs = append(*vs, Violation{Path: path, Message: "want an object", Value: show(v)})
		return nil
	}
	rec := &celenv.Record{TypeName: n.RecordName(), Fields: map[string]ref.Val{}}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c, ok := n.Children[k]
		if !ok {
			full := strings.Join(append(append([]string{}, n.Path...), k), ".")
			*vs = append(*vs, Violation{Path: full, Message: fmt.Sprintf("%s is not a parameter of the schema%s", full, s.SuggestParam(full))})
			continue
		}
		if cv := s.paramValue(c, obj[k], vs); cv != nil {
			rec.Fields[k] = cv
		}
	}
	return rec
}
