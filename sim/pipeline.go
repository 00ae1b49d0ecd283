package sim

import (
	"context"
	"runtime"
	"sync"

	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/population"
)

// withDefaults fills in what the zero Options leave to the run.
func (o Options) withDefaults() Options {
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.MaxProblems <= 0 {
		o.MaxProblems = DefaultMaxProblems
	}
	return o
}

// collecting takes a run's batches back, in input order.
type collecting[B any] interface {
	stopped() bool
	batch(B)
}

// sequenced is a batch that carries its place in the input.
type sequenced interface{ seqp() *int }

// pipeline is the streamed pass Run and Against share: workers fill
// batches in file order (fill, false when there is nothing more), one at
// a time, and each settles the batch it filled (each worker's process
// made by worker, with its own parser); c takes them back in file order
// whatever order the workers finish in, so sums, rows and problems do not
// depend on the timing. Once c has stopped (too many problems, an error),
// reading stops. Memory is the batches in flight, whatever the
// population's size.
//
// A worker reads its own batch, rather than a reading goroutine handing
// batches to the workers: the batch's text is then in the cache of the
// core that reads it, where a reading goroutine's would be met first in
// the cache of another, and no goroutine waits on another to be handed
// work.
func pipeline[B sequenced](ctx context.Context, workers int, newBatch func() B, fill func(B) bool, worker func() func(context.Context, B), c collecting[B]) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	free := make(chan B, workers*batchesInFlight+1)
	for range cap(free) {
		free <- newBatch()
	}
	done := make(chan B, cap(free))
	var (
		reading sync.Mutex // fill is called by one worker at a time, in file order
		seq     int
		ended   bool // fill had no more
	)
	// next fills a free batch with the next of the files; false at
	// their end or once ctx is done.
	next := func() (B, bool) {
		var b B
		select {
		case b = <-free:
		case <-ctx.Done():
			return b, false
		}
		reading.Lock()
		defer reading.Unlock()
		if ended || ctx.Err() != nil {
			return b, false
		}
		*b.seqp() = seq
		if !fill(b) {
			ended = true
			return b, false
		}
		seq++
		return b, true
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			process := worker()
			for {
				b, ok := next()
				if !ok {
					return
				}
				process(ctx, b)
				done <- b
			}
		}()
	}
	go func() {
		wg.Wait()
		close(done)
	}()
	pending := map[int]B{}
	want := 0
	for b := range done {
		pending[*b.seqp()] = b
		for {
			b, ok := pending[want]
			if !ok {
				break
			}
			delete(pending, want)
			want++
			if !c.stopped() {
				c.batch(b)
				if c.stopped() {
					cancel()
				}
			}
			free <- b
		}
	}
}

// carefulPipeline is pipeline over the careful reading: rd frames the
// batches' persons — finding each person's lines and checking the join,
// the reading's one part that must go in file order — and the workers
// parse them (the fields, most of the work), each with its own parser.
func carefulPipeline[B interface {
	sequenced
	run() *personRun
}](ctx context.Context, rd *population.Reader, workers int, newBatch func() B, process func(ctx context.Context, ps *population.Parser, b B), c collecting[B]) {
	pipeline(ctx, workers, newBatch,
		func(b B) bool { return rd.Frame(&b.run().frame, batchPersons, batchClaims, batchBytes) },
		func() func(context.Context, B) {
			ps := rd.Parser()
			return func(ctx context.Context, b B) { process(ctx, ps, b) }
		},
		c)
}

// stopping is what a collector keeps of a run's problems: they are
// reported, at most max of them, and nothing is summed.
type stopping struct {
	problems  diag.List
	max       int
	stoppedAt string
	err       error
}

func (c *stopping) stopped() bool { return len(c.problems) >= c.max || c.err != nil }

// report is the run's problems once its batches are in, nil if none.
// Reading stopped where the join broke: that comes after every person
// already read, so it is added after their problems.
func (c *stopping) report(rd *population.Reader) diag.List {
	if !c.stopped() {
		c.problems = append(c.problems, rd.Err()...)
	}
	if len(c.problems) == 0 {
		return nil
	}
	ds := c.problems.Dedupe()
	if c.stopped() {
		ds.Errorf(population.Stage, diag.Position{File: c.stoppedAt}, "stopped after %d problems; the rest of the files is not read", c.max)
	}
	return ds
}
