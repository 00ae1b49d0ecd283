package compiler

import (
	"bytes"

	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/regofmt"
)

// checkFormat reports each module that differs from what OPA's formatter
// writes (Options.Format): at the first line that differs, with the diff
// on the lines after. It reads the module's text as loaded, not the parsed
// module, which the clauses stage changes. A module that is merely
// unformatted still goes through every later stage: its layout changes
// no decision, and its other problems are reported with it.
func (c *Compiler) checkFormat() {
	if !c.opts.Format {
		return
	}
	for _, r := range c.parsed() {
		out, err := regofmt.Source(r.File, r.source)
		if err != nil {
			// The parse stage accepted it; only the formatter itself fails.
			c.errorf(StageFormat, c.posAt(r.File, 1, 1), "cannot format this module: %v", err)
			continue
		}
		if bytes.Equal(out, r.source) {
			continue
		}
		line, col := regofmt.FirstDifference(r.source, out)
		c.diags = append(c.diags, diag.Diagnostic{
			Pos:      c.posAt(r.File, line, col),
			Severity: diag.SeverityError,
			Message:  "not formatted as opa fmt writes it (first difference here); polc fmt " + r.File + " rewrites it",
			Stage:    StageFormat,
			Detail:   regofmt.Diff(r.File, r.source, out),
		})
	}
}
