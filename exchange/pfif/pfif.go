// Package pfif reads and writes PFIF 1.4, the Person Finder Interchange
// Format (http://zesty.ca/pfif/1.4): person records with their notes.
// It knows the format only; exchange maps it to tuys's reports.
package pfif

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// NS is the PFIF 1.4 namespace.
const NS = "http://zesty.ca/pfif/1.4"

// Person is a PFIF person record. Reading matches field names in any PFIF
// namespace (1.2 and 1.3 files share most of them).
type Person struct {
	RecordID         string `xml:"person_record_id"`
	EntryDate        string `xml:"entry_date"`
	ExpiryDate       string `xml:"expiry_date"`
	AuthorName       string `xml:"author_name"`
	AuthorEmail      string `xml:"author_email"`
	AuthorPhone      string `xml:"author_phone"`
	SourceName       string `xml:"source_name"`
	SourceDate       string `xml:"source_date"`
	SourceURL        string `xml:"source_url"`
	FullName         string `xml:"full_name"`
	GivenName        string `xml:"given_name"`
	FamilyName       string `xml:"family_name"`
	AlternateNames   string `xml:"alternate_names"`
	Description      string `xml:"description"`
	Sex              string `xml:"sex"`
	DateOfBirth      string `xml:"date_of_birth"`
	Age              string `xml:"age"`
	HomeStreet       string `xml:"home_street"`
	HomeNeighborhood string `xml:"home_neighborhood"`
	HomeCity         string `xml:"home_city"`
	HomeState        string `xml:"home_state"`
	HomePostalCode   string `xml:"home_postal_code"`
	HomeCountry      string `xml:"home_country"`
	PhotoURL         string `xml:"photo_url"`
	ProfileURLs      string `xml:"profile_urls"`
	Notes            []Note `xml:"note"`
	// PFIF 1.1–1.3 names, read into their 1.4 fields (upgrade).
	FirstName string `xml:"first_name"`
	LastName  string `xml:"last_name"`
	Other     string `xml:"other"`
}

// Note is a PFIF note record.
type Note struct {
	RecordID             string `xml:"note_record_id"`
	PersonRecordID       string `xml:"person_record_id"`
	LinkedPersonRecordID string `xml:"linked_person_record_id"`
	EntryDate            string `xml:"entry_date"`
	AuthorName           string `xml:"author_name"`
	AuthorEmail          string `xml:"author_email"`
	AuthorPhone          string `xml:"author_phone"`
	SourceDate           string `xml:"source_date"`
	AuthorMadeContact    string `xml:"author_made_contact"`
	Status               string `xml:"status"`
	EmailOfFoundPerson   string `xml:"email_of_found_person"`
	PhoneOfFoundPerson   string `xml:"phone_of_found_person"`
	LastKnownLocation    string `xml:"last_known_location"`
	Text                 string `xml:"text"`
	PhotoURL             string `xml:"photo_url"`
}

// Document is a PFIF file: persons (with the notes they enclose) and notes
// outside any person, which name theirs by person_record_id.
type Document struct {
	Persons []Person `xml:"person"`
	Notes   []Note   `xml:"note"`
	// Entries hold the records of a PFIF Atom feed (Person Finder's
	// feeds/person and feeds/note): one person or note per entry.
	Entries []struct {
		Persons []Person `xml:"person"`
		Notes   []Note   `xml:"note"`
	} `xml:"entry"`
}

// Placeholder reports whether p is what PFIF leaves of an expired record
// (the record id and dates, no name): copies must delete theirs.
func (p *Person) Placeholder() bool {
	return strings.TrimSpace(p.FullName+p.GivenName+p.FamilyName) == ""
}

// Read parses a PFIF document. Notes enclosed in a person get its record id.
func Read(r io.Reader) (*Document, error) {
	var doc Document
	if err := xml.NewDecoder(r).Decode(&doc); err != nil {
		return nil, fmt.Errorf("read PFIF: %w", err)
	}
	for _, e := range doc.Entries {
		doc.Persons, doc.Notes = append(doc.Persons, e.Persons...), append(doc.Notes, e.Notes...)
	}
	doc.Entries = nil
	for i := range doc.Persons {
		p := &doc.Persons[i]
		trimPerson(p)
		for j := range p.Notes {
			trimNote(&p.Notes[j])
			p.Notes[j].PersonRecordID = p.RecordID
		}
	}
	for i := range doc.Notes {
		trimNote(&doc.Notes[i])
	}
	return &doc, nil
}

func trimPerson(p *Person) {
	for _, f := range p.fields() {
		*f.value = strings.TrimSpace(*f.value)
	}
	for _, old := range []struct{ from, to *string }{{&p.FirstName, &p.GivenName}, {&p.LastName, &p.FamilyName}, {&p.Other, &p.Description}} {
		if *old.to == "" {
			*old.to = strings.TrimSpace(*old.from)
		}
		*old.from = ""
	}
}

func trimNote(n *Note) {
	for _, f := range n.fields() {
		*f.value = strings.TrimSpace(*f.value)
	}
}

// AllNotes returns every note of the document, enclosed or not.
func (d *Document) AllNotes() []Note {
	var out []Note
	for _, p := range d.Persons {
		out = append(out, p.Notes...)
	}
	return append(out, d.Notes...)
}

// ParseTime reads a PFIF date ("2010-01-16T02:07:57Z"); zero when empty or
// unreadable.
func ParseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

// FormatTime writes a PFIF date: UTC, whole seconds; "" for the zero time.
func FormatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Truncate(time.Second).Format("2006-01-02T15:04:05Z")
}
