package sandbox

import (
	"context"
	"fmt"
	"runtime/metrics"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// Defaults for a Guard: no decision of the shipped policies takes more than
// a few milliseconds or a few megabytes, so these only ever stop a runaway.
const (
	DefaultTimeout      = time.Second
	DefaultMemoryBudget = 768 << 20
	// watchInterval is how often the watchdog looks at the clock and the
	// heap while evaluations run.
	watchInterval = 2 * time.Millisecond
)

// Guard runs evaluations under a deadline each and a memory budget shared
// by all of them. One watchdog goroutine, alive only while evaluations run,
// cancels an evaluation that passes its deadline (or whose context is
// done), and every evaluation when the heap grows past the budget. OPA
// checks the cancellation before each expression, so a runaway stops at
// its next step. A Guard is safe for concurrent use.
type Guard struct {
	timeout   time.Duration
	heapLimit uint64
	opts      []rego.EvalOption

	mu       sync.Mutex
	runs     map[*run]struct{}
	watching bool
}

type run struct {
	ctx      context.Context
	cancel   topdown.Cancel
	deadline time.Time
	cause    *Exceeded // set by the watchdog before it cancels
}

// NewGuard returns a guard with the given per-evaluation timeout and a
// budget for heap growth from now while evaluations run; zero values take
// the defaults.
func NewGuard(timeout time.Duration, memoryBudget uint64) *Guard {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	if memoryBudget == 0 {
		memoryBudget = DefaultMemoryBudget
	}
	return &Guard{timeout: timeout, heapLimit: heapBytes() + memoryBudget, opts: EvalOptions(), runs: map[*run]struct{}{}}
}

// Exceeded is the error of an evaluation its guard stopped.
type Exceeded struct {
	Limit    string // "deadline" or "memory"
	Timeout  time.Duration
	HeapSeen uint64
	// Where is the last expression evaluated before the stop, found by
	// running the evaluation again with a tracer (see Eval); nil if that
	// run could not tell.
	Where *ast.Location
}

func (e *Exceeded) Error() string {
	if e.Limit == "memory" {
		return fmt.Sprintf("evaluation stopped: it made the heap grow to %d MiB, past the sandbox's memory budget", e.HeapSeen>>20)
	}
	return fmt.Sprintf("evaluation stopped: it ran past the sandbox's deadline of %v", e.Timeout)
}

// Eval evaluates a prepared query in the sandbox. When the guard stops it,
// the error is an *Exceeded whose Where says where it was spending its
// time: the evaluation is run once more, traced, under a shorter deadline,
// so that the diagnostic can name the rule.
func (g *Guard) Eval(ctx context.Context, q *rego.PreparedEvalQuery, opts ...rego.EvalOption) (rego.ResultSet, error) {
	rs, exceeded, err := g.eval(ctx, q, g.timeout, nil, opts)
	if exceeded == nil {
		return rs, err
	}
	tr := &lastExpr{}
	_, _, _ = g.eval(ctx, q, min(g.timeout, 200*time.Millisecond), tr, opts)
	exceeded.Where = tr.loc
	return nil, exceeded
}

func (g *Guard) eval(ctx context.Context, q *rego.PreparedEvalQuery, timeout time.Duration, tracer topdown.QueryTracer, opts []rego.EvalOption) (rego.ResultSet, *Exceeded, error) {
	r := &run{ctx: ctx, cancel: topdown.NewCancel(), deadline: time.Now().Add(timeout)}
	g.start(r)
	all := make([]rego.EvalOption, 0, len(g.opts)+len(opts)+2)
	all = append(all, g.opts...)
	all = append(all, opts...)
	all = append(all, rego.EvalExternalCancel(r.cancel))
	if tracer != nil {
		all = append(all, rego.EvalQueryTracer(tracer))
	}
	rs, err := q.Eval(ctx, all...)
	cause := g.stop(r)
	if err != nil && IsCancel(err) {
		if cause != nil {
			cause.Timeout = timeout
			return nil, cause, cause
		}
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
	}
	return rs, nil, err
}

func (g *Guard) start(r *run) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.runs[r] = struct{}{}
	if !g.watching {
		g.watching = true
		go g.watch()
	}
}

func (g *Guard) stop(r *run) *Exceeded {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.runs, r)
	return r.cause
}

// watch is the watchdog: it exits when no evaluation is left to watch.
func (g *Guard) watch() {
	t := time.NewTicker(watchInterval)
	defer t.Stop()
	for range t.C {
		g.mu.Lock()
		if len(g.runs) == 0 {
			g.watching = false
			g.mu.Unlock()
			return
		}
		now := time.Now()
		heap := heapBytes()
		for r := range g.runs {
			if r.cause != nil {
				continue
			}
			switch {
			case heap > g.heapLimit:
				r.cause = &Exceeded{Limit: "memory", HeapSeen: heap}
				r.cancel.Cancel()
			case now.After(r.deadline):
				r.cause = &Exceeded{Limit: "deadline"}
				r.cancel.Cancel()
			case r.ctx.Err() != nil:
				r.cancel.Cancel()
			}
		}
		g.mu.Unlock()
	}
}

var heapSample = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
var heapMu sync.Mutex

// heapBytes is the memory held by heap objects, live or not yet swept.
func heapBytes() uint64 {
	heapMu.Lock()
	defer heapMu.Unlock()
	metrics.Read(heapSample)
	if heapSample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return heapSample[0].Value.Uint64()
}

// lastExpr remembers where evaluation last was.
type lastExpr struct {
	mu  sync.Mutex
	loc *ast.Location
}

func (t *lastExpr) Enabled() bool { return true }

func (t *lastExpr) TraceEvent(evt topdown.Event) {
	if evt.Location == nil || evt.Op != topdown.EvalOp {
		return
	}
	t.mu.Lock()
	t.loc = evt.Location
	t.mu.Unlock()
}

func (t *lastExpr) Config() topdown.TraceConfig { return topdown.TraceConfig{} }
