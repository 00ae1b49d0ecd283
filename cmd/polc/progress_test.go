package main

import (
	"bytes"
	"os"
	"testing"
	"time"
)

// The bar says the share of the claims file read, the rate and the time
// left at that rate; nothing is drawn where stderr is not a terminal.
func TestProgressLine(t *testing.T) {
	for _, tc := range []struct {
		read, size, claims int64
		elapsed            time.Duration
		want               string
	}{
		{50, 100, 1500, time.Second, "[###############...............]  50%  1.5k claims/s  ETA 0:01"},
		{25, 100, 2_500_000, 2 * time.Second, "[#######.......................]  25%  1.25M claims/s  ETA 0:06"},
		{100, 100, 90, 3 * time.Second, "[##############################] 100%  30 claims/s"},
		{7, 0, 0, time.Second, "[..............................]   0%  0 claims/s"},
	} {
		if got := progressLine(tc.read, tc.size, tc.claims, tc.elapsed); got != tc.want {
			t.Errorf("progressLine(%d, %d, %d, %v) = %q, want %q", tc.read, tc.size, tc.claims, tc.elapsed, got, tc.want)
		}
	}
	if isTerminal(&bytes.Buffer{}) {
		t.Error("a buffer is a terminal")
	}
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Error("a file is a terminal")
	}
}
