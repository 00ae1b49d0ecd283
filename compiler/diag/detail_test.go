package diag

import (
	"bytes"
	"strings"
	"testing"
)

// A diagnostic's detail follows its line: indented by a tab in text (so
// no line of it reads as a diagnostic), its own field in JSON, further
// lines of the annotation in GitHub's format.
func TestDetail(t *testing.T) {
	ds := List{{Pos: Position{File: "p/a.rego", Line: 3, Col: 1}, Severity: SeverityError, Message: "not formatted", Stage: "format", Detail: "--- a\n+++ b\n-x  := 1\n+x := 1"}}
	var text, js, gh bytes.Buffer
	for w, f := range map[*bytes.Buffer]string{&text: FormatText, &js: FormatJSON, &gh: FormatGitHub} {
		if err := Write(w, f, ds); err != nil {
			t.Fatal(err)
		}
	}
	if want := "p/a.rego:3:1: error: not formatted [format]\n\t--- a\n\t+++ b\n\t-x  := 1\n\t+x := 1\n"; text.String() != want {
		t.Errorf("text:\n%s\nwant:\n%s", text.String(), want)
	}
	if !strings.Contains(js.String(), `"detail": "--- a\n+++ b\n-x  := 1\n+x := 1"`) {
		t.Errorf("json:\n%s", js.String())
	}
	if want := "::error file=p/a.rego,line=3,col=1::not formatted [format]%0A--- a%0A+++ b%0A-x  := 1%0A+x := 1\n"; gh.String() != want {
		t.Errorf("github:\n%s\nwant:\n%s", gh.String(), want)
	}
	ds[0].Detail = ""
	text.Reset()
	Write(&text, FormatText, ds)
	if strings.Count(text.String(), "\n") != 1 {
		t.Errorf("a diagnostic without detail takes %q", text.String())
	}
}
