package harness

import (
	"fmt"
	"strings"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/compiler/diag"
)

// Failure is one reason a golden case fails, kept as data so that every
// report prints the same finding: the text report prints String, the JSON
// and JUnit reports carry the fields.
type Failure struct {
	Kind FailureKind `json:"kind"`
	// File is the golden output (or, for a case that cannot be read, the
	// case file) the failure is about, as the report shows paths.
	File string `json:"file,omitempty"`
	// Pos is where in the case file, when a diagnostic says so: an
	// expect: assertion, a field the case gets wrong.
	Pos   *diag.Position `json:"pos,omitempty"`
	Stage string         `json:"stage,omitempty"`
	// Message never repeats File or Pos, which stand beside it.
	Message string `json:"message"`
	// Expect is an assertion's CEL source; Actual what each side of a
	// false comparison held.
	Expect string   `json:"expect,omitempty"`
	Actual []Actual `json:"actual,omitempty"`
	// Diff is a unified diff of the reviewed golden against what the case
	// produces.
	Diff string `json:"diff,omitempty"`

	// text is the failure as `polc test` has always printed it; kept
	// apart so that the text report stays byte for byte what it was.
	text string
}

// FailureKind says which check a case failed.
type FailureKind string

const (
	// FailureDiff: a golden output differs from what the case produces.
	FailureDiff FailureKind = "diff"
	// FailureExpect: an expect: assertion is false, does not compile or
	// does not run.
	FailureExpect FailureKind = "expect"
	// FailureGolden: a golden output is missing, unreadable, not written,
	// held back by a failing expect:, or has no case.
	FailureGolden FailureKind = "golden"
	// FailureCase: the case cannot be read, loaded or settled.
	FailureCase FailureKind = "case"
)

// Actual is one side of a false comparison and the value it evaluated to,
// written as an author would write it in an assertion (money with its
// decimals, strings quoted).
type Actual struct {
	Expr  string `json:"expr"`
	Value string `json:"value"`
}

func (f Failure) String() string { return f.text }

// headline is the failure in one line, for a JUnit failure's message.
func (f Failure) headline() string {
	if f.Kind == FailureDiff {
		return f.File + ": " + f.Message
	}
	first, _, _ := strings.Cut(f.text, "\n")
	return first
}

func diffFailure(file string, diff []byte) Failure {
	return Failure{Kind: FailureDiff, File: file, Message: "differs from what the case produces", Diff: string(diff), text: string(diff)}
}

// fileFailure is a failure about one file, printed "file: message".
func fileFailure(kind FailureKind, file, message string) Failure {
	return Failure{Kind: kind, File: file, Message: message, text: file + ": " + message}
}

// plainFailure is a failure whose message says all, files included.
func plainFailure(kind FailureKind, message string) Failure {
	return Failure{Kind: kind, Message: message, text: message}
}

func diagnosticFailure(kind FailureKind, d diag.Diagnostic) Failure {
	pos := d.Pos
	return Failure{Kind: kind, Pos: &pos, Stage: d.Stage, Message: d.Message, text: d.String()}
}

// expectFailure is an assertion that failed, at its line; actual is empty
// unless it is a false comparison.
func expectFailure(e casefile.Expectation, actual []Actual, format string, args ...any) Failure {
	f := diagnosticFailure(FailureExpect, diag.Diagnostic{Pos: e.Pos, Severity: diag.SeverityError, Message: fmt.Sprintf(format, args...), Stage: "expect"})
	f.Expect, f.Actual = e.Source, actual
	return f
}
