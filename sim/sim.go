// Package sim runs a population's year through a region's settlement
// (`polc sim`): it reads the population files as they stream (package
// population), settles each person's year through settle.Engine's Figures
// and sums the figures exactly — totals per tier, per funder and per
// category, the subsidy bill, the monitoring flags raised and the
// out-of-pocket distribution — into a Summary, rendered as JSON or as
// Markdown for fund officers.
//
// Persons are settled in a pipeline: workers take turns reading the next
// batch off the files (the fast reading's blocks of whole persons,
// population.Blocks; or, carefully, each person's lines found and the
// join checked, population.Reader.Frame), then each parses, settles and
// sums its own, and the caller's goroutine takes the batches back in
// input order and merges them, so
// the sums, the per-person file and the problems reported are the same
// whatever the timing. Memory is a fixed
// number of batches in flight, whatever the population's size, plus the
// out-of-pocket values for the deciles (package ranks: 8 bytes a person,
// spilled to a temporary file past ranks.DefaultMemory of them).
package sim

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/schema/shape"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/population"
	"github.com/polc-dev/polc/settle"
	"github.com/polc-dev/polc/sim/ranks"
)

// Figurer settles one person's year into the figures a run sums:
// *settle.Engine is one.
type Figurer interface {
	Figures(ctx context.Context, c *cases.Case, out *settle.Figures) error
}

// Options adjust a run. The zero value is a run on every core with no
// per-person file.
type Options struct {
	// Workers settle batches in parallel (default GOMAXPROCS).
	Workers int
	// PerPerson, if set, receives PerPersonHeader and a row for each
	// person, in input order.
	PerPerson io.Writer
	// RankMemory is how many out-of-pocket values are held in memory
	// before they spill to a temporary file in TempDir (default
	// ranks.DefaultMemory).
	RankMemory int
	TempDir    string
	// MaxProblems is how many problems are reported before the run stops
	// (default DefaultMaxProblems).
	MaxProblems int
}

// DefaultMaxProblems is how many problems a run lists before it stops
// reading: enough to see a pattern, few enough to read.
const DefaultMaxProblems = 20

// PerPersonHeader is the header of the per-person file (DESIGN,
// Population files).
const PerPersonHeader = "person_id,subsidy,total,hospital_borne,basic,critical,assistance,tilted,top_up,out_of_pocket"

// Batches: a batch is at most batchPersons persons, batchClaims claims or
// batchBytes bytes of rows (a person with more is a batch alone), and
// batchesInFlight per worker are read ahead.
const (
	batchPersons    = 256
	batchClaims     = 4096
	batchBytes      = 1 << 20
	batchesInFlight = 3
)

// batch is a run of persons and what a worker made of them: each one's
// figures or error, and — for the persons before the batch's first
// problem, in input order — their sums, out-of-pocket values and
// per-person rows, so that the summing goroutine only merges them.
type batch struct {
	personRun
	figures []settle.Figures
	errs    []error

	clean    int  // persons[:clean] have no problem and are in part, oop and rows
	overflow bool // persons[clean] would have passed int64 in part
	part     *sums
	oop      []int64
	rows     []byte
}

// settle settles the batch's persons in a worker: each is parsed and
// settled in turn (the person just read is still in the core's caches),
// and the clean ones are summed.
func (b *batch) settle(ctx context.Context, ps *population.Parser, fig Figurer, perPerson bool) {
	b.n, b.clean, b.overflow = b.frame.Len(), -1, false
	b.part.reset()
	b.oop, b.rows = b.oop[:0], b.rows[:0]
	for i := range b.n {
		b.errs[i] = nil
		p, f := b.parse(ps, i), &b.figures[i]
		if len(p.Problems) == 0 && ctx.Err() == nil {
			b.errs[i] = fig.Figures(ctx, &p.Case, f)
		}
		if b.clean >= 0 {
			continue
		}
		if len(p.Problems) > 0 || b.errs[i] != nil {
			b.clean = i
			continue
		}
		if !b.part.person(p.Case.Person.Categories, len(p.Case.Claims), f) {
			b.clean, b.overflow = i, true
			continue
		}
		b.oop = append(b.oop, int64(f.Totals.OutOfPocket))
		if perPerson {
			b.rows = appendRow(b.rows, p.ID, f)
		}
	}
	if b.clean < 0 {
		b.clean = b.n
	}
}

