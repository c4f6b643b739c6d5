package api

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"tuys/data"
)

// phoneForms are the ways the test phone could leak into a response.
var phoneForms = []string{"7011234567", "701 123 45 67", "701-123", "Айгуль", "Абая"}

func assertNoContact(t *testing.T, where, body string) {
	t.Helper()
	for _, f := range phoneForms {
		if strings.Contains(body, f) {
			t.Errorf("%s leaks %q: %s", where, f, body)
		}
	}
}

func TestCreateAndReadReport(t *testing.T) {
	s, store := newTestServer(t)
	h := s.Handler()
	w := do(t, h, "POST", "/api/v1/reports", seekJSON)
	if w.Code != http.StatusCreated {
		t.Fatalf("create: %d %s", w.Code, w.Body)
	}
	assertNoContact(t, "201 body", w.Body.String())
	created := decode[CreatedReport](t, w)
	if created.ID == "" || len(created.DeletionCode) != 16 || created.Report.FullName != "Жумабаев Ерлан" {
		t.Fatalf("created: %+v", created)
	}
	stored, err := store.GetReport(t.Context(), created.ID)
	if err != nil || stored.ContactPhone != "+77011234567" || stored.Channel != data.ChannelAPI || stored.Language != "ru" {
		t.Fatalf("stored: %+v %v", stored, err)
	}
	w = do(t, h, "GET", "/api/v1/reports/"+created.ID, "")
	if w.Code != 200 {
		t.Fatalf("get: %d", w.Code)
	}
	assertNoContact(t, "public view", w.Body.String())
	pub := decode[PublicReport](t, w)
	if pub.BirthYear != 1985 || pub.City != "Алматы" || pub.Status != "active" || !strings.Contains(pub.Description, "•••") {
		t.Fatalf("public view: %+v", pub)
	}
	if w := do(t, h, "GET", "/api/v1/reports/nope", ""); w.Code != 404 {
		t.Fatalf("missing report: %d", w.Code)
	}
}

func TestAgeBecomesYear(t *testing.T) {
	s, _ := newTestServer(t)
	w := do(t, s.Handler(), "POST", "/api/v1/reports", `{"kind":"safe","person":{"full_name":"Ким Виктория","age":30}}`)
	if w.Code != 201 {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	r := decode[CreatedReport](t, w).Report
	if r.BirthYear != s.now().Year()-30 || !r.YearApprox {
		t.Fatalf("age → year: %+v", r)
	}
}

func TestValidationErrors(t *testing.T) {
	s, _ := newTestServer(t)
	h := s.Handler()
	cases := []struct {
		name, body, field string
		code              int
	}{
		{"kind", `{"kind":"x","person":{"full_name":"A B"}}`, "kind", 400},
		{"name required", `{"kind":"safe","person":{"full_name":"  "}}`, "person.full_name", 400},
		{"name letters", `{"kind":"safe","person":{"full_name":"12345"}}`, "person.full_name", 400},
		{"name too long", `{"kind":"safe","person":{"full_name":"` + strings.Repeat("а", 201) + `"}}`, "person.full_name", 400},
		{"year", `{"kind":"safe","person":{"full_name":"A B","birth_year":3000}}`, "person.birth_year", 400},
		{"age", `{"kind":"safe","person":{"full_name":"A B","age":200}}`, "person.age", 400},
		{"age and year", `{"kind":"safe","person":{"full_name":"A B","age":20,"birth_year":2000}}`, "person.age", 400},
		{"sex", `{"kind":"safe","person":{"full_name":"A B","sex":"X"}}`, "person.sex", 400},
		{"phone", `{"kind":"safe","person":{"full_name":"A B"},"contact":{"phone":"12"}}`, "contact.phone", 400},
		{"seek needs phone", `{"kind":"seek","person":{"full_name":"A B"}}`, "contact.phone", 400},
		{"language", `{"kind":"safe","person":{"full_name":"A B"},"contact":{"language":"de"}}`, "contact.language", 400},
		{"expiry", `{"kind":"safe","person":{"full_name":"A B"},"expires_in_days":5}`, "expires_in_days", 400},
		{"unknown field", `{"kind":"safe","person":{"full_name":"A B","nickname":"x"}}`, "nickname", 400},
		{"wrong type", `{"kind":"safe","person":{"full_name":"A B","birth_year":"1985"}}`, "person.birth_year", 400},
		{"description too long", `{"kind":"safe","person":{"full_name":"A B","description":"` + strings.Repeat("x", 2001) + `"}}`, "person.description", 400},
	}
	messages := map[string]map[string]string{}
	for _, lang := range data.Languages {
		for _, c := range cases {
			w := do(t, h, "POST", "/api/v1/reports", c.body, "Accept-Language", lang)
			if w.Code != c.code {
				t.Errorf("%s/%s: HTTP %d %s", lang, c.name, w.Code, w.Body)
				continue
			}
			body := decode[ErrorBody](t, w)
			msg := body.Fields[c.field]
			if body.Error != "validation" || msg == "" || strings.HasPrefix(msg, "field.") {
				t.Errorf("%s/%s: want a translated error on %s, got %+v", lang, c.name, c.field, body)
			}
			if messages[c.name] == nil {
				messages[c.name] = map[string]string{}
			}
			messages[c.name][lang] = msg
		}
	}
	for lang, msg := range messages["unknown field"] { // says where the fields are listed
		if !strings.Contains(msg, "/api/v1/openapi.yaml") {
			t.Errorf("%s: unknown field: %q does not point to the API's description", lang, msg)
		}
	}
	for name, byLang := range messages {
		if byLang["kk"] == byLang["ru"] || byLang["ru"] == byLang["en"] {
			t.Errorf("%s: messages not translated: %v", name, byLang)
		}
	}
}

func TestMalformedAndOversized(t *testing.T) {
	s, _ := newTestServer(t)
	h := s.Handler()
	for _, body := range []string{`{"kind":`, `not json`, `{"kind":"safe"} {"x":1}`, ``} {
		w := do(t, h, "POST", "/api/v1/reports", body)
		if w.Code != 400 || decode[ErrorBody](t, w).Error != "bad_json" {
			t.Errorf("%q: %d %s", body, w.Code, w.Body)
		}
	}
	// Why it is not JSON is said in the client's language too, not in
	// the English of Go's decoder.
	for _, c := range []struct{ body, lang, want string }{
		{`{"kind":`, "ru", "обрывается"}, {`{"kind":`, "kk", "үзіледі"}, {`{"kind":`, "en", "ends too early"},
		{`{"kind": x}`, "ru", "на байте 10"}, {`{"kind":"safe"} {"x":1}`, "kk", "объектіден кейін"},
	} {
		w := do(t, h, "POST", "/api/v1/reports", c.body, "Accept-Language", c.lang)
		if msg := decode[ErrorBody](t, w).Message; !strings.Contains(msg, c.want) || strings.Contains(msg, "%!") {
			t.Errorf("%s %q: message %q, want it to say %q", c.lang, c.body, msg, c.want)
		}
	}
	big := `{"kind":"safe","person":{"full_name":"` + strings.Repeat("a", 70<<10) + `"}}`
	if w := do(t, h, "POST", "/api/v1/reports", big); w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized: %d", w.Code)
	}
}

