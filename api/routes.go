package api

import (
	"io/fs"
	"net/http"

	"github.com/gin-gonic/gin"

	"tuys/api/sms"
	"tuys/data"
	"tuys/exchange"
)

// Handler returns the routed HTTP handler. This is the one route table:
// every route tuys serves is registered here and nowhere else.
func (s *Server) Handler() http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.HandleMethodNotAllowed = true
	s.sec.configure(r) // trusted proxies for c.ClientIP()
	r.Use(s.requestLog(), compress(), recovery(s.log), language(), errorMiddleware(s.log, s.renderErrorPage))
	r.Use(s.securityMiddleware()...)
	// GET /looking is a page, DELETE /looking is not: answer in the error
	// page's language rather than Gin's plain-text 405.
	r.NoMethod(func(c *gin.Context) { c.Error(errMethod) })
	r.NoRoute(func(c *gin.Context) { c.Error(errNotFound) })

	s.machineRoutes(r)
	s.pageRoutes(r)
	return r
}

// machineRoutes: probes, the JSON API and Twilio's webhooks.
func (s *Server) machineRoutes(r *gin.Engine) {
	r.GET("/healthz", s.healthz)
	r.GET("/readyz", s.readyz)
	if s.deps.Metrics != nil && !s.cfg.MetricsElsewhere {
		r.GET(metricsPath, operatorsOnly, gin.WrapH(s.deps.Metrics.Handler()))
	}

	// JSON API (api/openapi.yaml); partner routes need a token's scope,
	// and every write a JSON body (bodyTypes lists the exceptions) and,
	// with a token, the write or import scope.
	v1 := r.Group("/api/v1", s.jsonWrites)
	v1.GET("/openapi.yaml", s.openAPI)
	v1.POST("/reports", s.createReport)
	v1.GET("/reports/:id", s.getReport)
	v1.DELETE("/reports/:id", s.deleteReport)
	v1.POST("/reports/:id/notes", s.addNote)
	v1.GET("/reports/:id/notes", s.listNotes)
	v1.GET("/reports/:id/matches", s.reportMatches)
	v1.GET("/search", s.apiSearch)
	v1.GET("/reports/:id/contact", s.requireScope(scopeReadContacts), s.getContact)
	v1.GET("/stats", s.requireScope(scopeStats), s.getStats)
	// Exchange with partners (api/pfif.go): PFIF 1.4 feeds and import, and
	// the changes feed for mirrors.
	v1.GET("/pfif/persons", s.requireScope(scopeRead), s.pfifFeed(exchange.ExportPFIF))
	v1.GET("/pfif/notes", s.requireScope(scopeRead), s.pfifFeed(exchange.ExportPFIFNotes))
	v1.POST("/pfif", s.requireScope(scopeImport), s.pfifImport)
	v1.GET("/changes", s.requireScope(scopeRead), s.changes)

	// Twilio's webhooks (api/sms): signed, limited per phone there.
	hooks := sms.NewWebhooks(s.smsHandler(), s.store, s.cfg.PublicURL, s.log)
	r.POST("/webhooks/twilio/status", gin.WrapH(hooks.Status))
	r.POST("/webhooks/twilio/sms", gin.WrapH(hooks.Inbound))
}

// metricsPath is where Prometheus scrapes (promhttp compresses it itself).
const metricsPath = "/metrics"

// MetricsHandler serves only /metrics, for the listener on
// TUYS_METRICS_ADDR (nil without metrics).
func (s *Server) MetricsHandler() http.Handler {
	if s.deps.Metrics == nil {
		return nil
	}
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.Use(s.requestLog())
	r.GET(metricsPath, gin.WrapH(s.deps.Metrics.Handler()))
	return r
}

// bodyTypes are the write routes of /api/v1 whose body is not JSON; every
// other write takes application/json only (jsonWrites).
var bodyTypes = map[string][]string{
	"/api/v1/pfif": {"application/xml", "text/xml"}, // PFIF 1.4
}

// pageRoutes: static files, the public pages and the volunteer console.
func (s *Server) pageRoutes(r *gin.Engine) {
	static, _ := fs.Sub(staticFS, "static")
	sg := r.Group("/static", func(c *gin.Context) { c.Header("Cache-Control", "public, max-age=3600") })
	sg.StaticFS("/", http.FS(static))

	// Public pages, in kk, ru and en.
	pub := r.Group("/", s.rememberLanguage)
	pub.GET("/", s.homePage)
	pub.GET("/looking", s.reportPage(data.KindSeek))
	pub.POST("/looking", s.reportPost(data.KindSeek))
	pub.GET("/safe", s.reportPage(data.KindSafe))
	pub.POST("/safe", s.reportPost(data.KindSafe))
	pub.GET("/search", s.searchPage)
	pub.GET("/r/:id", s.recordPage)
	pub.GET("/r/:id/filed", s.filedPage)
	pub.POST("/r/:id/note", s.notePost)
	pub.POST("/r/:id/subscribe", s.subscribePost)
	pub.POST("/r/:id/delete", s.deletePost)
	pub.GET("/deleted", s.deletedPage)
	pub.GET("/p/:token", s.privatePage) // the author's private page
	pub.POST("/p/:token/note", s.privateNotePost)
	pub.POST("/p/:token/close", s.privateClosePost)
	pub.POST("/p/:token/delete", s.privateDeletePost)

	// The volunteer console under /v/: all behind a session but the login.
	v := pub.Group("/v")
	v.GET("/login", s.loginPage)
	v.POST("/login", s.loginPost)
	in := v.Group("/", s.requireVolunteer)
	in.POST("/logout", s.logoutPost)
	in.GET("/", s.dashboardPage)
	in.GET("/intake", s.intakePage)
	in.POST("/intake", s.intakePost)
	in.GET("/suggest", s.suggestJSON)
	in.GET("/search", s.consoleSearchPage)
	in.GET("/review", s.reviewPage)
	in.POST("/review/:id", s.reviewPost)
	in.GET("/r/:id", s.consoleRecordPage)
	in.POST("/r/:id/note", s.consoleNotePost)
	in.POST("/r/:id/link", s.linkPost)
	in.POST("/r/:id/consent/:match", s.consentPost) // the found person's answer, given on the phone
	in.POST("/r/:id/resend", s.resendLinkPost)      // a new private link by SMS to the report's own number
	in.POST("/r/:id/remove", s.requireRole(data.RoleCoordinator), s.removePost)
	in.GET("/audit", s.requireRole(data.RoleCoordinator), s.auditPage)
	// Lists for coordinators (console_import.go): upload, preview, confirm, progress.
	coord := in.Group("/import", s.requireRole(data.RoleCoordinator))
	coord.GET("", s.importPage)
	coord.POST("", s.importUpload)
	coord.GET("/:id", s.importJobPage)
	coord.POST("/:id", s.importConfirm)
}

// smsHandler is the inbound SMS handler (nil without SMS).
func (s *Server) smsHandler() *sms.Handler {
	if s.deps.SMS == nil {
		return nil
	}
	return &sms.Handler{Service: s.deps.SMS, Intake: s.intake, Find: s.publicMatches, Allow: s.sec.allowPhone,
		SendLink: s.sendPrivateLink, Log: s.log}
}
