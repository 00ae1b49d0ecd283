// Package ranks gives exact order statistics — the value at a rank — of a
// stream of int64 values, in memory that does not grow with the stream.
//
// Exact selection in one pass needs every value (no sketch is exact), so
// the values are kept, compactly: 8 bytes each, in memory up to a fixed
// number of them, then sorted and spilled to a temporary file as a run.
// The ranks asked for are read off a merge of the sorted runs in one
// sequential pass. Memory is the buffer (Memory values) plus a small read
// buffer per run; the file holds 8 bytes a value past the buffer, and is
// removed by Close. A stream that fits the buffer never touches the disk.
package ranks

import (
	"bufio"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
)

// DefaultMemory is how many values are held before a run is spilled:
// 8 MiB of them.
const DefaultMemory = 1 << 20

// readBuffer is the read buffer of each run during the merge.
const readBuffer = 64 << 10

// Ranks collects values. The zero value is not ready: use New.
type Ranks struct {
	memory int
	dir    string
	buf    []int64
	n      int64
	file   *os.File
	out    *bufio.Writer
	runs   []int64 // the length of each spilled run, in values
	// A run is sorted and written on a goroutine of its own while values
	// go on coming into the other buffer (spare): the caller — a run's
	// collector, which the workers wait on — never waits for a sort
	// unless the run before is not written yet. spilling is that run's
	// result; nil when none is in flight.
	spare    []int64
	spilling chan error
	scratch  []int64 // the radix sort's second buffer, kept between runs
}

// New collects values, holding up to memory of them in memory (at least
// 1; DefaultMemory if memory is 0) and spilling sorted runs to a
// temporary file in dir (os.TempDir() if "").
func New(memory int, dir string) *Ranks {
	if memory <= 0 {
		memory = DefaultMemory
	}
	return &Ranks{memory: memory, dir: dir}
}

// N is how many values have been added.
func (r *Ranks) N() int64 { return r.n }

// Spilled is how many values went to the temporary file.
func (r *Ranks) Spilled() int64 {
	var n int64
	for _, l := range r.runs {
		n += l
	}
	return n
}

// Add adds a value.
func (r *Ranks) Add(v int64) error {
	if len(r.buf) == r.memory {
		if err := r.spill(); err != nil {
			return err
		}
	}
	if r.buf == nil {
		r.buf = make([]int64, 0, min(r.memory, 4096))
	}
	r.buf = append(r.buf, v)
	r.n++
	return nil
}

func (r *Ranks) spill() error {
	if err := r.wait(); err != nil {
		return err
	}
	if r.file == nil {
		f, err := os.CreateTemp(r.dir, "polc-ranks-*")
		if err != nil {
			return fmt.Errorf("a file for the values that do not fit in memory: %w", err)
		}
		r.file, r.out = f, bufio.NewWriterSize(f, readBuffer)
	}
	run := r.buf
	r.runs = append(r.runs, int64(len(run)))
	r.buf, r.spare = r.spare[:0], nil
	r.spilling = make(chan error, 1)
	go func() {
		r.scratch = radixSort(run, r.scratch)
		var b [8]byte
		var err error
		for _, v := range run {
			binary.LittleEndian.PutUint64(b[:], uint64(v))
			if _, err = r.out.Write(b[:]); err != nil {
				break
			}
		}
		r.spare = run
		r.spilling <- err
	}()
	return nil
}

// wait waits for the run being spilled, if any, and gives its error.
func (r *Ranks) wait() error {
	if r.spilling == nil {
		return nil
	}
	err := <-r.spilling
	r.spilling = nil
	return err
}

// ErrRank is a rank outside 1..N or out of order.
var ErrRank = errors.New("ranks must be increasing, each from 1 to N")

// At gives the values at the ranks asked (1-based, in increasing order,
// each from 1 to N): the rank-th smallest value. It may be called once;
// Close after.
func (r *Ranks) At(ranks []int64) ([]int64, error) {
	for i, k := range ranks {
		if k < 1 || k > r.n || (i > 0 && k < ranks[i-1]) {
			return nil, ErrRank
		}
	}
	if err := r.wait(); err != nil {
		return nil, err
	}
	out := make([]int64, len(ranks))
	if r.file == nil {
		// A handful of ranks of values all in memory: selected, not
		// sorted (a sort is most of a million persons' run's last
		// tenth of a second).
		idx := make([]int, len(ranks))
		for i, k := range ranks {
			idx[i] = int(k - 1)
		}
		selectAt(r.buf, idx)
		for i, k := range ranks {
			out[i] = r.buf[k-1]
		}
		return out, nil
	}
	r.scratch = radixSort(r.buf, r.scratch)
	if err := r.out.Flush(); err != nil {
		return nil, err
	}
	var runs []*run
	var offset int64
	for _, l := range r.runs {
		runs = append(runs, &run{left: l, in: io.NewSectionReader(r.file, offset*8, l*8)})
		offset += l
	}
	runs = append(runs, &run{memory: r.buf})
	for _, rn := range runs {
		if err := rn.next(); err != nil {
			return nil, err
		}
	}
	runs = slices.DeleteFunc(runs, func(rn *run) bool { return rn.done })
	// The least head among a few runs is found by looking at each (a
	// million values a run: a run of 10M claims has four); among many, by
	// a heap.
	h := &merge{runs: runs}
	few := len(runs) <= 16
	if !few {
		heap.Init(h)
	}
	var rank int64
	i := 0
	for len(h.runs) > 0 && i < len(ranks) {
		m := 0
		if few {
			for j := 1; j < len(h.runs); j++ {
				if h.runs[j].head < h.runs[m].head {
					m = j
				}
			}
		}
		rn := h.runs[m]
		rank++
		for i < len(ranks) && ranks[i] == rank {
			out[i] = rn.head
			i++
		}
		if err := rn.next(); err != nil {
			return nil, err
		}
		switch {
		case few && rn.done:
			h.runs = slices.Delete(h.runs, m, m+1)
		case rn.done:
			heap.Pop(h)
		case !few:
			heap.Fix(h, 0)
		}
	}
	return out, nil
}

