package api

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"tuys/data"
	"tuys/data/datatest"
	"tuys/notify"
)

// TestHotlineResendsALostLink: a volunteer sends the author a new private
// link by SMS, to the report's own number only; the old link stops
// working and the send is audited (a new user's trial, 2026-12-07).
func TestHotlineResendsALostLink(t *testing.T) {
	st := datatest.SQLite(t)
	s, _, _, svc := notifyingServerOn(t, st, t.TempDir())
	svc.Config.Gateway = notify.GatewayGammu // SMS leave (the dispatcher is not run here)
	h := s.Handler()
	filed := createReport(t, h, `{"kind":"seek","person":{"full_name":"Омарова Сара","birth_year":1960},"contact":{"phone":"+77011112233","language":"kk"}}`)
	old := filed.PrivateURL[strings.Index(filed.PrivateURL, "/p/"):]
	b := loggedIn(t, h, st, data.RoleVolunteer)
	b.get("/v/r/" + filed.ID)
	// Twice: each new link is its own SMS, and only the newest opens (the
	// second had been queued under the first one's key, never sent, while
	// the link that worked was dead: a trial, 2026-12-07).
	for round := range 2 {
		if w := b.post("/v/r/"+filed.ID+"/resend", url.Values{}); w.Code != http.StatusSeeOther {
			t.Fatalf("resend %d: %d %s", round, w.Code, w.Body)
		}
		msgs, err := st.ClaimMessages(t.Context(), "test", time.Minute, 10)
		if err != nil || len(msgs) != 1 || msgs[0].To != "+77011112233" || !strings.Contains(msgs[0].Body, "/p/") {
			t.Fatalf("resend %d queued %+v %v: want one SMS with a link to the report's number", round, msgs, err)
		}
		link := strings.Fields(msgs[0].Body[strings.Index(msgs[0].Body, "/p/"):])[0]
		if w := (secReq{"GET", old, "", nil}).do(h); w.Code != http.StatusNotFound {
			t.Errorf("resend %d: the old link still opens: %d", round, w.Code)
		}
		if w := (secReq{"GET", link, "", nil}).do(h); w.Code != http.StatusOK {
			t.Errorf("resend %d: the new link %s: %d", round, link, w.Code)
		}
		old = link
	}
	if !hasAudit(t, st, "resend_link", filed.ID) {
		t.Error("the resend is not audited")
	}
}

// TestCoordinatorRemovesForACaller: only a coordinator removes a report
// from the console, ticking that the caller was checked; the audit keeps
// the id only.
func TestCoordinatorRemovesForACaller(t *testing.T) {
	_, st, h := newWebServer(t, Config{})
	filed := createReport(t, h, `{"kind":"safe","person":{"full_name":"Омаров Серік","birth_year":1960},"contact":{"phone":"+77011112233"}}`)
	vol := loggedIn(t, h, st, data.RoleVolunteer)
	vol.get("/v/r/" + filed.ID)
	if w := vol.post("/v/r/"+filed.ID+"/remove", url.Values{"remove_confirm": {"1"}}); w.Code != http.StatusForbidden {
		t.Errorf("a volunteer removed a report: %d", w.Code)
	}
	addVolunteer(t, st, "boss", "coordinator password", data.RoleCoordinator)
	c := newBrowser(t, h, "en")
	c.get("/v/login")
	c.post("/v/login", url.Values{"login": {"boss"}, "password": {"coordinator password"}})
	mustContain(t, c.get("/v/r/"+filed.ID).Body.String(), `action="/v/r/`+filed.ID+`/remove"`)
	if w := c.post("/v/r/"+filed.ID+"/remove", url.Values{}); w.Code != http.StatusUnprocessableEntity {
		t.Errorf("removed without the box ticked: %d", w.Code)
	}
	if w := c.post("/v/r/"+filed.ID+"/remove", url.Values{"remove_confirm": {"1"}}); w.Code != http.StatusSeeOther {
		t.Fatalf("remove: %d %s", w.Code, w.Body)
	}
	if r, err := st.GetReport(t.Context(), filed.ID); err != nil || r.Status != data.StatusRemoved || r.FullName != "" {
		t.Errorf("after removal: %+v %v", r, err)
	}
	if body := (secReq{"GET", "/r/" + filed.ID, "", nil}).do(h).Body.String(); strings.Contains(body, "Омаров") {
		t.Error("the record still names the person")
	}
	if !hasAudit(t, st, "remove", filed.ID) {
		t.Error("the removal is not audited")
	}
}
