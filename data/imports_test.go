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
		known, err := is.KnownKeys(ctx, []string{batch[0].Key, PFIFKey("pf.org/person.1"), PFIFKey("pf.org/person.2")})
		if err != nil || !known[batch[0].Key] || !known[PFIFKey("pf.org/person.1")] || known[PFIFKey("pf.org/person.2")] {
			t.Fatalf("known keys: %v %v", known, err)
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

func TestChangedSince(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		is, _ := Imports(s)
		var ids []string
		for _, name := range []string{"Ерлан", "Арман", "Тимур"} {
			r := &Report{Kind: KindSeek, FullName: name}
			if err := s.CreateReport(ctx, r); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, r.ID)
		}
		if err := s.AddNote(ctx, &Note{ReportID: ids[0], Text: "видели", CreatedAt: time.Now().Add(-time.Hour)}); err != nil {
			t.Fatal(err)
		}
		if err := s.AddNote(ctx, &Note{ReportID: ids[2], Text: "в школе"}); err != nil {
			t.Fatal(err)
		}
		all, err := is.ReportsChangedSince(ctx, time.Time{}, "", 2)
		if err != nil || len(all) != 2 {
			t.Fatalf("first page: %d %v", len(all), err)
		}
		rest, _ := is.ReportsChangedSince(ctx, time.Time{}, all[1].ID, 2)
		if len(rest) != 1 {
			t.Fatalf("second page: %d", len(rest))
		}
		if later, _ := is.ReportsChangedSince(ctx, time.Now().Add(time.Hour), "", 10); len(later) != 0 {
			t.Fatalf("changed in the future: %d", len(later))
		}
		notes, err := is.NotesSince(ctx, time.Now().Add(-time.Minute), "", 10)
		if err != nil || len(notes) != 1 || notes[0].ReportID != ids[2] || notes[0].Text != "в школе" {
			t.Fatalf("notes since: %+v %v", notes, err)
		}
	})
}

// A removed report's import key is kept only as a keyed hash: the plain
// key is a hash of the name, year, city and source, which a copy of the
// database and a list of names would reverse. The same row imported again
// still files nothing.
func TestRemovedReportsImportKeyIsBuried(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		is, _ := Imports(s)
		r := &Report{ID: NewID(), Kind: KindSafe, FullName: "Касымова Динара Бековна", BirthYear: 1990, City: "Шымкент", Channel: ChannelImport}
		key := ImportKey("Больница 7", r)
		if filed, err := is.CreateImported(ctx, []ImportedReport{{Report: r, Key: key}}); err != nil || !filed[0] {
			t.Fatalf("import: %v %v", filed, err)
		}
		if err := s.RemoveReport(ctx, r.ID); err != nil {
			t.Fatal(err)
		}
		var plain int
		if err := s.(*sqlStore).r.QueryRowContext(ctx, `SELECT count(*) FROM import_keys WHERE key = $1`, key).Scan(&plain); err != nil || plain != 0 {
			t.Fatalf("the plain import key of a removed report is kept (%d rows, %v)", plain, err)
		}
		again := &Report{ID: NewID(), Kind: KindSafe, FullName: r.FullName, BirthYear: 1990, City: "Шымкент", Channel: ChannelImport}
		if filed, err := is.CreateImported(ctx, []ImportedReport{{Report: again, Key: key}}); err != nil || filed[0] {
			t.Fatalf("the removed person's row imported again was filed: %v %v", filed, err)
		}
		if known, err := is.KnownKeys(ctx, []string{key}); err != nil || !known[key] {
			t.Fatalf("a dry run does not know the removed row: %v %v", known, err)
		}
	})
}
