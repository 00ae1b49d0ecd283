package bundle_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	opabundle "github.com/open-policy-agent/opa/v1/bundle"

	"github.com/polc-dev/polc/bundle"
	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/golden"
	"github.com/polc-dev/polc/policies"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle"
)

// The differential test: stock OPA, at the version in go.mod (the `tool`
// directive), serves polc build's bundle, and for every golden case each
// evaluation polc makes — subsidy, enrollment, each claim's plan,
// monitoring, with the input polc input prints — gets the same answer from
// POST /v1/data/regions/<region>/<decision> as from polc: the same objects,
// clauses included. The binary is built by `go tool -n opa`, which keeps
// it in the build cache: built once per machine (see the README for how
// long that takes cold), found in well under a second after.
func TestStockOPAServesTheBundle(t *testing.T) {
	opa := opaBinary(t)
	set := compileShipped(t)
	b, err := bundle.Build(set, policies.FS, bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := bundle.Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	srv := serve(t, opa, data)
	evals := goldenEvaluations(t, set)
	compared := 0
	for _, ev := range evals {
		diffs := differences(t, set, srv, ev)
		for _, d := range diffs {
			t.Errorf("%s", d)
		}
		compared++
	}
	t.Logf("%d evaluations of %d golden cases: stock OPA and polc agree", compared, len(golden.Cases()))
	if compared < 100 {
		t.Errorf("only %d evaluations compared", compared)
	}

	t.Run("opa build -b on the folder", func(t *testing.T) {
		// The README's commands for OPA on the policies folder as it is:
		// in bundle mode OPA reads the modules and leaves the params
		// files (which would all land at data.params) out.
		dir := filepath.Join(t.TempDir(), "policies")
		if err := os.CopyFS(dir, policies.FS); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{
			{"check", "--strict", dir},
			{"build", "-b", dir, "-o", filepath.Join(t.TempDir(), "plain.tar.gz")},
		} {
			if out, err := exec.Command(opa, args...).CombinedOutput(); err != nil {
				t.Errorf("opa %s: %v\n%s", strings.Join(args, " "), err, out)
			}
		}
	})

	t.Run("a changed clause is caught", func(t *testing.T) {
		// One plan rule of tongnan says a clause polc does not.
		tampered, rule := changeClause(t, set, b, evals, "tongnan")
		srv := serve(t, opa, tampered)
		found := false
		for _, ev := range evals {
			if ev.region != "tongnan" || ev.decision != "plan" {
				continue
			}
			for _, d := range differences(t, set, srv, ev) {
				if strings.Contains(d, rule) && !found {
					found = true
					t.Logf("caught: %s", d)
				}
			}
		}
		if !found {
			t.Errorf("a bundle whose rule %s yields another clause passed the comparison", rule)
		}
	})
}

// opaBinary builds (or finds in the build cache) the opa command of the
// go.mod tool directive.
func opaBinary(t *testing.T) string {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		goCmd = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
	}
	start := time.Now()
	cmd := exec.Command(goCmd, "tool", "-n", "opa")
	cmd.Stderr = &bytes.Buffer{}
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go tool -n opa: %v\n%s", err, cmd.Stderr)
	}
	path := strings.TrimSpace(string(out))
	t.Logf("opa: %s (go tool -n opa took %s)", path, time.Since(start).Round(time.Millisecond))
	return path
}

type server struct {
	url    string
	client *http.Client
}

