// Package serve is polc's HTTP server (polc serve): the JSON API — settle
// and compare a case, the regions with their clauses and quotes, health —
// and the reviewer page, over a policy set compiled once at start (and
// again when --watch sees the files change). It is an http.Handler, so it
// is tested with httptest and served by cmd/polc.
//
// Every request is bounded: its body by MaxBody (413 past it), its time by
// a deadline, and the evaluations running at once by a semaphore sized to
// the processors; a request that cannot start an evaluation before its
// deadline gets 503. A bad case gets 400 with the diagnostics polc check
// --format json prints.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/harness"
)

// MaxBody is the most a request body may hold: a case of a few hundred
// claims is well under it; 413 past it.
const MaxBody = 1 << 20

// DefaultDeadline is how long a request may take when Options leave it
// unset: a case settles in well under a millisecond once the plans it
// needs are cached, a few milliseconds when they are not.
const DefaultDeadline = 10 * time.Second

// RequestName is how a case is named, in its result and its diagnostics,
// when the request does not name it (?name=): like <stdin> for polc
// settle -.
const RequestName = "<request>"

// Options configure a Server.
type Options struct {
	// Policies is the folder (or embedded set) compiled; Display how its
	// files are named in diagnostics (policies, or the --policies DIR).
	Policies fs.FS
	Display  string
	// Origin is what the server says it serves (./policies, embedded),
	// in /healthz.
	Origin string
	// Golden holds the worked examples the page offers,
	// <region>/<name>.yaml; nil offers none.
	Golden fs.FS
	// Deadline bounds each request; 0 is DefaultDeadline.
	Deadline time.Duration
	// Evaluations bounds the evaluations running at once; 0 is
	// GOMAXPROCS: more would only queue inside the runtime.
	Evaluations int
	// Log receives what an operator should see: a recompiled set, or the
	// diagnostics of one that does not compile. nil discards it.
	Log io.Writer
}

// Server answers the API and serves the page. Make one with New.
type Server struct {
	opts  Options
	sem   chan struct{}
	cur   atomic.Pointer[policySet]
	mux   *http.ServeMux
	logMu sync.Mutex
	// reloadErrors are the diagnostics of the last compilation if it
	// failed (the server keeps serving the set before it); nil when the
	// set served is the latest.
	reloadMu     sync.Mutex
	reloadErrors diag.List
	failedDigest string
	cases        *goldenCases
}

// New compiles the policies and returns a server for them, or the
// diagnostics if they do not compile.
func New(ctx context.Context, opts Options) (*Server, diag.List) {
	if opts.Deadline <= 0 {
		opts.Deadline = DefaultDeadline
	}
	if opts.Evaluations <= 0 {
		opts.Evaluations = runtime.GOMAXPROCS(0)
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	s := &Server{opts: opts, sem: make(chan struct{}, opts.Evaluations)}
	ps, ds := compile(ctx, opts.Policies, opts.Display)
	if ps == nil {
		return nil, ds
	}
	s.cur.Store(ps)
	s.cases = loadGoldenCases(opts.Golden)
	s.routes()
	return s, nil
}

// ServeHTTP answers a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("POST /v1/settle", s.settle)
	m.HandleFunc("POST /v1/compare", s.compare)
	m.HandleFunc("GET /v1/regions", s.regions)
	m.HandleFunc("GET /v1/cases", s.caseList)
	m.HandleFunc("GET /v1/cases/{region}/{name}", s.caseFile)
	m.HandleFunc("GET /healthz", s.health)
	m.HandleFunc("GET /{$}", s.page)
	m.Handle("GET /assets/", assetHandler())
	s.mux = m
}

// logf writes a line for the operator.
func (s *Server) logf(format string, args ...any) {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.opts.Log, format, args...)
}

// formats are the renderings a settle or compare request may ask for:
// the JSON contract, the reviewer Markdown, or that Markdown as HTML for
// the page.
var formats = map[string]string{
	"json": "application/json",
	"md":   "text/markdown; charset=utf-8",
	"html": "text/html; charset=utf-8",
}

// evaluation is what a settle or compare request has read: its body, the
// format asked for and the name the case goes by.
type evaluation struct {
	ps     *policySet
	body   []byte
	name   string
	format string
}