// appendRow appends a person's row of the per-person file.
func appendRow(b []byte, id string, f *settle.Figures) []byte {
	t := &f.Totals
	b = append(b, id...)
	for _, a := range [...]settle.Money{f.Subsidy, t.Total, t.HospitalBorne, t.Basic, t.Critical, t.Assistance, t.Tilted, t.TopUp, t.OutOfPocket} {
		b = a.AppendText(append(b, ','))
	}
	return append(b, '\n')
}

// personRun is a run of persons in input order, numbered so the summing
// goroutine can take batches back in that order: framed by the reading
// goroutine, parsed into persons by a worker.
type personRun struct {
	seq, n  int
	frame   population.Frame
	persons []population.Person
}

func newPersonRun() personRun {
	return personRun{persons: make([]population.Person, batchPersons)}
}

func (p *personRun) run() *personRun { return p }
func (p *personRun) seqp() *int      { return &p.seq }

// parse reads the i-th person of the run with the worker's parser.
func (p *personRun) parse(ps *population.Parser, i int) *population.Person {
	ps.Parse(&p.frame, i, &p.persons[i])
	return &p.persons[i]
}

// Run reads the population and settles every person's year. It returns
// the summary, or the problems found (each at its file:line) and no
// summary: nothing is summed from a population with a bad row, since a
// partial sum is easily taken for a whole one. err is a failure of the
// machine (a temporary file, the per-person file), not of the input.
//
// Files that can be read twice (rd.Blocks: the CLI's regular files) are
// read the fast way first (runBlocks); if they turn out to hold anything
// that is not plainly right, they are read again from the start the
// careful way, which reports it. Either way the summary and the
// per-person file are the same.
func Run(ctx context.Context, fig Figurer, s *shape.Shape, rd *population.Reader, opts Options) (*Summary, diag.List, error) {
	opts = opts.withDefaults()
	if bs := rd.Blocks(); bs != nil {
		if restart, ok := restartable(opts.PerPerson); ok {
			sm, whole, err := runBlocks(ctx, fig, s, bs, rd, opts)
			if err != nil || whole {
				return sm, nil, err
			}
			if err := bs.Rewind(); err != nil {
				return nil, nil, err
			}
			if err := restart(); err != nil {
				return nil, nil, fmt.Errorf("per-person file: %w", err)
			}
		}
	}
	c := newCollector(s, opts)
	defer c.ranks.Close()
	carefulPipeline(ctx, rd, opts.Workers,
		func() *batch {
			return &batch{personRun: newPersonRun(), figures: make([]settle.Figures, batchPersons), errs: make([]error, batchPersons), part: newSums(s)}
		},
		func(ctx context.Context, ps *population.Parser, b *batch) {
			b.settle(ctx, ps, fig, opts.PerPerson != nil)
		},
		c)
	if c.err != nil {
		return nil, nil, c.err
	}
	if err := ctx.Err(); err != nil {
		// Persons were left unsettled: there is no whole sum to give.
		return nil, nil, err
	}
	if ds := c.report(rd); ds != nil {
		return nil, ds, nil
	}
	sm, err := c.finish(rd.Region(), rd.Year())
	return sm, nil, err
}

func newCollector(s *shape.Shape, opts Options) *collector {
	c := &collector{sums: newSums(s), ranks: ranks.New(opts.RankMemory, opts.TempDir), stopping: stopping{max: opts.MaxProblems}}
	if opts.PerPerson != nil {
		c.out = bufio.NewWriterSize(opts.PerPerson, 64<<10)
		c.out.WriteString(PerPersonHeader + "\n")
	}
	return c
}

// finish is the summary of a whole run: the sums, the deciles, the
// per-person file flushed.
func (c *collector) finish(region string, year int) (*Summary, error) {
	sm := c.sums.finish()
	sm.Region, sm.Year = region, year
	if err := c.deciles(sm); err != nil {
		return nil, err
	}
	if c.out != nil {
		if err := c.out.Flush(); err != nil {
			return nil, fmt.Errorf("per-person file: %w", err)
		}
	}
	return sm, nil
}

