package api

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"tuys/data"
	"tuys/notify"
)

// webhookRoutes are Twilio's callbacks: delivery status and inbound SMS.
// notify's handlers check X-Twilio-Signature against TUYS_PUBLIC_URL before
// anything else; without SMS wiring (or an auth token) both answer 403.
func (s *Server) webhookRoutes(r *gin.Engine) {
	svc := s.ntf.Service
	if svc == nil {
		refuse := func(c *gin.Context) { c.AbortWithStatus(http.StatusForbidden) }
		r.POST("/webhooks/twilio/status", refuse)
		r.POST("/webhooks/twilio/sms", refuse)
		return
	}
	token, public := svc.Config.AuthToken, s.cfg.PublicURL
	r.POST("/webhooks/twilio/status", gin.WrapH(notify.StatusWebhook(token, public, s.store, s.log)))
	r.POST("/webhooks/twilio/sms", gin.WrapH(notify.InboundWebhook(token, public, limitedInbound{s, svc.Inbound}, s.log)))
}

// limitedInbound applies the per-phone inbound limit before a command runs;
// STOP is always honoured, even from a number over its limit.
type limitedInbound struct {
	s  *Server
	in notify.InboundHandler
}

func (l limitedInbound) Handle(ctx context.Context, from, body string) (string, error) {
	phone, ok := data.NormalizePhone(from)
	if !ok {
		return "", nil // not a number we could ever answer
	}
	if notify.ParseCommand(body).Verb != notify.VerbStop && !l.s.sec.allowPhone(phone) {
		return "", nil // answering a flood would pay for it twice
	}
	return l.in.Handle(ctx, phone, body)
}
