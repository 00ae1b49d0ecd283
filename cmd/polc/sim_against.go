package main

import (
	"errors"
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/policydiff"
	"github.com/polc-dev/polc/population"
	"github.com/polc-dev/polc/sim"
)

// runAgainst is polc sim --against REV or --policies-b DIR: the
// population through the version before a change and the one after (pol).
func (c *cli) runAgainst(f simFlags, pol source, personsFile, claimsFile string) error {
	switch {
	case f.against != "" && f.policiesB != "":
		return usagef("--against and --policies-b both name the version before the change: give one")
	case f.perPerson != "":
		return usagef("--per-person does not go with --against or --policies-b")
	case strings.HasPrefix(f.against, "-"):
		return usagef("revision %q looks like a flag", f.against)
	}
	var before source
	var beforeName string
	if f.against != "" {
		if pol.dir == "" {
			return usagef("--against compares a policies folder with its history in git: run it where ./policies is, or give --policies DIR")
		}
		old, err := c.readRevision(pol.dir, f.against)
		switch {
		// Outside git there is no revision to name: the flag was misused.
		case errors.Is(err, errUnknownRevision), errors.Is(err, errNotGit):
			return usageError{err}
		case err != nil:
			return err
		}
		before = source{kind: "policies", fsys: old.fsys, prefix: pol.prefix, origin: fmt.Sprintf("%s at %s (%s)", pol.origin, f.against, old.commit[:min(12, len(old.commit))])}
		beforeName = f.against + ":" + path.Clean(pol.prefix)
	} else {
		var err error
		if before, err = c.pickSource("policies", f.policiesB, nil); err != nil {
			return err
		}
		beforeName = before.origin
	}
	c.announce(before, pol)
	beforeSet, afterSet, err := c.compileBoth(before, pol, compiler.Options{})
	if err != nil {
		return err
	}
	// A comparison needs the run's region and year in both versions: said
	// once, at the first person's row, rather than as every person's
	// settlement error.
	if ds := c.missingInVersions(personsFile, []*policy.Set{beforeSet, afterSet}, []string{beforeName, pol.origin}); ds != nil {
		return c.report(ds)
	}
	// The params file is read against each version: a version may have
	// added or dropped an open number.
	over, err := c.runParams(f.params, beforeSet, afterSet)
	if err != nil {
		return err
	}
	overB, overA := over[0], over[1]
	// The population is read by the version after the change: the one the
	// figures are reported for.
	rd, claims, err := c.openPopulation(personsFile, claimsFile, afterSet)
	if err != nil {
		return err
	}
	defer rd.Close()
	stop := c.progress(claims, rd.Reader)
	cmp, problems, err := sim.Against(c.ctx,
		sim.Engine(beforeSet, overB).(sim.Settler), sim.Engine(afterSet, overA).(sim.Settler),
		func(region string) *policydiff.RegionChanges {
			return policydiff.DetectRegion(region, beforeSet, afterSet)
		},
		afterSet.CaseShape(), rd.Reader, sim.Options{})
	stop()
	switch {
	case err != nil:
		return err
	case len(problems) > 0:
		return c.report(problems)
	}
	cmp.Before, cmp.After = beforeName, pol.origin
	if f.format == "json" {
		out, err := sim.AgainstJSON(cmp)
		if err != nil {
			return err
		}
		c.stdout.Write(out)
		return nil
	}
	in := sim.Inputs{Persons: personsFile, Claims: claimsFile, Params: f.params}
	if r, ok := afterSet.Regions[cmp.Region]; ok {
		in.Document, in.Area = documentTitle(r.Document), r.Document.Area
	}
	c.stdout.Write(sim.AgainstMarkdown(afterSet.CaseShape(), in, cmp))
	return nil
}

// missingInVersions says where the population's region or year (its first
// row's) is in one version of the policies and not the other.
func (c *cli) missingInVersions(personsFile string, sets []*policy.Set, names []string) diag.List {
	row, ok := c.firstRow(personsFile)
	if !ok {
		return nil // the reader says what is wrong with the row
	}
	year, err := strconv.Atoi(row.Year)
	if err != nil {
		return nil
	}
	var has []string
	for i, set := range sets {
		if r, ok := set.Regions[row.Region]; ok && r.Document.HasYear(year) {
			has = append(has, names[i])
		}
	}
	if len(has) != 1 {
		return nil // in both (a comparison), or in neither (the reader says so)
	}
	var ds diag.List
	for i, set := range sets {
		which := [...]string{"before the change (变更前)", "after it (变更后)"}[i]
		r, ok := set.Regions[row.Region]
		switch {
		case !ok:
			ds.Errorf(population.Stage, diag.Position{File: personsFile, Line: 2, Col: row.RegionCol},
				"region %s is in %s but not in %s, the version %s (it has %s): a comparison needs the region in both",
				diag.Quote(row.Region), has[0], names[i], which, strings.Join(set.Catalog().RegionIDs(), ", "))
		case !r.Document.HasYear(year):
			ds.Errorf(population.Stage, diag.Position{File: personsFile, Line: 2, Col: row.YearCol},
				"year %d of %s is in %s but not in %s, the version %s (its document covers %s): a comparison needs the year in both",
				year, row.Region, has[0], names[i], which, r.Document.YearsText())
		}
	}
	return ds
}
