package harness

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/rogpeppe/go-internal/diff"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/compiler/celenv"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/untrusted"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle"
)

// Options say which goldens to run and how.
type Options struct {
	Set     *policy.Set
	Golden  fs.FS  // holds <region>/<name>.yaml and their goldens
	Display string // how Golden's paths are shown: "golden" or the --golden DIR
	// WriteDir is where -update writes; empty when the goldens are
	// read-only (the embedded set).
	WriteDir string
	Run      *regexp.Regexp // only cases whose path matches
	Update   bool
	Verbose  bool
	// Engine settles the cases; nil: a new one for Set. It must be Set's.
	// (cmd/polc's tests give one engine a set across their runs, its
	// plans cached, as polc serve's engine serves every request.)
	Engine *settle.Engine
}

// Outcome is what happened to one case or orphan golden.
type Outcome struct {
	// Name is the case file (or orphan golden) as reports show it:
	// golden/tongnan/critical-ordinary.yaml.
	Name string
	// Case is its place in the golden tree, <region>/<case>
	// (tongnan/critical-ordinary), or an orphan golden's path there: the
	// same wherever the tree is, so a name for go test's subtests.
	Case     string
	Passed   bool
	Updated  []string
	Failures []Failure
	// Region and Rules: the case's region and the decision rules its
	// settlement used, for clause coverage.
	Region string
	Rules  []string
}

// Summary is a run's outcomes and its counts.
type Summary struct {
	Outcomes       []Outcome
	Passed, Failed int
}

// Golden file suffixes beside a case file.
const (
	caseSuffix = ".yaml"
	jsonSuffix = ".golden.json"
	mdSuffix   = ".golden.md"
)

// Run runs every case and writes the text report to w: a unified diff for
// each mismatch, each problem at its position, then "N passed, N failed".
func Run(ctx context.Context, opts Options, w io.Writer) (*Summary, error) {
	sum, err := Collect(ctx, opts)
	if err != nil {
		return nil, err
	}
	return sum, WriteText(w, sum, opts.Verbose)
}

// Collect runs every case and returns what happened, printing nothing, for
// a report in any format (WriteText, WriteJSON, WriteJUnit) or a test that
// reports each case on its own.
func Collect(ctx context.Context, opts Options) (*Summary, error) {
	if opts.Update && opts.WriteDir == "" {
		return nil, errors.New("-update needs a golden folder on disk (--golden DIR)")
	}
	env, err := opts.Set.Schema.CEL(resultVars())
	if err != nil {
		return nil, err
	}
	files, err := goldenFiles(opts.Golden)
	if err != nil {
		return nil, err
	}
	engine := opts.Engine
	if engine == nil {
		engine = settle.New(opts.Set)
	}
	sum := &Summary{}
	for _, name := range files.cases {
		if opts.Run != nil && !opts.Run.MatchString(name) {
			continue
		}
		sum.Outcomes = append(sum.Outcomes, runCase(ctx, opts, engine, env, name))
	}
	for _, g := range files.orphans {
		if opts.Run != nil && !opts.Run.MatchString(g) {
			continue
		}
		sum.Outcomes = append(sum.Outcomes, Outcome{Name: opts.show(g), Case: g,
			Failures: []Failure{fileFailure(FailureGolden, opts.show(g), fmt.Sprintf("orphan golden: no case file %s beside it (remove it, or restore its case)", caseOf(g)+caseSuffix))}})
	}
	for _, o := range sum.Outcomes {
		if o.Passed {
			sum.Passed++
		} else {
			sum.Failed++
		}
	}
	return sum, nil
}

// Regions lists the regions named by the cases Collect runs with run as
// its Run (casefile.Regions): compiled with just those, the set settles
// them as the whole set would. A case that cannot be read names none; Collect
// reports it.
func Regions(fsys fs.FS, run *regexp.Regexp) ([]string, error) {
	files, err := goldenFiles(fsys)
	if err != nil {
		return nil, err
	}
	regions := []string{}
	for _, name := range files.cases {
		if run != nil && !run.MatchString(name) {
			continue
		}
		if data, err := casefile.ReadFS(fsys, name+caseSuffix); err == nil {
			regions = append(regions, casefile.Regions(data)...)
		}
	}
	return regions, nil
}

func (o Options) show(p string) string {
	if o.Display == "" {
		return p
	}
	return path.Join(o.Display, p)
}

type golden struct {
	cases   []string // case files, without suffix
	orphans []string // goldens without a case file
}

