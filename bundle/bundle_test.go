package bundle_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/ast"
	opabundle "github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/format"

	"github.com/polc-dev/polc/bundle"
	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/policies"
	"github.com/polc-dev/polc/policies/policiestest"
	"github.com/polc-dev/polc/policy"
)

// compileShipped is the shipped set, compiled once for the package's two
// tests that build it (a compiled set is immutable).
func compileShipped(t *testing.T) *policy.Set {
	t.Helper()
	return policiestest.Compiled(t, compiler.Options{SkipExhaustive: true})
}

// The bundle OPA reads back is the one built: modules formatted as opa fmt
// would, each decision rule yielding its clause, each decision an
// entrypoint, params at data.params.<region>, and the same bytes each time.
func TestBuildReadsBack(t *testing.T) {
	set := compileShipped(t)
	b, err := bundle.Build(set, policies.FS, bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	first, err := bundle.Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	again, err := bundle.Build(set, policies.FS, bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	second, err := bundle.Bytes(again)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Fatal("two builds of the same policies differ")
	}
	if !strings.HasPrefix(b.Manifest.Revision, "sha256:") {
		t.Errorf("revision %q is not a digest", b.Manifest.Revision)
	}

	read, err := opabundle.NewReader(bytes.NewReader(first)).Read()
	if err != nil {
		t.Fatalf("OPA cannot read the bundle: %v", err)
	}
	if read.Manifest.Revision != b.Manifest.Revision {
		t.Errorf("revision read back %q, built %q", read.Manifest.Revision, b.Manifest.Revision)
	}
	if len(read.Modules) != len(set.Regions) {
		t.Fatalf("%d modules, %d regions", len(read.Modules), len(set.Regions))
	}
	params, _ := read.Data["params"].(map[string]any)
	for _, id := range set.RegionIDs() {
		p, _ := params[id].(map[string]any)
		if p["region"] != id {
			t.Errorf("data.params.%s.region is %v", id, p["region"])
		}
	}

	modules := map[string]*ast.Module{}
	for _, m := range read.Modules {
		formatted, err := format.SourceWithOpts(m.Path, m.Raw, format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(formatted, m.Raw) {
			t.Errorf("%s is not as opa fmt writes it", m.Path)
		}
		modules[m.Path] = m.Parsed
	}
	c := ast.NewCompiler().WithStrict(true)
	if c.Compile(modules); c.Failed() {
		t.Fatalf("the bundle's modules do not compile in OPA's strict mode: %v", c.Errors)
	}

	for _, m := range read.Modules {
		id := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(m.Path, "/"), "regions/"), ".rego")
		r := set.Regions[id]
		if r == nil {
			t.Fatalf("module %s is of no region", m.Path)
		}
		clauses := 0
		for _, rule := range m.Parsed.Rules {
			if rule.Head.Key == nil {
				continue
			}
			if obj, ok := rule.Head.Key.Value.(ast.Object); ok && obj.Get(ast.StringTerm("clause")) != nil {
				clauses++
			}
		}
		if clauses != len(r.Rules) {
			t.Errorf("%s: %d rules yield a clause, polc has %d decision rules", m.Path, clauses, len(r.Rules))
		}
		// OPA's reader parses without annotations; a server given the
		// bundle reads them (opa build, opa inspect do).
		withAnnotations, err := ast.ParseModuleWithOpts(m.Path, string(m.Raw), ast.ParserOptions{RegoVersion: ast.RegoV1, ProcessAnnotation: true})
		if err != nil {
			t.Fatal(err)
		}
		as, errs := ast.BuildAnnotationSet([]*ast.Module{withAnnotations})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		entry := map[string]bool{}
		for _, a := range as.Flatten() {
			if a.Annotations.Entrypoint {
				entry[a.Path.String()] = true
			}
		}
		defined := map[string]bool{}
		for _, rule := range m.Parsed.Rules {
			defined[rule.Head.Ref()[0].String()] = true
		}
		for name := range set.Schema.Decisions {
			if defined[name] && !entry["data.regions."+id+"."+name] {
				t.Errorf("%s: data.regions.%s.%s is not an entrypoint (%v)", m.Path, id, name, entry)
			}
		}
	}
}

// A module carries document-scope annotations of its own (the shipped ones
// mark each decision an entrypoint, with a title and a description): the
// build adds entrypoint: true to one without it, leaves one with it as it
// is, and adds no second block (OPA refuses two for one document).
func TestBuildKeepsTheAuthorsDocumentAnnotations(t *testing.T) {
	fsys := policiestest.Copy(t)
	src := string(fsys["tongnan.rego"].Data)
	// plan's block loses its entrypoint line; subsidy's keeps it.
	planBlock := "# METADATA\n# scope: document\n# title: 待遇条款"
	at := strings.Index(src, planBlock)
	if at < 0 || strings.Count(src, planBlock) != 1 {
		t.Fatalf("tongnan.rego has no single document annotation for plan starting %q", planBlock)
	}
	end := at + strings.Index(src[at:], "\n\n")
	block := src[at:end]
	if !strings.Contains(block, "\n# entrypoint: true") {
		t.Fatalf("plan's document annotation has no entrypoint line:\n%s", block)
	}
	src = src[:at] + strings.Replace(block, "\n# entrypoint: true", "", 1) + src[end:]
	fsys["tongnan.rego"] = &fstest.MapFile{Data: []byte(src)}

	set, ds := compiler.Compile(context.Background(), fsys, "policies", compiler.Options{SkipExhaustive: true, Regions: []string{"tongnan"}})
	if set == nil {
		t.Fatalf("the annotated copy does not compile: %v", ds)
	}
	b, err := bundle.Build(set, fsys, bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := string(b.Modules[0].Raw)
	defined := map[string]bool{}
	for _, rule := range b.Modules[0].Parsed.Rules {
		if name := rule.Head.Ref()[0].String(); set.Schema.Decisions[name] != nil {
			defined[name] = true
		}
	}
	if n := strings.Count(text, "# entrypoint: true"); n != len(defined) || n < 6 {
		t.Errorf("%d entrypoint lines, want one for each of the %d decisions tongnan defines", n, len(defined))
	}
	if !strings.Contains(text, "# METADATA\n# entrypoint: true\n# scope: document\n# title: 待遇条款") {
		t.Errorf("the author's plan annotation did not gain the entrypoint:\n%s", text[:min(len(text), 4000)])
	}
}
