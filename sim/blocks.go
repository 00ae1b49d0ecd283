package sim

import (
	"context"
	"io"
	"sync/atomic"

	"github.com/polc-dev/polc/compiler/schema/shape"
	"github.com/polc-dev/polc/population"
	"github.com/polc-dev/polc/settle"
)

// The fast lane of a run (population.Blocks): a worker cuts the next
// block of whole persons off the files (one at a time, doing nothing a
// line), then reads its rows, settles each person as soon as it is read
// (one Person and one Figures a worker, which stay in the core's caches)
// and sums them. A block that is not plainly right — a row the careful
// reading would report, a person Figures refuses, a sum past int64 — ends
// the lane: nothing of it is kept, and Run reads the files again the
// careful way, which reports the problem exactly.

// blockBatch is a block of persons and what a worker made of them: the
// sums, out-of-pocket values and per-person rows of all its persons, or
// irregular.
type blockBatch struct {
	seq       int
	block     population.Block
	part      *sums
	oop       []int64
	rows      []byte
	irregular bool
}

func (b *blockBatch) seqp() *int { return &b.seq }

// blockCollector takes the blocks back in file order until one is
// irregular.
type blockCollector struct {
	*collector
	irregular bool
	scrub     bool // runHooks.scrub
}

func (c *blockCollector) stopped() bool { return c.irregular || c.err != nil }

func (c *blockCollector) batch(b *blockBatch) {
	if b.irregular {
		c.irregular = true
		return
	}
	c.merge(b.part, b.oop, b.rows)
	if c.scrub {
		b.block.Scrub()
	}
}

// runHooks are what the tests have a run do and see of it, given in the
// run's context (export_test.go); a run outside the tests has none. They
// belong to the runs given that context, not to the process, so tests that
// use them run in parallel.
type runHooks struct {
	// scrub has each block overwritten once summed: a string of a block
	// kept by the run or the engine would change what a later person
	// gives.
	scrub bool
	// fast counts the runs the fast lane summed, for the tests to see
	// that it is taken.
	fast atomic.Int64
}

type hooksKey struct{}

// hooksOf is the run's hooks: none (zero) outside the tests.
func hooksOf(ctx context.Context) *runHooks {
	if h, ok := ctx.Value(hooksKey{}).(*runHooks); ok {
		return h
	}
	return &runHooks{}
}

// runBlocks runs the population the fast way. whole is false if the files
// turned out to hold something the lane does not take (and the run is to
// be read again carefully); err is a failure of the machine, or the run's
// cancellation.
func runBlocks(ctx context.Context, fig Figurer, s *shape.Shape, bs *population.Blocks, rd *population.Reader, opts Options) (sm *Summary, whole bool, err error) {
	hooks := hooksOf(ctx)
	c := &blockCollector{collector: newCollector(s, opts), scrub: hooks.scrub}
	defer c.ranks.Close()
	perPerson := opts.PerPerson != nil
	pipeline(ctx, opts.Workers,
		func() *blockBatch { return &blockBatch{part: newSums(s)} },
		func(b *blockBatch) bool { return bs.Next(&b.block) },
		func() func(context.Context, *blockBatch) {
			ps := rd.Parser()
			var p population.Person
			var f settle.Figures
			return func(ctx context.Context, b *blockBatch) {
				b.part.reset()
				b.oop, b.rows = b.oop[:0], b.rows[:0]
				// The block was read by this worker (pipeline): its text
				// is in this core's cache.
				b.irregular = !ps.ParseBlock(&b.block, &p, func(p *population.Person) bool {
					if ctx.Err() != nil || fig.Figures(ctx, &p.Case, &f) != nil || !b.part.person(p.Case.Person.Categories, len(p.Case.Claims), &f) {
						return false
					}
					b.oop = append(b.oop, int64(f.Totals.OutOfPocket))
					if perPerson {
						b.rows = appendRow(b.rows, p.ID, &f)
					}
					return true
				})
			}
		},
		c)
	switch {
	case c.err != nil:
		return nil, false, c.err
	case ctx.Err() != nil:
		return nil, false, ctx.Err()
	case c.irregular || bs.Irregular():
		return nil, false, nil
	}
	sm, err = c.finish(bs.Region(), bs.Year())
	if err == nil {
		hooks.fast.Add(1)
	}
	return sm, err == nil, err
}

// restartable says whether a per-person file can be emptied for a second
// reading of the files, and how.
func restartable(w io.Writer) (func() error, bool) {
	switch w := w.(type) {
	case nil:
		return func() error { return nil }, true
	case interface {
		Truncate(int64) error
		Seek(int64, int) (int64, error)
	}:
		return func() error {
			if _, err := w.Seek(0, io.SeekStart); err != nil {
				return err
			}
			return w.Truncate(0)
		}, true
	case interface{ Reset() }:
		return func() error { w.Reset(); return nil }, true
	}
	if w == io.Discard {
		return func() error { return nil }, true
	}
	return nil, false
}
