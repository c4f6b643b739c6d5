package api

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"tuys/data"
)

// secStore opens a real SQLite store in a temp dir.
func secStore(t testing.TB, dir string) data.Store {
	t.Helper()
	st, err := data.Open(context.Background(), data.Config{Dir: dir, SecretKey: []byte(strings.Repeat("k", 32))})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// secServer is a Server on a fresh store with the given config.
func secServer(t testing.TB, cfg Config) (*Server, http.Handler) {
	t.Helper()
	st := secStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	s := New(cfg, Deps{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	return s, s.Handler()
}

type secReq struct {
	method, path, body string
	header             map[string]string
}

func (r secReq) do(h http.Handler) *httptest.ResponseRecorder {
	req := httptest.NewRequest(r.method, r.path, strings.NewReader(r.body))
	req.RemoteAddr = "198.51.100.7:4711"
	if r.body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range r.header {
		req.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

func reportBody(i int) string {
	return fmt.Sprintf(`{"kind":"safe","person":{"full_name":"Тест Флуд %d","birth_year":1990},`+
		`"contact":{"phone":"+7 701 000 00 %02d","language":"ru"}}`, i, i%100)
}

func TestReportRateLimitSpeaksTheUsersLanguage(t *testing.T) {
	for _, lang := range data.Languages {
		t.Run(lang, func(t *testing.T) {
			_, h := secServer(t, Config{Security: SecurityConfig{ReportRate: Rate{PerHour: 60, Burst: 3}}})
			hdr := map[string]string{"Accept-Language": lang}
			for i := 0; i < 3; i++ {
				if w := (secReq{"POST", "/api/v1/reports", reportBody(i), hdr}).do(h); w.Code != http.StatusCreated {
					t.Fatalf("post %d: %d %s", i, w.Code, w.Body)
				}
			}
			w := secReq{"POST", "/api/v1/reports", reportBody(9), hdr}.do(h)
			if w.Code != http.StatusTooManyRequests {
				t.Fatalf("4th post: got %d, want 429", w.Code)
			}
			ra, err := strconv.Atoi(w.Header().Get("Retry-After"))
			if err != nil || ra < 1 || ra > 60 {
				t.Fatalf("Retry-After = %q, want 1..60 seconds", w.Header().Get("Retry-After"))
			}
			var body ErrorBody
			if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
				t.Fatal(err)
			}
			if want := T(lang, "err.rate_limited", ra); body.Error != "rate_limited" || body.Message != want {
				t.Fatalf("body = %+v, want message %q", body, want)
			}
		})
	}
}

// The black-box check posts 200 reports from one IP; the defaults must
// refuse well before that, yet allow a shelter's first burst.
func TestDefaultReportLimitBitesBefore200(t *testing.T) {
	_, h := secServer(t, Config{})
	for i := 1; i <= 200; i++ {
		w := secReq{"POST", "/api/v1/reports", reportBody(i), nil}.do(h)
		if w.Code == http.StatusTooManyRequests {
			if i <= 20 {
				t.Fatalf("429 already at post %d: too strict for a shelter", i)
			}
			return
		}
		if w.Code != http.StatusCreated {
			t.Fatalf("post %d: %d %s", i, w.Code, w.Body)
		}
	}
	t.Fatal("200 posts from one IP and never a 429")
}

func TestLimitClasses(t *testing.T) {
	tests := []struct {
		method, path string
		want         limitClass
	}{
		{"POST", "/api/v1/reports", classReport},
		{"POST", "/looking", classReport},
		{"POST", "/safe", classReport},
		{"POST", "/api/v1/reports/x/notes", classWrite},
		{"DELETE", "/api/v1/reports/x", classWrite},
		{"POST", "/r/x/delete", classWrite},
		{"GET", "/search", classSearch},
		{"GET", "/api/v1/search", classSearch},
		{"GET", "/r/x/filed", classSearch},
		{"GET", "/api/v1/reports/x/matches", classSearch}, // the match graph, followed report by report, lists people
		{"GET", "/api/v1/reports/x/matches/y", classNone},
		{"GET", "/r/x", classNone},
		{"GET", "/r/filed", classNone},
		{"GET", "/api/v1/reports/x/notes", classNone},
		{"GET", "/", classNone},
		{"GET", "/api/v1/reports/x", classNone},
		{"POST", "/webhooks/twilio/sms", classNone},
		{"POST", "/v/login", classNone},
		{"GET", "/v/search", classNone},
		{"GET", "/static/app.css", classNone},
	}
	for _, tt := range tests {
		if got := classify(tt.method, tt.path); got != tt.want {
			t.Errorf("classify(%s %s) = %d, want %d", tt.method, tt.path, got, tt.want)
		}
	}
}

func TestForwardedForIgnoredUnlessProxyTrusted(t *testing.T) {
	tests := []struct {
		name    string
		proxies []string
		want429 bool // second post from a "different" forwarded IP
	}{
		{"no trusted proxy: X-Forwarded-For is the client's word", nil, true},
		{"trusted proxy: each forwarded client has its own bucket", []string{"198.51.100.0/24"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, h := secServer(t, Config{Security: SecurityConfig{TrustedProxies: tt.proxies, ReportRate: Rate{PerHour: 1, Burst: 1}}})
			secReq{"POST", "/api/v1/reports", reportBody(1), map[string]string{"X-Forwarded-For": "203.0.113.1"}}.do(h)
			w := secReq{"POST", "/api/v1/reports", reportBody(2), map[string]string{"X-Forwarded-For": "203.0.113.2"}}.do(h)
			if got := w.Code == http.StatusTooManyRequests; got != tt.want429 {
				t.Fatalf("second post: %d, want 429 = %v", w.Code, tt.want429)
			}
		})
	}
}

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	for _, url := range []string{"http://tuys.test", "https://tuys.test"} {
		_, h := secServer(t, Config{PublicURL: url})
		for _, r := range []secReq{{"GET", "/", "", nil}, {"GET", "/healthz", "", nil},
			{"GET", "/api/v1/reports/nope", "", nil}, {"POST", "/api/v1/reports", "{", nil}} {
			w := r.do(h)
			for k, want := range map[string]string{"Content-Security-Policy": csp, "X-Content-Type-Options": "nosniff",
				"Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"} {
				if got := w.Header().Get(k); got != want {
					t.Errorf("%s %s %s: %s = %q, want %q", url, r.method, r.path, k, got, want)
				}
			}
			hsts := w.Header().Get("Strict-Transport-Security") != ""
			if hsts != strings.HasPrefix(url, "https") {
				t.Errorf("%s %s: HSTS present = %v", url, r.path, hsts)
			}
		}
	}
}

func TestSearchOffAnswersClearly(t *testing.T) {
	_, h := secServer(t, Config{PublicSearch: false})
	for _, path := range []string{"/api/v1/search?name=Aida", "/search?q=Aida"} {
		w := secReq{"GET", path, "", map[string]string{"Accept-Language": "en"}}.do(h)
		if w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), T("en", "err.search_off")) {
			t.Errorf("GET %s with search off: %d %s", path, w.Code, w.Body)
		}
	}
}

func TestOversizedBodyRefused(t *testing.T) {
	_, h := secServer(t, Config{MaxBodyBytes: 1024})
	big := `{"kind":"seek","person":{"full_name":"` + strings.Repeat("a", 4096) + `"}}`
	if w := (secReq{"POST", "/api/v1/reports", big, nil}).do(h); w.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("4 KiB body with a 1 KiB limit: %d", w.Code)
	}
}

