package policies_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/policies"
)

// TestEntrypoints checks that each decision a shipped module defines — a
// rule the schema names under decisions, read from outside as
// data.regions.<region>.<decision> by polc and by any OPA client of a
// bundle — is an entrypoint (a document-scope METADATA with entrypoint:
// true, OPA's mark for what a bundle must keep and serve), and that no
// other rule is one: a helper is the module's own business.
func TestEntrypoints(t *testing.T) {
	set, ds := compiler.Compile(context.Background(), policies.FS, "policies", compiler.Options{SkipExhaustive: true})
	if set == nil {
		t.Fatalf("the shipped set does not compile:\n%s", ds)
	}
	for _, id := range set.RegionIDs() {
		m := set.Regions[id].Module
		as, errs := ast.BuildAnnotationSet([]*ast.Module{m})
		if len(errs) > 0 {
			t.Fatalf("%s: %v", id, errs)
		}
		entry := map[string]bool{}
		for _, a := range as.Flatten() {
			if a.Annotations.Entrypoint {
				entry[a.Path.String()] = true
			}
		}
		defined := map[string]bool{}
		for _, r := range m.Rules {
			name := r.Head.Ref()[0].String()
			if _, ok := set.Schema.Decisions[name]; ok {
				defined[fmt.Sprintf("data.%s.%s.%s", compiler.PackagePrefix, id, name)] = true
			}
		}
		for path := range defined {
			if !entry[path] {
				t.Errorf("%s: decision %s is not annotated entrypoint: true (scope: document)", id, path)
			}
		}
		for path := range entry {
			if !defined[path] {
				t.Errorf("%s: %s is an entrypoint but not a decision of the schema", id, path)
			}
		}
	}
}
