package compiler_test

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/policies"
	"github.com/polc-dev/polc/policies/policiestest"
	"github.com/polc-dev/polc/policy"
)

// The shipped set passes every stage polc check runs, the format and
// strict gates included.
func TestShippedPoliciesCompile(t *testing.T) {
	set, ds := compiler.Compile(context.Background(), policies.FS, "policies", compiler.Options{Format: true})
	if set == nil || ds.HasErrors() {
		t.Fatalf("shipped policies do not compile:\n%v", ds)
	}
	if len(set.Regions) == 0 {
		t.Fatal("no regions")
	}
}

// The tongnan plan for a dibao inpatient in 2023 is what the document and
// its params say: the city's basic terms, a critical deductible of half of
// 2022's income (35666 × 0.5 = 17833.00) tilted by 三(六), the 70%
// assistance floor of 三(七), and tilted assistance on the city's terms.
func TestTongnanPlan(t *testing.T) {
	// The plan reads tongnan's compiled rules and params; the stages that
	// evaluate every context are TestShippedPoliciesCompile's.
	set, ds := compiler.Compile(context.Background(), policies.FS, "policies", compiler.Options{SkipExhaustive: true, Regions: []string{"tongnan"}})
	if set == nil {
		t.Fatal(ds)
	}
	r := set.Regions["tongnan"]
	p, err := r.ParamsFor(2023, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx := policy.Context{Year: 2023, Person: cases.Person{Categories: []string{"dibao"}}, EnrollmentTier: "1",
		Claim: &policy.Claim{Kind: "inpatient", HospitalLevel: "2", Referred: true}}
	plan, err := r.Plan(context.Background(), set.Schema, ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	crit := plan.Tier("critical")
	if crit == nil || crit.Deductible.Value.String() != "17833" || crit.Deductible.Clause != "三(六)" {
		t.Fatalf("critical = %+v", crit)
	}
	if len(crit.Tilts) != 1 || crit.Tilts[0].DeductibleFactor.String() != "0.5" || !crit.Tilts[0].RemoveCap {
		t.Fatalf("critical tilts = %+v", crit.Tilts)
	}
	if a := plan.Tier("assistance"); a == nil || a.Ratio.Value.String() != "0.7" || a.CapGroup != "assistance" {
		t.Fatalf("assistance = %+v", a)
	}
	// 三(七) 倾斜救助 on the city's terms: the params file's example values.
	if tt := plan.Tier("tilted"); tt == nil || tt.Deductible.Value.String() != "20000" || tt.Ratio.Value.String() != "0.5" {
		t.Fatalf("tilted = %+v", tt)
	}
}

func TestCompileReportsEveryRegion(t *testing.T) {
	schema, err := policies.FS.ReadFile("schema.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"schema.yaml":   {Data: schema},
		"a.rego":        {Data: []byte("package regions.a\n\nx := http.send({})\n")},
		"b.rego":        {Data: []byte("package regions.b\n\ny := time.now_ns()\n")},
		"params/a.yaml": {Data: []byte("region: a\nparameters: {}\n")},
		"params/b.yaml": {Data: []byte("region: b\nparameters: {}\n")},
	}
	_, ds := compiler.Compile(context.Background(), fsys, "p", compiler.Options{})
	files := map[string]bool{}
	for _, d := range ds {
		if d.Stage == compiler.StageBuiltins {
			files[d.Pos.File] = true
		}
	}
	if !files["p/a.rego"] || !files["p/b.rego"] {
		t.Fatalf("want builtins errors in both regions, got:\n%v", ds)
	}
}

// BenchmarkCheckEmbedded is `polc check` on the embedded set: every stage,
// including the exhaustive evaluation and the format gate. The target is
// under 2 s.
func BenchmarkCheckEmbedded(b *testing.B) {
	for b.Loop() {
		if set, ds := compiler.Compile(context.Background(), policies.FS, "policies", compiler.Options{Format: true}); set == nil {
			b.Fatal(ds)
		}
	}
}

// A policy file past MaxPolicyFileBytes is refused before it is parsed.
func TestPolicyFileSizeLimit(t *testing.T) {
	schema, err := policies.FS.ReadFile("schema.yaml")
	if err != nil {
		t.Fatal(err)
	}
	big := append([]byte("package regions.a\n"), bytes.Repeat([]byte("# padding\n"), compiler.MaxPolicyFileBytes/10+1)...)
	fsys := fstest.MapFS{
		"schema.yaml":   {Data: schema},
		"a.rego":        {Data: big},
		"params/a.yaml": {Data: []byte("region: a\nparameters: {}\n")},
	}
	_, ds := compiler.Compile(context.Background(), fsys, "p", compiler.Options{})
	if !strings.Contains(ds.Error(), "p/a.rego: error: cannot read: larger than 1048576 bytes, the most a policy file may hold [load]") {
		t.Fatalf("got %v", ds)
	}
}

// Options.Regions compiles the schema and the regions named, and only
// lists the others: a broken module of another region is not read, and
// the catalog cases are read against still names every region.
func TestCompileRegions(t *testing.T) {
	fsys := shippedCopy(t)
	fsys["liujiang.rego"] = &fstest.MapFile{Data: []byte("package regions.liujiang\n\nx := http.send({})\n")}
	set, ds := compiler.Compile(context.Background(), fsys, "p", compiler.Options{SkipExhaustive: true, Regions: []string{"tongnan", "nowhere"}})
	if set == nil {
		t.Fatal(ds)
	}
	if got := set.RegionIDs(); !slices.Equal(got, []string{"tongnan"}) {
		t.Errorf("compiled %q, want [tongnan]", got)
	}
	if !slices.Equal(set.Omitted, []string{"guangdong", "liujiang", "qiannan", "tongliao"}) {
		t.Errorf("omitted %q", set.Omitted)
	}
	if got := set.Catalog().RegionIDs(); !slices.Equal(got, []string{"guangdong", "liujiang", "qiannan", "tongliao", "tongnan"}) {
		t.Errorf("the catalog names %q", got)
	}
	if _, _, ok := set.Catalog().RegionYears("tongnan"); !ok {
		t.Error("no years for tongnan")
	}
	// The broken module is a problem as soon as its region is compiled.
	if set, _ := compiler.Compile(context.Background(), fsys, "p", compiler.Options{SkipExhaustive: true, Regions: []string{"liujiang"}}); set != nil {
		t.Error("a broken liujiang compiled")
	}
	// None named: the schema alone.
	if set, ds := compiler.Compile(context.Background(), fsys, "p", compiler.Options{SkipExhaustive: true, Regions: []string{}}); set == nil || len(set.Regions) != 0 || len(set.Omitted) != 5 {
		t.Errorf("no region named: %v, %v", set, ds)
	}
}

// shippedCopy is the embedded set as a map, to break in one place.
func shippedCopy(t *testing.T) fstest.MapFS {
	t.Helper()
	return policiestest.Copy(t)
}

// Options.Format holds a module to OPA's formatter: an unformatted one is
// one error, at the first line that differs, with the diff as its detail;
// without the option (what settling a working copy uses) it compiles.
func TestFormatStage(t *testing.T) {
	fsys := shippedCopy(t)
	src := string(fsys["tongnan.rego"].Data)
	const good, bad = "\n\t\"sudden_hardship\" in input.person.categories\n", "\n  \"sudden_hardship\" in input.person.categories\n"
	if strings.Count(src, good) != 1 {
		t.Fatalf("the line to unformat is not in tongnan.rego once")
	}
	line := strings.Count(src[:strings.Index(src, good)+1], "\n") + 1
	fsys["tongnan.rego"] = &fstest.MapFile{Data: []byte(strings.Replace(src, good, bad, 1))}
	opts := compiler.Options{SkipExhaustive: true, Regions: []string{"tongnan"}, Format: true}
	set, ds := compiler.Compile(context.Background(), fsys, "p", opts)
	if set != nil || len(ds) != 1 {
		t.Fatalf("want one error, got %v", ds)
	}
	d := ds[0]
	if d.Stage != compiler.StageFormat || d.Pos.File != "p/tongnan.rego" || d.Pos.Line != line || d.Pos.Col != 1 {
		t.Errorf("got %v, want p/tongnan.rego:%d:1 [format]", d, line)
	}
	if !strings.Contains(d.Detail, "\n-  \"sudden_hardship\" in") || !strings.Contains(d.Detail, "\n+\t\"sudden_hardship\" in") {
		t.Errorf("detail:\n%s", d.Detail)
	}
	opts.Format = false
	if set, ds := compiler.Compile(context.Background(), fsys, "p", opts); set == nil {
		t.Errorf("an unformatted module does not compile without Options.Format:\n%v", ds)
	}
}

// Modules compile in OPA's strict mode: an assigned variable never read
// is an error at its place, in the types stage.
func TestStrictMode(t *testing.T) {
	fsys := shippedCopy(t)
	src := string(fsys["tongnan.rego"].Data)
	const good = "\n\t\"sudden_hardship\" in input.person.categories\n"
	line := strings.Count(src[:strings.Index(src, good)+1], "\n") + 1
	fsys["tongnan.rego"] = &fstest.MapFile{Data: []byte(strings.Replace(src, good, "\n\trate := 1"+good, 1))}
	_, ds := compiler.Compile(context.Background(), fsys, "p", compiler.Options{SkipExhaustive: true, Regions: []string{"tongnan"}, Format: true})
	if len(ds) != 1 || ds[0].String() != fmt.Sprintf("p/tongnan.rego:%d:2: error: assigned var rate unused [types]", line) {
		t.Fatalf("got %v", ds)
	}
}
