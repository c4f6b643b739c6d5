package data

import (
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // pgx as a database/sql driver
)

// OpenPostgres opens a PostgreSQL store shared by several tuys nodes.
func OpenPostgres(ctx context.Context, url string, seal *Sealer) (Store, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	db.SetMaxOpenConns(16)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	s := &sqlStore{w: db, r: db, seal: seal, now: func() time.Time { return time.Now().UTC() }, d: dialect{
		name: "postgres",
		// Sequence numbers are taken at insert, not at commit: without this a
		// tailer could read seq 11 before seq 10 commits and skip 10 forever.
		// The lock is held to commit, so events commit in sequence order.
		orderEvents:  pgOrderEvents,
		eventsInsert: pgEventsInsert(pgOrderEvents),
		skipLocked:   `FOR UPDATE SKIP LOCKED`,
		// Two-key advisory locks live apart from pgOrderEvents's one-key lock.
		lockRecipient: `SELECT pg_advisory_xact_lock(7503, hashtext($1))`,
		notifyOutbox:  `SELECT pg_notify('` + ChannelOutbox + `', '')`,
	}}
	if err := migrate(ctx, db, "postgres"); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	s.group = newGroupCommit(s)
	return s, nil
}

// pgOrderEvents is the commit-order lock, taken just before a transaction
// inserts its events and held until it commits.
const pgOrderEvents = `SELECT pg_advisory_xact_lock(7502)`

// pgEventsInsert takes the lock, inserts one event per report id in order
// and notifies other nodes (delivered at commit, only if it commits; the
// payload is the last seq), all in one statement: the lock is then held
// for one round trip (COMMIT) instead of one per statement. nextval runs
// only for rows built after the lock's row exists, so after the lock.
// An empty lock is only for the tests' control run.
func pgEventsInsert(lock string) string {
	if lock == "" {
		lock = `SELECT NULL`
	}
	return `WITH ordered AS (` + lock + `),
		ins AS (INSERT INTO events (type, report_id, at)
			SELECT $1, u.id, $3 FROM ordered, unnest($2::text[]) WITH ORDINALITY AS u(id, n) ORDER BY u.n
			RETURNING seq)
		SELECT pg_notify('` + ChannelEvents + `', max(seq)::text) FROM ins`
}

// PostgresSharedKey returns the encryption key kept in the database itself,
// creating it on first use. It lets several nodes share one key with no
// setup; a stolen database dump then decrypts too, so production should set
// TUYS_SECRET_KEY on every node instead (the caller warns).
func PostgresSharedKey(ctx context.Context, url string) ([]byte, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("shared key: %w", err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS tuys_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)`); err != nil {
		return nil, fmt.Errorf("shared key: %w", err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO tuys_settings (name, value) VALUES ('secret_key', $1) ON CONFLICT (name) DO NOTHING`,
		NewCode(32)); err != nil {
		return nil, fmt.Errorf("shared key: %w", err)
	}
	var v string
	if err := db.QueryRowContext(ctx, `SELECT value FROM tuys_settings WHERE name = 'secret_key'`).Scan(&v); err != nil {
		return nil, fmt.Errorf("shared key: %w", err)
	}
	return hex.DecodeString(v)
}
