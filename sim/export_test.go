package sim

// FastRuns is how many runs the fast lane has summed in this process.
func FastRuns() int64 { return fastRuns.Load() }

// ScrubBlocks has the fast lane overwrite each block's text once it is
// summed, until the returned func is called.
func ScrubBlocks() func() {
	scrubBlocks = true
	return func() { scrubBlocks = false }
}
