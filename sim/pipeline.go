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

// pipeline is the streamed pass Run and Against share: feed frames
// persons into batches in file order, workers settle each batch (process,
// with the worker's own parser), and c takes them back in file order
// whatever order the workers finish in, so sums, rows and problems do not
// depend on the timing. Once c has stopped (too many problems, an error),
// reading stops. Memory is the batches in flight, whatever the
// population's size.
func pipeline[B interface{ run() *personRun }](ctx context.Context, rd *population.Reader, workers int, newBatch func() B, process func(ctx context.Context, ps *population.Parser, b B), c collecting[B]) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	free := make(chan B, workers*batchesInFlight+1)
	for range cap(free) {
		free <- newBatch()
	}
	work := make(chan B, cap(free))
	done := make(chan B, cap(free))
	go feed(ctx, rd, free, work)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ps := rd.Parser()
			for b := range work {
				process(ctx, ps, b)
				done <- b
			}
		}()
	}
	go func() {
		wg.Wait()
		close(done)
	}()
	pending := map[int]B{}
	next := 0
	for b := range done {
		pending[b.run().seq] = b
		for {
			b, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
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
