package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ImportedReport is one validated row of an imported list (CSV, XLSX, PFIF).
type ImportedReport struct {
	Report     *Report
	Key        string    // stable: ImportKey, or PFIFKey of a record id
	SourceDate time.Time // when the list says the record was made; zero = unknown
	RecordID   string    // PFIF person_record_id when the row came from PFIF
}

// ImportedNote is one PFIF note, keyed by its note_record_id.
type ImportedNote struct {
	Note     *Note
	Key      string
	RecordID string
}

// ImportOrigin is what the store remembers of an imported report.
type ImportOrigin struct {
	SourceDate time.Time
	RecordID   string
}

// ImportStore files imported lists idempotently: a key seen before files
// nothing, so importing a list twice, or an overlapping later version of
// it, adds no duplicates.
type ImportStore interface {
	// CreateImported stores, in one transaction, the reports whose key is
	// new (with their report.created events) and says which were filed.
	CreateImported(ctx context.Context, rs []ImportedReport) (filed []bool, err error)
	// KnownKeys says which of keys were filed before (a dry run's duplicates).
	KnownKeys(ctx context.Context, keys []string) (map[string]bool, error)
	// AddImportedNote adds the note unless its key exists; false = seen before.
	AddImportedNote(ctx context.Context, n ImportedNote) (bool, error)
	// ReportForRecord finds the report imported from a PFIF record id.
	ReportForRecord(ctx context.Context, recordID string) (string, error)
	// ImportOrigins returns the origin of those of ids that were imported.
	ImportOrigins(ctx context.Context, ids []string) (map[string]ImportOrigin, error)
	// ReportsChangedSince pages by id through reports updated at or after
	// since (the zero time: all), for exports and PFIF feeds.
	ReportsChangedSince(ctx context.Context, since time.Time, afterID string, limit int) ([]*Report, error)
	// NotesSince pages by id through notes created at or after since.
	NotesSince(ctx context.Context, since time.Time, afterID string, limit int) ([]Note, error)
}

// Imports returns st's import side (both stores have one).
func Imports(st Store) (ImportStore, error) {
	is, ok := st.(ImportStore)
	if !ok {
		return nil, errors.New("this store cannot import")
	}
	return is, nil
}

// ImportKey is the stable key of a list row: its source and its public
// content, normalized (case, spacing), so the same person in the same list
// is the same key whatever the file's encoding or column order. Contact
// fields are left out: the key is not a lookup of phone numbers.
func ImportKey(source string, r *Report) string {
	parts := []string{source, string(r.Kind), r.FullName, r.Sex, strconv.Itoa(r.BirthYear), r.City, r.Region,
		r.Country, r.Description}
	for i, p := range parts {
		parts[i] = strings.Join(strings.Fields(strings.ToLower(p)), " ")
	}
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x1f")))
	return "row:" + hex.EncodeToString(sum[:])
}

// PFIFKey is the key of a PFIF person or note record id.
func PFIFKey(recordID string) string { return "pfif:" + recordID }

func (s *sqlStore) CreateImported(ctx context.Context, rs []ImportedReport) ([]bool, error) {
	filed := make([]bool, len(rs))
	err := s.inTx(ctx, "store imported reports", func(tx *sql.Tx) error {
		var fresh []*Report
		for i, ir := range rs {
			s.fillReportDefaults(ir.Report)
			ok, err := s.claimKey(ctx, tx, ir.Key, ir.Report.ID, "", ir.SourceDate, ir.RecordID)
			if err != nil {
				return err
			}
			if filed[i] = ok; ok {
				fresh = append(fresh, ir.Report)
			}
		}
		if len(fresh) == 0 {
			return nil
		}
		return s.insertReports(ctx, tx, fresh)
	})
	if err != nil {
		return nil, err
	}
	return filed, nil
}

