package sim

import (
	"errors"
	"slices"
	"strings"
	"unsafe"

	"github.com/polc-dev/polc/compiler/schema/shape"
	"github.com/polc-dev/polc/settle"
	"github.com/polc-dev/polc/settle/money"
)

// Summary is what a population's year costs, summed exactly in fen. Its
// JSON form is `polc sim --format json` (see README, "polc sim"): keys in
// this order, money as strings with two decimals, lists in the schema's
// order.
type Summary struct {
	Region  string `json:"region"`
	Year    int    `json:"year"`
	Persons int64  `json:"persons"`
	Claims  int64  `json:"claims"`
	// Totals are the year's tiers summed over every person.
	Totals      Tiers             `json:"totals"`
	Subsidy     SubsidyBill       `json:"subsidy"`
	Categories  []CategoryFigures `json:"categories"`
	Monitoring  []FlagCount       `json:"monitoring"`
	OutOfPocket Distribution      `json:"out_of_pocket"`
}

// Tiers are a year's figures split by who pays, as settle's totals are.
type Tiers struct {
	Total         money.Amount `json:"total"`
	HospitalBorne money.Amount `json:"hospital_borne"`
	Basic         money.Amount `json:"basic"`
	Critical      money.Amount `json:"critical"`
	Assistance    money.Amount `json:"assistance"`
	Tilted        money.Amount `json:"tilted"`
	TopUp         money.Amount `json:"top_up"`
	OutOfPocket   money.Amount `json:"out_of_pocket"`
}

// SubsidyBill is what the enrollment subsidies cost: in all, by the rule
// that won for each person, and by funder.
type SubsidyBill struct {
	Amount  money.Amount   `json:"amount"`
	Persons int64          `json:"persons"` // persons a subsidy rule matched
	ByRule  []RuleAmount   `json:"by_rule"`
	Funders []FunderAmount `json:"funders"`
}

// RuleAmount is what one subsidy rule (a category id, or a sub-rule's id)
// cost, and for how many persons.
type RuleAmount struct {
	Rule    string       `json:"rule"`
	Persons int64        `json:"persons"`
	Amount  money.Amount `json:"amount"`
}

// FunderAmount is one funder's part of the subsidies.
type FunderAmount struct {
	Funder string       `json:"funder"`
	Amount money.Amount `json:"amount"`
}

// CategoryFigures are the figures of the persons in one category. A person
// in two categories counts in both, so the rows do not add up to the
// totals; a person with no category is in none.
type CategoryFigures struct {
	Category string       `json:"category"`
	Persons  int64        `json:"persons"`
	Subsidy  money.Amount `json:"subsidy"`
	Tiers
}

// FlagCount is how many persons a monitoring flag was raised for.
type FlagCount struct {
	Flag    string `json:"flag"`
	Persons int64  `json:"persons"`
}

// Distribution is the out-of-pocket of each person's year, by rank: the
// least, each decile and the most. Rule names how a decile is chosen.
type Distribution struct {
	Rule    string       `json:"rule"`
	Persons int64        `json:"persons"`
	Min     money.Amount `json:"min"`
	Deciles []Decile     `json:"deciles"`
	Max     money.Amount `json:"max"`
}

// Decile is the value at the nearest rank of a tenth: the k-th decile of N
// values is the ⌈k·N/10⌉-th smallest.
type Decile struct {
	Decile int          `json:"decile"`
	Rank   int64        `json:"rank"`
	Value  money.Amount `json:"value"`
}

// NearestRank names the decile rule in the output.
const NearestRank = "nearest-rank"

// DecileRanks are the 1-based ranks of the least value, the nine deciles
// and the most, of n values (n ≥ 1), by the nearest-rank rule: ⌈k·n/10⌉.
func DecileRanks(n int64) []int64 {
	ranks := []int64{1}
	for k := int64(1); k <= 9; k++ {
		ranks = append(ranks, (k*n+9)/10)
	}
	return append(ranks, n)
}

// errOverflow is a sum past int64's fen: about 9.2×10^16 yuan.
var errOverflow = errors.New("a sum passes 92,233,720,368,547,758.07 yuan, the most a run can hold exactly")

// add adds b to *a exactly; false if the sum would pass int64 (every
// figure is at least 0, so any order of adding passes it or none does).
func add(a *money.Amount, b money.Amount) bool {
	s := *a + b
	if b < 0 || s < *a {
		return false
	}
	*a = s
	return true
}

