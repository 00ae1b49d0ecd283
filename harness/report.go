package harness

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
)

// Report formats of a golden run.
const (
	FormatText  = "text"
	FormatJSON  = "json"
	FormatJUnit = "junit"
)

// ReportFormats are the formats WriteReport knows, in the order a usage
// message lists them.
var ReportFormats = []string{FormatText, FormatJSON, FormatJUnit}

// Sets names the policy set and the golden tree a run used, as the command
// says on stderr ("embedded", "./golden", a folder), so that a report read
// later still says which files its verdict is about.
type Sets struct {
	Policies string `json:"policies"`
	Golden   string `json:"golden"`
}

// WriteReport writes sum in one of ReportFormats. Every format is the same
// bytes for the same run: no times, no map order.
func WriteReport(w io.Writer, format string, sets Sets, sum *Summary, verbose bool) error {
	switch format {
	case FormatText:
		return WriteText(w, sum, verbose)
	case FormatJSON:
		return WriteJSON(w, sets, sum)
	case FormatJUnit:
		return WriteJUnit(w, sets, sum)
	}
	return fmt.Errorf("unknown report format %q", format)
}

// WriteText writes what `polc test` prints: each failure under its case,
// the goldens -update wrote, with verbose every case passed, then
// "N passed, N failed".
func WriteText(w io.Writer, sum *Summary, verbose bool) error {
	var b strings.Builder
	for _, o := range sum.Outcomes {
		switch {
		case !o.Passed:
			fmt.Fprintf(&b, "--- FAIL: %s\n", o.Name)
			for _, f := range o.Failures {
				fmt.Fprintln(&b, indent(f.String()))
			}
		case len(o.Updated) > 0:
			fmt.Fprintf(&b, "updated: %s\n", strings.Join(o.Updated, ", "))
		case verbose:
			fmt.Fprintf(&b, "ok   %s\n", o.Name)
		}
	}
	fmt.Fprintln(&b, sum.Counts())
	_, err := io.WriteString(w, b.String())
	return err
}

// Counts is the run's last line: "N passed, N failed".
func (s *Summary) Counts() string {
	return fmt.Sprintf("%d passed, %d failed", s.Passed, s.Failed)
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n")
}

// jsonReport is the document `polc test --format json` prints; its shape is
// described in README.md and only ever extended.
type jsonReport struct {
	Policies string     `json:"policies"`
	Golden   string     `json:"golden"`
	Cases    []jsonCase `json:"cases"`
	Totals   jsonTotals `json:"totals"`
}

type jsonCase struct {
	Name     string    `json:"name"`
	Path     string    `json:"path"`
	Region   string    `json:"region"`
	Status   string    `json:"status"`
	Failures []Failure `json:"failures,omitempty"`
	Updated  []string  `json:"updated,omitempty"`
}

type jsonTotals struct {
	Passed int `json:"passed"`
	Failed int `json:"failed"`
}

// WriteJSON writes the run as one JSON document: the sets, every case with
// its status and failures, and the totals.
func WriteJSON(w io.Writer, sets Sets, sum *Summary) error {
	r := jsonReport{Policies: sets.Policies, Golden: sets.Golden, Cases: []jsonCase{},
		Totals: jsonTotals{Passed: sum.Passed, Failed: sum.Failed}}
	for _, o := range sum.Outcomes {
		r.Cases = append(r.Cases, jsonCase{Name: o.Case, Path: o.Name, Region: o.reportRegion(),
			Status: o.status(), Failures: o.Failures, Updated: o.Updated})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Assertions compare with < and >; they stay readable.
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

func (o Outcome) status() string {
	if o.Passed {
		return "pass"
	}
	return "fail"
}

// reportRegion is the region a report files a case under: the one it
// settled in, or — when it could not be read or settled, or is an orphan
// golden — the folder it is in (golden/<region>/), so that it is still
// listed beside its neighbours.
func (o Outcome) reportRegion() string {
	if o.Region != "" {
		return o.Region
	}
	if dir := path.Dir(o.Case); dir != "." {
		return dir
	}
	return "(no region)"
}

// JUnit XML, as GitHub Actions' and GitLab's test reports and Jenkins'
// junit step read it. There are no timings, so time is always "0": some
// readers want the attribute, and a real duration would make two runs
// differ.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Time       string          `xml:"time,attr"`
	Properties []junitProperty `xml:"properties>property"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitFailure `xml:"failure"`
	SystemOut string        `xml:"system-out,omitempty"`
}

// junitFailure holds every failure of a case: Jenkins keeps only one
// <failure> a test case. Its text is CDATA so that a diff reads as it does
// in the text report, quotes and line breaks unescaped.
type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",cdata"`
}

const junitNoTime = "0"

// WriteJUnit writes the run as JUnit XML: one testsuite per region, in
// region order, one testcase per golden case, a failed case's failures in
// its <failure> as the text report prints them. The document is
// well-formed whatever the goldens hold: encoding/xml escapes markup in
// attributes and splits a "]]>" in CDATA, and xmlChars replaces what XML
// cannot hold at all.
func WriteJUnit(w io.Writer, sets Sets, sum *Summary) error {
	doc := junitSuites{Name: "polc test", Tests: len(sum.Outcomes), Failures: sum.Failed, Time: junitNoTime}
	byRegion := map[string]*junitSuite{}
	for _, o := range sum.Outcomes {
		region := o.reportRegion()
		s := byRegion[region]
		if s == nil {
			s = &junitSuite{Name: region, Time: junitNoTime,
				Properties: []junitProperty{{"policies", sets.Policies}, {"golden", sets.Golden}}}
			byRegion[region] = s
		}
		s.Tests++
		if !o.Passed {
			s.Failures++
		}
		s.Cases = append(s.Cases, junitCaseOf(o, region))
	}
	regions := make([]string, 0, len(byRegion))
	for r := range byRegion {
		regions = append(regions, r)
	}
	sort.Strings(regions)
	for _, r := range regions {
		doc.Suites = append(doc.Suites, *byRegion[r])
	}
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s%s\n", xml.Header, out)
	return err
}

func junitCaseOf(o Outcome, region string) junitCase {
	c := junitCase{Name: strings.TrimPrefix(o.Case, region+"/"), Classname: region, File: o.Name, Time: junitNoTime}
	if len(o.Updated) > 0 {
		c.SystemOut = "updated: " + strings.Join(o.Updated, ", ")
	}
	if o.Passed || len(o.Failures) == 0 {
		return c
	}
	message := o.Failures[0].headline()
	if more := len(o.Failures) - 1; more > 0 {
		message += fmt.Sprintf(" (and %d more)", more)
	}
	texts := make([]string, len(o.Failures))
	for i, f := range o.Failures {
		texts[i] = strings.TrimRight(f.String(), "\n")
	}
	c.Failure = &junitFailure{Message: message, Type: string(o.Failures[0].Kind), Text: xmlChars(strings.Join(texts, "\n"))}
	return c
}

// xmlChars replaces with U+FFFD each character XML 1.0 forbids even when
// escaped — a control character (a corrupted golden may hold one), U+FFFE,
// U+FFFF — and each byte that is not UTF-8: CDATA is written as it is, and
// a consumer refuses the whole report for one such character.
func xmlChars(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t', r == '\n', r == '\r',
			0x20 <= r && r <= 0xD7FF,
			0xE000 <= r && r <= 0xFFFD,
			0x10000 <= r && r <= 0x10FFFF:
			return r
		}
		return '\uFFFD'
	}, s)
}
