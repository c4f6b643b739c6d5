package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

const reportColumns = `id, kind, full_name, given_name, family_name, patronymic, alt_names, sex, birth_year,
	year_approx, city, region, country, last_location_enc, description, contact_name_enc, contact_phone_enc,
	relation, language, share_contact, channel, source_name, created_at, updated_at, expires_at, status,
	deletion_hash, linked_id, sought_phone_enc, private_hash, filer_tag`

// CreateReport stores one report. Concurrent calls share a transaction
// (group commit, groupcommit.go): each still returns only after its report
// is committed.
func (s *sqlStore) CreateReport(ctx context.Context, r *Report) error {
	if s.group != nil {
		return s.group.submit(ctx, r)
	}
	return s.CreateReports(ctx, []*Report{r})
}

func (s *sqlStore) CreateReports(ctx context.Context, rs []*Report) error {
	if len(rs) == 0 {
		return nil
	}
	return s.inTx(ctx, "store reports", func(tx *sql.Tx) error { return s.insertReports(ctx, tx, rs) })
}

// insertReports inserts rs and their report.created events in tx.
func (s *sqlStore) insertReports(ctx context.Context, tx *sql.Tx, rs []*Report) error {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO reports (`+reportColumns+`, contact_phone_hash, sought_phone_hash)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27,$28,$29,$30,$31,$32,$33)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	ids := make([]string, len(rs))
	for i, r := range rs {
		s.fillReportDefaults(r)
		if _, err := stmt.ExecContext(ctx, s.reportArgs(r)...); err != nil {
			return err
		}
		ids[i] = r.ID
	}
	return s.addEvents(ctx, tx, EventReportCreated, ids...)
}

func (s *sqlStore) fillReportDefaults(r *Report) {
	now := s.now()
	if r.ID == "" {
		r.ID = NewID()
	}
	if r.CreatedAt.IsZero() {
		r.CreatedAt = now
	}
	r.UpdatedAt = now
	if r.Status == "" {
		r.Status = StatusActive
	}
	if r.ExpiresAt.IsZero() {
		r.ExpiresAt = r.CreatedAt.AddDate(0, 0, 90)
	}
}

func (s *sqlStore) reportArgs(r *Report) []any {
	alt, _ := json.Marshal(r.AltNames)
	if r.AltNames == nil {
		alt = []byte("[]")
	}
	return []any{r.ID, string(r.Kind), r.FullName, r.GivenName, r.FamilyName, r.Patronymic, string(alt), r.Sex,
		r.BirthYear, r.YearApprox, r.City, r.Region, r.Country, s.seal.Seal(r.LastLocation), s.seal.Seal(r.Description),
		s.seal.Seal(r.ContactName), s.seal.Seal(r.ContactPhone), r.Relation, r.Language, r.ShareContact,
		r.Channel, r.SourceName, ms(r.CreatedAt), ms(r.UpdatedAt), ms(r.ExpiresAt), r.Status, r.DeletionHash,
		r.LinkedID, s.seal.Seal(r.SoughtPhone), r.PrivateHash, r.FilerTag, s.seal.Hash(r.ContactPhone), s.seal.Hash(r.SoughtPhone)}
}

type scanner interface{ Scan(dest ...any) error }

func (s *sqlStore) scanReport(row scanner) (*Report, error) {
	var r Report
	var kind, alt, lastLoc, desc, cname, cphone, sphone string
	var created, updated, expires int64
	err := row.Scan(&r.ID, &kind, &r.FullName, &r.GivenName, &r.FamilyName, &r.Patronymic, &alt, &r.Sex,
		&r.BirthYear, &r.YearApprox, &r.City, &r.Region, &r.Country, &lastLoc, &desc, &cname, &cphone,
		&r.Relation, &r.Language, &r.ShareContact, &r.Channel, &r.SourceName, &created, &updated, &expires,
		&r.Status, &r.DeletionHash, &r.LinkedID, &sphone, &r.PrivateHash, &r.FilerTag)
	if err != nil {
		return nil, err
	}
	r.Kind = Kind(kind)
	if err := json.Unmarshal([]byte(alt), &r.AltNames); err != nil {
		return nil, fmt.Errorf("report %s alt names: %w", r.ID, err)
	}
	if r.LastLocation, err = s.seal.Open(lastLoc); err != nil {
		return nil, err
	}
	// Free text is sealed too: people type phone numbers into it (freeText).
	if r.Description, err = s.openFreeText(desc); err != nil {
		return nil, err
	}
	if r.ContactName, err = s.seal.Open(cname); err != nil {
		return nil, err
	}
	if r.ContactPhone, err = s.seal.Open(cphone); err != nil {
		return nil, err
	}
	if r.SoughtPhone, err = s.seal.Open(sphone); err != nil {
		return nil, err
	}
	r.CreatedAt, r.UpdatedAt, r.ExpiresAt = fromMS(created), fromMS(updated), fromMS(expires)
	return &r, nil
}

