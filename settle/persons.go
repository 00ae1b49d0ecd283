package settle

import (
	"context"
	"fmt"
	"maps"
	"math"
	"math/bits"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/settle/money"
)

// What Engine.Figures works out once per distinct person context rather
// than once per person: the subsidy, how coverage starts, the monitoring
// thresholds and a table of the person's plans by claim context. Settle
// finds each of these by the decision's DecisionKey, a string built for
// every person; Figures finds them all at once by a personKey, a plain
// struct that keeps every attribute any of the region's decisions may read
// (so it is finer than each DecisionKey: two people with one personKey
// have one DecisionKey for every decision, and the same figures).

// maxKeyCategories bounds the categories a personKey holds; a person with
// more settles by Settle.
const maxKeyCategories = 6

// maxPersons bounds the person contexts an engine keeps for Figures: past
// it, the table starts again (a server settling one-off cases must not
// grow without end).
const maxPersons = 1 << 16

// regionFigures is what Figures needs of a region, worked out once per
// engine.
type regionFigures struct {
	region *compiler.Region
	index  int // in the engine's list
	// The person attributes some decision of the region may read; the
	// others are left out of the personKey, as DecisionKey leaves them.
	age, residence, county, exitYear, recognized, enrollmentDate, assets bool
	// disease: plans read the claim's disease, so a claim naming one finds
	// its plan through the engine's plan cache rather than a table slot.
	disease bool
	// The document's in-force period as days (dayOf); quick is false if
	// its dates are not written YYYY-MM-DD (polc check requires them), and
	// Settle settles the region's people.
	inForceFrom, inForceTo int
	quick                  bool
}

var keyDecisions = [...]string{"plan", "subsidy", "monitoring", "enrollment"}

func newRegionFigures(r *compiler.Region) *regionFigures {
	reads := func(attr string) bool {
		for _, d := range keyDecisions {
			if r.Reads(d, attr) {
				return true
			}
		}
		return false
	}
	rf := &regionFigures{region: r, age: reads("age"), residence: reads("residence"), county: reads("county"),
		exitYear: reads("exit_year"), recognized: reads("recognized"), enrollmentDate: reads("enrollment_date"),
		assets: reads("assets_within_limit"), disease: r.Reads("plan", "disease")}
	var fromOK, toOK bool
	rf.inForceFrom, fromOK = dayOf(r.Document.InForceFrom)
	rf.inForceTo, toOK = dayOf(r.Document.InForceTo)
	if r.Document.InForceTo == "" {
		rf.inForceTo, toOK = math.MaxInt, true
	}
	rf.quick = fromOK && toOK
	return rf
}

// figuresTables are the engine's tables for Figures.
type figuresTables struct {
	once    sync.Once
	regions []*regionFigures
	// categories are the vocabulary's ids, numbered from 1, by length: a
	// person's categories are found with a comparison or two rather than
	// by hashing them.
	categories [][]categoryID

	mu sync.Mutex
	// persons are the person contexts by their key's hash (personKey.hash),
	// each with its key, those of one hash chained: hashing the key as a
	// Go map does, strings and all, cost more than the rest of a person.
	persons  map[uint64]*personFigures
	npersons int
	plans    map[planTableKey]*planTable
	// resolved are params resolved with a case's overrides, by the
	// overrides' identity (Engine.Figures).
	resolved map[paramsKey]*compiler.Params
}

// paramsKey is a case's params by what they are resolved from: the region,
// the year and the overrides slice by identity (with overrides, stand-ins
// do not apply).
type paramsKey struct {
	region     *compiler.Region
	year       int
	overrides  *cases.Override
	noverrides int
}

// maxResolved bounds the resolved params an engine keeps for Figures.
const maxResolved = 1 << 10

// params finds a case's region and params as Engine.caseParams does,
// resolving the params of an overrides slice once. Keeping the *Params is
// what lets people with overrides share cached decisions and plans, whose
// keys hold the params by pointer.
func (t *figuresTables) params(e *Engine, c *cases.Case) (*compiler.Region, *compiler.Params, error) {
	region := e.set.Regions[c.Region]
	if len(c.Overrides) == 0 || region == nil {
		return e.caseParams(c)
	}
	k := paramsKey{region: region, year: c.Year, overrides: &c.Overrides[0], noverrides: len(c.Overrides)}
	t.mu.Lock()
	p := t.resolved[k]
	t.mu.Unlock()
	if p != nil {
		return region, p, nil
	}
	region, p, err := e.caseParams(c)
	if err != nil {
		return nil, nil, err
	}
	t.mu.Lock()
	if len(t.resolved) >= maxResolved || t.resolved == nil {
		t.resolved = map[paramsKey]*compiler.Params{}
	}
	t.resolved[k] = p
	t.mu.Unlock()
	return region, p, nil
}