// begin reads a request that evaluates a case, under its deadline and the
// semaphore; on a problem it has answered already and ok is false. The
// caller calls done when ok.
func (s *Server) begin(w http.ResponseWriter, r *http.Request) (ev evaluation, ctx context.Context, done func(), ok bool) {
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.Deadline)
	q := r.URL.Query()
	ev.format = q.Get("format")
	if ev.format == "" {
		ev.format = "json"
	}
	if _, known := formats[ev.format]; !known {
		cancel()
		writeErrors(w, http.StatusBadRequest, requestError("unknown format %q (want json, md or html)", ev.format))
		return ev, nil, nil, false
	}
	ev.name = q.Get("name")
	if ev.name == "" {
		ev.name = RequestName
	}
	body, err := readBody(w, r)
	if err != nil {
		cancel()
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeErrors(w, http.StatusRequestEntityTooLarge, requestError("the body is over %d bytes, the most a request may hold", MaxBody))
			return ev, nil, nil, false
		}
		writeErrors(w, http.StatusBadRequest, requestError("cannot read the body: %v", err))
		return ev, nil, nil, false
	}
	ev.body = body
	// A request that cannot start before its deadline is turned away
	// rather than queued past it: the client can retry elsewhere.
	if ctx.Err() == nil {
		select {
		case s.sem <- struct{}{}:
		case <-ctx.Done():
		}
	}
	if ctx.Err() != nil {
		cancel()
		writeErrors(w, http.StatusServiceUnavailable, requestError("busy: no evaluation could start within the deadline of %s", s.opts.Deadline))
		return ev, nil, nil, false
	}
	ev.ps = s.cur.Load()
	return ev, ctx, func() { <-s.sem; cancel() }, true
}

// readBody reads a request's body, up to MaxBody, into a buffer of the
// size the request gives (io.ReadAll would grow one from 512 bytes).
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	rd := http.MaxBytesReader(w, r.Body, MaxBody)
	size := 512
	if n := r.ContentLength; n > 0 && n <= MaxBody {
		size = int(n) + 1 // room to see the end without growing
	}
	b := make([]byte, 0, size)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := rd.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// overDeadline answers a request whose evaluation ran out of time, which
// the evaluation reports as an error of its own.
func (s *Server) overDeadline(w http.ResponseWriter, ctx context.Context) bool {
	if ctx.Err() == nil {
		return false
	}
	writeErrors(w, http.StatusServiceUnavailable, requestError("the request took longer than its deadline of %s", s.opts.Deadline))
	return true
}

func (s *Server) settle(w http.ResponseWriter, r *http.Request) {
	s.serveEvaluation(w, r, func(ctx context.Context, ev evaluation) (renderings, diag.List) {
		res, ds := harness.SettleCase(ctx, ev.ps.set, ev.ps.engine, ev.name, ev.body)
		return renderings{
			json: func(dst []byte) ([]byte, error) { return harness.AppendJSON(dst, res), nil },
			md:   func() []byte { return harness.Markdown(ev.ps.set, res) },
		}, ds
	})
}

func (s *Server) compare(w http.ResponseWriter, r *http.Request) {
	s.serveEvaluation(w, r, func(ctx context.Context, ev evaluation) (renderings, diag.List) {
		var regions []string
		if list := r.URL.Query().Get("regions"); list != "" {
			regions = strings.Split(list, ",")
			if err := harness.CheckRegions(regions, ev.ps.set.RegionIDs(), "in ?regions="); err != nil {
				return renderings{}, requestError("%v", err)
			}
		}
		cmp, ds := harness.CompareCase(ctx, ev.ps.set, ev.ps.engine, ev.name, ev.body, regions)
		return renderings{
			json: func(dst []byte) ([]byte, error) {
				out, err := harness.CompareJSON(cmp)
				return append(dst, out...), err
			},
			md: func() []byte { return harness.CompareMarkdown(ev.ps.set, cmp) },
		}, ds
	})
}

// renderings are the two forms of an evaluation's answer; html is md
// turned into HTML. json appends to the buffer it is given.
type renderings struct {
	json func(dst []byte) ([]byte, error)
	md   func() []byte
}

