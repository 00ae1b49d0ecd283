package settle

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/settle/money"
)

// dayOf reads exactly the dates written YYYY-MM-DD, and orders them as
// their text: the quick path compares claim dates with the numbers where
// Settle compares the text.
func TestDayOfOrdersAsText(t *testing.T) {
	rng := rand.New(rand.NewPCG(2026, 12))
	alphabet := "0123456789-/: a\xff"
	draw := func() string {
		b := []byte("2023-06-15")
		for range rng.IntN(3) {
			b[rng.IntN(len(b))] = alphabet[rng.IntN(len(alphabet))]
		}
		if rng.IntN(20) == 0 {
			return string(b[:rng.IntN(len(b))])
		}
		return string(b)
	}
	wellFormed := func(s string) bool {
		if len(s) != 10 {
			return false
		}
		for i := range len(s) {
			if (i == 4 || i == 7) != (s[i] == '-') || (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) {
				return false
			}
		}
		return true
	}
	var read []string
	for range 200_000 {
		s := draw()
		_, ok := dayOf(s)
		if ok != wellFormed(s) {
			t.Fatalf("dayOf(%q) reads it: %v", s, ok)
		}
		if ok {
			read = append(read, s)
		}
	}
	for i := range 200_000 {
		a, b := read[i%len(read)], read[rng.IntN(len(read))]
		x, _ := dayOf(a)
		y, _ := dayOf(b)
		if cmp := strings.Compare(a, b); (cmp < 0) != (x < y) || (cmp == 0) != (x == y) {
			t.Fatalf("%q vs %q: text %d, days %d vs %d", a, b, cmp, x, y)
		}
	}
}

// Every claim context of the schema has a slot of its own.
func TestSlotOf(t *testing.T) {
	seen := map[int]bool{}
	for _, kind := range claimKinds {
		for _, level := range hospitalLevels {
			for _, referred := range []bool{false, true} {
				for _, uninsured := range []bool{false, true} {
					s := slotOf(&cases.Claim{Kind: kind, HospitalLevel: level, Referred: referred, Uninsured: uninsured})
					if s < 0 || s >= len(planTable{}.slots) || seen[s] {
						t.Fatalf("%s level %s %v %v: slot %d", kind, level, referred, uninsured, s)
					}
					seen[s] = true
				}
			}
		}
	}
	for _, cl := range []cases.Claim{{Kind: "inpatienT", HospitalLevel: "1"}, {Kind: "inpatient", HospitalLevel: "4"}, {Kind: "inpatient", HospitalLevel: "01"}, {Kind: "", HospitalLevel: "1"}} {
		if s := slotOf(&cl); s != -1 {
			t.Errorf("%+v: slot %d", cl, s)
		}
	}
}

// The totals-only loop checks the caps only where a claim can pass one:
// where a group is charged by tiers with different caps. Tilted assistance
// sharing the assistance group on a higher cap takes the group past the
// assistance cap, which breaks the invariant, as settleClaim reports.
func TestCapChecks(t *testing.T) {
	var groups groupIDs
	assistance := &terms{tier: "assistance", index: assistanceTier, bands: []band{{open: true, ratio: money.One}}, capped: true, cap: 1_000_00, group: "assistance"}
	tilted := &terms{tier: "tilted", index: tiltedTier, bands: []band{{open: true, ratio: money.One}}, capped: true, cap: 1_000_00, group: "assistance"}
	for _, tt := range []struct {
		tiltedCap Money
		check     bool
	}{{1_000_00, false}, {5_000_00, true}} {
		assistance.groupID, tilted.groupID = groups.id("assistance"), groups.id("assistance")
		tilted.cap = tt.tiltedCap
		p := &prepared{basicGroup: groups.id("basic")}
		p.tiers[assistanceTier], p.tiers[tiltedTier] = assistance, tilted
		p.capped = []*terms{assistance, tilted}
		f := flatten(p)
		if f.checkCaps != tt.check {
			t.Fatalf("tilted cap %s: checkCaps %v", tt.tiltedCap, f.checkCaps)
		}
		var y tally
		basic := Money(0)
		ok := y.claim(&cases.Claim{Total: 3_000_00, BasicPaid: &basic}, f)
		if ok == tt.check {
			t.Errorf("tilted cap %s: claim kept the invariants: %v (assistance %s, tilted %s)", tt.tiltedCap, ok, y.totals.Assistance, y.totals.Tilted)
		}
	}
}

// coverageFrom's reading of dates as numbers, for a context with no
// enrollment rule, gives what the text's comparison gives: dates before,
// at and after the year's first day, of other years, and texts that are
// not dates.
func TestCoverageFromAgreesWithText(t *testing.T) {
	for _, year := range []int{2023, 2024, 10000} {
		pf := &personFigures{yearStart: fmt.Sprintf("%04d-01-01", year)}
		pf.yearStartDay, _ = dayOf(pf.yearStart)
		for _, date := range []string{"", "2022-12-31", "2023-01-01", "2023-01-02", "2023-07-15", "2024-01-01", "2024-02-29", "0999-01-01", "9999-12-31",
			"2023-1-01", "2023-01-0x", "2023/01/01", "20230101", "2023-13-01", "2023-01-01 ", "x"} {
			c := &cases.Case{Enrollment: cases.Enrollment{Date: date}}
			from, ok := pf.coverageStart(c)
			var want uint64
			wantOK := ok
			if ok && from != "" {
				want, wantOK = dayOf(from)
			}
			if got, gotOK := pf.coverageFrom(c); got != want || gotOK != wantOK {
				t.Errorf("year %d, enrolled %q: coverageFrom = %d, %v; by the text %d, %v", year, date, got, gotOK, want, wantOK)
			}
		}
	}
}
