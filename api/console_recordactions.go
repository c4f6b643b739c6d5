package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"tuys/api/intake"
	"tuys/data"
)

// What the hotline can do for the author of a report who calls: the pages
// send people to it when they lose their link or their deletion code, and
// the console had nothing to offer them (a new user's trial, 2026-12-07).

// resendLinkPost gives the author a new private link by SMS, to the
// report's own number only, so a caller gains nothing they could not have
// read on their own phone. The old link stops working: it may be the one
// that was lost, or seen by someone else.
func (s *Server) resendLinkPost(c *gin.Context) {
	p, r, ok := s.recordAction(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	if r.ContactPhone == "" || !s.smsSends() {
		p.Problem = "vrecord.resend_none"
		s.renderConsoleRecord(c, http.StatusUnprocessableEntity, p, &consoleRecordData{})
		return
	}
	token := data.NewCode(intake.PrivateTokenLength)
	hash := data.HashCode(token)
	if err := s.store.SetPrivateHash(ctx, r.ID, hash); err != nil {
		c.Error(err)
		return
	}
	// its own key, named by the new token's hash (a secret's hash, as the
	// store keeps it): each new link is one SMS, sent once
	if err := s.queuePrivateLink(ctx, r, token, hash[:16]); err != nil {
		c.Error(err)
		return
	}
	s.audit(c, volunteer(c).Login, "resend_link", r.ID)
	seeOther(c, "/v/r/"+r.ID+"?done=link_sent")
}

// removePost removes a report for its author who lost the deletion code
// and called: a coordinator's act, once they ticked that the caller was
// checked; audited by id. Its personal
// data goes everywhere, as with the code.
func (s *Server) removePost(c *gin.Context) {
	p, r, ok := s.recordAction(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	if c.PostForm("remove_confirm") != "1" {
		p.Errors = translateFields(intake.FieldErrors{"remove_confirm": {Key: "vrecord.remove_why"}}, p.Lang)
		p.Problem = "err.validation"
		s.renderConsoleRecord(c, http.StatusUnprocessableEntity, p, &consoleRecordData{})
		return
	}
	if err := s.store.RemoveReport(ctx, r.ID); err != nil {
		c.Error(err)
		return
	}
	s.wake()
	s.audit(c, volunteer(c).Login, "remove", r.ID) // the id only, as every removal keeps
	seeOther(c, "/v/?done=removed")
}

// recordAction starts an action posted from a record's page: the page to
// show again on an error, and the report, still there (removed is a 404).
func (s *Server) recordAction(c *gin.Context) (*page, *data.Report, bool) {
	p, ok := s.recordPost(c, &consoleRecordData{})
	if !ok {
		return nil, nil, false
	}
	r, err := s.store.GetReport(c.Request.Context(), c.Param("id"))
	if err != nil || r.Status == data.StatusRemoved {
		c.Error(errNotFound)
		return nil, nil, false
	}
	return p, r, true
}
