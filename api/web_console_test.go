package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"tuys/data"
	"tuys/notify"
	"tuys/search"
)

func TestConsoleNeedsLogin(t *testing.T) {
	_, _, h := newWebServer(t, Config{})
	for _, p := range []string{"/v/", "/v/intake", "/v/search?q=x", "/v/review", "/v/r/x", "/v/audit"} {
		w := newBrowser(t, h, "ru").get(p)
		if w.Code != http.StatusSeeOther || !strings.HasPrefix(w.Header().Get("Location"), "/v/login?next=") {
			t.Errorf("%s: %d %s", p, w.Code, w.Header().Get("Location"))
		}
	}
	b := newBrowser(t, h, "ru")
	b.get("/v/login")
	if w := b.post("/v/intake", seekForm()); w.Code != http.StatusSeeOther {
		t.Errorf("POST without session: %d", w.Code)
	}
}

func TestLoginWrongPasswordNoSession(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	addVolunteer(t, store, "aigerim", "correct horse battery", data.RoleVolunteer)
	for _, l := range data.Languages {
		b := newBrowser(t, h, l)
		b.get("/v/login")
		for _, creds := range [][2]string{{"aigerim", "wrong"}, {"nobody", "correct horse battery"}, {"", ""}} {
			w := b.post("/v/login", url.Values{"login": {creds[0]}, "password": {creds[1]}})
			if w.Code != http.StatusUnauthorized || b.cookies[sessionCookie] != nil {
				t.Errorf("%s %v: %d, session %v", l, creds, w.Code, b.cookies[sessionCookie])
			}
			mustContain(t, w.Body.String(), T(l, "login.wrong"))
		}
	}
}

// A password typed into the login field is not kept in the audit; a
// known account's failures are audited under its login.
func TestFailedLoginAuditKeepsNoTypedText(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	addVolunteer(t, store, "aigerim", "correct horse battery", data.RoleVolunteer)
	b := newBrowser(t, h, "en")
	b.get("/v/login")
	b.post("/v/login", url.Values{"login": {"correct horse battery"}, "password": {""}})
	b.post("/v/login", url.Values{"login": {"aigerim"}, "password": {"wrong"}})
	es, err := store.ListAudit(context.Background(), 10)
	if err != nil || len(es) != 2 {
		t.Fatalf("audit: %d entries, %v", len(es), err)
	}
	actors := []string{es[0].Actor, es[1].Actor}
	if !slices.Contains(actors, "aigerim") || slices.ContainsFunc(actors, func(a string) bool { return strings.Contains(a, "horse") }) {
		t.Errorf("failed sign-ins audited as %q", actors)
	}
}

func TestLoginDisabledAccount(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	v := addVolunteer(t, store, "aigerim", "correct horse battery", data.RoleVolunteer)
	v.Active = false
	store.UpdateVolunteer(context.Background(), v)
	b := newBrowser(t, h, "en")
	b.get("/v/login")
	if w := b.post("/v/login", url.Values{"login": {"aigerim"}, "password": {"correct horse battery"}}); w.Code != http.StatusUnauthorized {
		t.Errorf("disabled account logged in: %d", w.Code)
	}
}

func TestLoginThrottled(t *testing.T) {
	s, store, h := newWebServer(t, Config{})
	s.sec = newSecurity(&Server{cfg: Config{Security: SecurityConfig{LoginUserRate: Rate{PerHour: 1, Burst: 3}}}, now: s.now, log: s.log})
	addVolunteer(t, store, "aigerim", "correct horse battery", data.RoleVolunteer)
	b := newBrowser(t, h, "kk")
	b.get("/v/login")
	var last *http.Response
	for i := 0; i < 4; i++ {
		last = b.post("/v/login", url.Values{"login": {"aigerim"}, "password": {"guess"}}).Result()
	}
	if last.StatusCode != http.StatusTooManyRequests || last.Header.Get("Retry-After") == "" {
		t.Fatalf("4th guess: %d", last.StatusCode)
	}
	// the right password does not get through while throttled
	if w := b.post("/v/login", url.Values{"login": {"aigerim"}, "password": {"correct horse battery"}}); w.Code != http.StatusTooManyRequests {
		t.Errorf("throttled account logged in: %d", w.Code)
	}
	// but the guesses from one address do not lock the volunteer out
	// from hers
	own := newBrowser(t, h, "kk")
	own.addr = "198.51.100.7:4242"
	own.get("/v/login")
	if w := own.post("/v/login", url.Values{"login": {"aigerim"}, "password": {"correct horse battery"}}); w.Code != http.StatusSeeOther {
		t.Errorf("a stranger's guesses locked the volunteer out: %d", w.Code)
	}
}

