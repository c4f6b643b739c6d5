package api

import (
	"net/http"
	"strings"
	"testing"

	"tuys/data"
)

// TestRecordShowingAnotherReportsNumberIsAuditedOnIt: SMS not set up,
// the seeker's record shows the text of the SMS that gave them the found
// person's number, for the volunteer to read out; that read of the found
// person's contact data is audited on the found person's report too, not
// only on the record opened (an attacker's trial, 2026-12-07).
func TestRecordShowingAnotherReportsNumberIsAuditedOnIt(t *testing.T) {
	const found = "+77019990010"
	f := newSMSFixture(t, false, found)
	safe := f.file(`{"kind":"safe","share_contact":true,"person":{"full_name":"Сапаров Данияр","birth_year":1990,"sex":"M","city":"Алматы"},"contact":{"phone":"` + found + `","language":"ru"}}`)
	seek := f.file(`{"kind":"seek","person":{"full_name":"Сапаров Данияр","birth_year":1990,"sex":"M","city":"Алматы","phone":"` + found + `"},"contact":{"name":"Айгуль","phone":"+77019990002","relation":"sister","language":"ru"}}`)
	f.dispatch()
	b := loggedIn(t, f.h, f.st, data.RoleVolunteer)
	w := b.get("/v/r/" + seek.ID)
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), found[1:]) {
		t.Fatalf("the seeker's record does not show the SMS with the number: %d", w.Code)
	}
	if !hasAudit(t, f.st, "view_contact", seek.ID) || !hasAudit(t, f.st, "view_contact", safe.ID) {
		t.Errorf("reading the found person's number on the seeker's record is not audited on both reports")
	}
}