// serve runs `opa run --server` on a free port of 127.0.0.1 with the
// bundle, waits for /health, and stops it when the test ends.
func serve(t *testing.T, opa string, data []byte) *server {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "bundle.tar.gz")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	var logs bytes.Buffer
	cmd := exec.Command(opa, "run", "--server", "--addr", addr, "--bundle", file,
		"--skip-version-check", "--log-level", "error")
	cmd.Stdout, cmd.Stderr = &logs, &logs
	cmd.Dir = dir
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
	})
	s := &server{url: "http://" + addr, client: &http.Client{Timeout: 30 * time.Second}}
	deadline := time.Now().Add(60 * time.Second)
	for {
		select {
		case <-exited:
			t.Fatalf("opa run exited: %s", logs.String())
		default:
		}
		// ?bundles: ready only once the bundle is activated.
		resp, err := s.client.Get(s.url + "/health?bundles")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("opa run not healthy after 60 s: %v\n%s", err, logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// evaluation is one evaluation polc makes settling a golden case.
type evaluation struct {
	file, region, decision, claim string
	input                         ast.Value
}

func (ev evaluation) String() string {
	s := ev.file + ": " + ev.decision
	if ev.claim != "" {
		s += " of claim " + ev.claim
	}
	return s
}

func goldenEvaluations(t *testing.T, set *policy.Set) []evaluation {
	t.Helper()
	var out []evaluation
	for _, gc := range golden.Cases() {
		file := "golden/" + gc.Name
		cf, ds := casefile.Load(file, gc.Data, set.Catalog())
		if ds.HasErrors() {
			t.Fatalf("%s: %v", file, ds)
		}
		inputs, err := settle.Inputs(context.Background(), set, &cf.Case)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, in := range inputs {
			out = append(out, evaluation{file: file, region: cf.Case.Region, decision: in.Decision, claim: in.Claim, input: in.Input})
		}
	}
	return out
}

// differences asks stock OPA and polc for one evaluation and says, rule
// by rule, where they differ.
func differences(t *testing.T, set *policy.Set, srv *server, ev evaluation) []string {
	t.Helper()
	r := set.Regions[ev.region]
	recs, err := r.Eval(context.Background(), ev.decision, ev.input)
	if err != nil {
		t.Fatalf("%s: polc: %v", ev, err)
	}
	polc := map[string]string{} // the object as JSON → the rule that yielded it
	for _, rec := range recs {
		obj := map[string]any{"clause": rec.Clause}
		for k, v := range rec.Fields {
			obj[k] = v
		}
		polc[canonical(t, obj)] = rec.Rule.Pos + " (clause " + rec.Clause + ")"
	}
	stock := map[string]bool{}
	defines := false
	for _, dr := range r.Rules {
		defines = defines || dr.Decision == ev.decision
	}
	for _, obj := range query(t, srv, ev, defines) {
		stock[canonical(t, obj)] = true
	}
	var out []string
	for obj, rule := range polc {
		if !stock[obj] {
			out = append(out, fmt.Sprintf("%s: rule %s yields %s in polc, not in stock OPA", ev, rule, obj))
		}
	}
	for obj := range stock {
		if _, ok := polc[obj]; !ok {
			out = append(out, fmt.Sprintf("%s: stock OPA yields %s, polc does not (%s)", ev, obj, nearest(polc, obj)))
		}
	}
	sort.Strings(out)
	return out
}

// nearest names the polc rule whose object differs from obj only in its
// clause, if one does: a clause written wrong into the bundle.
func nearest(polc map[string]string, obj string) string {
	strip := regexp.MustCompile(`"clause":"(?:[^"\\]|\\.)*"`)
	want := strip.ReplaceAllString(obj, "")
	for o, rule := range polc {
		if strip.ReplaceAllString(o, "") == want {
			return "polc's rule " + rule + " yields it with another clause"
		}
	}
	return "no polc rule yields it"
}

// query posts the input to data.regions.<region>.<decision>. A decision
// the region defines no rule of is undefined in OPA, as it is empty in
// polc; one it defines is always a set, empty or not.
func query(t *testing.T, srv *server, ev evaluation, defines bool) []any {
	t.Helper()
	in, err := ast.JSON(ev.input)
	if err != nil {
		t.Fatal(err)
	}
	body, err := json.Marshal(map[string]any{"input": in})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := srv.client.Post(srv.url+"/v1/data/regions/"+ev.region+"/"+ev.decision, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("%s: %v", ev, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: stock OPA answered %s: %s %v", ev, resp.Status, raw, err)
	}
	var answer struct {
		Result *[]any `json:"result"`
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&answer); err != nil {
		t.Fatalf("%s: stock OPA's answer %s: %v", ev, raw, err)
	}
	if answer.Result == nil && !defines {
		return nil
	}
	if answer.Result == nil {
		t.Fatalf("%s: stock OPA has no data.regions.%s.%s: %s", ev, ev.region, ev.decision, raw)
	}
	return *answer.Result
}

// canonical is a JSON value as text with sorted keys and every number
// in one form (0.50 and 0.5 are one number; OPA may write either).
func canonical(t *testing.T, v any) string {
	t.Helper()
	out, err := json.Marshal(normalize(v))
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func normalize(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = normalize(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = normalize(x)
		}
		return out
	case json.Number:
		r, ok := new(big.Rat).SetString(string(v))
		if !ok {
			return v
		}
		s := r.FloatString(12)
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		return json.Number(s)
	}
	return v
}

// changeClause is the bundle with one rule of a region yielding another
// clause — the first rule polc uses in the region's first plan
// evaluation, so that a golden sees it — and that rule as polc names it.
func changeClause(t *testing.T, set *policy.Set, b *opabundle.Bundle, evals []evaluation, region string) ([]byte, string) {
	t.Helper()
	r := set.Regions[region]
	var dr *policy.DecisionRule
	for _, ev := range evals {
		if ev.region == region && ev.decision == "plan" {
			recs, err := r.Eval(context.Background(), ev.decision, ev.input)
			if err != nil || len(recs) == 0 {
				t.Fatalf("%s: %d records, %v", ev, len(recs), err)
			}
			dr = recs[0].Rule
			break
		}
	}
	if dr == nil {
		t.Fatalf("no golden evaluates the plan of %s", region)
	}
	index := slices.Index(r.Module.Rules, dr.Rule)
	changed := *b
	changed.Modules = slices.Clone(b.Modules)
	i := slices.IndexFunc(changed.Modules, func(m opabundle.ModuleFile) bool { return m.Path == "regions/"+region+".rego" })
	if i < 0 || index < 0 {
		t.Fatalf("no module of %s in the bundle, or no rule %s", region, dr.Pos)
	}
	m := changed.Modules[i]
	// The bundle's rules are the author's, in the same order.
	at := m.Parsed.Rules[index].Head.Key.Location.Offset
	was := []byte(`"clause": ` + strconv.Quote(dr.Clause))
	k := bytes.Index(m.Raw[at:], was)
	if k < 0 || len(bytes.TrimSpace(m.Raw[at+1:at+k])) > 0 {
		t.Fatalf("%s: the bundle's rule does not yield %s first", dr.Pos, was)
	}
	changed.Modules[i].Raw = slices.Concat(m.Raw[:at+k], []byte(`"clause": "changed"`), m.Raw[at+k+len(was):])
	data, err := bundle.Bytes(&changed)
	if err != nil {
		t.Fatal(err)
	}
	return data, dr.Pos
}
