package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// A backup taken while reports are being written is one consistent moment:
// every report in the copy has its event, none is half there, the copy is
// 0600 without the key, and a restore of it opens with the same key only.
func TestBackupWhileWriting(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := Open(ctx, Config{Dir: dir, SecretKey: testKey})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var acked []string // ids acknowledged before the backup started
	for i := range 50 {
		r := sampleReport(KindSeek, fmt.Sprintf("Жумабаев Ерлан %d", i), "+77011234567")
		if err := st.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
		acked = append(acked, r.ID)
	}
	var stop atomic.Bool
	var wg sync.WaitGroup
	var written atomic.Int64
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; !stop.Load(); i++ {
				if err := st.CreateReport(ctx, sampleReport(KindSafe, fmt.Sprintf("Ким %d-%d", w, i), "+77017654321")); err != nil {
					t.Error(err)
					return
				}
				written.Add(1)
			}
		}()
	}
	for written.Load() < 20 { // the writers are running when the copy starts
		time.Sleep(time.Millisecond)
	}
	dest := filepath.Join(t.TempDir(), "tuys-backup.db")
	info, err := BackupSQLite(ctx, dir, dest)
	stop.Store(true)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(dest); err != nil || fi.Mode().Perm() != 0o600 || fi.Size() != info.Bytes {
		t.Fatalf("backup file: %v %v (info %+v)", fi.Mode(), err, info)
	}
	if info.Reports < len(acked) || info.Schema != latestMigration("sqlite") {
		t.Fatalf("backup info %+v, want >= %d reports and schema %d", info, len(acked), latestMigration("sqlite"))
	}
	raw, _ := os.ReadFile(dest)
	if bytes.Contains(raw, testKey) || bytes.Contains(raw, []byte("+77011234567")) {
		t.Fatal("the backup holds the key or a plaintext phone number")
	}
	copyDB, err := sql.Open("sqlite", sqliteDSN(dest, "ro")+"&immutable=1")
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	var orphans int
	if err := copyDB.QueryRow(`SELECT count(*) FROM reports WHERE id NOT IN (SELECT report_id FROM events)`).Scan(&orphans); err != nil || orphans != 0 {
		t.Fatalf("%d report(s) in the copy without their event (%v): not one consistent moment", orphans, err)
	}

	restored := filepath.Join(t.TempDir(), "restored")
	if _, err := RestoreSQLite(ctx, dest, restored); err != nil {
		t.Fatal(err)
	}
	checkPrivate(t, restored)
	rs, err := Open(ctx, Config{Dir: restored, SecretKey: testKey})
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	for _, id := range acked {
		if r, err := rs.GetReport(ctx, id); err != nil || r.ContactPhone != "+77011234567" {
			t.Fatalf("acknowledged report %s after restore: %+v %v", id, r, err)
		}
	}
	if n, err := VerifyKey(ctx, rs); err != nil || n == 0 {
		t.Fatalf("verify the right key: checked %d, %v", n, err)
	}
}

