package api

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"tuys/data"
	"tuys/notify"
)

// consentWorld is a found person asked by two seekers, with a volunteer
// signed in to the console.
type consentWorld struct {
	store      data.Store
	b          *browser
	safe       *data.Report
	aigul      data.Match // the mother's request
	marat      data.Match // the brother's
	aigulPhone string
	svc        *notify.Service
}

func newConsentWorld(t *testing.T) *consentWorld {
	t.Helper()
	s, store, h := newWebServer(t, Config{})
	svc, err := notify.New(notify.Config{Hotline: "1414"}, store, s.log)
	if err != nil {
		t.Fatal(err)
	}
	s.deps.SMS = svc
	ctx := context.Background()
	w := &consentWorld{store: store, b: loggedIn(t, h, store, data.RoleVolunteer), aigulPhone: "+77011234567"}
	w.safe = &data.Report{Kind: data.KindSafe, FullName: "Zhumabayev Yerlan", BirthYear: 1985, ContactPhone: "+905321234567",
		Language: "ru", Channel: data.ChannelWeb}
	if err := store.CreateReport(ctx, w.safe); err != nil {
		t.Fatal(err)
	}
	w.svc = svc
	w.aigul = w.ask(t, "Айгуль", w.aigulPhone, "mother")
	w.marat = w.ask(t, "Марат", "+77019998877", "brother")
	return w
}

// ask files a seeker's report and confirms its match with the found
// person the way the matcher does.
func (w *consentWorld) ask(t *testing.T, name, phone, rel string) data.Match {
	t.Helper()
	ctx := context.Background()
	seek := &data.Report{Kind: data.KindSeek, FullName: "Жумабаев Ерлан", BirthYear: 1985, ContactName: name,
		ContactPhone: phone, Relation: rel, Language: "ru", Channel: data.ChannelWeb}
	if err := w.store.CreateReport(ctx, seek); err != nil {
		t.Fatal(err)
	}
	m := data.Match{ID: data.NewID(), SeekID: seek.ID, SafeID: w.safe.ID, Score: 0.97, State: data.MatchAutoConfirmed}
	msgs, consents, err := w.svc.Composer.MatchConfirmed(ctx, m, seek, w.safe)
	if err != nil || len(consents) != 1 {
		t.Fatalf("compose: %v %v", consents, err)
	}
	if _, err := w.store.SaveMatch(ctx, &m, msgs, consents); err != nil {
		t.Fatal(err)
	}
	return m
}

// A request that reads like another from another number (a copy of the
// family's name and relation) is marked on the found person's record:
// the person's YES by SMS sent them to the hotline, and the volunteer
// must find out which seeker is theirs.
func TestConsoleMarksTwinRequests(t *testing.T) {
	w := newConsentWorld(t)
	if page := w.b.get("/v/r/" + w.safe.ID).Body.String(); strings.Contains(page, escapeHTML(T("ru", "vrecord.twin"))) {
		t.Fatal("two different seekers marked as twins")
	}
	w.ask(t, "айгуль", "+77050000000", "mother")
	page := w.b.get("/v/r/" + w.safe.ID).Body.String()
	if n := strings.Count(page, escapeHTML(T("ru", "vrecord.twin"))); n != 2 {
		t.Errorf("the twin requests are marked %d times, want both", n)
	}
}

func (w *consentWorld) answer(m data.Match, form url.Values) *http.Response {
	form.Set(csrfField, w.b.cookies[csrfCookie].Value)
	return w.b.post("/v/r/"+w.safe.ID+"/consent/"+m.ID, form).Result()
}

// A found person whose SMS do not get through answers on the phone: the
// volunteer who called them back records it, and it does exactly what
// their SMS would have: the number goes to that one seeker, the other's
// request stays pending, the person hears by SMS what was done on their
// word, and the audit log has it.
func TestConsentGivenOnThePhone(t *testing.T) {
	w := newConsentWorld(t)
	ctx := context.Background()
	page := w.b.get("/v/r/" + w.safe.ID).Body.String()
	mustContain(t, page, "/consent/"+w.aigul.ID, "/consent/"+w.marat.ID, T("ru", "vrecord.consent_yes"))

	// Not without calling back: a caller who only names himself may be the scammer.
	if res := w.answer(w.aigul, url.Values{"answer": {"yes"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("without the call-back box: %d", res.StatusCode)
	}
	if _, err := w.store.MessageByKey(ctx, "match:"+w.aigul.ID+":contact"); err == nil {
		t.Fatal("the number went out without the call-back box ticked")
	}
	if res := w.answer(w.aigul, url.Values{"answer": {"yes"}, "called_back": {"1"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("answer yes: %d", res.StatusCode)
	}
	contact, err := w.store.MessageByKey(ctx, "match:"+w.aigul.ID+":contact")
	if err != nil || contact.To != w.aigulPhone || !strings.Contains(contact.Body, "+905321234567") {
		t.Fatalf("the mother's SMS with the number: %+v %v", contact, err)
	}
	told, err := w.store.MessageByKey(ctx, "match:"+w.aigul.ID+":phone_answer")
	if err != nil || told.To != "+905321234567" || !strings.Contains(told.Body, "1414") || !strings.Contains(told.Body, "Айгуль") {
		t.Fatalf("the person's SMS about what was done on their word: %+v %v", told, err)
	}
	if _, err := w.store.MessageByKey(ctx, "match:"+w.marat.ID+":contact"); err == nil {
		t.Fatal("the brother got the number too")
	}
	pending, err := w.store.PendingConsents(ctx, "+905321234567")
	if err != nil || len(pending) != 1 || pending[0].MatchID != w.marat.ID {
		t.Fatalf("the brother's request should stay pending alone: %+v %v", pending, err)
	}
	// Answered once: a second volunteer (or a replayed form) changes nothing.
	if res := w.answer(w.aigul, url.Values{"answer": {"no"}, "called_back": {"1"}}); res.StatusCode != http.StatusConflict {
		t.Fatalf("answering again: %d", res.StatusCode)
	}
	if !hasAudit(t, w.store, "consent_yes_by_phone", w.safe.ID) {
		t.Error("the phone answer is not in the audit log")
	}
	page = w.b.get("/v/r/" + w.safe.ID).Body.String()
	if strings.Contains(page, "/consent/"+w.aigul.ID) || !strings.Contains(page, "/consent/"+w.marat.ID) {
		t.Error("the record page should offer only the request still pending")
	}
}

// A refusal on the phone shares nothing and is told to the person too; a
// request of another record cannot be answered through this one.
func TestConsentRefusedOnThePhone(t *testing.T) {
	w := newConsentWorld(t)
	ctx := context.Background()
	if res := w.answer(w.marat, url.Values{"answer": {"no"}, "called_back": {"1"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("answer no: %d", res.StatusCode)
	}
	if _, err := w.store.MessageByKey(ctx, "match:"+w.marat.ID+":contact"); err == nil {
		t.Fatal("a refusal sent the number")
	}
	if told, err := w.store.MessageByKey(ctx, "match:"+w.marat.ID+":phone_answer"); err != nil || told.To != "+905321234567" {
		t.Fatalf("the person is not told of the refusal: %+v %v", told, err)
	}
	other := w.b.post("/v/r/"+w.marat.SeekID+"/consent/"+w.aigul.ID,
		url.Values{csrfField: {w.b.cookies[csrfCookie].Value}, "answer": {"yes"}, "called_back": {"1"}})
	if other.Code != http.StatusNotFound {
		t.Fatalf("a request answered through another record: %d", other.Code)
	}
}
