package data

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations
var migrationFiles embed.FS

// migrate applies the dialect's numbered migrations that are not yet recorded
// in schema_migrations, each in its own transaction.
func migrate(ctx context.Context, db *sql.DB, dialect string) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	dir := "migrations/" + dialect
	entries, err := fs.ReadDir(migrationFiles, dir)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		version, err := migrationVersion(e.Name())
		if err != nil {
			return fmt.Errorf("migrate: bad file name %s", e.Name())
		}
		body, err := migrationFiles.ReadFile(dir + "/" + e.Name())
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		if err := applyMigration(ctx, db, dialect, version, string(body)); err != nil {
			return fmt.Errorf("migrate %s: %w", e.Name(), err)
		}
	}
	return nil
}

// migrationVersion is the number a migration file's name starts with.
func migrationVersion(name string) (int, error) {
	return strconv.Atoi(strings.SplitN(name, "_", 2)[0])
}

// latestMigration is the highest migration version this binary carries for
// the dialect: a database past it was written by a newer tuys.
func latestMigration(dialect string) int {
	entries, _ := fs.ReadDir(migrationFiles, "migrations/"+dialect) // embedded: cannot fail
	latest := 0
	for _, e := range entries {
		if v, err := migrationVersion(e.Name()); err == nil && v > latest {
			latest = v
		}
	}
	return latest
}

func applyMigration(ctx context.Context, db *sql.DB, dialect string, version int, body string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if dialect == "postgres" {
		// Several nodes may start at once; one applies, the others wait.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7501)`); err != nil {
			return err
		}
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = $1`, version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	for _, stmt := range strings.Split(body, ";\n") {
		if strings.TrimSpace(stripComments(stmt)) == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, version); err != nil {
		return err
	}
	return tx.Commit()
}

func stripComments(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "--") {
			b.WriteString(line)
		}
	}
	return b.String()
}
