// Package datatest opens real stores for other packages' tests: one helper
// instead of a copy in each package's _test.go files.
package datatest

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"tuys/data"
)

// Key is the fixed secret key of test stores.
var Key = []byte("0123456789abcdef0123456789abcdef")

// SQLite opens a real SQLite store in a temporary directory, closed when
// the test ends.
func SQLite(t testing.TB) data.Store {
	t.Helper()
	st, err := data.Open(context.Background(), data.Config{Dir: t.TempDir(), SecretKey: Key})
	if err != nil {
		t.Fatalf("open test store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// PostgresURL is the test database: TUYS_TEST_POSTGRES, else the local
// server scripts/test-deps.sh starts.
func PostgresURL() string {
	if u := os.Getenv("TUYS_TEST_POSTGRES"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
}

// PostgresSchema makes a fresh schema in the test database, dropped when
// the test ends, and returns a URL whose search_path is that schema; it
// skips, saying why, when the server is not reachable.
func PostgresSchema(t testing.TB) string {
	t.Helper()
	ctx := context.Background()
	admin, err := sql.Open("pgx", PostgresURL())
	if err == nil {
		err = admin.PingContext(ctx)
	}
	if err != nil {
		t.Skipf("SKIP: PostgreSQL not reachable at %s (%v); run scripts/test-deps.sh or set TUYS_TEST_POSTGRES", PostgresURL(), err)
	}
	schema := fmt.Sprintf("tuys_dt_%d", time.Now().UnixNano())
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.ExecContext(ctx, `DROP SCHEMA `+schema+` CASCADE`)
		admin.Close()
	})
	sep := "?"
	if strings.Contains(PostgresURL(), "?") {
		sep = "&"
	}
	return PostgresURL() + sep + "search_path=" + schema
}

// Postgres opens a real PostgreSQL store in a fresh schema (PostgresSchema).
func Postgres(t testing.TB) data.Store {
	t.Helper()
	st, err := data.Open(context.Background(), data.Config{DatabaseURL: PostgresSchema(t), SecretKey: Key})
	if err != nil {
		t.Fatalf("open test store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Each runs fn on a fresh SQLite store and a fresh PostgreSQL store.
func Each(t *testing.T, fn func(t *testing.T, st data.Store)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
}
