package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

const volunteerColumns = `id, login, password_hash, role, active, created_at`

func (s *sqlStore) CreateVolunteer(ctx context.Context, v *Volunteer) error {
	if v.CreatedAt.IsZero() {
		v.CreatedAt = s.now()
	}
	err := s.w.QueryRowContext(ctx, `INSERT INTO volunteers (login, password_hash, role, active, created_at)
		VALUES ($1,$2,$3,$4,$5) ON CONFLICT (login) DO NOTHING RETURNING id`,
		v.Login, v.PasswordHash, v.Role, v.Active, ms(v.CreatedAt)).Scan(&v.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("create volunteer %s: %w", v.Login, ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("create volunteer: %w", err)
	}
	return nil
}

func scanVolunteer(row scanner) (*Volunteer, error) {
	var v Volunteer
	var created int64
	err := row.Scan(&v.ID, &v.Login, &v.PasswordHash, &v.Role, &v.Active, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("read volunteer: %w", err)
	}
	v.CreatedAt = fromMS(created)
	return &v, nil
}

func (s *sqlStore) VolunteerByLogin(ctx context.Context, login string) (*Volunteer, error) {
	return scanVolunteer(s.r.QueryRowContext(ctx, `SELECT `+volunteerColumns+` FROM volunteers WHERE login = $1`, login))
}

func (s *sqlStore) Volunteers(ctx context.Context) ([]*Volunteer, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+volunteerColumns+` FROM volunteers ORDER BY login`)
	if err != nil {
		return nil, fmt.Errorf("list volunteers: %w", err)
	}
	defer rows.Close()
	var out []*Volunteer
	for rows.Next() {
		v, err := scanVolunteer(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func (s *sqlStore) UpdateVolunteer(ctx context.Context, v *Volunteer) error {
	res, err := s.w.ExecContext(ctx, `UPDATE volunteers SET password_hash = $1, role = $2, active = $3 WHERE id = $4`,
		v.PasswordHash, v.Role, v.Active, v.ID)
	if err != nil {
		return fmt.Errorf("update volunteer: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	if !v.Active {
		// A disabled account loses its sessions at once.
		if _, err := s.w.ExecContext(ctx, `DELETE FROM sessions WHERE volunteer_id = $1`, v.ID); err != nil {
			return fmt.Errorf("update volunteer: end sessions: %w", err)
		}
	}
	return nil
}

func (s *sqlStore) CreateSession(ctx context.Context, tokenHash string, volunteerID int64, expires time.Time) error {
	if _, err := s.w.ExecContext(ctx, `INSERT INTO sessions (token_hash, volunteer_id, expires_at) VALUES ($1,$2,$3)`,
		tokenHash, volunteerID, ms(expires)); err != nil {
		return fmt.Errorf("create session: %w", err)
	}
	return nil
}

func (s *sqlStore) SessionVolunteer(ctx context.Context, tokenHash string) (*Volunteer, error) {
	return scanVolunteer(s.r.QueryRowContext(ctx, `SELECT v.id, v.login, v.password_hash, v.role, v.active, v.created_at
		FROM sessions s JOIN volunteers v ON v.id = s.volunteer_id
		WHERE s.token_hash = $1 AND s.expires_at > $2 AND v.active`, tokenHash, ms(s.now())))
}

func (s *sqlStore) DeleteSession(ctx context.Context, tokenHash string) error {
	if _, err := s.w.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, tokenHash); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

func (s *sqlStore) Audit(ctx context.Context, e AuditEntry) error {
	if e.At.IsZero() {
		e.At = s.now()
	}
	if _, err := s.w.ExecContext(ctx, `INSERT INTO audit (actor, action, target, at) VALUES ($1,$2,$3,$4)`,
		e.Actor, e.Action, e.Target, ms(e.At)); err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return nil
}

func (s *sqlStore) ListAudit(ctx context.Context, limit int) ([]AuditEntry, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, actor, action, target, at FROM audit ORDER BY id DESC LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("list audit: %w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at int64
		if err := rows.Scan(&e.ID, &e.Actor, &e.Action, &e.Target, &at); err != nil {
			return nil, fmt.Errorf("list audit: %w", err)
		}
		e.At = fromMS(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

func (s *sqlStore) PurgeAudit(ctx context.Context, before time.Time) error {
	if _, err := s.w.ExecContext(ctx, `DELETE FROM audit WHERE at < $1`, ms(before)); err != nil {
		return fmt.Errorf("purge audit: %w", err)
	}
	return nil
}

// Stats counts what the dashboard shows: keys like "reports.seek",
// "channel.sms", "matches.review", "messages.failed", and "review.oldest"
// (unix ms of the oldest match waiting for review, any age).
func (s *sqlStore) Stats(ctx context.Context, since time.Time) (map[string]int, error) {
	out := map[string]int{}
	queries := []struct{ prefix, sql string }{
		{"reports.", `SELECT kind, count(*) FROM reports WHERE created_at >= $1 GROUP BY kind`},
		{"channel.", `SELECT channel, count(*) FROM reports WHERE created_at >= $1 GROUP BY channel`},
		{"matches.", `SELECT state, count(*) FROM matches WHERE created_at >= $1 GROUP BY state`},
		{"messages.", `SELECT state, count(*) FROM messages WHERE created_at >= $1 GROUP BY state`},
	}
	for _, q := range queries {
		if err := s.countInto(ctx, out, q.prefix, q.sql, ms(since)); err != nil {
			return nil, err
		}
	}
	var oldest sql.NullInt64
	if err := s.r.QueryRowContext(ctx, `SELECT min(created_at) FROM matches WHERE state = $1`, MatchReview).Scan(&oldest); err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	if oldest.Valid {
		out["review.oldest_s"] = int(oldest.Int64 / 1000)
	}
	return out, nil
}

func (s *sqlStore) countInto(ctx context.Context, out map[string]int, prefix, query string, args ...any) error {
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return fmt.Errorf("stats: %w", err)
		}
		out[prefix+k] = n
	}
	return rows.Err()
}
