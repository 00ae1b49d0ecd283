package policy

import (
	"sort"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/params"
	"github.com/polc-dev/polc/compiler/sandbox"
)

// Region is one compiled document: its module, metadata, params and the
// prepared queries for its decisions.
type Region struct {
	ID       string
	File     string // as shown in diagnostics
	Module   *ast.Module
	Document Document
	Params   *params.File
	Bounds   []params.Bound
	Coverage []Coverage

	// Rules are the decision rules with their clauses, by the key the
	// compiler attached to what each yields.
	Rules map[string]*DecisionRule

	// source is the module's text as read and compiled (Source).
	source []byte
	// What the compiler builds for evaluation (build.go): the module and
	// its generated evaluation form compiled, the guard every evaluation
	// runs under, and each decision rule's generated rule, by rule key.
	compiled  *ast.Compiler
	guard     *sandbox.Guard
	generated map[string]string
	queries   map[string]*rego.PreparedEvalQuery
	// decisionAttrs is what each decision's rules may read, together.
	decisionAttrs map[string]map[string]bool
	// readParams are the patterns of the parameters the region reads;
	// ruleParams those each decision rule reads, by rule key.
	readParams []string
	ruleParams map[string][]string
	// boundaries are the constants the rules compare attributes with, for
	// the context space (space.go).
	boundaries Boundaries
	// years holds the params of each document year, resolved at compile
	// time; checkYears the same with stand-ins for open parameters.
	years, checkYears map[int]*Params
	// validated holds what Validate found of each distinct record, and
	// nValidated how many it holds (Validate bounds it: maxValidated).
	validated  sync.Map
	nValidated atomic.Int64
}

// DecisionRule is one rule of a decision, as the compiler saw it.
type DecisionRule struct {
	Key      string // the value of the _rule key attached to its output
	Decision string
	Clause   string
	Title    string
	Pos      string
	Rule     *ast.Rule
	// Quote is the sentence(s) of the document the rule implements,
	// verbatim (custom.quote); Readings the choices it makes where the
	// text admits more than one reading (custom.reading).
	Quote    []string
	Readings []Reading
	// Also are other clauses the rule implements by its rank or by the
	// selection among rules it takes part in (custom.also).
	Also []Also
	// ParamRefs are the references into input.params behind the fields
	// of the rule's head (see provenance.go).
	ParamRefs map[string]ast.Ref
}

// Also is a clause a rule implements besides its own, and how.
type Also struct {
	Clause, How string
}

// Reading is one declared reading of an ambiguous text: the phrase, how
// the rule reads it, and the reading it did not take.
type Reading struct {
	Text        string `json:"text"`
	Chosen      string `json:"chosen"`
	Alternative string `json:"alternative"`
}

// Document is a region module's `document`: what it encodes.
type Document struct {
	Title       string `json:"title"`
	Number      string `json:"number"`
	Issuer      string `json:"issuer"`
	Issued      string `json:"issued"`
	InForceFrom string `json:"in_force_from"`
	InForceTo   string `json:"in_force_to,omitempty"`
	Supersedes  string `json:"supersedes,omitempty"`
	Years       []int  `json:"years"`
	Seed        string `json:"seed,omitempty"`
	// Area is the area the document governs, as the document names it
	// (黔南州), for reviewers.
	Area string `json:"area,omitempty"`
	// Clauses lists every clause id of the document, for the clause
	// coverage report.
	Clauses []string `json:"clauses,omitempty"`
}

// HasYear reports whether the document's rules apply to a benefit year.
func (d Document) HasYear(y int) bool {
	for _, dy := range d.Years {
		if dy == y {
			return true
		}
	}
	return false
}

// YearsText lists the document's years in order, for messages.
func (d Document) YearsText() string { return cases.YearsText(d.Years) }

// Coverage is a region's statement that a tier covers some categories, so a
// context without terms for it is a gap.
type Coverage struct {
	Tier         string
	Categories   []string
	ClaimKinds   []string
	ReferredOnly bool
	Clause       string
	Rule         *DecisionRule
}

// RuleKeys lists the region's decision rules in their order in the module.
func (r *Region) RuleKeys() []string {
	keys := make([]string, 0, len(r.Rules))
	for k := range r.Rules {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return r.Rules[keys[i]].Before(r.Rules[keys[j]]) })
	return keys
}

// Before orders decision rules by their place in the module.
func (a *DecisionRule) Before(b *DecisionRule) bool {
	la, lb := a.Rule.Location, b.Rule.Location
	if la.File != lb.File {
		return la.File < lb.File
	}
	if la.Row != lb.Row {
		return la.Row < lb.Row
	}
	return la.Col < lb.Col
}

// Position is where the rule stands in its module.
func (dr *DecisionRule) Position() diag.Position {
	loc := dr.Rule.Location
	return diag.Position{File: loc.File, Line: loc.Row, Col: loc.Col}
}

// Source is the module's text as it was read and compiled: the positions
// of Module and of every DecisionRule point into it (polc build rewrites
// it at those positions).
func (r *Region) Source() []byte { return r.source }
