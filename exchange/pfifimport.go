package exchange

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"tuys/api/intake"
	"tuys/data"
	"tuys/exchange/pfif"
)

// RecordError is a problem with one PFIF record, by its record id.
type RecordError struct {
	RecordID string
	Field    string
	intake.FieldError
}

// PFIFSummary is what a PFIF import did.
type PFIFSummary struct {
	Filed, Duplicates, Rejected, Removed, Notes, Links int
	Errors                                             []RecordError
}

// PFIFOptions: Kind is the kind of persons whose notes say nothing of it
// ("" = seek: Person Finder's persons are mostly missing people).
type PFIFOptions struct {
	Kind, Source, Lang string
	DryRun             bool
	// Domain is this instance's (DomainOf): its own records, posted back
	// by a mirror, are not filed again.
	Domain string
}

// ImportPFIF files a PFIF document: persons through the filer (keyed by
// person_record_id, so a second import files nothing), their notes, links
// between persons, and placeholders of expired records as deletions.
func ImportPFIF(ctx context.Context, f *intake.Filer, st data.Store, doc *pfif.Document, o PFIFOptions) (*PFIFSummary, error) {
	is, err := data.Imports(st)
	if err != nil {
		return nil, err
	}
	recs := records{st: st, is: is, domain: o.Domain}
	notes := map[string][]pfif.Note{}
	for _, n := range doc.AllNotes() {
		notes[n.PersonRecordID] = append(notes[n.PersonRecordID], n)
	}
	sum := &PFIFSummary{}
	var rows []intake.ImportRow
	for i := range doc.Persons {
		p := &doc.Persons[i]
		if p.RecordID == "" {
			sum.reject("", "person_record_id", "field.required")
			continue
		}
		// Ours (sent back by a mirror): we have it, and we decide its expiry.
		if id, err := recs.ours(ctx, p.RecordID); id != "" || err != nil {
			if err != nil {
				return sum, err
			}
			sum.Duplicates++
			continue
		}
		if p.Placeholder() || expired(p, f) {
			if err := removeRecord(ctx, recs, p.RecordID, o.DryRun, sum); err != nil {
				return sum, err
			}
			continue
		}
		rows = append(rows, personRow(p, notes[p.RecordID], o, f))
	}
	for start := 0; start < len(rows); start += importBatch {
		batch := rows[start:min(start+importBatch, len(rows))]
		res, err := f.FileImported(ctx, is, batch, o.Lang, o.DryRun)
		if err != nil {
			return sum, err
		}
		sum.count(batch, res)
	}
	if o.DryRun {
		return sum, nil
	}
	return sum, importNotes(ctx, recs, doc.AllNotes(), sum)
}

func expired(p *pfif.Person, f *intake.Filer) bool {
	t := pfif.ParseTime(p.ExpiryDate)
	return !t.IsZero() && !t.After(f.Now())
}

