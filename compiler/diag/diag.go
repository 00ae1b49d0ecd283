// Package diag is how every stage of polc reports a problem: a position, a
// message and the stage that found it, collected into a list and printed by
// one formatter (text, JSON, or GitHub annotations). Like OPA's ast.Error,
// a diagnostic is data; deciding the exit code is the command's job.
package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Severity of a diagnostic. Only errors fail a check; notes add context to
// an error (the other rule of a conflict, say).
type Severity string

const (
	SeverityError Severity = "error"
	SeverityNote  Severity = "note"
)

// Position is a place in a source file, 1-based like OPA's ast.Location.
type Position struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

func (p Position) String() string {
	if p.File == "" {
		return "<unknown>"
	}
	if p.Line == 0 {
		return p.File
	}
	if p.Col == 0 {
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Diagnostic is one problem found by a stage. Checks return diagnostics and
// never print them; one formatter prints them all (see Write).
type Diagnostic struct {
	Pos      Position `json:"pos"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Stage    string   `json:"stage"`
	Clause   string   `json:"clause,omitempty"`
	// Detail is more than a line can hold, printed on the lines after
	// the diagnostic's (each indented by a tab in the text format): the
	// diff of an unformatted module, say.
	Detail string `json:"detail,omitempty"`
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s [%s]", d.Pos, d.Severity, d.Message, d.Stage)
}

// List is the diagnostics a run collects.
type List []Diagnostic

// Errorf appends an error found by a stage.
func (ds *List) Errorf(stage string, pos Position, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pos: pos, Severity: SeverityError, Message: fmt.Sprintf(format, args...), Stage: stage})
}

// WithStage sets the stage of every diagnostic, for a reader shared by
// several stages (YAML, say).
func (ds List) WithStage(stage string) List {
	for i := range ds {
		ds[i].Stage = stage
	}
	return ds
}

// HasErrors reports whether any diagnostic is an error.
func (ds List) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == SeverityError {
			return true
		}
	}
	return false
}

// Sort orders diagnostics by file, line, column and message, so output is
// the same from run to run whatever order the stages found them in.
func (ds List) Sort() {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.Stage != b.Stage {
			return a.Stage < b.Stage
		}
		return a.Message < b.Message
	})
}

// Dedupe sorts the list and drops exact repeats: a check that evaluates a
// rule in many contexts may find the same fault in each.
func (ds List) Dedupe() List {
	ds.Sort()
	out := ds[:0]
	for i, d := range ds {
		if i > 0 && d == ds[i-1] {
			continue
		}
		out = append(out, d)
	}
	return out
}

// Error lets a list travel as an error.
func (ds List) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// Formats understood by Write.
const (
	FormatText   = "text"
	FormatJSON   = "json"
	FormatGitHub = "github"
)

// Write prints ds in one of the formats. The github format is
// the workflow-command syntax GitHub Actions turns into annotations on a PR.
func Write(w io.Writer, format string, ds List) error {
	switch format {
	case FormatText:
		for _, d := range ds {
			if _, err := fmt.Fprintln(w, d.String()); err != nil {
				return err
			}
			if d.Detail == "" {
				continue
			}
			for line := range strings.Lines(d.Detail) {
				if _, err := fmt.Fprintf(w, "\t%s\n", strings.TrimSuffix(line, "\n")); err != nil {
					return err
				}
			}
		}
		return nil
	case FormatJSON:
		out := struct {
			Errors      int  `json:"errors"`
			Diagnostics List `json:"diagnostics"`
		}{Diagnostics: ds}
		if out.Diagnostics == nil {
			out.Diagnostics = List{}
		}
		for _, d := range ds {
			if d.Severity == SeverityError {
				out.Errors++
			}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	case FormatGitHub:
		for _, d := range ds {
			kind := "error"
			if d.Severity == SeverityNote {
				kind = "notice"
			}
			text := fmt.Sprintf("%s [%s]", d.Message, d.Stage)
			if d.Detail != "" {
				text += "\n" + d.Detail // GitHub shows an annotation's lines
			}
			msg := escapeGitHub(text)
			if _, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d::%s\n", kind, d.Pos.File, d.Pos.Line, d.Pos.Col, msg); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("unknown format %q (want text, json or github)", format)
}

// escapeGitHub applies the escaping GitHub's workflow commands require of a
// message: %, CR and LF.
func escapeGitHub(s string) string {
	s = strings.ReplaceAll(s, "%", "%25")
	s = strings.ReplaceAll(s, "\r", "%0D")
	return strings.ReplaceAll(s, "\n", "%0A")
}

// QuoteLimit is how much of a value from an input a message quotes: a
// hostile file's 10,000-digit number or megabyte string is cut, with its
// length said, so a message stays readable.
const QuoteLimit = 40

// Quote quotes a value from an input for a message, cut to QuoteLimit
// characters.
func Quote(s string) string {
	if utf8.RuneCountInString(s) <= QuoteLimit {
		return strconv.Quote(s)
	}
	return strconv.Quote(cut(s, QuoteLimit)) + fmt.Sprintf("… (%d characters)", utf8.RuneCountInString(s))
}

// Cut is a value shown bare (a number), cut like Quote.
func Cut(s string) string { return CutAt(s, QuoteLimit) }

// CutAt cuts a text to n characters, saying how long it was.
func CutAt(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return cut(s, n) + fmt.Sprintf("… (%d characters)", utf8.RuneCountInString(s))
}

func cut(s string, limit int) string {
	n := 0
	for i := range s {
		if n == limit {
			return s[:i]
		}
		n++
	}
	return s
}
