package policiestest

import (
	"context"
	"testing"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/memo"
	"github.com/polc-dev/polc/policies"
	"github.com/polc-dev/polc/policy"
)

// Compiled is the shipped policies compiled with opts, once a test process
// for each opts: compiler/memo remembers the sets (a compiled set is never
// changed, so every test of a package can read the same one, and tests
// asking at once wait for one compile). A test that cannot have it fails.
func Compiled(tb testing.TB, opts compiler.Options) *policy.Set {
	tb.Helper()
	set, ds := compiled.Compile(context.Background(), policies.FS, "policies", opts)
	if set == nil {
		tb.Fatalf("the shipped policies do not compile:\n%s", ds)
	}
	return set
}

// compiled holds the few option sets a package's tests compile.
var compiled = memo.New(4)
