package api

import (
	"context"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"tuys/api/intake"
	"tuys/data"
)

func TestHomeInEachLanguage(t *testing.T) {
	_, _, h := newWebServer(t, Config{})
	want := map[string][]string{
		"kk": {`lang="kk"`, "Мен адам іздеп жүрмін", "Мен аманмын", "АМАН", "ІЗДЕУ", "ТОҚТА", "КӨМЕК"},
		"ru": {`lang="ru"`, "Я ищу человека", "Я в безопасности", "ЖИВ", "ИЩУ", "СТОП", "ПОМОЩЬ"},
		"en": {`lang="en"`, "I am looking for someone", "I am safe", "SAFE", "FIND", "STOP", "HELP"},
	}
	for l, words := range want {
		w := newBrowser(t, h, l).get("/")
		if w.Code != http.StatusOK {
			t.Fatalf("%s: %d", l, w.Code)
		}
		body := w.Body.String()
		mustContain(t, body, words...)
		mustContain(t, body, `href="/looking"`, `href="/safe"`, `action="/search"`, `/static/style.css`)
	}
}

// The language switcher works without JavaScript: ?lang= answers in that
// language and remembers it in a cookie for the next page.
func TestLanguageSwitcherRemembers(t *testing.T) {
	_, _, h := newWebServer(t, Config{})
	b := newBrowser(t, h, "ru")
	b.get("/?lang=kk")
	if c := b.cookies["lang"]; c == nil || c.Value != "kk" || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode {
		t.Fatalf("lang cookie: %+v", c)
	}
	mustContain(t, b.get("/safe").Body.String(), `lang="kk"`, "Мен аманмын")
}

func TestFormsCarryCSRFAndLabels(t *testing.T) {
	_, _, h := newWebServer(t, Config{})
	for _, l := range data.Languages {
		for _, p := range []string{"/looking", "/safe"} {
			b := newBrowser(t, h, l)
			body := b.get(p).Body.String()
			if tok := formToken(t, body); tok != b.cookies[csrfCookie].Value {
				t.Errorf("%s %s: field token differs from cookie", l, p)
			}
			// every input and select has a label pointing at it
			for _, id := range regexp.MustCompile(`<(?:input|select|textarea) [^>]*id="([^"]+)"`).FindAllStringSubmatch(body, -1) {
				if !strings.Contains(body, `for="`+id[1]+`"`) {
					t.Errorf("%s %s: %s has no label", l, p, id[1])
				}
			}
			mustContain(t, body, `value="&#43;7 "`, `<datalist id="cities">`, `name="consent"`, `value="90" selected`)
			if !strings.Contains(body, "Алматы") && !strings.Contains(body, "Almaty") {
				t.Errorf("%s %s: no city suggestions", l, p)
			}
		}
	}
}

