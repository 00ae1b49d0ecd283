package schema

import (
	"fmt"
	"sort"
	"strings"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/polc-dev/polc/compiler/celenv"
)

// ParamNode is a node of the parameters tree with every placeholder
// expanded: assistance.by_category.<category>.ratio becomes one branch per
// category. Interior nodes are records for CEL and objects for OPA.
type ParamNode struct {
	Path     []string
	Children map[string]*ParamNode
	Keys     []string   // children in schema order
	Leaf     *Parameter // set on leaves
}

// RecordName is the CEL record type of an interior node.
func (n *ParamNode) RecordName() string {
	if len(n.Path) == 0 {
		return "Params"
	}
	return "Params." + strings.Join(n.Path, ".")
}

// ParamTree returns the expanded parameters tree (built once).
func (s *Schema) ParamTree() *ParamNode {
	if s.paramTree != nil {
		return s.paramTree
	}
	root := &ParamNode{Children: map[string]*ParamNode{}}
	for _, p := range s.Parameters {
		s.expand(root, p, p.Pattern)
	}
	s.paramTree = root
	return root
}

func (s *Schema) expand(n *ParamNode, p *Parameter, rest []string) {
	if len(rest) == 0 {
		n.Leaf = p
		return
	}
	segs := []string{rest[0]}
	if v, ok := placeholder(rest[0]); ok {
		segs = s.Vocabularies[v].IDs()
	}
	for _, seg := range segs {
		child := n.Children[seg]
		if child == nil {
			path := append(append([]string{}, n.Path...), seg)
			child = &ParamNode{Path: path, Children: map[string]*ParamNode{}}
			n.Children[seg] = child
			n.Keys = append(n.Keys, seg)
		}
		s.expand(child, p, rest[1:])
	}
}

// LookupParam finds the parameter at a concrete path such as
// assistance.by_category.dibao.ratio, or the interior node there.
func (s *Schema) LookupParam(path []string) (*ParamNode, bool) {
	n := s.ParamTree()
	for _, seg := range path {
		c, ok := n.Children[seg]
		if !ok {
			return nil, false
		}
		n = c
	}
	return n, true
}

// ParamPaths lists every concrete parameter path, in schema order.
func (s *Schema) ParamPaths() []string {
	s.paramPathsOnce.Do(func() { s.paramPaths = s.listParamPaths() })
	return s.paramPaths
}

func (s *Schema) listParamPaths() []string {
	var all []string
	var walk func(n *ParamNode)
	walk = func(n *ParamNode) {
		if n.Leaf != nil {
			all = append(all, strings.Join(n.Path, "."))
		}
		for _, k := range n.Keys {
			walk(n.Children[k])
		}
	}
	walk(s.ParamTree())
	return all
}

// SuggestParam names the closest parameter path to an unknown one.
func (s *Schema) SuggestParam(path string) string {
	return suggestFrom(path, s.ParamPaths())
}

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

// ParamEnv is the environment derived parameters are compiled in.
func (s *Schema) ParamEnv() (*celenv.Env, error) {
	return celenv.New(s.recordTypes(), s.paramVariables())
}

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
