package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"tuys/data"
	"tuys/data/datatest"
)

// TestOutcomeAndDeletionEverywhere walks the family's story through the
// API: filed → matched → the private page and the public outcome show it;
// then the seek report is deleted, and its name is gone from the other
// report's matches, the review queue, every answer and every file on disk
// (database, WAL, search index).
func TestOutcomeAndDeletionEverywhere(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		dir := t.TempDir()
		testOutcomeAndDeletion(t, secStore(t, dir), dir, nil)
	})
	t.Run("postgres", func(t *testing.T) {
		url := datatest.PostgresSchema(t)
		st, err := data.Open(context.Background(), data.Config{DatabaseURL: url, SecretKey: datatest.Key})
		if err != nil {
			t.Fatal(err)
		}
		schema := url[strings.LastIndex(url, "=")+1:]
		dump := func() []byte { // everything the database holds in the test's schema
			out, err := exec.Command("pg_dump", "--data-only", "-n", schema, datatest.PostgresURL()).Output()
			if err != nil {
				t.Skipf("SKIP: pg_dump: %v", err)
			}
			return out
		}
		testOutcomeAndDeletion(t, st, t.TempDir(), dump)
	})
}

// testOutcomeAndDeletion runs the story on st; the search index lives in
// dir (and the SQLite files too, when st is SQLite); dump, for PostgreSQL,
// returns what the database holds.
func testOutcomeAndDeletion(t *testing.T, st data.Store, dir string, dump func() []byte) {
	s, eng, ix := matchingServerOn(t, st, dir)
	h := s.Handler()
	const name = "Тлеукабылов Бауыржан"
	seek := createReport(t, h, `{"kind":"seek","person":{"full_name":"`+name+`","birth_year":1979,"sex":"M","city":"Тараз"},"contact":{"name":"Сауле","phone":"+77011234567","relation":"wife","language":"ru"}}`)
	if seek.PrivateURL == "" || !strings.Contains(seek.PrivateURL, "/p/") || seek.Report.Outcome != data.OutcomeNone {
		t.Fatalf("201 answer: private_url %q, outcome %q", seek.PrivateURL, seek.Report.Outcome)
	}
	if err := eng.CatchUp(t.Context()); err != nil { // what the running matcher does within milliseconds
		t.Fatal(err)
	}
	safe := createReport(t, h, `{"kind":"safe","person":{"full_name":"Tleukabylov Bauyrzhan","birth_year":1979,"sex":"M","city":"Taraz"},"contact":{"phone":"+905321234567","language":"kk"}}`)
	if safe.PossibleMatches == 0 {
		t.Errorf("filing the safe report did not say at once that someone looks for him")
	}
	if err := eng.CatchUp(t.Context()); err != nil {
		t.Fatal(err)
	}
	var pub PublicReport
	_ = json.Unmarshal(secReq{"GET", "/api/v1/reports/" + seek.ID, "", nil}.do(h).Body.Bytes(), &pub)
	if pub.Outcome != data.OutcomeReportedSafe || pub.OutcomeAt == nil {
		t.Fatalf("public outcome after the match: %q %v", pub.Outcome, pub.OutcomeAt)
	}
	// So does the confirmation page, opened later: not "being checked"
	// under a confirmed match (a new user's trial, 2026-12-07).
	filed := secReq{"GET", "/r/" + seek.ID + "/filed", "", nil}.do(h).Body.String()
	if news := T("ru", "outcome.seek.reported_safe", pub.OutcomeAt.Format("02.01.2006")); !strings.Contains(filed, news) ||
		strings.Contains(filed, T("ru", "filed.possible_seek", 1)) {
		t.Errorf("the filed page does not say %q, or still says it is being checked", news)
	}
	// The public list says what the record page says: not "still looking".
	list := secReq{"GET", "/search?q=" + url.QueryEscape(name), "", nil}.do(h).Body.String()
	if news := T("ru", "outcome.seek.reported_safe", pub.OutcomeAt.Format("02.01.2006")); !strings.Contains(list, news) ||
		strings.Contains(list, T("ru", "status.seek.active")) {
		t.Errorf("the search list does not say %q, or still says %q", news, T("ru", "status.seek.active"))
	}
	path := seek.PrivateURL[strings.Index(seek.PrivateURL, "/p/"):]
	page := secReq{"GET", path, "", nil}.do(h)
	if page.Code != http.StatusOK || !strings.Contains(page.Body.String(), "Tleukabylov") || !strings.Contains(page.Body.String(), "Сауле") {
		t.Fatalf("private page: %d, names the match and the author: %v", page.Code, strings.Contains(page.Body.String(), "Tleukabylov"))
	}
	if w := (secReq{"GET", path[:len(path)-1] + "x", "", nil}).do(h); w.Code != http.StatusNotFound {
		t.Errorf("a wrong token: %d", w.Code)
	}
	if w := (secReq{"DELETE", "/api/v1/reports/" + seek.ID, "", map[string]string{"X-Deletion-Code": seek.DeletionCode}}).do(h); w.Code != http.StatusNoContent {
		t.Fatalf("delete: %d %s", w.Code, w.Body)
	}
	if err := eng.CatchUp(t.Context()); err != nil {
		t.Fatal(err)
	}
	if body := (secReq{"GET", "/api/v1/reports/" + seek.ID + "/matches", "", nil}).do(h).Body.String(); strings.Contains(body, safe.ID) {
		t.Errorf("the deleted report's matches still name the report it was linked to: %s", body)
	}
	if body := (secReq{"GET", "/api/v1/reports/" + safe.ID + "/matches", "", nil}).do(h).Body.String(); strings.Contains(body, seek.ID) {
		t.Errorf("the other report's matches still name the deleted one (attacker trial, 2026-12-07): %s", body)
	}
	// Nor does the other report still say it was found: whoever deletes
	// their side of a match takes its news along (a second trial that day).
	var other PublicReport
	_ = json.Unmarshal(secReq{"GET", "/api/v1/reports/" + safe.ID, "", nil}.do(h).Body.Bytes(), &other)
	if other.Outcome != data.OutcomeNone || other.OutcomeAt != nil {
		t.Errorf("the other report still says %q (%v) after the deletion", other.Outcome, other.OutcomeAt)
	}
	for _, p := range []string{"/api/v1/reports/" + safe.ID + "/matches", "/api/v1/reports/" + seek.ID, "/api/v1/search?q=Tleukabylov",
		"/r/" + safe.ID, path} {
		body := secReq{"GET", p, "", nil}.do(h).Body.String()
		if strings.Contains(body, "Тлеукабылов") || strings.Contains(body, "Сауле") {
			t.Errorf("GET %s still names the deleted report", p)
		}
	}
	b := loggedIn(t, h, st, data.RoleCoordinator)
	for _, p := range []string{"/v/review", "/v/r/" + safe.ID, "/v/search?q=Tleukabylov"} {
		if body := b.get(p).Body.String(); strings.Contains(body, "Тлеукабылов") || strings.Contains(body, "Сауле") {
			t.Errorf("console %s still names the deleted report", p)
		}
	}
	if _, err := data.Purge(t.Context(), st, s.now(), data.DefaultAuditRetention); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if dump != nil {
		for _, w := range []string{"Тлеукабылов", "Сауле"} {
			if raw := dump(); bytes.Contains(raw, []byte(w)) || len(raw) < 100 {
				t.Errorf("the PostgreSQL dump (%d bytes) still holds %q, or is empty", len(raw), w)
			}
		}
	}
	st.Close()
	assertNoFileHolds(t, dir, "Тлеукабылов", "Сауле")
}

