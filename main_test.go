package main

import (
	"tuys/internal/testbin"

	"bytes"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"
)

func TestMain(m *testing.M) {
	code := m.Run()
	testbin.Cleanup()
	os.Exit(code)
}

// tuysBinary is the real binary, built once per test run.
func tuysBinary(t testing.TB) string { return testbin.Tuys(t) }

func freePort(t testing.TB) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// startTuys runs `tuys serve` and waits until it answers /healthz.
func startTuys(t testing.TB, addr, dataDir string, env ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(tuysBinary(t), "serve")
	cmd.Env = append(os.Environ(), append([]string{"TUYS_ADDR=" + addr, "TUYS_DATA_DIR=" + dataDir}, env...)...)
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get("http://" + addr + "/healthz"); err == nil {
			resp.Body.Close()
			return cmd
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("tuys never answered /healthz:\n%s", logs.String())
	return nil
}

// A report acknowledged with 201 survives kill -9 of the process.
func TestReportSurvivesKill(t *testing.T) {
	addr, dir := freePort(t), t.TempDir()
	cmd := startTuys(t, addr, dir)
	body := `{"kind":"seek","person":{"full_name":"Жумабаев Ерлан","birth_year":1985},"contact":{"phone":"8 701 123 45 67"}}`
	resp, err := http.Post("http://"+addr+"/api/v1/reports", "application/json", bytes.NewBufferString(body))
	if err != nil {
		t.Fatal(err)
	}
	var created struct{ ID string }
	json.NewDecoder(resp.Body).Decode(&created)
	resp.Body.Close()
	if resp.StatusCode != 201 || created.ID == "" {
		t.Fatalf("post: %d %+v", resp.StatusCode, created)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	startTuys(t, addr, dir)
	resp, err = http.Get("http://" + addr + "/api/v1/reports/" + created.ID)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("report lost after kill -9: HTTP %d", resp.StatusCode)
	}
}

// SIGTERM finishes in-flight requests and exits 0.
func TestGracefulShutdown(t *testing.T) {
	addr := freePort(t)
	cmd := startTuys(t, addr, t.TempDir())
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v", err)
		}
	case <-time.After(25 * time.Second):
		t.Fatal("no exit within 25s of SIGTERM")
	}
}
