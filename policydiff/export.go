package policydiff

import (
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle"
)

// RegionChanges is what differs in one region between two compiled
// versions, for a caller that settles its own cases (polc sim --against)
// and wants them grouped as polc diff groups its own: the same change
// detection, the same attribution.
type RegionChanges struct{ rc *regionChanges }

// DetectRegion finds what differs in region id between the sets (a region
// one of them lacks is a change of the whole region).
func DetectRegion(id string, before, after *policy.Set) *RegionChanges {
	return &RegionChanges{rc: detect(id, before.Regions[id], after.Regions[id])}
}

// Changes are the region's changes, in the order a reader meets them.
func (r *RegionChanges) Changes() []*Change { return r.rc.changes }

// Attribute compares a case's two settlements (errB and errA for a version
// that failed) and puts what changed down to the changes: the figures
// that differ, and the group — the changes they were put down to, none
// when nothing differs. Every figure of the results counts (polc diff's
// golden cases' scope).
func (r *RegionChanges) Attribute(before, after *settle.Result, errB, errA error) ([]FigureChange, []*Change) {
	o := compareCase(r.rc, before, after, errB, errA, scopeAll)
	return o.figures, o.group
}
