package notify

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"tuys/data"
)

// Service bundles notify for the wiring in main.go and api/: one call
// builds the sender (Twilio or log), composer, dispatcher and inbound
// commands from the configuration.
type Service struct {
	Config     Config
	Sender     Sender
	Composer   *Composer
	Dispatcher *Dispatcher
	Inbound    *Inbound
	// Gammu is the modem when it is in use (nil otherwise): its inbox
	// must be read (GammuInbox).
	Gammu *Gammu
	Log   *slog.Logger
}

// New builds the service on st.
func New(cfg Config, st data.Store, l *slog.Logger) (*Service, error) {
	if l == nil {
		l = slog.Default()
	}
	sender, modem, err := NewSender(cfg, l)
	if err != nil {
		return nil, fmt.Errorf("notify: %w", err)
	}
	comp, err := NewComposer(cfg, st.PhoneTag)
	if err != nil {
		return nil, fmt.Errorf("notify: %w", err)
	}
	d := NewDispatcher(st, sender, cfg, l)
	in := &Inbound{Store: st, Composer: comp, Queued: d.Wake, Log: l}
	if _, ok := sender.(*LogSender); ok {
		l.Info("sms: no Twilio credentials; messages go to the log")
	}
	return &Service{Config: cfg, Sender: sender, Composer: comp, Dispatcher: d, Inbound: in, Gammu: modem, Log: l}, nil
}

// GammuInbox reads the modem's inbox into handle (the api's inbound SMS
// handler); nil without a modem.
func (s *Service) GammuInbox(st InboxStore, handle func(ctx context.Context, from, body string) (string, error)) *GammuInbox {
	if s.Gammu == nil {
		return nil
	}
	return &GammuInbox{Gammu: s.Gammu, Store: st, Handle: handle, Queued: s.Dispatcher.Wake,
		Poll: time.Second, Log: s.Log}
}

// Run dispatches the outbox until ctx ends.
func (s *Service) Run(ctx context.Context) error { return s.Dispatcher.Run(ctx) }

// MatchComposer fits search.Composer (the matcher's auto-confirmed matches).
func (s *Service) MatchComposer() func(ctx context.Context, m data.Match, seek, safe *data.Report) ([]data.Message, []data.Consent, error) {
	return s.Composer.MatchConfirmed
}

// StatusHandler serves POST /webhooks/twilio/status.
func (s *Service) StatusHandler(st StatusStore) http.Handler {
	return StatusWebhook(s.Config.AuthToken, s.Config.PublicURL, st, s.Log)
}

// InboundHandler serves POST /webhooks/twilio/sms; seen (the store) runs
// each delivery once.
func (s *Service) InboundHandler(seen InboundLog) http.Handler {
	return InboundWebhook(s.Config.AuthToken, s.Config.PublicURL, s.Inbound, seen, s.Log)
}

// CheckNumber says why an SMS to e164 would be refused ("" when allowed),
// for intake to tell the person filing at once.
func (s *Service) CheckNumber(e164 string) string { return s.Dispatcher.Policy.CheckNumber(e164) }
