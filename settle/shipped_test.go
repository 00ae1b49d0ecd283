package settle_test

import (
	"testing"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/policies/policiestest"
	"github.com/polc-dev/polc/policy"
)

// shippedSet is the embedded policy set, compiled once for every test of
// the package: compiling it is most of a test's time. Settling needs the
// compiled set, not the check's evaluation of every context (polc check's
// job, tested in compiler), which would take four times as long.
func shippedSet(tb testing.TB) *policy.Set {
	tb.Helper()
	return policiestest.Compiled(tb, compiler.Options{SkipExhaustive: true})
}
