package harness

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler/params"
	"github.com/polc-dev/polc/compiler/schema/shape"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle"
)

// Comparison is one person and bill settled in several regions side by
// side (polc compare). Each region settles with its own params file. The
// case's `params:` are the open numbers the case gives; in another region
// one applies only where it is an open number there too: a number no rule
// of the region reads means nothing to it (polc settle refuses one), and a
// number the region's document fixes or derives by its own formula is the
// document's, not the case's. Every one not applied is listed for the
// region with the reason, never dropped unsaid. (In the case's own region
// every param applies, as in polc settle.)
type Comparison struct {
	Case       string   `json:"case"`
	Region     string   `json:"region"` // the region the case file names
	Title      string   `json:"title,omitempty"`
	Year       int      `json:"year"`
	Categories []string `json:"categories"`
	// Regions are the regions compared, in the order asked for.
	Regions []RegionComparison `json:"regions"`
	// NotCompared are the regions left out because their documents do not
	// cover the case year (only when no regions were asked for by name).
	NotCompared []NotCompared `json:"not_compared,omitempty"`

	source *cases.Case
}

// RegionComparison is the case in one region: the result exactly as
// polc settle gives it for the case with its region set to this one, or
// why there is none.
type RegionComparison struct {
	Region string `json:"region"`
	// Skipped says, in Chinese, why the case was not settled here: what the
	// region's document lacks, or the settlement error.
	Skipped string `json:"skipped,omitempty"`
	Lacks   *Lacks `json:"lacks,omitempty"`
	// ParamsNotUsed are the case's params not applied in this region, each
	// with the reason.
	ParamsNotUsed []ParamNotUsed `json:"params_not_used,omitempty"`
	Result        *settle.Result `json:"result,omitempty"`
}

// Lacks is what the case uses that a region's document does not have.
type Lacks struct {
	Year           int      `json:"year,omitempty"`
	Categories     []string `json:"categories,omitempty"`
	ClaimKinds     []string `json:"claim_kinds,omitempty"`
	HospitalLevels []string `json:"hospital_levels,omitempty"`
}

// ParamNotUsed is a case param a region does not take: Reason is "not
// read by <region>", "fixed by <document> <clause>" or "derived by
// <document> <clause>".
type ParamNotUsed struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
	// say is the reason in Chinese, for the reviewer's table.
	say string
}

// NotCompared is a region left out of a comparison, and why.
type NotCompared struct {
	Region string `json:"region"`
	Why    string `json:"why"`
}

// Compare settles a case in each of regions — or, when regions is empty,
// in every region whose document covers the case year. The case is first
// settled in its own region exactly as polc settle does, whether or not
// that region is compared: if polc settle would refuse the case, it is a
// bad case, and that error is returned. A region that cannot settle a good
// case is reported in its entry instead.
func Compare(ctx context.Context, set *policy.Set, engine *settle.Engine, c *cases.Case, regions []string) (*Comparison, error) {
	own, err := engine.Settle(ctx, c)
	if err != nil {
		return nil, err
	}
	cmp := &Comparison{Case: c.File, Region: c.Region, Title: c.Title, Year: c.Year, Categories: c.Person.Categories, source: c}
	if len(regions) == 0 {
		for _, id := range set.RegionIDs() {
			if d := set.Regions[id].Document; !d.HasYear(c.Year) {
				cmp.NotCompared = append(cmp.NotCompared, NotCompared{Region: id, Why: notThisYear(d, c.Year)})
				continue
			}
			regions = append(regions, id)
		}
	}
	for _, id := range regions {
		r, ok := set.Regions[id]
		if !ok {
			return nil, fmt.Errorf("unknown region %q (the policy set has %s)", id, strings.Join(set.RegionIDs(), ", "))
		}
		cmp.Regions = append(cmp.Regions, compareIn(ctx, set, engine, r, c, own))
	}
	return cmp, nil
}

