package api

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"tuys/api/intake"
	"tuys/data"
	"tuys/search"
)

// reportFormData is what the report form template needs besides the form.
type reportFormData struct {
	Form    *reportForm
	Cities  []string
	Expiry  []int
	Action  string
	Seeking bool
}

var expiryChoices = []int{30, 60, 90, 180, 360}

// codeCookie carries the deletion code across the redirect to the
// confirmation page, which shows it once and clears it.
const codeCookie = "tuys_code"

func formPath(kind data.Kind) string {
	if kind == data.KindSeek {
		return "/looking"
	}
	return "/safe"
}

func (s *Server) reportPage(kind data.Kind) gin.HandlerFunc {
	return func(c *gin.Context) {
		s.renderReportForm(c, http.StatusOK, newReportForm(kind, lang(c)), nil, "")
	}
}

func (s *Server) renderReportForm(c *gin.Context, status int, f *reportForm, fe intake.FieldErrors, problem string) {
	title := "safe.title"
	if f.Kind == data.KindSeek {
		title = "looking.title"
	}
	p := s.newPage(c, title)
	p.Problem = problem
	if fe != nil {
		p.Errors = translateFields(fe, p.Lang)
		if problem == "" {
			p.Problem = "err.validation"
		}
	}
	p.D = reportFormData{Form: f, Cities: search.CityNames(p.Lang), Expiry: expiryChoices,
		Action: formPath(f.Kind), Seeking: f.Kind == data.KindSeek}
	s.render(c, status, "report_form", p)
}

func (s *Server) reportPost(kind data.Kind) gin.HandlerFunc {
	return func(c *gin.Context) {
		f := readReportForm(c, kind)
		if s.answeredBefore(c, f) {
			return
		}
		in, fe := f.input()
		if len(fe) > 0 {
			// Show every problem at once: run the shared validator too.
			if _, more := in.ToReport(s.now(), lang(c), data.ChannelWeb); more != nil {
				fe.Merge(more)
			}
			s.renderReportForm(c, http.StatusUnprocessableEntity, f, fe, "")
			return
		}
		done, err := s.fileReport(c, in, data.ChannelWeb)
		var ae *AppError
		if errors.As(err, &ae) && len(ae.Fields) > 0 {
			s.renderReportForm(c, http.StatusUnprocessableEntity, f, ae.Fields, "")
			return
		}
		if err != nil {
			c.Error(err)
			return
		}
		code := secrets(done)
		s.web.once.put(f.FormID, s.csrfToken(c), done.Report.ID, code, s.now())
		s.confirmFiled(c, done.Report.ID, code)
	}
}

// refuseReportForm answers a report form the rate limit refused: the same
// form with everything typed in it, saying nothing was filed yet and how
// long to wait. An error page in its place lost a frightened person's
// whole report to one press of Send too many.
// A post from another site, or the same form sent again, is answered as
// without the limit: "nothing was filed" would be false for a repeat, and
// a cross-site post must not have its planted fields shown as kept.
func (s *Server) refuseReportForm(c *gin.Context, kind data.Kind, wait time.Duration) {
	f := readReportForm(c, kind)
	if s.answeredBefore(c, f) {
		return
	}
	n := retrySeconds(wait)
	c.Header("Retry-After", strconv.Itoa(n))
	s.renderReportForm(c, http.StatusTooManyRequests, f, nil, T(lang(c), "err.rate_limited_form", n))
}

// answeredBefore answers what a report form's post is before its fields
// count: a post that is not this site's (refused, with a new form id), or
// the same form sent again (its confirmation). false: neither, go on.
func (s *Server) answeredBefore(c *gin.Context, f *reportForm) bool {
	if !s.csrfOK(c) {
		f.FormID = newFormID() // the post is not this site's: nor is its form id
		s.renderReportForm(c, http.StatusForbidden, f, nil, "err.csrf")
		return true
	}
	if done, ok := s.web.once.get(f.FormID, s.csrfToken(c), s.now()); ok {
		s.confirmFiled(c, done.reportID, done.code) // the same form sent again
		return true
	}
	return false
}

// isAuthor: code is r's deletion code, so whoever holds it filed r (and
// may delete it). Any cookie at all is not enough to be told a fact of r's
// private number: a stranger set one and learnt whether it was a landline
// (trial, 2026-12-06).
func isAuthor(r *data.Report, code string) bool {
	return code != "" && subtle.ConstantTimeCompare([]byte(data.HashCode(code)), []byte(r.DeletionHash)) == 1
}

// secrets is what the page after filing shows once: the deletion code and
// the private-page token, carried in one short cookie.
func secrets(done *intake.Filed) string { return done.DeletionCode + "." + done.PrivateToken }

// splitSecrets undoes secrets.
func splitSecrets(v string) (code, token string) {
	code, token, _ = strings.Cut(v, ".")
	return code, token
}

// confirmFiled redirects to the confirmation page, the code in a short cookie.
func (s *Server) confirmFiled(c *gin.Context, id, code string) {
	s.setCookiePath(c, codeCookie, code, "/r/"+id+"/filed", 600, true)
	seeOther(c, "/r/"+id+"/filed")
}

// filedPage confirms a report: what happens next and the deletion code,
// shown once (the cookie is cleared as it is read).
// filedData is the page after filing: the secrets shown once, and at once
// whether similar reports of the other kind exist.
type filedData struct {
	Report     PublicReport
	Code       string
	PrivateURL string
	Seeking    bool
	Days       string
	Possible   int
	Landline   string // the author's number cannot take SMS (landlineNotice): told only to the author, who just filed
	NoPhone    bool   // the author gave no number: told only to the author, so no SMS is promised
	SMSOff     bool   // SMS go to the log on this server: none will come
	News       string // the outcome once there is one: "being checked" stood under a confirmed match
}

func (s *Server) filedPage(c *gin.Context) {
	r, err := s.store.GetReport(c.Request.Context(), c.Param("id"))
	if err != nil || r.Status == data.StatusRemoved {
		c.Error(errNotFound)
		return
	}
	cookie, _ := c.Cookie(codeCookie)
	if cookie != "" {
		s.setCookiePath(c, codeCookie, "", "/r/"+r.ID+"/filed", -1, true)
	}
	code, token := splitSecrets(cookie)
	ctx := c.Request.Context()
	p := s.newPage(c, "filed.title")
	author, v := isAuthor(r, code), s.withOutcome(ctx, r)
	news, possible := "", 0
	if v.Outcome != "" && v.Outcome != data.OutcomeNone {
		news = s.newsLine(p.Lang, r, v)
	} else {
		possible = len(s.possibleMatches(ctx, r)) // shown only while there is no news
	}
	p.D = filedData{Report: v, News: news, Code: code, PrivateURL: privateURL(s.cfg.PublicURL, token),
		Seeking: r.Kind == data.KindSeek, Days: strconv.Itoa(int(r.ExpiresAt.Sub(r.CreatedAt).Hours() / 24)),
		Possible: possible, Landline: s.landlineNotice(p.Lang, map[bool]string{true: r.ContactPhone}[author]),
		NoPhone: author && r.ContactPhone == "", SMSOff: !s.smsSends()}
	s.render(c, http.StatusOK, "filed", p)
}
