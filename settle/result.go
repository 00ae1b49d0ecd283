package settle

import "github.com/polc-dev/polc/policy"

// Result is the settlement of one case, in the result contract's shape and
// key order (DESIGN.md). Title and clauses are extensions for reviewers.
type Result struct {
	Region     string        `json:"region"`
	Year       int           `json:"year"`
	Case       string        `json:"case"`
	Title      string        `json:"title,omitempty"`
	Clauses    []string      `json:"clauses,omitempty"`
	Coverage   *Coverage     `json:"coverage,omitempty"`
	Subsidy    SubsidyResult `json:"subsidy"`
	Claims     []ClaimResult `json:"claims"`
	Totals     Totals        `json:"totals"`
	Monitoring []FlagResult  `json:"monitoring"`
	// Parameters are the numbers the settlement read from parameters
	// rather than from the rules' text, each with who gave it; Readings the
	// declared readings of ambiguous text the rules used rest on.
	Parameters []ParamUse   `json:"parameters,omitempty"`
	Readings   []ReadingUse `json:"readings,omitempty"`

	// Rules are the keys of the decision rules the settlement used (plan,
	// subsidy, monitoring, enrollment), for clause coverage. Not rendered.
	Rules []string `json:"-"`
	// params are the parameter paths read, unsorted, with repeats.
	params []string
}

// Coverage is when the person's coverage starts in the case year: from the
// enrollment date, or as the policy's enrollment rule says (an extension of
// the result contract).
type Coverage struct {
	From        string `json:"from"`
	Starts      string `json:"starts"` // a coverage_start id
	WaitingDays int    `json:"waiting_days,omitempty"`
	Clause      string `json:"clause,omitempty"`
	// YearStart says the start the rule gives fell before the benefit
	// year: the person is covered from the year's first day because of the
	// year, not because of that start.
	YearStart bool `json:"year_start,omitempty"`
}

// SubsidyResult is the enrollment subsidy: the winning rule, its amount and
// who pays it.
type SubsidyResult struct {
	Contribution Money          `json:"contribution"`
	Amount       Money          `json:"amount"`
	PersonPays   Money          `json:"person_pays"`
	Rule         string         `json:"rule"`
	Clause       string         `json:"clause"`
	Funders      []FunderAmount `json:"funders"`
}

// FunderAmount is one funder's part of a subsidy.
type FunderAmount struct {
	Funder string `json:"funder"`
	Amount Money  `json:"amount"`
}

// ClaimResult is one claim split into who pays what.
type ClaimResult struct {
	ID            string `json:"id"`
	Date          string `json:"date,omitempty"`
	Kind          string `json:"kind,omitempty"`
	Total         Money  `json:"total"`
	InScope       Money  `json:"in_scope"`
	HospitalBorne Money  `json:"hospital_borne"`
	Basic         Money  `json:"basic"`
	Critical      Money  `json:"critical"`
	Assistance    Money  `json:"assistance"`
	Tilted        Money  `json:"tilted"`
	TopUp         Money  `json:"top_up"`
	OutOfPocket   Money  `json:"out_of_pocket"`
	Steps         []Step `json:"steps"`
	// NotApplied are the region's tiers that took no part in the claim,
	// with the reason (see the unpaid reasons below).
	NotApplied []TierNote `json:"not_applied,omitempty"`
}

// TierNote says why a tier did not apply to a claim.
type TierNote struct {
	Tier   string `json:"tier"`
	Reason string `json:"reason"`
}

// Why a tier paid nothing: the ids of Step.Unpaid and TierNote.Reason.
const (
	UnpaidBelowDeductible = "below_deductible" // the accumulation stayed at or below the deductible
	UnpaidCapUsedUp       = "cap_used_up"      // the group's annual cap was used up before the claim
	UnpaidNothingLeft     = "nothing_left"     // the tiers before left nothing to pay on
	UnpaidUninsured       = "uninsured"        // not insured when the cost arose (or in the waiting period)
	UnpaidNotCovered      = policy.NotCovered
	UnpaidKindNotCovered  = policy.KindNotCovered
	UnpaidNotReferred     = policy.NotReferred
)

