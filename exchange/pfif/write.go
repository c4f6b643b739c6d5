package pfif

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
)

type field struct {
	name      string
	value     *string
	mandatory bool
}

// fields lists a person's fields in PFIF 1.4 order; mandatory ones are
// written even when empty.
func (p *Person) fields() []field {
	return []field{
		{"person_record_id", &p.RecordID, true}, {"entry_date", &p.EntryDate, false}, {"expiry_date", &p.ExpiryDate, false},
		{"author_name", &p.AuthorName, false}, {"author_email", &p.AuthorEmail, false}, {"author_phone", &p.AuthorPhone, false},
		{"source_name", &p.SourceName, false}, {"source_date", &p.SourceDate, true}, {"source_url", &p.SourceURL, false},
		{"full_name", &p.FullName, false}, {"given_name", &p.GivenName, false}, {"family_name", &p.FamilyName, false},
		{"alternate_names", &p.AlternateNames, false}, {"description", &p.Description, false}, {"sex", &p.Sex, false},
		{"date_of_birth", &p.DateOfBirth, false}, {"age", &p.Age, false}, {"home_street", &p.HomeStreet, false},
		{"home_neighborhood", &p.HomeNeighborhood, false}, {"home_city", &p.HomeCity, false}, {"home_state", &p.HomeState, false},
		{"home_postal_code", &p.HomePostalCode, false}, {"home_country", &p.HomeCountry, false}, {"photo_url", &p.PhotoURL, false},
		{"profile_urls", &p.ProfileURLs, false},
	}
}

// fields lists a note's fields in PFIF 1.4 order.
func (n *Note) fields() []field {
	return []field{
		{"note_record_id", &n.RecordID, true}, {"person_record_id", &n.PersonRecordID, false},
		{"linked_person_record_id", &n.LinkedPersonRecordID, false}, {"entry_date", &n.EntryDate, false},
		{"author_name", &n.AuthorName, true}, {"author_email", &n.AuthorEmail, false}, {"author_phone", &n.AuthorPhone, false},
		{"source_date", &n.SourceDate, true}, {"author_made_contact", &n.AuthorMadeContact, false}, {"status", &n.Status, false},
		{"email_of_found_person", &n.EmailOfFoundPerson, false}, {"phone_of_found_person", &n.PhoneOfFoundPerson, false},
		{"last_known_location", &n.LastKnownLocation, false}, {"text", &n.Text, false}, {"photo_url", &n.PhotoURL, false},
	}
}

// Writer writes a PFIF 1.4 document one person at a time, the way Person
// Finder does: notes inside their person, fields in the standard order.
type Writer struct {
	w   *bufio.Writer
	err error
}

// NewWriter starts a document on w; Close ends it.
func NewWriter(w io.Writer) *Writer {
	pw := &Writer{w: bufio.NewWriter(w)}
	pw.printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pfif:pfif xmlns:pfif=%q>\n", NS)
	return pw
}

// Person writes p and the notes it encloses. A placeholder keeps only the
// record id and its dates.
func (pw *Writer) Person(p *Person) {
	pw.printf("  <pfif:person>\n")
	pw.fields(p.fields(), "    ")
	for i := range p.Notes {
		pw.printf("    <pfif:note>\n")
		pw.fields(p.Notes[i].fields(), "      ")
		pw.printf("    </pfif:note>\n")
	}
	pw.printf("  </pfif:person>\n")
}

// Close ends the document and flushes it.
func (pw *Writer) Close() error {
	pw.printf("</pfif:pfif>\n")
	if pw.err != nil {
		return pw.err
	}
	if err := pw.w.Flush(); err != nil {
		return fmt.Errorf("write PFIF: %w", err)
	}
	return nil
}

func (pw *Writer) fields(fs []field, indent string) {
	for _, f := range fs {
		if *f.value == "" && !f.mandatory {
			continue
		}
		pw.printf("%s<pfif:%s>", indent, f.name)
		if pw.err == nil {
			pw.err = xml.EscapeText(pw.w, []byte(*f.value))
		}
		pw.printf("</pfif:%s>\n", f.name)
	}
}

func (pw *Writer) printf(format string, args ...any) {
	if pw.err == nil {
		_, pw.err = fmt.Fprintf(pw.w, format, args...)
	}
}

// Note writes a note outside any person (a notes feed); its
// person_record_id says whose it is.
func (pw *Writer) Note(n *Note) {
	pw.printf("  <pfif:note>\n")
	pw.fields(n.fields(), "    ")
	pw.printf("  </pfif:note>\n")
}
