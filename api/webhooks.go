package api

import (
	"io"
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"tuys/data"
	"tuys/notify"
)

// maxWebhookBody bounds Twilio's form posts (a few hundred bytes in practice).
const maxWebhookBody = 16 << 10

// webhookRoutes are Twilio's callbacks: delivery status and inbound SMS.
func (s *Server) webhookRoutes(r *gin.Engine) {
	r.POST("/webhooks/twilio/status", s.twilioStatus)
	r.POST("/webhooks/twilio/sms", s.twilioInbound)
}

// verifiedForm reads the raw body once, checks X-Twilio-Signature against
// the public URL Twilio called (from config, never the Host header), and
// only then parses the form. A bad signature gets 403 and changes nothing.
func (s *Server) verifiedForm(c *gin.Context) (url.Values, bool) {
	if s.inbound == nil || s.ntf.Config.AuthToken == "" {
		c.AbortWithStatus(http.StatusForbidden) // no secret to check against: accept nothing
		return nil, false
	}
	body, err := io.ReadAll(http.MaxBytesReader(c.Writer, c.Request.Body, maxWebhookBody))
	if err != nil {
		c.AbortWithStatus(http.StatusRequestEntityTooLarge)
		return nil, false
	}
	full := s.cfg.PublicURL + c.Request.URL.RequestURI()
	if !notify.VerifyTwilioBody(s.ntf.Config.AuthToken, full, body, c.GetHeader("X-Twilio-Signature")) {
		s.log.WarnContext(c.Request.Context(), "twilio webhook: bad signature", "path", c.Request.URL.Path, "ip", c.ClientIP())
		c.AbortWithStatus(http.StatusForbidden)
		return nil, false
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return nil, false
	}
	return form, true
}

func (s *Server) twilioStatus(c *gin.Context) {
	form, ok := s.verifiedForm(c)
	if !ok {
		return
	}
	if err := notify.ApplyStatusCallback(c.Request.Context(), s.store, form); err != nil {
		// Unknown SIDs and odd statuses are Twilio's retries or other apps'
		// messages: acknowledge so Twilio stops, and log for the operator.
		s.log.WarnContext(c.Request.Context(), "status callback ignored", "sid", form.Get("MessageSid"), "err", err)
	}
	c.Status(http.StatusNoContent)
}

func (s *Server) twilioInbound(c *gin.Context) {
	form, ok := s.verifiedForm(c)
	if !ok {
		return
	}
	from, valid := data.NormalizePhone(form.Get("From"))
	reply := ""
	// STOP is always honoured, even from a number over its inbound limit.
	if valid && (notify.ParseCommand(form.Get("Body")).Verb == notify.VerbStop || s.sec.allowPhone(from)) {
		var err error
		reply, err = s.inbound.Handle(c.Request.Context(), from, form.Get("Body"))
		if err != nil {
			s.log.WarnContext(c.Request.Context(), "inbound sms", "from", data.MaskPhone(from), "err", err)
		}
	}
	c.Data(http.StatusOK, "text/xml; charset=utf-8", []byte(notify.TwiML(reply)))
}