// Only failures count: a shift of volunteers signing in behind one address
// is never held up, while guesses are, and guesses spread over many
// addresses still lock the account (acrossIPs).
func TestLoginLimitsCountFailures(t *testing.T) {
	s, store, h := newWebServer(t, Config{})
	s.sec = newSecurity(&Server{cfg: Config{Security: SecurityConfig{LoginIPRate: Rate{PerHour: 1, Burst: 3},
		LoginUserRate: Rate{PerHour: 1, Burst: 2}}}, now: s.now, log: s.log})
	addVolunteer(t, store, "aigerim", "correct horse battery", data.RoleVolunteer)
	login := func(addr, password string) int {
		b := newBrowser(t, h, "ru")
		b.addr = addr
		b.get("/v/login")
		return b.post("/v/login", url.Values{"login": {"aigerim"}, "password": {password}}).Code
	}
	for i := range 10 {
		if code := login("203.0.113.1:1", "correct horse battery"); code != http.StatusSeeOther {
			t.Fatalf("sign-in %d from the centre's address: %d", i+1, code)
		}
	}
	own := newBrowser(t, h, "ru") // the volunteer's own phone, signed in once
	own.addr = "198.51.100.7:1"
	own.get("/v/login")
	if w := own.post("/v/login", url.Values{"login": {"aigerim"}, "password": {"correct horse battery"}}); w.Code != http.StatusSeeOther {
		t.Fatalf("sign-in: %d", w.Code)
	}
	// Guesses from ever new addresses: the account's own bucket (2 ×
	// acrossIPs) runs out although no address used up its own.
	refused := 0
	for i := range 2*acrossIPs + 1 {
		if login(fmt.Sprintf("10.1.%d.1:1", i), "guess") == http.StatusTooManyRequests {
			refused++
		}
	}
	if refused != 1 {
		t.Errorf("%d guesses from %d addresses refused, want the last one", refused, 2*acrossIPs+1)
	}
	// A new browser waits; the volunteer's own, from a new address too, signs in.
	if code := login("192.0.2.50:1", "correct horse battery"); code != http.StatusTooManyRequests {
		t.Errorf("a new browser during the attack: %d, want 429", code)
	}
	own.addr = "198.51.100.8:1"
	own.get("/v/login")
	if w := own.post("/v/login", url.Values{"login": {"aigerim"}, "password": {"correct horse battery"}}); w.Code != http.StatusSeeOther {
		t.Errorf("the volunteer's own browser during the attack: %d, want 303", w.Code)
	}
	// a device cookie made for another account, or forged, spares nothing
	forged := newBrowser(t, h, "ru")
	forged.addr = "192.0.2.51:1"
	name := s.deviceCookieName("aigerim")
	forged.cookies[name] = &http.Cookie{Name: name, Value: own.cookies[name].Value[:17] + "000000000000", Path: "/v/"}
	forged.get("/v/login")
	if w := forged.post("/v/login", url.Values{"login": {"aigerim"}, "password": {"correct horse battery"}}); w.Code != http.StatusTooManyRequests {
		t.Errorf("a forged device cookie: %d, want 429", w.Code)
	}
	// a second volunteer signing in on the same computer keeps the first's cookie
	addVolunteer(t, store, "bolat", "another good password", data.RoleVolunteer)
	own.post("/v/logout", url.Values{})
	own.get("/v/login")
	if w := own.post("/v/login", url.Values{"login": {"bolat"}, "password": {"another good password"}}); w.Code != http.StatusSeeOther {
		t.Fatalf("bolat's sign-in: %d", w.Code)
	}
	if own.cookies[name] == nil || own.cookies[s.deviceCookieName("bolat")] == nil {
		t.Errorf("one computer, two volunteers: cookies %v", own.cookies)
	}
}

