package shape

import (
	"fmt"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// Suggest returns ` (did you mean "x"?)` when an id of the vocabulary is
// close to the unknown one, or "".
func (s *Shape) Suggest(vocabulary, unknown string) string {
	v := s.Vocabularies[vocabulary]
	if v == nil {
		return ""
	}
	return suggestFrom(unknown, v.IDs())
}

// SuggestAny looks for a close id in every vocabulary.
func (s *Shape) SuggestAny(unknown string) string {
	var all []string
	for _, v := range s.Vocabularies {
		all = append(all, v.IDs()...)
	}
	return suggestFrom(unknown, all)
}

// maxSuggestible is the longest unknown name a suggestion is looked for.
const maxSuggestible = 80

// SuggestFrom returns ` (did you mean "x"?)` for the candidate closest to
// unknown, or "" when none is close.
func SuggestFrom(unknown string, candidates []string) string { return suggestFrom(unknown, candidates) }

func suggestFrom(unknown string, candidates []string) string {
	// An edit distance costs the product of the lengths: a hostile input's
	// megabyte key would take minutes. No id is that long; suggest nothing.
	if len(unknown) > maxSuggestible {
		return ""
	}
	best, bestDist := "", 4
	n := utf8.RuneCountInString(unknown)
	for _, c := range candidates {
		// The distance is at least the difference in length.
		if diff := n - utf8.RuneCountInString(c); diff >= bestDist || -diff >= bestDist {
			continue
		}
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
