package api

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

// SecurityConfig holds the abuse limits. A zero Rate takes the default below;
// RateOff switches a limit off.
type SecurityConfig struct {
	TrustedProxies     []string // CIDRs or IPs whose X-Forwarded-For is believed; none by default
	ReportRate         Rate     // per IP: POST /api/v1/reports and the public web forms
	WriteRate          Rate     // per IP: notes, deletions and other public API writes
	SearchRate         Rate     // per IP: public search page and API
	TrustedRate        Rate     // per write/import token instead of per IP (volunteers work under /v/, not limited here)
	SMSRate            Rate     // per phone: inbound SMS
	SubscribeIPRate    Rate     // per IP: anonymous SMS subscriptions (each sends a confirmation SMS)
	SubscribePhoneRate Rate     // per number: subscriptions asked for one phone, from anywhere
	LoginIPRate        Rate     // per IP: console login failures
	LoginUserRate      Rate     // per account and IP: console login failures (ten times this per account from anywhere)
	ImportMaxBytes     int64    // body limit for tokens with the import scope
	MaxBuckets         int      // per limiter; bounds memory under a flood of keys
	// AuditRetention is for data.RunRetention, which serve starts; the
	// HTTP layer does not use it.
	AuditRetention time.Duration
}

// RateOff is an explicit "no limit".
var RateOff = Rate{Burst: -1}

// NoLimits switches every rate limit off: tests and benchmarks that post
// thousands of reports from one address.
var NoLimits = SecurityConfig{ReportRate: RateOff, WriteRate: RateOff, SearchRate: RateOff, TrustedRate: RateOff,
	SMSRate: RateOff, LoginIPRate: RateOff, LoginUserRate: RateOff, SubscribeIPRate: RateOff, SubscribePhoneRate: RateOff}

// DefaultSecurity: limits sized for a real hotline day: ~2,000 calls a day go through
// volunteers (TrustedRate); a shelter behind one NAT filing 100 reports an
// hour stays under ReportRate, while a bot hits 429 after its first burst.
var DefaultSecurity = SecurityConfig{
	ReportRate:  Rate{PerHour: 120, Burst: 30},
	WriteRate:   Rate{PerHour: 120, Burst: 30},
	SearchRate:  Rate{PerHour: 300, Burst: 60},
	TrustedRate: Rate{PerHour: 3600, Burst: 300},
	SMSRate:     Rate{PerHour: 30, Burst: 10},
	// A family follows a few records; a shelter's NAT a few dozen. Every
	// subscription costs a confirmation SMS, so these are far below WriteRate.
	SubscribeIPRate:    Rate{PerHour: 20, Burst: 5},
	SubscribePhoneRate: Rate{PerHour: 5, Burst: 5},
	LoginIPRate:        Rate{PerHour: 30, Burst: 10},
	LoginUserRate:      Rate{PerHour: 10, Burst: 5},
	ImportMaxBytes:     32 << 20,
	MaxBuckets:         defaultMaxBuckets,
}

func (c SecurityConfig) withDefaults() SecurityConfig {
	d := DefaultSecurity
	pick := func(v *Rate, def Rate) {
		if *v == (Rate{}) {
			*v = def
		}
	}
	pick(&c.ReportRate, d.ReportRate)
	pick(&c.WriteRate, d.WriteRate)
	pick(&c.SearchRate, d.SearchRate)
	pick(&c.TrustedRate, d.TrustedRate)
	pick(&c.SMSRate, d.SMSRate)
	pick(&c.SubscribeIPRate, d.SubscribeIPRate)
	pick(&c.SubscribePhoneRate, d.SubscribePhoneRate)
	pick(&c.LoginIPRate, d.LoginIPRate)
	pick(&c.LoginUserRate, d.LoginUserRate)
	if c.ImportMaxBytes <= 0 {
		c.ImportMaxBytes = d.ImportMaxBytes
	}
	if c.MaxBuckets <= 0 {
		c.MaxBuckets = d.MaxBuckets
	}
	return c
}