type categoryID struct {
	id string
	n  uint8
}

func (e *Engine) figuresTables() *figuresTables {
	t := &e.figures
	t.once.Do(func() {
		for i, id := range slices.Sorted(maps.Keys(e.set.Regions)) {
			rf := newRegionFigures(e.set.Regions[id])
			rf.index = i
			t.regions = append(t.regions, rf)
		}
		if v := e.set.Schema.Vocabulary("category"); v != nil {
			for i, id := range v.IDs() {
				if i >= 255 {
					break
				}
				for len(t.categories) <= len(id) {
					t.categories = append(t.categories, nil)
				}
				t.categories[len(id)] = append(t.categories[len(id)], categoryID{id: id, n: uint8(i + 1)})
			}
		}
	})
	return t
}

// region finds a region by its id; a handful of regions makes a scan the
// fastest lookup.
func (t *figuresTables) region(id string) *regionFigures {
	for _, rf := range t.regions {
		if rf.region.ID == id {
			return rf
		}
	}
	return nil
}

// category is a category's number, 0 for one outside the vocabulary.
func (t *figuresTables) category(id string) uint8 {
	if len(id) >= len(t.categories) {
		return 0
	}
	for _, c := range t.categories[len(id)] {
		if c.id == id {
			return c.n
		}
	}
	return 0
}

// personKey is a person's context as far as the region's decisions may
// read it, with the case's params by identity: the case's overrides slice
// (a population run hands every person the same one) or none.
type personKey struct {
	region     *regionFigures
	year       int
	overrides  *cases.Override
	noverrides int
	standIns   bool

	categories  [maxKeyCategories]uint8 // in the case's order, as DecisionKey keeps them
	ncategories int
	tier        string

	hasAge, hasExitYear bool
	age, exitYear       int
	residence, county   string
	recognized          string
	enrollmentDate      string

	household, hasSize, hasIncome bool
	size                          int
	income                        Money
	assets                        int8 // 0 not given (or not read), 1 false, 2 true
}

// keyOf builds a person's key; false if the person does not fit one (an
// unknown category, too many, an income with a third decimal).
func (t *figuresTables) keyOf(rf *regionFigures, c *cases.Case, standIns bool) (personKey, bool) {
	k := personKey{region: rf, year: c.Year, noverrides: len(c.Overrides), standIns: standIns, tier: c.Enrollment.Tier}
	if len(c.Overrides) > 0 {
		k.overrides = &c.Overrides[0]
	}
	p := &c.Person
	if len(p.Categories) > maxKeyCategories {
		return k, false
	}
	for i, cat := range p.Categories {
		if k.categories[i] = t.category(cat); k.categories[i] == 0 {
			return k, false
		}
	}
	k.ncategories = len(p.Categories)
	if rf.age && p.Age != nil {
		k.hasAge, k.age = true, *p.Age
	}
	if rf.exitYear && p.ExitYear != nil {
		k.hasExitYear, k.exitYear = true, *p.ExitYear
	}
	if rf.residence {
		k.residence = p.Residence
	}
	if rf.county {
		k.county = p.County
	}
	if rf.recognized {
		k.recognized = p.Recognized
	}
	if rf.enrollmentDate {
		k.enrollmentDate = c.Enrollment.Date
	}
	if h := p.Household; h != nil {
		// Every decision's key has the household's size and income, read
		// or not; presence too, which decides whether the input has one.
		k.household = true
		if h.Size != nil {
			k.hasSize, k.size = true, *h.Size
		}
		if h.AnnualDisposableIncome != nil {
			income, err := money.FromDecimal(*h.AnnualDisposableIncome)
			if err != nil {
				return k, false
			}
			k.hasIncome, k.income = true, income
		}
		if rf.assets && h.AssetsWithinLimit != nil {
			k.assets = 1
			if *h.AssetsWithinLimit {
				k.assets = 2
			}
		}
	}
	return k, true
}

// personFigures is what Figures knows of a person context.
type personFigures struct {
	key  personKey
	next *personFigures // of the same hash

	params  *compiler.Params
	planKey string // the person's DecisionKey for plans
	plans   *planTable
	subsidy SubsidyResult
	flags   []flagThreshold
	// settleOnly marks a context the quick path does not take (a waiting
	// period, an unknown start of coverage): Settle settles its people.
	settleOnly bool
	rule       *enrollmentRule // nil: no enrollment rule applies
	// yearStart and nextYear are the case year's first day and the next
	// year's; months the first day of each month of the case year.
	yearStart, nextYear string
	months              [12]string
}

