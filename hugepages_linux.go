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
	"unsafe"
)

// Huge pages for the heap. A search walks name-key lists and per-report
// state spread over a few hundred MB at a million reports, and on a
// virtual machine the first touch of a 4 KB page after a pause costs a
// two-level page walk from memory: measured on the 2-core KVM of
// 2026-12-06 (BenchmarkPageTouchAfterPause), 0.75 µs a page while busy
// and 16.4 µs after an idle second, and with 2 MB pages 0.14 and 0.81 µs.
// A node that serves a query every few hundred milliseconds is always
// "after a pause". Go asks for no huge pages itself (since Go
// 1.21.1), and where Linux gives them only on request
// (transparent_hugepage=madvise, the usual default) the heap gets none.
// With TUYS_HUGE_PAGES=on (off by default: side by side at a million
// reports one run with it was not faster, see the README) tuys collapses
// the 2 MB chunks of its large anonymous mappings (the Go heap's
// arenas, SQLite's page cache) that are nearly all resident into huge
// pages (MADV_COLLAPSE). It does not set MADV_HUGEPAGE: then
// khugepaged would also fill sparse chunks, against Go's scavenger, and
// a node at a million reports grew from 0.87 to 1.24 GB resident.
const (
	madvCollapse     = 25 // MADV_COLLAPSE (Linux 6.1)
	hugePageSize     = 2 << 20
	smallPage        = 4096
	hugeMappingMin   = 2 * hugePageSize // smaller mappings are stacks and runtime tables
	denseEnough      = 496              // of a chunk's 512 small pages resident: collapsing adds at most 3%
	hugePagesRecheck = 30 * time.Second // the heap maps new arenas and fills chunks as it grows
)

// hugePages remembers the chunks already collapsed.
type hugePages struct {
	done map[uintptr]bool
	vec  []byte // mincore's answer for one chunk
}

func newHugePages() *hugePages {
	return &hugePages{done: map[uintptr]bool{}, vec: make([]byte, hugePageSize/smallPage)}
}

// runHugePages collapses at start, then every half minute what has
// become dense since, until ctx ends. It logs each round that collapsed.
func runHugePages(ctx context.Context, log *slog.Logger) error {
	h := newHugePages()
	for {
		collapsed, err := h.collapse()
		switch {
		case err != nil:
			log.Warn("huge pages: not collapsed", "err", err)
			return nil // the service runs as well on 4 KB pages, only slower after a pause
		case collapsed > 0:
			log.Info("huge pages: collapsed", "mb", collapsed>>20, "total_mb", len(h.done)*hugePageSize>>20)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(hugePagesRecheck):
		}
	}
}

// collapse turns the dense chunks not collapsed yet into huge pages and
// returns how many bytes it collapsed. A chunk the kernel cannot collapse
// now (no free 2 MB page) is tried again next round.
func (h *hugePages) collapse() (collapsed int, err error) {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	ranges, err := anonymousMappings(f)
	if err != nil {
		return 0, err
	}
	tried, refused := 0, syscall.Errno(0)
	for _, r := range ranges {
		for c := r[0]; c+hugePageSize <= r[1]; c += hugePageSize {
			if h.done[c] || h.resident(c) < denseEnough {
				continue
			}
			tried++
			switch errno := syscall3(syscall.SYS_MADVISE, c, hugePageSize, madvCollapse); errno {
			case 0:
				h.done[c] = true
				collapsed += hugePageSize
			case syscall.EINVAL, syscall.EPERM, syscall.ENOSYS:
				refused = errno
			}
		}
	}
	if len(h.done) == 0 && tried > 0 && refused != 0 {
		// Refused and never done: an older kernel, THP off, a system call filter.
		return 0, fmt.Errorf("madvise(MADV_COLLAPSE): %w", refused)
	}
	return collapsed, nil
}

// resident counts the small pages of the chunk at c in memory.
func (h *hugePages) resident(c uintptr) int {
	if syscall3(syscall.SYS_MINCORE, c, hugePageSize, uintptr(unsafe.Pointer(&h.vec[0]))) != 0 {
		return 0
	}
	n := 0
	for _, v := range h.vec {
		n += int(v & 1)
	}
	return n
}

func syscall3(trap, a1, a2, a3 uintptr) syscall.Errno {
	_, _, errno := syscall.Syscall(trap, a1, a2, a3)
	return errno
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
