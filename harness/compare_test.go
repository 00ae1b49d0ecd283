package harness_test

import (
	"bytes"
	"context"
	"encoding/json"
	"path"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/golden"
	"github.com/polc-dev/polc/harness"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle"
)

// TestCompareAgreesWithSettle takes every golden case through all five
// regions and checks each region's figures against what polc settle gives
// for the same case file with its region: set to that region (and the
// params compare did not apply there taken out, since polc settle refuses a
// number the region does not read): the same result object, byte for byte.
// A region compare could not settle must be one polc settle refuses too; in
// its own region, the result is the reviewed golden.
func TestCompareAgreesWithSettle(t *testing.T) {
	r, err := shipped()
	if err != nil {
		t.Fatal(err)
	}
	set := r.set
	ctx := context.Background()
	compareEngine, settleEngine := settle.New(set), settle.New(set)
	crossed := map[string]int{} // region → cases from other regions settled in it
	for _, gc := range golden.Cases() {
		file := path.Join("golden", gc.Name)
		cf, ds := casefile.Load(file, gc.Data, set)
		if ds.HasErrors() {
			t.Fatalf("%s: %v", file, ds)
		}
		cmp, err := harness.Compare(ctx, set, compareEngine, &cf.Case, set.RegionIDs())
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if len(cmp.Regions) != len(set.RegionIDs()) {
			t.Fatalf("%s: compared in %d regions, want every one", file, len(cmp.Regions))
		}
		for _, rc := range cmp.Regions {
			got := resultJSON(t, rc.Result)
			if rc.Region == cf.Region {
				wantGolden(t, file, rc, got)
				continue
			}
			if rc.Lacks != nil {
				continue // polc settle would settle it with the category ignored: that is what compare refuses
			}
			want, settleErr := settleMoved(ctx, set, settleEngine, file, gc.Data, rc.Region, rc.ParamsNotUsed)
			switch {
			case rc.Result == nil && settleErr == nil:
				t.Errorf("%s in %s: compare did not settle it (%s), polc settle does", file, rc.Region, rc.Skipped)
			case rc.Result != nil && settleErr != nil:
				t.Errorf("%s in %s: compare settled it, polc settle refuses it: %v", file, rc.Region, settleErr)
			case rc.Result != nil && !bytes.Equal(got, want):
				t.Errorf("%s in %s: compare's result differs from polc settle's:\ncompare: %s\nsettle:  %s", file, rc.Region, got, want)
			case rc.Result != nil:
				crossed[rc.Region]++
				keptBack(ctx, t, set, settleEngine, file, gc.Data, rc, want)
			}
		}
	}
	t.Logf("cases from other regions settled in each: %v", crossed)
	// qiannan's document covers 2019–2020, no other region's those years:
	// only its own cases reach it.
	for _, id := range []string{"guangdong", "liujiang", "tongliao", "tongnan"} {
		if crossed[id] == 0 {
			t.Errorf("no golden case of another region settled in %s: the comparison above checked nothing there", id)
		}
	}
}

// wantGolden checks the case's own region against its reviewed golden.
func wantGolden(t *testing.T, file string, rc harness.RegionComparison, got []byte) {
	t.Helper()
	if rc.Result == nil {
		t.Errorf("%s: not settled in its own region %s: %s", file, rc.Region, rc.Skipped)
		return
	}
	data, err := golden.FS.ReadFile(strings.TrimPrefix(strings.TrimSuffix(file, ".yaml"), "golden/") + ".golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := json.Compact(&want, data); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("%s: compare's result in its own region differs from the golden:\ncompare: %s\ngolden:  %s", file, got, want.Bytes())
	}
}

// keptBack checks each param compare did not apply: polc settle, given it
// back, refuses the case, or gives the same result — so leaving it out
// never changed a figure the region would have taken.
func keptBack(ctx context.Context, t *testing.T, set *policy.Set, engine *settle.Engine, file string, data []byte, rc harness.RegionComparison, want []byte) {
	t.Helper()
	for i, nu := range rc.ParamsNotUsed {
		others := append(append([]harness.ParamNotUsed{}, rc.ParamsNotUsed[:i]...), rc.ParamsNotUsed[i+1:]...)
		got, err := settleMoved(ctx, set, engine, file, data, rc.Region, others)
		// Given back, a fixed number is given by the case rather than the
		// document: the parameters list says so, the figures may not move.
		if err == nil && !bytes.Equal(figures(t, got), figures(t, want)) {
			t.Errorf("%s in %s: params %s (%s) was not applied, but polc settle takes it and gives other figures", file, rc.Region, nu.Path, nu.Reason)
		}
	}
}

// figures is a result's JSON without its parameters list (who gave each
// number), to compare what was paid.
func figures(t *testing.T, result []byte) []byte {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(result, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "parameters")
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// settleMoved is polc settle on the case file rewritten for another region:
// its region: replaced, the params compare did not apply there deleted.
func settleMoved(ctx context.Context, set *policy.Set, engine *settle.Engine, file string, data []byte, region string, notUsed []harness.ParamNotUsed) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	root := doc.Content[0]
	mappingValue(root, "region").Value = region
	for _, nu := range notUsed {
		deletePath(mappingValue(root, "params"), strings.Split(nu.Path, "."))
	}
	moved, err := yaml.Marshal(&doc)
	if err != nil {
		return nil, err
	}
	cf, ds := casefile.Load(file, moved, set)
	if ds.HasErrors() {
		return nil, ds
	}
	res, err := engine.Settle(ctx, &cf.Case)
	if err != nil {
		return nil, err
	}
	return compactJSON(res)
}

// compactJSON is a result as polc settle prints it, without the indent.
func compactJSON(res *settle.Result) ([]byte, error) {
	out, err := harness.JSON(res)
	if err != nil {
		return nil, err
	}
	var compact bytes.Buffer
	err = json.Compact(&compact, out)
	return compact.Bytes(), err
}

func resultJSON(t *testing.T, res *settle.Result) []byte {
	t.Helper()
	if res == nil {
		return nil
	}
	out, err := compactJSON(res)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func mappingValue(m *yaml.Node, key string) *yaml.Node {
	for i := 0; m != nil && i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// deletePath deletes a param from a case's params mapping, its path given
// by segments (flow or block style alike).
func deletePath(m *yaml.Node, segs []string) {
	for i := 0; m != nil && i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != segs[0] {
			continue
		}
		if len(segs) == 1 {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
		deletePath(m.Content[i+1], segs[1:])
		return
	}
}