func TestLoginSessionCookie(t *testing.T) {
	for _, public := range []string{"http://localhost:8080", "https://tuys.example.kz"} {
		_, store, h := newWebServer(t, Config{PublicURL: public})
		b := loggedIn(t, h, store, data.RoleVolunteer)
		c := b.cookies[sessionCookie]
		if c == nil || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Secure != strings.HasPrefix(public, "https") {
			t.Fatalf("%s: session cookie %+v", public, c)
		}
		for _, name := range []string{csrfCookie, "lang"} {
			b.get("/?lang=kk")
			if k := b.cookies[name]; k == nil || !k.HttpOnly || k.Secure != c.Secure || k.SameSite != http.SameSiteLaxMode {
				t.Errorf("%s: %s cookie %+v", public, name, k)
			}
		}
		if len(c.Value) < 64 {
			t.Errorf("session token too short: %d", len(c.Value))
		}
		// stored hashed: the raw token is not a session key
		if _, err := store.SessionVolunteer(context.Background(), c.Value); err == nil {
			t.Error("raw token found in the sessions table")
		}
		if w := b.get("/v/"); w.Code != http.StatusOK {
			t.Errorf("dashboard: %d", w.Code)
		}
		w := b.post("/v/logout", url.Values{})
		if w.Code != http.StatusSeeOther {
			t.Fatalf("logout: %d", w.Code)
		}
		if _, err := store.SessionVolunteer(context.Background(), data.HashCode(c.Value)); err == nil {
			t.Error("session alive after logout")
		}
	}
}

func TestLoginRedirectsOnlyInsideConsole(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	addVolunteer(t, store, "aigerim", "correct horse battery", data.RoleVolunteer)
	for next, want := range map[string]string{"/v/review": "/v/review", "//evil.example/v/": "/v/", "https://evil.example": "/v/"} {
		b := newBrowser(t, h, "ru")
		b.get("/v/login")
		w := b.post("/v/login", url.Values{"login": {"aigerim"}, "password": {"correct horse battery"}, "next": {next}})
		if got := w.Header().Get("Location"); got != want {
			t.Errorf("next=%s → %s", next, got)
		}
	}
}

func TestDashboard(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	seek, safe := fileSeekSafe(t, store)
	store.SaveMatch(context.Background(), &data.Match{SeekID: seek.ID, SafeID: safe.ID, Score: 0.8, State: data.MatchReview}, nil, nil)
	b := loggedIn(t, h, store, data.RoleVolunteer)
	body := b.get("/v/").Body.String()
	mustContain(t, body, T("ru", "dash.reports"), "ищут человека", "в безопасности", "ждут проверки", "веб-форма",
		T("ru", "dash.matches"), T("ru", "dash.messages"))
	if !strings.Contains(body, strings.SplitN(T("ru", "dash.oldest"), ":", 2)[0]) {
		t.Error("dashboard does not show the oldest match waiting")
	}
}

func fileSeekSafe(t *testing.T, store data.Store) (*data.Report, *data.Report) {
	t.Helper()
	safe, _ := fileSafe(t, store, "Сейітқали Гүлжан")
	seek := &data.Report{Kind: data.KindSeek, FullName: "Seitkali Gulzhan", BirthYear: 1977, City: "Almaty",
		ContactName: "Asel", ContactPhone: "+77011234567", Language: "ru", Channel: data.ChannelWeb}
	if err := store.CreateReport(context.Background(), seek); err != nil {
		t.Fatal(err)
	}
	return seek, safe
}

