package sim

import "context"

// Observe gives a context whose runs (Run, Against) overwrite each block's
// text once it is summed, if scrub, and a count of those runs the fast
// lane summed. The hooks are the runs' own (runHooks), so tests using
// them run in parallel.
func Observe(ctx context.Context, scrub bool) (context.Context, func() int64) {
	h := &runHooks{scrub: scrub}
	return context.WithValue(ctx, hooksKey{}, h), h.fast.Load
}
