package exchange

import (
	"context"
	"errors"
	"sort"
	"strconv"
	"strings"
	"time"

	"tuys/api/intake"
	"tuys/data"
)

// Options of one list import.
type Options struct {
	Kind       string            // safe or seek: what every row of the list claims
	Source     string            // who made the list; shown in the "reported at" SMS
	SourceDate time.Time         // when they made it
	Map        map[string]string // ParseMap of --map
	Lang       string            // language of messages and of reports without one
	DryRun     bool              // validate and report, file nothing
	Progress   func(done, total int)
}

// ErrSourceDate: the day a list was made is not a day (YYYY-MM-DD or
// DD.MM.YYYY), or is after today.
var ErrSourceDate = errors.New("source date: not a day up to today")

// ParseSourceDate reads the day a list was made as noon UTC: read as
// midnight it fell on the day before in a zone west of UTC (pages and SMS
// show dates in TUYS_TIMEZONE), and noon is the same day from UTC-11 to
// UTC+11. A list is not made after today (tomorrow east of UTC is today).
func ParseSourceDate(s string, now time.Time) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "02.01.2006"} {
		if d, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			if d = d.Add(12 * time.Hour); d.After(now.Add(36 * time.Hour)) { // tomorrow, somewhere east
				return time.Time{}, ErrSourceDate
			}
			return d, nil
		}
	}
	return time.Time{}, ErrSourceDate
}

// RowError is one problem of one row: its row number as the spreadsheet
// shows it, the header of the column at fault, and a catalog key.
type RowError struct {
	Row    int
	Column string
	Field  string
	// what the list holds there, cut short: the refused cell (never a
	// contact's: a phone or a name the row gives to reach someone) and
	// the person the row is about, so a coordinator finds the row
	// without counting lines
	Value, Name string
	intake.FieldError
}

// Filed is a report filed (or, in a dry run, that would be) from a row.
type Filed struct {
	Row    int
	Report *data.Report
}

// Summary is what an import did.
type Summary struct {
	Rows, Filed, Duplicates, Rejected int
	Errors                            []RowError
	Reports                           []Filed
	// Unread are the headers of the columns no role was found for (nor
	// -map gave one): said before anything is filed, since what is in
	// them reaches no report (Қаласы and Телефоны were dropped without a
	// word: a new user's trial, 2026-12-07).
	Unread []string
}

// ErrNoHeaderRow: no row of the first ten names a name column.
var ErrNoHeaderRow = errors.New("no header row with a name column (ФИО, Аты-жөні, Full name, Фамилия…): name the columns with --map")

// UnmatchedMap is a --map naming what the header row does not hold (a
// mistyped header, a column number past the last): its role would be
// missing from every row without a word.
type UnmatchedMap struct{ Keys, Headers []string }

func (e UnmatchedMap) Error() string {
	return "--map names no column of the header row: " + strings.Join(e.Keys, ", ")
}

// unmatchedMap lists the keys of explicit that name no column of header,
// by its name or its number from 1.
func unmatchedMap(header []string, explicit map[string]string) []string {
	found := map[string]bool{}
	for i, h := range header {
		found[normalizeHeader(h)], found[strconv.Itoa(i+1)] = true, true
	}
	var miss []string
	for k := range explicit {
		if !found[k] {
			miss = append(miss, k)
		}
	}
	sort.Strings(miss)
	return miss
}

// unreadColumns are the named columns of header without a role, but
// those -map said to ignore.
func unreadColumns(header, roles []string, explicit map[string]string) []string {
	var out []string
	for i, h := range header {
		ignored := explicit[normalizeHeader(h)] == colIgnore || explicit[strconv.Itoa(i+1)] == colIgnore
		if roles[i] == "" && strings.TrimSpace(h) != "" && !ignored {
			out = append(out, strings.TrimSpace(h))
		}
	}
	return out
}

// importBatch is how many rows share a transaction: large enough that a
// commit costs little per row, small enough that progress moves.
const importBatch = 500

type pendingRow struct {
	line int
	rec  record
	row  intake.ImportRow
}