func TestIntakeFilesAndShowsMatches(t *testing.T) {
	s, store, h := newWebServer(t, Config{})
	_, safe := fileSeekSafe(t, store)
	asked := fakeSearch(s, safe)
	b := loggedIn(t, h, store, data.RoleVolunteer)
	mustContain(t, b.get("/v/intake").Body.String(), `name="csrf_token"`, `accesskey="f"`, `name="kind" value="seek" checked`)
	form := seekForm()
	form.Set("kind", "seek")
	form.Set("form_id", strings.Repeat("1f", 12))
	w := b.post("/v/intake", form)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("intake: %d %s", w.Code, w.Body.String())
	}
	if again := b.post("/v/intake", form); again.Header().Get("Location") != w.Header().Get("Location") || countReports(t, store) != 3 {
		t.Errorf("intake sent twice: %s, %d reports (want 3: two before, one filed)", again.Header().Get("Location"), countReports(t, store))
	}
	body := b.get(w.Header().Get("Location")).Body.String()
	mustContain(t, body, "Жумабаев Ерлан", `class="code"`, "Сейітқали Гүлжан", "0.91", "name: Seitkali ≈ Сейітқали")
	if q := (*asked)[0]; q.Kind != data.KindSafe || q.Name != "Жумабаев Ерлан" {
		t.Errorf("matches asked with %+v", q)
	}
	id := strings.TrimPrefix(w.Header().Get("Location"), "/v/intake?filed=")
	r, _ := store.GetReport(context.Background(), id)
	if r.Channel != data.ChannelVolunteer || r.ContactPhone != "+77011234567" {
		t.Errorf("stored %+v", r)
	}
	if !hasAudit(t, store, "intake", id) {
		t.Error("intake not audited")
	}
	mustContain(t, body, "/p/") // the private link, to read out to the caller
}

// TestIntakeSendsThePrivateLink: a report taken over the phone sends the
// caller the link to their private page by SMS, once.
func TestIntakeSendsThePrivateLink(t *testing.T) {
	s, store, h := newWebServer(t, Config{})
	svc, err := notify.New(notify.Config{Hotline: "1414"}, store, s.log)
	if err != nil {
		t.Fatal(err)
	}
	s.deps.SMS = svc
	b := loggedIn(t, h, store, data.RoleVolunteer)
	form := seekForm()
	form.Set("kind", "seek")
	w := b.post("/v/intake", form)
	id := strings.TrimPrefix(w.Header().Get("Location"), "/v/intake?filed=")
	msg, err := store.MessageByKey(context.Background(), "link:"+id)
	if err != nil || msg.To != "+77011234567" || !strings.Contains(msg.Body, "/p/") {
		t.Fatalf("private link SMS: %+v %v", msg, err)
	}
}

func TestIntakeErrors(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	b := loggedIn(t, h, store, data.RoleVolunteer)
	for _, l := range data.Languages {
		b.lang = l
		form := seekForm()
		form.Set("person.full_name", "")
		form.Del("consent")
		w := b.post("/v/intake", form)
		if w.Code != http.StatusUnprocessableEntity {
			t.Fatalf("%s: %d", l, w.Code)
		}
		mustContain(t, w.Body.String(), T(l, "field.required"), escapeHTML(T(l, "web.err.consent")), `value="Айгуль"`)
		form.Set(csrfField, "nope")
		if w := b.post("/v/intake", form); w.Code != http.StatusForbidden {
			t.Errorf("%s: bad csrf: %d", l, w.Code)
		}
	}
	if countReports(t, store) != 0 {
		t.Error("invalid intake stored a report")
	}
}