func TestSeekFormFilesAndConfirms(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	b := newBrowser(t, h, "ru")
	b.get("/looking")
	w := b.post("/looking", seekForm())
	if w.Code != http.StatusSeeOther {
		t.Fatalf("post: %d %s", w.Code, w.Body.String())
	}
	loc := w.Header().Get("Location")
	id := strings.TrimSuffix(strings.TrimPrefix(loc, "/r/"), "/filed")
	r, err := store.GetReport(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind != data.KindSeek || r.Channel != data.ChannelWeb || r.ContactPhone != "+77011234567" || r.BirthYear != 1985 {
		t.Errorf("stored %+v", r)
	}
	page := b.get(loc).Body.String()
	code := regexp.MustCompile(`class="code">([0-9a-f]{16})<`).FindStringSubmatch(page)
	if code == nil || data.HashCode(code[1]) != r.DeletionHash {
		t.Fatalf("confirmation page has no valid deletion code")
	}
	mustContain(t, page, "Что будет дальше", T("ru", "filed.sms_off", "1414")) // no SMS set up: none is promised
	mustNotContain(t, page, "STOP")
	mustNotContain(t, page, "+77011234567", "701 123 45 67")
	if again := b.get(loc).Body.String(); strings.Contains(again, code[1]) {
		t.Error("deletion code shown twice")
	}
}

// A form sent twice (double tap, or a retry on a bad connection) files one
// report and lands both times on its confirmation.
func TestReportFormSentTwiceFilesOnce(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	b := newBrowser(t, h, "ru")
	page := b.get("/looking").Body.String()
	id := regexp.MustCompile(`name="form_id" value="([0-9a-f]{24})"`).FindStringSubmatch(page)
	if id == nil {
		t.Fatal("no form_id in the form")
	}
	form := seekForm()
	form.Set("form_id", id[1])
	first := b.post("/looking", form)
	second := b.post("/looking", form)
	if first.Code != http.StatusSeeOther || second.Header().Get("Location") != first.Header().Get("Location") {
		t.Fatalf("repeat: %d %s, %d %s", first.Code, first.Header().Get("Location"), second.Code, second.Header().Get("Location"))
	}
	if n := countReports(t, store); n != 1 {
		t.Errorf("%d reports from one form sent twice", n)
	}
	mustContain(t, b.get(second.Header().Get("Location")).Body.String(), `class="code"`)
	// another rendering of the form is another report
	form.Set("form_id", strings.Repeat("ab", 12))
	b.post("/looking", form)
	if n := countReports(t, store); n != 2 {
		t.Errorf("%d reports after a second form", n)
	}
}

// The repeat is recognised for the browser that sent the form only. An
// attacker's page posts the victim's browser a form id of its choosing
// (the CSRF check fails: the form comes back with a new one), and even a
// form id the attacker learnt another way gives another browser a new
// report, never the victim's deletion code or private page.
func TestReportFormRepeatOnlyForItsBrowser(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	planted := strings.Repeat("a1", 12)
	victim := newBrowser(t, h, "ru")
	form := seekForm()
	form.Set("form_id", planted)
	form.Set(csrfField, "forged")
	back := victim.post("/looking", form)
	if back.Code != http.StatusForbidden || strings.Contains(back.Body.String(), planted) {
		t.Fatalf("a cross-site post: %d, its form id kept: %v", back.Code, strings.Contains(back.Body.String(), planted))
	}
	form.Del(csrfField)
	filed := victim.post("/looking", form) // the victim sends the form with the planted id anyway
	if filed.Code != http.StatusSeeOther {
		t.Fatalf("victim's post: %d", filed.Code)
	}
	attacker := newBrowser(t, h, "ru")
	attacker.addr = "203.0.113.9:1"
	attacker.get("/looking")
	form = seekForm()
	form.Set("form_id", planted)
	replay := attacker.post("/looking", form)
	if replay.Header().Get("Location") == filed.Header().Get("Location") {
		t.Fatalf("the attacker's replay landed on the victim's confirmation %s", filed.Header().Get("Location"))
	}
	if n := countReports(t, store); n != 2 {
		t.Errorf("%d reports: want the victim's and the attacker's own", n)
	}
}

func TestSafeFormInKazakhWithLatinName(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	b := newBrowser(t, h, "kk")
	b.get("/safe")
	w := b.post("/safe", url.Values{"person.full_name": {"Seitkali Gulzhan"}, "person.age": {"48"},
		"person.city": {"Almaty"}, "contact.phone": {"+7 "}, "contact.language": {"kk"}, "expires_in_days": {"30"},
		"consent": {"1"}, "share_contact": {"1"}})
	if w.Code != http.StatusSeeOther {
		t.Fatalf("post: %d %s", w.Code, w.Body.String())
	}
	id := strings.Split(w.Header().Get("Location"), "/")[2]
	r, _ := store.GetReport(context.Background(), id)
	if r.Kind != data.KindSafe || !r.YearApprox || r.ContactPhone != "" || !r.ShareContact || r.Language != "kk" {
		t.Errorf("stored %+v", r)
	}
	mustContain(t, b.get(w.Header().Get("Location")).Body.String(), "Рақмет", "30")
}

// Each validation error shows beside its field, in the page's language,
// with what the person typed still in the form.
func TestReportFormErrors(t *testing.T) {
	cases := []struct {
		name, field string
		change      url.Values
		key         string
		args        []any
	}{
		{"name missing", "person.full_name", url.Values{"person.full_name": {" "}}, "field.required", nil},
		{"name without letters", "person.full_name", url.Values{"person.full_name": {"12345"}}, "field.name_letters", nil},
		{"year not a number", "person.birth_year", url.Values{"person.birth_year": {"nineteen"}}, "web.err.number", nil},
		{"year out of range", "person.birth_year", url.Values{"person.birth_year": {"1850"}}, "field.birth_year", []any{intake.MinBirthYear, 0}},
		{"year with a digit too many", "person.birth_year", url.Values{"person.birth_year": {"19855"}}, "field.birth_year", []any{intake.MinBirthYear, 0}},
		{"days not a number", "expires_in_days", url.Values{"expires_in_days": {"a week"}}, "web.err.count", nil},
		{"age out of range", "person.age", url.Values{"person.birth_year": {""}, "person.age": {"150"}}, "field.age", nil},
		{"age and year", "person.age", url.Values{"person.age": {"40"}}, "field.age_and_year", nil},
		{"bad sex", "person.sex", url.Values{"person.sex": {"X"}}, "field.sex", nil},
		{"phone missing digits", "contact.phone", url.Values{"contact.phone": {"+7 701 12"}}, "field.phone_short", nil},
		{"phone with a digit too many", "contact.phone", url.Values{"contact.phone": {"+7 701 123 45 67 8"}}, "field.phone_length", nil},
		{"not a phone number", "contact.phone", url.Values{"contact.phone": {"+7 012 345 67 89"}}, "field.phone", nil},
		{"phone left at +7", "contact.phone", url.Values{"contact.phone": {"+7 "}}, "field.phone_required", nil},
		{"an office for a name", "contact.name", url.Values{"contact.name": {"Полиция"}}, "field.contact_authority", nil},
		{"letters of another alphabet", "contact.name", url.Values{"contact.name": {"Айⲅⲉрим"}}, "field.contact_letters", nil},
		{"a digit for a letter", "contact.name", url.Values{"contact.name": {"П0лиция"}}, "field.contact_symbols", nil},
		{"bad language", "contact.language", url.Values{"contact.language": {"de"}}, "field.language", nil},
		{"bad expiry", "expires_in_days", url.Values{"expires_in_days": {"500"}}, "field.expires", nil},
		{"no consent", "consent", url.Values{"consent": nil}, "web.err.consent", nil},
		{"city too long", "person.city", url.Values{"person.city": {strings.Repeat("я", 101)}}, "field.too_long", []any{intake.MaxShortLen}},
	}
	s, store, h := newWebServer(t, Config{})
	for _, l := range data.Languages {
		for _, c := range cases {
			b := newBrowser(t, h, l)
			b.get("/looking")
			form := seekForm()
			for k, v := range c.change {
				if v == nil {
					form.Del(k)
				} else {
					form[k] = v
				}
			}
			w := b.post("/looking", form)
			body := w.Body.String()
			if w.Code != http.StatusUnprocessableEntity {
				t.Errorf("%s %s: status %d", l, c.name, w.Code)
				continue
			}
			if c.key == "field.birth_year" {
				c.args[1] = s.now().Year()
			}
			msg := T(l, c.key, c.args...)
			if !strings.Contains(body, escapeHTML(msg)) {
				t.Errorf("%s %s: message %q missing", l, c.name, msg)
			}
			typed := `value="Айгуль"` // what the person typed stays in the form
			if v, ok := c.change["contact.name"]; ok {
				typed = `value="` + v[0] + `"`
			}
			mustContain(t, body, typed, ` invalid"`, T(l, "err.validation"))
		}
	}
	if n := countReports(t, store); n != 0 {
		t.Errorf("%d reports stored from invalid forms", n)
	}
}

func TestReportFormRefusesMissingCSRF(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	for _, l := range data.Languages {
		b := newBrowser(t, h, l)
		b.get("/looking")
		form := seekForm()
		form.Set(csrfField, "0123456789abcdef0123456789abcdef")
		w := b.post("/looking", form)
		if w.Code != http.StatusForbidden {
			t.Fatalf("%s: %d", l, w.Code)
		}
		mustContain(t, w.Body.String(), escapeHTML(T(l, "err.csrf")), `value="Жумабаев Ерлан"`)
		// a fresh token is handed out with the re-rendered form
		if formToken(t, w.Body.String()) == "" {
			t.Error("no token in re-rendered form")
		}
	}
	if n := countReports(t, store); n != 0 {
		t.Errorf("%d reports stored without a CSRF token", n)
	}
}

func TestNotFoundPageInLanguage(t *testing.T) {
	_, _, h := newWebServer(t, Config{})
	for l, want := range map[string]string{"kk": "Бет табылмады", "ru": "Страница не найдена", "en": "Page not found"} {
		for _, p := range []string{"/nothing-here", "/r/01NOTAREPORT"} {
			w := newBrowser(t, h, l).get(p)
			if w.Code != http.StatusNotFound || !strings.Contains(w.Header().Get("Content-Type"), "text/html") {
				t.Fatalf("%s %s: %d %s", l, p, w.Code, w.Header().Get("Content-Type"))
			}
			mustContain(t, w.Body.String(), want, `href="/"`)
		}
	}
}

// TestLanguageLinksStayOnSite: a path asked with extra leading slashes
// (a link someone crafted) must not turn the language links into another
// host's address (//evil.example/?lang=kk).
func TestLanguageLinksStayOnSite(t *testing.T) {
	_, _, h := newWebServer(t, Config{})
	b := newBrowser(t, h, "ru")
	for _, p := range []string{"//evil.example/", "/%2F%2Fevil.example/", "/%5C%5Cevil.example/", "/search?q=Ерлан"} {
		body := b.get(p).Body.String()
		links := regexp.MustCompile(`<a href="([^"]*)"[^>]*hreflang=`).FindAllStringSubmatch(body, -1)
		if len(links) != 3 {
			t.Fatalf("%s: %d language links", p, len(links))
		}
		for _, m := range links {
			if u := html.UnescapeString(m[1]); !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") || strings.HasPrefix(u, "/\\") {
				t.Errorf("%s: language link %q leaves the site", p, u)
			}
		}
	}
}

