//go:build linux

package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

func TestAnonymousMappings(t *testing.T) {
	maps := `00400000-00c00000 r-xp 00000000 fd:01 123 /usr/bin/tuys
c000000000-c004000000 rw-p 00000000 00:00 0
c004000000-c004100000 rw-p 00000000 00:00 0
7f0000100000-7f0000700000 rw-p 00000000 00:00 0
7f0000800000-7f0000c00000 rw-p 00000000 08:01 77 /data/tuys.db
7f0000c00000-7f0001000000 r--p 00000000 00:00 0
7ffd00000000-7ffd00800000 rw-p 00000000 00:00 0 [stack]
`
	got, err := anonymousMappings(strings.NewReader(maps))
	if err != nil {
		t.Fatal(err)
	}
	// The heap arena whole; the 6 MB mapping cut to its aligned 4 MB; not
	// the 1 MB one, the file, the read-only mapping or the stack.
	want := [][2]uintptr{{0xc000000000, 0xc004000000}, {0x7f0000200000, 0x7f0000600000}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("anonymousMappings = %x, want %x", got, want)
	}
	if _, err := anonymousMappings(strings.NewReader("zz-c0 rw-p 00000000 00:00 0\n")); err == nil {
		t.Error("a line that is no address range: no error")
	}
}

// TestHugePagesCollapsed: a buffer this process wrote whole is collapsed
// into huge pages, once; one written a page in eight is left on small
// pages (collapsing it would make its memory resident eight times over).
func TestHugePagesCollapsed(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(mode), "[never]") {
		t.Skipf("SKIP: transparent huge pages unavailable here (%q, %v)", mode, err)
	}
	dense, sparse := mapped(t, 32<<20), mapped(t, 32<<20)
	for i := 0; i < len(dense); i += smallPage {
		dense[i] = 1
	}
	for i := 0; i < len(sparse); i += 8 * smallPage {
		sparse[i] = 1
	}
	h := newHugePages()
	collapsed, err := h.collapse()
	if err != nil {
		t.Skipf("SKIP: this kernel refuses MADV_COLLAPSE (Linux 6.1 or later collapses): %v", err)
	}
	if collapsed < len(dense) {
		t.Errorf("collapsed %d MB, want at least the dense buffer's %d", collapsed>>20, len(dense)>>20)
	}
	start := uintptr(unsafe.Pointer(&dense[0]))
	for c := start; c < start+uintptr(len(dense)); c += hugePageSize {
		if !h.done[c] {
			t.Errorf("dense chunk %x not collapsed", c)
		}
	}
	start = uintptr(unsafe.Pointer(&sparse[0]))
	for c := start; c < start+uintptr(len(sparse)); c += hugePageSize {
		if h.done[c] {
			t.Errorf("sparse chunk %x collapsed", c)
		}
	}
	if again, _ := h.collapse(); again >= len(dense) {
		t.Errorf("second round collapsed %d MB again", again>>20)
	}
	if smaps, err := os.ReadFile("/proc/self/smaps_rollup"); err == nil && !hasHugePages(string(smaps)) {
		t.Errorf("collapsed %d MB but smaps_rollup shows no AnonHugePages:\n%s", collapsed>>20, smaps)
	}
}

// mapped maps size bytes of anonymous memory on a 2 MB boundary (as the
// heap's arenas are), unmapped at the end of the test.
func mapped(t testing.TB, size int) []byte {
	m, err := syscall.Mmap(-1, 0, size+hugePageSize, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Munmap(m) })
	off := (hugePageSize - int(uintptr(unsafe.Pointer(&m[0]))%hugePageSize)) % hugePageSize
	return m[off : off+size]
}

func hasHugePages(smaps string) bool {
	for _, l := range strings.Split(smaps, "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "AnonHugePages:" && f[1] != "0" {
			return true
		}
	}
	return false
}

// BenchmarkPageTouchAfterPause measures what TUYS_HUGE_PAGES is for: the
// time of a touch of a random page of 256 MB, after the process ran
// without pause or slept a second, on 4 KB and on 2 MB pages (`go test
// -run '^$' -bench PageTouch -benchtime 5x .`; ns/touch is the figure).
func BenchmarkPageTouchAfterPause(b *testing.B) {
	const size, touches = 256 << 20, 20000
	for _, huge := range []bool{false, true} {
		for _, pause := range []time.Duration{0, time.Second} {
			b.Run(fmt.Sprintf("huge=%v/pause=%v", huge, pause), func(b *testing.B) {
				buf := pagesOf(b, size, huge)
				rng := rand.New(rand.NewPCG(1, 2))
				sum := 0
				for b.Loop() {
					b.StopTimer()
					time.Sleep(pause)
					b.StartTimer()
					for range touches {
						sum += int(buf[rng.IntN(size)])
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*touches), "ns/touch")
				_ = sum
			})
		}
	}
}

// pagesOf maps size bytes on 4 KB pages or on huge pages and writes
// every page.
func pagesOf(b *testing.B, size int, huge bool) []byte {
	buf := mapped(b, size)
	if !huge {
		if err := syscall.Madvise(buf, 15); err != nil { // MADV_NOHUGEPAGE: small pages even where THP is always on
			b.Skipf("SKIP: madvise: %v", err)
		}
	}
	for i := 0; i < size; i += smallPage {
		buf[i] = byte(i)
	}
	if huge {
		if err := syscall.Madvise(buf, madvCollapse); err != nil {
			b.Skipf("SKIP: MADV_COLLAPSE: %v", err)
		}
	}
	return buf
}