func TestConsoleSearchFilters(t *testing.T) {
	s, store, h := newWebServer(t, Config{})
	seek, safe := fileSeekSafe(t, store)
	old := &data.Report{Kind: data.KindSafe, FullName: "Gulzhan Seitkali", BirthYear: 1950, City: "Almaty", Channel: data.ChannelSMS}
	store.CreateReport(context.Background(), old)
	asked := fakeSearch(s, seek, safe, old)
	b := loggedIn(t, h, store, data.RoleVolunteer)
	body := b.get("/v/search?q=Gulzhan&kind=safe&city=Almaty&from=1970&to=1980&status=active").Body.String()
	mustContain(t, body, safe.ID, "0.91", "name: Seitkali ≈ Сейітқали")
	mustNotContain(t, body, old.ID, "+77055551234")
	if q := (*asked)[0]; q.Kind != data.KindSafe || q.City != "Almaty" {
		t.Errorf("engine asked %+v", q)
	}
	if w := b.get("/v/search?q=x&from=abc"); !strings.Contains(w.Body.String(), T("ru", "web.err.number")) {
		t.Error("bad year range not reported")
	}
}

func TestReviewConfirmSendsSMS(t *testing.T) {
	s, store, h := newWebServer(t, Config{})
	seek, safe := fileSeekSafe(t, store)
	ctx := context.Background()
	m := &data.Match{SeekID: seek.ID, SafeID: safe.ID, Score: 0.74, State: data.MatchReview,
		Explanation: `["name: Seitkali Gulzhan ≈ Сейітқали Гүлжан","year: 1977 = 1977"]`}
	store.SaveMatch(ctx, m, nil, nil)
	var hooked data.Match
	s.deps.Confirm = (func(_ context.Context, got data.Match) ([]data.Message, []data.Consent, error) {
		hooked = got
		return []data.Message{{Key: "match:" + got.ID + ":seeker", MatchID: got.ID, ReportID: got.SeekID,
			To: "+77011234567", Body: "found", Language: "ru", State: data.MsgQueued}}, nil, nil
	})
	b := loggedIn(t, h, store, data.RoleCoordinator)
	body := b.get("/v/review").Body.String()
	mustContain(t, body, "Seitkali Gulzhan", "Сейітқали Гүлжан", "0.74", "year: 1977 = 1977", `value="confirm"`, "review-item")
	mustNotContain(t, body, "+77011234567", "+77055551234")
	w := b.post("/v/review/"+m.ID, url.Values{"decision": {"confirm"}})
	if w.Code != http.StatusSeeOther {
		t.Fatalf("confirm: %d %s", w.Code, w.Body.String())
	}
	got, _ := store.GetMatch(ctx, m.ID)
	if got.State != data.MatchConfirmed || got.DecidedBy != "aigerim" || hooked.ID != m.ID {
		t.Errorf("match %+v, hook saw %q", got, hooked.ID)
	}
	msgs, _ := store.MessagesForMatch(ctx, m.ID)
	if len(msgs) != 1 {
		t.Errorf("%d messages queued", len(msgs))
	}
	if w := b.post("/v/review/"+m.ID, url.Values{"decision": {"reject"}, "reason": {"late"}}); w.Code != http.StatusConflict {
		t.Errorf("second decision: %d", w.Code)
	}
	// the record view shows the SMS and its state, not the full number
	body = b.get("/v/r/" + seek.ID).Body.String()
	mustContain(t, body, T("ru", "label.purpose.seeker"), T("ru", "sms.state.queued"), "&#43;77011234567", "&#43;7***67")
}

func TestReviewRejectNeedsReason(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	seek, safe := fileSeekSafe(t, store)
	m := &data.Match{SeekID: seek.ID, SafeID: safe.ID, Score: 0.6, State: data.MatchReview}
	store.SaveMatch(context.Background(), m, nil, nil)
	b := loggedIn(t, h, store, data.RoleVolunteer)
	b.get("/v/review")
	if w := b.post("/v/review/"+m.ID, url.Values{"decision": {"reject"}}); w.Code != http.StatusUnprocessableEntity ||
		!strings.Contains(w.Body.String(), T("ru", "review.need_reason")) {
		t.Errorf("reject without reason: %d", w.Code)
	}
	if w := b.post("/v/review/"+m.ID, url.Values{"decision": {"reject"}, "reason": {"разные отчества"}}); w.Code != http.StatusSeeOther {
		t.Fatalf("reject: %d", w.Code)
	}
	got, _ := store.GetMatch(context.Background(), m.ID)
	if got.State != data.MatchRejected || got.Reason != "разные отчества" {
		t.Errorf("match %+v", got)
	}
	if !hasAudit(t, store, "match.reject", m.ID) {
		t.Error("decision not audited")
	}
	mustContain(t, b.get("/v/review?done=reject").Body.String(), T("ru", "review.empty"))
}

