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

// The parts of its shape the schema's own methods take.
type (
	Rule      = shape.Rule
	Type      = shape.Type
	Parameter = shape.Parameter
	ParamNode = shape.ParamNode
	TypeRef   = shape.TypeRef
)

// Schema is the loaded, checked schema: its shape and its compiled rules.
type Schema struct {
	*shape.Shape
	programs map[*Rule]compiled
	paramEnv *celenv.Env
}

// compiled is a rule's CEL programs: the test and its message.
type compiled struct {
	rule, message *celenv.Program
}

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