func TestPanicGivesNoStackTrace(t *testing.T) {
	s, _ := secServer(t, Config{})
	h := s.Handler()
	req := httptest.NewRequest("GET", "/readyz", nil)
	w := httptest.NewRecorder()
	s.store = nil // readyz now panics on a nil interface
	h.ServeHTTP(w, req)
	if w.Code != http.StatusInternalServerError || strings.Contains(w.Body.String(), "goroutine") ||
		strings.Contains(w.Body.String(), ".go:") {
		t.Fatalf("panic answer: %d %s", w.Code, w.Body)
	}
}

func TestAllowPhoneAndLogin(t *testing.T) {
	s, _ := secServer(t, Config{Security: SecurityConfig{SMSRate: Rate{PerHour: 1, Burst: 2},
		LoginIPRate: Rate{PerHour: 1, Burst: 2}, LoginUserRate: Rate{PerHour: 1, Burst: 2}}})
	got := []bool{s.sec.allowPhone("+77010000001"), s.sec.allowPhone("+77010000001"), s.sec.allowPhone("+77010000001"),
		s.sec.allowPhone("+77010000002")}
	if want := []bool{true, true, false, true}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("allowPhone = %v, want %v", got, want)
	}
	steps := []struct {
		ip, login string
		ok        bool
	}{
		{"10.0.0.1", "aida", true},
		{"10.0.0.2", "AIDA ", true}, // same account, other IP
		{"10.0.0.1", "aida", true},
		{"10.0.0.1", "aida", false}, // this account from this IP
		{"10.0.0.3", "aida", true},  // the account from elsewhere is still open
		{"10.0.0.2", "bolat", true},
		{"10.0.0.2", "dana", false}, // IP limit, whatever the account
	}
	for i, st := range steps {
		ok, wait := s.sec.allowLogin(st.ip, st.login, false)
		if ok != st.ok || (!ok && wait <= 0) {
			t.Errorf("step %d allowLogin(%s, %s) = %v, %v; want %v", i, st.ip, st.login, ok, wait, st.ok)
		}
	}
}

