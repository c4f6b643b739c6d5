package data

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// testKey is a fixed secret for tests only.
var testKey = []byte("0123456789abcdef0123456789abcdef")

// pgURL is the PostgreSQL the contract tests use when it is reachable.
func pgURL() string {
	if u := os.Getenv("TUYS_TEST_POSTGRES"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
}

// forEachStore runs fn against a fresh SQLite store and, when PostgreSQL is
// reachable, a fresh PostgreSQL schema: one contract, two implementations.
func forEachStore(t *testing.T, fn func(t *testing.T, s Store)) {
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		fn(t, openTestSQLite(t))
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		fn(t, openTestPostgres(t))
	})
}

func openTestSQLite(t testing.TB) Store {
	seal, _ := NewSealer(testKey)
	s, err := OpenSQLite(context.Background(), t.TempDir(), seal)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// openTestPostgres opens a store in a new schema of the test database and
// drops the schema afterwards; it skips, saying why, when PostgreSQL is not
// reachable.
func openTestPostgres(t testing.TB) Store {
	ctx := context.Background()
	admin, err := sql.Open("pgx", pgURL())
	if err == nil {
		err = admin.PingContext(ctx)
	}
	if err != nil {
		t.Skipf("SKIP: PostgreSQL not reachable at %s (%v); start it with .ci/run or set TUYS_TEST_POSTGRES", pgURL(), err)
	}
	schema := fmt.Sprintf("tuys_t_%d", time.Now().UnixNano())
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.ExecContext(ctx, `DROP SCHEMA `+schema+` CASCADE`)
		admin.Close()
	})
	seal, _ := NewSealer(testKey)
	sep := "?"
	if strings.Contains(pgURL(), "?") {
		sep = "&"
	}
	s, err := OpenPostgres(ctx, pgURL()+sep+"search_path="+schema, seal)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func sampleReport(kind Kind, name, phone string) *Report {
	return &Report{Kind: kind, FullName: name, BirthYear: 1985, City: "Алматы", ContactName: "Айгуль",
		ContactPhone: phone, Relation: "sister", Language: "ru", Channel: ChannelAPI}
}
