// Package compiler turns a policies folder — schema.yaml, one
// <region>.rego per source document and params/<region>.yaml — into a
// checked, immutable policy.Set, or into every problem found on the way.
// It is the check side, as OPA's ast is to its topdown: load, parse, type
// check and the stages below, building each region's evaluation form;
// what evaluates a compiled set (package policy) needs none of it.
//
// The checks are a table of named stages run in order, as in OPA's
// ast.Compiler; each returns diagnostics and never prints. Stages that need
// to evaluate a region (bounds, constraints, exhaustive) run only for
// regions that came through the static stages clean: evaluating a module
// that calls http.send or fails to type-check would prove nothing.
package compiler

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/params"
	"github.com/polc-dev/polc/compiler/sandbox"
	"github.com/polc-dev/polc/compiler/schema"
	"github.com/polc-dev/polc/compiler/untrusted"
	"github.com/polc-dev/polc/policy"
)

// Stage names, printed with each diagnostic.
const (
	StageLoad        = "load"
	StageParse       = "parse"
	StageFormat      = "format"
	StageClauses     = "clauses"
	StageBuiltins    = "builtins"
	StageIDs         = "ids"
	StageYears       = "years"
	StageTypes       = "types"
	StageReads       = "reads"
	StageParams      = "params"
	StageBounds      = "floors"
	StageConstraints = "constraints"
	StageExhaustive  = "exhaustive"
)

// PackagePrefix is the package path every region module lives under.
const PackagePrefix = policy.PackagePrefix

// Options adjust a compilation.
type Options struct {
	// CategorySets are combinations of categories (from golden cases) the
	// exhaustive stage evaluates besides each category alone.
	// Keyed by region id.
	CategorySets map[string][][]string
	// SkipExhaustive leaves out the stages that evaluate every context
	// (constraints, exhaustive): what settles a case needs the compiled
	// set, and the engine checks each plan and decision it builds.
	SkipExhaustive bool
	// Regions, when not nil, compiles only these regions: the schema and
	// their modules and params files are read and checked, the folder's
	// other modules only listed (policy.Set.Omitted), never read. Settling
	// a case needs its own region, and the schema and the five modules
	// take some 200 ms to compile where one takes 40. An id without a
	// module is ignored: a case naming it is refused when it is read.
	Regions []string
	// Format holds every module to the text OPA's formatter gives it (the
	// format stage; `opa fmt`, `polc fmt`). polc check sets it: a commit's
	// diff then shows what a rule says, not how it was laid out, and a
	// rule's position, which coverage tables and reviews quote, moves
	// only when text above it does. Commands that settle with a working
	// copy leave it unset: an unformatted module settles as well.
	Format bool
}

// stage is one step of the compilation; a per-region stage (parse to
// floors) runs on a Compiler that holds a single region.
type stage struct {
	name string
	f    func(*Compiler)
}

// regionStages are the stages that look at one region at a time, in order.
// The order matters where a stage reads what an earlier one built: clauses
// attaches clauses to rule heads before types compiles the modules; bounds
// resolves params before constraints and exhaustive evaluate plans with
// them.
var regionStages = []stage{
	{StageParse, (*Compiler).parse},
	{StageFormat, (*Compiler).checkFormat},
	{StageClauses, (*Compiler).checkClauses},
	{StageBuiltins, (*Compiler).checkBuiltins},
	{StageIDs, (*Compiler).checkIDs},
	{StageYears, (*Compiler).checkYears},
	{StageTypes, (*Compiler).checkTypes},
	{StageReads, (*Compiler).checkReads},
	{StageParams, (*Compiler).loadParams},
	{StageBounds, (*Compiler).checkBounds},
}

// region is a region being compiled: the run-time region the stages
// build, and what only the stages need of it.
type region struct {
	*policy.Region
	source []byte
	fsName string
	failed bool
	// reads is what each decision rule may read, by rule key (reads.go).
	reads map[string]*ruleReads
}

// Compiler compiles one policies folder. Use Compile.
type Compiler struct {
	// ctx is the caller's: every stage that evaluates policy is bounded by
	// it as well as by StageTimeBudget and the sandbox's per-evaluation
	// deadline.
	ctx     context.Context
	fsys    fs.FS
	display string // how file names are shown: "policies" or the --policies DIR
	opts    Options

	schema  *schema.Schema
	regions []*region
	guard   *sandbox.Guard
	refused map[string]bool // entries of the folder checkEntries refused
	spaces  []*regionSpaces // between the constraints and exhaustive stages
	omitted []string        // region modules Options.Regions left out
	diags   diag.List
	timings []policy.StageTiming
}

