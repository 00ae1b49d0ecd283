// Package ranks gives exact order statistics — the value at a rank — of a
// stream of int64 values, in memory that does not grow with the stream.
//
// Exact selection in one pass needs every value (no sketch is exact), so
// the values are kept, compactly: 8 bytes each, in memory up to a fixed
// number of them, then spilled, as they came, to a temporary file. The
// ranks asked for are then found by counting, not sorting: each pass
// reads the values once and counts them in buckets of the range where a
// rank's value lies — 65,536 for the whole range, then 4,096 — which
// narrows that range, until it is one value (two passes for ranges under
// 2^28, five at most). Values all in memory are selected in place. Memory is the buffer (Memory
// values), a read buffer and the buckets; the file holds 8 bytes a value
// past the buffer, and is removed by Close. A stream that fits the buffer
// never touches the disk.
package ranks

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"os"
	"slices"
)

// DefaultMemory is how many values are held before a run is spilled:
// 8 MiB of them.
const DefaultMemory = 1 << 20

// readBuffer is the buffer of the file, written and read back.
const readBuffer = 64 << 10

// Ranks collects values. The zero value is not ready: use New.
type Ranks struct {
	memory  int
	dir     string
	buf     []int64
	n       int64
	file    *os.File
	out     *bufio.Writer
	spilled int64 // values in the file
	// lo and hi are the least and the greatest value spilled (or, once
	// At has begun, of all); extended, once there is one.
	lo, hi   int64
	extended bool
	// A buffer is written on a goroutine of its own while values go on
	// coming into the other one (spare): the caller — a run's collector,
	// which the workers wait on — never waits for a write unless the one
	// before is not done. spilling is that write's result; nil when none
	// is in flight.
	spare    []int64
	spilling chan error
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
func (r *Ranks) Spilled() int64 { return r.spilled }

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
	r.extent(run)
	r.spilled += int64(len(run))
	r.buf, r.spare = r.spare[:0], nil
	r.spilling = make(chan error, 1)
	go func() {
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

// extent takes values into lo and hi.
func (r *Ranks) extent(values []int64) {
	if len(values) == 0 {
		return
	}
	if !r.extended {
		r.lo, r.hi, r.extended = values[0], values[0], true
	}
	lo, hi := r.lo, r.hi
	for _, v := range values {
		lo, hi = min(lo, v), max(hi, v)
	}
	r.lo, r.hi = lo, hi
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
	if err := r.out.Flush(); err != nil {
		return nil, err
	}
	r.extent(r.buf)
	// Each rank's value lies in a range of offsets from lo, [from,
	// from+span], where it is the rank-th: the whole range at first.
	targets := make([]target, len(ranks))
	for i, k := range ranks {
		targets[i] = target{span: uint64(r.hi) - uint64(r.lo), rank: k}
	}
	// The first pass counts the whole range in 65,536 buckets; later
	// passes count the ranges left, each within one of those buckets, in
	// 4,096 (their counts stay in the core's nearest cache), finding a
	// value's range through its first bucket: no value looks at more than
	// the ranges in its own.
	whole := targets[0].span
	firstShift := uint(max(0, bits.Len64(whole)-firstBits))
	var within []ranges // by first bucket: the ranges counted in it
	for pass := 0; ; pass++ {
		// The ranges still wider than a value, each counted once however
		// many ranks lie in it (the ranks are increasing: theirs are
		// next to each other, and the ranges in increasing order).
		var ws []window
		for i := range targets {
			t := &targets[i]
			if t.span == 0 {
				continue
			}
			if n := len(ws); n > 0 && ws[n-1].from == t.from && ws[n-1].span == t.span {
				continue
			}
			shift := uint(max(0, bits.Len64(t.span)-bucketBits))
			if pass == 0 {
				shift = firstShift
			}
			ws = append(ws, window{from: t.from, span: t.span, shift: shift, counts: make([]int64, t.span>>shift+1)})
		}
		if len(ws) == 0 {
			break
		}
		lo := uint64(r.lo)
		var err error
		if pass == 0 {
			w := &ws[0]
			err = r.each(func(values []int64) {
				for _, v := range values {
					w.counts[(uint64(v)-lo)>>firstShift]++
				}
			})
		} else {
			if within == nil {
				within = make([]ranges, whole>>firstShift+1)
			}
			clear(within)
			for k := range ws {
				b := ws[k].from >> firstShift
				if within[b].n == 0 {
					within[b].first = int32(k)
				}
				within[b].n++
			}
			err = r.each(func(values []int64) {
				for _, v := range values {
					off := uint64(v) - lo
					in := within[off>>firstShift]
					for k := in.first; k < in.first+in.n; k++ {
						w := &ws[k]
						if d := off - w.from; d <= w.span {
							w.counts[d>>w.shift]++
						}
					}
				}
			})
		}
		if err != nil {
			return nil, err
		}
		// Each rank's range becomes the bucket its value is in.
		k := 0
		for i := range targets {
			t := &targets[i]
			if t.span == 0 {
				continue
			}
			for ws[k].from != t.from || ws[k].span != t.span {
				k++
			}
			w := &ws[k]
			var below int64
			b := 0
			for below+w.counts[b] < t.rank {
				below += w.counts[b]
				b++
			}
			start := uint64(b) << w.shift
			t.from, t.span, t.rank = w.from+start, min(w.span-start, 1<<w.shift-1), t.rank-below
		}
	}
	for i, t := range targets {
		out[i] = int64(uint64(r.lo) + t.from)
	}
	return out, nil
}

// firstBits and bucketBits are the buckets a pass counts a range in:
// 65,536 for the whole range (512 KiB of counts, one range), 4,096 for
// each range left after (32 KiB each, up to one a rank).
const (
	firstBits  = 16
	bucketBits = 12
)

// ranges are the ranges a later pass counts within one first bucket:
// ws[first:first+n].
type ranges struct{ first, n int32 }

// target is a rank being found: its value is the rank-th of those at
// offsets from..from+span from the least value.
type target struct {
	from, span uint64
	rank       int64
}

// window is a range being counted in a pass: the values at offsets
// from..from+span, in buckets of 1<<shift offsets.
type window struct {
	from, span uint64
	shift      uint
	counts     []int64
}

// each gives every value, the file's a chunk at a time, then those in
// memory.
func (r *Ranks) each(f func([]int64)) error {
	in := io.NewSectionReader(r.file, 0, r.spilled*8)
	raw, values := make([]byte, readBuffer), make([]int64, readBuffer/8)
	for left := r.spilled; left > 0; {
		n := min(left, readBuffer/8)
		if _, err := io.ReadFull(in, raw[:n*8]); err != nil {
			return fmt.Errorf("reading back the values spilled to disk: %w", err)
		}
		for k := range n {
			values[k] = int64(binary.LittleEndian.Uint64(raw[8*k:]))
		}
		f(values[:n])
		left -= n
	}
	f(r.buf)
	return nil
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