// ImportTable files the rows of t through the filer (one transaction per
// batch). Rows filed before, from the same source, are skipped.
func ImportTable(ctx context.Context, f *intake.Filer, st data.ImportStore, t *Table, o Options) (*Summary, error) {
	hdr, roles := findHeader(t, o.Map)
	if hdr < 0 {
		return nil, ErrNoHeaderRow
	}
	if miss := unmatchedMap(t.Rows[hdr], o.Map); len(miss) > 0 {
		return nil, UnmatchedMap{Keys: miss, Headers: t.Rows[hdr]}
	}
	headers := map[string]string{}
	for i, r := range roles {
		if r != "" {
			headers[r] = t.Rows[hdr][i]
		}
	}
	sum := &Summary{Unread: unreadColumns(t.Rows[hdr], roles, o.Map)}
	total := len(t.Rows) - hdr - 1
	var batch []pendingRow
	flush := func() error {
		err := fileBatch(ctx, f, st, batch, headers, o, sum)
		batch = batch[:0]
		if o.Progress != nil {
			o.Progress(sum.Rows, total)
		}
		return err
	}
	for i := hdr + 1; i < len(t.Rows); i++ {
		rec := readRecord(t.Rows[i], roles)
		if rec.empty() {
			continue
		}
		sum.Rows++
		in, errs := rec.toInput(o.Kind)
		if len(errs) > 0 {
			_, fe := in.ToReport(f.Now(), o.Lang, data.ChannelImport)
			sum.reject(t.Line[i], headers, rec, errs.Merge(fe))
			continue
		}
		batch = append(batch, pendingRow{t.Line[i], rec, intake.ImportRow{Input: in, Source: o.Source, SourceDate: o.SourceDate}})
		if len(batch) == importBatch {
			if err := flush(); err != nil {
				return sum, err
			}
		}
	}
	return sum, flush()
}

func fileBatch(ctx context.Context, f *intake.Filer, st data.ImportStore, batch []pendingRow, headers map[string]string, o Options, sum *Summary) error {
	if len(batch) == 0 {
		return nil
	}
	rows := make([]intake.ImportRow, len(batch))
	for i, p := range batch {
		rows[i] = p.row
	}
	res, err := f.FileImported(ctx, st, rows, o.Lang, o.DryRun)
	if err != nil {
		return err
	}
	for i, r := range res {
		switch {
		case r.Errors != nil:
			sum.reject(batch[i].line, headers, batch[i].rec, r.Errors)
		case r.Duplicate:
			sum.Duplicates++
		default:
			sum.Filed++
			if o.DryRun {
				sum.Reports = append(sum.Reports, Filed{batch[i].line, r.Report})
			}
		}
	}
	return nil
}

func (s *Summary) reject(line int, headers map[string]string, rec record, fe intake.FieldErrors) {
	s.Rejected++
	var errs []RowError
	for field, e := range fe {
		col, value := "", ""
		for _, role := range fieldColumn[field] {
			if h, ok := headers[role]; ok {
				col, value = h, rec[role]
				break
			}
		}
		switch {
		case contactFields[field]:
			value = ""
		case placeFields[field]:
			value = data.HidePlace(value)
		default:
			value = data.HideContacts(value)
		}
		errs = append(errs, RowError{Row: line, Column: col, Field: field, FieldError: e,
			Value: shortCell(value), Name: shortCell(data.HideContacts(rec.fullName()))})
	}
	sort.Slice(errs, func(i, j int) bool { return errs[i].Field < errs[j].Field })
	s.Errors = append(s.Errors, errs...)
}

// contactFields are the fields whose refused value a row error leaves
// out: a contact's phone or name is not the person the list is about.
var contactFields = map[string]bool{"contact.phone": true, "contact.name": true}

// placeFields are hidden as places are (their doors); any other refused
// value as a free text: a list may hold a number or an address in any
// column, and the error is read on a screen or a terminal.
var placeFields = map[string]bool{"person.city": true, "person.region": true, "person.country": true, "person.last_location": true}

// shortCell is a cell as a row error quotes it: one line, at most 40
// letters.
func shortCell(v string) string {
	v = strings.Join(strings.Fields(v), " ")
	if r := []rune(v); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return v
}
