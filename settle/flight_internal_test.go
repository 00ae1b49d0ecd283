package settle

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

// Goroutines asking for one key at once get one evaluation's value.
func TestCachedOnceEvaluatesOnce(t *testing.T) {
	e := &Engine{}
	cache, flights := map[string]int{}, map[string]*flight[int]{}
	var calls atomic.Int32
	release := make(chan struct{})
	eval := func() (int, error) {
		calls.Add(1)
		<-release
		return 7, nil
	}
	const n = 8
	var wg sync.WaitGroup
	got := make([]int, n)
	started := make(chan struct{}, n)
	for i := range n {
		wg.Go(func() {
			started <- struct{}{}
			got[i], _ = cachedOnce(context.Background(), e, cache, flights, "k", eval)
		})
	}
	for range n {
		<-started
	}
	// Let the askers reach the flight before it lands (a late one finds
	// the cache, which is as good).
	for {
		e.mu.Lock()
		in := len(flights)
		e.mu.Unlock()
		if in == 1 {
			break
		}
	}
	close(release)
	wg.Wait()
	if c := calls.Load(); c != 1 {
		t.Errorf("%d evaluations, want 1", c)
	}
	for i, v := range got {
		if v != 7 {
			t.Errorf("asker %d got %d", i, v)
		}
	}
	if cache["k"] != 7 || len(flights) != 0 {
		t.Errorf("cache %v, flights %v", cache, flights)
	}
}

// A failed evaluation is neither cached nor shared: a waiter evaluates
// for itself.
func TestCachedOnceSharesNoError(t *testing.T) {
	e := &Engine{}
	cache, flights := map[string]int{}, map[string]*flight[int]{}
	release := make(chan struct{})
	var calls atomic.Int32
	eval := func() (int, error) {
		if calls.Add(1) == 1 {
			<-release
			return 0, errors.New("first fails")
		}
		return 3, nil
	}
	var first error
	done := make(chan struct{})
	go func() {
		_, first = cachedOnce(context.Background(), e, cache, flights, "k", eval)
		close(done)
	}()
	for {
		e.mu.Lock()
		in := len(flights)
		e.mu.Unlock()
		if in == 1 {
			break
		}
	}
	waiter := make(chan int)
	go func() {
		v, _ := cachedOnce(context.Background(), e, cache, flights, "k", eval)
		waiter <- v
	}()
	close(release)
	<-done
	if first == nil {
		t.Error("the failing evaluation gave no error")
	}
	if v := <-waiter; v != 3 {
		t.Errorf("the waiter got %d, want its own evaluation's 3", v)
	}
	if cache["k"] != 3 {
		t.Errorf("cache %v", cache)
	}
}