func (s *sqlStore) queryReports(ctx context.Context, what, where string, args ...any) ([]*Report, error) {
	st, err := s.readStmt(ctx, `SELECT `+reportColumns+` FROM reports `+where)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	var out []*Report
	for rows.Next() {
		r, err := s.scanReport(rows)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

func (s *sqlStore) GetReport(ctx context.Context, id string) (*Report, error) {
	r, err := s.scanReport(s.r.QueryRowContext(ctx, `SELECT `+reportColumns+` FROM reports WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("get report %s: %w", id, err)
	}
	return r, nil
}

func (s *sqlStore) GetReports(ctx context.Context, ids []string) ([]*Report, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	cond, arg := s.d.inList("id", 1, ids)
	return s.queryReports(ctx, "get reports", `WHERE `+cond, arg)
}

// publicColumns are the columns Public shows (and the status and kind
// the pages word it by): PublicReports reads no other.
const publicColumns = `id, kind, full_name, given_name, family_name, patronymic, sex, birth_year, year_approx,
	city, region, country, description, created_at, expires_at, status, linked_id`

// PublicReports reads ids with only what a public view is made of: the
// contact, the last location and the sought phone are neither read nor
// opened, so a public search or feed never holds them, and reading ten
// hits costs less than GetReports.
func (s *sqlStore) PublicReports(ctx context.Context, ids []string) ([]*Report, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	cond, arg := s.d.inList("id", 1, ids)
	st, err := s.readStmt(ctx, `SELECT `+publicColumns+` FROM reports WHERE `+cond)
	if err != nil {
		return nil, fmt.Errorf("public reports: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("public reports: %w", err)
	}
	// A page of rows by key, read without cancellation: with a context
	// that can end, database/sql and the SQLite driver each start a
	// goroutine per query to watch it, and starting and waking them was
	// about 15% of this read's CPU in a search answer (side by side, 1M).
	rows, err := st.QueryContext(context.WithoutCancel(ctx), arg)
	if err != nil {
		return nil, fmt.Errorf("public reports: %w", err)
	}
	defer rows.Close()
	out := make([]*Report, 0, len(ids))
	for rows.Next() {
		var r Report
		var kind, desc string
		var created, expires int64
		if err := rows.Scan(&r.ID, &kind, &r.FullName, &r.GivenName, &r.FamilyName, &r.Patronymic, &r.Sex, &r.BirthYear,
			&r.YearApprox, &r.City, &r.Region, &r.Country, &desc, &created, &expires, &r.Status, &r.LinkedID); err != nil {
			return nil, fmt.Errorf("public reports: %w", err)
		}
		if r.Description, err = s.openFreeText(desc); err != nil {
			return nil, fmt.Errorf("public reports: %w", err)
		}
		r.Kind, r.CreatedAt, r.ExpiresAt = Kind(kind), fromMS(created), fromMS(expires)
		out = append(out, &r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("public reports: %w", err)
	}
	return out, nil
}

func (s *sqlStore) ScanReports(ctx context.Context, afterID string, limit int) ([]*Report, error) {
	return s.queryReports(ctx, "scan reports", `WHERE id > $1 ORDER BY id LIMIT $2`, afterID, limit)
}

// ReportByPrivateHash finds the report whose author's private page has
// this token hash (ErrNotFound when none, or when it was removed).
func (s *sqlStore) ReportByPrivateHash(ctx context.Context, hash string) (*Report, error) {
	if hash == "" {
		return nil, ErrNotFound
	}
	rs, err := s.queryReports(ctx, "report by private token", `WHERE private_hash = $1`, hash)
	if err != nil {
		return nil, err
	}
	if len(rs) != 1 {
		return nil, ErrNotFound
	}
	return rs[0], nil
}

func (s *sqlStore) SetPrivateHash(ctx context.Context, id, hash string) error {
	res, err := s.w.ExecContext(ctx, `UPDATE reports SET private_hash = $1 WHERE id = $2 AND status <> $3`, hash, id, StatusRemoved)
	if err != nil {
		return fmt.Errorf("set private link of %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

func (s *sqlStore) ReportsWithPhone(ctx context.Context, phone string) ([]*Report, error) {
	if phone == "" {
		return nil, nil
	}
	return s.queryReports(ctx, "reports with phone", `WHERE contact_phone_hash = $1 ORDER BY id`, s.seal.Hash(phone))
}

// updateReport runs an UPDATE on one report and writes an event with it.
func (s *sqlStore) updateReport(ctx context.Context, what, event, id, set string, args ...any) error {
	return s.inTx(ctx, what, func(tx *sql.Tx) error { return s.updateReportTx(ctx, tx, event, id, set, args...) })
}

func (s *sqlStore) updateReportTx(ctx context.Context, tx *sql.Tx, event, id, set string, args ...any) error {
	n := len(args)
	res, err := tx.ExecContext(ctx, `UPDATE reports SET `+set+fmt.Sprintf(`, updated_at = $%d WHERE id = $%d`, n+1, n+2),
		append(args, ms(s.now()), id)...)
	if err != nil {
		return err
	}
	if k, _ := res.RowsAffected(); k == 0 {
		return ErrNotFound
	}
	return s.addEvents(ctx, tx, event, id)
}

func (s *sqlStore) SetReportStatus(ctx context.Context, id, status string) error {
	return s.updateReport(ctx, "set report status", EventReportUpdated, id, `status = $1`, status)
}

func (s *sqlStore) LinkReports(ctx context.Context, id, linkedID string) error {
	return s.updateReport(ctx, "link reports", EventReportUpdated, id, `linked_id = $1`, linkedID)
}

// expiredQuery is ExpiredReports's statement and its first argument (the
// held statuses); the expiry time and the limit are $2 and $3. No ORDER
// BY: every expired report goes, and the index's order is by status and
// time, so sorting by id would read them all first.
func (s *sqlStore) expiredQuery() (string, any) {
	cond, arg := s.d.inList("status", 1, heldStatuses)
	return `SELECT id FROM reports WHERE ` + cond + ` AND expires_at > 0 AND expires_at < $2 LIMIT $3`, arg
}

func (s *sqlStore) ExpiredReports(ctx context.Context, t time.Time, limit int) ([]string, error) {
	q, held := s.expiredQuery()
	rows, err := s.r.QueryContext(ctx, q, held, ms(t), limit)
	if err != nil {
		return nil, fmt.Errorf("expired reports: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("expired reports: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func (s *sqlStore) AddNote(ctx context.Context, n *Note) error {
	if n.ID == "" {
		n.ID = NewID()
	}
	if n.CreatedAt.IsZero() {
		n.CreatedAt = s.now()
	}
	return s.inTx(ctx, "add note", func(tx *sql.Tx) error { return s.insertNote(ctx, tx, n) })
}

// insertNote adds n to a report that is not removed, in tx; a seen note
// (Note.Seen) with its event.
func (s *sqlStore) insertNote(ctx context.Context, tx *sql.Tx, n *Note) error {
	var exists int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM reports WHERE id = $1 AND status <> $2`, n.ReportID, StatusRemoved).Scan(&exists); err != nil {
		return err
	}
	if exists == 0 {
		return ErrNotFound
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO notes (id, report_id, status, text, author, author_by, created_at, seen) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
		n.ID, n.ReportID, n.Status, s.seal.Seal(n.Text), n.Author, string(n.By), ms(n.CreatedAt), btoi(n.Seen)); err != nil {
		return err
	}
	if !n.Seen {
		return nil // announced when a volunteer sees it (MarkNotesSeen)
	}
	return s.addEvents(ctx, tx, EventNoteAdded, n.ReportID)
}

func (s *sqlStore) MarkNotesSeen(ctx context.Context, reportID string) (int, error) {
	var n int64
	err := s.inTx(ctx, "mark notes seen", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE notes SET seen = 1 WHERE report_id = $1 AND seen = 0`, reportID)
		if err != nil {
			return err
		}
		if n, err = res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		return s.addEvents(ctx, tx, EventNoteAdded, reportID)
	})
	return int(n), err
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (s *sqlStore) ListNotes(ctx context.Context, reportID string) ([]Note, error) {
	return s.queryNotes(ctx, "list notes", `WHERE report_id = $1 ORDER BY created_at, id`, reportID)
}

func (s *sqlStore) queryNotes(ctx context.Context, what, where string, args ...any) ([]Note, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, report_id, status, text, author, author_by, created_at FROM notes `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	var out []Note
	for rows.Next() {
		var n Note
		var at int64
		if err := rows.Scan(&n.ID, &n.ReportID, &n.Status, &n.Text, &n.Author, (*string)(&n.By), &at); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		if n.Text, err = s.openFreeText(n.Text); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		n.CreatedAt = fromMS(at)
		out = append(out, n)
	}
	return out, rows.Err()
}
