package policy

// ValidatedHeld is how many answers Validate holds for the region.
func (r *Region) ValidatedHeld() int64 { return r.nValidated.Load() }

// MaxValidated is Validate's bound.
const MaxValidated = maxValidated
