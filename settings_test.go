package main

import (
	"bytes"
	"flag"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var settingName = regexp.MustCompile(`TUYS_[A-Z0-9_]*[A-Z0-9]\b`)

// TestEverySettingReadIsInTheTable greps the non-test source for TUYS_*
// names: a variable read anywhere must be documented in settingsTable.
func TestEverySettingReadIsInTheTable(t *testing.T) {
	inTable := map[string]bool{}
	for _, s := range settingsTable {
		if inTable[s.env] {
			t.Errorf("%s is in the table twice", s.env)
		}
		inTable[s.env] = true
	}
	used := map[string]string{}
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		src, err := os.ReadFile(p)
		for _, m := range settingName.FindAllString(string(src), -1) {
			if !strings.HasPrefix(m, "TUYS_TEST_") && !strings.HasPrefix(m, "TUYS_BENCH_") { // they configure tests and benchmarks, not tuys
				used[m] = p
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(used) < 20 {
		t.Fatalf("found only %d TUYS_ names in the source: is the walk broken?", len(used))
	}
	for name, file := range used {
		if !inTable[name] {
			t.Errorf("%s (read in %s) is missing from settingsTable", name, file)
		}
	}
}

// TestReadmeListsEverySetting keeps the README's configuration table true.
func TestReadmeListsEverySetting(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{}
	for _, line := range strings.Split(string(readme), "\n") {
		if strings.HasPrefix(line, "| `TUYS_") {
			for _, m := range settingName.FindAllString(strings.SplitN(line, "|", 3)[1], -1) {
				documented[m] = true
			}
		}
	}
	for _, s := range settingsTable {
		if !documented[s.env] {
			t.Errorf("README's configuration table does not list %s", s.env)
		}
	}
}

// TestServeHelpAndStartupLogShowEverySetting: `tuys serve -h` names every
// setting, and the start-up log shows each with its effective value.
func TestServeHelpAndStartupLogShowEverySetting(t *testing.T) {
	var help bytes.Buffer
	if code := serveCmd([]string{"-h"}, &help, &help); code != 0 {
		t.Fatalf("serve -h exited %d", code)
	}
	for _, s := range settingsTable {
		if !strings.Contains(help.String(), "(env "+s.env+")") {
			t.Errorf("serve -h does not show %s", s.env)
		}
	}

	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	sf := addStoreFlags(fs)
	sf.cfg.useAll(fs, "TUYS_ADDR", "TUYS_HOTLINE", "TUYS_RATE_SMS_IN")
	sms := addNotifyFlags(&sf.cfg, fs)
	t.Setenv("TUYS_SECRET_KEY", strings.Repeat("ab", 32))
	t.Setenv("TUYS_HOTLINE", "1414")
	if err := sf.cfg.parse(fs, []string{"-sms-daily-cap", "7"}); err != nil {
		t.Fatal(err)
	}
	sms.resolve()
	var logs bytes.Buffer
	sf.cfg.logSafe(slog.New(slog.NewTextHandler(&logs, nil)))
	for _, want := range []string{"TUYS_SECRET_KEY=set", "TUYS_SMS_DAILY_CAP=7", "TUYS_HOTLINE=1414", "TUYS_ADDR=:8080",
		"TUYS_TWILIO_TIMEOUT=15s", "TUYS_SMS_LEASE=1m30s", "TUYS_RATE_SMS_IN=30/h:10", "TUYS_DATABASE_URL=unset",
		"version=" + version, "GOMEMLIMIT="} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("start-up log lacks %s:\n%s", want, logs.String())
		}
	}
	if strings.Contains(logs.String(), strings.Repeat("ab", 32)) || strings.Contains(logs.String(), `=""`) {
		t.Errorf("start-up log shows a secret or an empty value:\n%s", logs.String())
	}
}

func TestVersionCommand(t *testing.T) {
	var out bytes.Buffer
	if code := versionCmd(nil, &out, &out); code != 0 || !strings.HasPrefix(out.String(), "tuys ") || !strings.Contains(out.String(), "go1.") {
		t.Fatalf("version: %d %q", code, out.String())
	}
	for _, flag := range []string{"--version", "-version"} { // what people type first; not a flag of serve
		if got, err := exec.Command(tuysBinary(t), flag).Output(); err != nil || string(got) != out.String() {
			t.Errorf("tuys %s: %q %v, want %q", flag, got, err, out.String())
		}
	}
}

// Help that was asked for goes to stdout, for every command.
func TestHelpOnStdout(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"serve", "-h"}, {"import", "--help"}, {"export", "-h"}, {"user", "add", "-h"}} {
		cmd := exec.Command(tuysBinary(t), args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil || !strings.Contains(string(out), "Usage") || stderr.Len() > 0 {
			t.Errorf("tuys %v: %v, stdout %d bytes with Usage: %v, stderr %q", args, err, len(out), strings.Contains(string(out), "Usage"), stderr.String())
		}
	}
}

// TestBadSettingsStopTheStart: a value a setting cannot take stops serve
// with what to write, before anything opens: "false" had left the public
// search on, and a public URL without its scheme made dead private links
// (a new user's trial, 2026-12-07).
func TestBadSettingsStopTheStart(t *testing.T) {
	t.Setenv("TUYS_DATA_DIR", t.TempDir())
	for _, tc := range []struct{ env, value, says string }{
		{"TUYS_PUBLIC_SEARCH", "false", "write on or off"},
		{"TUYS_PUBLIC_URL", "tuys.kz", "https://"},
		{"TUYS_HOTLINE", "", "the number people call"},
		{"TUYS_LOG_LEVEL", "verbose", "debug, info, warn or error"},
		{"TUYS_ADDR", ":99999", "0 to 65535"},
		{"TUYS_METRICS_ADDR", "9090", "a host and a port"},
		{"TUYS_TIMEZONE", "+123", "+05:00"},
		{"TUYS_HUGE_PAGES", "yes", "write on or off"},
	} {
		t.Run(tc.env, func(t *testing.T) {
			t.Setenv(tc.env, tc.value)
			code, _, stderr := runCmd(t, serveCmd)
			if code != 2 || !strings.Contains(stderr, tc.env) || !strings.Contains(stderr, tc.says) {
				t.Errorf("%s=%q: exit %d, %q; want 2 naming it and saying %q", tc.env, tc.value, code, stderr, tc.says)
			}
		})
	}
	for _, ok := range [][2]string{{"TUYS_PUBLIC_URL", "https://tuys.kz/"}, {"TUYS_HOTLINE", "+7 (727) 000-00-00"}, {"TUYS_ADDR", "127.0.0.1:0"}} {
		if err := settingFor(ok[0]).check(ok[1]); err != nil {
			t.Errorf("%s=%q refused: %v", ok[0], ok[1], err)
		}
	}
}
