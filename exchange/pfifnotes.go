package exchange

import (
	"context"
	"fmt"
	"io"
	"time"

	"tuys/data"
	"tuys/exchange/pfif"
)

// ExportPFIFNotes writes, as a PFIF 1.4 notes feed, the public notes
// created at or after o.Since, and returns how many it wrote.
func ExportPFIFNotes(ctx context.Context, st data.Store, w io.Writer, o ExportOptions) (int, error) {
	pw := pfif.NewWriter(w)
	since, n := o.Since, 0
	o.Since = time.Time{} // a new note does not change its report: look at all
	err := eachReport(ctx, st, o, func(r *data.Report, orig data.ImportOrigin) error {
		notes, err := st.ListNotes(ctx, r.ID)
		if err != nil {
			return err
		}
		p := o.toPerson(r, orig, notes, "", o.Now)
		for _, note := range p.Notes[1:] { // [0] carries the kind, not a note
			if pfif.ParseTime(note.EntryDate).Before(since.Truncate(1e9)) {
				continue
			}
			pw.Note(&note)
			n++
		}
		return nil
	})
	if err != nil {
		return n, fmt.Errorf("export PFIF notes: %w", err)
	}
	return n, pw.Close()
}