// add adds a person's totals; false if one is negative or a sum would pass
// int64. The sums are at least 0 (each add is checked), so a sum of two
// figures at least 0 passes int64 exactly when it comes out negative: one
// test of the sign of all of them, with no branch a figure.
func (t *Tiers) add(o *settle.Totals) bool {
	return t.addAll(o.Total, o.HospitalBorne, o.Basic, o.Critical, o.Assistance, o.Tilted, o.TopUp, o.OutOfPocket)
}

func (t *Tiers) addAll(total, hospital, basic, critical, assistance, tilted, topUp, oop money.Amount) bool {
	t.Total += total
	t.HospitalBorne += hospital
	t.Basic += basic
	t.Critical += critical
	t.Assistance += assistance
	t.Tilted += tilted
	t.TopUp += topUp
	t.OutOfPocket += oop
	return (total | hospital | basic | critical | assistance | tilted | topUp | oop |
		t.Total | t.HospitalBorne | t.Basic | t.Critical | t.Assistance | t.Tilted | t.TopUp | t.OutOfPocket) >= 0
}

// sums collects the summary as persons come, in input order.
type sums struct {
	s        *shape.Shape
	summary  Summary
	category map[string]*CategoryFigures
	rule     map[string]*RuleAmount
	funder   map[string]*FunderAmount
	flag     map[string]*FlagCount
	raised   []string
	recent   recent
}

// recent are the entries the last persons' figures went to, by the
// strings' memory: a person's categories are a slice the reader shares
// among the persons with the same ones, and a rule's or a funder's name is
// the engine's, shared among the persons of a context — so most persons
// find their entries here without hashing a name.
type recent struct {
	cats     *string
	ncats    int
	category []*CategoryFigures
	rule     *byte
	ruleAt   *RuleAmount
	funders  [4]*byte
	funderAt [4]*FunderAmount
}

func newSums(s *shape.Shape) *sums {
	return &sums{s: s, category: map[string]*CategoryFigures{}, rule: map[string]*RuleAmount{}, funder: map[string]*FunderAmount{}, flag: map[string]*FlagCount{}}
}

// reset empties the sums for another batch. An entry is made by a
// person, as in the run's sums: a batch's sums hold the categories, rules,
// funders and flags of its own persons only.
func (u *sums) reset() {
	u.summary = Summary{}
	clear(u.category)
	clear(u.rule)
	clear(u.funder)
	clear(u.flag)
	u.recent = recent{category: u.recent.category[:0]}
}

// merge adds a batch's sums (false if a sum would pass int64). Every
// figure is at least 0, so a run of persons summed in batches passes
// int64 where it passes it summed one by one.
func (u *sums) merge(o *sums) bool {
	sm, om := &u.summary, &o.summary
	sm.Persons += om.Persons
	sm.Claims += om.Claims
	sm.Subsidy.Persons += om.Subsidy.Persons
	if !sm.Totals.addTiers(&om.Totals) || !add(&sm.Subsidy.Amount, om.Subsidy.Amount) {
		return false
	}
	for id, o := range o.category {
		cf := entry(u.category, id, func() *CategoryFigures { return &CategoryFigures{Category: id} })
		cf.Persons += o.Persons
		if !add(&cf.Subsidy, o.Subsidy) || !cf.Tiers.addTiers(&o.Tiers) {
			return false
		}
	}
	for id, o := range o.rule {
		ra := entry(u.rule, id, func() *RuleAmount { return &RuleAmount{Rule: id} })
		ra.Persons += o.Persons
		if !add(&ra.Amount, o.Amount) {
			return false
		}
	}
	for id, o := range o.funder {
		if !add(&entry(u.funder, id, func() *FunderAmount { return &FunderAmount{Funder: id} }).Amount, o.Amount) {
			return false
		}
	}
	for id, o := range o.flag {
		entry(u.flag, id, func() *FlagCount { return &FlagCount{Flag: id} }).Persons += o.Persons
	}
	return true
}

func entry[T any](m map[string]*T, id string, make func() *T) *T {
	e := m[id]
	if e == nil {
		e = make()
		m[id] = e
	}
	return e
}

func (t *Tiers) addTiers(o *Tiers) bool {
	return t.addAll(o.Total, o.HospitalBorne, o.Basic, o.Critical, o.Assistance, o.Tilted, o.TopUp, o.OutOfPocket)
}