func TestDeleteReport(t *testing.T) {
	s, store := newTestServer(t)
	h := s.Handler()
	created := decode[CreatedReport](t, do(t, h, "POST", "/api/v1/reports", seekJSON))
	path := "/api/v1/reports/" + created.ID
	if w := do(t, h, "DELETE", path, `{"deletion_code":"wrong"}`); w.Code != 403 {
		t.Fatalf("wrong code: %d", w.Code)
	}
	if w := do(t, h, "DELETE", path, ""); w.Code != 400 {
		t.Fatalf("no code: %d", w.Code)
	}
	if w := do(t, h, "DELETE", path, `{"deletion_code":"`+created.DeletionCode+`"}`); w.Code != 204 {
		t.Fatalf("delete: %d %s", w.Code, w.Body)
	}
	if w := do(t, h, "DELETE", path, "", "X-Deletion-Code", created.DeletionCode); w.Code != 404 {
		t.Fatalf("second delete: %d", w.Code)
	}
	r, _ := store.GetReport(t.Context(), created.ID)
	if r.Status != data.StatusRemoved || r.FullName != "" || r.ContactPhone != "" {
		t.Fatalf("not purged: %+v", r)
	}
}

func TestNotesAPI(t *testing.T) {
	s, _ := newTestServer(t)
	h := s.Handler()
	created := decode[CreatedReport](t, do(t, h, "POST", "/api/v1/reports", seekJSON))
	path := "/api/v1/reports/" + created.ID + "/notes"
	w := do(t, h, "POST", path, `{"status":"believed_alive","text":"Seen at school 12, call +7 701 123 45 67","author":"Марат"}`)
	if w.Code != 201 {
		t.Fatalf("add note: %d %s", w.Code, w.Body)
	}
	if w := do(t, h, "POST", path, `{"status":"dancing","text":"x"}`, "Accept-Language", "kk"); w.Code != 400 ||
		decode[ErrorBody](t, w).Fields["status"] == "" {
		t.Fatalf("bad status: %d %s", w.Code, w.Body)
	}
	if w := do(t, h, "POST", "/api/v1/reports/nope/notes", `{"text":"x"}`); w.Code != 404 {
		t.Fatalf("note on missing report: %d", w.Code)
	}
	w = do(t, h, "GET", path, "")
	assertNoContact(t, "notes", w.Body.String())
	notes := decode[struct{ Notes []PublicNote }](t, w).Notes
	if len(notes) != 1 || notes[0].Status != "believed_alive" || !strings.Contains(notes[0].Text, "school 12") {
		t.Fatalf("notes: %+v", notes)
	}
}