func removeRecord(ctx context.Context, recs records, recordID string, dry bool, sum *PFIFSummary) error {
	st := recs.st
	id, err := recs.is.ReportForRecord(ctx, recordID)
	if errors.Is(err, data.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	r, err := st.GetReport(ctx, id)
	if err != nil || r.Status == data.StatusRemoved {
		return err
	}
	sum.Removed++
	if dry {
		return nil
	}
	return st.RemoveReport(ctx, id)
}

func (s *PFIFSummary) reject(recordID, field, key string, args ...any) {
	s.Rejected++
	s.Errors = append(s.Errors, RecordError{RecordID: recordID, Field: field, FieldError: intake.FieldError{Key: key, Args: args}})
}

func (s *PFIFSummary) count(rows []intake.ImportRow, res []intake.ImportResult) {
	for i, r := range res {
		switch {
		case r.Errors != nil:
			s.Rejected++
			for field, e := range r.Errors {
				s.Errors = append(s.Errors, RecordError{RecordID: rows[i].RecordID, Field: field, FieldError: e})
			}
		case r.Duplicate:
			s.Duplicates++
		default:
			s.Filed++
		}
	}
}

// kindOf reads a person's kind from the earliest note that tells it (the
// note that came with the record): someone who wrote about themself, or is
// believed alive, is safe; someone sought is sought. A later "alive" note
// on a sought person does not make the seeker's report a safe one.
func kindOf(notes []pfif.Note, def string) string {
	sorted := append([]pfif.Note(nil), notes...)
	sort.SliceStable(sorted, func(i, j int) bool {
		return pfif.ParseTime(sorted[i].SourceDate).Before(pfif.ParseTime(sorted[j].SourceDate))
	})
	for _, n := range sorted {
		switch n.Status {
		case data.NoteIsNoteAuthor, data.NoteBelievedAlive:
			return string(data.KindSafe)
		case data.NoteInfoSought:
			return string(data.KindSeek)
		}
	}
	if def == "" {
		return string(data.KindSeek)
	}
	return def
}

var pfifSex = map[string]string{"male": "M", "female": "F"}

func personRow(p *pfif.Person, notes []pfif.Note, o PFIFOptions, f *intake.Filer) intake.ImportRow {
	name := p.FullName
	if name == "" {
		name = strings.TrimSpace(p.GivenName + " " + p.FamilyName)
	}
	in := intake.ReportInput{Kind: kindOf(notes, o.Kind), Person: intake.PersonInput{
		FullName: name, Sex: pfifSex[strings.ToLower(p.Sex)], City: p.HomeCity, Region: p.HomeState,
		Country: p.HomeCountry, Description: p.Description},
		Contact: intake.ContactInput{Name: p.AuthorName}}
	// A partner's junk phone must not lose the person: keep only a number
	// that is one.
	if _, ok := data.NormalizePhone(p.AuthorPhone); ok {
		in.Contact.Phone = p.AuthorPhone
	}
	if y, err := strconv.Atoi(strings.SplitN(p.DateOfBirth, "-", 2)[0]); err == nil && y > 0 {
		in.Person.BirthYear = y
	} else if age, ok := pfifAge(p.Age); ok {
		in.Person.Age = &age
	}
	source := p.SourceName
	if source == "" {
		source = o.Source
	}
	row := intake.ImportRow{Input: in, Source: source, SourceDate: pfif.ParseTime(p.SourceDate), RecordID: p.RecordID}
	if t := pfif.ParseTime(p.ExpiryDate); t.After(f.Now()) {
		row.ExpiresAt = t
	}
	return row
}

// pfifAge reads "30" or a range "30-40" (its middle).
func pfifAge(s string) (int, bool) {
	lo, hi, isRange := strings.Cut(s, "-")
	a, err := strconv.Atoi(lo)
	if err != nil {
		return 0, false
	}
	if isRange {
		b, err := strconv.Atoi(hi)
		if err != nil {
			return 0, false
		}
		a = (a + b) / 2
	}
	return a, true
}

// importNotes adds the notes of imported persons, keyed by note_record_id,
// and their links. A note with no text whose status only says sought or
// alive has told its person's kind already and is not stored.
func importNotes(ctx context.Context, recs records, notes []pfif.Note, sum *PFIFSummary) error {
	for _, n := range notes {
		if recs.ourNote(n.RecordID) {
			continue
		}
		reportID, err := recs.report(ctx, n.PersonRecordID)
		if errors.Is(err, data.ErrNotFound) {
			continue // its person was rejected, or is not in this file
		}
		if err != nil {
			return err
		}
		if err := linkNote(ctx, recs, reportID, n, sum); err != nil {
			return err
		}
		if n.Text == "" && n.Status != data.NoteBelievedMissing && n.Status != data.NoteBelievedDead {
			continue
		}
		if err := addNote(ctx, recs.is, reportID, n, sum); err != nil {
			return err
		}
	}
	return nil
}

func addNote(ctx context.Context, is data.ImportStore, reportID string, n pfif.Note, sum *PFIFSummary) error {
	if n.RecordID == "" {
		sum.reject(n.PersonRecordID, "note_record_id", "field.required")
		return nil
	}
	in := intake.NoteInput{Status: n.Status, Text: n.Text, Author: n.AuthorName}
	if fe := in.Validate(); fe != nil {
		for field, e := range fe {
			sum.Errors = append(sum.Errors, RecordError{RecordID: n.RecordID, Field: field, FieldError: e})
		}
		sum.Rejected++
		return nil
	}
	note := &data.Note{ReportID: reportID, Status: in.Status, Text: in.Text, Author: in.Author,
		CreatedAt: pfif.ParseTime(firstNonEmpty(n.EntryDate, n.SourceDate))}
	added, err := is.AddImportedNote(ctx, data.ImportedNote{Note: note, Key: data.PFIFKey(n.RecordID), RecordID: n.RecordID})
	if err != nil && !errors.Is(err, data.ErrNotFound) {
		return fmt.Errorf("note %s: %w", n.RecordID, err)
	}
	if added {
		sum.Notes++
	}
	return nil
}

// linkNote records linked_person_record_id: the two persons are the same.
func linkNote(ctx context.Context, recs records, reportID string, n pfif.Note, sum *PFIFSummary) error {
	st := recs.st
	if n.LinkedPersonRecordID == "" {
		return nil
	}
	other, err := recs.report(ctx, n.LinkedPersonRecordID)
	if errors.Is(err, data.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	r, err := st.GetReport(ctx, reportID)
	if err != nil || r.LinkedID == other {
		return err
	}
	sum.Links++
	return st.LinkReports(ctx, reportID, other)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
