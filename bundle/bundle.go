// Package bundle writes a compiled policy set as an OPA bundle, for
// `polc build`: the region modules with every decision's clause written
// into what it yields (see rewrite.go), the params files and the schema as
// data, and a manifest whose revision is a digest of the content. An
// unmodified OPA server of the version in go.mod serves it with
// `opa run --server --bundle bundle.tar.gz` and answers
// POST /v1/data/regions/<region>/<decision> as polc evaluates it, given
// the input `polc input` prints.
//
// The bundle is OPA's own (bundle.Bundle written by bundle.Writer), and
// byte-identical for the same policies: OPA's writer sets no times, and
// the modules, data and manifest are in a fixed order.
package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
	opabundle "github.com/open-policy-agent/opa/v1/bundle"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/untrusted"
	"github.com/polc-dev/polc/compiler/yamldoc"
	"github.com/polc-dev/polc/policy"
)

// Where the bundle puts things under data. The params files of the
// folder all live at params/<region>.yaml and each has the same top-level
// keys (region, document, parameters), so OPA's own loader, which mounts a
// file's content at its folder's path, puts them all at data.params and
// they conflict; the bundle gives each its region: data.params.<region>.
const (
	// RootRegions holds the region modules: package regions.<region>.
	RootRegions = policy.PackagePrefix
	// RootParams holds each region's params file, as data.params.<region>.
	RootParams = "params"
	// RootPolc holds the shared schema, as data.polc.schema.
	RootPolc = "polc"
)

// Options adjust a build.
type Options struct {
	// Revision is the manifest's revision. Empty, it is a digest of the
	// bundle's modules and data (sha256:<first 16 hex digits>), so the
	// same policies give the same revision and any change a new one.
	Revision string
}

// Build makes the bundle of a compiled policy set. fsys is the folder the
// set was compiled from, for the params files and the schema.
func Build(set *policy.Set, fsys fs.FS, opts Options) (*opabundle.Bundle, error) {
	decisions := make([]string, 0, len(set.Schema.Decisions))
	for name := range set.Schema.Decisions {
		decisions = append(decisions, name)
	}
	slices.Sort(decisions)

	b := &opabundle.Bundle{Data: map[string]any{}}
	params := map[string]any{}
	for _, id := range set.RegionIDs() {
		r := set.Regions[id]
		text, err := rewriteModule(r, decisions)
		if err != nil {
			return nil, err
		}
		p := path.Join(RootRegions, id+".rego")
		parsed, err := parse(p, text)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", p, err)
		}
		b.Modules = append(b.Modules, opabundle.ModuleFile{URL: p, Path: p, Raw: text, Parsed: parsed})
		if params[id], err = yamlData(fsys, path.Join("params", id+".yaml")); err != nil {
			return nil, err
		}
	}
	schema, err := yamlData(fsys, "schema.yaml")
	if err != nil {
		return nil, err
	}
	b.Data[RootParams] = params
	b.Data[RootPolc] = map[string]any{"schema": schema}

	roots := []string{RootParams, RootPolc, RootRegions}
	b.Manifest.Roots = &roots
	b.Manifest.SetRegoVersion(ast.RegoV1)
	b.Manifest.Revision = opts.Revision
	if b.Manifest.Revision == "" {
		if b.Manifest.Revision, err = digest(b); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// Write writes a bundle as OPA's gzipped tarball.
func Write(w io.Writer, b *opabundle.Bundle) error {
	// The modules are formatted already (rewriteModule); the writer
	// would format them again from their parsed form, losing nothing but
	// time.
	return opabundle.NewWriter(w).DisableFormat(true).Write(*b)
}

// Bytes is the bundle as Write writes it.
func Bytes(b *opabundle.Bundle) ([]byte, error) {
	var buf bytes.Buffer
	if err := Write(&buf, b); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// digest hashes the modules (path and text) and the data (as the bundle
// writes it: JSON with sorted keys), each followed by a NUL.
func digest(b *opabundle.Bundle) (string, error) {
	h := sha256.New()
	for _, m := range b.Modules {
		h.Write([]byte(m.Path))
		h.Write([]byte{0})
		h.Write(m.Raw)
		h.Write([]byte{0})
	}
	data, err := json.Marshal(b.Data)
	if err != nil {
		return "", err
	}
	h.Write(data)
	return "sha256:" + hex.EncodeToString(h.Sum(nil))[:16], nil
}

// yamlData reads a YAML file of the folder as data, its numbers as their
// literal text (never through float64) and dates as strings.
func yamlData(fsys fs.FS, name string) (any, error) {
	data, err := untrusted.ReadFS(fsys, name, compiler.MaxPolicyFileBytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	node, ds := yamldoc.Parse(name, data)
	if ds.HasErrors() {
		return nil, firstError(ds)
	}
	v, err := yamldoc.Value(node)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return v, nil
}

func firstError(ds diag.List) error {
	for _, d := range ds {
		if d.Severity == diag.SeverityError {
			return fmt.Errorf("%s: %s", d.Pos, d.Message)
		}
	}
	return fmt.Errorf("%v", ds)
}
