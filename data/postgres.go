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
		orderEvents: `SELECT pg_advisory_xact_lock(7502)`,
		skipLocked:  `FOR UPDATE SKIP LOCKED`,
		// Delivered at commit, and only if the transaction commits, so a
		// woken node always finds the rows. The payload is the last seq.
		notifyEvents: `SELECT pg_notify('` + ChannelEvents + `', currval(pg_get_serial_sequence('events', 'seq'))::text)`,
		notifyOutbox: `SELECT pg_notify('` + ChannelOutbox + `', '')`,
	}}
	if err := migrate(ctx, db, "postgres"); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	return s, nil
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
