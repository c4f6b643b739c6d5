package api

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/alexedwards/argon2id"

	"tuys/data"
)

// newWebServer is newTestServer without the abuse limits, which tests of
// their own cover: these tests post many forms from one address.
func newWebServer(t testing.TB, cfg Config) (*Server, data.Store, http.Handler) {
	t.Helper()
	store := openTestStore(t)
	cfg.PublicSearch, cfg.Hotline = true, "1414"
	cfg.Security = SecurityConfig{ReportRate: RateOff, WriteRate: RateOff, SearchRate: RateOff,
		LoginIPRate: RateOff, LoginUserRate: RateOff}
	s := New(cfg, Deps{Store: store, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	return s, store, s.Handler()
}

// browser is a tiny cookie-keeping client over the handler, enough to walk
// through forms the way a person without JavaScript does.
type browser struct {
	t       testing.TB
	h       http.Handler
	cookies map[string]*http.Cookie
	lang    string
	addr    string // the client's address; httptest's 192.0.2.1 when empty
}

func newBrowser(t testing.TB, h http.Handler, lang string) *browser {
	return &browser{t: t, h: h, cookies: map[string]*http.Cookie{}, lang: lang}
}

func (b *browser) send(req *http.Request) *httptest.ResponseRecorder {
	b.t.Helper()
	if b.lang != "" {
		req.Header.Set("Accept-Language", b.lang)
	}
	if b.addr != "" {
		req.RemoteAddr = b.addr
	}
	for _, c := range b.cookies {
		if strings.HasPrefix(req.URL.Path, c.Path) || c.Path == "" {
			req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
		}
	}
	w := httptest.NewRecorder()
	b.h.ServeHTTP(w, req)
	for _, c := range w.Result().Cookies() {
		if c.MaxAge < 0 {
			delete(b.cookies, c.Name)
		} else {
			b.cookies[c.Name] = c
		}
	}
	return w
}

func (b *browser) get(path string) *httptest.ResponseRecorder {
	b.t.Helper()
	return b.send(httptest.NewRequest(http.MethodGet, path, nil))
}

// post sends a form with the CSRF token this browser holds (from an
// earlier GET); pass csrf_token in form to override it.
func (b *browser) post(path string, form url.Values) *httptest.ResponseRecorder {
	b.t.Helper()
	if _, ok := form[csrfField]; !ok {
		if c := b.cookies[csrfCookie]; c != nil {
			form.Set(csrfField, c.Value)
		}
	}
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.send(req)
}

var csrfInput = regexp.MustCompile(`name="csrf_token" value="([0-9a-f]+)"`)

// formToken is the token a page carries in its hidden field.
func formToken(t testing.TB, body string) string {
	t.Helper()
	m := csrfInput.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no csrf_token field in page")
	}
	return m[1]
}

// addVolunteer creates an account with an argon2id password.
func addVolunteer(t testing.TB, store data.Store, login, password, role string) *data.Volunteer {
	t.Helper()
	hash, err := argon2id.CreateHash(password, argon2id.DefaultParams)
	if err != nil {
		t.Fatal(err)
	}
	v := &data.Volunteer{Login: login, PasswordHash: hash, Role: role, Active: true}
	if err := store.CreateVolunteer(context.Background(), v); err != nil {
		t.Fatal(err)
	}
	return v
}

// loggedIn returns a browser with a live console session.
func loggedIn(t testing.TB, h http.Handler, store data.Store, role string) *browser {
	t.Helper()
	addVolunteer(t, store, "aigerim", "correct horse battery", role)
	b := newBrowser(t, h, "ru")
	b.get("/v/login")
	w := b.post("/v/login", url.Values{"login": {"aigerim"}, "password": {"correct horse battery"}})
	if w.Code != http.StatusSeeOther {
		t.Fatalf("login: %d %s", w.Code, w.Body.String())
	}
	return b
}

func mustContain(t testing.TB, body string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("page lacks %q", w)
		}
	}
}

func mustNotContain(t testing.TB, body string, bad ...string) {
	t.Helper()
	for _, w := range bad {
		// html/template writes + as &#43;: look for both spellings
		if strings.Contains(body, w) || strings.Contains(body, escapeHTML(w)) {
			t.Errorf("page contains %q", w)
		}
	}
}

// seekForm is a valid "looking for" form.
func seekForm() url.Values {
	return url.Values{"person.full_name": {"Жумабаев Ерлан"}, "person.birth_year": {"1985"}, "person.sex": {"M"},
		"person.city": {"Алматы"}, "contact.name": {"Айгуль"}, "contact.phone": {"+7 701 123 45 67"},
		"contact.relation": {"сестра"}, "contact.language": {"ru"}, "expires_in_days": {"90"}, "consent": {"1"}}
}