func TestWrongMethodAnswersInLanguage(t *testing.T) {
	_, _, h := newWebServer(t, Config{})
	b := newBrowser(t, h, "kk")
	w := b.send(httptest.NewRequest(http.MethodDelete, "/looking", nil))
	if w.Code != http.StatusMethodNotAllowed || !strings.Contains(w.Body.String(), T("kk", "web.err.method")) {
		t.Errorf("DELETE /looking: %d %s", w.Code, w.Body.String())
	}
}

func TestPagesAreSmallAndScriptFree(t *testing.T) {
	_, _, h := newWebServer(t, Config{})
	b := newBrowser(t, h, "kk")
	for _, p := range []string{"/", "/looking", "/safe", "/search?q=Ерлан", "/v/login", "/nothing"} {
		body := b.get(p).Body.String()
		if len(body) > 50<<10 {
			t.Errorf("%s weighs %d bytes", p, len(body))
		}
		// CSP forbids inline script and style
		mustNotContain(t, body, "<script>", "style=", "<style", "onclick=")
	}
	css := b.get("/static/style.css")
	if css.Code != http.StatusOK || css.Body.Len() > 10<<10 {
		t.Errorf("style.css: %d, %d bytes", css.Code, css.Body.Len())
	}
}

func countReports(t *testing.T, store data.Store) int {
	t.Helper()
	rs, err := store.ScanReports(context.Background(), "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	return len(rs)
}

func escapeHTML(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "+", "&#43;").Replace(s)
}

// An age or a year written with the words people put around it is read:
// the form's hint says an approximate age is fine.
func TestFormReadsAgesAndYearsAsWritten(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	for _, c := range []struct {
		field, value string
		approx       bool
	}{{"person.age", "около 40", true}, {"person.age", "40-45 жас", true}, {"person.birth_year", "1985г.", false}} {
		b := newBrowser(t, h, "ru")
		b.get("/safe")
		w := b.post("/safe", url.Values{"person.full_name": {"Сейтқали Гүлжан"}, c.field: {c.value}, "contact.phone": {"+7 "},
			"contact.language": {"ru"}, "expires_in_days": {"30"}, "consent": {"1"}})
		if w.Code != http.StatusSeeOther {
			t.Fatalf("%s %q: %d", c.field, c.value, w.Code)
		}
		id := strings.Split(w.Header().Get("Location"), "/")[2]
		r, _ := store.GetReport(context.Background(), id)
		if r.BirthYear == 0 || r.YearApprox != c.approx {
			t.Errorf("%s %q: year %d approx %v", c.field, c.value, r.BirthYear, r.YearApprox)
		}
	}
}
