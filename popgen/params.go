package popgen

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/policy"
)

// Param is an open number of the region given a value for the run, and
// where the value came from.
type Param struct {
	Path  string
	Value any // JSON-like, numbers as json.Number
	From  string
}

// OpenParams gives each parameter the region's params file leaves open
// for the year (open: true, with no value and nothing to fall back on) a
// value: the one a golden case of the region gives for it — of the same
// year first, then of any, the first by file name — else polc check's
// stand-in (a plain value of its type). The values are checked as a case's
// params are, so a population given them settles.
func OpenParams(r *policy.Region, year int, golden []*cases.Case) ([]Param, []cases.Override, error) {
	resolved, err := r.ParamsFor(year, nil)
	if err != nil {
		return nil, nil, err
	}
	standIns, err := r.ParamsWithStandIns(year)
	if err != nil {
		return nil, nil, err
	}
	byFile := slices.Clone(golden)
	slices.SortStableFunc(byFile, func(a, b *cases.Case) int {
		if (a.Year == year) != (b.Year == year) {
			if a.Year == year {
				return -1
			}
			return 1
		}
		return strings.Compare(a.File, b.File)
	})
	var out []Param
	for _, e := range r.Params.Entries {
		if !e.Open {
			continue
		}
		if _, ok := resolved.Resolved.Leaves[e.Path]; ok {
			continue
		}
		p := Param{Path: e.Path}
		for _, c := range byFile {
			if i := slices.IndexFunc(c.Overrides, func(o cases.Override) bool { return o.Path == e.Path }); i >= 0 {
				p.Value, p.From = c.Overrides[i].Value, c.File
				break
			}
		}
		if p.From == "" {
			leaf, ok := standIns.Resolved.Leaves[e.Path]
			if !ok {
				continue
			}
			p.Value, p.From = leaf.Value, "polc check's stand-in"
		}
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	overrides := make([]cases.Override, len(out))
	for i, p := range out {
		overrides[i] = cases.Override{Path: p.Path, Value: p.Value, Pos: diag.Position{File: "params.yaml"}}
	}
	if _, err := r.ParamsFor(year, overrides); err != nil {
		return nil, nil, fmt.Errorf("the open numbers chosen for %s %d do not hold: %w", r.ID, year, err)
	}
	return out, overrides, nil
}

// ParamsYAML writes params as a case's params: block is written, nested by
// path, each value with where it came from; {} when there are none.
func ParamsYAML(ps []Param, header string) []byte {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
		b.WriteString("# " + line + "\n")
	}
	if len(ps) == 0 {
		b.WriteString("{}\n")
		return []byte(b.String())
	}
	writeParams(&b, ps, "")
	return []byte(b.String())
}

// writeParams writes params nested, each level indented two more spaces.
func writeParams(b *strings.Builder, ps []Param, indent string) {
	var prev []string
	for _, p := range ps {
		segs := strings.Split(p.Path, ".")
		common := 0
		for common < len(prev)-1 && common < len(segs)-1 && prev[common] == segs[common] {
			common++
		}
		for i := common; i < len(segs)-1; i++ {
			fmt.Fprintf(b, "%s%s:\n", indent+strings.Repeat("  ", i), yamlKey(segs[i]))
		}
		last := len(segs) - 1
		fmt.Fprintf(b, "%s%s: %s   # %s\n", indent+strings.Repeat("  ", last), yamlKey(segs[last]), flow(p.Value), p.From)
		prev = segs
	}
}

// yamlKey quotes a key YAML would read as a number ("1", a hospital
// level).
func yamlKey(k string) string {
	for _, c := range k {
		if c < '0' || c > '9' {
			return k
		}
	}
	return `"` + k + `"`
}

// flow writes a JSON-like value in YAML's flow style, numbers as their
// text.
func flow(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case json.Number:
		return string(v)
	case bool:
		if v {
			return "true"
		}
		return "false"
	case string:
		b, _ := json.Marshal(v)
		return string(b)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = flow(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		// Bands read best as the documents write them: the end, then the
		// ratio.
		sort.Slice(keys, func(i, j int) bool {
			return keyRank(keys[i]) < keyRank(keys[j]) || keyRank(keys[i]) == keyRank(keys[j]) && keys[i] < keys[j]
		})
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = yamlKey(k) + ": " + flow(v[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func keyRank(k string) int {
	switch k {
	case "upto":
		return 0
	case "ratio":
		return 1
	}
	return 2
}

// CaseYAML writes a person's year as a case file (the case contract),
// with the run's params, so that `polc settle` can be run on it.
func CaseYAML(c *cases.Case, ps []Param, title string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "region: %s\ntitle: %s\nyear: %d\n", c.Region, flow(title), c.Year)
	if len(ps) > 0 {
		b.WriteString("params:\n")
		writeParams(&b, ps, "  ")
	}
	p := c.Person
	fmt.Fprintf(&b, "person:\n  categories: [%s]\n", strings.Join(p.Categories, ", "))
	if p.Age != nil {
		fmt.Fprintf(&b, "  age: %d\n", *p.Age)
	}
	fmt.Fprintf(&b, "  residence: %s\n", p.Residence)
	if p.County != "" {
		fmt.Fprintf(&b, "  county: %s\n", flow(p.County))
	}
	if p.ExitYear != nil {
		fmt.Fprintf(&b, "  exit_year: %d\n", *p.ExitYear)
	}
	fmt.Fprintf(&b, "enrollment: {tier: %s", c.Enrollment.Tier)
	if c.Enrollment.Date != "" {
		fmt.Fprintf(&b, ", date: %s", c.Enrollment.Date)
	}
	b.WriteString("}\n")
	if len(c.Claims) == 0 {
		b.WriteString("claims: []\n")
		return []byte(b.String())
	}
	b.WriteString("claims:\n")
	for _, cl := range c.Claims {
		fmt.Fprintf(&b, "  - {id: %s, date: %s, kind: %s, hospital_level: %s, referred: %t, total: %s, out_of_catalog: %s",
			flow(cl.ID), cl.Date, cl.Kind, cl.HospitalLevel, cl.Referred, cl.Total, cl.OutOfCatalog)
		if cl.BasicPaid != nil {
			fmt.Fprintf(&b, ", basic_paid: %s", *cl.BasicPaid)
		}
		if cl.Disease != "" {
			fmt.Fprintf(&b, ", disease: %s", flow(cl.Disease))
		}
		if cl.Uninsured {
			b.WriteString(", uninsured: true")
		}
		b.WriteString("}\n")
	}
	return []byte(b.String())
}