// flagThreshold is a monitoring threshold of the person's population.
type flagThreshold struct {
	flag      string
	measure   int // into the measures Figures compares; past them, a measure of 0
	threshold Money
	inclusive bool
}

// measureIndex numbers the monitoring measures, as Figures lays them out.
var measureIndex = map[string]int{"insured_self_pay": 0, "in_scope_self_pay": 1, "total_self_pay": 2}

const unknownMeasure = 3

// planTable holds a person context's plans by the claim's kind, hospital
// level, referral and insurance: the claim context of a plan key when the
// claim names no disease the plans read. It is shared by every person
// context with the same plan DecisionKey and params.
type planTable struct {
	slots [len(claimKinds) * len(hospitalLevels) * 2 * 2]atomic.Pointer[prepared]
}

type planTableKey struct {
	params  *compiler.Params
	planKey string
}

var (
	claimKinds     = [...]string{"inpatient", "outpatient_special", "outpatient"}
	hospitalLevels = [...]string{"1", "2", "3"}
)

// slotOf is a claim context's place in a planTable; -1 for a kind or level
// outside the schema's, which the engine's plan cache serves.
func slotOf(cl *cases.Claim) int {
	// The kinds' lengths differ: one comparison tells a kind.
	kind := -1
	switch k := cl.Kind; len(k) {
	case len(claimKinds[0]):
		if k == claimKinds[0] {
			kind = 0
		}
	case len(claimKinds[1]):
		if k == claimKinds[1] {
			kind = 1
		}
	case len(claimKinds[2]):
		if k == claimKinds[2] {
			kind = 2
		}
	}
	level := -1
	if l := cl.HospitalLevel; len(l) == 1 && l[0] >= '1' && l[0] <= '3' {
		level = int(l[0] - '1')
	}
	if kind < 0 || level < 0 {
		return -1
	}
	slot := (kind*len(hospitalLevels) + level) * 4
	if cl.Referred {
		slot += 2
	}
	if cl.Uninsured {
		slot++
	}
	return slot
}

// person returns the figures of the case's person context, working them
// out the first time; nil if they cannot be (a decision fails, the params
// do not resolve): Settle then settles the case and says why.
func (e *Engine) person(ctx context.Context, t *figuresTables, k *personKey, c *cases.Case) *personFigures {
	t.mu.Lock()
	h := k.hash()
	pf := t.persons[h]
	for pf != nil && pf.key != *k {
		pf = pf.next
	}
	t.mu.Unlock()
	if pf != nil {
		return pf
	}
	pf = e.newPerson(ctx, t, k.region, c)
	if pf == nil {
		return nil
	}
	pf.key = *k
	t.mu.Lock()
	if t.npersons >= maxPersons || t.persons == nil {
		t.persons, t.npersons = map[uint64]*personFigures{}, 0
	}
	// Another goroutine may have added the same context meanwhile: the
	// two are alike, and the later one shadows the earlier in the chain.
	pf.next = t.persons[h]
	t.persons[h] = pf
	t.npersons++
	t.mu.Unlock()
	return pf
}

// hash mixes the key's fields, each step a multiplication by an odd
// constant and a rotation (as in FxHash); strings by their bytes. Equal
// keys hash alike, and the table compares whole keys, so a collision
// costs only a comparison.
func (k *personKey) hash() uint64 {
	var h uint64
	mix := func(v uint64) { h = bits.RotateLeft64((h^v)*0x9e3779b97f4a7c15, 26) }
	mixString := func(s string) {
		mix(uint64(len(s)))
		for len(s) >= 8 {
			mix(uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
				uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56)
			s = s[8:]
		}
		var v uint64
		for i := range len(s) {
			v |= uint64(s[i]) << (8 * i)
		}
		mix(v)
	}
	mix(uint64(k.region.index))
	mix(uint64(k.year))
	mix(uint64(k.noverrides))
	var cats uint64
	for _, c := range k.categories {
		cats = cats<<8 | uint64(c)
	}
	mix(cats)
	mix(uint64(k.ncategories))
	mixString(k.tier)
	var flags uint64
	for i, b := range [...]bool{k.standIns, k.hasAge, k.hasExitYear, k.household, k.hasSize, k.hasIncome} {
		if b {
			flags |= 1 << i
		}
	}
	mix(flags | uint64(k.assets)<<8)
	mix(uint64(k.age))
	mix(uint64(k.exitYear))
	mix(uint64(k.size))
	mix(uint64(k.income))
	for _, s := range [...]string{k.residence, k.county, k.recognized, k.enrollmentDate} {
		if s != "" {
			mixString(s)
		}
	}
	return h
}

