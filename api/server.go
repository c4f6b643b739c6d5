package api

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"tuys/api/intake"
	"tuys/api/metrics"
	"tuys/data"
	"tuys/notify"
	"tuys/search"
)

// Config is what the HTTP layer needs to know.
type Config struct {
	PublicURL    string         // https://tuys.example.kz — callbacks, signatures, cookie security
	MaxBodyBytes int64          // JSON and form bodies
	PublicSearch bool           // TUYS_PUBLIC_SEARCH=off turns the public name search off
	Hotline      string         // shown on pages and in SMS when no one else can be reached
	Zone         *time.Location // TUYS_TIMEZONE: the times pages and the console show (nil = UTC); the API answers in UTC
	Security     SecurityConfig // rate limits, trusted proxies (security.go)
	// MetricsElsewhere: TUYS_METRICS_ADDR is set, so /metrics is served
	// by MetricsHandler on its own listener and not on the main port.
	MetricsElsewhere bool
}

// Engine is the part of the matching engine the handlers use.
type Engine interface {
	Wake()
	Ready() bool
	StalledSince() time.Time // zero while catch-ups succeed (the dashboard warns)
	Search(ctx context.Context, q search.Query) ([]search.Result, error)
}

// ConfirmHook composes the SMS a confirmed match sends (notify.Composer);
// DecideMatch stores them in the same transaction as the decision.
type ConfirmHook func(ctx context.Context, m data.Match) ([]data.Message, []data.Consent, error)

// SubscribeHook records that phone wants SMS about report r and queues the
// confirmation SMS.
type SubscribeHook func(ctx context.Context, r *data.Report, phone, lang string) error

// Deps are what the handlers use, all given at construction: nothing is
// wired later, and nothing below api calls back into it.
type Deps struct {
	Store  data.Store
	Engine Engine // nil: no search (tests that need no matching)
	Log    *slog.Logger
	// SMS is the notify service (nil: no SMS; the Twilio webhooks answer 403).
	SMS *notify.Service
	// Confirm composes the SMS of a match a volunteer confirms (nil: the
	// decision is stored and sends nothing).
	Confirm ConfirmHook
	// Subscribe takes "SMS me about this report" (nil: the record page says
	// subscriptions are not available).
	Subscribe SubscribeHook
	// Metrics observes requests and serves /metrics (nil: no metrics).
	Metrics *metrics.Metrics
}

// Server holds the handlers' dependencies.
type Server struct {
	cfg    Config
	store  data.Store
	engine Engine
	log    *slog.Logger
	now    func() time.Time
	deps   Deps
	intake *intake.Filer
	sec    *security // rate limits, headers, tokens (security.go)
	web    *webUI    // pages and console (web.go)
}

// New builds a Server from its configuration and dependencies.
func New(cfg Config, d Deps) *Server {
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = 64 << 10
	}
	if d.Log == nil {
		d.Log = slog.Default()
	}
	s := &Server{cfg: cfg, store: d.Store, engine: d.Engine, log: d.Log, deps: d,
		now: func() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }}
	s.intake = &intake.Filer{Store: d.Store, Log: d.Log, Now: s.now, Filed: s.wake}
	s.sec = newSecurity(s)
	s.web = newWebUI(s)
	return s
}

func (s *Server) healthz(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

// readyz: the store answers and the search index has caught up with the log.
func (s *Server) readyz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 2*time.Second)
	defer cancel()
	if err := s.store.Ping(ctx); err != nil {
		s.log.Warn("not ready: store", "err", err)
		c.JSON(http.StatusServiceUnavailable, gin.H{"status": "store unreachable"})
		return
	}
	if s.engine != nil && !s.engine.Ready() {
		c.JSON(http.StatusServiceUnavailable, gin.H{"status": "index catching up"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ready"})
}

func (s *Server) wake() {
	if s.engine != nil {
		s.engine.Wake()
	}
}
