package compiler_test

// The tests of compiler/sandbox, in the compiler's test binary rather than
// one of their own: a test binary that links OPA takes ≈ 3.5 s of CPU to
// link, several times what these tests take to run.

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/polc-dev/polc/compiler/sandbox"
)

func sandboxParse(t *testing.T, src string) *ast.Module {
	t.Helper()
	m, err := ast.ParseModuleWithOpts("p.rego", src, ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestCapabilitiesRefuseUnlistedBuiltins(t *testing.T) {
	for _, call := range []string{`http.send({"method": "GET", "url": "http://x"})`, `time.now_ns()`, `rand.intn("s", 10)`,
		`uuid.rfc4122("s")`, `net.lookup_ip_addr("x")`, `opa.runtime()`, `numbers.range(1, 100000000)`, `json.unmarshal("{}")`, `plus(1, 2)`} {
		m := sandboxParse(t, "package p\n\nx := "+call+"\n")
		c := ast.NewCompiler().WithCapabilities(sandbox.Capabilities())
		c.Compile(map[string]*ast.Module{"p.rego": m})
		if !c.Failed() || !strings.Contains(c.Errors.Error(), "undefined function") {
			t.Errorf("%s compiled in the sandbox: %v", call, c.Errors)
		}
	}
}

// Even a module compiled with every builtin cannot reach the network or the
// clock through an evaluation in the sandbox.
func TestEvalOptionsCloseTheDoors(t *testing.T) {
	var hits atomic.Int64
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) })}
	go srv.Serve(ln)
	defer srv.Close()

	q, err := rego.New(rego.Query(`x := http.send({"method": "GET", "url": "http://` + ln.Addr().String() + `/x", "raise_error": false}); t := time.now_ns()`)).
		PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	g := sandbox.NewGuard(0, 0)
	rs, err := g.Eval(context.Background(), &q)
	if err != nil {
		t.Fatal(err)
	}
	if hits.Load() != 0 {
		t.Fatalf("the listener saw %d requests", hits.Load())
	}
	got := rs[0].Bindings["x"].(map[string]any)
	if !strings.Contains(got["error"].(map[string]any)["message"].(string), sandbox.ErrNetwork.Error()) {
		t.Fatalf("http.send gave %v", got)
	}
	if ts := rs[0].Bindings["t"]; ts.(interface{ String() string }).String() != "946684800000000000" {
		t.Fatalf("time.now_ns() = %v, want the fixed epoch", ts)
	}
}

func sandboxPrepare(t *testing.T, src, query string) *rego.PreparedEvalQuery {
	t.Helper()
	m := sandboxParse(t, src)
	c := ast.NewCompiler().WithCapabilities(sandbox.Capabilities())
	c.Compile(map[string]*ast.Module{"p.rego": m})
	if c.Failed() {
		t.Fatal(c.Errors)
	}
	q, err := rego.New(append(sandbox.Options(), rego.Compiler(c), rego.Query(query))...).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return &q
}

func TestGuardStopsARunawayAtItsDeadline(t *testing.T) {
	// A cartesian product of a cartesian product: 10^8 steps.
	q := sandboxPrepare(t, `package p

xs := [x | some x in ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]]

pairs := [[a, b] | some a in xs; some b in xs]

slow := count([1 | some p in pairs; some q in pairs; some r in pairs; some s in pairs])
`, "data.p.slow")
	start := time.Now()
	_, err := sandbox.NewGuard(50*time.Millisecond, 0).Eval(context.Background(), q)
	var ex *sandbox.Exceeded
	if !errors.As(err, &ex) || ex.Limit != "deadline" {
		t.Fatalf("err = %v, want the deadline", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Fatalf("stopping took %v", time.Since(start))
	}
	if ex.Where == nil || ex.Where.Row != 7 {
		t.Fatalf("where = %v, want line 7", ex.Where)
	}
}

func TestGuardStopsAMemoryBomb(t *testing.T) {
	// Each line doubles a string: 2^30 bytes by the end.
	var b strings.Builder
	b.WriteString("package p\n\ns0 := \"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\"\n")
	for i := 1; i <= 24; i++ {
		b.WriteString("s" + sandboxItoa(i) + " := concat(\"\", [s" + sandboxItoa(i-1) + ", s" + sandboxItoa(i-1) + "])\n")
	}
	b.WriteString("big := count(s24)\n")
	q := sandboxPrepare(t, b.String(), "data.p.big")
	_, err := sandbox.NewGuard(10*time.Second, 64<<20).Eval(context.Background(), q)
	var ex *sandbox.Exceeded
	if !errors.As(err, &ex) || ex.Limit != "memory" {
		t.Fatalf("err = %v, want the memory budget", err)
	}
}

func TestGuardHonoursTheCallersContext(t *testing.T) {
	q := sandboxPrepare(t, `package p

xs := [x | some x in ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]]

slow := count([1 | some a in xs; some b in xs; some c in xs; some d in xs; some e in xs; some f in xs; some g in xs; some h in xs])
`, "data.p.slow")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, err := sandbox.NewGuard(time.Minute, 0).Eval(ctx, q)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the caller's deadline", err)
	}
}

func sandboxItoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return sandboxItoa(i/10) + string(rune('0'+i%10))
}