// Step is what one tier did with one claim, every figure with its clause.
type Step struct {
	Tier string `json:"tier"`
	// CountsOnly marks a step that adds to a tier's accumulation and pays
	// nothing itself (an uninsured claim's counted cost).
	CountsOnly bool  `json:"counts_only,omitempty"`
	Base       Money `json:"base"`
	// The tier's accumulation for the year before and after this claim,
	// for tiers whose deductible and bands work on the year's total.
	AccumulatedBefore *Money     `json:"accumulated_before,omitempty"`
	AccumulatedAfter  *Money     `json:"accumulated_after,omitempty"`
	Deductible        *Money     `json:"deductible,omitempty"`
	Ratio             *Ratio     `json:"ratio,omitempty"`
	Bands             []BandPart `json:"bands,omitempty"`
	Target            *Ratio     `json:"target,omitempty"`
	Limit             *Ratio     `json:"limit,omitempty"`
	CapLeft           *Money     `json:"cap_left,omitempty"` // absent: no cap
	Paid              Money      `json:"paid"`
	Unpaid            string     `json:"unpaid,omitempty"` // why it paid nothing, if it did not
	Clause            string     `json:"clause"`
	Clauses           []string   `json:"clauses,omitempty"` // every clause that shaped the terms, if more than one
	// Parameters are the parameters the step's terms were read from.
	// Parameters names the parameter each of the step's terms was read
	// from (deductible, ratio, annual_cap, limit, target).
	Parameters map[string]string `json:"parameters,omitempty"`
	Note       string            `json:"note,omitempty"`
}

// BandPart is the part of a claim's base that fell in one band.
type BandPart struct {
	From   Money  `json:"from"`
	Upto   *Money `json:"upto"`
	Ratio  Ratio  `json:"ratio"`
	Amount Money  `json:"amount"`
}

// ParamUse is one parameter a settlement read: its value, who gave it
// (document, params, case, derived, fallback), whether it is illustrative
// and where it was published or who sets it.
type ParamUse struct {
	Path         string `json:"path"`
	Value        string `json:"value"`
	GivenBy      string `json:"given_by"`
	Illustrative bool   `json:"illustrative,omitempty"`
	Source       string `json:"source,omitempty"`
	Clause       string `json:"clause,omitempty"`
	FallsBackTo  string `json:"falls_back_to,omitempty"`
}

// ReadingUse is a declared reading of the document a settlement rests on.
type ReadingUse struct {
	Clause      string `json:"clause"`
	Text        string `json:"text"`
	Chosen      string `json:"chosen"`
	Alternative string `json:"alternative"`
}

// Totals sums the claims and gives the monitoring measures.
type Totals struct {
	Total          Money `json:"total"`
	HospitalBorne  Money `json:"hospital_borne"`
	Basic          Money `json:"basic"`
	Critical       Money `json:"critical"`
	Assistance     Money `json:"assistance"`
	Tilted         Money `json:"tilted"`
	TopUp          Money `json:"top_up"`
	OutOfPocket    Money `json:"out_of_pocket"`
	InsuredSelfPay Money `json:"insured_self_pay"`
	InScopeSelfPay Money `json:"in_scope_self_pay"`
	TotalSelfPay   Money `json:"total_self_pay"`
}

// FlagResult is one monitoring threshold the person's population has, and
// whether the year's measure reached it.
type FlagResult struct {
	Flag       string `json:"flag"`
	Measure    string `json:"measure"`
	Value      Money  `json:"value"`
	Threshold  Money  `json:"threshold"`
	Inclusive  bool   `json:"inclusive"`
	Raised     bool   `json:"raised"`
	Clause     string `json:"clause"`
	Population string `json:"population,omitempty"`
}
