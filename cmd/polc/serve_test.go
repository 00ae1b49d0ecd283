package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/polc-dev/polc/golden"
	"github.com/polc-dev/polc/policies"
	"github.com/polc-dev/polc/serve"
)

// The server answers as the CLI prints: polc settle --format json and
// polc compare --format json, byte for byte, on the same file name.
// (serve's TestGoldensThroughSettle holds every golden to its
// .golden.json.)
func TestServeAgreesWithCLI(t *testing.T) {
	srv, ds := serve.New(context.Background(), serve.Options{Policies: policies.FS, Display: "policies", Origin: "embedded", Golden: golden.FS})
	if srv == nil {
		t.Fatal(ds)
	}
	for _, file := range []string{"../../golden/tongnan/critical-tilted-dibao.yaml", "../../golden/qiannan/multi-claim-accumulation.yaml", "../../golden/liujiang/top-up-monitored-inpatient-90.yaml"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, cmd := range [][]string{{"settle", "--format", "json", file}, {"compare", "--format", "json", file}} {
			var stdout, stderr bytes.Buffer
			if code := run(cmd, &cli{stdout: &stdout, stderr: &stderr}); code != 0 {
				t.Fatalf("polc %s: exit %d\n%s", strings.Join(cmd, " "), code, stderr.String())
			}
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/"+cmd[0]+"?name="+file, bytes.NewReader(data)))
			if rec.Code != http.StatusOK || rec.Body.String() != stdout.String() {
				t.Errorf("POST /v1/%s %s: %d, differs from polc %s:\n%s", cmd[0], file, rec.Code, cmd[0], rec.Body)
			}
		}
	}
}

// syncBuffer is stderr written by the server's goroutines and read by
// the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// polc serve listens where --addr says, answers, and on SIGINT finishes
// and exits 0.
func TestServeCommand(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	var stderr syncBuffer
	exit := make(chan int, 1)
	go func() { exit <- run([]string{"serve", "--addr", addr}, &cli{stdout: io.Discard, stderr: &stderr}) }()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(stderr.String(), "listening on http://"+addr+"/") {
		select {
		case code := <-exit:
			t.Fatalf("polc serve exited %d:\n%s", code, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("polc serve did not start:\n%s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	resp, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"status": "ok"`) {
		t.Errorf("healthz: %d %s", resp.StatusCode, body)
	}
	// polc serve has SIGINT in hand while it serves: the test process
	// does not die of it.
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-exit:
		if code != 0 || !strings.Contains(stderr.String(), "shutting down") {
			t.Errorf("after SIGINT: exit %d\n%s", code, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("polc serve did not stop on SIGINT")
	}
}
