// Package memo remembers compiled policy sets by what they were compiled
// from, for a process that compiles the same set many times: the CLI's
// tests run polc some two hundred times in one process, forty of them a
// full check of the same shipped set.
//
// A compiled set is never changed once Compile returns it (its regions'
// own caches are safe for concurrent use), so one set can serve every
// caller that would have compiled the same files with the same options.
// The key is a hash of exactly that: the files' paths, types and contents,
// the name diagnostics give the folder, and the options. A caller then gets
// what compiler.Compile would have given it — the same diagnostics, byte
// for byte, in the same order — without the second compile.
package memo

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"io"
	"io/fs"
	"slices"
	"sort"
	"sync"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/untrusted"
	"github.com/polc-dev/polc/policy"
)

// Cache is a memo of compiled sets, safe for concurrent use. Callers that
// ask for the same key while it is being compiled wait for that compile
// rather than start another.
type Cache struct {
	max int

	mu      sync.Mutex
	entries map[Key]*entry
	tick    uint64
	hits    int
	misses  int
}

type entry struct {
	done chan struct{} // closed when set and ds are final
	set  *policy.Set
	ds   diag.List
	// ok is false when the compile could not be kept (its context ended,
	// or it panicked): whoever waited compiles for themselves.
	ok bool
	// finished is set, under the cache's lock, once the compile is over:
	// only a finished entry is evicted.
	finished bool
	used     uint64 // the tick of the last use, for eviction
}

// New makes a cache that keeps at most max compiled sets, the most
// recently used: a full set holds some tens of megabytes. (It also keeps
// up to four times as many compiles that failed: their diagnostics.)
func New(max int) *Cache {
	return &Cache{max: max, entries: map[Key]*entry{}}
}

// Compile is compiler.Compile, remembered. What it returns is shared with
// other callers: the set must not be changed (nothing changes a compiled
// set), and the diagnostics are the caller's own copy.
func (c *Cache) Compile(ctx context.Context, fsys fs.FS, display string, opts compiler.Options) (*policy.Set, diag.List) {
	k, ok := KeyOf(fsys, display, opts)
	if !ok {
		return compiler.Compile(ctx, fsys, display, opts)
	}
	c.mu.Lock()
	c.tick++
	e := c.entries[k]
	if e != nil {
		e.used = c.tick
		c.hits++
		c.mu.Unlock()
		<-e.done
		if !e.ok {
			return compiler.Compile(ctx, fsys, display, opts)
		}
		return e.set, slices.Clone(e.ds)
	}
	e = &entry{done: make(chan struct{}), used: c.tick}
	c.entries[k] = e
	c.misses++
	c.mu.Unlock()

	defer func() {
		c.mu.Lock()
		e.finished = true
		if !e.ok {
			delete(c.entries, k)
		}
		c.evict()
		c.mu.Unlock()
		close(e.done)
	}()
	e.set, e.ds = compiler.Compile(ctx, fsys, display, opts)
	// A compile cut short by its caller's context says so in its
	// diagnostics; another caller's context may not end.
	e.ok = ctx.Err() == nil
	return e.set, slices.Clone(e.ds)
}

// evict drops the least recently used finished sets past max, and the
// least recently used failed compiles past failedPerSet*max; c.mu is held.
// A compile that failed keeps only its diagnostics, some kilobytes, where
// a set holds tens of megabytes: the scripts break a copy of the shipped
// set some fifty ways, each compiled once, and were they counted with the
// sets they would push out the shipped set the next script compiles again.
func (c *Cache) evict() {
	for {
		sets, failed := 0, 0
		var oldestSet, oldestFailed *entry
		var setKey, failedKey Key
		for k, e := range c.entries {
			if !e.finished || e.set != nil {
				sets++
			} else {
				failed++
			}
			switch {
			case !e.finished:
			case e.set != nil:
				if oldestSet == nil || e.used < oldestSet.used {
					oldestSet, setKey = e, k
				}
			default:
				if oldestFailed == nil || e.used < oldestFailed.used {
					oldestFailed, failedKey = e, k
				}
			}
		}
		switch {
		case sets > c.max && oldestSet != nil:
			delete(c.entries, setKey)
		case failed > failedPerSet*c.max && oldestFailed != nil:
			delete(c.entries, failedKey)
		default:
			return
		}
	}
}

// failedPerSet is how many failed compiles a cache keeps for each set it
// may keep.
const failedPerSet = 4

// Stats says how many calls found their set compiled (or being compiled)
// and how many compiled it.
func (c *Cache) Stats() (hits, misses int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits, c.misses
}

// Key identifies a compile: equal keys compile equal sets with equal
// diagnostics.
type Key [sha256.Size]byte

// KeyOf hashes what a compile reads: every entry of fsys (its path and
// type, and a regular file's content), display and opts. It is false when
// the folder cannot be read whole or holds a file larger than a policy file
// may be — then the compiler should be the one to say why.
func KeyOf(fsys fs.FS, display string, opts compiler.Options) (Key, bool) {
	h := sha256.New()
	str(h, "polc compile v1")
	str(h, display)
	// The options, each in a fixed order; Regions nil (every region) is not
	// Regions empty (none).
	flag := byte(0)
	if opts.SkipExhaustive {
		flag |= 1
	}
	if opts.Regions != nil {
		flag |= 2
	}
	if opts.Format {
		flag |= 4
	}
	h.Write([]byte{flag})
	// Regions is a set to the compiler (a region module is compiled when
	// its id is among them): polc diff gives the regions asked for after
	// those their golden cases name, repeats and all.
	regionSet := slices.Clone(opts.Regions)
	slices.Sort(regionSet)
	regionSet = slices.Compact(regionSet)
	num(h, len(regionSet))
	for _, r := range regionSet {
		str(h, r)
	}
	regions := make([]string, 0, len(opts.CategorySets))
	for r := range opts.CategorySets {
		regions = append(regions, r)
	}
	sort.Strings(regions)
	num(h, len(regions))
	for _, r := range regions {
		str(h, r)
		combos := opts.CategorySets[r]
		num(h, len(combos))
		for _, combo := range combos {
			num(h, len(combo))
			for _, cat := range combo {
				str(h, cat)
			}
		}
	}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		str(h, name)
		num(h, int(d.Type()))
		if !d.Type().IsRegular() {
			// A link, device or pipe is refused by the compiler by name,
			// never read: so it is not read here either.
			return nil
		}
		f, err := fsys.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		data, err := untrusted.Read(f, compiler.MaxPolicyFileBytes)
		if err != nil {
			return err
		}
		num(h, len(data))
		h.Write(data)
		return nil
	})
	if err != nil {
		return Key{}, false
	}
	var k Key
	h.Sum(k[:0])
	return k, true
}

func num(h hash.Hash, n int) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(n))
	h.Write(b[:])
}

// str writes s with its length, so that no two sequences of strings hash
// alike.
func str(h hash.Hash, s string) {
	num(h, len(s))
	io.WriteString(h, s)
}
