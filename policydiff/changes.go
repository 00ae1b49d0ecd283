package policydiff

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/shopspring/decimal"

	"github.com/polc-dev/polc/policy"
)

// Change is one thing that differs between the two policy sets of a
// region: a decision rule (its text, a helper it depends on, its METADATA,
// or the value of a parameter it reads), a parameter no rule reads
// (settlement's own: the contribution standards), the document's
// description, or the whole region.
type Change struct {
	ID       string `json:"id"`
	Region   string `json:"region"`
	Kind     string `json:"kind"` // rule, params, document, region
	Decision string `json:"decision,omitempty"`
	Clause   string `json:"clause,omitempty"`
	Title    string `json:"title,omitempty"`
	// Pos is where it is in the working copy (file:line), or for a removed
	// rule where it was at the revision, in BeforePos.
	Pos       string `json:"pos,omitempty"`
	BeforePos string `json:"before_pos,omitempty"`
	// What says what changed, each entry one difference (in Chinese, for
	// the reviewer).
	What []string `json:"what"`
	// Moved says whether a figure of a case run moved because of it.
	Moved bool `json:"moved"`

	tiers []string // a plan rule's tiers, none if it names them dynamically
}

// ruleSide is a decision rule of one version with what it is made of.
type ruleSide struct {
	region  *policy.Region
	key     string
	rule    *policy.DecisionRule
	text    string
	helpers []policy.Helper
}

func sidesOf(r *policy.Region) []*ruleSide {
	if r == nil {
		return nil
	}
	var out []*ruleSide
	for _, k := range r.RuleKeys() {
		out = append(out, &ruleSide{region: r, key: k, rule: r.Rules[k], text: r.RuleText(k), helpers: r.RuleHelpers(k)})
	}
	return out
}

// rulePair is a rule of the revision matched with one of the working
// copy; either is nil for a rule added or removed.
type rulePair struct{ before, after *ruleSide }

// matchRules pairs the rules of two versions of a region. A rule's key is
// its position, which moves with every line above it, so rules are
// matched by what they are: first the same decision, clause, title and
// text; then the same decision, clause and title (its text edited); then
// the same decision and text (its title or clause edited); in file order
// where several match. A rule whose title and text both changed cannot be
// told from one removed and another added, and is reported so.
func matchRules(before, after []*ruleSide) []rulePair {
	var pairs []rulePair
	usedB, usedA := map[*ruleSide]bool{}, map[*ruleSide]bool{}
	keys := []func(s *ruleSide) string{
		func(s *ruleSide) string {
			return s.rule.Decision + "\x00" + s.rule.Clause + "\x00" + s.rule.Title + "\x00" + s.text
		},
		func(s *ruleSide) string { return s.rule.Decision + "\x00" + s.rule.Clause + "\x00" + s.rule.Title },
		func(s *ruleSide) string { return s.rule.Decision + "\x00" + s.text },
	}
	for _, key := range keys {
		waiting := map[string][]*ruleSide{}
		for _, b := range before {
			if !usedB[b] {
				waiting[key(b)] = append(waiting[key(b)], b)
			}
		}
		for _, a := range after {
			if usedA[a] {
				continue
			}
			k := key(a)
			if q := waiting[k]; len(q) > 0 {
				waiting[k] = q[1:]
				usedB[q[0]], usedA[a] = true, true
				pairs = append(pairs, rulePair{before: q[0], after: a})
			}
		}
	}
	for _, b := range before {
		if !usedB[b] {
			pairs = append(pairs, rulePair{before: b})
		}
	}
	for _, a := range after {
		if !usedA[a] {
			pairs = append(pairs, rulePair{after: a})
		}
	}
	return pairs
}

// regionChanges is what differs in one region, with the changes of its
// rules by each version's rule keys.
type regionChanges struct {
	region   string
	changes  []*Change
	byBefore map[string]*Change // rule key at the revision → change
	byAfter  map[string]*Change // rule key in the working copy → change
	// unread are the changes no rule stands for: parameters settlement
	// reads itself, the document, the region; figures no changed rule
	// explains are put down to them.
	unread []*Change
	// none stands for figures that moved with no change found to explain
	// them; it is reported only if some did.
	none *Change
}

