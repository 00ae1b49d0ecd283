package serve

import (
	"context"
	"net/http"
	"slices"

	"github.com/polc-dev/polc/harness"
	"github.com/polc-dev/polc/policy"
)

// regionsBody is GET /v1/regions: each region's document, its years, the
// ids a case may use there (with their labels) and its clauses in document
// order with the sentences the rules quote — what a client needs to write
// a case for a region, and a reviewer to see what each clause computes.
type regionsBody struct {
	Regions []regionEntry `json:"regions"`
	// Vocabularies are the shared ids with their Chinese labels.
	Vocabularies map[string][]idLabel `json:"vocabularies"`
}

type regionEntry struct {
	ID       string          `json:"id"`
	Area     string          `json:"area,omitempty"`
	Document policy.Document `json:"document"`
	Years    []int           `json:"years"`
	// Categories are the categories the region's rules name, and the
	// kinds of a named parent; ClaimKinds and HospitalLevels those the
	// rules tell apart (empty when they treat all alike).
	Categories     []string     `json:"categories"`
	ClaimKinds     []string     `json:"claim_kinds"`
	HospitalLevels []string     `json:"hospital_levels"`
	Clauses        []clauseInfo `json:"clauses"`
}

type idLabel struct {
	ID     string `json:"id"`
	Label  string `json:"label"`
	Parent string `json:"parent,omitempty"`
}

type clauseInfo struct {
	Clause string     `json:"clause"`
	Quotes []string   `json:"quotes"`
	Rules  []ruleInfo `json:"rules"`
	// Uncomputed are the region's reasons for not computing the clause.
	Uncomputed []string `json:"uncomputed,omitempty"`
}

type ruleInfo struct {
	Title    string `json:"title"`
	Decision string `json:"decision"`
	Pos      string `json:"pos"`
	// How says how a rule implements a clause not its own (custom.also).
	How string `json:"how,omitempty"`
}

// regionVocabularies are the vocabularies a case is written with.
var regionVocabularies = []string{"category", "claim_kind", "hospital_level", "residence", "enrollment_tier"}

func regionsJSON(ctx context.Context, set *policy.Set) ([]byte, error) {
	// The clause rows of the coverage report, without any case run.
	rcs, err := harness.Coverage(ctx, set, &harness.Summary{})
	if err != nil {
		return nil, err
	}
	s := set.Schema.Shape
	body := regionsBody{Regions: []regionEntry{}, Vocabularies: map[string][]idLabel{}}
	for _, v := range regionVocabularies {
		list := []idLabel{}
		if voc := s.Vocabulary(v); voc != nil {
			for _, e := range voc.Entries {
				list = append(list, idLabel{ID: e.ID, Label: e.Label, Parent: e.Parent})
			}
		}
		body.Vocabularies[v] = list
	}
	for _, rc := range rcs {
		r := set.Regions[rc.Region]
		named := harness.NamedIDs(set, rc.Region)
		e := regionEntry{ID: rc.Region, Area: r.Document.Area, Document: r.Document, Years: r.Document.Years,
			Categories: []string{}, ClaimKinds: named["claim_kind"], HospitalLevels: named["hospital_level"], Clauses: []clauseInfo{}}
		if voc := s.Vocabulary("category"); voc != nil {
			for _, id := range voc.IDs() {
				if slices.Contains(named["category"], id) || slices.ContainsFunc(s.Ancestors(id), func(a string) bool { return slices.Contains(named["category"], a) }) {
					e.Categories = append(e.Categories, id)
				}
			}
		}
		for _, row := range rc.Rows {
			ci := clauseInfo{Clause: row.Clause, Quotes: row.Quotes(), Rules: []ruleInfo{}, Uncomputed: row.Explained}
			if ci.Quotes == nil {
				ci.Quotes = []string{}
			}
			for _, ref := range row.Rules {
				ci.Rules = append(ci.Rules, ruleInfo{Title: ref.Rule.Title, Decision: ref.Rule.Decision, Pos: ref.Rule.Pos, How: ref.How})
			}
			e.Clauses = append(e.Clauses, ci)
		}
		body.Regions = append(body.Regions, e)
	}
	return harness.IndentedJSON(body)
}

func (s *Server) regions(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(s.cur.Load().regions)
}
