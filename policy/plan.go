package policy

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/polc-dev/polc/compiler/literal"
	"github.com/polc-dev/polc/compiler/schema"
)

// Figure is a number in a plan with the clause of the rule that gave it.
type Figure struct {
	Value  decimal.Decimal
	Clause string
	Param  string // the parameter it was read from, if any
}

// Band is one band of a banded ratio. Upto is the absolute accumulated
// amount where it ends; nil means it has no end.
type Band struct {
	Upto  *decimal.Decimal
	Ratio decimal.Decimal
}

// Tilt is one tilt a rule states for a tier, applied by the settlement.
type Tilt struct {
	DeductibleFactor *decimal.Decimal
	RatioAdd         *decimal.Decimal
	RatioFloor       *decimal.Decimal
	RemoveCap        bool
	Clause           string
}

// Terms are one tier's terms for a claim context, merged from every plan
// rule that contributed to the tier.
type Terms struct {
	Tier            string
	Deductible      *Figure
	DeductibleBasis string // annual | per_claim
	Ratio           *Figure
	Bands           []Band
	BandsClause     string
	BandsParam      string
	AnnualCap       *Figure // nil with CapGiven: no annual cap
	CapGiven        bool
	CapGroup        string
	Target          *Figure
	Limit           *Figure
	HospitalBears   bool
	Tilts           []Tilt
	Counting        *Counting
	Clauses         []string // every clause that contributed, in rule order
}

// Counting weighs an uninsured claim's in-scope cost for a tier: the part
// below the basic deductible and the part above it.
type Counting struct {
	BelowBasicDeductible decimal.Decimal
	AboveBasicDeductible decimal.Decimal
	Clause               string
}

// Plan is the terms of every tier for one claim context.
type Plan struct {
	Context Context
	Tiers   map[string]*Terms
	// Rules are the keys of the rules whose records made the plan, for
	// clause coverage.
	Rules []string
	// Params are the parameters its records were read from, sorted.
	Params []string
}

// Tier returns a tier's terms, or nil if the plan does not cover it.
func (p *Plan) Tier(id string) *Terms { return p.Tiers[id] }

// Conflict is two plan rules giving one field of one tier different values.
type Conflict struct {
	Tier, Field string
	A, B        Record
}

func (c Conflict) String() string {
	return fmt.Sprintf("%s.%s: %s (clause %s) and %s (clause %s) disagree", c.Tier, c.Field,
		ShowValue(c.A.Fields[c.Field]), c.A.Clause, ShowValue(c.B.Fields[c.Field]), c.B.Clause)
}

