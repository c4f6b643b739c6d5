package api

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"tuys/data"
)

// A caller asks what became of their report and gives their number: the
// volunteer finds it by the number however it is written, and each report
// found so is in the audit log (it reads contact data). A removed report
// is not found.
func TestConsoleSearchByPhone(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	ctx := context.Background()
	mine := &data.Report{Kind: data.KindSeek, FullName: "Жумабаев Ерлан", ContactName: "Айгуль", ContactPhone: "+77011234567",
		Language: "ru", Channel: data.ChannelWeb}
	gone := &data.Report{Kind: data.KindSeek, FullName: "Жумабаева Айгерим", ContactPhone: "+77011234567", Language: "ru", Channel: data.ChannelWeb}
	other := &data.Report{Kind: data.KindSeek, FullName: "Сейткали Гульжан", ContactPhone: "+77019998877", Language: "ru", Channel: data.ChannelWeb}
	for _, r := range []*data.Report{mine, gone, other} {
		if err := store.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.RemoveReport(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	b := loggedIn(t, h, store, data.RoleVolunteer)
	for _, q := range []string{"8 (701) 123-45-67", "+7 701 123 45 67", "87011234567"} {
		page := b.get("/v/search?q=" + url.QueryEscape(q)).Body.String()
		mustContain(t, page, "/v/r/"+mine.ID, "Жумабаев Ерлан")
		mustNotContain(t, page, "/v/r/"+other.ID, "/v/r/"+gone.ID, "Айгерим")
	}
	if !hasAudit(t, store, "search_phone", mine.ID) {
		t.Error("a report found by its number is not in the audit log")
	}
	if page := b.get("/v/search?q=" + url.QueryEscape("8 701 123 45 67") + "&kind=safe").Body.String(); strings.Contains(page, "/v/r/"+mine.ID) {
		t.Error("the kind filter does not apply to a search by phone")
	}
	b.get("/v/search?q=" + url.QueryEscape("+7 702 000 11 22"))
	if !hasAudit(t, store, "search_phone_none", "") {
		t.Error("a number searched and not found leaves no trace in the audit log")
	}
}
