package main

import (
	"os"
	"runtime/debug"
	"strconv"
)

// Garbage collection defaults for a search service on a small machine.
// The live heap is small (the Bleve index is memory-mapped files; caches
// are bounded), so with Go's GOGC=100 the collector ran every few hundred
// queries and took one of two cores while it marked: search p99 at a
// million reports was 26 ms. With GOGC=1000 the soft memory limit is what
// normally triggers a collection, a few times per thousand queries (p99
// 12.0-14.5 ms; paired on one index: 12.5 against 13.8 with GOGC=400 and
// 11.5 with no collection at all).
// The GOGC and GOMEMLIMIT environment variables override both; `make
// bench` runs the benchmarks with the same values.
const (
	defaultGCPercent   = 1000
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

// goRuntimeSettings are the GOGC and GOMEMLIMIT that applyRuntimeDefaults
// leaves in effect, for the start-up log.
func goRuntimeSettings() (gcPercent, memoryLimit string) {
	gcPercent, memoryLimit = strconv.Itoa(defaultGCPercent), strconv.Itoa(defaultMemoryLimit>>20)+"MiB"
	if v := os.Getenv("GOGC"); v != "" {
		gcPercent = v + " (environment)"
	}
	if v := os.Getenv("GOMEMLIMIT"); v != "" {
		memoryLimit = v + " (environment)"
	}
	return gcPercent, memoryLimit
}