// detect finds what differs in a region between two versions.
func detect(id string, before, after *policy.Region) *regionChanges {
	rc := &regionChanges{region: id, byBefore: map[string]*Change{}, byAfter: map[string]*Change{},
		none: &Change{ID: id + ":unattributed", Region: id, Kind: "unattributed", What: []string{"未能归因于任何规则、参数或文件信息的变化"}}}
	switch {
	case before == nil && after == nil:
		return rc
	case before == nil || after == nil:
		what := "新增地区"
		if after == nil {
			what = "删除地区"
		}
		c := &Change{ID: id + ":region", Region: id, Kind: "region", What: []string{what}}
		if after != nil {
			c.Pos = after.File + ":1"
		} else {
			c.BeforePos = before.File + ":1"
		}
		rc.changes = append(rc.changes, c)
		rc.unread = append(rc.unread, c)
		return rc
	}
	years := unionYears(before.Document.Years, after.Document.Years)
	bp, ap := paramsByYear(before, years), paramsByYear(after, years)
	for _, p := range matchRules(sidesOf(before), sidesOf(after)) {
		c := ruleChange(id, p, years, bp, ap)
		if c == nil {
			continue
		}
		rc.changes = append(rc.changes, c)
		if p.before != nil {
			rc.byBefore[p.before.key] = c
		}
		if p.after != nil {
			rc.byAfter[p.after.key] = c
		}
	}
	for _, c := range unreadParams(id, before, after, years, bp, ap) {
		rc.changes = append(rc.changes, c)
		rc.unread = append(rc.unread, c)
	}
	if what := documentDiff(before.Document, after.Document); len(what) > 0 {
		c := &Change{ID: id + ":document", Region: id, Kind: "document", Pos: after.File + ":1", What: what}
		rc.changes = append(rc.changes, c)
		rc.unread = append(rc.unread, c)
	}
	sort.SliceStable(rc.changes, func(i, j int) bool { return place(rc.changes[i]) < place(rc.changes[j]) })
	return rc
}

// place orders changes as a reader meets them: by file, then line (as a
// number), in the working copy; rules removed from it last, by where they
// were.
func place(c *Change) string {
	file, line := splitPos(c.Pos)
	if c.Pos == "" {
		file, line = splitPos(c.BeforePos)
		file = "\xff" + file
	}
	return fmt.Sprintf("%s\x00%09d", file, line)
}

// ruleChange says what differs in a matched pair of rules, or nil.
func ruleChange(region string, p rulePair, years []int, bp, ap map[int]map[string]any) *Change {
	side := p.after
	if side == nil {
		side = p.before
	}
	c := &Change{Region: region, Kind: "rule", Decision: side.rule.Decision, Clause: side.rule.Clause, Title: side.rule.Title, tiers: tiersOf(side.rule)}
	if p.after != nil {
		c.Pos = linePos(p.after.key)
	}
	if p.before != nil {
		c.BeforePos = linePos(p.before.key)
	}
	c.ID = region + ":" + c.Pos
	switch {
	case p.before == nil:
		c.What = []string{"新增规则"}
		return c
	case p.after == nil:
		c.ID = region + ":-" + c.BeforePos
		c.What = []string{"删除规则"}
		return c
	}
	b, a := p.before, p.after
	if b.text != a.text {
		c.What = append(c.What, "规则体有变")
	}
	for _, name := range changedHelpers(b.helpers, a.helpers) {
		c.What = append(c.What, "所依赖的辅助规则 `"+name+"` 有变")
	}
	if b.rule.Clause != a.rule.Clause {
		c.What = append(c.What, fmt.Sprintf("条款 %s → %s", b.rule.Clause, a.rule.Clause))
	}
	if b.rule.Title != a.rule.Title {
		c.What = append(c.What, "标题："+b.rule.Title+" → "+a.rule.Title)
	}
	if !slices.Equal(b.rule.Quote, a.rule.Quote) {
		c.What = append(c.What, "引文（custom.quote）有变")
	}
	if !slices.Equal(b.rule.Readings, a.rule.Readings) {
		c.What = append(c.What, "解读（custom.reading）有变："+readingsText(b.rule.Readings)+" → "+readingsText(a.rule.Readings))
	}
	reads := func(s *ruleSide) func(string) bool {
		return func(path string) bool { return s.region.RuleReadsParam(s.key, path) }
	}
	c.What = append(c.What, paramsDiff(years, bp, ap, reads(b), reads(a))...)
	if len(c.What) == 0 {
		return nil
	}
	return c
}

// linePos is a rule key (file:line:col) without its column.
func linePos(key string) string {
	if i := strings.LastIndexByte(key, ':'); i > 0 {
		return key[:i]
	}
	return key
}

// tiersOf lists the tiers a plan rule yields terms for, when its output
// names them as text; a rule naming its tier some other way may be any.
func tiersOf(dr *policy.DecisionRule) []string {
	if dr.Decision != "plan" {
		return nil
	}
	obj, ok := dr.Rule.Head.Key.Value.(ast.Object)
	if !ok {
		return nil
	}
	if t := obj.Get(ast.StringTerm("tier")); t != nil {
		if s, ok := t.Value.(ast.String); ok {
			return []string{string(s)}
		}
	}
	return nil
}