func TestConsoleRecordAuditsContactView(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	seek, safe := fileSeekSafe(t, store)
	b := loggedIn(t, h, store, data.RoleVolunteer)
	body := b.get("/v/r/" + safe.ID).Body.String()
	mustContain(t, body, "&#43;77055551234", "Сейітқали Гүлжан", T("ru", "vrecord.audited"))
	if !hasAudit(t, store, "view_contact", safe.ID) {
		t.Error("contact view not audited")
	}
	// link as the same person, with a reason
	w := b.post("/v/r/"+seek.ID+"/link", url.Values{"link_to": {safe.ID}, "reason": {""}})
	if w.Code != http.StatusUnprocessableEntity {
		t.Errorf("link without reason: %d", w.Code)
	}
	w = b.post("/v/r/"+seek.ID+"/link", url.Values{"link_to": {"nope"}, "reason": {"same"}})
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), T("ru", "vrecord.err.link")) {
		t.Errorf("link to nothing: %d", w.Code)
	}
	w = b.post("/v/r/"+seek.ID+"/link", url.Values{"link_to": {safe.ID}, "reason": {"одна и та же, звонила дочь"}})
	if w.Code != http.StatusSeeOther {
		t.Fatalf("link: %d %s", w.Code, w.Body.String())
	}
	got, _ := store.GetReport(context.Background(), seek.ID)
	if got.LinkedID != safe.ID {
		t.Errorf("linked to %q", got.LinkedID)
	}
	mustContain(t, b.get("/v/r/"+seek.ID).Body.String(), "одна и та же, звонила дочь")
	w = b.post("/v/r/"+seek.ID+"/note", url.Values{"status": {data.NoteBelievedAlive}, "text": {"перезвонила"}})
	if w.Code != http.StatusSeeOther {
		t.Fatalf("note: %d", w.Code)
	}
	mustContain(t, b.get("/v/r/"+seek.ID).Body.String(), "перезвонила", "aigerim")
	// the public sees a volunteer's note as a volunteer's, not their login
	notes := decode[struct{ Notes []PublicNote }](t, do(t, h, "GET", "/api/v1/reports/"+seek.ID+"/notes", "")).Notes
	for _, n := range notes {
		if n.Author != "" || n.By != data.NoteByVolunteer {
			t.Errorf("a volunteer's note as the public sees it: %+v", n)
		}
	}
	if len(notes) == 0 {
		t.Error("no notes")
	}
}

func TestAuditPageForCoordinators(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	b := loggedIn(t, h, store, data.RoleVolunteer)
	if w := b.get("/v/audit"); w.Code != http.StatusForbidden {
		t.Errorf("volunteer sees audit: %d", w.Code)
	}
	addVolunteer(t, store, "boss", "coordinator password", data.RoleCoordinator)
	c := newBrowser(t, h, "en")
	c.get("/v/login")
	c.post("/v/login", url.Values{"login": {"boss"}, "password": {"coordinator password"}})
	// a report's id links to its record; a match's id and a list's name are
	// no record (they linked to a 404: a new user's trial, 2026-12-07)
	report := data.NewID()
	for _, e := range []data.AuditEntry{{Actor: "boss", Action: "view_contact", Target: report},
		{Actor: "boss", Action: "match.confirm", Target: "m36d8aa01"}, {Actor: "boss", Action: "import", Target: "Hospital 7 (list.csv)"}} {
		if err := store.Audit(t.Context(), e); err != nil {
			t.Fatal(err)
		}
	}
	w := c.get("/v/audit")
	if w.Code != http.StatusOK {
		t.Fatalf("coordinator audit: %d", w.Code)
	}
	body := w.Body.String()
	mustContain(t, body, "aigerim", T("en", "label.action.login"), `href="/v/r/`+report+`"`, T("en", "label.action.import"), "Hospital 7 (list.csv)")
	mustNotContain(t, body, `href="/v/r/m36d8aa01"`, `href="/v/r/Hospital`)
}

