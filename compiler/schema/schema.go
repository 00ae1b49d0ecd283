// Package schema loads policies/schema.yaml: its shape (package shape —
// vocabularies, record types, parameters, exclusive categories) and the CEL
// rules records, scalars and parameters must meet, compiled. It is loaded
// before any policy and is immutable after Load.
package schema

import (
	"io"

	"github.com/polc-dev/polc/compiler/celenv"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/schema/shape"
)

// The schema's parts are its shape's.
type (
	Entry       = shape.Entry
	Vocabulary  = shape.Vocabulary
	Rule        = shape.Rule
	Type        = shape.Type
	FieldDef    = shape.FieldDef
	Scalar      = shape.Scalar
	Decision    = shape.Decision
	Parameter   = shape.Parameter
	Exclusion   = shape.Exclusion
	Comparisons = shape.Comparisons
	ParamNode   = shape.ParamNode
	TypeRef     = shape.TypeRef
)

// Schema is the loaded, checked schema: its shape and its compiled rules.
type Schema struct {
	*shape.Shape
	programs map[*Rule]compiled
}

// compiled is a rule's CEL programs: the test and its message.
type compiled struct {
	rule, message *celenv.Program
}

// Stage is the name schema problems are reported under.
const Stage = shape.Stage

// Load reads and checks a schema. Every problem is returned, each with the
// line it is on; a schema with any problem is not returned.
func Load(file string, r io.Reader) (*Schema, diag.List) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, diag.List{shape.Error(file, 1, 1, err.Error())}
	}
	sh, ds := shape.Parse(file, data)
	if ds.HasErrors() {
		return nil, ds
	}
	s := &Schema{Shape: sh, programs: map[*Rule]compiled{}}
	if errs := s.compileRules(); len(errs) > 0 {
		return nil, errs
	}
	return s, nil
}

// ParseTypeRef reads a type as the schema writes it.
func ParseTypeRef(text string) (TypeRef, error) { return shape.ParseTypeRef(text) }

// SuggestFrom returns ` (did you mean "x"?)` for the candidate closest to
// unknown, or "" when none is close.
func SuggestFrom(unknown string, candidates []string) string {
	return shape.SuggestFrom(unknown, candidates)
}

func schemaError(file string, line, col int, msg string) diag.Diagnostic {
	return shape.Error(file, line, col, msg)
}
