package sim

// FastRuns is how many runs the fast lane has summed in this process.
func FastRuns() int64 { return fastRuns.Load() }
