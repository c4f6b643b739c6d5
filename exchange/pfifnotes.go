package exchange

import (
	"context"
	"fmt"
	"io"

	"tuys/data"
	"tuys/exchange/pfif"
)

// ExportPFIFNotes writes, as a PFIF 1.4 notes feed, the public notes
// created at or after o.Since, and returns how many it wrote.
func ExportPFIFNotes(ctx context.Context, st data.Store, w io.Writer, o ExportOptions) (int, error) {
	is, err := data.Imports(st)
	if err != nil {
		return 0, err
	}
	pw := pfif.NewWriter(w)
	n, after := 0, ""
	for {
		notes, err := is.NotesSince(ctx, o.Since, after, exportPage)
		if err != nil {
			return n, fmt.Errorf("export PFIF notes: %w", err)
		}
		if len(notes) == 0 {
			return n, pw.Close()
		}
		after = notes[len(notes)-1].ID
		ids := make([]string, len(notes))
		for i, note := range notes {
			ids[i] = note.ReportID
		}
		origins, err := is.ImportOrigins(ctx, ids)
		if err != nil {
			return n, fmt.Errorf("export PFIF notes: %w", err)
		}
		for i := range notes {
			person := o.PersonRecordID(&data.Report{ID: notes[i].ReportID}, origins[notes[i].ReportID])
			note := o.toNote(&notes[i], person)
			pw.Note(&note)
			n++
		}
	}
}
