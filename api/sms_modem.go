package api

import (
	"context"
	"errors"
)

// InboundSMS answers an SMS that did not come through Twilio's webhook (the
// modem's inbox, notify.GammuInbox): the same handler, per-phone limit and
// commands. The reply is for the caller to queue.
func (s *Server) InboundSMS(ctx context.Context, from, body string) (string, error) {
	h := s.smsHandler()
	if h == nil {
		return "", errors.New("inbound sms: SMS is not configured")
	}
	return h.Handle(ctx, from, body)
}
