package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"tuys/api/intake"
	"tuys/data"
)

// fileSafe stores a safe report with a phone in both the contact and the
// free text, and an e-mail, a handle and a street address in the free
// text, as people write them.
func fileSafe(t *testing.T, store data.Store, name string) (*data.Report, string) {
	t.Helper()
	code := data.NewCode(intake.DeletionCodeLength)
	r := &data.Report{Kind: data.KindSafe, FullName: name, BirthYear: 1977, City: "Алматы",
		Description: "звоните +7 705 555 12 34, пишите gulzhan77@mail.kz или @gulzhan_s, жила на ул. Абая 10, кв. 5", ContactPhone: "+77055551234", Language: "kk",
		Channel: data.ChannelWeb, DeletionHash: data.HashCode(code), ExpiresAt: time.Now().AddDate(0, 0, 90)}
	if err := store.CreateReport(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	return r, code
}

// fakeSearch answers every query with the given reports.
func fakeSearch(s *Server, reports ...*data.Report) *[]SearchQuery {
	var asked []SearchQuery
	s.web.search = func(_ context.Context, q SearchQuery) ([]Hit, error) {
		asked = append(asked, q)
		hits := make([]Hit, 0, len(reports))
		for _, r := range reports {
			hits = append(hits, Hit{Report: r, View: publicView(r), Score: 0.91, Decision: "review", Reasons: []string{"name: Seitkali ≈ Сейітқали"}})
		}
		return hits, nil
	}
	return &asked
}

func TestPublicSearchShowsNoPhone(t *testing.T) {
	s, store, h := newWebServer(t, Config{})
	r, _ := fileSafe(t, store, "Сейітқали Гүлжан")
	asked := fakeSearch(s, r)
	for _, l := range data.Languages {
		w := newBrowser(t, h, l).get("/search?q=Seitkali&year=1977")
		body := w.Body.String()
		if w.Code != http.StatusOK {
			t.Fatalf("%s: %d", l, w.Code)
		}
		mustContain(t, body, "Сейітқали Гүлжан", "/r/"+r.ID, T(l, "status.safe.active"), T(l, "search.found", 1))
		mustNotContain(t, body, "555 12 34", "5551234", "+7705", "name: Seitkali")
	}
	if q := (*asked)[0]; q.Name != "Seitkali" || q.BirthYear != 1977 || q.Limit != defaultPublicResults {
		t.Errorf("engine asked %+v", q)
	}
}

func TestPublicSearchNeedsANameAndCaps(t *testing.T) {
	s, store, h := newWebServer(t, Config{})
	var many []*data.Report
	for i := 0; i < 30; i++ {
		r, _ := fileSafe(t, store, fmt.Sprintf("Ерлан %d", i))
		many = append(many, r)
	}
	asked := fakeSearch(s, many...)
	for _, l := range data.Languages {
		b := newBrowser(t, h, l)
		for _, q := range []string{"/search?q=", "/search?q=+++", "/search?q=1977", "/search?q=%D0%90"} {
			w := b.get(q)
			if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), T(l, "field.query")) {
				t.Errorf("%s %s: %d", l, q, w.Code)
			}
		}
		if n := strings.Count(b.get("/search?q=Ерлан").Body.String(), `<li><a href="/r/`); n != defaultPublicResults {
			t.Errorf("%s: %d results shown", l, n)
		}
	}
	if len(*asked) != 3 {
		t.Errorf("engine asked %d times; a location-only or empty query must not reach it", len(*asked))
	}
	// The search form itself, with no query yet, is no error.
	if w := newBrowser(t, h, "ru").get("/search"); w.Code != http.StatusOK {
		t.Errorf("empty search form: %d", w.Code)
	}
}

func TestPublicSearchEmptyStateAdvises(t *testing.T) {
	s, _, h := newWebServer(t, Config{})
	fakeSearch(s)
	for _, l := range data.Languages {
		body := newBrowser(t, h, l).get("/search?q=Seitkali").Body.String()
		mustContain(t, body, escapeHTML(T(l, "search.none")), escapeHTML(T(l, "search.tip_latin")), escapeHTML(T(l, "search.tip_year")))
	}
}

func TestPublicSearchOff(t *testing.T) {
	s, _, h := newWebServer(t, Config{})
	s.cfg.PublicSearch = false
	w := newBrowser(t, h, "en").get("/search?q=Seitkali")
	if w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), T("en", "err.search_off")) {
		t.Errorf("search off: %d", w.Code)
	}
}