// changedHelpers names the helpers whose definitions differ, or that one
// version has and the other not.
func changedHelpers(before, after []policy.Helper) []string {
	texts := func(hs []policy.Helper) map[string][]string {
		out := map[string][]string{}
		for _, h := range hs {
			out[h.Name] = append(out[h.Name], h.Text)
		}
		return out
	}
	b, a := texts(before), texts(after)
	var names []string
	for name, bt := range b {
		if !slices.Equal(bt, a[name]) {
			names = append(names, name)
		}
	}
	for name := range a {
		if _, ok := b[name]; !ok {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

func readingsText(rs []policy.Reading) string {
	if len(rs) == 0 {
		return "无"
	}
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = "“" + r.Text + "”读作“" + r.Chosen + "”"
	}
	return strings.Join(parts, "；")
}

func unionYears(a, b []int) []int {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}

// paramsByYear is a region's resolved parameters for each year, canonical
// text by path; a year it cannot resolve is left out.
func paramsByYear(r *policy.Region, years []int) map[int]map[string]any {
	out := map[int]map[string]any{}
	for _, y := range years {
		if !r.Document.HasYear(y) {
			continue
		}
		p, err := r.ParamsFor(y, nil)
		if err != nil {
			continue
		}
		vals := map[string]any{}
		for path, leaf := range p.Resolved.Leaves {
			vals[path] = leaf.Value
		}
		out[y] = vals
	}
	return out
}

// paramsDiff says, for each parameter either version's rule reads, how its
// value changed and in which years.
func paramsDiff(years []int, bp, ap map[int]map[string]any, readB, readA func(string) bool) []string {
	type span struct {
		from, to      int
		before, after string
	}
	changed := map[string][]span{}
	for _, y := range years {
		paths := map[string]bool{}
		for p := range bp[y] {
			paths[p] = readB(p)
		}
		for p := range ap[y] {
			paths[p] = paths[p] || readA(p)
		}
		for p, read := range paths {
			if !read {
				continue
			}
			b, a := valueText(bp[y], p), valueText(ap[y], p)
			if b == a {
				continue
			}
			spans := changed[p]
			if n := len(spans); n > 0 && spans[n-1].to == prevYear(years, y) && spans[n-1].before == b && spans[n-1].after == a {
				spans[n-1].to = y
			} else {
				spans = append(spans, span{y, y, b, a})
			}
			changed[p] = spans
		}
	}
	paths := make([]string, 0, len(changed))
	for p := range changed {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var out []string
	for _, p := range paths {
		for _, s := range changed[p] {
			when := strconv.Itoa(s.from)
			if s.to != s.from {
				when += "–" + strconv.Itoa(s.to)
			}
			out = append(out, fmt.Sprintf("参数 `%s`（%s年度）：%s → %s", p, when, s.before, s.after))
		}
	}
	return out
}

func prevYear(years []int, y int) int {
	i := slices.Index(years, y)
	if i <= 0 {
		return 0
	}
	return years[i-1]
}

// valueText is a parameter's value as compact JSON with numbers in their
// shortest exact form (0.70 and 0.7 are one value), or 无 if it has none.
func valueText(vals map[string]any, path string) string {
	v, ok := vals[path]
	if !ok {
		return "无"
	}
	b, _ := json.Marshal(canonical(v))
	return string(b)
}

func canonical(v any) any {
	switch v := v.(type) {
	case json.Number:
		if d, err := decimal.NewFromString(string(v)); err == nil {
			return json.Number(d.String())
		}
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = canonical(x)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = canonical(x)
		}
		return out
	}
	return v
}

// unreadParams are the parameters whose value changed that no rule of
// either version reads — settlement's own (the contribution standards) —
// one change each.
func unreadParams(id string, before, after *policy.Region, years []int, bp, ap map[int]map[string]any) []*Change {
	readByRule := func(r *policy.Region, path string) bool {
		for _, k := range r.RuleKeys() {
			if r.RuleReadsParam(k, path) {
				return true
			}
		}
		return false
	}
	paths := map[string]bool{}
	for _, y := range years {
		for p := range bp[y] {
			paths[p] = true
		}
		for p := range ap[y] {
			paths[p] = true
		}
	}
	var out []*Change
	for _, p := range slices.Sorted(maps.Keys(paths)) {
		if readByRule(before, p) || readByRule(after, p) {
			continue
		}
		only := func(q string) bool { return q == p }
		what := paramsDiff(years, bp, ap, only, only)
		if len(what) == 0 {
			continue
		}
		c := &Change{ID: id + ":params:" + p, Region: id, Kind: "params", Title: p, What: what, Pos: after.Params.Name}
		if e, ok := after.Params.Entry(p); ok {
			c.Pos = fmt.Sprintf("%s:%d", e.Pos.File, e.Pos.Line)
		}
		out = append(out, c)
	}
	return out
}

// documentDiff names the fields of the document description that differ.
func documentDiff(b, a policy.Document) []string {
	bj, _ := json.Marshal(b)
	aj, _ := json.Marshal(a)
	if string(bj) == string(aj) {
		return nil
	}
	var bm, am map[string]any
	_ = json.Unmarshal(bj, &bm)
	_ = json.Unmarshal(aj, &am)
	keys := map[string]bool{}
	for k := range bm {
		keys[k] = true
	}
	for k := range am {
		keys[k] = true
	}
	var out []string
	for _, k := range slices.Sorted(maps.Keys(keys)) {
		x, _ := json.Marshal(bm[k])
		y, _ := json.Marshal(am[k])
		if string(x) != string(y) {
			out = append(out, fmt.Sprintf("文件信息 `%s`：%s → %s", k, x, y))
		}
	}
	return out
}
