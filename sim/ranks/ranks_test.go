package ranks

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// The values at the ranks are those of the sorted stream, whether the
// stream fits in memory or spills runs to disk (memory 1 spills every
// value as a run of its own), with repeats, negatives and the extremes.
func TestAtAgreesWithSorting(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 9, 10, 11, 1000, 10007} {
		for _, memory := range []int{1, 3, 64, 100000} {
			dir := t.TempDir()
			r := New(memory, dir)
			var all []int64
			for i := range n {
				v := rng.Int64N(50) - 10 // many repeats
				switch i % 97 {
				case 1:
					v = -1 << 63
				case 2:
					v = 1<<63 - 1
				}
				all = append(all, v)
				if err := r.Add(v); err != nil {
					t.Fatal(err)
				}
			}
			slices.Sort(all)
			var ranks []int64
			for k := int64(1); k <= int64(n); k += int64(1 + rng.IntN(5)) {
				ranks = append(ranks, k, k) // a rank asked twice is answered twice
			}
			ranks = append(ranks, int64(n))
			got, err := r.At(ranks)
			if err != nil {
				t.Fatal(err)
			}
			for i, k := range ranks {
				if got[i] != all[k-1] {
					t.Fatalf("n=%d memory=%d: rank %d = %d, want %d", n, memory, k, got[i], all[k-1])
				}
			}
			if spilled := r.Spilled(); (memory < n) != (spilled > 0) {
				t.Errorf("n=%d memory=%d: %d values spilled", n, memory, spilled)
			}
			if err := r.Close(); err != nil {
				t.Fatal(err)
			}
			if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) > 0 {
				t.Errorf("Close left %v", left)
			}
		}
	}
}

func TestRanksRefused(t *testing.T) {
	r := New(0, "")
	defer r.Close()
	for _, v := range []int64{3, 1, 2} {
		r.Add(v)
	}
	for _, ranks := range [][]int64{{0}, {4}, {2, 1}} {
		if _, err := r.At(ranks); err != ErrRank {
			t.Errorf("At(%v) = %v, want ErrRank", ranks, err)
		}
	}
}

// The temporary file is made only when the memory is full.
func TestNoFileWhileInMemory(t *testing.T) {
	dir := t.TempDir()
	r := New(10, dir)
	for i := range 10 {
		r.Add(int64(i))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("a file for 10 values in a memory of 10: %v", entries)
	}
	r.Add(10)
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("no file once the memory was full: %v", entries)
	}
	r.Close()
}

// selectAt puts the value a sort would at each index asked, on values
// spread wide, all equal, sorted, reversed and repeating, for the deciles'
// ranks and for every index.
func TestSelectAtAgreesWithSorting(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{1, 17, 100, 1001, 33334} {
		for shape := range 5 {
			v := make([]int64, n)
			for i := range v {
				switch shape {
				case 0:
					v[i] = rng.Int64()
				case 1:
					v[i] = 7
				case 2:
					v[i] = int64(i)
				case 3:
					v[i] = int64(n - i)
				default:
					v[i] = rng.Int64N(3)
				}
			}
			want := slices.Sorted(slices.Values(v))
			for _, at := range [][]int{deciles(n), every(n)} {
				got := slices.Clone(v)
				selectAt(got, slices.Clone(at))
				for _, k := range at {
					if got[k] != want[k] {
						t.Fatalf("n=%d shape %d: index %d = %d, want %d", n, shape, k, got[k], want[k])
					}
				}
			}
		}
	}
}

func deciles(n int) []int {
	var at []int
	for k := 0; k <= 10; k++ {
		at = append(at, (n-1)*k/10)
	}
	return at
}

func every(n int) []int {
	at := make([]int, n)
	for i := range at {
		at[i] = i
	}
	return at
}

// Runs longer than one read of the disk: the values are read back a
// chunk at a time, run after run, across the chunks' edges.
func TestAtAcrossChunks(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	const n, memory = 50_000, 20_000 // runs of 20,000 values, 160 KB each: three chunks a run
	r := New(memory, t.TempDir())
	defer r.Close()
	all := make([]int64, n)
	for i := range all {
		all[i] = rng.Int64N(1_000_000) - 1000
		if err := r.Add(all[i]); err != nil {
			t.Fatal(err)
		}
	}
	slices.Sort(all)
	ranks := []int64{1, 8191, 8192, 8193, 16385, 20000, 20001, 40000, 45000, n}
	got, err := r.At(ranks)
	if err != nil {
		t.Fatal(err)
	}
	for i, k := range ranks {
		if got[i] != all[k-1] {
			t.Fatalf("rank %d = %d, want %d", k, got[i], all[k-1])
		}
	}
}

// BenchmarkAt is the deciles of a 10M-claim run: 3,333,334 persons'
// out-of-pocket (fen, spread over 0 to 10⁷ with many repeats), a million
// in memory, the rest spilled; Add and At, as a run's collector calls
// them.
func BenchmarkAt(b *testing.B) {
	rng := rand.New(rand.NewPCG(9, 10))
	values := make([]int64, 3_333_334)
	for i := range values {
		values[i] = int64(rng.ExpFloat64() * 300_000)
	}
	ranks := []int64{1, 333_334, 666_667, 1_000_001, 1_333_334, 1_666_667, 2_000_001, 2_333_334, 2_666_668, 3_000_001, 3_333_334}
	dir := b.TempDir()
	for b.Loop() {
		r := New(0, dir)
		for _, v := range values {
			if err := r.Add(v); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := r.At(ranks); err != nil {
			b.Fatal(err)
		}
		r.Close()
	}
}
