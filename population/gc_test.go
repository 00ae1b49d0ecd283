package population_test

import (
	"os"
	"runtime/debug"
	"testing"
)

// TestMain runs the tests collecting garbage a quarter as often (GOGC=400,
// as polc diff, polc serve and the CLI's test process do), unless go test
// was given a GOGC: the tests settle and compile far more than they keep,
// and it takes a sixth to a third less CPU for some tens of megabytes more
// (go test ./... is to take 60 s on 2 cores).
func TestMain(m *testing.M) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	os.Exit(m.Run())
}
