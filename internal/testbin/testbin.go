// Package testbin builds the real tuys binary for tests that run it as a
// user would (the main package's, cluster/ and e2e/): one build per test
// process, from the module root, removed by Cleanup.
package testbin

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

var (
	once sync.Once
	dir  string
	path string
	err  error
)

// Tuys returns the path of a tuys binary: TUYS_TEST_BIN when set (a binary
// built elsewhere), else one built now from the module root.
func Tuys(t testing.TB) string {
	t.Helper()
	if b := os.Getenv("TUYS_TEST_BIN"); b != "" {
		return b
	}
	once.Do(build)
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func build() {
	out, e := exec.Command("go", "env", "GOMOD").Output()
	root := filepath.Dir(strings.TrimSpace(string(out)))
	if e != nil || root == "." {
		err = fmt.Errorf("testbin: cannot find the module root: %v", e)
		return
	}
	if dir, err = os.MkdirTemp("", "tuys-test-bin-"); err != nil {
		return
	}
	path = filepath.Join(dir, "tuys")
	cmd := exec.Command("go", "build", "-o", path, ".")
	cmd.Dir = root
	if out, e := cmd.CombinedOutput(); e != nil {
		err = fmt.Errorf("go build: %v\n%s", e, out)
	}
}

// Cleanup removes the binary built for this process; call it from
// TestMain after m.Run.
func Cleanup() {
	if dir != "" {
		os.RemoveAll(dir)
	}
}

// PeakRSSMB is a running process's high-water resident set (VmHWM of
// /proc/PID/status) in MiB.
func PeakRSSMB(pid int) (float64, error) { return StatusMB(pid, "VmHWM") }

// StatusMB is one of the memory figures of /proc/PID/status (VmRSS,
// RssAnon: the heap and caches, RssFile: mapped files' pages) in MiB.
func StatusMB(pid int, key string) (float64, error) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, l := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(l, key+":"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kb / 1024, err
		}
	}
	return 0, fmt.Errorf("no %s in /proc/%d/status", key, pid)
}