func TestPublicSearchEngineDown(t *testing.T) {
	s, _, h := newWebServer(t, Config{})
	s.web.search = func(context.Context, SearchQuery) ([]Hit, error) { return nil, errors.New("index closed") }
	w := newBrowser(t, h, "ru").get("/search?q=Seitkali")
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), T("ru", "search.failed")) {
		t.Errorf("engine down: %d", w.Code)
	}
}

func TestRecordPageHidesContact(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	r, _ := fileSafe(t, store, "Сейітқали Гүлжан")
	store.AddNote(context.Background(), &data.Note{ReportID: r.ID, Status: data.NoteBelievedAlive, Text: "видела её, тел 8 701 999 88 77"})
	for _, l := range data.Languages {
		body := newBrowser(t, h, l).get("/r/" + r.ID).Body.String()
		mustContain(t, body, "Сейітқали Гүлжан", "1977", escapeHTML(T(l, "note.believed_alive")),
			`action="/r/`+r.ID+`/note"`, `action="/r/`+r.ID+`/subscribe"`, `action="/r/`+r.ID+`/delete"`)
		mustNotContain(t, body, "555 12 34", "999 88 77", "+77055551234", "gulzhan77", "mail.kz", "@gulzhan_s", "Абая 10", "кв. 5")
		mustContain(t, body, "ул. Абая •••, кв. •••")
	}
}

func TestRecordNoteForm(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	r, _ := fileSafe(t, store, "Сейітқали Гүлжан")
	for _, l := range data.Languages {
		b := newBrowser(t, h, l)
		b.get("/r/" + r.ID)
		w := b.post("/r/"+r.ID+"/note", url.Values{"status": {""}, "text": {""}, "author": {"Асель"}})
		if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), T(l, "field.required")) {
			t.Errorf("%s empty note: %d", l, w.Code)
		}
		mustContain(t, w.Body.String(), `value="Асель"`)
		w = b.post("/r/"+r.ID+"/note", url.Values{"status": {data.NoteBelievedDead}, "text": {"x"}})
		if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), escapeHTML(T(l, "field.note_status_public", "1414"))) {
			t.Errorf("%s: the public form accepted believed_dead, or did not point to the hotline: %d", l, w.Code)
		}
		w = b.post("/r/"+r.ID+"/note", url.Values{"status": {data.NoteBelievedAlive}, "text": {"видели в Талдыкоргане " + l}})
		if w.Code != http.StatusSeeOther {
			t.Fatalf("%s note: %d %s", l, w.Code, w.Body.String())
		}
		mustContain(t, b.get(w.Header().Get("Location")).Body.String(), "видели в Талдыкоргане "+l, escapeHTML(T(l, "record.done.note")))
		w = b.post("/r/"+r.ID+"/note", url.Values{"text": {"x"}, csrfField: {""}})
		if w.Code != http.StatusForbidden || !strings.Contains(w.Body.String(), escapeHTML(T(l, "err.csrf"))) {
			t.Errorf("%s note without csrf: %d", l, w.Code)
		}
	}
}

func TestRecordDeleteWithCode(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	r, code := fileSafe(t, store, "Сейітқали Гүлжан")
	b := newBrowser(t, h, "kk")
	b.get("/r/" + r.ID)
	w := b.post("/r/"+r.ID+"/delete", url.Values{"deletion_code": {""}})
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), T("kk", "field.deletion_code")) {
		t.Errorf("empty code: %d", w.Code)
	}
	w = b.post("/r/"+r.ID+"/delete", url.Values{"deletion_code": {"deadbeefdeadbeef"}})
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), T("kk", "err.wrong_code")) {
		t.Errorf("wrong code: %d", w.Code)
	}
	w = b.post("/r/"+r.ID+"/delete", url.Values{"deletion_code": {code}})
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/deleted" {
		t.Fatalf("delete: %d", w.Code)
	}
	got, _ := store.GetReport(context.Background(), r.ID)
	if got.Status != data.StatusRemoved {
		t.Errorf("status %s", got.Status)
	}
	mustContain(t, b.get("/r/"+r.ID).Body.String(), T("kk", "record.removed"))
	mustContain(t, b.get("/deleted").Body.String(), T("kk", "deleted.text"))
}

