// Package testgc sets the collector for a package's tests: the heavy
// packages' tests settle and compile far more than they keep, as a polc
// process does. Collecting garbage a sixteenth as often as Go's default
// (GOGC=1600) took some 7 s less of go test ./...'s CPU than a quarter as
// often (GOGC=400: itself a sixth to a third less than the default), for
// peaks of some hundreds of megabytes a package and 2 GB in cmd/polc
// (650 MB at 400), where the machine has tens of gigabytes. go test ./...
// is to take 60 s on 2 cores.
package testgc

import (
	"os"
	"runtime/debug"
	"testing"
)

// Percent is the collector's percentage for the tests (GOGC).
const Percent = 1600

// Main runs the package's tests with GOGC=1600, unless go test was given a
// GOGC: a package's TestMain is `func TestMain(m *testing.M) { testgc.Main(m) }`.
func Main(m *testing.M) {
	Set()
	os.Exit(m.Run())
}

// Set sets GOGC=1600 unless the environment gives one, for a TestMain that
// does more.
func Set() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(Percent)
	}
}
