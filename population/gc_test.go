package population_test

import (
	"testing"

	"github.com/polc-dev/polc/internal/testgc"
)

// TestMain collects garbage a quarter as often (testgc).
func TestMain(m *testing.M) { testgc.Main(m) }
