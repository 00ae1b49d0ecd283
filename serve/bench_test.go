package serve

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/polc-dev/polc/golden"
)

// BenchmarkServeSettle drives polc serve over real TCP on 127.0.0.1: b.N
// POST /v1/settle requests of a typical case (one tongnan claim through
// every tier), shared by a fixed number of client goroutines on
// keep-alive connections, and reports requests a second and the p50 and
// p99 latency seen by the clients. The clients share the machine with the
// server, as a load generator on the same host would:
//
//	go test ./serve -run '^$' -bench ServeSettle -benchtime 20000x -cpu 2
//
// Unless GOGC is set, garbage is collected as polc serve has it collected
// (GOGC=400).
func BenchmarkServeSettle(b *testing.B) {
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	for _, clients := range []int{4, 16} {
		b.Run(fmt.Sprintf("clients=%d", clients), func(b *testing.B) { benchSettle(b, clients) })
	}
}

func benchSettle(b *testing.B, clients int) {
	s := sharedServer(b)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	hs := &http.Server{Handler: s, ReadHeaderTimeout: 5 * time.Second}
	go hs.Serve(ln)
	defer hs.Close()
	url := "http://" + ln.Addr().String() + "/v1/settle?name=golden/tongnan/critical-tilted-dibao.yaml"
	body, err := fs.ReadFile(golden.FS, "tongnan/critical-tilted-dibao.yaml")
	if err != nil {
		b.Fatal(err)
	}
	want, _ := fs.ReadFile(golden.FS, "tongnan/critical-tilted-dibao.golden.json")
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}}
	// Warm: the engine's plan cache holds the case's contexts after one.
	for range clients {
		if err := settleOnce(client, url, body, want); err != nil {
			b.Fatal(err)
		}
	}
	latencies := make([]time.Duration, b.N)
	var next atomic.Int64
	var failed atomic.Pointer[error]
	var wg sync.WaitGroup
	b.ResetTimer()
	cpu0 := cpuTime()
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := next.Add(1) - 1
				if i >= int64(b.N) {
					return
				}
				t0 := time.Now()
				if err := settleOnce(client, url, body, want); err != nil {
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
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func settleOnce(client *http.Client, url string, body, want []byte) error {
	resp, err := client.Post(url, "application/yaml", bytes.NewReader(body))
	if err != nil {
		return err
	}
	got, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK || !bytes.Equal(got, want) {
		return fmt.Errorf("status %d: %s", resp.StatusCode, got)
	}
	return nil
}