func hasAudit(t *testing.T, store data.Store, action, target string) bool {
	t.Helper()
	es, err := store.ListAudit(context.Background(), 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.Action == action && e.Target == target {
			return true
		}
	}
	return false
}

func TestExplainReasons(t *testing.T) {
	got := search.StoredLines(`[{"field":"family","text":"family name: Ахметов ≈ Akhmetov","effect":1},{"field":"sex","text":"","effect":0},{"field":"year","text":"year 1970 ≈ 1971","effect":-0.05}]`, true, search.English)
	want := []string{"family name: Ахметов ≈ Akhmetov (+1.00)", "year 1970 ≈ 1971 (-0.05)"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("explain: %q", got)
	}
	if got := search.StoredLines(`["a","b"]`, true, search.English); len(got) != 2 || got[1] != "b" {
		t.Errorf("plain strings: %q", got)
	}
	if got := search.StoredLines(`not json`, true, search.English); len(got) != 1 || got[0] != "not json" {
		t.Errorf("raw: %q", got)
	}
}

func TestSuggestAsYouType(t *testing.T) {
	s, store, h := newWebServer(t, Config{})
	_, safe := fileSeekSafe(t, store)
	asked := fakeSearch(s, safe)
	if w := newBrowser(t, h, "ru").get("/v/suggest?q=Seitkali"); w.Code != http.StatusSeeOther {
		t.Errorf("suggest without login: %d", w.Code)
	}
	b := loggedIn(t, h, store, data.RoleVolunteer)
	if w := b.get("/v/suggest?q=Se"); w.Body.String() != "[]" {
		t.Errorf("two letters: %s", w.Body.String())
	}
	w := b.get("/v/suggest?q=Seitkali&kind=seek&year=1977")
	body := w.Body.String()
	mustContain(t, body, `"id":"`+safe.ID+`"`, "Сейітқали Гүлжан", `"score":0.91`)
	mustNotContain(t, body, "+77055551234", "555 12 34")
	if q := (*asked)[0]; q.Kind != data.KindSafe || q.BirthYear != 1977 || q.Limit != suggestLimit {
		t.Errorf("engine asked %+v", q)
	}
}

// TestExplanationsInTheReadersLanguage: the engine's reasons carry their
// values and verdict, so each page renders them in its own language; the
// public never reads a phone reason.
func TestExplanationsInTheReadersLanguage(t *testing.T) {
	raw := `[{"field":"family","text":"family name: Жумабаев ≈ Zhumabayev (transliteration)","effect":0.9,"q":"Жумабаев","c":"Zhumabayev","how":"transliteration"},` +
		`{"field":"year","text":"year 1985 = 1985","effect":0.04,"q":"1985","c":"1985","how":"="},` +
		`{"field":"phone","text":"same contact phone","effect":0.1}]`
	for _, lang := range data.Languages {
		got := search.StoredLines(raw, false, phrase(lang))
		want := T(lang, "why.family") + ": Жумабаев — Zhumabayev (" + T(lang, "label.how.transliteration") + ")"
		if len(got) != 2 || got[0] != want {
			t.Errorf("%s: %q, want %q first and no phone line", lang, got, want)
		}
	}
	if got := search.StoredLines(raw, true, phrase("ru")); len(got) != 3 || !strings.Contains(got[2], T("ru", "why.phone")) {
		t.Errorf("volunteer lines: %q", got)
	}
}
