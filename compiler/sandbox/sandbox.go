// Package sandbox is the wall around every Rego evaluation polc makes. A
// policy arrives in a pull request and runs on CI and on every reviewer's
// machine, so it must not reach the network, the clock, randomness, the
// environment or files, nor run without end or eat the machine's memory.
//
// Three layers, each enough on its own for what it covers:
//   - Capabilities: the OPA compiler is given only the allow-listed
//     builtins, so a module that names any other one does not compile.
//   - EvalOptions: whatever the compiler let through, an evaluation has no
//     HTTP transport, a fixed clock, a fixed random source and no print.
//   - Guard: every evaluation runs under a deadline and a memory budget and
//     is cancelled when it passes either.
package sandbox

import (
	"errors"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/topdown/print"
)

// Allowed are the builtins a region module may call: deterministic,
// side-effect free, bounded by their inputs, and none of them arithmetic.
// Rego's non-integer arithmetic is binary floating point (100000.005*0.6
// gives 60000.003000000000004), so Rego selects terms and Go computes the
// money. numbers.range and walk are left out: one call builds a value as
// large as its arguments say (numbers.range(1, 1e8) is 100 million numbers
// at once, before any deadline can be checked).
var Allowed = map[string]bool{
	"eq": true, "assign": true, "equal": true, "neq": true,
	"lt": true, "lte": true, "gt": true, "gte": true,
	"internal.member_2": true, "internal.member_3": true,
	"count": true, "and": true, "or": true, "union": true, "intersection": true,
	"object.get": true, "object.keys": true, "object.union": true, "object.remove": true, "object.filter": true, "object.subset": true,
	"array.concat": true, "array.slice": true, "sort": true,
	"concat": true, "startswith": true, "endswith": true, "contains": true, "sprintf": true, "format_int": true,
	"lower": true, "upper": true, "split": true, "trim_space": true, "indexof": true, "substring": true,
	"strings.any_prefix_match": true, "strings.any_suffix_match": true,
	"is_number": true, "is_string": true, "is_boolean": true, "is_array": true, "is_set": true, "is_object": true, "is_null": true, "type_name": true,
	"rego.metadata.rule": true, "rego.metadata.chain": true,
}

// Arithmetic are the builtins refused because they compute: the refusal
// says so, rather than calling them unsafe.
var Arithmetic = map[string]bool{
	"plus": true, "minus": true, "mul": true, "div": true, "rem": true, "abs": true, "round": true, "ceil": true, "floor": true,
	"sum": true, "product": true, "max": true, "min": true, "to_number": true, "numbers.range_step": true,
	"bits.or": true, "bits.and": true, "bits.negate": true, "bits.xor": true, "bits.lsh": true, "bits.rsh": true,
}

// Refused reports whether a name is a builtin of OPA's that a region
// module may not call (a function of the module itself is not refused).
func Refused(name string) bool {
	_, builtin := ast.BuiltinMap[name]
	return builtin && !Allowed[name]
}

// Capabilities are OPA's capabilities for this version with the builtins
// cut down to Allowed. Given to the compiler, they make any other builtin
// an undefined function wherever it is called. (A `with` target or value is
// not a call, and OPA does not check it against the capabilities: the
// compiler refuses `with` in region modules for that reason.) Built once
// and shared: callers must not change them.
var Capabilities = sync.OnceValue(func() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	kept := caps.Builtins[:0]
	for _, b := range caps.Builtins {
		if Allowed[b.Name] {
			kept = append(kept, b)
		}
	}
	caps.Builtins = kept
	// No network hosts at all, should a network builtin ever be allowed.
	caps.AllowNet = []string{}
	return caps
})

// ErrNetwork is what any HTTP request an evaluation might make fails with.
var ErrNetwork = errors.New("polc sandbox: a policy may not reach the network")

type noNetwork struct{}

func (noNetwork) RoundTrip(*http.Request) (*http.Response, error) { return nil, ErrNetwork }

// Epoch is the clock every evaluation sees: fixed, so that nothing a policy
// computes depends on when it runs.
var Epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

type discardPrint struct{}

func (discardPrint) Print(print.Context, string) error { return nil }

// EvalOptions close every door an evaluation could open even if a builtin
// behind it were reachable: no HTTP transport, a fixed time and random
// source, print discarded.
func EvalOptions() []rego.EvalOption {
	return []rego.EvalOption{
		rego.EvalHTTPRoundTripper(func(*http.Transport) http.RoundTripper { return noNetwork{} }),
		rego.EvalTime(Epoch),
		rego.EvalSeed(io.Reader(zeroReader{})),
		rego.EvalPrintHook(discardPrint{}),
	}
}

// Options for preparing a query in the sandbox: the capabilities, builtin
// errors fatal, print statements compiled out.
func Options() []func(*rego.Rego) {
	return []func(*rego.Rego){
		rego.Capabilities(Capabilities()),
		rego.StrictBuiltinErrors(true),
		rego.EnablePrintStatements(false),
	}
}

// IsCancel reports whether err is an evaluation stopped by its guard or
// its caller.
func IsCancel(err error) bool {
	var te *topdown.Error
	return errors.As(err, &te) && te.Code == topdown.CancelErr
}