func goldenFiles(fsys fs.FS) (*golden, error) {
	var g golden
	cases := map[string]bool{}
	var goldens []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch {
		case strings.HasSuffix(p, jsonSuffix), strings.HasSuffix(p, mdSuffix):
			goldens = append(goldens, p)
		case strings.HasSuffix(p, caseSuffix):
			name := strings.TrimSuffix(p, caseSuffix)
			cases[name] = true
			g.cases = append(g.cases, name)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, p := range goldens {
		if !cases[caseOf(p)] {
			g.orphans = append(g.orphans, p)
		}
	}
	sort.Strings(g.cases)
	sort.Strings(g.orphans)
	return &g, nil
}

func caseOf(golden string) string {
	return strings.TrimSuffix(strings.TrimSuffix(golden, jsonSuffix), mdSuffix)
}

func runCase(ctx context.Context, opts Options, engine *settle.Engine, env *celenv.Env, name string) Outcome {
	file := opts.show(name + caseSuffix)
	out := Outcome{Name: file, Case: name}
	fail := func(f Failure) { out.Failures = append(out.Failures, f) }
	caseFails := func(ds diag.List) {
		for _, d := range ds {
			fail(diagnosticFailure(FailureCase, d))
		}
	}
	data, err := casefile.ReadFS(opts.Golden, name+caseSuffix)
	if err != nil {
		fail(fileFailure(FailureCase, file, fmt.Sprintf("cannot read: %v", err)))
		return out
	}
	c, ds := casefile.Load(file, data, opts.Set.Catalog())
	if ds.HasErrors() {
		caseFails(ds)
		return out
	}
	res, err := engine.Settle(ctx, &c.Case)
	if err != nil {
		caseFails(AsDiagnostics(err))
		return out
	}
	// A golden names its case by its place in the golden tree, wherever
	// that tree is on disk, so a copy of the goldens still matches.
	res.Case = path.Join("golden", name+caseSuffix)
	out.Region, out.Rules = res.Region, res.Rules
	expectFailures := checkExpectations(opts.Set.Schema, env, res, c.Expect)
	out.Failures = append(out.Failures, expectFailures...)
	js, err := JSON(res)
	if err != nil {
		fail(plainFailure(FailureCase, err.Error()))
		return out
	}
	// -update must not turn a result its own case calls wrong into the
	// reviewed answer.
	var heldBack []string
	for _, g := range []struct {
		suffix string
		data   []byte
	}{{jsonSuffix, js}, {mdSuffix, Markdown(opts.Set, res)}} {
		gpath := name + g.suffix
		want, err := untrusted.ReadFS(opts.Golden, gpath, MaxGoldenBytes)
		switch {
		case err == nil && string(want) == string(g.data):
			continue
		case opts.Update && len(expectFailures) > 0:
			heldBack = append(heldBack, opts.show(gpath))
		case opts.Update:
			if err := writeGolden(opts.WriteDir, gpath, opts.show(gpath), g.data); err != nil {
				fail(plainFailure(FailureGolden, err.Error()))
				continue
			}
			out.Updated = append(out.Updated, opts.show(gpath))
		case errors.Is(err, fs.ErrNotExist):
			fail(fileFailure(FailureGolden, opts.show(gpath), "no golden (run polc test -update to write it, then review it)"))
		case err != nil:
			fail(fileFailure(FailureGolden, opts.show(gpath), fmt.Sprintf("cannot read the golden: %v", err)))
		default:
			fail(diffFailure(opts.show(gpath), diff.Diff(opts.show(gpath), want, "got", g.data)))
		}
	}
	if len(heldBack) > 0 {
		fail(plainFailure(FailureGolden, fmt.Sprintf("not updated while an expect: assertion fails: %s", strings.Join(heldBack, ", "))))
	}
	out.Passed = len(out.Failures) == 0
	return out
}

// MaxGoldenBytes bounds a golden output read for comparison: a case's
// result, at most 5,000 claims, is far smaller.
const MaxGoldenBytes = 16 << 20

// writeGolden writes a golden file — never through a symbolic link or
// into something that is not a regular file: a golden tree comes in a pull
// request, and -update must not write wherever a link points.
func writeGolden(dir, name, display string, data []byte) error {
	target := filepath.Join(dir, filepath.FromSlash(name))
	if st, err := os.Lstat(target); err == nil && !st.Mode().IsRegular() {
		return fmt.Errorf("%s is %s: not written", display, untrusted.Kind(st.Mode()))
	}
	err := os.WriteFile(target, data, 0o666)
	// A message names the file as the goldens are shown, whatever folder
	// the writing was done from.
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		pe.Path = display
	}
	return err
}

// AsDiagnostics turns a settlement error into diagnostics.
func AsDiagnostics(err error) diag.List {
	var ds diag.List
	var se *settle.Error
	switch {
	case errors.As(err, &ds):
		return ds
	case errors.As(err, &se):
		return se.Diagnostics()
	}
	return diag.List{{Severity: diag.SeverityError, Message: err.Error(), Stage: settle.Stage}}
}
