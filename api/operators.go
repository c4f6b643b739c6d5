package api

import (
	"net"
	"net/http"
	"net/netip"

	"github.com/gin-gonic/gin"
)

// operatorsOnly keeps /metrics on the main port for the operators'
// Prometheus: its counters move with what one request did (an SMS
// suppressed for an opted-out number, none sent to a number already
// subscribed), so a stranger who reads them before and after learns what
// the pages do not say (attacker trial, 2026-12-06). Others get the same
// 404 as any unknown path. TUYS_METRICS_ADDR moves /metrics to a
// listener of its own, where this does not apply.
func operatorsOnly(c *gin.Context) {
	if !fromOperators(c.Request) {
		abortWith(c, errNotFound)
		return
	}
	c.Next()
}

// fromOperators: the request comes straight from this host or a private
// network, with no proxy's forwarding header (whoever forwarded it: a
// forwarded request is the public's). A proxy that sets no such header
// looks local; keeping /metrics off it is the proxy's part (docs/Caddyfile
// answers it 404).
func fromOperators(r *http.Request) bool {
	for _, h := range []string{"X-Forwarded-For", "Forwarded", "X-Real-IP"} {
		if r.Header.Get(h) != "" {
			return false
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	ip = ip.Unmap()
	return ip.IsLoopback() || ip.IsPrivate()
}
