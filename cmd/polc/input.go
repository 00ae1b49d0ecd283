package main

import (
	"encoding/json"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/spf13/cobra"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/harness"
	"github.com/polc-dev/polc/policies"
	"github.com/polc-dev/polc/settle"
)

type inputFlags struct {
	policies, claim string
}

func (c *cli) inputCommand() *cobra.Command {
	var f inputFlags
	cmd := &cobra.Command{
		Use:   "input FILE [--claim ID]",
		Short: "print the OPA input documents polc evaluates for a case, for opa eval --explain",
		Long: `Input settles a case file and prints, as JSON, every evaluation of the
region's decisions it made, each with the input document it was evaluated
with: {"region": R, "inputs": [{"decision": "subsidy", "input": {…}},
{"decision": "plan", "claim": "c1", "input": {…}}, …]} — subsidy,
enrollment, the plan of each claim (in date order), monitoring. --claim ID
prints only that claim's plan. A FILE named - is read from standard input.

Give one to OPA with the region's module or polc build's bundle:
  polc input case.yaml --claim c1 | jq '.inputs[0].input' > input.json
  opa eval --bundle bundle.tar.gz --input input.json --explain full 'data.regions.R.plan'`,
		Args: oneCaseFile("polc input"),
		RunE: func(_ *cobra.Command, args []string) error { return c.runInput(f, args[0]) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.policies, "policies", "", "policies folder `DIR` (default ./policies if present, else the embedded set)")
	fl.StringVar(&f.claim, "claim", "", "print only the plan input of claim `ID`")
	return cmd
}

// inputsJSON is polc input's output (DESIGN.md, CLI contract).
type inputsJSON struct {
	Region string      `json:"region"`
	Inputs []inputJSON `json:"inputs"`
}

type inputJSON struct {
	Decision string `json:"decision"`
	Claim    string `json:"claim,omitempty"`
	Input    any    `json:"input"`
}

func (c *cli) runInput(f inputFlags, file string) error {
	pol, err := c.pickSource("policies", f.policies, policies.FS)
	if err != nil {
		return err
	}
	c.announce(pol)
	inputs, regions := c.readCases([]string{file})
	in := inputs[0]
	set, err := c.compile(pol, compiler.Options{SkipExhaustive: true, Regions: regions})
	if err != nil {
		return err
	}
	var problems diag.List
	if in.err != nil {
		problems.Errorf(casefile.Stage, diag.Position{File: in.display}, "cannot read: %v", in.err)
		return c.reportProblems(problems)
	}
	cf, ds := casefile.Load(in.display, in.data, set.Catalog())
	if ds.HasErrors() {
		return c.reportProblems(ds)
	}
	if f.claim != "" && !hasClaim(cf, f.claim) {
		problems.Errorf(casefile.Stage, cf.Case.Pos, "--claim %s: the case has no claim %s (its claims: %s)", f.claim, f.claim, claimIDs(cf))
		return c.reportProblems(problems)
	}
	evals, err := settle.Inputs(c.ctx, set, &cf.Case)
	if err != nil {
		return c.reportProblems(harness.AsDiagnostics(err))
	}
	out := inputsJSON{Region: cf.Case.Region, Inputs: []inputJSON{}}
	for _, e := range evals {
		if f.claim != "" && e.Claim != f.claim {
			continue
		}
		v, err := ast.JSON(e.Input)
		if err != nil {
			return err
		}
		out.Inputs = append(out.Inputs, inputJSON{Decision: e.Decision, Claim: e.Claim, Input: v})
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	c.stdout.Write(append(data, '\n'))
	return nil
}

func (c *cli) reportProblems(ds diag.List) error {
	diag.Write(c.stderr, diag.FormatText, ds.Dedupe())
	return errReported
}

func hasClaim(cf *casefile.Case, id string) bool {
	for _, cl := range cf.Case.Claims {
		if cl.ID == id {
			return true
		}
	}
	return false
}

func claimIDs(cf *casefile.Case) string {
	ids := make([]string, len(cf.Case.Claims))
	for i, cl := range cf.Case.Claims {
		ids[i] = cl.ID
	}
	if len(ids) == 0 {
		return "none"
	}
	return strings.Join(ids, ", ")
}
