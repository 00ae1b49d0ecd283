// Package testgc sets the collector for a package's tests: the heavy
// packages' tests settle and compile far more than they keep, as a polc
// process does, and collecting garbage a quarter as often takes a sixth to
// a third less CPU for some tens of megabytes more (go test ./... is to
// take 60 s on 2 cores).
package testgc

import (
	"os"
	"runtime/debug"
	"testing"
)

// Main runs the package's tests with GOGC=400, unless go test was given a
// GOGC: a package's TestMain is `func TestMain(m *testing.M) { testgc.Main(m) }`.
func Main(m *testing.M) {
	Set()
	os.Exit(m.Run())
}

// Set sets GOGC=400 unless the environment gives one, for a TestMain that
// does more.
func Set() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}