// The web forms share the report bucket; a refused post gets the HTML error
// page in the visitor's language with Retry-After.
// A web form too large to read is answered so, as a page in the visitor's
// language, not with "the form expired, send it again" (which it would
// be again, for ever).
func TestOversizedFormIsAPage(t *testing.T) {
	_, h := secServer(t, Config{})
	for _, lang := range data.Languages {
		for _, body := range []string{"person.description=" + strings.Repeat("я", 40<<10), strings.Repeat("a=1&", 20<<10)} {
			req := httptest.NewRequest("POST", "/looking", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Accept-Language", lang)
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != http.StatusRequestEntityTooLarge || !strings.Contains(w.Body.String(), T(lang, "err.too_large")) {
				t.Errorf("%s: a %d-byte form: %d %.200s", lang, len(body), w.Code, w.Body)
			}
		}
	}
}

// A report form the rate limit refuses comes back with everything typed in
// it, in the visitor's language, saying nothing was filed and how long to
// wait (it was an error page, and the typed report was lost).
func TestFormRateLimitKeepsWhatWasTyped(t *testing.T) {
	for _, lang := range data.Languages {
		_, h := secServer(t, Config{Security: SecurityConfig{ReportRate: Rate{PerHour: 60, Burst: 2}}})
		b := newBrowser(t, h, lang)
		b.addr = "198.51.100.8:1"
		b.get("/looking")
		var w *httptest.ResponseRecorder
		form := url.Values{"person.full_name": {"Жумабаев Ерлан"}, "person.description": {"в синей куртке, шрам на левой руке"},
			"person.birth_year": {"1985"}, "contact.relation": {"сестра"}}
		for i := 0; i < 3; i++ {
			w = b.post("/looking", form)
		}
		ra, _ := strconv.Atoi(w.Header().Get("Retry-After"))
		page := html.UnescapeString(w.Body.String())
		if w.Code != http.StatusTooManyRequests || ra < 1 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") ||
			!strings.Contains(page, T(lang, "err.rate_limited_form", ra)) {
			t.Errorf("%s: 3rd form post: %d %v\n%.300s", lang, w.Code, w.Header(), page)
		}
		for field, v := range form {
			if !strings.Contains(page, v[0]) {
				t.Errorf("%s: the refused form lost %s (%q)", lang, field, v[0])
			}
		}
		if !strings.Contains(page, `action="/looking"`) {
			t.Errorf("%s: the refused form is not the form to send again", lang)
		}
	}
}

// Over the limit, the same form sent again still lands on its confirmation
// (it was filed: "nothing was filed yet" would be false, and obeying the
// wait would file it twice), and a post from another site is refused as
// such (not told "what you typed is kept").
func TestFormRateLimitAfterRepeatAndCSRF(t *testing.T) {
	_, h := secServer(t, Config{Security: SecurityConfig{ReportRate: Rate{PerHour: 60, Burst: 2}}})
	b := newBrowser(t, h, "ru")
	b.addr = "198.51.100.9:1"
	page := b.get("/looking").Body.String()
	form := seekForm()
	form.Set("form_id", regexp.MustCompile(`name="form_id" value="([0-9a-f]+)"`).FindStringSubmatch(page)[1])
	var locs []string
	for i := 0; i < 3; i++ {
		w := b.post("/looking", form)
		if w.Code != http.StatusSeeOther {
			t.Fatalf("post %d of one form: %d, want its confirmation", i+1, w.Code)
		}
		locs = append(locs, w.Header().Get("Location"))
	}
	if locs[0] != locs[1] || locs[1] != locs[2] {
		t.Errorf("one form, several reports: %v", locs)
	}
	planted := url.Values{"person.full_name": {"Planted Name"}, csrfField: {"0000"}}
	w := b.post("/looking", planted)
	if w.Code != http.StatusForbidden || !strings.Contains(html.UnescapeString(w.Body.String()), T("ru", "err.csrf")) {
		t.Errorf("a cross-site post over the limit: %d, want it refused as one (403)", w.Code)
	}
}
