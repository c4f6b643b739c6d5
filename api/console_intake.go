package api

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"tuys/api/intake"
	"tuys/data"
	"tuys/search"
)

// intakeData: one form for a phone call — the caller (seeker) and the person
// sought — then the report filed and possible matches beside it.
type intakeData struct {
	Form       *reportForm
	Cities     []string
	Filed      PublicReport
	Code       string
	PrivateURL string // the caller's private page: read it out, or it goes by SMS
	Matches    []consoleHit
	Done       bool
	Landline   bool // the caller's number cannot take SMS: ask for a mobile while on the line
}

func (s *Server) intakePage(c *gin.Context) {
	d := &intakeData{Form: newReportForm(data.KindSeek, lang(c))}
	if id := c.Query("filed"); id != "" {
		s.intakeFiled(c, d, id)
	}
	s.renderIntake(c, http.StatusOK, d, nil, "")
}

func (s *Server) renderIntake(c *gin.Context, status int, d *intakeData, fe intake.FieldErrors, problem string) {
	p := s.newPage(c, "intake.title")
	p.Compact = true
	p.Problem = problem
	if fe != nil {
		p.Errors = translateFields(fe, p.Lang)
		p.Problem = "err.validation"
	}
	d.Cities = search.CityNames(p.Lang)
	p.D = d
	s.render(c, status, "intake", p)
}

func (s *Server) intakePost(c *gin.Context) {
	f := readReportForm(c, data.Kind(c.DefaultPostForm("kind", string(data.KindSeek))))
	if f.Kind != data.KindSafe {
		f.Kind = data.KindSeek
	}
	f.Consent = c.PostForm("consent") != "" // the caller agreed on the phone
	d := &intakeData{Form: f}
	if !s.csrfOK(c) {
		d.Form.FormID = newFormID() // the post is not this site's: nor is its form id
		s.renderIntake(c, http.StatusForbidden, d, nil, "err.csrf")
		return
	}
	if done, ok := s.web.once.get(f.FormID, s.csrfToken(c), s.now()); ok { // the same call sent twice
		s.intakeFiledRedirect(c, done.reportID, done.code)
		return
	}
	in, fe := f.input()
	if len(fe) > 0 {
		if _, more := in.ToReport(s.now(), lang(c), data.ChannelVolunteer); more != nil {
			fe.Merge(more)
		}
		s.renderIntake(c, http.StatusUnprocessableEntity, d, fe, "")
		return
	}
	done, err := s.fileReport(c, in, data.ChannelVolunteer)
	var ae *AppError
	if errors.As(err, &ae) && len(ae.Fields) > 0 {
		s.renderIntake(c, http.StatusUnprocessableEntity, d, ae.Fields, "")
		return
	}
	if err != nil {
		c.Error(err)
		return
	}
	code := secrets(done)
	s.audit(c, volunteer(c).Login, "intake", done.Report.ID)
	s.sendPrivateLink(c.Request.Context(), done.Report, done.PrivateToken)
	s.web.once.put(f.FormID, s.csrfToken(c), done.Report.ID, code, s.now())
	s.intakeFiledRedirect(c, done.Report.ID, code)
}

// intakeFiledRedirect is POST-redirect-GET: the code rides in a short
// cookie and is shown once.
func (s *Server) intakeFiledRedirect(c *gin.Context, id, code string) {
	s.setCookiePath(c, codeCookie, code, "/v/intake", 600, true)
	seeOther(c, "/v/intake?filed="+id)
}

// intakeFiled fills what the page shows after a report was filed: the
// report, its deletion code (once) and possible matches of the other kind.
func (s *Server) intakeFiled(c *gin.Context, d *intakeData, id string) {
	r, err := s.store.GetReport(c.Request.Context(), id)
	if err != nil {
		return
	}
	if cookie, _ := c.Cookie(codeCookie); cookie != "" {
		var token string
		d.Code, token = splitSecrets(cookie)
		d.PrivateURL = privateURL(s.cfg.PublicURL, token)
		s.setCookiePath(c, codeCookie, "", "/v/intake", -1, true)
	}
	other := data.KindSafe
	if r.Kind == data.KindSafe {
		other = data.KindSeek
	}
	hits, err := s.web.search(c.Request.Context(), SearchQuery{Name: r.FullName, Kind: other, BirthYear: r.BirthYear, Limit: 10, Lang: lang(c)})
	if err != nil {
		s.log.WarnContext(c.Request.Context(), "intake: search", "err", err)
	}
	d.Filed, d.Done, d.Matches = publicView(r), true, consoleHits(lang(c), hits)
	d.Landline = data.IsLandline(r.ContactPhone)
}
