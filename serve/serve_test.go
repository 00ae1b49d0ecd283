package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/golden"
	"github.com/polc-dev/polc/policies"
)

var (
	sharedOnce sync.Once
	shared     *Server
)

// sharedServer is one server over the embedded set and goldens, with the
// default options, for the tests that need no other: compiling the set
// is most of their time.
func sharedServer(t testing.TB) *Server {
	sharedOnce.Do(func() { shared = newServer(t, Options{}) })
	if shared == nil {
		t.Fatal("no server")
	}
	return shared
}

// withLimits is the shared server's compiled set under other limits.
func withLimits(t testing.TB, deadline time.Duration, evaluations int) *Server {
	base := sharedServer(t)
	s := &Server{opts: base.opts, sem: make(chan struct{}, evaluations), cases: base.cases}
	s.opts.Deadline = deadline
	s.cur.Store(base.cur.Load())
	s.routes()
	return s
}

// newServer is a server over the embedded set and goldens.
func newServer(t testing.TB, opts Options) *Server {
	t.Helper()
	if opts.Policies == nil {
		opts.Policies, opts.Display, opts.Origin = policies.FS, "policies", "embedded"
	}
	if opts.Golden == nil {
		opts.Golden = golden.FS
	}
	s, ds := New(context.Background(), opts)
	if s == nil {
		t.Fatalf("New: %v", ds)
	}
	return s
}

func post(t testing.TB, h http.Handler, url string, body []byte) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, url, bytes.NewReader(body)))
	return rec
}

func get(t testing.TB, h http.Handler, url string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, url, nil))
	return rec
}

type errorsBody struct {
	Errors diag.List `json:"errors"`
}

func decodeErrors(t *testing.T, rec *httptest.ResponseRecorder) diag.List {
	t.Helper()
	var b errorsBody
	if err := json.Unmarshal(rec.Body.Bytes(), &b); err != nil {
		t.Fatalf("body is not {\"errors\": …}: %v\n%s", err, rec.Body)
	}
	return b.Errors
}

// Every golden case, posted as it is with the name polc test gives it,
// gets its reviewed .golden.json byte for byte: the result polc settle
// --format json prints (cmd/polc's TestServeAgreesWithCLI checks the CLI
// itself on a few).
func TestGoldensThroughSettle(t *testing.T) {
	t.Parallel()
	s := sharedServer(t)
	cases := golden.Cases()
	if len(cases) < 50 {
		t.Fatalf("only %d golden cases", len(cases))
	}
	for _, c := range cases {
		want, err := fs.ReadFile(golden.FS, strings.TrimSuffix(c.Name, ".yaml")+".golden.json")
		if err != nil {
			t.Fatal(err)
		}
		rec := post(t, s, "/v1/settle?name=golden/"+c.Name, c.Data)
		if rec.Code != http.StatusOK {
			t.Errorf("%s: %d %s", c.Name, rec.Code, rec.Body)
			continue
		}
		if got := rec.Body.Bytes(); !bytes.Equal(got, want) {
			t.Errorf("%s: POST /v1/settle differs from the golden:\n%s", c.Name, got)
		}
		if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
			t.Errorf("%s: Content-Type %q", c.Name, ct)
		}
	}
}

// Every golden case, posted as JSON (as an API client sends it), gets the
// same answer as its YAML: JSON is read by a reader of its own
// (yamldoc's parseJSON), which must not change a figure.
func TestGoldensAsJSON(t *testing.T) {
	t.Parallel()
	s := sharedServer(t)
	for _, c := range golden.Cases() {
		want, err := fs.ReadFile(golden.FS, strings.TrimSuffix(c.Name, ".yaml")+".golden.json")
		if err != nil {
			t.Fatal(err)
		}
		body, err := caseAsJSON(c.Data)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		rec := post(t, s, "/v1/settle?name=golden/"+c.Name, body)
		if rec.Code != http.StatusOK || !bytes.Equal(rec.Body.Bytes(), want) {
			t.Errorf("%s as JSON: %d, differs from the golden:\n%s", c.Name, rec.Code, rec.Body)
		}
	}
}

