package main

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io/fs"
	"sync"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/memo"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/policydiff"
)

// diffMemo remembers polc diff's comparisons (policydiff.Run) for the
// in-process polc of the scripts: a script that shows one comparison in
// each format (md, github, json) settles its grid — some tens of thousands
// of cases under both versions — once, and renders the one report three
// times. A comparison is what it was run on: the two compiled sets (the
// same pointers when scriptCompiles gave both runs the same compile, so
// with POLC_SCRIPT_MEMO=off nothing is shared), the contents of the two
// policies folders and the golden cases, the names shown and the regions.
// A report is never changed once Run returns it; the renderers only read
// it.
type diffMemo struct {
	mu      sync.Mutex
	entries []*diffEntry // the most recent last
	max     int
	hits    int
	misses  int
}

type diffEntry struct {
	key  diffKey
	once sync.Once
	rep  *policydiff.Report
	err  error
	ok   bool // false when the run was cut short by its context
}

type diffKey struct {
	before, after *policy.Set
	content       [sha256.Size]byte
}

// scriptDiffs is the memo the scripts' in-process polc diff shares. Each
// entry keeps its two sets alive: a few suffice, as the scripts that
// compare the same versions run one after another.
var scriptDiffs = &diffMemo{max: 4}

func (m *diffMemo) Run(ctx context.Context, opts policydiff.Options) (*policydiff.Report, error) {
	k, ok := diffKeyOf(opts)
	if !ok {
		return policydiff.Run(ctx, opts)
	}
	m.mu.Lock()
	var e *diffEntry
	for i, old := range m.entries {
		if old.key == k {
			e = old
			m.entries = append(append(m.entries[:i:i], m.entries[i+1:]...), e)
			m.hits++
			break
		}
	}
	if e == nil {
		e = &diffEntry{key: k}
		m.entries = append(m.entries, e)
		if len(m.entries) > m.max {
			m.entries = m.entries[1:]
		}
		m.misses++
	}
	m.mu.Unlock()
	ran := false
	e.once.Do(func() {
		ran = true
		e.rep, e.err = policydiff.Run(ctx, opts)
		e.ok = ctx.Err() == nil
	})
	if !ran && !e.ok {
		return policydiff.Run(ctx, opts)
	}
	return e.rep, e.err
}

// Stats says how many comparisons were found run and how many were run.
func (m *diffMemo) Stats() (hits, misses int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.hits, m.misses
}

// diffKeyOf identifies a comparison; false when a folder cannot be hashed
// (then it is simply run).
func diffKeyOf(opts policydiff.Options) (diffKey, bool) {
	h := sha256.New()
	for _, fsys := range []fs.FS{opts.BeforeFS, opts.AfterFS, opts.Golden} {
		if fsys == nil {
			h.Write([]byte{0})
			continue
		}
		k, ok := memo.KeyOf(fsys, "", compiler.Options{})
		if !ok {
			return diffKey{}, false
		}
		h.Write([]byte{1})
		h.Write(k[:])
	}
	for _, s := range append([]string{opts.BeforeName, opts.AfterName, opts.PoliciesDisplay, opts.GoldenDisplay, fmt.Sprint(len(opts.Regions))}, opts.Regions...) {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(opts.Workers))
	h.Write(n[:])
	k := diffKey{before: opts.Before, after: opts.After}
	h.Sum(k.content[:0])
	return k, true
}