// Close removes the temporary file, if there is one.
func (r *Ranks) Close() error {
	r.wait()
	if r.file == nil {
		return nil
	}
	name := r.file.Name()
	err := r.file.Close()
	if rerr := os.Remove(name); err == nil {
		err = rerr
	}
	r.file = nil
	return err
}

// run is one sorted run being merged: from the file, or the last one, in
// memory.
type run struct {
	in     io.Reader // a spilled run's bytes; nil for the values in memory
	memory []int64
	left   int64   // values of in not read yet
	chunk  []int64 // values read, not yet taken (a part of values)
	values []int64
	raw    []byte
	head   int64
	done   bool
}

// next takes the run's next value into head, reading a spilled run
// readBuffer bytes at a time; done at its end.
func (rn *run) next() error {
	if rn.in == nil {
		if len(rn.memory) == 0 {
			rn.done = true
			return nil
		}
		rn.head, rn.memory = rn.memory[0], rn.memory[1:]
		return nil
	}
	if len(rn.chunk) == 0 {
		if rn.left == 0 {
			rn.done = true
			return nil
		}
		n := min(rn.left, readBuffer/8)
		if rn.raw == nil {
			rn.raw, rn.values = make([]byte, readBuffer), make([]int64, readBuffer/8)
		}
		raw := rn.raw[:n*8]
		if _, err := io.ReadFull(rn.in, raw); err != nil {
			return fmt.Errorf("reading back the values spilled to disk: %w", err)
		}
		rn.chunk = rn.values[:n]
		for k := range rn.chunk {
			rn.chunk[k] = int64(binary.LittleEndian.Uint64(raw[8*k:]))
		}
		rn.left -= n
	}
	rn.head, rn.chunk = rn.chunk[0], rn.chunk[1:]
	return nil
}

type merge struct{ runs []*run }

func (m *merge) Len() int           { return len(m.runs) }
func (m *merge) Less(i, j int) bool { return m.runs[i].head < m.runs[j].head }
func (m *merge) Swap(i, j int)      { m.runs[i], m.runs[j] = m.runs[j], m.runs[i] }
func (m *merge) Push(x any)         { m.runs = append(m.runs, x.(*run)) }
func (m *merge) Pop() any {
	x := m.runs[len(m.runs)-1]
	m.runs = m.runs[:len(m.runs)-1]
	return x
}

// selectAt reorders v so that v[k] is the value a sort would put there, for
// each k of at (increasing): quickselect, recursing only into the parts
// that hold an index asked for. The pivot is the median of three, and
// each part is partitioned three ways (below, equal to, above the pivot),
// so runs of equal values — many persons pay nothing — end the recursion
// rather than deepen it.
func selectAt(v []int64, at []int) {
	for len(at) > 0 && len(v) > 1 {
		if len(v) <= 16 {
			slices.Sort(v)
			return
		}
		a, b, c := v[0], v[len(v)/2], v[len(v)-1]
		pivot := max(min(a, b), min(max(a, b), c))
		// v[:lt] < pivot, v[lt:i] == pivot, v[gt:] > pivot.
		lt, i, gt := 0, 0, len(v)
		for i < gt {
			switch x := v[i]; {
			case x < pivot:
				v[lt], v[i] = v[i], v[lt]
				lt++
				i++
			case x > pivot:
				gt--
				v[gt], v[i] = v[i], v[gt]
			default:
				i++
			}
		}
		// The indexes below lt, within the equal run (done) and from gt.
		j := 0
		for j < len(at) && at[j] < lt {
			j++
		}
		k := j
		for k < len(at) && at[k] < gt {
			k++
		}
		above := at[k:]
		for n := range above {
			above[n] -= gt
		}
		selectAt(v[gt:], above)
		for n := range above {
			above[n] += gt
		}
		v, at = v[:lt], at[:j]
	}
}

// radixSort sorts v in place, in eight passes of a byte each (least
// significant first, the sign bit flipped so that negatives come first),
// through tmp (grown to len(v) if short, and returned for the next run).
// A run is a million values: a comparison sort's twenty compares and
// moves a value become eight moves, and a byte that is the same in every
// value is skipped.
func radixSort(v, tmp []int64) []int64 {
	if cap(tmp) < len(v) {
		tmp = make([]int64, len(v))
	}
	tmp = tmp[:len(v)]
	src, dst := v, tmp
	for shift := uint(0); shift < 64; shift += 8 {
		var count [256]int
		for _, x := range src {
			count[byte((uint64(x)^1<<63)>>shift)]++
		}
		if count[byte((uint64(src[0])^1<<63)>>shift)] == len(src) {
			continue // every value has this byte
		}
		at := 0
		for b := range count {
			at, count[b] = at+count[b], at
		}
		for _, x := range src {
			d := byte((uint64(x) ^ 1<<63) >> shift)
			dst[count[d]] = x
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &v[0] {
		copy(v, src)
	}
	return tmp
}