// createReport files body as a person of their own would: from a network
// of its own (the reports of one network take part in three automatic
// matches a day at most).
func createReport(t *testing.T, h http.Handler, body string) CreatedReport {
	t.Helper()
	n := networks.Add(1)
	req := httptest.NewRequest(http.MethodPost, "/api/v1/reports", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.RemoteAddr = fmt.Sprintf("198.%d.%d.1:4711", 18+n/256%2, n%256) // 198.18.0.0/15, a /24 each
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	var cr CreatedReport
	if w.Code != http.StatusCreated || json.Unmarshal(w.Body.Bytes(), &cr) != nil {
		t.Fatalf("post: %d %s", w.Code, w.Body)
	}
	return cr
}

// networks numbers the networks createReport files from.
var networks atomic.Int64

// assertNoFileHolds reads every file under dir and fails on any of words.
func assertNoFileHolds(t *testing.T, dir string, words ...string) {
	t.Helper()
	files := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		raw, err := os.ReadFile(path)
		for _, w := range words {
			if bytes.Contains(raw, []byte(w)) {
				t.Errorf("%s still holds %q", path, w)
			}
		}
		return err
	})
	if err != nil || files == 0 {
		t.Fatalf("walk %s: %d files, %v", dir, files, err)
	}
}

// The private page opens in the language its author filed in, unless the
// browser chose another (?lang=, the cookie): the link comes by SMS to a
// phone whose browser asks for Russian.
func TestPrivatePageSpeaksTheAuthorsLanguage(t *testing.T) {
	_, _, h := newWebServer(t, Config{})
	cr := createReport(t, h, `{"kind":"seek","person":{"full_name":"Оспанов Нурлан","birth_year":1979},"contact":{"name":"Сауле","phone":"+77011234567","language":"kk"}}`)
	path := cr.PrivateURL[strings.Index(cr.PrivateURL, "/p/"):]
	if body := newBrowser(t, h, "ru").get(path).Body.String(); !strings.Contains(body, `<html lang="kk">`) {
		t.Errorf("the page of a Kazakh filer opened from a Russian phone is not in Kazakh")
	}
	if body := newBrowser(t, h, "ru").get(path + "?lang=en").Body.String(); !strings.Contains(body, `<html lang="en">`) {
		t.Errorf("?lang=en did not win")
	}
}

