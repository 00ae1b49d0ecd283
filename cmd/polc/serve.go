package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/serve"
)

type serveFlags struct {
	addr, policies, golden string
	watch                  bool
	deadline               time.Duration
}

func (c *cli) serveCommand() *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "the JSON API (settle, compare, regions, health) and the reviewer page over HTTP",
		Long: `Serve compiles the policies once and answers over HTTP, on 127.0.0.1
unless --addr says otherwise:

  POST /v1/settle    a case (YAML or JSON) → the result, as polc settle --format json
                     (?format=md|html for the reviewer Markdown; ?name= names the case)
  POST /v1/compare   a case → polc compare --format json (?regions=a,b; ?format=md|html)
  GET  /v1/regions   documents, years, categories, clauses with their quotes
  GET  /v1/cases     the golden cases the page offers; /v1/cases/REGION/NAME their YAML
  GET  /healthz      which policies are served, and whether a newer set failed to compile
  GET  /             the reviewer page

A bad case gets 400 with {"errors": [...]}, the diagnostics of polc check
--format json; a body over 1 MiB gets 413; a request past its --deadline,
or one that cannot start an evaluation before it, gets 503. With --watch the
policy files are polled every second and recompiled when their content
changes; a set that does not compile is reported (here and in /healthz)
while the last good one is still served. SIGINT or SIGTERM stops the server
after the requests in flight.`,
		Args: atMost(0),
		RunE: func(*cobra.Command, []string) error { return c.runServe(f) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.addr, "addr", "127.0.0.1:8181", "listen on `HOST:PORT`")
	fl.StringVar(&f.policies, "policies", "", "policies folder `DIR` (default ./policies if present, else the embedded set)")
	fl.StringVar(&f.golden, "golden", "", "golden cases the page offers, folder `DIR` (default ./golden if present, else the embedded set)")
	fl.BoolVar(&f.watch, "watch", false, "recompile the policies when their files change (a folder, not the embedded set)")
	fl.DurationVar(&f.deadline, "deadline", serve.DefaultDeadline, "the most a request may take")
	return cmd
}

func (c *cli) runServe(f serveFlags) error {
	if f.deadline <= 0 {
		return usagef("--deadline must be positive, not %s", f.deadline)
	}
	pol, gold, err := c.pickPoliciesAndGolden(f.policies, f.golden)
	if err != nil {
		return err
	}
	if f.watch && pol.dir == "" {
		return usagef("--watch needs a policies folder on disk (--policies DIR, or ./policies): the embedded set never changes")
	}
	c.announce(pol, gold)
	// A request allocates some 60 KB it drops at once (the case's YAML
	// tree, the result and its JSON) while the compiled set stays live:
	// collecting garbage a quarter as often takes a sixth less CPU a
	// request (BenchmarkServeSettle), unless the user has chosen with GOGC.
	// It is the process's setting: a run inside another process leaves it
	// alone.
	if c.wholeProcess && c.getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	ctx, stop := signal.NotifyContext(c.ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv, ds := serve.New(ctx, serve.Options{Policies: pol.fsys, Display: pol.prefix, Origin: pol.origin,
		Golden: gold.fsys, Deadline: f.deadline, Log: c.stderr})
	if srv == nil {
		diag.Write(c.stderr, diag.FormatText, ds)
		return errors.New("the policies do not compile (polc check shows why)")
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stderr, "listening on http://%s/\n", ln.Addr())
	if f.watch {
		go srv.Watch(ctx, time.Second)
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 5 * time.Second,
		// The body is at most serve.MaxBody; the deadline covers the work.
		ReadTimeout:  f.deadline + 5*time.Second,
		WriteTimeout: f.deadline + 10*time.Second,
		IdleTimeout:  2 * time.Minute,
		BaseContext:  func(net.Listener) context.Context { return c.ctx },
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	// Requests in flight finish (each within its deadline); new ones are
	// refused.
	fmt.Fprintln(c.stderr, "shutting down")
	shut, cancel := context.WithTimeout(context.Background(), f.deadline+time.Second)
	defer cancel()
	if err := hs.Shutdown(shut); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
