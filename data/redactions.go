package data

import (
	"context"
	"fmt"
	"time"
)

// Redaction is an SMS whose text the provider keeps though the report it
// was about was removed (RemoveReport queues it).
type Redaction struct {
	SID      string
	Attempts int
	Queued   time.Time
}

// providerKeepsText selects the SIDs of messages whose text the provider
// keeps (Twilio's SM…): the modem's spool is pruned on its own and the log
// sender keeps nothing.
const providerKeepsText = `provider_sid LIKE 'SM%'`

// DueRedactions lists up to limit redactions due at now, oldest first.
func (s *sqlStore) DueRedactions(ctx context.Context, now time.Time, limit int) ([]Redaction, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT sid, attempts, created_at FROM redactions WHERE next_at <= $1
		ORDER BY created_at, sid LIMIT $2`, ms(now), limit)
	if err != nil {
		return nil, fmt.Errorf("due redactions: %w", err)
	}
	defer rows.Close()
	var out []Redaction
	for rows.Next() {
		var r Redaction
		var at int64
		if err := rows.Scan(&r.SID, &r.Attempts, &at); err != nil {
			return nil, fmt.Errorf("due redactions: %w", err)
		}
		r.Queued = fromMS(at)
		out = append(out, r)
	}
	return out, rows.Err()
}

// FinishRedaction forgets a redaction the provider carried out (or one
// given up on).
func (s *sqlStore) FinishRedaction(ctx context.Context, sid string) error {
	if _, err := s.w.ExecContext(ctx, `DELETE FROM redactions WHERE sid = $1`, sid); err != nil {
		return fmt.Errorf("finish redaction: %w", err)
	}
	return nil
}

// DeferRedaction counts a failed attempt and tries again at next.
func (s *sqlStore) DeferRedaction(ctx context.Context, sid string, next time.Time) error {
	if _, err := s.w.ExecContext(ctx, `UPDATE redactions SET attempts = attempts + 1, next_at = $1 WHERE sid = $2`, ms(next), sid); err != nil {
		return fmt.Errorf("defer redaction: %w", err)
	}
	return nil
}