// compareIn settles the case in one region, unless the case uses a year,
// category, claim kind or hospital level the region's document does not
// have: then it says so rather than settle with a guessed mapping.
func compareIn(ctx context.Context, set *policy.Set, engine *settle.Engine, r *policy.Region, c *cases.Case, own *settle.Result) RegionComparison {
	rc := RegionComparison{Region: r.ID}
	applied := c.Overrides
	if r.ID != c.Region {
		applied, rc.ParamsNotUsed = openHere(r, c.Overrides)
	}
	s := set.Schema.Shape
	names := namedIDs(s, r)
	if lacks := lacking(s, r.Document, names, c); lacks != nil {
		rc.Lacks = lacks
		rc.Skipped = lacks.say(s, r.Document, names)
		return rc
	}
	if r.ID == c.Region {
		// Its own region reads every param it gives: settling refuses one
		// no rule reads.
		rc.Result = own
		return rc
	}
	moved := *c
	moved.Region, moved.Overrides = r.ID, applied
	res, err := engine.Settle(ctx, &moved)
	if err != nil {
		var why []string
		for _, d := range AsDiagnostics(err) {
			why = append(why, d.Pos.String()+": "+d.Message)
		}
		rc.Skipped = "无法结算：" + strings.Join(why, "；")
		return rc
	}
	rc.Result = res
	return rc
}

// openHere parts the case's params into those that are open numbers in the
// region, and those it does not take, with why. A floor or ceiling does
// not make a number the document's: a value past it is applied, and
// settling says it is out of bounds.
func openHere(r *policy.Region, overrides []cases.Override) (applied []cases.Override, notUsed []ParamNotUsed) {
	doc := r.Document.Number
	if doc == "" {
		doc = r.Document.Title
	}
	for _, o := range overrides {
		if !r.ReadsParam(o.Path) {
			notUsed = append(notUsed, ParamNotUsed{Path: o.Path, Reason: "not read by " + r.ID, say: r.ID + " 不读取，未用"})
			continue
		}
		if b, ok := fixedBound(r, o.Path); ok {
			notUsed = append(notUsed, ParamNotUsed{Path: o.Path, Reason: fmt.Sprintf("fixed by %s %s at %s", doc, b.Clause, b.Value),
				say: fmt.Sprintf("本地区文件定为 %s（%s），未用", b.Value, b.Clause)})
			continue
		}
		if e, ok := r.Params.Entry(o.Path); ok && e.CEL != "" && !e.Illustrative {
			notUsed = append(notUsed, ParamNotUsed{Path: o.Path, Reason: fmt.Sprintf("derived by %s %s", doc, e.Clause),
				say: fmt.Sprintf("本地区文件由公式得出（%s），未用", e.Clause)})
			continue
		}
		applied = append(applied, o)
	}
	return applied, notUsed
}

func fixedBound(r *policy.Region, path string) (params.Bound, bool) {
	for _, b := range r.Bounds {
		if b.Path == path && b.Kind == "fixed" {
			return b, true
		}
	}
	return params.Bound{}, false
}

// lacking is what the case uses that the region's document does not have,
// or nil. The document has a year if it lists it. It has an id of a
// vocabulary (a category, claim kind, hospital level) if its module names
// it as a string, or its params file names it where a parameter takes an
// id of that vocabulary (basic.<claim_kind>.<hospital_level>.ratio): that
// is how the region tells it apart (polc check likewise builds its
// exhaustive space from the categories a module names).
//
// Categories are identities a document addresses by name. One no rule
// names would be ignored by every rule, and the person settled as if they
// were not in it — a guessed mapping, when the region may treat them under
// another document or another name. A category is had through a parent the
// region names (a rule for 监测对象 applies to its kinds), but not through a
// kind: a person recorded only as the parent is none of the kinds the
// region distinguishes.
//
// A claim kind or hospital level is lacking only where the region tells
// some of them apart and not this one (a claim kind no rule names would pay
// nothing, silently); a region that names none treats them all alike.
func lacking(s *shape.Shape, d policy.Document, names map[string]map[string]bool, c *cases.Case) *Lacks {
	var l Lacks
	if !d.HasYear(c.Year) {
		l.Year = c.Year
	}
	for _, cat := range c.Person.Categories {
		if !names["category"][cat] && !slices.ContainsFunc(s.Ancestors(cat), func(a string) bool { return names["category"][a] }) {
			l.Categories = append(l.Categories, cat)
		}
	}
	lacks := func(vocab, id string, seen []string) bool {
		return len(names[vocab]) > 0 && !names[vocab][id] && !slices.Contains(seen, id)
	}
	for _, cl := range c.Claims {
		if lacks("claim_kind", cl.Kind, l.ClaimKinds) {
			l.ClaimKinds = append(l.ClaimKinds, cl.Kind)
		}
		if lacks("hospital_level", cl.HospitalLevel, l.HospitalLevels) {
			l.HospitalLevels = append(l.HospitalLevels, cl.HospitalLevel)
		}
	}
	if l.Year == 0 && l.Categories == nil && l.ClaimKinds == nil && l.HospitalLevels == nil {
		return nil
	}
	return &l
}