// A case in JSON is read as the same case: JSON is YAML.
func TestSettleJSONCase(t *testing.T) {
	t.Parallel()
	s := sharedServer(t)
	yamlCase, _ := fs.ReadFile(golden.FS, "tongnan/critical-tilted-dibao.yaml")
	jsonCase := []byte(`{"region": "tongnan", "title": "低保对象住院：大病保险倾斜（起付线减半、提高5个百分点）后医疗救助70%", "clauses": ["三(六)", "三(七)"], "year": 2023,
 "params": {"contribution": {"tier1": 380, "tier2": 660}, "income": {"per_capita_disposable": 35666},
  "critical": {"bands": [{"upto": null, "ratio": 0.6}], "annual_cap": 200000}, "assistance": {"annual_cap": 60000},
  "tilted": {"threshold": 20000, "ratio": 0.5, "annual_cap": 30000}, "monitoring": {"standard": 6000}},
 "person": {"categories": ["dibao"], "age": 58, "residence": "rural"}, "enrollment": {"tier": 1},
 "claims": [{"id": "c1", "date": "2023-04-12", "kind": "inpatient", "hospital_level": 3, "referred": true, "total": 60000, "out_of_catalog": 0, "basic_paid": 30000}]}`)
	a := post(t, s, "/v1/settle?name=x", yamlCase)
	b := post(t, s, "/v1/settle?name=x", jsonCase)
	if a.Code != 200 || b.Code != 200 || a.Body.String() != b.Body.String() {
		t.Fatalf("YAML %d and JSON %d differ:\n%s\n%s", a.Code, b.Code, a.Body, b.Body)
	}
	// Unnamed, a case is <request>, in its result as in its diagnostics.
	if rec := post(t, s, "/v1/settle", yamlCase); !strings.Contains(rec.Body.String(), `"case": "<request>"`) {
		t.Errorf("an unnamed case is not <request>:\n%s", rec.Body)
	}
}

func TestBadCase(t *testing.T) {
	t.Parallel()
	s := sharedServer(t)
	for _, tc := range []struct {
		name, body string
		line, col  int
		message    string
	}{
		{"syntax", "region: tongnan\nyear: 2023\n\tperson: {}\n", 2, 1, "tab"},
		{"duplicate key", "region: tongnan\nyear: 2023\nyear: 2024\n", 3, 1, "given twice"},
		{"unknown key", "region: tongnan\nyear: 2023\nperson: {categories: [dibao], age: 58, residence: rural}\nenrollment: {tier: 1}\nclaims: []\nsalary: 3\n", 6, 1, "salary"},
		{"bad amount", "region: tongnan\nyear: 2023\nperson: {categories: [dibao], age: 58, residence: rural}\nenrollment: {tier: 1}\nclaims:\n  - {id: c1, date: 2023-04-12, kind: inpatient, hospital_level: 3, referred: true, total: 1e5, out_of_catalog: 0}\n", 6, 0, "total"},
		// JSON, as an API client sends it: positions count characters.
		{"JSON unknown key", "{\"region\": \"tongnan\", \"year\": 2023,\n \"person\": {\"categories\": [\"dibao\"], \"age\": 58, \"residence\": \"rural\"},\n \"enrollment\": {\"tier\": 1}, \"claims\": [], \"工资\": 1, \"salary\": 3}\n", 3, 52, "salary"},
		{"JSON duplicate key", "{\"region\": \"tongnan\",\n  \"year\": 2023, \"year\": 2024}", 2, 17, "given twice"},
		{"JSON bad amount", "{\"region\": \"tongnan\", \"year\": 2023, \"person\": {\"categories\": [\"dibao\"], \"age\": 58, \"residence\": \"rural\"}, \"enrollment\": {\"tier\": 1},\n\"claims\": [{\"id\": \"c1\", \"date\": \"2023-04-12\", \"kind\": \"inpatient\", \"hospital_level\": 3, \"referred\": true, \"total\": -5, \"out_of_catalog\": 0}]}", 2, 116, "total is negative"},
		{"JSON syntax", "{\"region\": \"tongnan\",\n \"year\": [2023}", 0, 0, "malformed YAML"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := post(t, s, "/v1/settle?name=bad.yaml", []byte(tc.body))
			if rec.Code != http.StatusBadRequest {
				t.Fatalf("status %d, want 400: %s", rec.Code, rec.Body)
			}
			ds := decodeErrors(t, rec)
			found := false
			for _, d := range ds {
				if d.Pos.File == "bad.yaml" && (tc.line == 0 || d.Pos.Line == tc.line) && (tc.col == 0 || d.Pos.Col == tc.col) && strings.Contains(d.Message, tc.message) && d.Severity == diag.SeverityError {
					found = true
				}
			}
			if !found {
				t.Errorf("no error at bad.yaml:%d:%d naming %q:\n%s", tc.line, tc.col, tc.message, rec.Body)
			}
		})
	}
	// The same diagnostics through compare.
	if rec := post(t, s, "/v1/compare?name=bad.yaml", []byte("region: tongnan\n")); rec.Code != http.StatusBadRequest || len(decodeErrors(t, rec)) == 0 {
		t.Errorf("compare of a bad case: %d %s", rec.Code, rec.Body)
	}
}

