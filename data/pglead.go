package data

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
)

// matcherLockKey is the session advisory lock whose holder matches for the
// cluster (7501: migrations, 7502: event order).
const matcherLockKey = 7503

// leadCheck is how often a node tries to take the lock, and how often the
// holder checks that its connection (and so its lock) is alive.
const leadCheck = 2 * time.Second

// PGLeader elects the node that matches new reports for the cluster: the
// holder of a session advisory lock on a dedicated connection. Every node
// indexes every report, but judging each one on every node would multiply
// the matching CPU by the number of nodes. When the holder dies its session
// ends, PostgreSQL releases the lock and another node takes over from the
// store's MatchedThrough mark. Two nodes may both believe they lead for a
// moment (a connection that died silently); that costs duplicate work
// only, because matches and messages are idempotent.
type PGLeader struct {
	URL     string
	OnError func(error) // a connection failed; it retries (for logging)
	leading atomic.Bool
}

// Leading reports whether this node holds the lock now.
func (l *PGLeader) Leading() bool { return l.leading.Load() }

// Run tries for the lock and holds it until ctx ends; then it returns nil.
func (l *PGLeader) Run(ctx context.Context) error {
	for {
		err := l.holdOnce(ctx)
		l.leading.Store(false)
		if ctx.Err() != nil {
			return nil
		}
		if l.OnError != nil {
			l.OnError(err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(leadCheck):
		}
	}
}

// holdOnce connects, takes the lock when it is free and keeps checking the
// connection while it holds it; it returns when the connection fails.
func (l *PGLeader) holdOnce(ctx context.Context) error {
	conn, err := pgx.Connect(ctx, l.URL)
	if err != nil {
		return fmt.Errorf("matcher lock: connect: %w", err)
	}
	defer func() {
		closeCtx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		conn.Close(closeCtx) // ends the session: the lock goes with it
	}()
	t := time.NewTicker(leadCheck)
	defer t.Stop()
	for {
		if l.leading.Load() {
			if err := conn.Ping(ctx); err != nil {
				return fmt.Errorf("matcher lock: ping: %w", err)
			}
		} else {
			var got bool
			if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1)`, matcherLockKey).Scan(&got); err != nil {
				return fmt.Errorf("matcher lock: %w", err)
			}
			l.leading.Store(got)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}
