package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

const matchColumns = `id, seek_id, safe_id, score, explanation, state, decided_by, reason, created_at, updated_at`

func (s *sqlStore) SaveMatch(ctx context.Context, m *Match, msgs []Message, consents []Consent) (bool, error) {
	n, err := s.SaveMatches(ctx, []MatchWrite{{Match: m, Messages: msgs, Consents: consents}})
	return n == 1, err
}

func (s *sqlStore) SaveMatches(ctx context.Context, ws []MatchWrite) (int, error) {
	if len(ws) == 0 {
		return 0, nil
	}
	now := s.now()
	created := 0
	err := s.inTx(ctx, "save matches", func(tx *sql.Tx) error {
		// Not for a removed report: the matcher may have read it before its
		// removal, which scrubbed the matches it had then; a match saved
		// after would carry its name in the explanation (and send SMS).
		removed, err := s.removedHeld(ctx, tx, ws)
		if err != nil {
			return err
		}
		// Prepared once for the batch: a burst saves thousands of matches.
		insert, err := tx.PrepareContext(ctx, `INSERT INTO matches (`+matchColumns+`)
			VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
			ON CONFLICT DO NOTHING`) // the pair or its derived id (data.PairID): nodes race to insert both
		if err != nil {
			return err
		}
		defer insert.Close()
		for _, w := range ws {
			m := w.Match
			if removed[m.SeekID] || removed[m.SafeID] {
				continue
			}
			if m.ID == "" {
				m.ID = NewID()
			}
			m.CreatedAt, m.UpdatedAt = now, now
			res, err := insert.ExecContext(ctx, m.ID, m.SeekID, m.SafeID, m.Score, m.Explanation, m.State, m.DecidedBy, m.Reason, ms(now), ms(now))
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				continue // the pair exists: a replay or another node got here first
			}
			created++
			if err := s.writeFollowUps(ctx, tx, w.Messages, w.Consents); err != nil {
				return err
			}
		}
		return nil
	})
	return created, err
}

// removedHeld returns which of the batch's reports are removed, asking
// once for each: a burst's matches name a few thousand reports many times
// over, and checking two reports per match (a million reports' index
// pages, mostly not in the cache) was a third of a burst's CPU at 1M. On
// PostgreSQL it also keeps the reports from being removed until the
// transaction ends: a removal that committed first is seen here, one that
// starts after waits and then scrubs the new matches. On SQLite the one
// writer (a transaction that begins immediate) already orders the two.
func (s *sqlStore) removedHeld(ctx context.Context, tx *sql.Tx, ws []MatchWrite) (map[string]bool, error) {
	seen := make(map[string]bool, len(ws))
	ids := make([]string, 0, len(ws))
	for _, w := range ws {
		for _, id := range [2]string{w.Match.SeekID, w.Match.SafeID} {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	cond, arg := s.d.inList("id", 1, ids)
	// In id order, every report of the batch, removed or not: nodes lock
	// them in one order (no deadlock), and the status is read under the
	// lock (PostgreSQL rereads a row that changed while it waited).
	rows, err := tx.QueryContext(ctx, `SELECT id, status FROM reports WHERE `+cond+` ORDER BY id `+s.d.shareLock, arg)
	if err != nil {
		return nil, fmt.Errorf("reports of %d matches: %w", len(ws), err)
	}
	defer rows.Close()
	removed := map[string]bool{}
	for rows.Next() {
		var id, status string
		if err := rows.Scan(&id, &status); err != nil {
			return nil, fmt.Errorf("reports of %d matches: %w", len(ws), err)
		}
		if status == StatusRemoved {
			removed[id] = true
		}
	}
	return removed, rows.Err()
}

func (s *sqlStore) writeFollowUps(ctx context.Context, tx *sql.Tx, msgs []Message, consents []Consent) error {
	if err := s.insertMessages(ctx, tx, msgs); err != nil {
		return err
	}
	for _, c := range consents {
		if c.AskedAt.IsZero() {
			c.AskedAt = s.now()
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO consents (match_id, phone_hash, phone_enc, asked_at, answer, answered_at, code)
			VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (match_id, phone_hash) DO NOTHING`,
			c.MatchID, s.seal.Hash(c.Phone), s.seal.Seal(c.Phone), ms(c.AskedAt), c.Answer, ms(c.AnsweredAt), c.Code); err != nil {
			return fmt.Errorf("insert consent: %w", err)
		}
	}
	return nil
}

func (s *sqlStore) DecideMatch(ctx context.Context, id, state, by, reason string, msgs []Message, consents []Consent) error {
	if state != MatchConfirmed && state != MatchRejected {
		return fmt.Errorf("decide match: state %q: %w", state, ErrConflict)
	}
	return s.inTx(ctx, "decide match", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE matches SET state = $1, decided_by = $2, reason = $3, updated_at = $4
			WHERE id = $5 AND state = $6`, state, by, reason, ms(s.now()), id, MatchReview)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var cur string
			if err := tx.QueryRowContext(ctx, `SELECT state FROM matches WHERE id = $1`, id).Scan(&cur); errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return fmt.Errorf("match is %s, not in review: %w", cur, ErrConflict)
		}
		if state != MatchConfirmed {
			return nil
		}
		return s.writeFollowUps(ctx, tx, msgs, consents)
	})
}

