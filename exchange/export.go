package exchange

import (
	"context"
	"strconv"
	"time"

	"tuys/data"
	"tuys/exchange/pfif"
)

// ExportOptions say what an export shows.
type ExportOptions struct {
	// Domain names this instance in PFIF record ids: tuys.<domain>/person.<id>.
	Domain string
	// Contacts adds the contact fields (name, phone, source): for a
	// coordinator, audited by the caller.
	Contacts bool
	// Removed adds the placeholders of removed reports (PFIF), so copies
	// elsewhere delete theirs too.
	Removed bool
	// Since keeps reports changed at or after it (zero = all).
	Since time.Time
	// Now turns a birth year known from an age back into an age; zero = the clock.
	Now time.Time
}

const exportPage = 500

// eachReport calls fn for every report the options select, with its import
// origin, in id order.
func eachReport(ctx context.Context, st data.Store, o ExportOptions, fn func(r *data.Report, orig data.ImportOrigin) error) error {
	is, err := data.Imports(st)
	if err != nil {
		return err
	}
	after := ""
	for {
		rs, err := is.ReportsChangedSince(ctx, o.Since, after, exportPage)
		if err != nil || len(rs) == 0 {
			return err
		}
		after = rs[len(rs)-1].ID
		ids := make([]string, len(rs))
		for i, r := range rs {
			ids[i] = r.ID
		}
		origins, err := is.ImportOrigins(ctx, ids)
		if err != nil {
			return err
		}
		for _, r := range rs {
			if r.Status == data.StatusRemoved && !o.Removed {
				continue
			}
			if err := fn(r, origins[r.ID]); err != nil {
				return err
			}
		}
	}
}

// PersonRecordID is the PFIF id of a report: the one it was imported with,
// else tuys.<domain>/person.<id>.
func (o ExportOptions) PersonRecordID(r *data.Report, orig data.ImportOrigin) string {
	if orig.RecordID != "" {
		return orig.RecordID
	}
	return personPrefix(o.Domain) + r.ID
}

func (o ExportOptions) noteRecordID(id string) string { return notePrefix(o.Domain) + id }

// kindStatus is the note status that carries a report's kind in PFIF,
// which has no kind of its own.
var kindStatus = map[data.Kind]string{data.KindSeek: data.NoteInfoSought, data.KindSafe: data.NoteBelievedAlive}

var pfifSexOut = map[string]string{"M": "male", "F": "female"}

// toPerson is a report as a PFIF person with its public notes.
func (o ExportOptions) toPerson(r *data.Report, orig data.ImportOrigin, notes []data.Note, linked string, now time.Time) pfif.Person {
	source := orig.SourceDate
	if source.IsZero() {
		source = r.CreatedAt
	}
	p := pfif.Person{RecordID: o.PersonRecordID(r, orig), EntryDate: pfif.FormatTime(r.CreatedAt),
		ExpiryDate: pfif.FormatTime(r.ExpiresAt), SourceDate: pfif.FormatTime(source)}
	if r.Status == data.StatusRemoved {
		return p // the placeholder: ids and dates only
	}
	pub := data.Public(r)
	p.FullName, p.GivenName, p.FamilyName = pub.FullName, pub.GivenName, pub.FamilyName
	p.Description, p.Sex = pub.Description, pfifSexOut[pub.Sex]
	p.HomeCity, p.HomeState, p.HomeCountry = pub.City, pub.Region, pub.Country
	switch {
	case pub.BirthYear != 0 && pub.YearApprox:
		p.Age = strconv.Itoa(now.Year() - pub.BirthYear)
	case pub.BirthYear != 0:
		p.DateOfBirth = strconv.Itoa(pub.BirthYear)
	}
	if o.Contacts {
		p.AuthorName, p.AuthorPhone, p.SourceName = r.ContactName, r.ContactPhone, r.SourceName
	}
	p.Notes = append(p.Notes, pfif.Note{RecordID: o.noteRecordID("kind." + r.ID), PersonRecordID: p.RecordID,
		AuthorName: "tuys." + o.Domain, SourceDate: p.SourceDate, EntryDate: p.EntryDate, Status: kindStatus[r.Kind]})
	for i := range notes {
		p.Notes = append(p.Notes, o.toNote(&notes[i], p.RecordID))
	}
	if linked != "" {
		p.Notes = append(p.Notes, pfif.Note{RecordID: o.noteRecordID("link." + r.ID), PersonRecordID: p.RecordID,
			LinkedPersonRecordID: linked, AuthorName: "tuys." + o.Domain,
			SourceDate: p.SourceDate})
	}
	return p
}

// toNote is a note's public view as a PFIF note of personRecordID; a
// note whose author's name is not public (the report's author, a
// volunteer) is signed by this tuys, as PFIF wants a name.
func (o ExportOptions) toNote(note *data.Note, personRecordID string) pfif.Note {
	n := data.PublicNoteOf(note)
	author := n.Author
	if n.By != data.NoteByPublic {
		author = "tuys." + o.Domain
	}
	return pfif.Note{RecordID: o.noteRecordID(n.ID), PersonRecordID: personRecordID, AuthorName: author,
		SourceDate: pfif.FormatTime(n.CreatedAt), EntryDate: pfif.FormatTime(n.CreatedAt), Status: n.Status, Text: n.Text}
}
