package harness

import (
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/polc-dev/polc/settle"
)

// AppendJSON appends what JSON writes for results to dst: the same bytes,
// written field by field in the result contract's order rather than by
// encoding/json's reflection and its second, indenting pass over them —
// a result is most of what polc serve spends on a settle request after
// reading the case. TestResultWriterAgrees holds it to IndentedJSON on
// every golden and on random results with every field set or left empty,
// so a field added to the result and not here fails it.
func AppendJSON(dst []byte, results ...*settle.Result) []byte {
	w := jsonWriter{b: dst}
	switch {
	case len(results) == 1:
		w.result(results[0])
	case results == nil:
		w.null()
	default:
		w.begin('[')
		for _, r := range results {
			w.item()
			w.result(r)
		}
		w.end(']')
	}
	return append(w.b, '\n')
}

// jsonWriter appends JSON indented as json.Encoder with SetIndent("", "  ")
// indents it: each element on a line of its own, two spaces deeper than
// its container; "key": value; an empty object or list as {} or [].
type jsonWriter struct {
	b []byte
	// open says, for each container being written, innermost last,
	// whether it has an element yet.
	open []bool
}

func (w *jsonWriter) begin(c byte) {
	w.b = append(w.b, c)
	w.open = append(w.open, false)
}

func (w *jsonWriter) end(c byte) {
	had := w.open[len(w.open)-1]
	w.open = w.open[:len(w.open)-1]
	if had {
		w.newline()
	}
	w.b = append(w.b, c)
}

func (w *jsonWriter) newline() {
	w.b = append(w.b, '\n')
	for range w.open {
		w.b = append(w.b, ' ', ' ')
	}
}

// item starts an element of the container being written.
func (w *jsonWriter) item() {
	top := &w.open[len(w.open)-1]
	if *top {
		w.b = append(w.b, ',')
	}
	*top = true
	w.newline()
}

// key starts a member of the object being written; keys are the
// contract's, plain ASCII.
func (w *jsonWriter) key(k string) {
	w.item()
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':', ' ')
}

// str writes a string as encoding/json does without HTML escaping. Most
// strings of a result need no escaping and are copied as they are.
func (w *jsonWriter) str(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' {
				w.escaped(s)
				return
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			w.escaped(s)
			return
		}
		i += size
	}
	w.b = append(w.b, '"')
	w.b = append(w.b, s...)
	w.b = append(w.b, '"')
}