// newPerson works out a person context's figures with Settle's own
// functions, so they are Settle's: the same decisions, from the same
// caches, validated the same way.
func (e *Engine) newPerson(ctx context.Context, t *figuresTables, rf *regionFigures, c *cases.Case) *personFigures {
	r, p, err := t.params(e, c)
	if err != nil {
		return nil
	}
	person := compiler.Context{Year: c.Year, Person: c.Person, EnrollmentTier: c.Enrollment.Tier, EnrollmentDate: c.Enrollment.Date}
	var scratch Result
	sub, err := e.subsidy(ctx, r, person, p, &scratch)
	if err != nil {
		return nil
	}
	pf := &personFigures{params: p, subsidy: *sub, yearStart: fmt.Sprintf("%04d-01-01", c.Year), nextYear: fmt.Sprintf("%04d-01-01", c.Year+1)}
	for m := range pf.months {
		pf.months[m] = fmt.Sprintf("%04d-%02d-01", c.Year, m+1)
	}
	recs, err := e.decide(ctx, r, "enrollment", person, nil)
	if err != nil {
		return nil
	}
	if len(recs) > 0 {
		rule, err := enrollmentRuleOf(recs)
		if err != nil {
			return nil
		}
		pf.rule = &rule
		switch rule.starts {
		case "enrollment_date", "enrollment_month", "recognition_date", "next_year":
		default:
			pf.settleOnly = true
		}
		pf.settleOnly = pf.settleOnly || rule.waitingDays > 0
	}
	// The thresholds do not depend on the year's measures: the flags
	// against zero measures give them.
	flags, err := e.monitoring(ctx, r, person, p, Totals{}, &scratch)
	if err != nil {
		return nil
	}
	for _, f := range flags {
		m, ok := measureIndex[f.Measure]
		if !ok {
			m = unknownMeasure
		}
		pf.flags = append(pf.flags, flagThreshold{flag: f.Flag, measure: m, threshold: f.Threshold, inclusive: f.Inclusive})
	}
	pf.planKey = r.DecisionKey("plan", person)
	tk := planTableKey{params: p, planKey: pf.planKey}
	t.mu.Lock()
	if len(t.plans) >= maxPersons || t.plans == nil {
		t.plans = map[planTableKey]*planTable{}
	}
	if pf.plans = t.plans[tk]; pf.plans == nil {
		pf.plans = &planTable{}
		t.plans[tk] = pf.plans
	}
	t.mu.Unlock()
	return pf
}

// coverageFrom is the day coverage starts, as Settle's coverage works it
// out, as a day (dayOf); 0 when coverage is not limited. It reports false
// where the quick path would have to build a new date, or for a date it
// does not read (Settle then settles the person).
func (pf *personFigures) coverageFrom(c *cases.Case) (int, bool) {
	from, ok := pf.coverageStart(c)
	if !ok || from == "" {
		return 0, ok
	}
	return dayOf(from)
}

// coverageStart is coverageFrom's date as text, "" when coverage is not
// limited.
func (pf *personFigures) coverageStart(c *cases.Case) (string, bool) {
	date := c.Enrollment.Date
	if pf.rule == nil {
		if date <= pf.yearStart {
			return "", true
		}
		return date, true
	}
	var from string
	switch pf.rule.starts {
	case "enrollment_date":
		from = date
	case "enrollment_month":
		switch {
		case len(date) != len("2006-01-02"):
		case date < pf.yearStart:
			// The first of an earlier month, or of the year's first month
			// when only the day is before it: the year's first day either
			// way.
			from = pf.yearStart
		case date[:len("2006-")] == pf.yearStart[:len("2006-")]:
			m := date[len("2006-"):len("2006-01")]
			if m[0] < '0' || m[0] > '1' || m[1] < '0' || m[1] > '9' {
				return "", false
			}
			n := int(m[0]-'0')*10 + int(m[1]-'0')
			if n < 1 || n > 12 {
				return "", false
			}
			from = pf.months[n-1]
		default:
			return "", false
		}
	case "recognition_date":
		if c.Person.Recognized == "" {
			return "", false
		}
		from = c.Person.Recognized
	case "next_year":
		from = pf.nextYear
	}
	return max(from, pf.yearStart), true
}
