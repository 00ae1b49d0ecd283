package policy

// ValidatedHeld is how many answers Validate holds for the region.
func (r *Region) ValidatedHeld() int64 { return r.nValidated.Load() }

// MaxValidated is Validate's bound.
const MaxValidated = maxValidated

// LowerValidatedBound makes Validate's bound n until the test ends.
func LowerValidatedBound(t interface{ Cleanup(func()) }, n int64) {
	old := validatedBound
	validatedBound = n
	t.Cleanup(func() { validatedBound = old })
}