// Compile loads and checks every policy under fsys. display is the folder
// name shown in diagnostics. The set is returned only if there is no error.
func Compile(ctx context.Context, fsys fs.FS, display string, opts Options) (*policy.Set, diag.List) {
	c := &Compiler{ctx: ctx, fsys: fsys, display: display, opts: opts, guard: sandbox.NewGuard(0, 0)}
	c.timed(StageLoad, c.load)
	// Nothing can be checked without the vocabulary.
	if c.schema != nil {
		c.eachRegion()
		if !opts.SkipExhaustive {
			c.timed(StageConstraints, c.checkConstraints)
			c.timed(StageExhaustive, c.checkExhaustive)
		}
	}
	c.diags = c.diags.Dedupe()
	if c.diags.HasErrors() {
		return nil, c.diags
	}
	ps := &policy.Set{Schema: c.schema, Regions: map[string]*policy.Region{}, Timings: c.timings, Omitted: c.omitted}
	for _, r := range c.regions {
		ps.Regions[r.ID] = r.Region
	}
	return ps, c.diags
}

func (c *Compiler) timed(name string, f func()) {
	start := time.Now()
	f()
	c.timings = append(c.timings, policy.StageTiming{Stage: name, Duration: time.Since(start)})
}

// eachRegion takes every region through the per-region stages, as many at
// once as there are cores, the largest module first (the others fill in
// around it). Each region runs on a Compiler of its own, which shares
// only what is read-only by now (the schema, the folder, the guard), and
// its diagnostics are gathered in the regions' order.
func (c *Compiler) eachRegion() {
	subs := make([]*Compiler, len(c.regions))
	order := make([]int, len(c.regions))
	for i, r := range c.regions {
		subs[i] = &Compiler{ctx: c.ctx, fsys: c.fsys, display: c.display, opts: c.opts, schema: c.schema, guard: c.guard, refused: c.refused, regions: []*region{r}}
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return len(c.regions[order[a]].source) > len(c.regions[order[b]].source) })
	work := make(chan *Compiler)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(subs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for sub := range work {
				for _, s := range regionStages {
					sub.timed(s.name, func() { s.f(sub) })
				}
			}
		}()
	}
	for _, i := range order {
		work <- subs[i]
	}
	close(work)
	wg.Wait()
	sums := make([]time.Duration, len(regionStages))
	for _, sub := range subs {
		c.diags = append(c.diags, sub.diags...)
		for i, t := range sub.timings {
			sums[i] += t.Duration
		}
	}
	for i, s := range regionStages {
		c.timings = append(c.timings, policy.StageTiming{Stage: s.name, Duration: sums[i]})
	}
}

// file is the name a diagnostic shows for a path inside fsys.
func (c *Compiler) file(name string) string {
	if c.display == "" {
		return name
	}
	return path.Join(c.display, name)
}

func (c *Compiler) errorf(stage string, pos diag.Position, format string, args ...any) {
	c.diags.Errorf(stage, pos, format, args...)
}

// regionFailed marks a region whose later, evaluating stages must not run.
func (c *Compiler) regionFailed(r *region) { r.failed = true }

// parsed lists the regions whose module parsed: the static stages check
// every one of them, so one problem never hides another.
func (c *Compiler) parsed() []*region {
	var out []*region
	for _, r := range c.regions {
		if r.Module != nil {
			out = append(out, r)
		}
	}
	return out
}

// healthy lists the regions every stage so far has passed.
func (c *Compiler) healthy() []*region {
	var out []*region
	for _, r := range c.regions {
		if !r.failed {
			out = append(out, r)
		}
	}
	return out
}

// MaxPolicyFileBytes bounds each file of a policies folder: a region
// module is some tens of kilobytes.
const MaxPolicyFileBytes = 1 << 20