// ShowValue is a JSON-like value as JSON, for messages.
func ShowValue(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// BuildPlan merges plan records into terms. Two records that give the same
// field of the same tier different values are a conflict: the plan is not
// built from them, and every conflict is returned.
func BuildPlan(s *schema.Schema, ctx Context, recs []Record) (*Plan, []Conflict, error) {
	p := &Plan{Context: ctx, Tiers: map[string]*Terms{}}
	var conflicts []Conflict
	owner := map[string]Record{} // tier.field → the record that set it
	tilts := map[string][]Record{}
	for _, rec := range recs {
		if rec.Rule != nil {
			p.Rules = append(p.Rules, rec.Rule.Key)
		}
		for _, path := range rec.Params {
			p.Params = append(p.Params, path)
		}
		tier, _ := rec.Fields["tier"].(string)
		t := p.Tiers[tier]
		if t == nil {
			entry, _ := s.Vocabulary("tier").Get(tier)
			t = &Terms{Tier: tier}
			if entry != nil {
				t.DeductibleBasis, t.CapGroup = entry.Deductible, entry.CapGroup
			}
			p.Tiers[tier] = t
		}
		t.Clauses = appendUnique(t.Clauses, rec.Clause)
		fields := make([]string, 0, len(rec.Fields))
		for f := range rec.Fields {
			fields = append(fields, f)
		}
		sort.Strings(fields)
		for _, f := range fields {
			if f == "tier" {
				continue
			}
			if f == "tilt" {
				tilts[tier] = append(tilts[tier], rec)
				continue
			}
			key := tier + "." + f
			if prev, ok := owner[key]; ok {
				if !SameValue(prev.Fields[f], rec.Fields[f]) {
					conflicts = append(conflicts, Conflict{Tier: tier, Field: f, A: prev, B: rec})
				}
				continue
			}
			owner[key] = rec
			if err := t.set(f, rec.Fields[f], rec.Clause, rec.Params[f]); err != nil {
				return nil, nil, fmt.Errorf("%s.%s from %s: %v", tier, f, rulePos(rec), err)
			}
		}
	}
	for tier, recs := range tilts {
		ops := map[string]Record{}
		for _, rec := range recs {
			m, _ := rec.Fields["tilt"].(map[string]any)
			tl := Tilt{Clause: rec.Clause}
			names := make([]string, 0, len(m))
			for op := range m {
				names = append(names, op)
			}
			sort.Strings(names)
			for _, op := range names {
				if prev, ok := ops[op]; ok {
					pm, _ := prev.Fields["tilt"].(map[string]any)
					if !SameValue(pm[op], m[op]) {
						conflicts = append(conflicts, Conflict{Tier: tier, Field: "tilt." + op, A: prev, B: rec})
					}
					continue
				}
				ops[op] = rec
				if err := tl.set(op, m[op]); err != nil {
					return nil, nil, fmt.Errorf("%s tilt %s from %s: %v", tier, op, rulePos(rec), err)
				}
			}
			p.Tiers[tier].Tilts = append(p.Tiers[tier].Tilts, tl)
		}
	}
	sort.Strings(p.Params)
	p.Params = slices.Compact(p.Params)
	return p, conflicts, nil
}

func rulePos(r Record) string {
	if r.Rule != nil {
		return r.Rule.Pos
	}
	return "a rule"
}

func appendUnique(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// SameValue compares two JSON-like values, numbers by their decimal value.
func SameValue(a, b any) bool {
	an, aok := a.(json.Number)
	bn, bok := b.(json.Number)
	if aok && bok {
		ad, e1 := decimal.NewFromString(string(an))
		bd, e2 := decimal.NewFromString(string(bn))
		return e1 == nil && e2 == nil && ad.Equal(bd)
	}
	am, aok := a.(map[string]any)
	bm, bok := b.(map[string]any)
	if aok && bok {
		if len(am) != len(bm) {
			return false
		}
		for k, v := range am {
			if !SameValue(v, bm[k]) {
				return false
			}
		}
		return true
	}
	al, aok := a.([]any)
	bl, bok := b.([]any)
	if aok && bok {
		if len(al) != len(bl) {
			return false
		}
		for i := range al {
			if !SameValue(al[i], bl[i]) {
				return false
			}
		}
		return true
	}
	return ShowValue(a) == ShowValue(b)
}

func figure(v any, clause, param string) (*Figure, error) {
	d, err := literal.Number(v)
	if err != nil {
		return nil, err
	}
	return &Figure{Value: d, Clause: clause, Param: param}, nil
}

func (t *Terms) set(field string, v any, clause, param string) error {
	var err error
	switch field {
	case "deductible":
		t.Deductible, err = figure(v, clause, param)
	case "deductible_basis":
		t.DeductibleBasis, _ = v.(string)
	case "ratio":
		t.Ratio, err = figure(v, clause, param)
	case "bands":
		t.BandsClause, t.BandsParam = clause, param
		items, _ := v.([]any)
		for _, it := range items {
			m, _ := it.(map[string]any)
			var b Band
			if b.Ratio, err = literal.Number(m["ratio"]); err != nil {
				return err
			}
			if m["upto"] != nil {
				u, err := literal.Number(m["upto"])
				if err != nil {
					return err
				}
				b.Upto = &u
			}
			t.Bands = append(t.Bands, b)
		}
	case "annual_cap":
		t.CapGiven = true
		if v != nil {
			t.AnnualCap, err = figure(v, clause, param)
		}
	case "cap_group":
		t.CapGroup, _ = v.(string)
	case "target":
		t.Target, err = figure(v, clause, param)
	case "limit":
		t.Limit, err = figure(v, clause, param)
	case "hospital_bears":
		t.HospitalBears, _ = v.(bool)
	case "counting":
		m, _ := v.(map[string]any)
		c := &Counting{Clause: clause}
		if c.BelowBasicDeductible, err = literal.Number(m["below_basic_deductible"]); err != nil {
			return err
		}
		if c.AboveBasicDeductible, err = literal.Number(m["above_basic_deductible"]); err != nil {
			return err
		}
		t.Counting = c
	default:
		return fmt.Errorf("unknown field")
	}
	return err
}

func (tl *Tilt) set(op string, v any) error {
	if op == "remove_cap" {
		tl.RemoveCap, _ = v.(bool)
		return nil
	}
	d, err := literal.Number(v)
	if err != nil {
		return err
	}
	switch op {
	case "deductible_factor":
		tl.DeductibleFactor = &d
	case "ratio_add":
		tl.RatioAdd = &d
	case "ratio_floor":
		tl.RatioFloor = &d
	default:
		return fmt.Errorf("unknown tilt operation")
	}
	return nil
}

// Missing lists the fields a tier requires that the terms lack. A tier with
// ratio may stand in for bands and the other way round.
func (t *Terms) Missing(s *schema.Schema) []string {
	entry, ok := s.Vocabulary("tier").Get(t.Tier)
	if !ok {
		return nil
	}
	var out []string
	for _, f := range entry.Required {
		present := false
		switch f {
		case "deductible":
			present = t.Deductible != nil
		case "ratio", "bands":
			present = t.Ratio != nil || len(t.Bands) > 0
		case "annual_cap":
			present = t.CapGiven
		case "target":
			present = t.Target != nil
		case "limit":
			present = t.Limit != nil
		case "hospital_bears":
			present = true // false when not given
		default:
			present = true
		}
		if !present {
			out = append(out, f)
		}
	}
	return out
}

// Describe lists the tier ids of a plan, for messages.
func (p *Plan) Describe() string {
	ids := make([]string, 0, len(p.Tiers))
	for id := range p.Tiers {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return strings.Join(ids, ", ")
}
