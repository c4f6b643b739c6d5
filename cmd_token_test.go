package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func runCmd(t *testing.T, cmd command, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cmd(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestTokenCommands(t *testing.T) {
	t.Setenv("TUYS_DATA_DIR", t.TempDir())
	t.Setenv("TUYS_LOG_LEVEL", "error")
	steps := []struct {
		args     []string
		code     int
		wantOut  string
		wantNot  string
		wantErrs string
	}{
		{[]string{"add", "-name", "redcross", "-scope", "read,read_contacts"}, 0, "shown once", "", ""},
		{[]string{"add", "-name", "x", "-scope", "admin"}, 1, "", "", "unknown scope"},
		{[]string{"add", "-scope", "read"}, 1, "", "", "-name is required"},
		{[]string{"list"}, 0, "redcross  read,read_contacts  true", "tuys_", ""},
		{[]string{"revoke", "redcross"}, 0, "revoked 1 token", "", ""},
		{[]string{"revoke", "redcross"}, 1, "", "", "not found"},
		{[]string{"list"}, 0, "false", "", ""},
		{[]string{"frobnicate"}, 2, "", "", "unknown subcommand"},
	}
	for _, st := range steps {
		code, out, errs := runCmd(t, tokenCmd, st.args...)
		if code != st.code || !strings.Contains(out, st.wantOut) || !strings.Contains(errs, st.wantErrs) ||
			(st.wantNot != "" && strings.Contains(out, st.wantNot)) {
			t.Errorf("token %v: code %d\nstdout: %s\nstderr: %s", st.args, code, out, errs)
		}
	}
}

func TestPurgeCommand(t *testing.T) {
	t.Setenv("TUYS_DATA_DIR", t.TempDir())
	t.Setenv("TUYS_LOG_LEVEL", "error")
	if code, out, errs := runCmd(t, purgeCmd); code != 0 || !strings.Contains(out, "purged 0 expired report(s)") {
		t.Errorf("purge: %d %s %s", code, out, errs)
	}
	if code, _, errs := runCmd(t, purgeCmd, "-audit-retention", "soon"); code != 2 || !strings.Contains(errs, "TUYS_AUDIT_RETENTION") {
		t.Errorf("purge with a bad retention: %d %s", code, errs)
	}
}

func TestParseDays(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"", 365 * 24 * time.Hour, true},
		{"365d", 365 * 24 * time.Hour, true},
		{"30d", 30 * 24 * time.Hour, true},
		{"720h", 720 * time.Hour, true},
		{"0d", 0, false},
		{"-5d", 0, false},
		{"-1h", 0, false},
		{"year", 0, false},
	}
	for _, tt := range tests {
		got, err := parseDays(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseDays(%q) = %v, %v", tt.in, got, err)
		}
	}
}

func TestRotateKeyCommandReplacesGeneratedKey(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TUYS_DATA_DIR", dir)
	t.Setenv("TUYS_LOG_LEVEL", "error")
	if code, _, errs := runCmd(t, tokenCmd, "list"); code != 0 { // creates the store and secret.key
		t.Fatalf("list: %s", errs)
	}
	newKey := strings.Repeat("ab", 32) + "\n"
	keyFile := filepath.Join(t.TempDir(), "new.key")
	if err := os.WriteFile(keyFile, []byte(newKey), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runCmd(t, rotateKeyCmd); code != 1 || !strings.Contains(errs, "-new-key-file") {
		t.Errorf("without -new-key-file: %d %s", code, errs)
	}
	code, out, errs := runCmd(t, rotateKeyCmd, "-new-key-file", keyFile)
	if code != 0 || !strings.Contains(out, "replaced") {
		t.Fatalf("rotate-key: %d\n%s\n%s", code, out, errs)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "secret.key")); string(b) != newKey {
		t.Errorf("secret.key = %q, want the new key", b)
	}
}
