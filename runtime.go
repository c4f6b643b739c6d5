package main

import (
	"os"
	"runtime/debug"
)

// Garbage collection defaults for a search service on a small machine.
// With Go's GOGC=100 and the small live heap of a Bleve index (most of it
// is memory-mapped files), the collector runs every few hundred queries
// and takes one of two cores while it marks, which is what set the search
// p99 at a million reports (26 ms, against 13.6-16.4 ms with these settings).
// A soft memory limit bounds what the larger growth allowance may cost.
// The GOGC and GOMEMLIMIT environment variables override both; `make
// bench` runs the benchmarks with the same values.
const (
	defaultGCPercent   = 400
	defaultMemoryLimit = 512 << 20
)

func applyRuntimeDefaults() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(defaultGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
}
