package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// OpsSnapshot is what an operator watches, read from the store so every
// node of a cluster reports the same figures (api/metrics exposes it at
// scrape time). Counts are totals since the database was created; none of
// it is personal data.
type OpsSnapshot struct {
	Reports       map[KindChannel]int // reports by kind and channel
	Matches       map[string]int      // matches by state (Match* constants)
	Messages      map[string]int      // SMS by state (Msg* constants)
	MessageErrors map[int]int         // SMS by the provider's error code (0 left out)
	// OldestUnsent is when the oldest message still queued or sending was
	// created (zero: none): an outbox that stops moving shows here first.
	OldestUnsent time.Time
	// OldestReview is when the oldest match awaiting a volunteer was created (zero: none).
	OldestReview time.Time
	LastEventSeq int64 // the event log's head (a node's index lag is measured from it)
	// SentSince counts messages that left or may have left since the
	// snapshot's since (the hourly budget is spent by these, as CountSent).
	SentSince int
}

// KindChannel keys report counts.
type KindChannel struct{ Kind, Channel string }

// OpsSnapshot reads the operator's figures; SentSince counts from since.
func (s *sqlStore) OpsSnapshot(ctx context.Context, since time.Time) (OpsSnapshot, error) {
	snap := OpsSnapshot{Reports: map[KindChannel]int{}, Matches: map[string]int{}, Messages: map[string]int{}, MessageErrors: map[int]int{}}
	if err := s.scanCounts(ctx, `SELECT kind, channel, count(*) FROM reports GROUP BY kind, channel`, func(r *sql.Rows) error {
		var k KindChannel
		var n int
		err := r.Scan(&k.Kind, &k.Channel, &n)
		snap.Reports[k] = n
		return err
	}); err != nil {
		return snap, err
	}
	for _, q := range []struct {
		sql  string
		into map[string]int
	}{
		{`SELECT state, count(*) FROM matches GROUP BY state`, snap.Matches},
		{`SELECT state, count(*) FROM messages GROUP BY state`, snap.Messages},
	} {
		if err := s.countInto(ctx, q.into, "", q.sql); err != nil {
			return snap, fmt.Errorf("ops snapshot: %w", err)
		}
	}
	if err := s.scanCounts(ctx, `SELECT error_code, count(*) FROM messages WHERE error_code <> 0 GROUP BY error_code`, func(r *sql.Rows) error {
		var code, n int
		err := r.Scan(&code, &n)
		snap.MessageErrors[code] = n
		return err
	}); err != nil {
		return snap, err
	}
	return snap, s.opsScalars(ctx, &snap, since)
}

// opsScalars fills the snapshot's ages, the log's head and the sends since.
func (s *sqlStore) opsScalars(ctx context.Context, snap *OpsSnapshot, since time.Time) error {
	var unsent, review sql.NullInt64
	err := s.r.QueryRowContext(ctx, `SELECT
		(SELECT min(created_at) FROM messages WHERE state IN ($1, $2)),
		(SELECT min(created_at) FROM matches WHERE state = $3),
		(SELECT coalesce(max(seq), 0) FROM events),
		(SELECT count(*) FROM messages WHERE attempted_at >= $4 AND state IN `+sentStates+`)`,
		MsgQueued, MsgSending, MatchReview, ms(since)).Scan(&unsent, &review, &snap.LastEventSeq, &snap.SentSince)
	if err != nil {
		return fmt.Errorf("ops snapshot: %w", err)
	}
	snap.OldestUnsent, snap.OldestReview = fromMS(unsent.Int64), fromMS(review.Int64)
	return nil
}

// scanCounts runs a grouped count and hands each row to scan.
func (s *sqlStore) scanCounts(ctx context.Context, query string, scan func(*sql.Rows) error) error {
	rows, err := s.r.QueryContext(ctx, query)
	if err != nil {
		return fmt.Errorf("ops snapshot: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("ops snapshot: %w", err)
		}
	}
	return rows.Err()
}
