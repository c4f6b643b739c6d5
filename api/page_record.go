package api

import (
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tuys/api/intake"
	"tuys/data"
)

// recordData is the public record page: the report, its history and the
// three forms (add information, subscribe by SMS, delete).
type recordData struct {
	Report   PublicReport
	Status   string
	Notes    []PublicNote
	Statuses []string
	Note     NoteInput
	Phone    string
	Removed  bool
}

func (s *Server) loadRecord(c *gin.Context) (*data.Report, bool) {
	r, err := s.store.GetReport(c.Request.Context(), c.Param("id"))
	if err != nil {
		c.Error(err)
		return nil, false
	}
	return r, true
}

func (s *Server) recordPage(c *gin.Context) {
	r, ok := s.loadRecord(c)
	if !ok {
		return
	}
	p := s.newPage(c, "record.title")
	if done := c.Query("done"); done == "note" || done == "subscribe" {
		p.Flash = "record.done." + done
	}
	s.renderRecord(c, http.StatusOK, p, r, &recordData{Phone: defaultPhone})
}

func (s *Server) renderRecord(c *gin.Context, status int, p *page, r *data.Report, d *recordData) {
	d.Report = s.withOutcome(c.Request.Context(), r)
	d.Removed = r.Status == data.StatusRemoved
	d.Status = s.newsLine(p.Lang, r, d.Report)
	for _, st := range data.NoteStatuses {
		if data.PublicNoteStatus(st) {
			d.Statuses = append(d.Statuses, st)
		}
	}
	if !d.Removed {
		notes, err := s.store.ListNotes(c.Request.Context(), r.ID)
		if err != nil {
			c.Error(err)
			return
		}
		for i := range notes {
			d.Notes = append(d.Notes, publicNote(&notes[i]))
		}
	}
	p.D = d
	s.render(c, status, "record", p)
}

// recordProblem re-renders the record page with one form's errors.
func (s *Server) recordProblem(c *gin.Context, r *data.Report, status int, problem string, fe intake.FieldErrors, d *recordData) {
	p := s.newPage(c, "record.title")
	p.Problem = problem
	if fe != nil {
		p.Errors = translateFields(fe, p.Lang)
	}
	s.renderRecord(c, status, p, r, d)
}

func (s *Server) notePost(c *gin.Context) {
	r, ok := s.loadRecord(c)
	if !ok {
		return
	}
	in := NoteInput{Status: c.PostForm("status"), Text: c.PostForm("text"), Author: c.PostForm("author")}
	d := &recordData{Note: in, Phone: defaultPhone}
	if !s.recordFormOK(c, r, d) {
		return
	}
	if _, err := s.storeNote(c, r.ID, &in, data.NoteByPublic); err != nil {
		s.formFailure(c, r, err, d)
		return
	}
	seeOther(c, "/r/"+r.ID+"?done=note")
}

// recordFormOK checks what every form on a record page needs: a valid CSRF
// token and a report that still exists. It answers the request when not.
func (s *Server) recordFormOK(c *gin.Context, r *data.Report, d *recordData) bool {
	if !s.csrfOK(c) {
		s.recordProblem(c, r, http.StatusForbidden, "err.csrf", nil, d)
		return false
	}
	if r.Status == data.StatusRemoved {
		c.Error(errNotFound)
		return false
	}
	return true
}

// formFailure re-renders for a validation error, else hands the error on.
func (s *Server) formFailure(c *gin.Context, r *data.Report, err error, d *recordData) {
	var ae *AppError
	if errors.As(err, &ae) && (len(ae.Fields) > 0 || ae == errWrongCode) {
		s.recordProblem(c, r, http.StatusUnprocessableEntity, ae.Key, ae.Fields, d)
		return
	}
	c.Error(err)
}

func (s *Server) subscribePost(c *gin.Context) {
	r, ok := s.loadRecord(c)
	if !ok {
		return
	}
	d := &recordData{Phone: c.PostForm("phone")}
	if !s.recordFormOK(c, r, d) {
		return
	}
	phone, ok := data.NormalizePhone(strings.TrimSpace(d.Phone))
	if !ok {
		s.recordProblem(c, r, http.StatusUnprocessableEntity, "err.validation",
			intake.FieldErrors{"phone": {Key: string(data.WhyNotPhone(d.Phone))}}, d)
		return
	}
	ok, wait, send := s.sec.allowSubscribe(c.ClientIP(), phone)
	if !ok {
		abortWith(c, rateLimited(wait))
		return
	}
	hook := s.deps.Subscribe
	if hook == nil {
		s.recordProblem(c, r, http.StatusServiceUnavailable, "web.err.subscribe_off", nil, d)
		return
	}
	if !send { // the number's limit: answered as done, nothing sent
		seeOther(c, "/r/"+r.ID+"?done=subscribe")
		return
	}
	if err := hook(c.Request.Context(), r, phone, lang(c)); err != nil {
		s.formFailure(c, r, err, d)
		return
	}
	seeOther(c, "/r/"+r.ID+"?done=subscribe")
}

func (s *Server) deletePost(c *gin.Context) {
	r, ok := s.loadRecord(c)
	if !ok {
		return
	}
	d := &recordData{Phone: defaultPhone}
	if !s.recordFormOK(c, r, d) {
		return
	}
	if err := s.removeWithCode(c, r.ID, c.PostForm("deletion_code")); err != nil {
		s.formFailure(c, r, err, d)
		return
	}
	seeOther(c, "/deleted")
}
