package celenv

import (
	"fmt"
	"reflect"
	"sort"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
)

// Field is one typed field of a record type. An optional field may be
// absent; a rule tests it with has(self.field) before reading it.
type Field struct {
	Name     string
	Type     *types.Type
	Optional bool
}

// RecordType is a schema type seen from CEL: a struct with typed fields, so
// self.ration fails to compile where self.ratio is meant.
type RecordType struct {
	Name   string
	Fields []Field
}

// Record is a value of a RecordType. Absent optional fields are not in Fields.
type Record struct {
	TypeName string
	Fields   map[string]ref.Val
}

func (r *Record) ConvertToNative(t reflect.Type) (any, error) {
	if t == reflect.TypeOf(r) {
		return r, nil
	}
	return nil, fmt.Errorf("%s cannot be converted to %v", r.TypeName, t)
}

func (r *Record) ConvertToType(t ref.Type) ref.Val {
	if t == types.TypeType {
		return types.NewObjectType(r.TypeName)
	}
	if t.TypeName() == r.TypeName {
		return r
	}
	return types.NewErr("%s cannot be converted to %v", r.TypeName, t)
}

func (r *Record) Equal(other ref.Val) ref.Val {
	o, ok := other.(*Record)
	if !ok || o.TypeName != r.TypeName || len(o.Fields) != len(r.Fields) {
		return types.False
	}
	for k, v := range r.Fields {
		ov, ok := o.Fields[k]
		if !ok || v.Equal(ov) != types.True {
			return types.False
		}
	}
	return types.True
}

func (r *Record) Type() ref.Type { return types.NewObjectType(r.TypeName) }
func (r *Record) Value() any     { return r }

// provider answers the checker's and interpreter's questions about record
// types and hands everything else to CEL's own registry.
type provider struct {
	*types.Registry
	records map[string]RecordType
}

func newProvider(records []RecordType) (*provider, error) {
	reg, err := types.NewRegistry()
	if err != nil {
		return nil, err
	}
	p := &provider{Registry: reg, records: map[string]RecordType{}}
	for _, r := range records {
		p.records[r.Name] = r
	}
	return p, nil
}

func (p *provider) FindStructType(name string) (*types.Type, bool) {
	if _, ok := p.records[name]; ok {
		return types.NewTypeTypeWithParam(types.NewObjectType(name)), true
	}
	return p.Registry.FindStructType(name)
}

func (p *provider) FindStructFieldNames(name string) ([]string, bool) {
	r, ok := p.records[name]
	if !ok {
		return p.Registry.FindStructFieldNames(name)
	}
	names := make([]string, len(r.Fields))
	for i, f := range r.Fields {
		names[i] = f.Name
	}
	sort.Strings(names)
	return names, true
}

func (p *provider) FindStructFieldType(name, field string) (*types.FieldType, bool) {
	r, ok := p.records[name]
	if !ok {
		return p.Registry.FindStructFieldType(name, field)
	}
	for _, f := range r.Fields {
		if f.Name != field {
			continue
		}
		return &types.FieldType{
			Type: f.Type,
			IsSet: func(obj any) bool {
				rec, ok := obj.(*Record)
				if !ok {
					return false
				}
				_, set := rec.Fields[field]
				return set
			},
			GetFrom: func(obj any) (any, error) {
				rec, ok := obj.(*Record)
				if !ok {
					return nil, fmt.Errorf("not a %s", name)
				}
				v, set := rec.Fields[field]
				if !set {
					return nil, fmt.Errorf("%s.%s is not set (test it with has())", name, field)
				}
				return v, nil
			},
		}, true
	}
	return nil, false
}

func (p *provider) NewValue(name string, fields map[string]ref.Val) ref.Val {
	if _, ok := p.records[name]; ok {
		return types.NewErr("%s values cannot be built in an expression", name)
	}
	return p.Registry.NewValue(name, fields)
}

// NativeToValue lets polc's own values pass through the adapter unchanged.
func (p *provider) NativeToValue(v any) ref.Val {
	switch v := v.(type) {
	case Decimal:
		return v
	case *Record:
		return v
	}
	return p.Registry.NativeToValue(v)
}
