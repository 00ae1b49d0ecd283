package harness

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/compiler/diag"
)

// hostileSummary is a run whose failures hold what a report must carry
// intact or make safe: Chinese text, XML markup, a CDATA end, control
// characters, U+FFFF and a byte that is not UTF-8, as a corrupted golden
// can put into a diff.
func hostileSummary() *Summary {
	diff := "diff golden/liujiang/b.golden.md got\n-| 医疗救助 | 1\x01000.00 |\n+| 医疗救助 | <b>&amp; ]]> \x1b[31m\uffff\xff |\n"
	expect := casefile.Expectation{Source: `totals.assistance < dec("1")`, Pos: diag.Position{File: "golden/liujiang/b.yaml", Line: 9, Col: 5}}
	return &Summary{Passed: 1, Failed: 2, Outcomes: []Outcome{
		{Name: "golden/tongnan/a.yaml", Case: "tongnan/a", Region: "tongnan", Passed: true},
		{Name: "golden/liujiang/b.yaml", Case: "liujiang/b", Region: "liujiang", Failures: []Failure{
			diffFailure("golden/liujiang/b.golden.md", []byte(diff)),
			expectFailure(expect, []Actual{{"totals.assistance", "1000.00"}}, "expect %q is false: totals.assistance is 1000.00", expect.Source),
		}},
		{Name: "golden/qiannan/c.golden.json", Case: "qiannan/c.golden.json", Failures: []Failure{
			fileFailure(FailureGolden, "golden/qiannan/c.golden.json", "orphan golden: no case file qiannan/c.yaml beside it"),
		}},
	}}
}

// The JUnit report is well-formed XML however hostile the goldens: a
// strict parser reads all of it, one testsuite per region in order, the
// Chinese text intact and each forbidden character replaced.
func TestJUnitIsWellFormed(t *testing.T) {
	var out bytes.Buffer
	if err := WriteJUnit(&out, Sets{Policies: "embedded", Golden: "golden"}, hostileSummary()); err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(out.Bytes()))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, out.String())
		}
	}
	var got junitSuites
	if err := xml.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	var suites []string
	for _, s := range got.Suites {
		suites = append(suites, s.Name)
	}
	if strings.Join(suites, " ") != "liujiang qiannan tongnan" || got.Tests != 3 || got.Failures != 2 {
		t.Fatalf("suites %v, %d tests, %d failures", suites, got.Tests, got.Failures)
	}
	b := got.Suites[0].Cases[0]
	if b.Name != "b" || b.Classname != "liujiang" || b.Failure == nil || b.Failure.Type != "diff" ||
		b.Failure.Message != "golden/liujiang/b.golden.md: differs from what the case produces (and 1 more)" {
		t.Fatalf("case b: %+v", b)
	}
	for _, want := range []string{"| 医疗救助 | 1\uFFFD000.00 |", "<b>&amp; ]]> \uFFFD[31m\uFFFD\uFFFD |", `expect "totals.assistance < dec(\"1\")" is false`} {
		if !strings.Contains(b.Failure.Text, want) {
			t.Errorf("failure text lacks %q:\n%s", want, b.Failure.Text)
		}
	}
	if c := got.Suites[1].Cases[0]; c.Name != "c.golden.json" || c.Failure == nil || c.Failure.Type != "golden" {
		t.Errorf("orphan: %+v", c)
	}
	if a := got.Suites[2].Cases[0]; a.Name != "a" || a.Failure != nil {
		t.Errorf("passing case: %+v", a)
	}
}

// The JSON report carries a false expect: once, as data: its source, its
// position and what each side held.
func TestJSONCarriesExpectAsData(t *testing.T) {
	var out bytes.Buffer
	if err := WriteJSON(&out, Sets{Policies: "embedded", Golden: "golden"}, hostileSummary()); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Cases []struct {
			Name, Region, Status string
			Failures             []Failure
		}
		Totals struct{ Passed, Failed int }
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Cases) != 3 || got.Totals.Passed != 1 || got.Totals.Failed != 2 {
		t.Fatalf("%+v", got)
	}
	if c := got.Cases[2]; c.Region != "qiannan" || c.Status != "fail" {
		t.Errorf("an orphan is filed under its folder: %+v", c)
	}
	var expects []Failure
	for _, f := range got.Cases[1].Failures {
		if f.Kind == FailureExpect {
			expects = append(expects, f)
		}
	}
	if len(expects) != 1 {
		t.Fatalf("want one expect failure, got %+v", expects)
	}
	e := expects[0]
	if e.Expect != `totals.assistance < dec("1")` || e.Pos == nil || e.Pos.String() != "golden/liujiang/b.yaml:9:5" ||
		len(e.Actual) != 1 || e.Actual[0] != (Actual{"totals.assistance", "1000.00"}) {
		t.Errorf("expect failure: %+v", e)
	}
}
