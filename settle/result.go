package settle

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

	// Rules are the keys of the decision rules the settlement used (plan,
	// subsidy, monitoring, enrollment), for clause coverage. Not rendered.
	Rules []string `json:"-"`
}

// Coverage is when the person's coverage starts in the case year: from the
// enrollment date, or as the policy's enrollment rule says (an extension of
// the result contract).
type Coverage struct {
	From        string `json:"from"`
	Starts      string `json:"starts"` // a coverage_start id
	WaitingDays int    `json:"waiting_days,omitempty"`
	Clause      string `json:"clause,omitempty"`
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
}

// Step is what one tier did with one claim, every figure with its clause.
type Step struct {
	Tier       string     `json:"tier"`
	Base       Money      `json:"base"`
	Deductible *Money     `json:"deductible,omitempty"`
	Ratio      *Ratio     `json:"ratio,omitempty"`
	Bands      []BandPart `json:"bands,omitempty"`
	Target     *Ratio     `json:"target,omitempty"`
	Limit      *Ratio     `json:"limit,omitempty"`
	CapLeft    *Money     `json:"cap_left,omitempty"` // absent: no cap
	Paid       Money      `json:"paid"`
	Clause     string     `json:"clause"`
	Clauses    []string   `json:"clauses,omitempty"` // every clause that shaped the terms, if more than one
	Note       string     `json:"note,omitempty"`
}

// BandPart is the part of a claim's base that fell in one band.
type BandPart struct {
	From   Money  `json:"from"`
	Upto   *Money `json:"upto"`
	Ratio  Ratio  `json:"ratio"`
	Amount Money  `json:"amount"`
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