// escaped writes a string that needs escaping as encoding/json's
// appendString does with HTML escaping off: \" and \\, \b \f \n \r \t,
// \u00XX for the other control characters, \ufffd for each byte that is
// not UTF-8, \u2028 and \u2029.
func (w *jsonWriter) escaped(s string) {
	const hex = "0123456789abcdef"
	b := append(w.b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	w.b = append(b, '"')
}

func (w *jsonWriter) strs(list []string) {
	if list == nil {
		w.null()
		return
	}
	w.begin('[')
	for _, s := range list {
		w.item()
		w.str(s)
	}
	w.end(']')
}

func (w *jsonWriter) null() { w.b = append(w.b, "null"...) }

func (w *jsonWriter) boolean(v bool) {
	if v {
		w.b = append(w.b, "true"...)
	} else {
		w.b = append(w.b, "false"...)
	}
}

func (w *jsonWriter) int(i int) {
	w.b = strconv.AppendInt(w.b, int64(i), 10)
}

func (w *jsonWriter) money(a settle.Money) {
	w.b = append(w.b, '"')
	w.b = a.AppendText(w.b)
	w.b = append(w.b, '"')
}

func (w *jsonWriter) moneyPtr(a *settle.Money) {
	if a == nil {
		w.null()
		return
	}
	w.money(*a)
}

func (w *jsonWriter) ratio(r settle.Ratio) {
	w.b = append(w.b, '"')
	w.b = r.AppendText(w.b)
	w.b = append(w.b, '"')
}

// The types of the result, each as encoding/json writes it: members in
// field order, omitempty members left out when empty, a nil list or
// pointer as null.

func (w *jsonWriter) result(r *settle.Result) {
	if r == nil {
		w.null()
		return
	}
	w.begin('{')
	w.key("region")
	w.str(r.Region)
	w.key("year")
	w.int(r.Year)
	w.key("case")
	w.str(r.Case)
	if r.Title != "" {
		w.key("title")
		w.str(r.Title)
	}
	if len(r.Clauses) > 0 {
		w.key("clauses")
		w.strs(r.Clauses)
	}
	if r.Coverage != nil {
		w.key("coverage")
		w.coverage(r.Coverage)
	}
	w.key("subsidy")
	w.subsidy(&r.Subsidy)
	w.key("claims")
	if r.Claims == nil {
		w.null()
	} else {
		w.begin('[')
		for i := range r.Claims {
			w.item()
			w.claim(&r.Claims[i])
		}
		w.end(']')
	}
	w.key("totals")
	w.totals(&r.Totals)
	w.key("monitoring")
	if r.Monitoring == nil {
		w.null()
	} else {
		w.begin('[')
		for i := range r.Monitoring {
			w.item()
			w.flag(&r.Monitoring[i])
		}
		w.end(']')
	}
	if len(r.Parameters) > 0 {
		w.key("parameters")
		w.begin('[')
		for i := range r.Parameters {
			w.item()
			w.param(&r.Parameters[i])
		}
		w.end(']')
	}
	if len(r.Readings) > 0 {
		w.key("readings")
		w.begin('[')
		for i := range r.Readings {
			w.item()
			w.reading(&r.Readings[i])
		}
		w.end(']')
	}
	w.end('}')
}

func (w *jsonWriter) coverage(c *settle.Coverage) {
	w.begin('{')
	w.key("from")
	w.str(c.From)
	w.key("starts")
	w.str(c.Starts)
	if c.WaitingDays != 0 {
		w.key("waiting_days")
		w.int(c.WaitingDays)
	}
	if c.Clause != "" {
		w.key("clause")
		w.str(c.Clause)
	}
	if c.YearStart {
		w.key("year_start")
		w.boolean(true)
	}
	w.end('}')
}

func (w *jsonWriter) subsidy(s *settle.SubsidyResult) {
	w.begin('{')
	w.key("contribution")
	w.money(s.Contribution)
	w.key("amount")
	w.money(s.Amount)
	w.key("person_pays")
	w.money(s.PersonPays)
	w.key("rule")
	w.str(s.Rule)
	w.key("clause")
	w.str(s.Clause)
	w.key("funders")
	if s.Funders == nil {
		w.null()
	} else {
		w.begin('[')
		for _, f := range s.Funders {
			w.item()
			w.begin('{')
			w.key("funder")
			w.str(f.Funder)
			w.key("amount")
			w.money(f.Amount)
			w.end('}')
		}
		w.end(']')
	}
	w.end('}')
}

func (w *jsonWriter) claim(c *settle.ClaimResult) {
	w.begin('{')
	w.key("id")
	w.str(c.ID)
	if c.Date != "" {
		w.key("date")
		w.str(c.Date)
	}
	if c.Kind != "" {
		w.key("kind")
		w.str(c.Kind)
	}
	for _, m := range [...]struct {
		k string
		v settle.Money
	}{
		{"total", c.Total}, {"in_scope", c.InScope}, {"hospital_borne", c.HospitalBorne},
		{"basic", c.Basic}, {"critical", c.Critical}, {"assistance", c.Assistance},
		{"tilted", c.Tilted}, {"top_up", c.TopUp}, {"out_of_pocket", c.OutOfPocket},
	} {
		w.key(m.k)
		w.money(m.v)
	}
	w.key("steps")
	if c.Steps == nil {
		w.null()
	} else {
		w.begin('[')
		for i := range c.Steps {
			w.item()
			w.step(&c.Steps[i])
		}
		w.end(']')
	}
	if len(c.NotApplied) > 0 {
		w.key("not_applied")
		w.begin('[')
		for _, n := range c.NotApplied {
			w.item()
			w.begin('{')
			w.key("tier")
			w.str(n.Tier)
			w.key("reason")
			w.str(n.Reason)
			w.end('}')
		}
		w.end(']')
	}
	w.end('}')
}

func (w *jsonWriter) step(s *settle.Step) {
	w.begin('{')
	w.key("tier")
	w.str(s.Tier)
	if s.CountsOnly {
		w.key("counts_only")
		w.boolean(true)
	}
	w.key("base")
	w.money(s.Base)
	for _, m := range [...]struct {
		k string
		v *settle.Money
	}{{"accumulated_before", s.AccumulatedBefore}, {"accumulated_after", s.AccumulatedAfter}, {"deductible", s.Deductible}} {
		if m.v != nil {
			w.key(m.k)
			w.money(*m.v)
		}
	}
	if s.Ratio != nil {
		w.key("ratio")
		w.ratio(*s.Ratio)
	}
	if len(s.Bands) > 0 {
		w.key("bands")
		w.begin('[')
		for i := range s.Bands {
			b := &s.Bands[i]
			w.item()
			w.begin('{')
			w.key("from")
			w.money(b.From)
			w.key("upto")
			w.moneyPtr(b.Upto)
			w.key("ratio")
			w.ratio(b.Ratio)
			w.key("amount")
			w.money(b.Amount)
			w.end('}')
		}
		w.end(']')
	}
	if s.Target != nil {
		w.key("target")
		w.ratio(*s.Target)
	}
	if s.Limit != nil {
		w.key("limit")
		w.ratio(*s.Limit)
	}
	if s.CapLeft != nil {
		w.key("cap_left")
		w.money(*s.CapLeft)
	}
	w.key("paid")
	w.money(s.Paid)
	if s.Unpaid != "" {
		w.key("unpaid")
		w.str(s.Unpaid)
	}
	w.key("clause")
	w.str(s.Clause)
	if len(s.Clauses) > 0 {
		w.key("clauses")
		w.strs(s.Clauses)
	}
	if len(s.Parameters) > 0 {
		w.key("parameters")
		w.stringMap(s.Parameters)
	}
	if s.Note != "" {
		w.key("note")
		w.str(s.Note)
	}
	w.end('}')
}

// stringMap writes a map with its keys sorted, as encoding/json does.
func (w *jsonWriter) stringMap(m map[string]string) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	w.begin('{')
	for _, k := range keys {
		w.item()
		w.str(k)
		w.b = append(w.b, ':', ' ')
		w.str(m[k])
	}
	w.end('}')
}

