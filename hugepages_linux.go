//go:build linux

package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Huge pages for the heap. A search walks name-key lists and per-report
// state spread over a few hundred MB at a million reports, and on a
// virtual machine the first touch of a 4 KB page after a pause costs a
// two-level page walk from memory: measured on the 2-core KVM of
// 2026-12-06 (a Go program touching random pages of 300 MB), 0.9-1.0 µs a
// page while busy, 8-12 µs after an idle second or more, and with 2 MB
// pages 0.5 and 1.8 µs. A node that serves a query every few hundred
// milliseconds is always "after a pause". Go asks for no huge pages itself
// (since Go 1.21.1), and where Linux gives them only on request
// (transparent_hugepage=madvise, the usual default) the heap gets none,
// so tuys asks: MADV_HUGEPAGE on its large anonymous mappings (the Go
// heap's arenas, SQLite's page cache), MADV_COLLAPSE once on what they
// already hold. The cost is resident memory in 2 MB steps.
const (
	madvHugePage     = 14 // MADV_HUGEPAGE
	madvCollapse     = 25 // MADV_COLLAPSE (Linux 6.1)
	hugePageSize     = 2 << 20
	hugeMappingMin   = 2 * hugePageSize // smaller mappings are stacks and runtime tables
	hugePagesRecheck = time.Minute      // the heap maps new arenas as it grows
)

// hugePages remembers the 2 MB chunks already advised and collapsed.
type hugePages struct{ done map[uintptr]bool }

// runHugePages advises at start, then each minute for what the heap has
// mapped since, until ctx ends. It logs the first round.
func runHugePages(ctx context.Context, log *slog.Logger) error {
	h := &hugePages{done: map[uintptr]bool{}}
	for first := true; ; first = false {
		advised, collapsed, err := h.advise()
		switch {
		case err != nil:
			log.Warn("huge pages: not asked for", "err", err)
			return nil // the service runs as well on 4 KB pages, only slower after a pause
		case first || advised > 0:
			log.Info("huge pages asked for", "new_mb", advised>>20, "collapsed_mb", collapsed>>20)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(hugePagesRecheck):
		}
	}
}

// advise asks for huge pages on the anonymous mappings' chunks not asked
// for yet and returns how many bytes it advised and collapsed.
func (h *hugePages) advise() (advised, collapsed int, err error) {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	ranges, err := anonymousMappings(f)
	if err != nil {
		return 0, 0, err
	}
	for _, r := range ranges {
		for c := r[0]; c+hugePageSize <= r[1]; c += hugePageSize {
			if h.done[c] {
				continue
			}
			h.done[c] = true
			if errno := madvise(c, hugePageSize, madvHugePage); errno != 0 {
				return advised, collapsed, fmt.Errorf("madvise(MADV_HUGEPAGE): %w", errno)
			}
			advised += hugePageSize
			// Best effort: a chunk that cannot be collapsed now (partly
			// unmapped, no free 2 MB page) is left to khugepaged.
			if madvise(c, hugePageSize, madvCollapse) == 0 {
				collapsed += hugePageSize
			}
		}
	}
	return advised, collapsed, nil
}

// anonymousMappings reads /proc/self/maps and returns the 2 MB-aligned
// interiors of the private, writable, anonymous mappings of at least
// hugeMappingMin.
func anonymousMappings(r io.Reader) ([][2]uintptr, error) {
	var out [][2]uintptr
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 5 || f[1] != "rw-p" || f[4] != "0" { // a sixth field names a file or [stack]
			continue
		}
		lo, hi, ok := strings.Cut(f[0], "-")
		start, err1 := strconv.ParseUint(lo, 16, 64)
		end, err2 := strconv.ParseUint(hi, 16, 64)
		if !ok || err1 != nil || err2 != nil {
			return nil, fmt.Errorf("/proc/self/maps: %q", sc.Text())
		}
		start = (start + hugePageSize - 1) &^ (hugePageSize - 1)
		end &^= hugePageSize - 1
		if end > start && end-start >= hugeMappingMin {
			out = append(out, [2]uintptr{uintptr(start), uintptr(end)})
		}
	}
	return out, sc.Err()
}

func madvise(addr, n uintptr, advice int) syscall.Errno {
	_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, addr, n, uintptr(advice))
	return errno
}
