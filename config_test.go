package main

import (
	"bytes"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tuys/data"
)

// TestParseZone: TUYS_TIMEZONE takes an offset in the ways people write
// one, or a zone name; anything else is refused with what to write.
func TestParseZone(t *testing.T) {
	at := time.Date(2026, 1, 5, 20, 30, 0, 0, time.UTC)
	for _, tc := range []struct {
		in, want string // want: at, as a clock in the zone; "" = refused
	}{
		{"+05:00", "01:30"}, {"+5", "01:30"}, {"UTC+5", "01:30"}, {"+0530", "02:00"}, {"-03:30", "17:00"},
		{"Asia/Almaty", ""}, // only checked to load: its offset depends on the zone files' age
		{"Europe/Moscow", "23:30"}, {"", "20:30"}, {"UTC", "20:30"}, {"utc", "20:30"}, {"utc+05:00", "01:30"}, {"+14:00", "10:30"},
		{"+15:00", ""}, {"+14:59", ""}, {"+05:60", ""}, {"+05:75", ""}, {"+123", ""}, {"Local", ""}, {"Almaty", ""}, {"5", ""},
	} {
		loc, err := parseZone(tc.in)
		switch {
		case tc.in == "Asia/Almaty":
			if err != nil {
				t.Errorf("parseZone(%q): %v", tc.in, err)
			}
		case tc.want == "":
			if err == nil {
				t.Errorf("parseZone(%q) = %v, want an error", tc.in, loc)
			}
		case err != nil:
			t.Errorf("parseZone(%q): %v", tc.in, err)
		case at.In(loc).Format("15:04") != tc.want:
			t.Errorf("parseZone(%q): 20:30 UTC reads %s, want %s", tc.in, at.In(loc).Format("15:04"), tc.want)
		}
	}
}

// A command run on a data directory whose database is there but whose key
// is kept elsewhere (TUYS_SECRET_KEY given to serve) refuses, instead of
// making a new key that would seal what it writes for no node to read (a
// new user's trial, 2026-12-07). An empty directory gets its key, once.
func TestNoNewKeyBesideADatabase(t *testing.T) {
	dir := t.TempDir()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	first, err := loadSecretKey("", "", dir, true, quiet)
	if err != nil || len(first) != 32 {
		t.Fatalf("a new directory: %d bytes, %v", len(first), err)
	}
	again, err := loadSecretKey("", "", dir, true, quiet)
	if err != nil || !bytes.Equal(first, again) {
		t.Fatalf("the key made before was not kept: %v", err)
	}
	if err := os.Remove(filepath.Join(dir, "secret.key")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, data.SQLiteFile), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if key, err := loadSecretKey("", "", dir, true, quiet); err == nil || !strings.Contains(err.Error(), "TUYS_SECRET_KEY") {
		t.Fatalf("a database without its key: got a key of %d bytes, %v", len(key), err)
	}
	if _, err := os.Stat(filepath.Join(dir, "secret.key")); err == nil {
		t.Error("a new key was written beside the database")
	}
}
