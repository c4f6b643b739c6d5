// Package api serves tuys over HTTP: the JSON API, the web pages, the
// volunteer console and the Twilio webhooks.
package api

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"tuys/data"
	"tuys/search"
)

// Config is what the HTTP layer needs to know.
type Config struct {
	PublicURL    string         // https://tuys.example.kz — callbacks, signatures, cookie security
	MaxBodyBytes int64          // JSON and form bodies
	PublicSearch bool           // TUYS_PUBLIC_SEARCH=off turns the public name search off
	Hotline      string         // shown on pages and in SMS when no one else can be reached
	Security     SecurityConfig // rate limits, trusted proxies (security.go)
}

// Engine is the part of the matching engine the handlers use.
type Engine interface {
	Wake()
	Ready() bool
	Search(ctx context.Context, q search.Query) ([]search.Result, error)
}

// Server holds the handlers' dependencies.
type Server struct {
	cfg    Config
	store  data.Store
	engine Engine
	log    *slog.Logger
	now    func() time.Time
	parse  NameParser
	sec    *security  // rate limits, headers, tokens (security.go)
	web    *webUI     // pages and console (web.go)
	ntf    NotifyDeps // SMS wiring (notify.go)
}

// New builds a Server; engine may be nil in tests that need no matching.
func New(cfg Config, store data.Store, engine Engine, parse NameParser, log *slog.Logger) *Server {
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = 64 << 10
	}
	s := &Server{cfg: cfg, store: store, engine: engine, log: log, parse: parse,
		now: func() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }}
	s.sec = newSecurity(s)
	s.web = newWebUI(s)
	return s
}

// Handler returns the routed HTTP handler.
func (s *Server) Handler() http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.HandleMethodNotAllowed = true
	s.sec.configure(r) // trusted proxies for c.ClientIP()
	r.Use(recovery(s.log), language(), errorMiddleware(s.log, s.renderErrorPage))
	r.Use(s.securityMiddleware()...)
	r.GET("/healthz", s.healthz)
	r.GET("/readyz", s.readyz)
	s.apiRoutes(r.Group("/api/v1"))
	s.webhookRoutes(r)
	s.webRoutes(r)
	r.NoRoute(func(c *gin.Context) { c.Error(errNotFound) })
	return r
}

// apiRoutes are the JSON API (api/openapi.yaml).
func (s *Server) apiRoutes(v1 *gin.RouterGroup) {
	v1.POST("/reports", s.createReport)
	v1.GET("/reports/:id", s.getReport)
	v1.DELETE("/reports/:id", s.deleteReport)
	v1.POST("/reports/:id/notes", s.addNote)
	v1.GET("/reports/:id/notes", s.listNotes)
	v1.GET("/reports/:id/matches", s.reportMatches)
	v1.GET("/search", s.apiSearch)
	s.tokenRoutes(v1) // partner-only routes (tokens.go)
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
