package api

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"tuys/data"
	"tuys/notify"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

var errMethod = &AppError{HTTP: http.StatusMethodNotAllowed, Code: "method_not_allowed", Key: "web.err.method"}

// webUI holds the server-rendered pages: public forms and the volunteer console.
type webUI struct {
	pages   map[string]*template.Template
	search  func(ctx context.Context, q SearchQuery) ([]Hit, error) // s.searchReports; tests swap it
	once    *submitted
	secure  bool       // cookies get Secure when the public URL is https
	imports importJobs // lists coordinators uploaded (console_import.go)
}

func newWebUI(s *Server) *webUI {
	return &webUI{
		pages:  parsePages(),
		search: s.searchReports,
		once:   newSubmitted(),
		secure: strings.HasPrefix(strings.ToLower(s.cfg.PublicURL), "https://"),
	}
}

// parsePages pairs the layout with each page template once, at start: a
// broken template fails the first test, not a user's request.
func parsePages() map[string]*template.Template {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	pages := map[string]*template.Template{}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "layout" || base == "partials" {
			continue
		}
		pages[base] = template.Must(template.New("layout.html").Funcs(templateFuncs).
			ParseFS(templateFS, "templates/layout.html", "templates/partials.html", n))
	}
	return pages
}

var templateFuncs = template.FuncMap{
	"field":     newFormField,
	"phoneHint": phoneHint,
	"reportID":  data.IsID, // a link to /v/r/ only for a report's id (audit targets are matches and lists too)
	// joinQuoted lists names as a sentence quotes them: «Бөлім», «Палата»
	"joinQuoted": func(names []string) string { return "«" + strings.Join(names, "», «") + "»" },
	// personAuto: the browser may fill in the person's name and city only
	// on "I am safe" (they are the reporter's own); on "looking for" it
	// would put the seeker's own details into the sought person's fields.
	// personKey: the "I am safe" form speaks to the person about themselves
	// ("Your full name"), the "looking for" form about someone else.
	"personKey": func(seeking bool, key string) string {
		if seeking {
			return key
		}
		return key + "_self"
	},
	"personAuto": func(seeking bool, auto string) string {
		if seeking {
			return "off"
		}
		return auto
	},
	"relations":    notify.RelationChoices,
	"statuses":     func() []string { return data.Statuses },
	"notestatuses": func() []string { return data.NoteStatuses },
}

// formField is one labelled input with its hint and error, translated.
type formField struct {
	Name, Label, Hint, Value, Type, Auto, Error string
	Numeric                                     bool
}

func newFormField(p *page, name, label, hint, value, typ, auto string) formField {
	f := formField{Name: name, Label: p.T(label), Value: value, Type: typ, Auto: auto, Error: p.Err(name)}
	if hint != "" {
		f.Hint = p.T(hint)
	}
	if typ == "number" { // text + numeric keypad: a browser keeps what was typed
		f.Type, f.Numeric = "text", true
	}
	return f
}

func phoneHint(seeking bool) string {
	if seeking {
		return "form.phone_hint_seek"
	}
	return "form.phone_hint_safe"
}

// rememberLanguage stores an explicit ?lang= choice in a cookie so the
// switcher works without JavaScript and the choice sticks.
func (s *Server) rememberLanguage(c *gin.Context) {
	if l := c.Query("lang"); supported(l) {
		s.setCookie(c, "lang", l, 365*24*3600, true)
	}
	c.Next()
}

// setCookie sets a Lax cookie, Secure behind https; httpOnly hides it from scripts.
func (s *Server) setCookie(c *gin.Context, name, value string, maxAge int, httpOnly bool) {
	s.setCookiePath(c, name, value, "/", maxAge, httpOnly)
}

func (s *Server) setCookiePath(c *gin.Context, name, value, path string, maxAge int, httpOnly bool) {
	http.SetCookie(c.Writer, &http.Cookie{Name: name, Value: value, Path: path, MaxAge: maxAge,
		HttpOnly: httpOnly, Secure: s.web.secure, SameSite: http.SameSiteLaxMode})
}

// page is what every template receives; page-specific data sits in D.
type page struct {
	Lang     string
	Title    string // catalog key
	CSRF     string
	User     *data.Volunteer
	Hotline  string
	Flash    string            // catalog key of a notice above the content
	Problem  string            // catalog key of an error above the content
	Errors   map[string]string // field → translated message
	Langs    []langLink
	D        any
	Compact  bool // console pages: denser layout
	Refresh  int  // seconds: a progress page reloads itself (no JavaScript needed)
	NoSearch bool
	zone     *time.Location
}

// When writes t in the service's time zone: {{$.When .At "2006-01-02 15:04"}}.
// A family and a volunteer read the times of their own day, not UTC's.
func (p *page) When(t time.Time, layout string) string {
	if p.zone == nil { // a page not made by newPage (golden tests)
		return t.UTC().Format(layout)
	}
	return t.In(p.zone).Format(layout)
}

// Day writes the day of t in the service's time zone as the page's readers
// write dates (07.01.2022; 7 Jan 2022 in English), as the SMS do.
func (p *page) Day(t time.Time) string { return notify.FormatDate(p.Lang, t, p.zone) }

// day is Day for pages whose lines are worded in Go.
func (s *Server) day(lang string, t time.Time) string { return notify.FormatDate(lang, t, s.zone()) }

