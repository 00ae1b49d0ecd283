package policy

import (
	"encoding/json"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// A reviewer must tell a number the document states from one a params
// file or a case supplied, and an illustrative one from a published one.
// What a rule yields has lost that: {"deductible": 4607.5} is a number.
// The rule's head has not: "deductible": input.params.critical.deductible
// names the parameter. So the compiler keeps, per decision rule, the
// parameter reference behind each field of its head, and evaluation
// resolves the reference's dynamic segments (basic[input.claim.kind]) with
// the input it evaluated, giving each record the parameter path behind
// each of its fields.

// HeadParams maps each field of a rule's head object whose value is read
// from input.params to that reference. A field read through a constant of
// the module (stable_terms := input.params.x; "ratio": stable_terms.ratio)
// is followed to the parameter.
func HeadParams(obj ast.Object, module *ast.Module) map[string]ast.Ref {
	var out map[string]ast.Ref
	obj.Foreach(func(k, v *ast.Term) {
		key, ok := k.Value.(ast.String)
		if !ok {
			return
		}
		ref, ok := v.Value.(ast.Ref)
		if !ok {
			return
		}
		if p := paramRef(ref, module); p != nil {
			if out == nil {
				out = map[string]ast.Ref{}
			}
			out[string(key)] = p
		}
	})
	return out
}

var (
	inputParams      = ast.MustParseRef("input.params")
	personCategories = ast.Ref{ast.StringTerm("person"), ast.StringTerm("categories")}
)

// paramRef is ref as a reference into input.params, or nil.
func paramRef(ref ast.Ref, module *ast.Module) ast.Ref {
	if ref.HasPrefix(inputParams) {
		return ref
	}
	head, ok := ref[0].Value.(ast.Var)
	if !ok || len(ref) < 2 {
		return nil
	}
	// A module constant: one rule of that name, a single value that is
	// itself a reference into input.params.
	var def ast.Ref
	for _, r := range module.Rules {
		if len(r.Head.Ref()) != 1 || r.Head.Name != head {
			continue
		}
		v, ok := r.Head.Value.Value.(ast.Ref)
		if def != nil || !ok || !v.HasPrefix(inputParams) || r.Else != nil || !r.Body.Equal(ast.NewBody(ast.NewExpr(ast.BooleanTerm(true)))) {
			return nil
		}
		def = v
	}
	if def == nil {
		return nil
	}
	return def.Concat(ref[1:])
}

// paramPaths resolves a reference into input.params against the input it
// was evaluated with: basic[input.claim.kind][input.claim.hospital_level]
// .ratio becomes basic.inpatient.2.ratio. A segment bound in the rule's
// body (by_category[c]) is every key present there; the caller picks by
// value.
func paramPaths(ref ast.Ref, input ast.Value) []string {
	params, err := input.Find(ast.Ref{ast.StringTerm("params")})
	if err != nil {
		return nil
	}
	var out []string
	var walk func(node ast.Value, i int, segs []string)
	walk = func(node ast.Value, i int, segs []string) {
		if i == len(ref) {
			out = append(out, strings.Join(segs, "."))
			return
		}
		obj, ok := node.(ast.Object)
		if !ok {
			return
		}
		v := ref[i].Value
		if r, ok := v.(ast.Ref); ok {
			if !r.HasPrefix(ast.InputRootRef) {
				return
			}
			found, err := input.Find(r[1:])
			if err != nil {
				return
			}
			v = found
		}
		var keys []*ast.Term
		switch v := v.(type) {
		case ast.String:
			keys = []*ast.Term{ast.NewTerm(v)}
		case ast.Number:
			keys = []*ast.Term{ast.StringTerm(json.Number(v).String())}
		case ast.Var:
			keys = obj.Keys()
		}
		for _, k := range keys {
			child := obj.Get(k)
			key, ok := k.Value.(ast.String)
			if child == nil || !ok {
				continue
			}
			walk(child.Value, i+1, append(segs[:len(segs):len(segs)], string(key)))
		}
	}
	walk(params, 2, nil)
	return out
}

// withParams gives each record the parameter path behind each field read
// from input.params: of the paths the reference may name, the ones whose
// value is the field's, preferring a key that is one of the person's
// categories (by_category[c] with c the person's category).
func withParams(recs []Record, input ast.Value) {
	var cats []string
	if v, err := input.Find(personCategories); err == nil {
		if set, ok := v.(ast.Set); ok {
			set.Foreach(func(t *ast.Term) {
				if s, ok := t.Value.(ast.String); ok {
					cats = append(cats, string(s))
				}
			})
		} else if arr, ok := v.(*ast.Array); ok {
			arr.Foreach(func(t *ast.Term) {
				if s, ok := t.Value.(ast.String); ok {
					cats = append(cats, string(s))
				}
			})
		}
	}
	for i := range recs {
		dr := recs[i].Rule
		if dr == nil || len(dr.ParamRefs) == 0 {
			continue
		}
		m := make(map[string]string, len(dr.ParamRefs))
		for field, ref := range dr.ParamRefs {
			want, err := ast.InterfaceToValue(recs[i].Fields[field])
			if err != nil {
				continue
			}
			best, bestScore := "", -1
			for _, p := range paramPaths(ref, input) {
				v, err := input.Find(pathRef(p))
				if err != nil || v.Compare(want) != 0 {
					continue
				}
				score := 0
				for _, c := range cats {
					if strings.Contains("."+p+".", "."+c+".") {
						score = 1
					}
				}
				if score > bestScore || (score == bestScore && p < best) {
					best, bestScore = p, score
				}
			}
			if best != "" {
				m[field] = best
			}
		}
		recs[i].Params = m
	}
}

// pathRef is a dotted parameter path as a reference under the input:
// params["basic"]["inpatient"]["2"].
func pathRef(p string) ast.Ref {
	segs := strings.Split(p, ".")
	ref := make(ast.Ref, 0, len(segs)+1)
	ref = append(ref, ast.StringTerm("params"))
	for _, s := range segs {
		ref = append(ref, ast.StringTerm(s))
	}
	return ref
}
