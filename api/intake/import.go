package intake

import (
	"context"
	"fmt"
	"time"

	"tuys/data"
)

// ImportRow is one row of an imported list (CSV, XLSX, PFIF).
type ImportRow struct {
	Input      ReportInput
	Source     string    // who made the list: "Городская больница №7"
	SourceDate time.Time // when they made it; zero = unknown
	// RecordID is the row's PFIF person_record_id: it keys the row instead
	// of its content, so a partner's corrected record is still the same one.
	RecordID  string
	ExpiresAt time.Time // PFIF expiry_date; zero = the default expiry
}

// ImportResult is what became of one row.
type ImportResult struct {
	Report    *data.Report // the report filed (or, in a dry run, that would be); nil when rejected
	Errors    FieldErrors
	Duplicate bool // filed before from the same source and content (or record id)
}

// FileImported validates every row as any report is validated and, unless
// dryRun, files the valid ones in one transaction through the channel
// "import". A row filed before is skipped: see data.ImportKey.
func (f *Filer) FileImported(ctx context.Context, st data.ImportStore, rows []ImportRow, lang string, dryRun bool) ([]ImportResult, error) {
	now := f.Now()
	results := make([]ImportResult, len(rows))
	var batch []data.ImportedReport
	var at []int
	for i := range rows {
		row := &rows[i]
		r, fe := row.Input.ToReport(now, lang, data.ChannelImport)
		if fe != nil {
			results[i].Errors = fe
			continue
		}
		r.SourceName = CleanText(row.Source)
		// The person was on the list when the list was made: that is the
		// date the seeker's SMS and the pages give ("on the list of the
		// living since 07.01.2022"), not the day it reached us. The expiry
		// still runs from now.
		if d := row.SourceDate; !d.IsZero() && d.Before(now) {
			r.CreatedAt = d
		}
		// A partner's expiry may shorten ours, never outlast the longest a
		// report may be kept.
		if !row.ExpiresAt.IsZero() {
			r.ExpiresAt = minTime(row.ExpiresAt, now.AddDate(0, 0, maxExpiryDays))
		}
		results[i].Report = r
		key := data.ImportKey(r.SourceName, r)
		if row.RecordID != "" {
			key = data.PFIFKey(row.RecordID)
		}
		r.ID = data.NewID()
		batch = append(batch, data.ImportedReport{Report: r, Key: key, SourceDate: row.SourceDate, RecordID: row.RecordID})
		at = append(at, i)
	}
	if len(batch) == 0 {
		return results, nil
	}
	filed, err := fileOrCheck(ctx, st, batch, dryRun)
	if err != nil {
		return nil, err
	}
	n := 0
	for j, ok := range filed {
		if !ok {
			results[at[j]].Duplicate = true
			continue
		}
		n++
	}
	if dryRun {
		return results, nil
	}
	f.Log.DebugContext(ctx, "imported reports filed", "filed", n, "duplicates", len(batch)-n, "rejected", len(rows)-len(batch))
	if n > 0 && f.Filed != nil {
		f.Filed()
	}
	return results, nil
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// fileOrCheck files the batch, or in a dry run says which rows would be
// filed: those whose key is new, and not repeated earlier in the batch.
func fileOrCheck(ctx context.Context, st data.ImportStore, batch []data.ImportedReport, dryRun bool) ([]bool, error) {
	if !dryRun {
		filed, err := st.CreateImported(ctx, batch)
		if err != nil {
			return nil, fmt.Errorf("file imported rows: %w", err)
		}
		return filed, nil
	}
	keys := make([]string, len(batch))
	for i, b := range batch {
		keys[i] = b.Key
	}
	known, err := st.KnownKeys(ctx, keys)
	if err != nil {
		return nil, fmt.Errorf("check imported rows: %w", err)
	}
	fresh := make([]bool, len(batch))
	for i, k := range keys {
		fresh[i], known[k] = !known[k], true
	}
	return fresh, nil
}
