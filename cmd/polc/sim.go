package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/compiler/untrusted"
	"github.com/polc-dev/polc/policies"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/popgen"
	"github.com/polc-dev/polc/population"
	"github.com/polc-dev/polc/sim"
)

type simFlags struct {
	policies, golden, params, format, perPerson string
	against, policiesB                          string

	generate, region       string
	year, persons, samples int
	claimsPerPerson        float64
	seed                   uint64
}

// generateOnly are the flags that only --generate reads; runOnly those
// that only a run reads.
var (
	generateOnly = []string{"region", "year", "persons", "claims-per-person", "seed", "cases", "golden"}
	runOnly      = []string{"params", "per-person", "format", "against", "policies-b"}
)

func (c *cli) simCommand() *cobra.Command {
	var f simFlags
	cmd := &cobra.Command{
		Use:   "sim PERSONS.csv CLAIMS.csv | sim --generate OUTDIR --region R --year Y",
		Short: "a population's year through a region: totals per tier, funder and category, flags, out-of-pocket deciles (md or json)",
		Long: `Sim settles every person of a population (the population files of DESIGN.md:
PERSONS.csv and CLAIMS.csv, both sorted by person_id) through their region's
year and sums the figures exactly: totals per tier, the subsidy bill by rule
and funder, figures per category, how many persons each monitoring flag was
raised for, and the out-of-pocket distribution (nearest-rank deciles). md
(the default) is in Chinese for fund officers; json is for programs.

The files are streamed: memory does not grow with the population. --params
FILE.yaml gives open numbers (the shape of a case's params:) over the
region's params file. --per-person FILE.csv writes each person's figures,
the same as polc settle gives for that person as a case. A bad row is
reported at file:line:col, and nothing is printed from a population with a
problem (exit 1). A progress bar is shown on stderr when it is a terminal.

--generate OUTDIR writes a synthetic population of a region's year instead
(persons.csv, claims.csv, params.yaml with the open numbers the region
needs, and --cases N sample persons as case files in OUTDIR/cases),
the same for the same --seed.

--against REV (the policies folder at git revision REV, read as polc diff
reads it) or --policies-b DIR (another folder) is the version before a
change (变更前); --policies, ./policies or the embedded set is the version
after it (变更后). Each person is read once and settled under both, and
the report gives each total, funder and category before and after, how
many persons pay more or less out of pocket, and the persons whose figures
changed grouped by the changed rule (and clause) responsible, as polc diff
finds and attributes them. A change is not an error (exit 0); a version
that does not compile is 1; --against outside git or with an unknown
revision is bad usage (2).`,
		Args: func(cmd *cobra.Command, args []string) error {
			if f.generate != "" {
				if len(args) > 0 {
					return usagef("unexpected argument %q: --generate takes no files", args[0])
				}
				return nil
			}
			switch len(args) {
			case 0, 1:
				return usagef("want PERSONS.csv and CLAIMS.csv (or --generate OUTDIR)")
			case 2:
				return nil
			}
			return usagef("unexpected argument %q: sim takes PERSONS.csv and CLAIMS.csv", args[2])
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			fl := cmd.Flags()
			wrong, with := runOnly, "--generate"
			if f.generate == "" {
				wrong, with = generateOnly, "a run (it needs --generate)"
			}
			for _, name := range wrong {
				if fl.Changed(name) {
					return usagef("--%s does not go with %s", name, with)
				}
			}
			if f.generate != "" {
				return c.runGenerate(f)
			}
			return c.runSim(f, args[0], args[1])
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.policies, "policies", "", "policies folder `DIR` (default ./policies if present, else the embedded set)")
	fl.StringVar(&f.params, "params", "", "open numbers over the region's params file: `FILE.yaml`, the shape of a case's params:")
	fl.StringVar(&f.format, "format", "md", "output format: md or json")
	fl.StringVar(&f.perPerson, "per-person", "", "write each person's figures to `FILE.csv`")
	fl.StringVar(&f.against, "against", "", "compare with the policies folder at git revision `REV` (the version before a change)")
	fl.StringVar(&f.policiesB, "policies-b", "", "compare with the policies folder `DIR` (the version before a change)")
	fl.StringVar(&f.generate, "generate", "", "write a synthetic population into `OUTDIR` instead of running one")
	fl.StringVar(&f.region, "region", "", "--generate: the region `R`")
	fl.IntVar(&f.year, "year", 0, "--generate: the benefit year `Y`")
	fl.IntVar(&f.persons, "persons", 1000, "--generate: how many persons")
	fl.Float64Var(&f.claimsPerPerson, "claims-per-person", 3, "--generate: the mean number of claims a person has (Poisson)")
	fl.Uint64Var(&f.seed, "seed", 1, "--generate: the random seed")
	fl.IntVar(&f.samples, "cases", 0, "--generate: also write `N` persons, spread over the population, as case files in OUTDIR/cases")
	fl.StringVar(&f.golden, "golden", "", "--generate: golden cases folder `DIR` whose examples give open numbers, counties and the like (default ./golden if present, else the embedded set)")
	return cmd
}

func (c *cli) runSim(f simFlags, personsFile, claimsFile string) error {
	if f.format != "json" && f.format != "md" {
		return usagef("unknown --format %q (want md or json)", f.format)
	}
	pol, err := c.pickSource("policies", f.policies, policies.FS)
	if err != nil {
		return err
	}
	if f.against != "" || f.policiesB != "" {
		return c.runAgainst(f, pol, personsFile, claimsFile)
	}
	c.announce(pol)
	simMemory(c)
	// A run is the first person's region's year: that region is all there
	// is to compile (a tenth of a second where the whole set takes four).
	// Where the file's first row does not show it, everything is compiled
	// and the reader says what is wrong with the row.
	var regions []string
	if region := c.firstRegion(personsFile); region != "" {
		regions = []string{region}
	}
	set, err := c.compile(pol, compiler.Options{SkipExhaustive: true, Regions: regions})
	if err != nil {
		return err
	}
	over, err := c.runParams(f.params, set)
	if err != nil {
		return err
	}
	overrides := over[0]
	rd, claims, err := c.openPopulation(personsFile, claimsFile, set)
	if err != nil {
		return err
	}
	defer rd.Close()

	opts := sim.Options{}
	var perPerson *os.File
	if f.perPerson != "" {
		// Written beside its name and renamed when the run is whole: a
		// failed run leaves no partial file to be taken for a result.
		perPerson, err = os.CreateTemp(filepath.Dir(c.path(f.perPerson)), "."+filepath.Base(f.perPerson)+".*")
		if err != nil {
			return fmt.Errorf("--per-person: %w", unwrapPathError(err))
		}
		defer os.Remove(perPerson.Name())
		defer perPerson.Close()
		opts.PerPerson = perPerson
	}
	stop := c.progress(claims, rd.Reader)
	sm, problems, err := sim.Run(c.ctx, sim.Engine(set, overrides), set.CaseShape(), rd.Reader, opts)
	stop()
	switch {
	case err != nil:
		return err
	case len(problems) > 0:
		return c.report(problems)
	}
	if perPerson != nil {
		if err := perPerson.Close(); err != nil {
			return fmt.Errorf("--per-person: %w", err)
		}
		if err := os.Rename(perPerson.Name(), c.path(f.perPerson)); err != nil {
			return fmt.Errorf("--per-person: %w", unwrapPathError(err))
		}
	}
	if f.format == "json" {
		out, err := sim.JSON(sm)
		if err != nil {
			return err
		}
		c.stdout.Write(out)
		return nil
	}
	in := sim.Inputs{Persons: personsFile, Claims: claimsFile, Params: f.params, RegionParams: path.Join(pol.prefix, "params", sm.Region+".yaml")}
	if r, ok := set.Regions[sm.Region]; ok {
		in.Document, in.Area = documentTitle(r.Document), r.Document.Area
	}
	c.stdout.Write(sim.Markdown(set.CaseShape(), in, sm))
	return nil
}

// simMemory sets the collector for a run: a run allocates little a claim,
// but Rego's evaluation of each new context's plan allocates, and each
// collection scans the compiled policies (≈ 10 MB) again — at the default
// GOGC, a dozen collections take a fifth of a million claims' CPU.
// Collecting a fifth as often, with a soft limit on the heap well within
// the 100 MB a run of any size is held to, takes most of that away,
// unless the user has chosen with GOGC or GOMEMLIMIT. It is the process's
// setting: a run inside another process leaves it alone.
func simMemory(c *cli) {
	if !c.wholeProcess || c.getenv("GOGC") != "" || c.getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(simMemoryLimit)
}

// simMemoryLimit is the heap a run lets grow before it collects more
// often: with the runtime's own memory, a run's peak stays under 100 MB.
const simMemoryLimit = 64 << 20

func documentTitle(d policy.Document) string {
	if d.Number == "" || strings.Contains(d.Title, d.Number) {
		return d.Title
	}
	return d.Title + "（" + d.Number + "）"
}

// openPopulation opens the two population files and a reader over them,
// read against set; a file that cannot be opened is reported. It returns
// the claims file too, whose offset the progress bar follows.
func (c *cli) openPopulation(personsFile, claimsFile string, set *policy.Set) (*populationFiles, *os.File, error) {
	persons, err := openPopulationFile(c.path(personsFile))
	if err != nil {
		return nil, nil, c.report(diag.List{{Pos: diag.Position{File: personsFile}, Severity: diag.SeverityError, Message: "cannot read: " + err.Error(), Stage: population.Stage}})
	}
	claims, err := openPopulationFile(c.path(claimsFile))
	if err != nil {
		persons.Close()
		return nil, nil, c.report(diag.List{{Pos: diag.Position{File: claimsFile}, Severity: diag.SeverityError, Message: "cannot read: " + err.Error(), Stage: population.Stage}})
	}
	// The catalog names the regions left out of the compile too, should
	// the first person's be unknown.
	rd := population.NewReader(persons, personsFile, claims, claimsFile, set.Catalog())
	return &populationFiles{Reader: rd, files: [2]*os.File{persons, claims}}, claims, nil
}

// populationFiles is a reader with the files it reads, closed together.
type populationFiles struct {
	*population.Reader
	files [2]*os.File
}

func (p *populationFiles) Close() {
	for _, f := range p.files {
		f.Close()
	}
}

// runParams reads a run's --params file (none when file is ""), once, and
// loads it against each set: its overrides, set by set.
func (c *cli) runParams(file string, sets ...*policy.Set) ([][]cases.Override, error) {
	out := make([][]cases.Override, len(sets))
	if file == "" {
		return out, nil
	}
	data, display, err := c.readCaseFile(file)
	if err != nil {
		return nil, c.report(diag.List{{Pos: diag.Position{File: display}, Severity: diag.SeverityError, Message: "cannot read: " + err.Error(), Stage: casefile.Stage}})
	}
	for i, set := range sets {
		var ds diag.List
		if out[i], ds = casefile.LoadParams(display, data, set); ds.HasErrors() {
			return nil, c.report(ds)
		}
	}
	return out, nil
}

// firstRegion is the region of the persons file's first person, from
// its first 8 KiB; "" where they do not show it or the file cannot be
// read (openPopulation reports that).
func (c *cli) firstRegion(personsFile string) string {
	row, _ := c.firstRow(personsFile)
	return row.Region
}

// firstRow is the persons file's first row's region and year, from its
// first 8 KiB.
func (c *cli) firstRow(personsFile string) (population.Row, bool) {
	f, err := openPopulationFile(c.path(personsFile))
	if err != nil {
		return population.Row{}, false
	}
	defer f.Close()
	head := make([]byte, 8<<10)
	n, _ := io.ReadFull(f, head)
	return population.FirstRow(head[:n])
}

// openPopulationFile opens a population file: a regular file, as a case
// file must be (a device would never end); its size is what the progress
// bar counts to. There is no size limit: the reader holds a row at a time.
func openPopulationFile(name string) (*os.File, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if !st.Mode().IsRegular() {
		return nil, &untrusted.NotRegular{Kind: untrusted.Kind(st.Mode())}
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	return f, nil
}

func (c *cli) runGenerate(f simFlags) error {
	switch {
	case f.region == "":
		return usagef("--generate needs --region R")
	case f.year == 0:
		return usagef("--generate needs --year Y")
	case f.samples < 0:
		return usagef("--cases %d: want 0 or more", f.samples)
	}
	pol, gold, err := c.pickPoliciesAndGolden(f.policies, f.golden)
	if err != nil {
		return err
	}
	c.announce(pol, gold)
	set, err := c.compile(pol, compiler.Options{SkipExhaustive: true, Regions: []string{f.region}})
	if err != nil {
		return err
	}
	r, ok := set.Regions[f.region]
	if !ok {
		return usagef("unknown --region %q (the policy set has %s)", f.region, strings.Join(set.Catalog().RegionIDs(), ", "))
	}
	if !r.Document.HasYear(f.year) {
		return usagef("year %d is outside the years of %s (%s)", f.year, r.Document.Number, r.Document.YearsText())
	}
	examples := goldenCases(gold.fsys, gold.prefix, f.region, set)
	params, overrides, err := popgen.OpenParams(r, f.year, examples)
	if err != nil {
		return err
	}
	gen, err := popgen.New(set.CaseShape(), r, popgen.Options{Region: f.region, Year: f.year, Persons: f.persons, ClaimsPerPerson: f.claimsPerPerson, Seed: f.seed}, popgen.ExamplesOf(examples), overrides)
	if err != nil {
		return usageError{err}
	}
	// dir is where the files are written; f.generate names it in messages.
	dir := c.path(f.generate)
	if f.samples > 0 {
		if err := os.MkdirAll(filepath.Join(dir, "cases"), 0o777); err != nil {
			return unwrapPathError(err)
		}
	} else if err := os.MkdirAll(dir, 0o777); err != nil {
		return unwrapPathError(err)
	}
	header := fmt.Sprintf("Open numbers of %s %d for a synthetic population (polc sim --generate --seed %d):\n"+
		"each from the region's golden case named beside it, else polc check's stand-in.\n"+
		"Examples for a run, not published figures.", f.region, f.year, f.seed)
	if err := os.WriteFile(filepath.Join(dir, "params.yaml"), popgen.ParamsYAML(params, header), 0o666); err != nil {
		return unwrapPathError(err)
	}
	personsOut, err := os.Create(filepath.Join(dir, "persons.csv"))
	if err != nil {
		return unwrapPathError(err)
	}
	defer personsOut.Close()
	claimsOut, err := os.Create(filepath.Join(dir, "claims.csv"))
	if err != nil {
		return unwrapPathError(err)
	}
	defer claimsOut.Close()
	every := 0
	if f.samples > 0 {
		every = max(1, f.persons/f.samples)
	}
	var persons, claims, written int
	err = gen.Write(population.NewWriter(personsOut, claimsOut), func(id string, cs *cases.Case) error {
		persons++
		claims += len(cs.Claims)
		if every == 0 || (persons-1)%every != 0 || written == f.samples {
			return nil
		}
		written++
		return os.WriteFile(filepath.Join(dir, "cases", id+".yaml"), popgen.CaseYAML(cs, params, "人群样本 "+id), 0o666)
	})
	if err != nil {
		return err
	}
	if err := errors.Join(personsOut.Close(), claimsOut.Close()); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "%s %d: %d persons, %d claims in %s (persons.csv, claims.csv, params.yaml)", f.region, f.year, persons, claims, f.generate)
	if written > 0 {
		fmt.Fprintf(c.stdout, ", %d case files in %s", written, filepath.Join(f.generate, "cases"))
	}
	fmt.Fprintln(c.stdout)
	return nil
}

// goldenCases loads the region's golden cases, for the examples they give;
// one that does not load is passed over (polc test reports it).
func goldenCases(fsys fs.FS, prefix, region string, cat casefile.Catalog) []*cases.Case {
	names, _ := fs.Glob(fsys, region+"/*.yaml")
	var out []*cases.Case
	for _, name := range names {
		data, err := casefile.ReadFS(fsys, name)
		if err != nil {
			continue
		}
		if cf, ds := casefile.Load(path.Join(prefix, name), data, cat); !ds.HasErrors() {
			out = append(out, &cf.Case)
		}
	}
	return out
}