func (s *sqlStore) AddImportedNote(ctx context.Context, in ImportedNote) (bool, error) {
	n := in.Note
	if n.ID == "" {
		n.ID = NewID()
	}
	if n.CreatedAt.IsZero() {
		n.CreatedAt = s.now()
	}
	var added bool
	err := s.inTx(ctx, "add imported note", func(tx *sql.Tx) error {
		ok, err := s.claimKey(ctx, tx, in.Key, n.ReportID, n.ID, time.Time{}, in.RecordID)
		if err != nil || !ok {
			return err
		}
		added = true
		return s.insertNote(ctx, tx, n)
	})
	return added, err
}

// buriedPrefix starts the import key of a removed report (buryImportKeys).
const buriedPrefix = "gone:"

// buriedKey is what a removed report's import key becomes.
func (s *sqlStore) buriedKey(key string) string { return buriedPrefix + s.seal.Hash("import-key:"+key) }

// claimKey records key; false when it was recorded before, also for a
// report removed since.
func (s *sqlStore) claimKey(ctx context.Context, tx *sql.Tx, key, reportID, noteID string, sourceDate time.Time, recordID string) (bool, error) {
	var buried int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM import_keys WHERE key = $1`, s.buriedKey(key)).Scan(&buried); err != nil {
		return false, fmt.Errorf("import key: %w", err)
	}
	if buried > 0 {
		return false, nil
	}
	var date int64
	if !sourceDate.IsZero() {
		date = ms(sourceDate)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO import_keys (key, report_id, note_id, source_date, record_id, created_at)
		VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key) DO NOTHING`, key, reportID, noteID, date, recordID, ms(s.now()))
	if err != nil {
		return false, fmt.Errorf("import key: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

func (s *sqlStore) ReportForRecord(ctx context.Context, recordID string) (string, error) {
	var id string
	err := s.r.QueryRowContext(ctx, `SELECT report_id FROM import_keys WHERE record_id = $1 AND note_id = '' LIMIT 1`, recordID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	if err != nil {
		return "", fmt.Errorf("report for record %s: %w", recordID, err)
	}
	return id, nil
}

func (s *sqlStore) ImportOrigins(ctx context.Context, ids []string) (map[string]ImportOrigin, error) {
	out := map[string]ImportOrigin{}
	if len(ids) == 0 {
		return out, nil
	}
	cond, arg := s.d.inList("report_id", 1, ids)
	rows, err := s.r.QueryContext(ctx, `SELECT report_id, source_date, record_id FROM import_keys
		WHERE note_id = '' AND `+cond, arg)
	if err != nil {
		return nil, fmt.Errorf("import origins: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, rec string
		var date int64
		if err := rows.Scan(&id, &date, &rec); err != nil {
			return nil, fmt.Errorf("import origins: %w", err)
		}
		o := ImportOrigin{RecordID: rec}
		if date != 0 {
			o.SourceDate = fromMS(date)
		}
		out[id] = o
	}
	return out, rows.Err()
}

func (s *sqlStore) ReportsChangedSince(ctx context.Context, since time.Time, afterID string, limit int) ([]*Report, error) {
	return s.queryReports(ctx, "reports changed since", `WHERE updated_at >= $1 AND id > $2 ORDER BY id LIMIT $3`,
		sinceMS(since), afterID, limit)
}

func (s *sqlStore) NotesSince(ctx context.Context, since time.Time, afterID string, limit int) ([]Note, error) {
	return s.queryNotes(ctx, "notes since", `WHERE created_at >= $1 AND id > $2 ORDER BY id LIMIT $3`, sinceMS(since), afterID, limit)
}

func sinceMS(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return ms(t)
}

func (s *sqlStore) KnownKeys(ctx context.Context, keys []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(keys) == 0 {
		return out, nil
	}
	asked := make(map[string]string, 2*len(keys)) // stored form → the key asked about
	for _, k := range keys {
		asked[k], asked[s.buriedKey(k)] = k, k
	}
	cond, arg := s.d.inList("key", 1, slices.Collect(maps.Keys(asked)))
	rows, err := s.r.QueryContext(ctx, `SELECT key FROM import_keys WHERE `+cond, arg)
	if err != nil {
		return nil, fmt.Errorf("known import keys: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, fmt.Errorf("known import keys: %w", err)
		}
		out[asked[k]] = true
	}
	return out, rows.Err()
}
