package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

const messageColumns = `id, key, match_id, report_id, to_enc, body_enc, language, segments, state, provider_sid,
	error_code, error_text, attempts, next_attempt_at, attempted_at, claimed_by, lease_until, created_at, updated_at`

func (s *sqlStore) insertMessages(ctx context.Context, tx *sql.Tx, msgs []Message) error {
	now := s.now()
	for i := range msgs {
		m := &msgs[i]
		if m.ID == "" {
			m.ID = NewID()
		}
		if m.State == "" {
			m.State = MsgQueued
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO messages (id, key, match_id, report_id, to_enc, to_hash, body_enc,
			language, segments, state, error_text, next_attempt_at, created_at, updated_at)
			VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) ON CONFLICT (key) DO NOTHING`,
			m.ID, m.Key, m.MatchID, m.ReportID, s.seal.Seal(m.To), s.seal.Hash(m.To), s.seal.Seal(m.Body),
			m.Language, m.Segments, m.State, m.ErrorText, ms(m.NextAttemptAt), ms(now), ms(now)); err != nil {
			return fmt.Errorf("insert message %s: %w", m.Key, err)
		}
	}
	if len(msgs) > 0 && s.d.notifyOutbox != "" {
		if _, err := tx.ExecContext(ctx, s.d.notifyOutbox); err != nil {
			return fmt.Errorf("notify outbox: %w", err)
		}
	}
	return nil
}

func (s *sqlStore) EnqueueMessages(ctx context.Context, msgs []Message) error {
	return s.inTx(ctx, "enqueue messages", func(tx *sql.Tx) error { return s.insertMessages(ctx, tx, msgs) })
}

func (s *sqlStore) scanMessage(row scanner) (*Message, error) {
	var m Message
	var to, body string
	var next, attempted, lease, created, updated int64
	err := row.Scan(&m.ID, &m.Key, &m.MatchID, &m.ReportID, &to, &body, &m.Language, &m.Segments, &m.State,
		&m.ProviderSID, &m.ErrorCode, &m.ErrorText, &m.Attempts, &next, &attempted, &m.ClaimedBy, &lease, &created, &updated)
	if err != nil {
		return nil, err
	}
	if m.To, err = s.seal.Open(to); err != nil {
		return nil, err
	}
	if m.Body, err = s.seal.Open(body); err != nil {
		return nil, err
	}
	m.NextAttemptAt, m.AttemptedAt, m.LeaseUntil = fromMS(next), fromMS(attempted), fromMS(lease)
	m.CreatedAt, m.UpdatedAt = fromMS(created), fromMS(updated)
	return &m, nil
}

func (s *sqlStore) collectMessages(rows *sql.Rows) ([]Message, error) {
	defer rows.Close()
	var out []Message
	for rows.Next() {
		m, err := s.scanMessage(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *m)
	}
	return out, rows.Err()
}

// ClaimMessages leases due messages, subscription SMS last (LowPriority;
// RETURNING does not keep that order, so the dispatcher sorts again). A message left in "sending" by a worker
// that died is claimable again once its lease ends; the dispatcher then must
// reconcile with the provider before it sends anything.
func (s *sqlStore) ClaimMessages(ctx context.Context, worker string, lease time.Duration, limit int) ([]Message, error) {
	now := s.now()
	rows, err := s.w.QueryContext(ctx, `UPDATE messages SET claimed_by = $1, lease_until = $2
		WHERE id IN (SELECT id FROM messages
			WHERE ((state = $3 AND next_attempt_at <= $4) OR state = $5) AND lease_until <= $4
			ORDER BY CASE WHEN key LIKE $7 THEN 1 ELSE 0 END, next_attempt_at, id LIMIT $6 `+s.d.skipLocked+`)
		RETURNING `+messageColumns, worker, ms(now.Add(lease)), MsgQueued, ms(now), MsgSending, limit, SubscriptionKeyPrefix+"%")
	if err != nil {
		return nil, fmt.Errorf("claim messages: %w", err)
	}
	out, err := s.collectMessages(rows)
	if err != nil {
		return nil, fmt.Errorf("claim messages: %w", err)
	}
	return out, nil
}

func (s *sqlStore) MarkSending(ctx context.Context, id, worker string, limit RecipientCap) error {
	return s.inTx(ctx, "mark sending", func(tx *sql.Tx) error {
		if limit.Max > 0 {
			if err := s.underCap(ctx, tx, id, limit); err != nil {
				return err
			}
		}
		now := ms(s.now())
		res, err := tx.ExecContext(ctx, `UPDATE messages SET state = $1, attempts = attempts + 1, attempted_at = $2, updated_at = $2
			WHERE id = $3 AND claimed_by = $4 AND lease_until > $2`, MsgSending, now, id, worker)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("%s: lease lost: %w", id, ErrConflict)
		}
		return nil
	})
}

// underCap counts what already went to the message's recipient, holding
// the recipient's lock until the caller's transaction ends: two workers
// cannot both see 9 and both send the tenth (SQLite has one writer
// connection, so its transactions are serial anyway).
func (s *sqlStore) underCap(ctx context.Context, tx *sql.Tx, id string, limit RecipientCap) error {
	var hash string
	if err := tx.QueryRowContext(ctx, `SELECT to_hash FROM messages WHERE id = $1`, id).Scan(&hash); err != nil {
		return fmt.Errorf("recipient of %s: %w", id, err)
	}
	if s.d.lockRecipient != "" {
		if _, err := tx.ExecContext(ctx, s.d.lockRecipient, hash); err != nil {
			return fmt.Errorf("lock recipient: %w", err)
		}
	}
	var n int
	if err := tx.QueryRowContext(ctx, countSentToSQL+` AND id <> $3`, hash, ms(limit.Since), id).Scan(&n); err != nil {
		return fmt.Errorf("count sent to recipient: %w", err)
	}
	if n >= limit.Max {
		return fmt.Errorf("%d SMS since %s: %w", n, limit.Since.Format(time.RFC3339), ErrCapReached)
	}
	return nil
}

func (s *sqlStore) FinishMessage(ctx context.Context, m *Message) error {
	_, err := s.w.ExecContext(ctx, `UPDATE messages SET state = $1, provider_sid = $2, error_code = $3, error_text = $4,
		next_attempt_at = $5, segments = $6, claimed_by = '', lease_until = 0, updated_at = $7 WHERE id = $8`,
		m.State, m.ProviderSID, m.ErrorCode, m.ErrorText, ms(m.NextAttemptAt), m.Segments, ms(s.now()), m.ID)
	if err != nil {
		return fmt.Errorf("finish message %s: %w", m.ID, err)
	}
	return nil
}

func (s *sqlStore) AdvanceMessage(ctx context.Context, sid, state string, errCode int, errText string) error {
	rank := MessageStateRank(state)
	if rank < 0 || sid == "" {
		return fmt.Errorf("advance message: state %q: %w", state, ErrConflict)
	}
	return s.inTx(ctx, "advance message", func(tx *sql.Tx) error {
		var cur string
		err := tx.QueryRowContext(ctx, `SELECT state FROM messages WHERE provider_sid = $1`, sid).Scan(&cur)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if MessageStateRank(cur) >= rank {
			return nil // a late or repeated callback: never move backwards
		}
		_, err = tx.ExecContext(ctx, `UPDATE messages SET state = $1, error_code = $2, error_text = $3, updated_at = $4 WHERE provider_sid = $5`,
			state, errCode, errText, ms(s.now()), sid)
		return err
	})
}

func (s *sqlStore) MessagesForMatch(ctx context.Context, matchID string) ([]Message, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+messageColumns+` FROM messages WHERE match_id = $1 ORDER BY created_at, key`, matchID)
	if err != nil {
		return nil, fmt.Errorf("messages for match: %w", err)
	}
	out, err := s.collectMessages(rows)
	if err != nil {
		return nil, fmt.Errorf("messages for match: %w", err)
	}
	return out, nil
}

func (s *sqlStore) MessageByKey(ctx context.Context, key string) (*Message, error) {
	m, err := s.scanMessage(s.r.QueryRowContext(ctx, `SELECT `+messageColumns+` FROM messages WHERE key = $1`, key))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("message by key: %w", err)
	}
	return m, nil
}

func (s *sqlStore) SetOptOut(ctx context.Context, phone string, out bool) error {
	var err error
	if out {
		_, err = s.w.ExecContext(ctx, `INSERT INTO optouts (phone_hash, at) VALUES ($1, $2) ON CONFLICT (phone_hash) DO NOTHING`,
			s.seal.Hash(phone), ms(s.now()))
	} else {
		_, err = s.w.ExecContext(ctx, `DELETE FROM optouts WHERE phone_hash = $1`, s.seal.Hash(phone))
	}
	if err != nil {
		return fmt.Errorf("set opt-out: %w", err)
	}
	return nil
}

// PhoneTag: 48 bits of the keyed hash tell one number's (or text's) keys
// from another's; without the secret they say nothing about it.
func (s *sqlStore) PhoneTag(phone string) string {
	h := s.seal.Hash(phone)
	return h[:min(len(h), 12)]
}

// FirstInbound keys a delivery on its sid and body: a replay (Twilio's
// retry, or a captured request sent again) repeats both, since the
// signature covers every parameter; the body's hash is keyed because a
// text may hold a number.
func (s *sqlStore) FirstInbound(ctx context.Context, sid, body string) (bool, error) {
	key := sid + "/" + s.PhoneTag(body)
	res, err := s.w.ExecContext(ctx, `INSERT INTO inbound_sids (sid, at) VALUES ($1, $2) ON CONFLICT (sid) DO NOTHING`, key, ms(s.now()))
	if err != nil {
		return false, fmt.Errorf("record inbound sms %s: %w", sid, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("record inbound sms %s: %w", sid, err)
	}
	return n == 1, nil
}

func (s *sqlStore) OptedOut(ctx context.Context, phone string) (bool, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM optouts WHERE phone_hash = $1`, s.seal.Hash(phone)).Scan(&n); err != nil {
		return false, fmt.Errorf("opted out: %w", err)
	}
	return n > 0, nil
}

// sentStates are the states that cost money: a message that left or may have left.
const sentStates = `('sending','sent','delivered','undelivered')`

// countSentToSQL counts what cost money to one recipient ($1 keyed hash)
// since $2: the daily cap's one definition.
const countSentToSQL = `SELECT count(*) FROM messages WHERE to_hash = $1 AND attempted_at >= $2 AND state IN ` + sentStates

func (s *sqlStore) CountSent(ctx context.Context, since time.Time) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM messages WHERE attempted_at >= $1 AND state IN `+sentStates, ms(since)).Scan(&n); err != nil {
		return 0, fmt.Errorf("count sent: %w", err)
	}
	return n, nil
}