func TestBodyLimit(t *testing.T) {
	t.Parallel()
	s := sharedServer(t)
	over := post(t, s, "/v1/settle", bytes.Repeat([]byte("#"), MaxBody+1))
	if over.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("1 MiB + 1: status %d, want 413", over.Code)
	}
	if ds := decodeErrors(t, over); len(ds) != 1 || !strings.Contains(ds[0].Message, "1048576") {
		t.Errorf("413 body: %s", over.Body)
	}
	// At the limit the body is read (and, all comment, refused as a case).
	if at := post(t, s, "/v1/settle", bytes.Repeat([]byte("#"), MaxBody)); at.Code != http.StatusBadRequest {
		t.Errorf("1 MiB: status %d, want 400", at.Code)
	}
	if over := post(t, s, "/v1/compare", bytes.Repeat([]byte("#"), MaxBody+1)); over.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("compare, 1 MiB + 1: status %d, want 413", over.Code)
	}
}

func TestDeadline(t *testing.T) {
	t.Parallel()
	data, _ := fs.ReadFile(golden.FS, "tongnan/critical-tilted-dibao.yaml")
	// A deadline no evaluation can meet.
	s := withLimits(t, time.Nanosecond, 2)
	rec := post(t, s, "/v1/settle", data)
	if rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("status %d, want 503: %s", rec.Code, rec.Body)
	}
	// Every evaluation slot taken: a request waits until its deadline,
	// then is turned away.
	s = withLimits(t, 50*time.Millisecond, 1)
	s.sem <- struct{}{}
	start := time.Now()
	rec = post(t, s, "/v1/settle", data)
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "busy") {
		t.Fatalf("status %d, want 503 busy: %s", rec.Code, rec.Body)
	}
	if waited := time.Since(start); waited < 50*time.Millisecond {
		t.Errorf("turned away after %s, before the deadline", waited)
	}
	<-s.sem
	if rec := post(t, s, "/v1/settle", data); rec.Code != http.StatusOK {
		t.Errorf("with the slot free: %d %s", rec.Code, rec.Body)
	}
}