// The statuses the public form does not offer (believed_dead, "this is
// me") are refused to anonymous callers of the API too, with a field error
// that points to the hotline; a partner's token that may write sets them.
func TestNoteStatusesOnlyKnownWritersSet(t *testing.T) {
	s, _ := newTestServer(t)
	h := s.Handler()
	created := decode[CreatedReport](t, do(t, h, "POST", "/api/v1/reports", seekJSON))
	path := "/api/v1/reports/" + created.ID + "/notes"
	for _, st := range []string{data.NoteBelievedDead, data.NoteIsNoteAuthor} {
		for _, l := range data.Languages {
			w := do(t, h, "POST", path, `{"status":"`+st+`","text":"x"}`, "Accept-Language", l)
			if msg := decode[ErrorBody](t, w).Fields["status"]; w.Code != 400 || !strings.Contains(msg, "1414") {
				t.Errorf("anonymous %s (%s): %d %s", st, l, w.Code, w.Body)
			}
		}
	}
	for _, scope := range []string{data.ScopeRead, data.ScopeWrite} {
		raw := addToken(t, s, "hospital "+scope, scope)
		w := do(t, h, "POST", path, `{"status":"believed_dead","text":"hospital 7"}`, "Authorization", "Bearer "+raw)
		if want := map[string]int{data.ScopeRead: 403, data.ScopeWrite: 201}[scope]; w.Code != want {
			t.Errorf("token with %s: %d, want %d: %s", scope, w.Code, want, w.Body)
		}
	}
	notes := decode[struct{ Notes []PublicNote }](t, do(t, h, "GET", path, "")).Notes
	if len(notes) != 1 || notes[0].Text != "hospital 7" {
		t.Errorf("notes: %+v", notes)
	}
}

// 50 clients × 100 reports through the HTTP API: every acknowledged report
// is stored, each has one event, and sequence numbers are gapless.
func TestConcurrentIngestLosesNothing(t *testing.T) {
	s, store := newTestServer(t)
	h := s.Handler()
	clients, each := 50, 100
	if testing.Short() {
		each = 10
	}
	var mu sync.Mutex
	acked := map[string]bool{}
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				body := fmt.Sprintf(`{"kind":"safe","person":{"full_name":"Тестов Тест %d-%d","birth_year":1990},"contact":{"phone":"+7 701 %03d %04d"}}`, c, i, c, i)
				w := do(t, h, "POST", "/api/v1/reports", body)
				if w.Code != 201 {
					t.Errorf("post: %d %s", w.Code, w.Body)
					return
				}
				id := decode[CreatedReport](t, w).ID
				mu.Lock()
				acked[id] = true
				mu.Unlock()
			}
		}(c)
	}
	wg.Wait()
	evs, err := store.EventsAfter(t.Context(), 0, clients*each+10)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != len(acked) || len(acked) != clients*each {
		t.Fatalf("acked %d, events %d, want %d", len(acked), len(evs), clients*each)
	}
	for i, e := range evs {
		if e.Seq != int64(i+1) || !acked[e.ReportID] {
			t.Fatalf("event %d: seq %d report %s", i, e.Seq, e.ReportID)
		}
	}
}

// TestAPIErrorsInEnglishWithoutAcceptLanguage: a script that names no
// language reads English; the pages keep their Russian default.
func TestAPIErrorsInEnglishWithoutAcceptLanguage(t *testing.T) {
	s, _ := newTestServer(t)
	h := s.Handler()
	req := httptest.NewRequest("POST", "/api/v1/reports", strings.NewReader(`{"kind":"x"}`))
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if !strings.Contains(w.Body.String(), T("en", "err.validation")) {
		t.Errorf("no Accept-Language: %s", w.Body)
	}
	req = httptest.NewRequest("POST", "/api/v1/reports", strings.NewReader(`{"kind":"x"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept-Language", "kk-KZ")
	w = httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if !strings.Contains(w.Body.String(), T("kk", "err.validation")) {
		t.Errorf("Accept-Language kk: %s", w.Body)
	}
}
