//go:build linux

package main

import (
	"os"
	"strings"
	"testing"
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

// TestHugePagesAdvised: a 64 MB buffer of this process is advised, and
// where the kernel gives huge pages on request its pages become huge.
func TestHugePagesAdvised(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(mode), "[never]") {
		t.Skipf("SKIP: transparent huge pages unavailable here (%q, %v)", mode, err)
	}
	buf := make([]byte, 64<<20)
	for i := range buf {
		buf[i] = 1
	}
	h := &hugePages{done: map[uintptr]bool{}}
	advised, collapsed, err := h.advise()
	if err != nil {
		t.Fatal(err)
	}
	if advised < 32<<20 {
		t.Errorf("advised %d MB, want at least the buffer's aligned 32", advised>>20)
	}
	if again, _, _ := h.advise(); again != 0 {
		t.Errorf("second round advised %d MB again", again>>20)
	}
	smaps, err := os.ReadFile("/proc/self/smaps_rollup")
	if err != nil {
		t.Skipf("SKIP: no smaps_rollup: %v", err)
	}
	if collapsed > 0 && !hasHugePages(string(smaps)) {
		t.Errorf("collapsed %d MB but smaps_rollup shows no AnonHugePages:\n%s", collapsed>>20, smaps)
	}
	t.Logf("advised %d MB, collapsed %d MB", advised>>20, collapsed>>20)
	buf[len(buf)-1] = 2 // keep buf alive to here
}

func hasHugePages(smaps string) bool {
	for _, l := range strings.Split(smaps, "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "AnonHugePages:" && f[1] != "0" {
			return true
		}
	}
	return false
}