// openPrivatePage files body through the API and opens its private page in
// a browser speaking lang: the report, the page's path and the browser.
func openPrivatePage(t *testing.T, h http.Handler, lang, body string) (CreatedReport, string, *browser) {
	t.Helper()
	cr := createReport(t, h, body)
	path := cr.PrivateURL[strings.Index(cr.PrivateURL, "/p/"):]
	b := newBrowser(t, h, lang)
	b.get(path)
	return cr, path, b
}

// An "I am safe" report's own author says "this is me" on it from the
// private page, a status no one else without a token may set.
func TestPrivateNoteOnSafeReport(t *testing.T) {
	_, _, h := newWebServer(t, Config{})
	cr, path, b := openPrivatePage(t, h, "kk",
		`{"kind":"safe","person":{"full_name":"Оспанова Алия","birth_year":1985,"city":"Тараз"},"contact":{"name":"Алия","phone":"+77011234568","language":"ru"}}`)
	if w := b.post(path+"/note", url.Values{"text": {"Мен аман, Таразда"}}); w.Code != http.StatusSeeOther {
		t.Fatalf("note: %d %s", w.Code, w.Body.String())
	}
	notes := decode[struct{ Notes []PublicNote }](t, do(t, h, "GET", "/api/v1/reports/"+cr.ID+"/notes", "")).Notes
	if len(notes) != 1 || notes[0].Status != data.NoteIsNoteAuthor || notes[0].Author != "" {
		t.Errorf("notes: %+v", notes)
	}
}

