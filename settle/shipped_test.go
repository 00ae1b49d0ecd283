package settle_test

import (
	"context"
	"sync"
	"testing"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/policies"
	"github.com/polc-dev/polc/policy"
)

// shipped is the embedded policy set, compiled once for every test of the
// package: compiling it is most of a test's time. Settling needs the
// compiled set, not the check's evaluation of every context (polc check's
// job, tested in compiler), which would take four times as long.
var shipped = sync.OnceValues(func() (*policy.Set, error) {
	set, ds := compiler.Compile(context.Background(), policies.FS, "policies", compiler.Options{SkipExhaustive: true})
	if set == nil {
		return nil, ds
	}
	return set, nil
})

func shippedSet(tb testing.TB) *policy.Set {
	tb.Helper()
	set, err := shipped()
	if err != nil {
		tb.Fatal(err)
	}
	return set
}
