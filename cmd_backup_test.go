package main

import (
	"bytes"
	"encoding/hex"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runTuys runs a tuys command with TUYS_* settings in env and returns its
// exit code and combined output.
func runTuys(t *testing.T, env []string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(tuysBinary(t), args...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if cmd.ProcessState == nil {
		t.Fatalf("tuys %v: %v", args, err)
	}
	return cmd.ProcessState.ExitCode(), string(out)
}

// getBody GETs url and returns the status and body.
func getBody(t *testing.T, u string) (int, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// A backup taken while serve runs holds no key, and restored with the same
// key into an empty directory it serves the report again, searchable (the
// index is rebuilt); a wrong key, no key or a non-empty directory is refused.
func TestBackupRestoreServe(t *testing.T) {
	addr, dirA := freePort(t), t.TempDir()
	serveA := startTuys(t, addr, dirA)
	body := `{"kind":"seek","person":{"full_name":"Оспанов Нурлан","birth_year":1979,"city":"Тараз"},"contact":{"name":"Сауле","phone":"+7 701 555 66 77"}}`
	resp, err := http.Post("http://"+addr+"/api/v1/reports", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	id := between(string(b), `"id":"`, `"`)
	if resp.StatusCode != 201 || id == "" {
		t.Fatalf("post: %d %s", resp.StatusCode, b)
	}
	backup := filepath.Join(t.TempDir(), "tuys.backup")
	if code, out := runTuys(t, []string{"TUYS_DATA_DIR=" + dirA}, "backup", backup); code != 0 {
		t.Fatalf("backup while serving: exit %d: %s", code, out)
	}
	serveA.Process.Kill()
	serveA.Wait()
	if fi, err := os.Stat(backup); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup mode: %v %v", fi, err)
	}
	keyText, err := os.ReadFile(filepath.Join(dirA, "secret.key"))
	if err != nil {
		t.Fatal(err)
	}
	key, _ := hex.DecodeString(strings.TrimSpace(string(keyText)))
	raw, _ := os.ReadFile(backup)
	if len(key) < 32 || bytes.Contains(raw, bytes.TrimSpace(keyText)) || bytes.Contains(raw, key) {
		t.Fatalf("the backup holds the secret key (key %d bytes)", len(key))
	}
	keyFile := filepath.Join(t.TempDir(), "kept.key") // the key kept apart from the backup
	os.WriteFile(keyFile, keyText, 0o600)
	wrongKey := filepath.Join(t.TempDir(), "wrong.key")
	os.WriteFile(wrongKey, []byte(strings.Repeat("ab", 32)), 0o600)

	dirB := filepath.Join(t.TempDir(), "restored")
	busy := t.TempDir()
	os.WriteFile(filepath.Join(busy, "x"), nil, 0o600)
	for _, c := range []struct {
		name string
		env  []string
		want string
	}{
		{"non-empty dir", []string{"TUYS_DATA_DIR=" + busy, "TUYS_SECRET_KEY_FILE=" + keyFile}, "not empty"},
		{"no key", []string{"TUYS_DATA_DIR=" + dirB}, "TUYS_SECRET_KEY_FILE"},
		{"wrong key", []string{"TUYS_DATA_DIR=" + dirB, "TUYS_SECRET_KEY_FILE=" + wrongKey}, "wrong TUYS_SECRET_KEY"},
	} {
		code, out := runTuys(t, c.env, "restore", backup)
		if code != 1 || !strings.Contains(out, c.want) {
			t.Fatalf("restore, %s: exit %d, want 1 and %q in: %s", c.name, code, c.want, out)
		}
		if entries, _ := os.ReadDir(dirB); len(entries) != 0 {
			t.Fatalf("restore, %s: left %d file(s) in %s", c.name, len(entries), dirB)
		}
	}
	env := []string{"TUYS_DATA_DIR=" + dirB, "TUYS_SECRET_KEY_FILE=" + keyFile}
	if code, out := runTuys(t, env, "restore", backup); code != 0 || !strings.Contains(out, "restored 1 report") {
		t.Fatalf("restore: exit %d: %s", code, out)
	}
	if fi, err := os.Stat(dirB); err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("restored data dir mode: %v %v", fi, err)
	}
	serveB := startTuys(t, addr, dirB, "TUYS_SECRET_KEY_FILE="+keyFile)
	if code, page := getBody(t, "http://"+addr+"/api/v1/reports/"+id); code != 200 || !strings.Contains(page, "Оспанов") {
		t.Fatalf("restored report: %d %s", code, page)
	}
	waitReady(t, addr, env)
	if code, page := getBody(t, "http://"+addr+"/api/v1/search?q="+url.QueryEscape("Оспанов Нурлан")); code != 200 || !strings.Contains(page, id) {
		t.Fatalf("restored report not found by search (index not rebuilt): %d %s", code, page)
	}
	serveB.Process.Kill()
	serveB.Wait()
	if code, out := runTuys(t, []string{"TUYS_ADDR=" + addr}, "healthcheck", "-timeout", "2s"); code != 1 {
		t.Fatalf("healthcheck with serve stopped: exit %d, want 1: %s", code, out)
	}
}

// waitReady waits until `tuys healthcheck` reports the node at addr ready.
func waitReady(t *testing.T, addr string, env []string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		code, out := runTuys(t, append(env, "TUYS_ADDR="+addr), "healthcheck")
		if code == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("healthcheck never passed: exit %d: %s", code, out)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// between returns the text of s between the first from and the next to.
func between(s, from, to string) string {
	_, rest, ok := strings.Cut(s, from)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(rest, to)
	return v
}

func TestReadyzURL(t *testing.T) {
	for _, c := range []struct{ addr, want string }{
		{":8080", "http://127.0.0.1:8080/readyz"},
		{"0.0.0.0:9000", "http://127.0.0.1:9000/readyz"},
		{"[::]:8080", "http://[::1]:8080/readyz"},
		{"10.1.2.3:8080", "http://10.1.2.3:8080/readyz"},
		{"localhost:80", "http://localhost:80/readyz"},
		{"8080", ""},
	} {
		got, err := readyzURL(c.addr)
		if got != c.want || (err != nil) != (c.want == "") {
			t.Errorf("readyzURL(%q) = %q, %v; want %q", c.addr, got, err, c.want)
		}
	}
}
