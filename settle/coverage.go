package settle

import (
	"context"
	"fmt"
	"time"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler/literal"
	"github.com/polc-dev/polc/policy"
)

// coverage works out when the person's coverage starts. Without an
// enrollment rule it is the enrollment date (nil if none is given: covered
// all year). A rule may start it at the recognition of the person's
// category, or on 1 January of the next year (Qiannan's September–December
// recognitions), and may add a waiting period.
func (e *Engine) coverage(ctx context.Context, r *policy.Region, c policy.Context, cs *cases.Case, res *Result) (*Coverage, error) {
	recs, err := e.decide(ctx, r, "enrollment", c, nil)
	if err != nil {
		return nil, err
	}
	res.used(recs)
	yearStart := fmt.Sprintf("%04d-01-01", cs.Year)
	if len(recs) == 0 {
		// Enrolled before the benefit year (in the collection period):
		// covered all year, nothing to report.
		if cs.Enrollment.Date <= yearStart {
			return nil, nil
		}
		return &Coverage{From: cs.Enrollment.Date, Starts: "enrollment_date"}, nil
	}
	rule, err := enrollmentRuleOf(recs)
	if err != nil {
		return nil, err
	}
	cov := &Coverage{Starts: rule.starts, Clause: rule.clause, WaitingDays: rule.waitingDays}
	switch cov.Starts {
	case "enrollment_date":
		cov.From = cs.Enrollment.Date
	case "enrollment_month":
		if len(cs.Enrollment.Date) == len("2006-01-02") {
			cov.From = cs.Enrollment.Date[:len("2006-01")] + "-01"
		}
	case "recognition_date":
		if cs.Person.Recognized == "" {
			return nil, fmt.Errorf("clause %s starts coverage when the person's category is recognised, but person.recognized is not given", rule.clause)
		}
		cov.From = cs.Person.Recognized
	case "next_year":
		cov.From = fmt.Sprintf("%04d-01-01", cs.Year+1)
	}
	if cov.From < yearStart {
		cov.From, cov.YearStart = yearStart, true
	}
	if cov.WaitingDays > 0 {
		start, err := time.Parse("2006-01-02", cov.From)
		if err != nil {
			return nil, fmt.Errorf("coverage start %q: %v", cov.From, err)
		}
		cov.From = start.AddDate(0, 0, cov.WaitingDays).Format("2006-01-02")
	}
	return cov, nil
}

// enrollmentRule is what a person's enrollment rules say: how coverage
// starts and after how many days. It depends on the decision alone, so a
// population run works it out once per person context.
type enrollmentRule struct {
	starts, clause string
	waitingDays    int
}

// enrollmentRuleOf reads the enrollment rules that apply (at least one);
// rules that apply together must agree.
func enrollmentRuleOf(recs []policy.Record) (enrollmentRule, error) {
	rec := recs[0]
	for _, other := range recs[1:] {
		if str(other.Fields["starts"]) != str(rec.Fields["starts"]) || fmt.Sprint(other.Fields["waiting_days"]) != fmt.Sprint(rec.Fields["waiting_days"]) {
			return enrollmentRule{}, fmt.Errorf("enrollment rules disagree: clause %s and clause %s", rec.Clause, other.Clause)
		}
	}
	rule := enrollmentRule{starts: str(rec.Fields["starts"]), clause: rec.Clause}
	if w, ok := rec.Fields["waiting_days"]; ok {
		d, _ := literal.Number(w)
		rule.waitingDays = int(d.IntPart())
	}
	return rule, nil
}

func (c *Coverage) describe() string {
	switch {
	case c.Clause == "":
		return "enrollment date"
	case c.WaitingDays > 0:
		return fmt.Sprintf("%s with a waiting period of %d days, clause %s", c.Starts, c.WaitingDays, c.Clause)
	}
	return fmt.Sprintf("%s, clause %s", c.Starts, c.Clause)
}