func TestVerifyKeyRejectsAnotherKey(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := Open(ctx, Config{Dir: dir, SecretKey: testKey})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := VerifyKey(ctx, st); err != nil || n != 0 {
		t.Fatalf("empty store: checked %d, %v", n, err)
	}
	if err := st.AddNote(ctx, &Note{ReportID: mustReport(t, st).ID, Status: NoteInfoSought, Text: "видели у вокзала"}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	// Another key does not even open the store: a command given it would
	// file reports no node can read (a new user's trial, 2026-12-07).
	if other, err := Open(ctx, Config{Dir: dir, SecretKey: []byte(strings.Repeat("x", 32))}); !errors.Is(err, ErrWrongKey) {
		if err == nil {
			other.Close()
		}
		t.Fatalf("another key opened the store: %v", err)
	}
}

func mustReport(t *testing.T, st Store) *Report {
	t.Helper()
	r := sampleReport(KindSeek, "Оспанов Нурлан", "+77015556677")
	if err := st.CreateReport(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestRestoreRefuses(t *testing.T) {
	ctx := context.Background()
	src := t.TempDir()
	st, err := Open(ctx, Config{Dir: src, SecretKey: testKey})
	if err != nil {
		t.Fatal(err)
	}
	mustReport(t, st)
	st.Close()
	good := filepath.Join(t.TempDir(), "good.db")
	if _, err := BackupSQLite(ctx, src, good); err != nil {
		t.Fatal(err)
	}
	for _, live := range []string{filepath.Join(src, SQLiteFile), filepath.Join(src, ".", SQLiteFile+"-wal")} {
		if _, err := BackupSQLite(ctx, src, live); err == nil || !strings.Contains(err.Error(), "live database") {
			t.Fatalf("backup onto %s: %v, want a refusal", live, err)
		}
	}
	os.Link(filepath.Join(src, SQLiteFile), filepath.Join(src, "hardlink.db"))
	if _, err := BackupSQLite(ctx, src, filepath.Join(src, "hardlink.db")); err == nil {
		t.Fatal("backup onto a hard link of the live database was not refused")
	}
	if live, err := Open(ctx, Config{Dir: src, SecretKey: testKey}); err != nil {
		t.Fatalf("the live database after refused backups: %v", err)
	} else {
		live.Close()
	}
	newer := filepath.Join(t.TempDir(), "newer.db")
	if _, err := BackupSQLite(ctx, src, newer); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", sqliteDSN(newer, "rw"))
	if err == nil {
		_, err = db.Exec(`INSERT INTO schema_migrations (version) VALUES (99999)`)
		db.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("not a database"), 0o600)
	busy := t.TempDir()
	os.WriteFile(filepath.Join(busy, "notes.txt"), []byte("keep me"), 0o600)

	for _, c := range []struct {
		name, src, dir, want string
	}{
		{"non-empty dir", good, busy, "not empty"},
		{"not a database", junk, filepath.Join(t.TempDir(), "d"), "not a usable tuys backup"},
		{"missing file", filepath.Join(t.TempDir(), "nope.db"), filepath.Join(t.TempDir(), "d"), "not a usable tuys backup"},
		{"newer schema", newer, filepath.Join(t.TempDir(), "d"), "newer tuys"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := RestoreSQLite(ctx, c.src, c.dir)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err %v, want %q", err, c.want)
			}
			entries, _ := os.ReadDir(c.dir)
			if c.dir != busy && len(entries) != 0 {
				t.Fatalf("a refused restore left %d file(s) in %s", len(entries), c.dir)
			}
		})
	}
	if b, _ := os.ReadFile(filepath.Join(busy, "notes.txt")); string(b) != "keep me" {
		t.Fatal("a refused restore touched the non-empty directory")
	}
	if _, err := RestoreSQLite(ctx, good, busy); !errors.Is(err, ErrDataDirNotEmpty) {
		t.Fatalf("want ErrDataDirNotEmpty, got %v", err)
	}
}

// The data directory is created 0700 and the database files 0600, and an
// older directory's world-readable database is narrowed when opened.
func TestDataFilesPrivate(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "fresh")
	st, err := Open(ctx, Config{Dir: dir, SecretKey: testKey})
	if err != nil {
		t.Fatal(err)
	}
	mustReport(t, st)
	checkPrivate(t, dir)
	st.Close()

	old := t.TempDir()
	os.WriteFile(filepath.Join(old, SQLiteFile), nil, 0o644) // an empty file is an empty SQLite database
	os.Chmod(filepath.Join(old, SQLiteFile), 0o644)
	st, err = Open(ctx, Config{Dir: old, SecretKey: testKey})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	mustReport(t, st)
	checkPrivateFiles(t, old) // the directory is the operator's: only tuys's own files are narrowed
}

// checkPrivate fails unless dir is 0700 and every database file in it 0600.
func checkPrivate(t *testing.T, dir string) {
	t.Helper()
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("data dir %s: %v %v", dir, fi.Mode(), err)
	}
	checkPrivateFiles(t, dir)
}

// checkPrivateFiles fails unless every database file in dir is 0600.
func checkPrivateFiles(t *testing.T, dir string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, SQLiteFile+"*"))
	if len(files) == 0 {
		t.Fatalf("no database files in %s", dir)
	}
	for _, f := range files {
		if fi, err := os.Stat(f); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v %v, want 0600", filepath.Base(f), fi.Mode().Perm(), err)
		}
	}
}