func TestRegions(t *testing.T) {
	t.Parallel()
	s := sharedServer(t)
	rec := get(t, s, "/v1/regions")
	if rec.Code != 200 {
		t.Fatal(rec.Code)
	}
	var body regionsBody
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatal(err)
	}
	var ids []string
	var tongnan *regionEntry
	for i, r := range body.Regions {
		ids = append(ids, r.ID)
		if r.ID == "tongnan" {
			tongnan = &body.Regions[i]
		}
	}
	if strings.Join(ids, ",") != "guangdong,liujiang,qiannan,tongliao,tongnan" || tongnan == nil {
		t.Fatalf("regions %v", ids)
	}
	if tongnan.Area != "重庆市潼南区" || !strings.Contains(tongnan.Document.Number, "潼医保发") || len(tongnan.Years) == 0 {
		t.Errorf("tongnan's document: %+v %v", tongnan.Document, tongnan.Years)
	}
	for _, c := range []string{"dibao", "extreme_poverty"} {
		if !strings.Contains(","+strings.Join(tongnan.Categories, ",")+",", ","+c+",") {
			t.Errorf("tongnan's categories %v lack %s", tongnan.Categories, c)
		}
	}
	var six *clauseInfo
	for i, c := range tongnan.Clauses {
		if c.Clause == "三(六)" {
			six = &tongnan.Clauses[i]
		}
	}
	if six == nil || len(six.Rules) == 0 {
		t.Fatalf("tongnan 三(六) missing or without rules: %+v", six)
	}
	if !strings.Contains(strings.Join(six.Quotes, ""), "大病保险起付线降低50%，报销比例提高5个百分点，不设封顶线") {
		t.Errorf("三(六)'s quotes lack its tilt sentence: %v", six.Quotes)
	}
	if labels := body.Vocabularies["category"]; len(labels) == 0 || labels[0].Label == "" {
		t.Errorf("category labels: %v", labels)
	}
}

func TestHealthPageAndCases(t *testing.T) {
	t.Parallel()
	s := sharedServer(t)
	if rec := get(t, s, "/healthz"); rec.Code != 200 || !strings.Contains(rec.Body.String(), `"status": "ok"`) {
		t.Errorf("healthz: %d %s", rec.Code, rec.Body)
	}
	if rec := get(t, s, "/"); rec.Code != 200 || !strings.Contains(rec.Body.String(), "结算") {
		t.Errorf("page: %d", rec.Code)
	}
	if rec := get(t, s, "/assets/app.js"); rec.Code != 200 {
		t.Errorf("app.js: %d", rec.Code)
	}
	if rec := get(t, s, "/nothing"); rec.Code != 404 {
		t.Errorf("/nothing: %d", rec.Code)
	}
	if rec := get(t, s, "/v1/settle"); rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("GET /v1/settle: %d", rec.Code)
	}
	rec := get(t, s, "/v1/cases/tongnan/critical-tilted-dibao")
	want, _ := fs.ReadFile(golden.FS, "tongnan/critical-tilted-dibao.yaml")
	if rec.Code != 200 || rec.Body.String() != string(want) {
		t.Errorf("a golden case's text: %d", rec.Code)
	}
	if rec := get(t, s, "/v1/cases"); !strings.Contains(rec.Body.String(), `"file": "golden/tongnan/critical-tilted-dibao.yaml"`) {
		t.Errorf("the case list lacks tongnan/critical-tilted-dibao")
	}
}

// The Markdown a reviewer reads, and that Markdown as HTML.
func TestSettleFormats(t *testing.T) {
	t.Parallel()
	s := sharedServer(t)
	data, _ := fs.ReadFile(golden.FS, "tongnan/critical-tilted-dibao.yaml")
	wantMD, _ := fs.ReadFile(golden.FS, "tongnan/critical-tilted-dibao.golden.md")
	if rec := post(t, s, "/v1/settle?format=md&name=golden/tongnan/critical-tilted-dibao.yaml", data); rec.Body.String() != string(wantMD) {
		t.Errorf("format=md differs from the golden Markdown")
	}
	rec := post(t, s, "/v1/settle?format=html", data)
	html := rec.Body.String()
	for _, want := range []string{"<table>", ">13704.28</td>", "<blockquote>", "三(六)", "(30000.00 − 8916.50) × 65% = 13704.275 ≈ 13704.28"} {
		if !strings.Contains(html, want) {
			t.Errorf("format=html lacks %q", want)
		}
	}
	if rec := post(t, s, "/v1/settle?format=pdf", data); rec.Code != 400 {
		t.Errorf("format=pdf: %d", rec.Code)
	}
	// A title cannot smuggle markup into the page.
	evil := bytes.Replace(data, []byte("title: 低保对象住院"), []byte("title: <script>alert(1)</script>低保对象住院"), 1)
	if rec := post(t, s, "/v1/settle?format=html", evil); strings.Contains(rec.Body.String(), "<script>") {
		t.Errorf("raw HTML from a case went through")
	}
}