// security holds rate limiters and API-token checks.
type security struct {
	srv                            *Server
	cfg                            SecurityConfig
	report, write, search, trusted *limiter
	sms, loginIP, loginUser        *limiter
	loginAccount                   *limiter // loginUser's rate times acrossIPs, per account alone
	subscribeIP, subscribePhone    *limiter
	hsts                           bool
}

func newSecurity(s *Server) *security {
	cfg := s.cfg.Security.withDefaults()
	now := func() time.Time { return s.now() }
	mk := func(r Rate) *limiter { return newLimiter(r, cfg.MaxBuckets, now) }
	return &security{srv: s, cfg: cfg,
		report: mk(cfg.ReportRate), write: mk(cfg.WriteRate), search: mk(cfg.SearchRate),
		trusted: mk(cfg.TrustedRate), sms: mk(cfg.SMSRate),
		loginIP: mk(cfg.LoginIPRate), loginUser: mk(cfg.LoginUserRate),
		loginAccount: mk(Rate{PerHour: cfg.LoginUserRate.PerHour * acrossIPs, Burst: cfg.LoginUserRate.Burst * acrossIPs}),
		subscribeIP:  mk(cfg.SubscribeIPRate), subscribePhone: mk(cfg.SubscribePhoneRate),
		hsts: strings.HasPrefix(strings.ToLower(s.cfg.PublicURL), "https://")}
}

// configure makes c.ClientIP() trust X-Forwarded-For only from the
// configured proxies: Gin trusts every peer by default, which would let any
// client pick its own rate-limit bucket.
func (sec *security) configure(r *gin.Engine) {
	if err := r.SetTrustedProxies(sec.cfg.TrustedProxies); err != nil {
		sec.srv.log.Error("TUYS_TRUSTED_PROXIES is invalid; trusting no proxy", "err", err)
		_ = r.SetTrustedProxies(nil)
	}
}

// securityMiddleware runs on every request: headers, API token, body limit,
// public search switch, rate limits.
func (s *Server) securityMiddleware() []gin.HandlerFunc {
	return []gin.HandlerFunc{s.sec.headers, s.sec.authenticate, s.sec.bodyLimit, s.sec.searchSwitch, s.sec.rateLimit}
}

const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

func (sec *security) headers(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	if sec.hsts {
		h.Set("Strict-Transport-Security", "max-age=31536000")
	}
	c.Next()
}

// bodyLimit caps every body, not only those decodeJSON reads: form posts and
// webhooks would otherwise read whatever a client sends.
func (sec *security) bodyLimit(c *gin.Context) {
	limit := sec.srv.cfg.MaxBodyBytes
	if t := tokenOf(c); (t != nil && t.Has(scopeImport)) || c.FullPath() == consoleImportPath {
		limit = sec.cfg.ImportMaxBytes
	}
	if c.Request.Body != nil {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, limit)
	}
	// A web form is read here, so that one too large (or with too many
	// fields) is said to be so: read later, it came out empty and the
	// page asked to send it again, for ever (attacker trial, 2026-12-06).
	// Not Twilio's webhooks: they verify the signature over the body
	// themselves, and a body read here left them nothing to verify (every
	// inbound SMS refused: the next trial the same day).
	if c.Request.Method == http.MethodPost && c.ContentType() == "application/x-www-form-urlencoded" &&
		!strings.HasPrefix(c.Request.URL.Path, "/webhooks/") {
		if err := c.Request.ParseForm(); err != nil {
			abortWith(c, errTooLarge)
			return
		}
	}
	c.Next()
}

// searchSwitch answers "search is off" on every public search route when
// TUYS_PUBLIC_SEARCH=off, whoever wrote the handler.
func (sec *security) searchSwitch(c *gin.Context) {
	if !sec.srv.cfg.PublicSearch && isPublicSearch(c.Request.URL.Path) {
		abortWith(c, errSearchOff)
		return
	}
	c.Next()
}

func abortWith(c *gin.Context, e *AppError) {
	c.Error(e)
	c.Abort()
}

// rateLimited is errRateLimited with the wait filled in.
func rateLimited(wait time.Duration) *AppError {
	n := retrySeconds(wait)
	e := *errRateLimited
	e.Args = []any{n}
	e.Header = map[string]string{"Retry-After": strconv.Itoa(n)}
	return &e
}