// jsonBuffers are the buffers JSON answers are written into, reused from
// one request to the next: a result is ten kilobytes or so, and each
// request allocating its own is garbage the collector must follow.
var jsonBuffers = sync.Pool{New: func() any { return new([]byte) }}

// maxPooled is the largest buffer kept for reuse: a year of claims can
// answer with megabytes, which one such case should not pin.
const maxPooled = 256 << 10

// serveEvaluation answers a request that evaluates a case: within its
// limits (begin), with the diagnostics of a bad case, or with the answer in
// the format asked for.
func (s *Server) serveEvaluation(w http.ResponseWriter, r *http.Request, evaluate func(context.Context, evaluation) (renderings, diag.List)) {
	ev, ctx, done, ok := s.begin(w, r)
	if !ok {
		return
	}
	defer done()
	out, ds := evaluate(ctx, ev)
	if s.overDeadline(w, ctx) {
		return
	}
	if ds.HasErrors() {
		writeErrors(w, http.StatusBadRequest, ds.Dedupe())
		return
	}
	var body []byte
	var err error
	switch ev.format {
	case "json":
		buf := jsonBuffers.Get().(*[]byte)
		body, err = out.json((*buf)[:0])
		defer func() {
			if cap(body) <= maxPooled {
				*buf = body
				jsonBuffers.Put(buf)
			}
		}()
	case "md":
		body = out.md()
	case "html":
		body, err = markdownHTML(out.md())
	}
	respond(w, ev.format, body, err)
}

func respond(w http.ResponseWriter, format string, out []byte, err error) {
	if err != nil {
		writeErrors(w, http.StatusInternalServerError, requestError("%v", err))
		return
	}
	h := w.Header()
	h.Set("Content-Type", formats[format])
	// With its length known the answer goes out in one piece, not in
	// chunks.
	h.Set("Content-Length", strconv.Itoa(len(out)))
	w.Write(out)
}

// requestError is a problem with the request itself, as a diagnostic
// with no position.
func requestError(format string, args ...any) diag.List {
	var ds diag.List
	ds.Errorf("request", diag.Position{}, format, args...)
	return ds
}

// writeErrors answers {"errors": [...]}, each a diagnostic as polc check
// --format json prints it.
func writeErrors(w http.ResponseWriter, status int, ds diag.List) {
	if ds == nil {
		ds = diag.List{}
	}
	writeJSON(w, status, struct {
		Errors diag.List `json:"errors"`
	}{ds})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	data, err := harness.IndentedJSON(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(data)
}

// health says whether the server serves the latest policies: "ok", or
// "stale" with the diagnostics of the files that did not compile (the
// set before them is still served, so the status is 200).
func (s *Server) health(w http.ResponseWriter, _ *http.Request) {
	ps := s.cur.Load()
	s.reloadMu.Lock()
	errs := s.reloadErrors
	s.reloadMu.Unlock()
	out := struct {
		Status   string    `json:"status"`
		Policies string    `json:"policies"`
		Digest   string    `json:"digest"`
		Regions  []string  `json:"regions"`
		Errors   diag.List `json:"errors,omitempty"`
	}{Status: "ok", Policies: s.opts.Origin, Digest: ps.digest, Regions: ps.set.RegionIDs(), Errors: errs}
	if len(errs) > 0 {
		out.Status = "stale"
	}
	writeJSON(w, http.StatusOK, out)
}

// compile compiles a policy set for serving: without the exhaustive
// stages, as polc settle compiles it (the engine checks each plan and
// decision it builds), so results are the CLI's.
func compile(ctx context.Context, fsys fs.FS, display string) (*policySet, diag.List) {
	digest, err := digestOf(fsys)
	if err != nil {
		var ds diag.List
		ds.Errorf(compiler.StageLoad, diag.Position{File: display}, "cannot read: %v", err)
		return nil, ds
	}
	set, ds := compiler.Compile(ctx, fsys, display, compiler.Options{SkipExhaustive: true})
	if set == nil {
		return nil, ds
	}
	return newPolicySet(ctx, set, digest)
}
