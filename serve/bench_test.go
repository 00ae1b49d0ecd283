package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/polc-dev/polc/compiler/yamldoc"
	"github.com/polc-dev/polc/compiler/yamldoc/yamldoctest"
	"github.com/polc-dev/polc/golden"
)

// typicalCase is the case the load target is stated for: one tongnan
// low-income claim through every tier, with the case's own params.
const typicalCase = "tongnan/critical-tilted-dibao.yaml"

// BenchmarkServeSettle drives polc serve over real TCP on 127.0.0.1: b.N
// POST /v1/settle requests, shared by a fixed number of client goroutines
// on keep-alive connections, each response checked byte for byte against
// its golden; it reports requests a second, the p50 and p99 latency seen
// by the clients and the CPU time a request costs (server and clients
// together). The clients share the machine with the server, as a load
// generator on the same host would:
//
//	go test ./serve -run '^$' -bench ServeSettle -benchtime 20000x -cpu 2
//
// The cases: typical is the typical case alone (the load target's
// figure), goldens cycles through every golden case (92, five regions,
// one claim to a year of them), so that what is measured is settling, not
// one answer. Each is posted as YAML (the file as written, comments and
// all) and as JSON (the same case, comments gone: what an API client
// sends).
//
// Unless GOGC is set, garbage is collected as polc serve has it collected
// (GOGC=400).
func BenchmarkServeSettle(b *testing.B) {
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	all := golden.Cases()
	var typical []golden.Case
	for _, c := range all {
		if c.Name == typicalCase {
			typical = append(typical, c)
		}
	}
	for _, set := range []struct {
		name  string
		cases []golden.Case
	}{{"typical", typical}, {"goldens", all}} {
		for _, body := range []string{"yaml", "json"} {
			reqs := benchRequests(b, set.cases, body == "json")
			for _, clients := range []int{4, 16} {
				b.Run(fmt.Sprintf("%s/%s/clients=%d", set.name, body, clients), func(b *testing.B) { benchSettle(b, reqs, clients) })
			}
		}
	}
}

// benchRequest is one request the benchmark sends and the answer it
// expects.
type benchRequest struct {
	path       string
	body, want []byte
}

func benchRequests(b *testing.B, cases []golden.Case, asJSON bool) []benchRequest {
	if len(cases) == 0 {
		b.Fatal("no cases")
	}
	var out []benchRequest
	for _, c := range cases {
		want, err := fs.ReadFile(golden.FS, strings.TrimSuffix(c.Name, ".yaml")+".golden.json")
		if err != nil {
			b.Fatal(err)
		}
		body := c.Data
		if asJSON {
			if body, err = caseAsJSON(c.Data); err != nil {
				b.Fatalf("%s: %v", c.Name, err)
			}
		}
		out = append(out, benchRequest{path: "/v1/settle?name=golden/" + c.Name, body: body, want: want})
	}
	return out
}

func benchSettle(b *testing.B, reqs []benchRequest, clients int) {
	s := sharedServer(b)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	hs := &http.Server{Handler: s, ReadHeaderTimeout: 5 * time.Second}
	go hs.Serve(ln)
	defer hs.Close()
	base := "http://" + ln.Addr().String()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}}
	// Warm: the engine's caches hold each case's plans after one request,
	// and every connection is open.
	var warm bytes.Buffer
	for i := range max(clients, len(reqs)) {
		if err := settleOnce(client, base, reqs[i%len(reqs)], &warm); err != nil {
			b.Fatal(err)
		}
	}
	latencies := make([]time.Duration, b.N)
	var next atomic.Int64
	var failed atomic.Pointer[error]
	var wg sync.WaitGroup
	var sent, received int64
	for i := range b.N {
		r := reqs[i%len(reqs)]
		sent += int64(len(r.body))
		received += int64(len(r.want))
	}
	b.ResetTimer()
	cpu0 := cpuTime()
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for {
				i := next.Add(1) - 1
				if i >= int64(b.N) {
					return
				}
				t0 := time.Now()
				if err := settleOnce(client, base, reqs[i%int64(len(reqs))], &buf); err != nil {
					failed.CompareAndSwap(nil, &err)
					return
				}
				latencies[i] = time.Since(t0)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	cpu := cpuTime() - cpu0
	b.StopTimer()
	if err := failed.Load(); err != nil {
		b.Fatal(*err)
	}
	slices.Sort(latencies)
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(latencies[len(latencies)*50/100].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(latencies[len(latencies)*99/100].Microseconds())/1000, "p99-ms")
	// The process's CPU time, server and clients together: what a request
	// costs whatever else loads the machine. Two cores' worth of it is the
	// rate an idle 2-core machine would reach.
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/req")
	b.ReportMetric(float64(sent)/float64(b.N), "body-B/req")
	b.ReportMetric(float64(received)/float64(b.N), "resp-B/req")
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// settleOnce posts a request and checks its answer, read into buf (each
// client reuses its own: the load generator should cost little beside
// the server).
func settleOnce(client *http.Client, base string, r benchRequest, buf *bytes.Buffer) error {
	resp, err := client.Post(base+r.path, "application/yaml", bytes.NewReader(r.body))
	if err != nil {
		return err
	}
	buf.Reset()
	_, err = buf.ReadFrom(resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	if got := buf.Bytes(); resp.StatusCode != http.StatusOK || !bytes.Equal(got, r.want) {
		return fmt.Errorf("%s: status %d: %s", r.path, resp.StatusCode, got)
	}
	return nil
}

// caseAsJSON is a case file written as JSON, as an API client would send
// it: keys in the file's order, numbers as written, dates as strings, the
// comments gone.
func caseAsJSON(data []byte) ([]byte, error) {
	root, ds := yamldoc.Parse("", data)
	if ds.HasErrors() {
		return nil, ds
	}
	compact, err := yamldoctest.JSON(root)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, compact, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}
