package main

import (
	"bytes"
	"io"
	"net/http"
	"os/exec"
	"strings"
	"testing"
)

// The profiler answers on TUYS_PPROF_ADDR with a real CPU profile (gzipped
// protobuf), never on the public port, and a non-loopback address is
// refused at start.
func TestProfilerOnLoopbackOnly(t *testing.T) {
	addr, paddr := freePort(t), freePort(t)
	startTuys(t, addr, t.TempDir(), "TUYS_PPROF_ADDR="+paddr)
	resp, err := http.Get("http://" + paddr + "/debug/pprof/profile?seconds=1")
	if err != nil {
		t.Fatal(err)
	}
	prof, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.HasPrefix(prof, []byte{0x1f, 0x8b}) {
		t.Fatalf("CPU profile: %d, %d bytes starting %q", resp.StatusCode, len(prof), prof[:min(8, len(prof))])
	}
	if resp, err := http.Get("http://" + addr + "/debug/pprof/"); err != nil || resp.StatusCode != 404 {
		t.Fatalf("the profiler on the public port: %v %v", resp, err)
	}

	for _, bad := range []string{"0.0.0.0:6060", ":6060", "192.0.2.1:6060"} {
		cmd := exec.Command(tuysBinary(t), "serve")
		cmd.Env = append(cmd.Environ(), "TUYS_DATA_DIR="+t.TempDir(), "TUYS_ADDR="+freePort(t), "TUYS_PPROF_ADDR="+bad)
		out, err := cmd.CombinedOutput()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 || !strings.Contains(string(out), "loopback only") {
			t.Errorf("TUYS_PPROF_ADDR=%s: want exit 2 naming loopback, got %v:\n%s", bad, err, out)
		}
	}
}