func TestCompare(t *testing.T) {
	t.Parallel()
	s := sharedServer(t)
	data, _ := fs.ReadFile(golden.FS, "tongnan/critical-tilted-dibao.yaml")
	rec := post(t, s, "/v1/compare?regions=tongnan,guangdong", data)
	if rec.Code != 200 {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	var cmp struct {
		Regions []struct {
			Region string          `json:"region"`
			Result json.RawMessage `json:"result"`
		} `json:"regions"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &cmp); err != nil || len(cmp.Regions) != 2 || cmp.Regions[1].Region != "guangdong" {
		t.Fatalf("compare: %v %s", err, rec.Body)
	}
	if rec := post(t, s, "/v1/compare?regions=tongnan,chengdu", data); rec.Code != 400 || !strings.Contains(rec.Body.String(), "chengdu") {
		t.Errorf("an unknown region: %d %s", rec.Code, rec.Body)
	}
	if rec := post(t, s, "/v1/compare?format=html", data); rec.Code != 200 || !strings.Contains(rec.Body.String(), "地区比较") {
		t.Errorf("compare as HTML: %d", rec.Code)
	}
}

// --watch: a broken policy is reported and the last good set served; the
// fixed one replaces it.
func TestWatch(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.CopyFS(dir, policies.FS); err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	s := newServer(t, Options{Policies: os.DirFS(dir), Display: dir, Origin: dir, Log: &log})
	ctx := context.Background()
	if s.Reload(ctx) {
		t.Fatal("reloaded with nothing changed")
	}
	data, _ := fs.ReadFile(golden.FS, "tongnan/critical-tilted-dibao.yaml")
	want := post(t, s, "/v1/settle", data).Body.String()
	module := filepath.Join(dir, "tongnan.rego")
	good, err := os.ReadFile(module)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(module, append(good, []byte("\nbroken := \n")...), 0o666); err != nil {
		t.Fatal(err)
	}
	if s.Reload(ctx) {
		t.Fatal("a broken set replaced the good one")
	}
	if !strings.Contains(log.String(), "tongnan.rego:") || !strings.Contains(log.String(), "still serving") {
		t.Errorf("the broken set is not reported:\n%s", log.String())
	}
	h := get(t, s, "/healthz").Body.String()
	if !strings.Contains(h, `"status": "stale"`) || !strings.Contains(h, "tongnan.rego") {
		t.Errorf("healthz does not say the set is stale:\n%s", h)
	}
	if got := post(t, s, "/v1/settle", data).Body.String(); got != want {
		t.Errorf("the last good set is not served:\n%s", got)
	}
	// Polled again unchanged, the broken set is not compiled nor reported again.
	n := log.Len()
	s.Reload(ctx)
	if log.Len() != n {
		t.Errorf("the same broken set reported twice")
	}
	// Fixed, with a figure changed: the new set is served.
	changed := bytes.Replace(good, []byte("0.05"), []byte("0.06"), -1)
	if bytes.Equal(changed, good) {
		t.Fatal("tongnan.rego has no 0.05 to change")
	}
	if err := os.WriteFile(module, changed, 0o666); err != nil {
		t.Fatal(err)
	}
	if !s.Reload(ctx) {
		t.Fatalf("the fixed set was not taken:\n%s", log.String())
	}
	if h := get(t, s, "/healthz").Body.String(); !strings.Contains(h, `"status": "ok"`) {
		t.Errorf("healthz after the fix:\n%s", h)
	}
	if got := post(t, s, "/v1/settle", data).Body.String(); got == want {
		t.Errorf("the recompiled set gives the old figures")
	}
	// Watch polls on its own.
	if err := os.WriteFile(module, good, 0o666); err != nil {
		t.Fatal(err)
	}
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go s.Watch(wctx, 10*time.Millisecond)
	deadline := time.Now().Add(10 * time.Second)
	for post(t, s, "/v1/settle", data).Body.String() != want {
		if time.Now().After(deadline) {
			t.Fatal("Watch did not take the restored set")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