func TestRecordSubscribe(t *testing.T) {
	s, store, h := newWebServer(t, Config{})
	r, _ := fileSafe(t, store, "Сейітқали Гүлжан")
	b := newBrowser(t, h, "ru")
	b.get("/r/" + r.ID)
	w := b.post("/r/"+r.ID+"/subscribe", url.Values{"phone": {"+7 701 123 45 67"}})
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), T("ru", "web.err.subscribe_off")) {
		t.Errorf("no hook: %d", w.Code)
	}
	var got string
	s.deps.Subscribe = (func(_ context.Context, rep *data.Report, phone, lang string) error {
		got = rep.ID + " " + phone + " " + lang
		return nil
	})
	w = b.post("/r/"+r.ID+"/subscribe", url.Values{"phone": {"12"}})
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "value=\"12\"") {
		t.Errorf("bad phone: %d", w.Code)
	}
	w = b.post("/r/"+r.ID+"/subscribe", url.Values{"phone": {"8 701 123 45 67"}})
	if w.Code != http.StatusSeeOther || got != r.ID+" +77011234567 ru" {
		t.Errorf("subscribe: %d, hook got %q", w.Code, got)
	}
}

// Anonymous subscriptions have their own limits, far below the write
// bucket: each sends a confirmation SMS. Per IP, whatever the numbers; per
// number, whatever the IPs (issue 13: subscription confirmations drained
// the hourly SMS budget).
func TestRecordSubscribeLimits(t *testing.T) {
	s, store, h := newWebServer(t, Config{})
	sent := map[string]int{}
	s.deps.Subscribe = func(_ context.Context, _ *data.Report, phone, _ string) error { sent[phone]++; return nil }
	r, _ := fileSafe(t, store, "Сейітқали Гүлжан")
	b := newBrowser(t, h, "ru")
	b.get("/r/" + r.ID)
	post := func(ip, phone string) *httptest.ResponseRecorder {
		form := url.Values{"phone": {phone}, csrfField: {b.cookies[csrfCookie].Value}}
		req := httptest.NewRequest(http.MethodPost, "/r/"+r.ID+"/subscribe", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.RemoteAddr = ip + ":4000"
		return b.send(req)
	}
	burst := DefaultSecurity.SubscribeIPRate.Burst
	for i := range burst {
		if w := post("198.51.100.7", fmt.Sprintf("+7701100%04d", i)); w.Code != http.StatusSeeOther {
			t.Fatalf("subscription %d from one IP: %d", i+1, w.Code)
		}
	}
	w := post("198.51.100.7", "+77011009999")
	if w.Code != http.StatusTooManyRequests || w.Header().Get("Retry-After") == "" {
		t.Errorf("subscription %d from one IP: %d, want 429 with Retry-After", burst+1, w.Code)
	}
	for i := range DefaultSecurity.SubscribePhoneRate.Burst {
		if w := post(fmt.Sprintf("203.0.113.%d", i+1), "+77012223344"); w.Code != http.StatusSeeOther {
			t.Fatalf("subscription %d of one number: %d", i+1, w.Code)
		}
	}
	// The number's own limit sends nothing more, and says nothing: the
	// answer is the one a first subscription gets, or a stranger would
	// learn that someone subscribed that number.
	if w := post("203.0.113.200", "+77012223344"); w.Code != http.StatusSeeOther {
		t.Errorf("one number subscribed from many IPs: %d, want the usual 303", w.Code)
	}
	if n := sent["+77012223344"]; n != DefaultSecurity.SubscribePhoneRate.Burst {
		t.Errorf("%d confirmations sent to one number, want %d", n, DefaultSecurity.SubscribePhoneRate.Burst)
	}
}

// A note from the public form is announced (note.added, which subscribers
// hear of) only once a volunteer opens the record in the console; a
// volunteer's own note is announced at once.
func TestPublicNoteSeenWhenVolunteerOpensRecord(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	r, _ := fileSafe(t, store, "Сейітқали Гүлжан")
	noteEvents := func() int {
		evs, err := store.EventsAfter(context.Background(), 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, ev := range evs {
			if ev.Type == data.EventNoteAdded && ev.ReportID == r.ID {
				n++
			}
		}
		return n
	}
	pub := newBrowser(t, h, "ru")
	pub.get("/r/" + r.ID)
	if w := pub.post("/r/"+r.ID+"/note", url.Values{"text": {"видели в школе №5"}, "status": {data.NoteBelievedAlive}}); w.Code != http.StatusSeeOther {
		t.Fatalf("public note: %d %s", w.Code, w.Body)
	}
	if n := noteEvents(); n != 0 {
		t.Fatalf("a public note nobody has seen announced %d times", n)
	}
	vol := loggedIn(t, h, store, data.RoleVolunteer)
	if w := vol.get("/v/r/" + r.ID); w.Code != http.StatusOK {
		t.Fatalf("console record: %d", w.Code)
	}
	vol.get("/v/r/" + r.ID) // a second visit announces nothing new
	if n := noteEvents(); n != 1 {
		t.Fatalf("after a volunteer opened the record: %d announcements, want 1", n)
	}
}
