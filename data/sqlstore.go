package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sync"
	"time"
)

// dialect holds what differs between SQLite and PostgreSQL; the SQL itself
// is shared ($N placeholders work in both drivers).
type dialect struct {
	name string
	// orderEvents runs inside a writing transaction just before its events
	// are inserted, so that sequence order equals commit order.
	orderEvents string
	// skipLocked is appended to the claim sub-select.
	skipLocked string
	// lockRecipient ($1 the recipient's keyed hash) serializes sends to
	// one number until the transaction ends; empty for SQLite, whose one
	// writer connection serializes every transaction.
	lockRecipient string
	// eventsInsert, when set, replaces orderEvents, the per-event inserts
	// and notifyEvents with one statement taking $1 type, $2 text[] report
	// ids and $3 time: no client round trip happens while the commit-order
	// lock is held, which otherwise bounds write throughput.
	eventsInsert string
	// notifyEvents and notifyOutbox run in transactions that add events or
	// messages, to wake other nodes at commit (PostgreSQL NOTIFY); empty
	// for SQLite, whose single process polls.
	notifyEvents, notifyOutbox string
	// shareLock, appended to a read of reports, holds them against a
	// removal until the transaction ends; empty for SQLite (one writer).
	shareLock string
}

// sqlStore implements Store over database/sql for both dialects.
type sqlStore struct {
	w     *sql.DB // writes (SQLite: exactly one connection)
	r     *sql.DB // reads
	d     dialect
	seal  *Sealer
	now   func() time.Time
	group *groupCommit // batches concurrent CreateReport calls
	reads *sync.Map    // query text → *sql.Stmt prepared on r (readStmt)
}

// readStmt returns query prepared on the readers, once per store: SQLite
// parses a statement anew for every call otherwise, and the record read of
// every search answer spent a third of its time there.
func (s *sqlStore) readStmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := s.reads.Load(query); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := s.r.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if prev, loaded := s.reads.LoadOrStore(query, st); loaded {
		st.Close() // another caller prepared it first
		return prev.(*sql.Stmt), nil
	}
	return st, nil
}

func (s *sqlStore) Ping(ctx context.Context) error {
	if err := s.r.PingContext(ctx); err != nil {
		return fmt.Errorf("ping store: %w", err)
	}
	return nil
}

func (s *sqlStore) Close() error {
	if s.group != nil {
		s.group.shutdown()
	}
	s.reads.Range(func(_, st any) bool {
		st.(*sql.Stmt).Close()
		return true
	})
	err := s.w.Close()
	if s.r != s.w {
		if rerr := s.r.Close(); err == nil {
			err = rerr
		}
	}
	return err
}

// inTx runs fn in a write transaction and commits it.
func (s *sqlStore) inTx(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: begin: %w", what, err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: commit: %w", what, err)
	}
	return nil
}

// addEvents appends events at the end of a transaction.
func (s *sqlStore) addEvents(ctx context.Context, tx *sql.Tx, typ string, reportIDs ...string) error {
	if s.d.eventsInsert != "" {
		if _, err := tx.ExecContext(ctx, s.d.eventsInsert, typ, reportIDs, ms(s.now())); err != nil {
			return fmt.Errorf("add events: %w", err)
		}
		return nil
	}
	if s.d.orderEvents != "" {
		if _, err := tx.ExecContext(ctx, s.d.orderEvents); err != nil {
			return fmt.Errorf("order events: %w", err)
		}
	}
	at := ms(s.now())
	for _, id := range reportIDs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO events (type, report_id, at) VALUES ($1, $2, $3)`, typ, id, at); err != nil {
			return fmt.Errorf("add event: %w", err)
		}
	}
	if s.d.notifyEvents != "" {
		if _, err := tx.ExecContext(ctx, s.d.notifyEvents); err != nil {
			return fmt.Errorf("notify events: %w", err)
		}
	}
	return nil
}

func (s *sqlStore) EventsAfter(ctx context.Context, seq int64, limit int) ([]Event, error) {
	st, err := s.readStmt(ctx, `SELECT seq, type, report_id, at FROM events WHERE seq > $1 ORDER BY seq LIMIT $2`) // polled ten times a second
	if err != nil {
		return nil, fmt.Errorf("events after %d: %w", seq, err)
	}
	rows, err := st.QueryContext(ctx, seq, limit)
	if err != nil {
		return nil, fmt.Errorf("events after %d: %w", seq, err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		var at int64
		if err := rows.Scan(&e.Seq, &e.Type, &e.ReportID, &at); err != nil {
			return nil, fmt.Errorf("events after %d: %w", seq, err)
		}
		e.At = fromMS(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

func (s *sqlStore) LastEventSeq(ctx context.Context) (int64, error) {
	var seq sql.NullInt64
	if err := s.r.QueryRowContext(ctx, `SELECT max(seq) FROM events`).Scan(&seq); err != nil {
		return 0, fmt.Errorf("last event seq: %w", err)
	}
	return seq.Int64, nil
}

func (s *sqlStore) MatchedThrough(ctx context.Context) (int64, error) {
	var seq int64
	if err := s.r.QueryRowContext(ctx, `SELECT matched_through FROM matcher_state WHERE id = 1`).Scan(&seq); err != nil {
		return 0, fmt.Errorf("matched through: %w", err)
	}
	return seq, nil
}

func (s *sqlStore) SetMatchedThrough(ctx context.Context, seq int64) error {
	// The condition keeps it monotonic when nodes race: a slower node
	// reporting an older position does not undo a faster one's.
	if _, err := s.w.ExecContext(ctx, `UPDATE matcher_state SET matched_through = $1 WHERE id = 1 AND matched_through < $1`, seq); err != nil {
		return fmt.Errorf("set matched through %d: %w", seq, err)
	}
	return nil
}

// inList is a condition that col is one of vals, as one parameter $n: the
// statement's text is the same for any number of values. SQLite reads a
// list of $1…$5000 in time quadratic in its length (each name is looked up
// among the earlier ones, at prepare and again at bind): at a million
// reports that was 70% of the time matching a burst spent reading reports.
func (d dialect) inList(col string, n int, vals []string) (cond string, arg any) {
	if d.name == "postgres" {
		return fmt.Sprintf("%s = ANY($%d)", col, n), vals
	}
	return fmt.Sprintf("%s IN (SELECT value FROM json_each($%d))", col, n), jsonStrings(vals)
}

// jsonStrings writes vals as a JSON array. Ids and keys, the values these
// lists hold, need no escaping and are copied as they are; json.Marshal,
// which reflects on its argument, was a tenth of the read of a search's
// hits (side by side at 1M) and is left for the rest.
func jsonStrings(vals []string) string {
	n := 2
	for _, v := range vals {
		n += len(v) + 3
	}
	b := make([]byte, 0, n)
	b = append(b, '[')
	for i, v := range vals {
		if i > 0 {
			b = append(b, ',')
		}
		if !plainJSON(v) {
			q, _ := json.Marshal(v) // a string always marshals
			b = append(b, q...)
			continue
		}
		b = append(b, '"')
		b = append(b, v...)
		b = append(b, '"')
	}
	return string(append(b, ']'))
}

// plainJSON: v is printable ASCII without a quote or backslash, so "v" is
// its JSON form (json.Marshal also escapes <, > and &, which a JSON reader
// reads back the same).
func plainJSON(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}
