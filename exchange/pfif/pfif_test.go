package pfif

import (
	"strings"
	"testing"
)

func TestReadShapes(t *testing.T) {
	cases := []struct {
		name, doc      string
		persons, notes int
		noteOwner      string
	}{
		{"document, enclosed note", `<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4"><pfif:person>
			<pfif:person_record_id> a.org/person.1 </pfif:person_record_id><pfif:full_name>A B</pfif:full_name>
			<pfif:note><pfif:note_record_id>a.org/note.1</pfif:note_record_id></pfif:note></pfif:person></pfif:pfif>`, 1, 0, "a.org/person.1"},
		{"Atom person feed", `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:pfif="http://zesty.ca/pfif/1.4">
			<id>x</id><entry><pfif:person><pfif:person_record_id>a.org/person.2</pfif:person_record_id>
			<pfif:full_name>C D</pfif:full_name></pfif:person></entry>
			<entry><pfif:note><pfif:note_record_id>a.org/note.2</pfif:note_record_id>
			<pfif:person_record_id>a.org/person.2</pfif:person_record_id></pfif:note></entry></feed>`, 1, 1, "a.org/person.2"},
		{"PFIF 1.2 namespace", `<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.2"><pfif:person>
			<pfif:person_record_id>a.org/person.3</pfif:person_record_id><pfif:first_name>E</pfif:first_name></pfif:person></pfif:pfif>`, 1, 0, ""},
	}
	for _, tc := range cases {
		doc, err := Read(strings.NewReader(tc.doc))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if len(doc.Persons) != tc.persons || len(doc.Notes) != tc.notes {
			t.Fatalf("%s: %d persons, %d loose notes", tc.name, len(doc.Persons), len(doc.Notes))
		}
		if all := doc.AllNotes(); tc.noteOwner != "" && (len(all) != 1 || all[0].PersonRecordID != tc.noteOwner) {
			t.Errorf("%s: notes %+v, want one of %s", tc.name, all, tc.noteOwner)
		}
		if doc.Persons[0].Placeholder() {
			t.Errorf("%s: a named person read as a placeholder", tc.name)
		}
		if got := doc.Persons[0].RecordID; strings.TrimSpace(got) != got {
			t.Errorf("%s: record id not trimmed: %q", tc.name, got)
		}
	}
}
