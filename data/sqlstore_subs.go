package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Subscription is a phone that asked for an SMS when a report changes.
type Subscription struct {
	ReportID  string
	Phone     string // E.164; encrypted at rest
	Language  string
	Confirmed bool // by a YES reply: nobody can subscribe someone else's phone
	CreatedAt time.Time
}

// Subscribe records an unconfirmed subscription and its confirmation SMS in
// one transaction; subscribing again re-sends nothing (same message key).
func (s *sqlStore) Subscribe(ctx context.Context, sub Subscription, confirm []Message) error {
	return s.inTx(ctx, "subscribe", func(tx *sql.Tx) error {
		var exists int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM reports WHERE id = $1 AND status <> $2`, sub.ReportID, StatusRemoved).Scan(&exists); err != nil {
			return err
		}
		if exists == 0 {
			return ErrNotFound
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO subscriptions (report_id, phone_hash, phone_enc, language, confirmed, created_at)
			VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (report_id, phone_hash) DO NOTHING`,
			sub.ReportID, s.seal.Hash(sub.Phone), s.seal.Seal(sub.Phone), sub.Language, false, ms(s.now())); err != nil {
			return err
		}
		return s.insertMessages(ctx, tx, confirm)
	})
}

// PendingSubscriptions lists phone's unconfirmed subscriptions.
func (s *sqlStore) PendingSubscriptions(ctx context.Context, phone string) ([]Subscription, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT report_id, language, created_at FROM subscriptions
		WHERE phone_hash = $1 AND confirmed = $2 ORDER BY created_at`, s.seal.Hash(phone), false)
	if err != nil {
		return nil, fmt.Errorf("pending subscriptions: %w", err)
	}
	defer rows.Close()
	var out []Subscription
	for rows.Next() {
		sub := Subscription{Phone: phone}
		var at int64
		if err := rows.Scan(&sub.ReportID, &sub.Language, &at); err != nil {
			return nil, fmt.Errorf("pending subscriptions: %w", err)
		}
		sub.CreatedAt = fromMS(at)
		out = append(out, sub)
	}
	return out, rows.Err()
}

// ConfirmSubscription confirms phone's subscription to one report (the
// YES <code> of its confirmation SMS); ErrNotFound when none is pending.
func (s *sqlStore) ConfirmSubscription(ctx context.Context, reportID, phone string) error {
	res, err := s.w.ExecContext(ctx, `UPDATE subscriptions SET confirmed = $1 WHERE report_id = $2 AND phone_hash = $3 AND confirmed = $4`,
		true, reportID, s.seal.Hash(phone), false)
	if err != nil {
		return fmt.Errorf("confirm subscription: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Subscribers lists the confirmed subscriptions to a report.
func (s *sqlStore) Subscribers(ctx context.Context, reportID string) ([]Subscription, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT phone_enc, language, created_at FROM subscriptions
		WHERE report_id = $1 AND confirmed = $2 ORDER BY created_at`, reportID, true)
	if err != nil {
		return nil, fmt.Errorf("subscribers: %w", err)
	}
	defer rows.Close()
	var out []Subscription
	for rows.Next() {
		sub := Subscription{ReportID: reportID, Confirmed: true}
		var enc string
		var at int64
		if err := rows.Scan(&enc, &sub.Language, &at); err != nil {
			return nil, fmt.Errorf("subscribers: %w", err)
		}
		if sub.Phone, err = s.seal.Open(enc); err != nil {
			return nil, err
		}
		sub.CreatedAt = fromMS(at)
		out = append(out, sub)
	}
	return out, rows.Err()
}
