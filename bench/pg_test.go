package bench

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// pgAdminURL is the PostgreSQL the project's scripts bring up
// (scripts/test-deps.sh); the benchmark creates and drops its own database.
const pgAdminURL = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"

// The two ways a PostgreSQL user searches names with pg_trgm: trigram
// similarity on the name as written (GIN on lower(name)), and on an ICU
// romanization (the only off-the-shelf way across scripts), the query
// romanized the same way. `%` uses the GIN index (similarity ≥ 0.3).
const (
	pgRawQuery = `SELECT id, name FROM reports WHERE lower(name) % lower($1) ORDER BY similarity(lower(name), lower($1)) DESC LIMIT 10`
	pgICUQuery = `SELECT id, name FROM reports WHERE rom % $1 ORDER BY similarity(rom, $1) DESC LIMIT 10`
	uconvRule  = "Any-Latin; Latin-ASCII; Lower"
)

// pgDB is the benchmark's own database holding the corpus.
type pgDB struct{ conn *pgx.Conn }

// startPG skips the benchmark, saying why, when PostgreSQL or uconv is
// missing; else it creates a database (dropped at cleanup), loads the
// corpus with COPY and builds both GIN indexes.
func startPG(b *testing.B, ctx context.Context, c *corpus) *pgDB {
	if _, err := exec.LookPath("uconv"); err != nil {
		b.Skip("uconv not found (Debian's icu-devtools): run scripts/bench-deps.sh")
	}
	admin, err := pgx.Connect(ctx, pgAdminURL)
	if err != nil {
		b.Skipf("PostgreSQL not reachable at %s (%v): run scripts/bench-deps.sh", pgAdminURL, err)
	}
	name := fmt.Sprintf("tuys_bench_%d", os.Getpid())
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		admin.Close(ctx)
		b.Fatal(err)
	}
	b.Cleanup(func() {
		admin.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
		admin.Close(context.Background())
	})
	conn, err := pgx.Connect(ctx, strings.Replace(pgAdminURL, "/postgres?", "/"+name+"?", 1))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { conn.Close(context.Background()) })
	start := time.Now()
	if err := loadPG(ctx, conn, c); err != nil {
		b.Fatal(err)
	}
	b.Logf("pg: romanized, copied and indexed %d reports in %v", len(c.records), time.Since(start).Round(time.Millisecond))
	return &pgDB{conn: conn}
}

func loadPG(ctx context.Context, conn *pgx.Conn, c *corpus) error {
	names := make([]string, len(c.records))
	for i, r := range c.records {
		names[i] = r.report.FullName
	}
	roms, err := romanize(ctx, names)
	if err != nil {
		return err
	}
	for _, s := range []string{
		`CREATE EXTENSION IF NOT EXISTS pg_trgm`,
		`CREATE TABLE reports (id text PRIMARY KEY, name text NOT NULL, rom text NOT NULL)`,
	} {
		if _, err := conn.Exec(ctx, s); err != nil {
			return fmt.Errorf("pg schema: %w", err)
		}
	}
	rows := make([][]any, len(c.records))
	for i, r := range c.records {
		rows[i] = []any{r.report.ID, names[i], roms[i]}
	}
	if _, err := conn.CopyFrom(ctx, pgx.Identifier{"reports"}, []string{"id", "name", "rom"}, pgx.CopyFromRows(rows)); err != nil {
		return fmt.Errorf("pg copy: %w", err)
	}
	for _, s := range []string{
		`SET maintenance_work_mem = '256MB'`,
		`CREATE INDEX reports_name_trgm ON reports USING gin (lower(name) gin_trgm_ops)`,
		`CREATE INDEX reports_rom_trgm ON reports USING gin (rom gin_trgm_ops)`,
		`ANALYZE reports`,
	} {
		if _, err := conn.Exec(ctx, s); err != nil {
			return fmt.Errorf("pg index: %w", err)
		}
	}
	return nil
}

// romanize runs every name through one uconv process, a name a line.
func romanize(ctx context.Context, names []string) ([]string, error) {
	cmd := exec.CommandContext(ctx, "uconv", "-f", "utf-8", "-t", "utf-8", "-x", uconvRule)
	cmd.Stdin = strings.NewReader(strings.Join(names, "\n") + "\n")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("uconv: %w: %s", err, errOut.String())
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != len(names) {
		return nil, fmt.Errorf("uconv: %d lines in, %d out", len(names), len(lines))
	}
	return lines, nil
}

// search runs one of the two queries and returns the top 10.
func (p *pgDB) search(ctx context.Context, sql, q string) ([]hit, error) {
	rows, err := p.conn.Query(ctx, sql, q)
	if err != nil {
		return nil, err
	}
	var hits []hit
	for rows.Next() {
		var h hit
		if err := rows.Scan(&h.id, &h.name); err != nil {
			rows.Close()
			return nil, err
		}
		hits = append(hits, h)
	}
	rows.Close()
	return hits, rows.Err()
}