// comparedVocabularies are the vocabularies whose ids a region may lack.
var comparedVocabularies = []string{"category", "claim_kind", "hospital_level"}

// namedIDs gives, per vocabulary, the ids the region's module or params
// file names.
func namedIDs(s *shape.Shape, r *policy.Region) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, v := range comparedVocabularies {
		out[v] = map[string]bool{}
	}
	ast.WalkTerms(r.Module, func(t *ast.Term) bool {
		if str, ok := t.Value.(ast.String); ok {
			for _, v := range comparedVocabularies {
				if s.Vocabulary(v).Has(string(str)) {
					out[v][string(str)] = true
				}
			}
		}
		return false
	})
	if r.Params == nil {
		return out
	}
	for _, e := range r.Params.Entries {
		segs := strings.Split(e.Path, ".")
		for _, p := range s.Parameters {
			for i, vocab := range placeholders(p.Pattern, segs) {
				if out[vocab] != nil {
					out[vocab][segs[i]] = true
				}
			}
		}
	}
	return out
}

// placeholders matches a concrete parameter path against a pattern and
// gives, by segment index, the vocabulary each <placeholder> stands for;
// nil if the path does not match.
func placeholders(pattern, segs []string) map[int]string {
	if len(pattern) != len(segs) {
		return nil
	}
	out := map[int]string{}
	for i, p := range pattern {
		switch {
		case strings.HasPrefix(p, "<") && strings.HasSuffix(p, ">"):
			out[i] = p[1 : len(p)-1]
		case p != segs[i]:
			return nil
		}
	}
	return out
}

// say is the reason, in Chinese, a region's entry gives for not settling.
func (l *Lacks) say(s *shape.Shape, d policy.Document, names map[string]map[string]bool) string {
	var parts []string
	if l.Year != 0 {
		parts = append(parts, notThisYear(d, l.Year))
	}
	if len(l.Categories) > 0 {
		cats := make([]string, len(l.Categories))
		for i, c := range l.Categories {
			cats[i] = idWithLabel(s, "category", c, kindsNamed(s, names["category"], c))
		}
		parts = append(parts, "本地区文件无此人群："+strings.Join(cats, "、"))
	}
	if len(l.ClaimKinds) > 0 {
		parts = append(parts, "本地区文件无此费用类别："+idsWithLabels(s, "claim_kind", l.ClaimKinds))
	}
	if len(l.HospitalLevels) > 0 {
		parts = append(parts, "本地区文件无此医院等级："+idsWithLabels(s, "hospital_level", l.HospitalLevels))
	}
	return strings.Join(parts, "；")
}

// kindsNamed says which kinds of a lacking parent category the document
// does name: a person recorded only as 监测对象 may be one of them, and the
// case should say which.
func kindsNamed(s *shape.Shape, named map[string]bool, parent string) string {
	var kinds []string
	for _, id := range s.Vocabulary("category").IDs() {
		if named[id] && slices.Contains(s.Ancestors(id), parent) {
			kinds = append(kinds, id)
		}
	}
	if len(kinds) == 0 {
		return ""
	}
	return "本地区文件只分列其下的 " + strings.Join(kinds, "、")
}

func notThisYear(d policy.Document, year int) string {
	return fmt.Sprintf("本地区文件不适用于%d年度（文件年度：%s）", year, strings.ReplaceAll(d.YearsText(), ", ", "、"))
}

// idsWithLabels is "dibao_edge（低保边缘家庭成员…）、…": the id first, as
// the case file writes it.
func idsWithLabels(s *shape.Shape, vocab string, ids []string) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = idWithLabel(s, vocab, id, "")
	}
	return strings.Join(parts, "、")
}

// idWithLabel is the id, then its label and a note in one parenthesis.
func idWithLabel(s *shape.Shape, vocab, id, note string) string {
	var inside []string
	if e, ok := s.Vocabulary(vocab).Get(id); ok && e.Label != "" {
		inside = append(inside, e.Label)
	}
	if note != "" {
		inside = append(inside, note)
	}
	if len(inside) == 0 {
		return id
	}
	return id + "（" + strings.Join(inside, "；") + "）"
}
