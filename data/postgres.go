package data

import (
	"context"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // pgx as a database/sql driver
)

// A node's pool of PostgreSQL connections: at most pgMaxConns, of which
// pgMaxIdle are kept between bursts. Several nodes share the server's
// max_connections (100 by default): a node holding all sixteen idle left
// others, and the tests' several nodes, "too many clients".
const (
	pgMaxConns = 16
	pgMaxIdle  = 4
)

// OpenPostgres opens a PostgreSQL store shared by several tuys nodes.
func OpenPostgres(ctx context.Context, url string, seal *Sealer) (Store, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	// Idle connections: database/sql keeps two by default, and a burst of
	// searches logged in again for each one beyond; closed after five idle
	// minutes.
	db.SetMaxOpenConns(pgMaxConns)
	db.SetMaxIdleConns(pgMaxIdle)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	s := &sqlStore{w: db, r: db, reads: &sync.Map{}, seal: seal, now: func() time.Time { return time.Now().UTC() }, d: dialect{
		name: "postgres",
		// Sequence numbers are taken at insert, not at commit: without this a
		// tailer could read seq 11 before seq 10 commits and skip 10 forever.
		// The lock is held to commit, so events commit in sequence order.
		orderEvents:  pgOrderEvents,
		eventsInsert: pgEventsInsert(pgOrderEvents),
		skipLocked:   `FOR UPDATE SKIP LOCKED`,
		shareLock:    `FOR SHARE`,
		// Two-key advisory locks live apart from pgOrderEvents's one-key lock.
		lockRecipient: `SELECT pg_advisory_xact_lock(7503, hashtext($1))`,
		notifyOutbox:  `SELECT pg_notify('` + ChannelOutbox + `', '')`,
	}}
	if err := migrate(ctx, db, "postgres"); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	if err := s.checkKey(ctx); err != nil {
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

// PostgresStoredKey returns the encryption key an older tuys kept in the
// database itself (table tuys_settings), or nil when there is none. tuys
// no longer starts on such a key (a dump would decrypt itself); it is read
// only so that `tuys rotate-key` can move the data off it.
func PostgresStoredKey(ctx context.Context, url string) ([]byte, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("stored key: %w", err)
	}
	defer db.Close()
	var v string
	err = db.QueryRowContext(ctx, `SELECT value FROM tuys_settings WHERE name = 'secret_key'`).Scan(&v)
	var pgErr interface{ SQLState() string }
	switch {
	case errors.Is(err, sql.ErrNoRows), errors.As(err, &pgErr) && pgErr.SQLState() == "42P01": // no row, no table
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("stored key: %w", err)
	}
	return hex.DecodeString(v)
}

// PostgresDevKey returns the key kept in the database, making one when
// there is none: only for a cluster that serves nobody but this machine
// (every node on loopback), where there is no one to steal a dump from.
// Production nodes refuse to start without a key from outside.
func PostgresDevKey(ctx context.Context, url string) ([]byte, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("dev key: %w", err)
	}
	defer db.Close()
	for _, q := range []string{`CREATE TABLE IF NOT EXISTS tuys_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)`,
		`INSERT INTO tuys_settings (name, value) VALUES ('secret_key', $1) ON CONFLICT (name) DO NOTHING`} {
		args := []any{}
		if strings.Contains(q, "$1") {
			args = append(args, NewCode(32))
		}
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			return nil, fmt.Errorf("dev key: %w", err)
		}
	}
	return PostgresStoredKey(ctx, url)
}

// DropPostgresStoredKey deletes the key kept in the database, once the
// data is sealed under a key kept elsewhere.
func DropPostgresStoredKey(ctx context.Context, url string) error {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return fmt.Errorf("drop stored key: %w", err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `DELETE FROM tuys_settings WHERE name = 'secret_key'`); err != nil {
		return fmt.Errorf("drop stored key: %w", err)
	}
	return nil
}