// collector takes the settled batches in input order.
type collector struct {
	sums  *sums
	ranks *ranks.Ranks
	out   *bufio.Writer
	stopping
}

// batch takes a batch in input order: its clean persons' sums, values and
// rows while the run has no problem, then its problems, person by person,
// until there are too many.
func (c *collector) batch(b *batch) {
	if len(c.problems) == 0 {
		if !c.merge(b.part, b.oop, b.rows) {
			return
		}
		if b.overflow {
			c.err = errOverflow
			return
		}
	}
	for i := b.clean; i < b.n; i++ {
		p := &b.persons[i]
		switch {
		case len(p.Problems) > 0:
			c.problems = append(c.problems, p.Problems...)
		case b.errs[i] != nil:
			c.problems = append(c.problems, problemsOf(b.errs[i], p)...)
		}
		if c.stopped() {
			c.stoppedAt = p.Case.Pos.File
			return
		}
	}
}

// merge adds a batch's clean persons — their sums, out-of-pocket values and
// per-person rows — to the run's; false if that fails (c.err says why).
func (c *collector) merge(part *sums, oop []int64, rows []byte) bool {
	if !c.sums.merge(part) {
		c.err = errOverflow
		return false
	}
	for _, v := range oop {
		if err := c.ranks.Add(v); err != nil {
			c.err = err
			return false
		}
	}
	if c.out != nil {
		if _, err := c.out.Write(rows); err != nil {
			c.err = fmt.Errorf("per-person file: %w", err)
			return false
		}
	}
	return true
}

func (c *collector) deciles(sm *Summary) error {
	d := &sm.OutOfPocket
	d.Rule, d.Persons, d.Deciles = NearestRank, c.ranks.N(), []Decile{}
	if d.Persons == 0 {
		return nil
	}
	rs := DecileRanks(d.Persons)
	vals, err := c.ranks.At(rs)
	if err != nil {
		return err
	}
	d.Min, d.Max = settle.Money(vals[0]), settle.Money(vals[len(vals)-1])
	for k := 1; k <= 9; k++ {
		d.Deciles = append(d.Deciles, Decile{Decile: k, Rank: rs[k], Value: settle.Money(vals[k])})
	}
	return nil
}

// problemsOf turns a settlement error into diagnostics: a settle.Error
// names the claim's line or the person's; the params' problems name the
// params file; anything else is put at the person's row.
func problemsOf(err error, p *population.Person) diag.List {
	var ds diag.List
	var se *settle.Error
	switch {
	case errors.As(err, &ds):
		return ds
	case errors.As(err, &se):
		return se.Diagnostics()
	}
	msg := err.Error()
	if strings.HasPrefix(msg, p.Case.Pos.String()+": ") {
		msg = strings.TrimPrefix(msg, p.Case.Pos.String()+": ")
	}
	return diag.List{{Pos: p.Case.Pos, Severity: diag.SeverityError, Message: "person " + p.ID + ": " + msg, Stage: settle.Stage}}
}

// Engine is the Figurer a run settles with: settle's engine over the
// policy set, with the run's params (a --params file) resolved once, for
// the run's region and year (policy.Set.WithParams), rather than
// once a person — a person's case gives none of its own. Each person's
// figures are still those of the person as a case giving the params.
func Engine(set *policy.Set, overrides []cases.Override) Figurer {
	if len(overrides) == 0 {
		return settle.New(set)
	}
	return &pinned{set: set, overrides: overrides}
}

type pinned struct {
	set       *policy.Set
	overrides []cases.Override
	once      sync.Once
	engine    *settle.Engine
	region    string
	year      int
	err       error
}

func (p *pinned) Figures(ctx context.Context, c *cases.Case, out *settle.Figures) error {
	p.once.Do(func() {
		p.region, p.year = c.Region, c.Year
		set, err := p.set.WithParams(c.Region, c.Year, p.overrides)
		if err != nil {
			p.err = err
			return
		}
		p.engine = settle.New(set)
	})
	switch {
	case p.err != nil:
		return p.err
	case c.Region != p.region || c.Year != p.year || len(c.Overrides) > 0:
		return fmt.Errorf("the run's params are for %s %d, not %s %d: a run is one region's year", p.region, p.year, c.Region, c.Year)
	}
	return p.engine.Figures(ctx, c, out)
}
