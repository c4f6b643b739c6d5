package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
)

// BackupInfo describes a database copy made by BackupSQLite or put back by
// RestoreSQLite, for the operator to compare with what they expect.
type BackupInfo struct {
	Reports int   // rows in reports
	Schema  int   // highest applied migration
	Bytes   int64 // size of the copy
}

// ErrDataDirNotEmpty is returned by RestoreSQLite for a directory that
// already holds something: a restore never mixes with or replaces live data.
var ErrDataDirNotEmpty = errors.New("data directory is not empty")

// BackupSQLite writes a consistent copy of the SQLite database in dir to
// dest while `tuys serve` may be writing to it. VACUUM INTO reads one
// snapshot (WAL readers never block the writer), so the copy never mixes
// two moments the way copying tuys.db, tuys.db-wal and tuys.db-shm can. The
// copy is written 0600 beside dest and renamed over it only once it is
// complete and verified. The secret key is a separate file and never copied.
func BackupSQLite(ctx context.Context, dir, dest string) (BackupInfo, error) {
	src := filepath.Join(dir, SQLiteFile)
	if _, err := os.Stat(src); err != nil {
		return BackupInfo{}, fmt.Errorf("backup: no database: %w", err)
	}
	if isLiveFile(dest, sqliteFiles(src)) {
		return BackupInfo{}, fmt.Errorf("backup: %s is the live database, not a place for its copy", dest)
	}
	// VACUUM INTO accepts an empty file, so the copy is born with mode 0600.
	tmp, err := os.CreateTemp(filepath.Dir(dest), ".tuys-backup-*")
	if err != nil {
		return BackupInfo{}, fmt.Errorf("backup: %w", err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpPath) // after the rename it no longer exists
	db, err := sql.Open("sqlite", sqliteDSN(src, "rw")+"&_pragma=busy_timeout(10000)")
	if err != nil {
		return BackupInfo{}, fmt.Errorf("backup: open %s: %w", src, err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `VACUUM INTO $1`, tmpPath); err != nil {
		return BackupInfo{}, fmt.Errorf("backup: copy %s: %w", src, err)
	}
	info, err := inspectCopy(ctx, tmpPath)
	if err != nil {
		return BackupInfo{}, fmt.Errorf("backup: the copy does not check out: %w", err)
	}
	if err := syncAndRename(tmpPath, dest); err != nil {
		return BackupInfo{}, fmt.Errorf("backup: %w", err)
	}
	return info, nil
}

// isLiveFile reports whether path names one of the database's own files:
// renaming a copy over it would replace the live database.
func isLiveFile(path string, live []string) bool {
	abs, _ := filepath.Abs(path)
	d, statErr := os.Stat(path)
	for _, l := range live {
		labs, _ := filepath.Abs(l)
		if abs == labs {
			return true
		}
		if li, err := os.Stat(l); err == nil && statErr == nil && os.SameFile(d, li) {
			return true
		}
	}
	return false
}

// RestoreSQLite puts a copy made by BackupSQLite into dir as its database.
// dir must be empty or absent; it is created 0700 and the database 0600.
// The search index is not restored: serve rebuilds it from the event log.
func RestoreSQLite(ctx context.Context, src, dir string) (BackupInfo, error) {
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		return BackupInfo{}, fmt.Errorf("restore into %s: %w (restore only into a new, empty directory)", dir, ErrDataDirNotEmpty)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return BackupInfo{}, fmt.Errorf("restore into %s: %w", dir, err)
	}
	info, err := inspectCopy(ctx, src)
	if err != nil {
		return BackupInfo{}, fmt.Errorf("restore: %s is not a usable tuys backup: %w", src, err)
	}
	if latest := latestMigration("sqlite"); info.Schema > latest {
		return BackupInfo{}, fmt.Errorf("restore: %s comes from a newer tuys (schema %d, this one knows %d): restore it with that version", src, info.Schema, latest)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return BackupInfo{}, fmt.Errorf("restore: %w", err)
	}
	tmpPath := filepath.Join(dir, "."+SQLiteFile+".restore")
	if err := copyFile(src, tmpPath); err != nil {
		os.Remove(tmpPath)
		return BackupInfo{}, fmt.Errorf("restore: %w", err)
	}
	if err := syncAndRename(tmpPath, filepath.Join(dir, SQLiteFile)); err != nil {
		os.Remove(tmpPath)
		return BackupInfo{}, fmt.Errorf("restore: %w", err)
	}
	return info, nil
}

// UndoRestore removes the database files a restore put into dir (and any
// that opening it since made), leaving dir as empty as RestoreSQLite found it.
func UndoRestore(dir string) error {
	for _, p := range sqliteFiles(filepath.Join(dir, SQLiteFile)) {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("undo restore: %w", err)
		}
	}
	return nil
}

// inspectCopy checks a database file without writing to it (immutable: no
// lock, no -wal or -shm beside a backup) and says what it holds.
func inspectCopy(ctx context.Context, path string) (BackupInfo, error) {
	st, err := os.Stat(path)
	if err != nil {
		return BackupInfo{}, err
	}
	db, err := sql.Open("sqlite", sqliteDSN(path, "ro")+"&immutable=1")
	if err != nil {
		return BackupInfo{}, err
	}
	defer db.Close()
	var check string
	if err := db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&check); err != nil {
		return BackupInfo{}, fmt.Errorf("integrity check: %w", err)
	}
	if check != "ok" {
		return BackupInfo{}, fmt.Errorf("integrity check: %s", check)
	}
	info := BackupInfo{Bytes: st.Size()}
	if err := db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&info.Schema); err != nil {
		return BackupInfo{}, fmt.Errorf("no tuys schema: %w", err)
	}
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM reports`).Scan(&info.Reports); err != nil {
		return BackupInfo{}, fmt.Errorf("no tuys schema: %w", err)
	}
	return info, nil
}

// sqliteDSN is a URI for the file at path in the given mode (rw: the file
// must exist; ro: read only).
func sqliteDSN(path, mode string) string {
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?mode=" + mode
}

// copyFile copies src to a new file dst created 0600.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// syncAndRename makes the file at tmp durable and then moves it to dst, so
// a crash leaves either the old dst or the complete new one.
func syncAndRename(tmp, dst string) error {
	if err := os.Chmod(tmp, 0o600); err != nil {
		return err
	}
	f, err := os.OpenFile(tmp, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, dst); err != nil {
		return err
	}
	d, err := os.Open(filepath.Dir(dst))
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