// zone is where the people who read the pages live (TUYS_TIMEZONE).
func (s *Server) zone() *time.Location {
	if s.cfg.Zone == nil {
		return time.UTC
	}
	return s.cfg.Zone
}

type langLink struct {
	Code, Name, URL string
	Current         bool
}

// T translates key in the page's language: {{.T "home.title"}}.
func (p *page) T(key string, args ...any) string { return T(p.Lang, key, args...) }

// L names a domain value for people: {{.L "status" .Status}} reads
// label.status.<value> in the page's language. The one renderer of states,
// kinds, channels, decisions and SMS purposes on pages; a value without a
// label shows as it is.
func (p *page) L(group string, v any) string { return label(p.Lang, group, v) }

func label(lang, group string, v any) string {
	s := fmt.Sprint(v)
	if s == "" {
		return ""
	}
	key := "label." + group + "." + s
	if msg := T(lang, key); msg != key {
		return msg
	}
	return s
}

// fieldProblem is one line of a form's error summary, linked to its input.
type fieldProblem struct{ Field, Label, Message string }

// reportFields are the report forms' fields (public and console) in the
// order they are asked, with the catalog key of their label: the summary
// above a refused form names each field, in that order, so that a person
// on a small screen knows which one to fix before scrolling to it.
var reportFields = []struct{ name, label string }{
	{"kind", ""}, {"person.full_name", "form.full_name"}, {"person.birth_year", "form.birth_year"}, {"person.age", "form.age"},
	{"person.sex", "form.sex"}, {"person.city", "form.city"}, {"person.description", "form.description"},
	{"person.phone", "form.sought_phone"}, {"contact.name", "form.contact_name"}, {"contact.phone", "form.phone"},
	{"contact.relation", "form.relation"}, {"contact.language", "form.language"}, {"expires_in_days", "form.expires"},
	{"share_contact", "form.share"}, {"consent", "form.consent"},
}

// ErrorList is the form's errors in field order, each with its field's
// label, for the summary above it; fields of other forms come last.
func (p *page) ErrorList() []fieldProblem {
	rank := func(f string) int {
		for i, rf := range reportFields {
			if rf.name == f {
				return i
			}
		}
		return len(reportFields)
	}
	out := make([]fieldProblem, 0, len(p.Errors))
	for f, m := range p.Errors {
		fp := fieldProblem{Field: f, Message: m}
		if i := rank(f); i < len(reportFields) && reportFields[i].label != "" {
			fp.Label = strings.TrimRight(p.T(reportFields[i].label), ".:") // a sentence (consent) runs on into its problem
		}
		out = append(out, fp)
	}
	sort.Slice(out, func(i, j int) bool {
		ri, rj := rank(out[i].Field), rank(out[j].Field)
		return ri < rj || ri == rj && out[i].Field < out[j].Field
	})
	return out
}

// Err is the translated error for a form field, "" when it is fine.
func (p *page) Err(field string) string { return p.Errors[field] }

// newPage fills what every page needs; it also makes sure the CSRF cookie
// exists, since most pages carry a form.
func (s *Server) newPage(c *gin.Context, title string) *page {
	l := lang(c)
	p := &page{Lang: l, Title: title, CSRF: s.csrfToken(c), Hotline: s.cfg.Hotline, Errors: map[string]string{}, zone: s.zone()}
	if v, ok := c.Get(volunteerKey); ok {
		p.User = v.(*data.Volunteer)
	}
	for _, code := range data.Languages {
		q := url.Values{}
		for k, v := range c.Request.URL.Query() {
			q[k] = v
		}
		q.Set("lang", code)
		p.Langs = append(p.Langs, langLink{Code: code, Name: T(code, "lang.name"),
			URL: sameSitePath(c.Request.URL.Path) + "?" + q.Encode(), Current: code == l})
	}
	return p
}

// sameSitePath is a request's path as a link on this site: a path asked
// as //evil.example/ (or /%2F%2F…, or /\evil…) would read as another
// host's address in a link, so its leading slashes become one.
func sameSitePath(p string) string { return "/" + strings.TrimLeft(p, "/\\") }

// render executes the named page into a buffer first so a template error
// becomes a proper error page, never half a page.
func (s *Server) render(c *gin.Context, status int, name string, p *page) {
	t, ok := s.web.pages[name]
	if !ok {
		c.Error(errInternal)
		return
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, p); err != nil {
		s.log.ErrorContext(c.Request.Context(), "render", "page", name, "err", err)
		c.Error(errInternal)
		return
	}
	c.Header("Cache-Control", "no-store") // pages can hold codes and contact details
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
}

// errorPageData is what the error page shows.
type errorPageData struct {
	Status    int
	Message   string
	RequestID string // X-Request-ID, for a volunteer to quote to the hotline
}

// renderErrorPage shows an error as an HTML page in the user's language.
func (s *Server) renderErrorPage(c *gin.Context, e *AppError) {
	p := s.newPage(c, "page.error")
	p.D = errorPageData{e.HTTP, T(p.Lang, e.Key, e.Args...), requestID(c)}
	t := s.web.pages["error"]
	var buf bytes.Buffer
	if t == nil || t.Execute(&buf, p) != nil {
		c.String(e.HTTP, T(p.Lang, e.Key, e.Args...))
		return
	}
	c.Data(e.HTTP, "text/html; charset=utf-8", buf.Bytes())
}

// seeOther is the redirect of POST-redirect-GET.
func seeOther(c *gin.Context, path string) {
	c.Redirect(http.StatusSeeOther, path)
}
