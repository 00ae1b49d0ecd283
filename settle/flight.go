package settle

import (
	"context"
	"errors"
)

// errPanicked is a flight whose evaluation panicked: its waiters evaluate
// for themselves.
var errPanicked = errors.New("the evaluation did not return")

// flight is an evaluation under way: those who ask for the same key
// meanwhile wait for it rather than evaluate it again (two workers of a
// population run often meet a new context at once, and a plan is a Rego
// evaluation, thousands of times a claim's arithmetic).
type flight[V any] struct {
	done chan struct{}
	v    V
	err  error
}

// cachedOnce gives cache[key], evaluating it once however many goroutines
// ask at once: the first evaluates, the others wait for its value. A
// failed evaluation is not shared (nor cached): each waiter then
// evaluates for itself, so an error is always the caller's own (its
// context cancelled, say), as without the wait. e.mu guards cache and
// flights.
func cachedOnce[K comparable, V any](ctx context.Context, e *Engine, cache map[K]V, flights map[K]*flight[V], key K, eval func() (V, error)) (V, error) {
	e.mu.Lock()
	if v, ok := cache[key]; ok {
		e.mu.Unlock()
		return v, nil
	}
	if f := flights[key]; f != nil {
		e.mu.Unlock()
		select {
		case <-f.done:
			if f.err == nil {
				return f.v, nil
			}
		case <-ctx.Done():
		}
		return cacheAfter(e, cache, key, eval)
	}
	f := &flight[V]{done: make(chan struct{})}
	flights[key] = f
	e.mu.Unlock()
	defer func() {
		e.mu.Lock()
		delete(flights, key)
		if f.err == nil {
			e.cached()
			cache[retained(key)] = f.v
		}
		e.mu.Unlock()
		close(f.done)
	}()
	f.err = errPanicked // until eval returns
	f.v, f.err = eval()
	return f.v, f.err
}

// cacheAfter evaluates alone and caches what succeeds.
func cacheAfter[K comparable, V any](e *Engine, cache map[K]V, key K, eval func() (V, error)) (V, error) {
	v, err := eval()
	if err == nil {
		e.mu.Lock()
		e.cached()
		cache[retained(key)] = v
		e.mu.Unlock()
	}
	return v, err
}

// retained is the key a cache keeps: a key whose strings may be the
// caller's (a population reader's text, reused or pinning much more than
// itself) is kept with copies of them.
func retained[K comparable](key K) K {
	if r, ok := any(key).(interface{ retained() K }); ok {
		return r.retained()
	}
	return key
}
