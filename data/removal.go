package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// RemoveReport keeps a PFIF-style placeholder (id, kind, dates) so copies
// elsewhere can be told to delete too; everything personal goes, here and
// in every place derived from it, in the same transaction: the names
// quoted in match explanations, the review queue, SMS texts in the outbox,
// consent requests, subscriptions and notes. The search index drops the
// report when the matcher sees report.removed. The audit keeps ids only.
func (s *sqlStore) RemoveReport(ctx context.Context, id string) error {
	if err := s.removeReport(ctx, id); err != nil {
		return err
	}
	return s.forgetOldPages(ctx)
}

// forgetOldPages checkpoints SQLite's WAL into the database and empties
// it: until then the removed rows' old page images (a name, a city) lay
// in the WAL and in the database's own old pages, in the clear, until the
// daily purge (attacker trial, 2026-12-06). secure_delete has the
// checkpoint write zeros over them. PostgreSQL's dead tuples go with its
// own vacuum.
func (s *sqlStore) forgetOldPages(ctx context.Context) error {
	if s.d.name != "sqlite" {
		return nil
	}
	if _, err := s.w.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return fmt.Errorf("remove report: checkpoint: %w", err)
	}
	return nil
}

func (s *sqlStore) removeReport(ctx context.Context, id string) error {
	return s.inTx(ctx, "remove report", func(tx *sql.Tx) error {
		err := s.updateReportTx(ctx, tx, EventReportRemoved, id,
			`full_name = '', given_name = '', family_name = '', patronymic = '', alt_names = '[]', sex = '',
			birth_year = 0, city = '', region = '', country = '', last_location_enc = '', description = '',
			contact_name_enc = '', contact_phone_enc = '', contact_phone_hash = '', relation = '',
			sought_phone_enc = '', sought_phone_hash = '', private_hash = '',
			source_name = '', deletion_hash = '', status = $1`, StatusRemoved)
		if err != nil {
			return err
		}
		return s.scrubDerived(ctx, tx, id)
	})
}

// scrubDerived removes a removed report's personal data from what was
// derived from it. A match waiting for review leaves the queue (rejected,
// "report removed"); SMS not yet sent about it are suppressed; the texts
// of those sent are queued for the provider to forget (redactions).
func (s *sqlStore) scrubDerived(ctx context.Context, tx *sql.Tx, id string) error {
	now := ms(s.now())
	ofReport := `(SELECT id FROM matches WHERE seek_id = $1 OR safe_id = $1)`
	stmts := []struct {
		what, sql string
		args      []any
	}{
		// Before the texts go here, the provider's copies are queued to go too.
		{"redactions", `INSERT INTO redactions (sid, created_at) SELECT DISTINCT provider_sid, CAST($2 AS BIGINT) FROM messages
			WHERE (report_id = $1 OR match_id IN ` + ofReport + `) AND ` + providerKeepsText + ` ON CONFLICT (sid) DO NOTHING`,
			[]any{id, now}},
		{"messages", `UPDATE messages SET body_enc = '', to_enc = CASE WHEN report_id = $1 THEN '' ELSE to_enc END,
			state = CASE WHEN state = $2 THEN $3 ELSE state END, updated_at = $4
			WHERE report_id = $1 OR match_id IN ` + ofReport, []any{id, MsgQueued, MsgSuppressed, now}},
		{"consents", `DELETE FROM consents WHERE match_id IN ` + ofReport, []any{id}},
		{"matches", `UPDATE matches SET explanation = '[]',
			reason = CASE WHEN state = $2 THEN $3 ELSE '' END,
			decided_by = CASE WHEN state = $2 THEN $4 ELSE decided_by END,
			state = CASE WHEN state = $2 THEN $5 ELSE state END,
			updated_at = CASE WHEN state = $2 THEN $6 ELSE updated_at END
			WHERE seek_id = $1 OR safe_id = $1`, []any{id, MatchReview, "report removed", "tuys", MatchRejected, now}},
		{"subscriptions", `DELETE FROM subscriptions WHERE report_id = $1`, []any{id}},
		{"notes", `DELETE FROM notes WHERE report_id = $1`, []any{id}},
	}
	for _, st := range stmts {
		if _, err := tx.ExecContext(ctx, st.sql, st.args...); err != nil {
			return fmt.Errorf("remove report %s: %s: %w", id, st.what, err)
		}
	}
	return s.buryImportKeys(ctx, tx, id)
}

// buryImportKeys replaces the import keys of a removed report with their
// keyed hash. A key is a plain hash of the row's name, year, city and
// source, so a copy of the database confirmed, with a list of names, who
// had been on which hospital's list after they asked to be removed (an
// attacker's trial, 2026-12-07). The buried key still stops the same row
// of a list imported again from filing the person anew.
func (s *sqlStore) buryImportKeys(ctx context.Context, tx *sql.Tx, id string) error {
	rows, err := tx.QueryContext(ctx, `SELECT key FROM import_keys WHERE report_id = $1`, id)
	if err != nil {
		return fmt.Errorf("remove report %s: import keys: %w", id, err)
	}
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			rows.Close()
			return fmt.Errorf("remove report %s: import keys: %w", id, err)
		}
		keys = append(keys, k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("remove report %s: import keys: %w", id, err)
	}
	for _, k := range keys {
		if strings.HasPrefix(k, buriedPrefix) {
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE import_keys SET key = $1 WHERE key = $2`, s.buriedKey(k), k); err != nil {
			return fmt.Errorf("remove report %s: bury import key: %w", id, err)
		}
	}
	return nil
}
