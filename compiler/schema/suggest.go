package schema

import (
	"fmt"

	"github.com/agnivade/levenshtein"
)

// Suggest returns ` (did you mean "x"?)` when an id of the vocabulary is
// close to the unknown one, or "".
func (s *Schema) Suggest(vocabulary, unknown string) string {
	v := s.Vocabularies[vocabulary]
	if v == nil {
		return ""
	}
	return suggestFrom(unknown, v.IDs())
}

// SuggestAny looks for a close id in every vocabulary.
func (s *Schema) SuggestAny(unknown string) string {
	var all []string
	for _, v := range s.Vocabularies {
		all = append(all, v.IDs()...)
	}
	return suggestFrom(unknown, all)
}

// SuggestFrom returns ` (did you mean "x"?)` for the candidate closest to
// unknown, or "" when none is close.
func SuggestFrom(unknown string, candidates []string) string { return suggestFrom(unknown, candidates) }

func suggestFrom(unknown string, candidates []string) string {
	best, bestDist := "", 4
	for _, c := range candidates {
		d := levenshtein.ComputeDistance(unknown, c)
		if d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	if best == "" || bestDist > len(unknown)/2 {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}