// person adds one person's figures.
func (u *sums) person(categories []string, claims int, f *settle.Figures) bool {
	sm := &u.summary
	sm.Persons++
	sm.Claims += int64(claims)
	if !sm.Totals.add(&f.Totals) {
		return false
	}
	r := &u.recent
	if len(categories) > 0 && (unsafe.SliceData(categories) != r.cats || len(categories) != r.ncats) {
		r.cats, r.ncats, r.category = unsafe.SliceData(categories), len(categories), r.category[:0]
		for _, c := range categories {
			cf := u.category[c]
			if cf == nil {
				cf = &CategoryFigures{Category: c}
				u.category[c] = cf
			}
			r.category = append(r.category, cf)
		}
	}
	for k := range categories {
		cf := r.category[k]
		cf.Persons++
		if !add(&cf.Subsidy, f.Subsidy) || !cf.Tiers.add(&f.Totals) {
			return false
		}
	}
	if f.SubsidyRule != "" {
		sm.Subsidy.Persons++
		if unsafe.StringData(f.SubsidyRule) != r.rule || r.ruleAt == nil || r.ruleAt.Rule != f.SubsidyRule {
			ra := u.rule[f.SubsidyRule]
			if ra == nil {
				ra = &RuleAmount{Rule: f.SubsidyRule}
				u.rule[f.SubsidyRule] = ra
			}
			r.rule, r.ruleAt = unsafe.StringData(f.SubsidyRule), ra
		}
		r.ruleAt.Persons++
		if !add(&r.ruleAt.Amount, f.Subsidy) {
			return false
		}
	}
	if !add(&sm.Subsidy.Amount, f.Subsidy) {
		return false
	}
	for k, fa := range f.Funders {
		var a *FunderAmount
		if k < len(r.funders) && unsafe.StringData(fa.Funder) == r.funders[k] && r.funderAt[k] != nil && r.funderAt[k].Funder == fa.Funder {
			a = r.funderAt[k]
		} else {
			if a = u.funder[fa.Funder]; a == nil {
				a = &FunderAmount{Funder: fa.Funder}
				u.funder[fa.Funder] = a
			}
			if k < len(r.funders) {
				r.funders[k], r.funderAt[k] = unsafe.StringData(fa.Funder), a
			}
		}
		if !add(&a.Amount, fa.Amount) {
			return false
		}
	}
	if len(f.Raised) == 0 {
		return true
	}
	// A flag may be listed for two populations the person is in: the
	// person counts once.
	u.raised = append(u.raised[:0], f.Raised...)
	slices.Sort(u.raised)
	for _, id := range slices.Compact(u.raised) {
		fc := u.flag[id]
		if fc == nil {
			fc = &FlagCount{Flag: id}
			u.flag[id] = fc
		}
		fc.Persons++
	}
	return true
}

// finish orders the lists: categories, funders and flags as the schema
// lists them; subsidy rules by the category they are of (a sub-rule's id
// starts with its category's), then by id.
func (u *sums) finish() *Summary {
	sm := &u.summary
	sm.Categories = inOrder(u.s, "category", u.category, func(c *CategoryFigures) string { return c.Category })
	sm.Subsidy.Funders = inOrder(u.s, "funder", u.funder, func(f *FunderAmount) string { return f.Funder })
	sm.Monitoring = inOrder(u.s, "monitoring_flag", u.flag, func(f *FlagCount) string { return f.Flag })
	sm.Subsidy.ByRule = inOrder(u.s, "category", u.rule, func(r *RuleAmount) string { return r.Rule })
	return sm
}

// inOrder lists a map's values by the vocabulary's order of their ids; an
// id the vocabulary lacks goes after the longest id it starts with, else
// at the end, in byte order among its equals.
func inOrder[T any](s *shape.Shape, vocab string, m map[string]*T, id func(*T) string) []T {
	ids := s.Vocabulary(vocab).IDs()
	rank := func(x string) int {
		best, bestLen := len(ids), -1
		for i, v := range ids {
			if (x == v || strings.HasPrefix(x, v+"_")) && len(v) > bestLen {
				best, bestLen = i, len(v)
			}
		}
		return best
	}
	out := make([]T, 0, len(m))
	for _, v := range m {
		out = append(out, *v)
	}
	slices.SortFunc(out, func(a, b T) int {
		x, y := id(&a), id(&b)
		if rx, ry := rank(x), rank(y); rx != ry {
			return rx - ry
		}
		return strings.Compare(x, y)
	})
	return out
}
