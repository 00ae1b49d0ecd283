package shape

import "strings"

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

// ParamTree returns the expanded parameters tree.
func (s *Shape) ParamTree() *ParamNode { return s.paramTree }

func (s *Shape) buildParamTree() *ParamNode {
	root := &ParamNode{Children: map[string]*ParamNode{}}
	for _, p := range s.Parameters {
		s.expand(root, p, p.Pattern)
	}
	return root
}

func (s *Shape) expand(n *ParamNode, p *Parameter, rest []string) {
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
func (s *Shape) LookupParam(path []string) (*ParamNode, bool) {
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
func (s *Shape) ParamPaths() []string { return s.paramPaths }

func (s *Shape) listParamPaths() []string {
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
func (s *Shape) SuggestParam(path string) string {
	return suggestFrom(path, s.ParamPaths())
}