func scanMatch(row scanner) (Match, error) {
	var m Match
	var created, updated int64
	err := row.Scan(&m.ID, &m.SeekID, &m.SafeID, &m.Score, &m.Explanation, &m.State, &m.DecidedBy, &m.Reason, &created, &updated)
	m.CreatedAt, m.UpdatedAt = fromMS(created), fromMS(updated)
	return m, err
}

func (s *sqlStore) GetMatch(ctx context.Context, id string) (*Match, error) {
	m, err := scanMatch(s.r.QueryRowContext(ctx, `SELECT `+matchColumns+` FROM matches WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("get match: %w", err)
	}
	return &m, nil
}

func (s *sqlStore) queryMatches(ctx context.Context, where string, args ...any) ([]Match, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+matchColumns+` FROM matches `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("query matches: %w", err)
	}
	defer rows.Close()
	var out []Match
	for rows.Next() {
		m, err := scanMatch(rows)
		if err != nil {
			return nil, fmt.Errorf("query matches: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func (s *sqlStore) MatchesForReport(ctx context.Context, reportID string) ([]Match, error) {
	return s.queryMatches(ctx, `WHERE seek_id = $1 OR safe_id = $1 ORDER BY score DESC, id`, reportID)
}

func (s *sqlStore) MatchesByState(ctx context.Context, state string, limit int) ([]Match, error) {
	return s.queryMatches(ctx, `WHERE state = $1 ORDER BY created_at, id LIMIT $2`, state, limit)
}

func (s *sqlStore) PendingConsents(ctx context.Context, phone string) ([]Consent, error) {
	return s.consentsOf(ctx, "pending consents", phone, `answer = ''`)
}

func (s *sqlStore) AnsweredConsents(ctx context.Context, phone string) ([]Consent, error) {
	return s.consentsOf(ctx, "answered consents", phone, `answer <> ''`)
}

// consentsOf lists the consents asked of phone that where selects, newest first.
func (s *sqlStore) consentsOf(ctx context.Context, what, phone, where string) ([]Consent, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT match_id, phone_enc, asked_at, answer, answered_at, code FROM consents
		WHERE phone_hash = $1 AND `+where+` ORDER BY asked_at DESC, match_id`, s.seal.Hash(phone))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	var out []Consent
	for rows.Next() {
		var c Consent
		var enc string
		var asked, answered int64
		if err := rows.Scan(&c.MatchID, &enc, &asked, &c.Answer, &answered, &c.Code); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		if c.Phone, err = s.seal.Open(enc); err != nil {
			return nil, err
		}
		c.AskedAt, c.AnsweredAt = fromMS(asked), fromMS(answered)
		out = append(out, c)
	}
	return out, rows.Err()
}

func (s *sqlStore) AnswerConsent(ctx context.Context, matchID, phone, answer string, msgs []Message) error {
	return s.inTx(ctx, "answer consent", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE consents SET answer = $1, answered_at = $2
			WHERE match_id = $3 AND phone_hash = $4 AND answer = ''`, answer, ms(s.now()), matchID, s.seal.Hash(phone))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return s.insertMessages(ctx, tx, msgs)
	})
}

// AutoMatchesOfNetwork counts the automatic matches made since since in
// which a report filed from the network tag (Report.FilerTag) took part.
func (s *sqlStore) AutoMatchesOfNetwork(ctx context.Context, tag string, since time.Time) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM matches WHERE state = $1 AND created_at >= $2
		AND (seek_id IN (SELECT id FROM reports WHERE filer_tag = $3) OR safe_id IN (SELECT id FROM reports WHERE filer_tag = $3))`,
		MatchAutoConfirmed, ms(since), tag).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("automatic matches of a network: %w", err)
	}
	return n, nil
}
