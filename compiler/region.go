package compiler

import (
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/polc-dev/polc/cases"
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

	source   []byte
	fsName   string
	failed   bool
	compiled *ast.Compiler // the module and its generated evaluation form
	guard    *sandbox.Guard
	// generated names each decision rule's generated rule, and reads what
	// it may read of the input, by rule key.
	generated map[string]string
	reads     map[string]*ruleReads
	// decisionAttrs is what each decision's rules may read, together.
	decisionAttrs map[string]map[string]bool
	// readParams are the patterns of the parameters the region reads.
	readParams []string
	// ruleParams are the patterns of the parameters each decision rule
	// reads, by rule key.
	ruleParams map[string][]string
	queries    map[string]*rego.PreparedEvalQuery
	// boundaries are the constants the rules compare attributes with, for
	// the exhaustive context space.
	boundaries boundaries
	// years holds the params of each document year, resolved at compile
	// time; checkYears the same with stand-ins for open parameters.
	years, checkYears map[int]*Params
	// validated holds what Validate found of each distinct record.
	validated sync.Map
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

// Source is the module's text as it was read and compiled: the positions
// of Module and of every DecisionRule point into it (polc build rewrites
// it at those positions).
func (r *Region) Source() []byte { return r.source }
