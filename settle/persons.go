package settle

import (
	"context"
	"fmt"
	"maps"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/policy"
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

// maxKeyCategories bounds the categories a personKey holds (a byte each
// in a word); a person with more settles by Settle.
const maxKeyCategories = 8

// maxPersons bounds the person contexts an engine keeps for Figures: past
// it, the table starts again (a server settling one-off cases must not
// grow without end).
const maxPersons = 1 << 16

// regionFigures is what Figures needs of a region, worked out once per
// engine.
type regionFigures struct {
	region *policy.Region
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
	inForceFrom, inForceTo uint64
	quick                  bool
}

var keyDecisions = [...]string{"plan", "subsidy", "monitoring", "enrollment"}

func newRegionFigures(r *policy.Region) *regionFigures {
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
		rf.inForceTo, toOK = math.MaxUint64, true
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
	// persons are the person contexts by their key's hash (personKey.hash):
	// hashing the key as a Go map does, strings and all, cost more than
	// the rest of a person.
	persons personTable
	plans   map[planTableKey]*planTable
	// resolved are params resolved with a case's overrides, by the
	// overrides' identity (Engine.Figures).
	resolved map[paramsKey]*policy.Params
}

// paramsKey is a case's params by what they are resolved from: the region,
// the year and the overrides slice by identity (with overrides, stand-ins
// do not apply).
type paramsKey struct {
	region     *policy.Region
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
func (t *figuresTables) params(e *Engine, c *cases.Case) (*policy.Region, *policy.Params, error) {
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
		t.resolved = map[paramsKey]*policy.Params{}
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
// (a population run hands every person the same one) or none. The small
// fields are packed into words, so the key hashes and compares in a few
// instructions; the strings, mostly empty, come last.
type personKey struct {
	// head packs the region's index, the number of categories, which of
	// the optional attributes are given (keyFlags), the household's assets
	// (0 not given or not read, 1 false, 2 true) and a one-character tier.
	head uint64
	// categories are the categories' numbers, a byte each, in the case's
	// order, as DecisionKey keeps them.
	categories                uint64
	year, age, exitYear, size int32
	income                    Money
	overrides                 *cases.Override
	noverrides                int

	tier, residence, county, recognized, enrollmentDate string
}

// retained is the key as the table keeps it: its strings copied, so that
// the table neither keeps the caller's text alive (a population reader's,
// a chunk of many persons for one county's name) nor depends on it
// staying unchanged.
func (k *personKey) retained() personKey {
	r := *k
	r.tier, r.residence, r.county = strings.Clone(k.tier), strings.Clone(k.residence), strings.Clone(k.county)
	r.recognized, r.enrollmentDate = strings.Clone(k.recognized), strings.Clone(k.enrollmentDate)
	return r
}

// keyFlags say which optional attributes a personKey holds.
const (
	keyStandIns = 1 << iota
	keyAge
	keyExitYear
	keyHousehold
	keySize
	keyIncome
)

// keyOf builds a person's key in k; false if the person does not fit one (an
// unknown category, too many, a number beyond 32 bits, an income with a
// third decimal).
func (t *figuresTables) keyOf(k *personKey, rf *regionFigures, c *cases.Case, standIns bool) bool {
	*k = personKey{year: int32(c.Year), noverrides: len(c.Overrides), tier: c.Enrollment.Tier}
	if int(k.year) != c.Year {
		return false
	}
	if len(c.Overrides) > 0 {
		k.overrides = &c.Overrides[0]
	}
	p := &c.Person
	if len(p.Categories) > maxKeyCategories {
		return false
	}
	for _, cat := range p.Categories {
		n := t.category(cat)
		if n == 0 {
			return false
		}
		k.categories = k.categories<<8 | uint64(n)
	}
	var flags, assets uint64
	if standIns {
		flags |= keyStandIns
	}
	if rf.age && p.Age != nil {
		if k.age = int32(*p.Age); int(k.age) != *p.Age {
			return false
		}
		flags |= keyAge
	}
	if rf.exitYear && p.ExitYear != nil {
		if k.exitYear = int32(*p.ExitYear); int(k.exitYear) != *p.ExitYear {
			return false
		}
		flags |= keyExitYear
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
		flags |= keyHousehold
		if h.Size != nil {
			if k.size = int32(*h.Size); int(k.size) != *h.Size {
				return false
			}
			flags |= keySize
		}
		if h.AnnualDisposableIncome != nil {
			income, err := money.FromDecimal(*h.AnnualDisposableIncome)
			if err != nil {
				return false
			}
			k.income = income
			flags |= keyIncome
		}
		if rf.assets && h.AssetsWithinLimit != nil {
			assets = 1
			if *h.AssetsWithinLimit {
				assets = 2
			}
		}
	}
	// A one-character tier ("1", "2") goes into the head, leaving the key's
	// strings empty for most people.
	var tier uint64
	if len(k.tier) == 1 {
		tier, k.tier = uint64(k.tier[0]), ""
	}
	k.head = uint64(rf.index) | uint64(len(p.Categories))<<16 | flags<<24 | assets<<40 | tier<<48
	return true
}

// personFigures is what Figures knows of a person context.
type personFigures struct {
	key  personKey
	next *personFigures // of the same hash

	params  *policy.Params
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
	yearStartDay        uint64 // yearStart's dayOf; 0 if it has none (a year past 9999)
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

// planTable holds a person context's plans, in flat form, by the claim's
// kind, hospital level, referral and insurance — the claim's part of a plan
// key, when the claim names no disease the plans read. It is shared by
// every person context with the same plan DecisionKey and params.
type planTable struct {
	slots [len(claimKinds) * len(hospitalLevels) * 2 * 2]atomic.Pointer[flatPlan]
}

type planTableKey struct {
	params  *policy.Params
	planKey string
}

var (
	claimKinds     = [...]string{"inpatient", "outpatient_special", "outpatient"}
	hospitalLevels = [...]string{"1", "2", "3"}
)

// slotOf is a claim context's place in a planTable; -1 for a kind or level
// outside the schema's, which the engine's plan cache serves.
func slotOf(cl *cases.Claim) int {
	// The kinds' lengths differ: one comparison, with a constant, tells a
	// kind.
	kind := -1
	switch k := cl.Kind; len(k) {
	case len("inpatient"):
		if k == "inpatient" {
			kind = 0
		}
	case len("outpatient_special"):
		// Compared in two parts, each short enough to be compared inline.
		if k[:16] == "outpatient_speci" && k[16:] == "al" {
			kind = 1
		}
	case len("outpatient"):
		if k == "outpatient" {
			kind = 2
		}
	}
	l := cl.HospitalLevel
	if kind < 0 || len(l) != 1 || l[0] < '1' || l[0] > '3' {
		return -1
	}
	slot := (kind*len(hospitalLevels) + int(l[0]-'1')) * 4
	if cl.Referred {
		slot += 2
	}
	if cl.Uninsured {
		slot++
	}
	return slot
}

// flat is the flat form of a claim's plan, if the table has it, and the
// claim's slot (-1 if it has none: a kind or level outside the schema's, a
// disease the plans read).
func (pt *planTable) flat(cl *cases.Claim, readsDisease bool) (*flatPlan, int) {
	if readsDisease && cl.Disease != "" {
		return nil, -1
	}
	slot := slotOf(cl)
	if slot < 0 {
		return nil, -1
	}
	return pt.slots[slot].Load(), slot
}

// person returns the figures of the case's person context, working them
// out the first time; nil if they cannot be (a decision fails, the params
// do not resolve): Settle then settles the case and says why.
func (e *Engine) person(ctx context.Context, t *figuresTables, k *personKey, c *cases.Case) *personFigures {
	h := k.hash()
	if pf := t.persons.find(h, k); pf != nil {
		return pf
	}
	pf := e.newPerson(ctx, t, c)
	if pf == nil {
		return nil
	}
	pf.key = k.retained()
	t.persons.add(h, pf)
	return pf
}

// personTable holds the person contexts by their key's hash, each with its
// key, those of one hash chained. Readers look in a published map, never
// changed once published, without a lock: a population run, on however
// many goroutines, finds almost every person there. A miss looks, under
// the lock, in the map contexts are added to, which is published once the
// misses since the last publication outnumber its entries (as sync.Map
// promotes its dirty map).
type personTable struct {
	read   atomic.Pointer[map[uint64]*personFigures]
	mu     sync.Mutex
	dirty  map[uint64]*personFigures // read's contexts and those added since; nil just after publication
	misses int
}

func chainFind(pf *personFigures, k *personKey) *personFigures {
	for pf != nil && pf.key != *k {
		pf = pf.next
	}
	return pf
}

func (pt *personTable) find(h uint64, k *personKey) *personFigures {
	if m := pt.read.Load(); m != nil {
		if pf := chainFind((*m)[h], k); pf != nil {
			return pf
		}
	}
	pt.mu.Lock()
	defer pt.mu.Unlock()
	if pt.dirty == nil {
		return nil
	}
	pf := chainFind(pt.dirty[h], k)
	if pt.misses++; pt.misses > len(pt.dirty) {
		m := pt.dirty
		pt.read.Store(&m)
		pt.dirty, pt.misses = nil, 0
	}
	return pf
}

// add adds a context. Another goroutine may have added the same one
// meanwhile: the two are alike, and the later shadows the earlier.
func (pt *personTable) add(h uint64, pf *personFigures) {
	pt.mu.Lock()
	defer pt.mu.Unlock()
	if pt.dirty == nil {
		pt.dirty = map[uint64]*personFigures{}
		if m := pt.read.Load(); m != nil {
			pt.dirty = maps.Clone(*m)
		}
	}
	if len(pt.dirty) >= maxPersons {
		pt.read.Store(nil)
		pt.dirty, pt.misses = map[uint64]*personFigures{}, 0
	}
	pf.next = pt.dirty[h]
	pt.dirty[h] = pf
}

// hash mixes the key's words, each step a multiplication by an odd
// constant and a rotation (as in FxHash), and the strings' bytes. Equal
// keys hash alike, and the table compares whole keys, so a collision costs
// only a comparison.
func (k *personKey) hash() uint64 {
	h := fxMix(0, k.head)
	h = fxMix(h, k.categories)
	h = fxMix(h, uint64(uint32(k.year))<<32|uint64(uint32(k.age)))
	h = fxMix(h, uint64(uint32(k.exitYear))<<32|uint64(uint32(k.size)))
	h = fxMix(h, uint64(k.income))
	h = fxMix(h, uint64(k.noverrides))
	if len(k.tier)+len(k.residence)+len(k.county)+len(k.recognized)+len(k.enrollmentDate) == 0 {
		return h
	}
	for _, s := range [...]string{k.tier, k.residence, k.county, k.recognized, k.enrollmentDate} {
		h = fxMix(h, uint64(len(s)))
		for len(s) >= 8 {
			h = fxMix(h, uint64(s[0])|uint64(s[1])<<8|uint64(s[2])<<16|uint64(s[3])<<24|
				uint64(s[4])<<32|uint64(s[5])<<40|uint64(s[6])<<48|uint64(s[7])<<56)
			s = s[8:]
		}
		if len(s) > 0 {
			var v uint64
			for i := range len(s) {
				v |= uint64(s[i]) << (8 * i)
			}
			h = fxMix(h, v)
		}
	}
	return h
}

func fxMix(h, v uint64) uint64 { return bits.RotateLeft64((h^v)*0x9e3779b97f4a7c15, 26) }

// newPerson works out a person context's figures with Settle's own
// functions, so they are Settle's: the same decisions, from the same
// caches, validated the same way.
func (e *Engine) newPerson(ctx context.Context, t *figuresTables, c *cases.Case) *personFigures {
	r, p, err := t.params(e, c)
	if err != nil {
		return nil
	}
	person := policy.Context{Year: c.Year, Person: c.Person, EnrollmentTier: c.Enrollment.Tier, EnrollmentDate: c.Enrollment.Date}
	var scratch Result
	sub, err := e.subsidy(ctx, r, person, p, &scratch)
	if err != nil {
		return nil
	}
	pf := &personFigures{params: p, subsidy: *sub, yearStart: fmt.Sprintf("%04d-01-01", c.Year), nextYear: fmt.Sprintf("%04d-01-01", c.Year+1)}
	pf.yearStartDay, _ = dayOf(pf.yearStart)
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
func (pf *personFigures) coverageFrom(c *cases.Case) (uint64, bool) {
	if date := c.Enrollment.Date; pf.rule == nil && date != "" && pf.yearStartDay != 0 {
		// Most persons: coverage from the enrollment date, or the year's
		// first day if that is later — dates compared as dayOf's numbers
		// (which order as the text does), not as text.
		if d, ok := dayOf(date); ok {
			if d <= pf.yearStartDay {
				return 0, true
			}
			return d, true
		}
	}
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
