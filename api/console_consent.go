package api

import (
	"context"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"tuys/api/intake"
	"tuys/data"
	"tuys/notify"
)

// consentPost records the answer a found person gave a volunteer on the
// phone to one seeker's request for their number (POST
// /v/r/:id/consent/:match, answer=yes|no). The volunteer must have called
// the person back on the report's own number: a caller who only says "I am
// him, give my number to my mother" may be the scammer the request guards
// against. The person is told by SMS what was done on their word.
func (s *Server) consentPost(c *gin.Context) {
	p, ok := s.recordPost(c, &consoleRecordData{})
	if !ok {
		return
	}
	ctx, id := c.Request.Context(), c.Param("id")
	m, err := s.store.GetMatch(ctx, c.Param("match"))
	if err != nil || m.SafeID != id || s.deps.SMS == nil {
		c.Error(errNotFound)
		return
	}
	answer := c.PostForm("answer")
	fe := intake.FieldErrors{}
	if c.PostForm("called_back") != "1" {
		fe.Add("called_back", "vrecord.err.called_back")
	}
	if answer != data.ConsentYes && answer != data.ConsentNo {
		fe.Add("answer", "field.required")
	}
	if len(fe) > 0 {
		p.Errors, p.Problem = translateFields(fe, p.Lang), "err.validation"
		s.renderConsoleRecord(c, http.StatusUnprocessableEntity, p, &consoleRecordData{})
		return
	}
	err = s.deps.SMS.Inbound.AnswerByPhone(ctx, m.ID, answer == data.ConsentYes)
	if errors.Is(err, notify.ErrNoPendingConsent) {
		p.Problem = "vrecord.err.consent_gone"
		s.renderConsoleRecord(c, http.StatusConflict, p, &consoleRecordData{})
		return
	}
	if err != nil {
		c.Error(err)
		return
	}
	s.audit(c, volunteer(c).Login, "consent_"+answer+"_by_phone", id)
	seeOther(c, "/v/r/"+id+"?done=consent_"+answer)
}

// markPending marks the matches of a found person's record whose request
// for their number is still unanswered: a volunteer may record the answer
// the person gives on the phone (consentPost).
func (s *Server) markPending(ctx context.Context, r *data.Report, ms []matchView) error {
	if r.Kind != data.KindSafe || r.ContactPhone == "" || s.deps.SMS == nil || len(ms) == 0 {
		return nil
	}
	pending, err := s.store.PendingConsents(ctx, r.ContactPhone)
	if err != nil {
		return err
	}
	for i := range ms {
		for _, c := range pending {
			ms[i].Pending = ms[i].Pending || c.MatchID == ms[i].Match.ID
		}
	}
	return s.markTwins(ctx, r.ContactPhone, ms)
}

// markTwins marks the pending requests that read like another request
// to phone (notify.Twins): the person's YES by SMS shared nothing and sent
// them to the hotline, and the volunteer must learn which seeker is
// theirs.
func (s *Server) markTwins(ctx context.Context, phone string, ms []matchView) error {
	twins, err := notify.Twins(ctx, s.store, phone)
	if err != nil {
		return err
	}
	for i := range ms {
		ms[i].Twin = ms[i].Pending && twins[ms[i].Match.ID]
	}
	return nil
}