func (w *jsonWriter) totals(t *settle.Totals) {
	w.begin('{')
	for _, m := range [...]struct {
		k string
		v settle.Money
	}{
		{"total", t.Total}, {"hospital_borne", t.HospitalBorne}, {"basic", t.Basic},
		{"critical", t.Critical}, {"assistance", t.Assistance}, {"tilted", t.Tilted},
		{"top_up", t.TopUp}, {"out_of_pocket", t.OutOfPocket}, {"insured_self_pay", t.InsuredSelfPay},
		{"in_scope_self_pay", t.InScopeSelfPay}, {"total_self_pay", t.TotalSelfPay},
	} {
		w.key(m.k)
		w.money(m.v)
	}
	w.end('}')
}

func (w *jsonWriter) flag(f *settle.FlagResult) {
	w.begin('{')
	w.key("flag")
	w.str(f.Flag)
	w.key("measure")
	w.str(f.Measure)
	w.key("value")
	w.money(f.Value)
	w.key("threshold")
	w.money(f.Threshold)
	w.key("inclusive")
	w.boolean(f.Inclusive)
	w.key("raised")
	w.boolean(f.Raised)
	w.key("clause")
	w.str(f.Clause)
	if f.Population != "" {
		w.key("population")
		w.str(f.Population)
	}
	w.end('}')
}

func (w *jsonWriter) param(p *settle.ParamUse) {
	w.begin('{')
	w.key("path")
	w.str(p.Path)
	w.key("value")
	w.str(p.Value)
	w.key("given_by")
	w.str(p.GivenBy)
	if p.Illustrative {
		w.key("illustrative")
		w.boolean(true)
	}
	for _, m := range [...]struct{ k, v string }{{"source", p.Source}, {"clause", p.Clause}, {"falls_back_to", p.FallsBackTo}} {
		if m.v != "" {
			w.key(m.k)
			w.str(m.v)
		}
	}
	w.end('}')
}

func (w *jsonWriter) reading(r *settle.ReadingUse) {
	w.begin('{')
	w.key("clause")
	w.str(r.Clause)
	w.key("text")
	w.str(r.Text)
	w.key("chosen")
	w.str(r.Chosen)
	w.key("alternative")
	w.str(r.Alternative)
	w.end('}')
}
