package api

import (
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"regexp"
	"time"

	"github.com/gin-gonic/gin"

	"tuys/data"
)

// requestIDHeader carries the id a volunteer can quote from an error page;
// a load balancer's id is kept when it is one of ours (validRequestID).
const requestIDHeader = "X-Request-ID"

// validRequestID is what an incoming X-Request-ID may be: short and plain,
// so it cannot inject into logs, headers or pages. Anything else is replaced.
var validRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

const requestIDKey = "tuys.request_id"

// requestLog gives every request an id (returned in X-Request-ID, on
// errors too), then writes one log line when it is answered and observes
// its duration for /metrics. It logs the route pattern, never a body or a
// query; only an unrouted path is logged as sent, with phones masked
// (a matched path can hold a private-page token).
func (s *Server) requestLog() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		id := c.GetHeader(requestIDHeader)
		if !validRequestID.MatchString(id) {
			id = newRequestID()
		}
		c.Set(requestIDKey, id)
		c.Header(requestIDHeader, id)
		c.Next()
		took := time.Since(start)
		route, status := c.FullPath(), c.Writer.Status()
		if s.deps.Metrics != nil {
			s.deps.Metrics.ObserveRequest(route, c.Request.Method, status, took)
		}
		attrs := []slog.Attr{slog.String("method", c.Request.Method), slog.String("route", route),
			slog.Int("status", status), slog.Duration("duration", took), slog.String("request_id", id),
			slog.String("ip", c.ClientIP())}
		if route == "" {
			attrs = append(attrs, slog.String("path", unroutedPath(c.Request.URL.Path)))
		}
		s.log.LogAttrs(c.Request.Context(), slog.LevelInfo, "request", attrs...)
	}
}

// unroutedPath is what the log keeps of a path no route took: phones
// masked, length bounded.
func unroutedPath(p string) string {
	const most = 200
	p = data.MaskPhonesIn(p) // before cutting: a cut could leave a phone's tail unmasked
	if r := []rune(p); len(r) > most {
		p = string(r[:most]) + "…"
	}
	return p
}

// requestID is the id requestLog gave this request.
func requestID(c *gin.Context) string { return c.GetString(requestIDKey) }

func newRequestID() string {
	b := make([]byte, 12)
	rand.Read(b) // crypto/rand never fails on supported platforms
	return hex.EncodeToString(b)
}
