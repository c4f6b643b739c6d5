package data

import (
	"context"
	"fmt"
	"log/slog"
	"time"
)

// DefaultAuditRetention is how long audit entries are kept (TUYS_AUDIT_RETENTION).
const DefaultAuditRetention = 365 * 24 * time.Hour

// PurgeResult counts what one retention pass removed.
type PurgeResult struct {
	Reports  int // expired reports reduced to placeholders
	Leftover int // notes and match explanations of removed reports
}

// Retainer is what a store offers beyond Store for retention; both SQL
// stores implement it.
type Retainer interface {
	// PurgeLeftovers deletes what RemoveReport leaves about removed reports
	// (notes, match explanations that quote names) and expired sessions, and
	// on SQLite checkpoints the WAL so the old page images leave the disk.
	PurgeLeftovers(ctx context.Context, now time.Time) (int, error)
}

var _ Retainer = (*sqlStore)(nil)

// Purge reduces every report that expired before now to a PFIF-style
// placeholder, cleans up after removed reports and deletes audit entries
// older than auditKeep (0 keeps them all).
func Purge(ctx context.Context, st Store, now time.Time, auditKeep time.Duration) (PurgeResult, error) {
	var res PurgeResult
	for {
		ids, err := st.ExpiredReports(ctx, now, 500)
		if err != nil {
			return res, fmt.Errorf("purge: %w", err)
		}
		for _, id := range ids {
			if err := st.RemoveReport(ctx, id); err != nil {
				return res, fmt.Errorf("purge report %s: %w", id, err)
			}
			res.Reports++
		}
		if len(ids) < 500 {
			break
		}
	}
	if r, ok := st.(Retainer); ok {
		n, err := r.PurgeLeftovers(ctx, now)
		res.Leftover = n
		if err != nil {
			return res, err
		}
	}
	if auditKeep > 0 {
		if err := st.PurgeAudit(ctx, now.Add(-auditKeep)); err != nil {
			return res, fmt.Errorf("purge: %w", err)
		}
	}
	return res, nil
}

// RunRetention purges at start and then every day until ctx ends; serve
// starts it in a goroutine. Several nodes may run it: every step is
// idempotent and RemoveReport on a removed report only rewrites a placeholder.
func RunRetention(ctx context.Context, st Store, log *slog.Logger, auditKeep time.Duration) {
	const every = 24 * time.Hour
	t := time.NewTimer(time.Minute) // let start-up (migrations, index catch-up) settle first
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		res, err := Purge(ctx, st, time.Now().UTC(), auditKeep)
		if err != nil && ctx.Err() == nil {
			log.Error("retention pass failed; retrying in an hour", "err", err)
			t.Reset(time.Hour)
			continue
		}
		log.Info("retention pass", "reports_purged", res.Reports, "leftovers_purged", res.Leftover)
		t.Reset(every)
	}
}

func (s *sqlStore) PurgeLeftovers(ctx context.Context, now time.Time) (int, error) {
	stmts := []struct {
		what, sql string
		args      []any
	}{
		{"notes", `DELETE FROM notes WHERE report_id IN (SELECT id FROM reports WHERE status = $1)`, []any{StatusRemoved}},
		{"match explanations", `UPDATE matches SET explanation = '', reason = '' WHERE (explanation <> '' OR reason <> '')
			AND (seek_id IN (SELECT id FROM reports WHERE status = $1) OR safe_id IN (SELECT id FROM reports WHERE status = $1))`,
			[]any{StatusRemoved}},
		// A removed report keeps its network's keyed tag for two days: the
		// daily count of a network's automatic matches must not start again
		// when a pumper deletes its pairs (an attacker's trial, 2026-12-07).
		{"network tags", `UPDATE reports SET filer_tag = '' WHERE status = $1 AND filer_tag <> '' AND updated_at < $2`,
			[]any{StatusRemoved, ms(now.Add(-48 * time.Hour))}},
		{"sessions", `DELETE FROM sessions WHERE expires_at < $1`, []any{ms(now)}},
	}
	total := 0
	for _, st := range stmts {
		r, err := s.w.ExecContext(ctx, st.sql, st.args...)
		if err != nil {
			return total, fmt.Errorf("purge %s: %w", st.what, err)
		}
		if st.what != "sessions" {
			n, _ := r.RowsAffected()
			total += int(n)
		}
	}
	if s.d.name == "sqlite" {
		// Old page images of purged rows live on in the WAL until a checkpoint
		// overwrites them; TRUNCATE empties the file.
		if _, err := s.w.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
			return total, fmt.Errorf("purge: checkpoint: %w", err)
		}
	}
	return total, nil
}
