package data

import (
	"context"
	"testing"
	"time"
)

func TestImportKeys(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		is, err := Imports(s)
		if err != nil {
			t.Fatal(err)
		}
		mk := func(name string) *Report {
			return &Report{ID: NewID(), Kind: KindSafe, FullName: name, Channel: ChannelImport, SourceName: "Больница №7"}
		}
		a, b := mk("Жумабаев Ерлан"), mk("Ким Виктор")
		date := time.Date(2022, 1, 7, 0, 0, 0, 0, time.UTC)
		batch := []ImportedReport{
			{Report: a, Key: ImportKey("Больница №7", a), SourceDate: date},
			{Report: b, Key: PFIFKey("pf.org/person.1"), RecordID: "pf.org/person.1"},
			{Report: mk("  жумабаев   ЕРЛАН "), Key: ImportKey("Больница №7", mk("  жумабаев   ЕРЛАН "))}, // same row, other spelling of case and space
		}
		filed, err := is.CreateImported(ctx, batch)
		if err != nil || len(filed) != 3 || !filed[0] || !filed[1] || filed[2] {
			t.Fatalf("first batch: %v %v", filed, err)
		}
		if ImportKey("Shelter 3", a) == ImportKey("Больница №7", a) {
			t.Error("the key ignores the source")
		}
		again, err := is.CreateImported(ctx, []ImportedReport{{Report: mk("Жумабаев Ерлан"), Key: batch[0].Key}})
		if err != nil || again[0] {
			t.Fatalf("second import of a row: %v %v", again, err)
		}
		if n, _ := s.ScanReports(ctx, "", 10); len(n) != 2 {
			t.Fatalf("%d reports stored, want 2", len(n))
		}
		if id, err := is.ReportForRecord(ctx, "pf.org/person.1"); err != nil || id != b.ID {
			t.Fatalf("record id: %q %v", id, err)
		}
		if _, err := is.ReportForRecord(ctx, "pf.org/person.2"); err != ErrNotFound {
			t.Fatalf("unknown record: %v", err)
		}
		origins, err := is.ImportOrigins(ctx, []string{a.ID, b.ID, "nope"})
		if err != nil || !origins[a.ID].SourceDate.Equal(date) || origins[b.ID].RecordID != "pf.org/person.1" || len(origins) != 2 {
			t.Fatalf("origins: %+v %v", origins, err)
		}
		note := ImportedNote{Note: &Note{ReportID: b.ID, Status: NoteBelievedAlive, Text: "в школе №12"}, Key: PFIFKey("pf.org/note.1"), RecordID: "pf.org/note.1"}
		for i, want := range []bool{true, false} {
			n := note
			n.Note = &Note{ReportID: b.ID, Status: NoteBelievedAlive, Text: "в школе №12"}
			if added, err := is.AddImportedNote(ctx, n); err != nil || added != want {
				t.Fatalf("note, try %d: %v %v", i, added, err)
			}
		}
		if notes, _ := s.ListNotes(ctx, b.ID); len(notes) != 1 {
			t.Fatalf("%d notes, want 1", len(notes))
		}
		// The note's record id is not a person's.
		if _, err := is.ReportForRecord(ctx, "pf.org/note.1"); err != ErrNotFound {
			t.Fatalf("note record found as a person: %v", err)
		}
	})
}
