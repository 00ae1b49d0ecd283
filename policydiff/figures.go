package policydiff

import (
	"errors"
	"strconv"
	"strings"

	"github.com/polc-dev/polc/settle"
)

// scope is which figures of a case are compared: a golden case on all of
// them; a grid case on those its amounts were placed for (casegrid.Kind),
// so that a change to the subsidy is not counted again in every claim case
// that carries the subsidy along.
type scope int

const (
	scopeAll scope = iota
	scopeClaims
	scopePerson
	scopeMonitoring
)

// figure is one figure of a result, money or text.
type figure struct {
	name   string
	money  settle.Money
	text   string
	isText bool
}

// FigureChange is one figure that differs between the two settlements of a
// case. Figure is its id (totals.critical, subsidy.amount,
// claims.c1.assistance, monitoring.<flag>.raised, coverage.from, error);
// Before and After its values ("—" where that version has none); Delta the
// change of a money figure both have.
type FigureChange struct {
	Figure string        `json:"figure"`
	Before string        `json:"before"`
	After  string        `json:"after"`
	Delta  *settle.Money `json:"delta,omitempty"`
}

// totalsFields are the figures of a claim and of the year's totals, in the
// order of the settlement model.
var totalsFields = []string{"total", "hospital_borne", "basic", "critical", "assistance", "tilted", "top_up", "out_of_pocket"}

// figuresOf lists the figures of a result in a scope, in a fixed order.
func figuresOf(res *settle.Result, sc scope) []figure {
	var out []figure
	money := func(name string, m settle.Money) { out = append(out, figure{name: name, money: m}) }
	text := func(name, t string) { out = append(out, figure{name: name, text: t, isText: true}) }
	if sc == scopeAll || sc == scopePerson {
		s := res.Subsidy
		money("subsidy.amount", s.Amount)
		money("subsidy.person_pays", s.PersonPays)
		for _, f := range s.Funders {
			money("subsidy.funders."+f.Funder, f.Amount)
		}
		from := "—"
		if res.Coverage != nil {
			from = res.Coverage.From
		}
		text("coverage.from", from)
	}
	if sc == scopeAll || sc == scopeClaims {
		// A case of one claim has the claim's figures in its totals.
		if len(res.Claims) > 1 {
			for _, c := range res.Claims {
				for i, v := range claimValues(c) {
					money("claims."+c.ID+"."+totalsFields[i], v)
				}
			}
		}
		t := res.Totals
		for i, v := range []settle.Money{t.Total, t.HospitalBorne, t.Basic, t.Critical, t.Assistance, t.Tilted, t.TopUp, t.OutOfPocket} {
			money("totals."+totalsFields[i], v)
		}
		money("totals.insured_self_pay", t.InsuredSelfPay)
		money("totals.in_scope_self_pay", t.InScopeSelfPay)
		money("totals.total_self_pay", t.TotalSelfPay)
	}
	if sc == scopeAll || sc == scopeMonitoring {
		for _, f := range res.Monitoring {
			key := "monitoring." + f.Flag
			if f.Population != "" {
				key += "/" + f.Population
			}
			money(key+".threshold", f.Threshold)
			text(key+".raised", strconv.FormatBool(f.Raised))
		}
	}
	return out
}

func claimValues(c settle.ClaimResult) []settle.Money {
	return []settle.Money{c.Total, c.HospitalBorne, c.Basic, c.Critical, c.Assistance, c.Tilted, c.TopUp, c.OutOfPocket}
}

func (f figure) String() string {
	if f.isText {
		return f.text
	}
	return f.money.String()
}

// compareResults lists the figures that differ between two settlements of
// a case. A case that fails in one version and not in the other has
// changed: its one figure is the error; one failing in both has not.
func compareResults(before, after *settle.Result, errB, errA error, sc scope) []FigureChange {
	switch {
	case errB != nil && errA != nil:
		return nil
	case errB != nil || errA != nil:
		return []FigureChange{{Figure: "error", Before: outcomeText(errB), After: outcomeText(errA)}}
	}
	bf, af := figuresOf(before, sc), figuresOf(after, sc)
	index := make(map[string]int, len(af))
	for i, f := range af {
		index[f.name] = i
	}
	var out []FigureChange
	seen := make(map[string]bool, len(bf))
	for _, b := range bf {
		seen[b.name] = true
		i, ok := index[b.name]
		if !ok {
			out = append(out, FigureChange{Figure: b.name, Before: b.String(), After: "—"})
			continue
		}
		a := af[i]
		if b.isText == a.isText && b.text == a.text && b.money == a.money {
			continue
		}
		fc := FigureChange{Figure: b.name, Before: b.String(), After: a.String()}
		if !b.isText && !a.isText {
			d := a.money - b.money
			fc.Delta = &d
		}
		out = append(out, fc)
	}
	for _, a := range af {
		if !seen[a.name] {
			out = append(out, FigureChange{Figure: a.name, Before: "—", After: a.String()})
		}
	}
	return out
}

// outcomeText is what a version's settlement gave, as a figure: settled,
// or the error it failed with.
func outcomeText(err error) string {
	if err == nil {
		return "结算成功"
	}
	var se *settle.Error
	if errors.As(err, &se) {
		msg := se.Message
		if se.Claim != "" {
			msg = "claim " + se.Claim + ": " + msg
		}
		return "出错：" + msg
	}
	return "出错：" + strings.TrimSpace(err.Error())
}

// statOf is the figure a changed figure counts under in a group's
// statistics — a year's total, the subsidy, a monitoring threshold — or ""
// for one that only details another (a claim's share of a total, a
// funder's of the subsidy).
func statOf(name string) string {
	switch {
	case strings.HasPrefix(name, "totals."), name == "subsidy.amount", name == "coverage.from", name == "error":
		return name
	case strings.HasPrefix(name, "monitoring.") && strings.HasSuffix(name, ".threshold"):
		return "monitoring.threshold"
	case strings.HasPrefix(name, "monitoring.") && strings.HasSuffix(name, ".raised"):
		return "monitoring.raised"
	}
	return ""
}