// TestPrivatePageForms: the author adds news, closes the search and
// deletes the report from the private page (CSRF checked on each).
func TestPrivatePageForms(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	cr, path, b := openPrivatePage(t, h, "ru",
		`{"kind":"seek","person":{"full_name":"Оспанов Нурлан","birth_year":1979,"city":"Тараз"},"contact":{"name":"Сауле","phone":"+77011234567","language":"ru"}}`)
	if w := b.post(path+"/note", url.Values{"text": {"Видели в Таразе"}}); w.Code != http.StatusSeeOther {
		t.Fatalf("note: %d", w.Code)
	}
	// The note is the report's author's, never signed with the contact's
	// name (Сауле): not in the API, not on the public page.
	notes := decode[struct{ Notes []PublicNote }](t, do(t, h, "GET", "/api/v1/reports/"+cr.ID+"/notes", "")).Notes
	if len(notes) != 1 || notes[0].Author != "" || notes[0].By != data.NoteByReportAuthor {
		t.Errorf("the private page's note as the public sees it: %+v", notes)
	}
	page := newBrowser(t, h, "ru").get("/r/" + cr.ID).Body.String()
	mustContain(t, page, "Видели в Таразе", T("ru", "note.by.report_author"))
	if strings.Contains(page, "Сауле") {
		t.Error("the public page names the report's contact")
	}
	if w := b.post(path+"/close", url.Values{csrfField: {"forged"}}); w.Code != http.StatusForbidden {
		t.Errorf("close with a forged CSRF token: %d", w.Code)
	}
	if w := b.post(path+"/close", url.Values{}); w.Code != http.StatusSeeOther {
		t.Fatalf("close: %d", w.Code)
	}
	if r, _ := store.GetReport(context.Background(), cr.ID); r.Status != data.StatusFound {
		t.Errorf("after close: %s", r.Status)
	}
	// one tap without the box ticked deletes nothing, and says so
	if w := b.post(path+"/delete", url.Values{}); w.Code != http.StatusSeeOther || w.Header().Get("Location") == "/deleted" {
		t.Fatalf("delete without confirming: %d %s", w.Code, w.Header().Get("Location"))
	} else {
		mustContain(t, b.get(w.Header().Get("Location")).Body.String(), escapeHTML(T("ru", "private.done.confirm")))
	}
	if r, _ := store.GetReport(context.Background(), cr.ID); r.Status == data.StatusRemoved {
		t.Fatal("deleted without the box ticked")
	}
	if w := b.post(path+"/delete", url.Values{"confirm": {"1"}}); w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/deleted" {
		t.Fatalf("delete: %d %s", w.Code, w.Header().Get("Location"))
	}
	if r, _ := store.GetReport(context.Background(), cr.ID); r.Status != data.StatusRemoved || r.FullName != "" {
		t.Errorf("after delete: %+v", r)
	}
	if w := b.get(path); w.Code != http.StatusNotFound {
		t.Errorf("the private page of a deleted report: %d", w.Code)
	}
}

// TestPrivateNextStepFitsWhatThePageOffers: "call or write to them" only
// when a number is on the page; a seeker still waiting is told so, and
// the safe side what it can do (a new user's trial, 2026-12-07).
func TestPrivateNextStepFitsWhatThePageOffers(t *testing.T) {
	withPhone, waiting := []privateNews{{Phone: "+77011234567"}}, []privateNews{{Asked: true}}
	for _, tc := range []struct {
		d    privateData
		want string
	}{
		{privateData{Seeking: true}, "private.next_seek"},
		{privateData{}, "private.next_safe"},
		{privateData{Seeking: true, Matches: waiting}, "private.next_wait"},
		{privateData{Seeking: true, Matches: append(waiting, withPhone...)}, "private.next_news"},
		{privateData{Seeking: true, Matches: []privateNews{{Twice: true}}}, "private.next_twice"},
		{privateData{Seeking: true, Matches: append(waiting, privateNews{Twice: true})}, "private.next_wait"},
		{privateData{Matches: waiting}, "private.next_safe_news"},
		{privateData{Seeking: true, Matches: []privateNews{{NoPhone: true}}}, "private.next_nophone"},
		{privateData{Seeking: true, Matches: append(waiting, privateNews{NoPhone: true})}, "private.next_wait"},
		{privateData{Seeking: true, Closed: true, Matches: withPhone}, "private.next_closed"},
		{privateData{Seeking: true, SMSOff: true}, "private.next_off"},
		{privateData{Seeking: true, SMSOff: true, Matches: waiting}, "private.next_off"},
		{privateData{SMSOff: true, Matches: waiting}, "private.next_off"},
		{privateData{Seeking: true, SMSOff: true, Matches: withPhone}, "private.next_news"},
	} {
		if got := tc.d.NextKey(); got != tc.want {
			t.Errorf("%+v: %s, want %s", tc.d, got, tc.want)
		}
		for _, lang := range data.Languages {
			if T(lang, tc.want) == tc.want {
				t.Errorf("%s has no %s text", tc.want, lang)
			}
		}
	}
}