func (c *Compiler) load() {
	const schemaFile = "schema.yaml"
	if _, err := fs.Stat(c.fsys, "."); err != nil {
		c.errorf(StageLoad, diag.Position{File: c.display}, "cannot read the policies folder: %v", err)
		return
	}
	c.checkEntries(".")
	c.checkEntries("params")
	data, err := c.readFile(schemaFile)
	if err != nil {
		if err != errRefused {
			c.errorf(StageLoad, diag.Position{File: c.file(schemaFile)}, "cannot read the schema: %v", err)
		}
		return
	}
	s, ds := schema.Load(c.file(schemaFile), bytes.NewReader(data))
	if len(ds) > 0 {
		c.diags = append(c.diags, ds...)
		return
	}
	c.schema = s
	names, err := fs.Glob(c.fsys, "*.rego")
	if err != nil {
		c.errorf(StageLoad, diag.Position{File: c.display}, "listing policies: %v", err)
		return
	}
	if len(names) == 0 {
		c.errorf(StageLoad, diag.Position{File: c.display}, "no region modules (*.rego) in the policies folder")
	}
	sort.Strings(names)
	for _, name := range names {
		id := name[:len(name)-len(".rego")]
		if c.opts.Regions != nil && !slices.Contains(c.opts.Regions, id) {
			c.omitted = append(c.omitted, id)
			continue
		}
		data, err := c.readFile(name)
		if err != nil {
			if err != errRefused {
				c.errorf(StageLoad, diag.Position{File: c.file(name)}, "cannot read: %v", err)
			}
			continue
		}
		c.regions = append(c.regions, &region{Region: &policy.Region{ID: id, File: c.file(name)}, source: data, fsName: name})
		c.regions[len(c.regions)-1].SetSource(data)
	}
}

// checkEntries refuses what a policies folder must not hold: a symbolic
// link (it could lead out of the folder, to a file the policy would then
// be read from and quoted in diagnostics), a device, a named pipe (reading
// it could block for ever) or a socket. Only regular files and folders.
func (c *Compiler) checkEntries(dir string) {
	entries, err := fs.ReadDir(c.fsys, dir)
	if err != nil {
		return // a missing params folder is reported where a params file is read
	}
	for _, e := range entries {
		if t := e.Type(); !t.IsRegular() && !t.IsDir() {
			name := path.Join(dir, e.Name())
			c.errorf(StageLoad, diag.Position{File: c.file(name)}, "%s: a policies folder holds only regular files and folders", untrusted.Kind(t))
			if c.refused == nil {
				c.refused = map[string]bool{}
			}
			c.refused[name] = true
		}
	}
}

// errRefused is what readFile returns for an entry checkEntries has
// already reported: the file is not read, and not reported twice.
var errRefused = errors.New("refused")

// readFile reads a file of the policies folder if it is a regular file no
// larger than MaxPolicyFileBytes.
func (c *Compiler) readFile(name string) ([]byte, error) {
	if c.refused[name] {
		return nil, errRefused
	}
	data, err := untrusted.ReadFS(c.fsys, name, MaxPolicyFileBytes)
	var nr *untrusted.NotRegular
	switch {
	case errors.As(err, &nr):
		return nil, fmt.Errorf("%s: a policies folder holds only regular files", nr.Kind)
	case errors.Is(err, untrusted.ErrTooLarge):
		return nil, fmt.Errorf("larger than %d bytes, the most a policy file may hold", MaxPolicyFileBytes)
	}
	return data, err
}

func (c *Compiler) loadParams() {
	for _, r := range c.regions {
		name := path.Join("params", r.ID+".yaml")
		data, err := c.readFile(name)
		if err == errRefused {
			c.regionFailed(r)
			continue
		}
		if err != nil {
			c.errorf(StageParams, diag.Position{File: c.file(name)}, "region %s has no params file: %v", r.ID, err)
			c.regionFailed(r)
			continue
		}
		pf, ds := params.Load(c.file(name), data, c.schema)
		c.diags = append(c.diags, ds...)
		if ds.HasErrors() || pf == nil {
			c.regionFailed(r)
			continue
		}
		if pf.Region != r.ID {
			c.errorf(StageParams, diag.Position{File: c.file(name), Line: 1, Col: 1}, "params file is for region %q, not %q", pf.Region, r.ID)
			c.regionFailed(r)
			continue
		}
		r.Params = pf
	}
}

func (c *Compiler) pos(loc *ast.Location) diag.Position {
	if loc == nil {
		return diag.Position{}
	}
	return diag.Position{File: loc.File, Line: loc.Row, Col: loc.Col}
}
