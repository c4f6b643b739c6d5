package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"tuys/api/intake"
	"tuys/data"
)

const (
	scopeRead         = data.ScopeRead
	scopeReadContacts = data.ScopeReadContacts
	scopeWrite        = data.ScopeWrite
	scopeImport       = data.ScopeImport
	scopeStats        = data.ScopeStats
)

// tokenKey is where the request's API token is kept in the Gin context.
const tokenKey = "tuys.token"

// tokenOf returns the request's verified API token, nil without one.
func tokenOf(c *gin.Context) *data.APIToken {
	if v, ok := c.Get(tokenKey); ok {
		return v.(*data.APIToken)
	}
	return nil
}

// authenticate checks "Authorization: Bearer …" on the JSON API and audits
// every request made with a token. A wrong token is refused rather than
// treated as anonymous, so a partner notices a revoked token at once.
func (sec *security) authenticate(c *gin.Context) {
	raw, ok := bearer(c.GetHeader("Authorization"))
	if !ok || !strings.HasPrefix(c.Request.URL.Path, "/api/") {
		c.Next()
		return
	}
	t, err := sec.lookupToken(c.Request.Context(), raw)
	if err != nil {
		if !errors.Is(err, data.ErrNotFound) {
			sec.srv.log.ErrorContext(c.Request.Context(), "token lookup", "err", err)
			abortWith(c, errUnavailable)
			return
		}
		c.Header("WWW-Authenticate", `Bearer realm="tuys"`)
		abortWith(c, errUnauth)
		return
	}
	c.Set(tokenKey, t)
	c.Header("Cache-Control", "no-store")
	sec.audit(c, t, "api "+c.Request.Method+" "+routeOf(c), c.Param("id"))
	c.Next()
}

func bearer(h string) (string, bool) {
	scheme, tok, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	tok = strings.TrimSpace(tok)
	return tok, tok != ""
}

func (sec *security) lookupToken(ctx context.Context, raw string) (*data.APIToken, error) {
	ts, ok := sec.srv.store.(data.TokenStore)
	if !ok {
		return nil, data.ErrNotFound // a store without tokens knows no token
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	return ts.TokenByHash(ctx, data.HashCode(raw))
}

// routeOf is the route pattern (ids stay in the target, not the action).
func routeOf(c *gin.Context) string {
	if p := c.FullPath(); p != "" {
		return p
	}
	return c.Request.URL.Path
}

// tokenActor names a token in the audit log; names need not be unique, so
// the id goes with it.
func tokenActor(t *data.APIToken) string { return fmt.Sprintf("token:%s#%d", t.Name, t.ID) }

// audit records a token's request. Failing to audit is logged, not fatal,
// for ordinary requests; contact reads fail closed (see getContact).
func (sec *security) audit(c *gin.Context, t *data.APIToken, action, target string) error {
	err := sec.srv.store.Audit(c.Request.Context(), data.AuditEntry{Actor: tokenActor(t), Action: action, Target: target})
	if err != nil {
		sec.srv.log.ErrorContext(c.Request.Context(), "audit", "actor", tokenActor(t), "action", action, "err", err)
	}
	return err
}

// requireScope guards a route for partner tokens: e.g.
// v1.POST("/import", s.requireScope("import"), s.importReports).
func (s *Server) requireScope(scope string) gin.HandlerFunc {
	return func(c *gin.Context) {
		t := tokenOf(c)
		if t == nil {
			c.Header("WWW-Authenticate", `Bearer realm="tuys"`)
			abortWith(c, errUnauth)
			return
		}
		if !t.Has(scope) {
			abortWith(c, errForbidden)
			return
		}
		c.Next()
	}
}

// jsonWrites guards every write of the JSON API (any method but GET, HEAD
// and OPTIONS). A body must be application/json (or what bodyTypes says): browsers send text/plain
// and form bodies cross-site without asking, JSON only after a CORS
// preflight that tuys never grants. A request with a token acts as that
// token, so it needs the write (or import) scope: a read or stats token
// cannot file, note or delete. Anonymous writes stay the public's.
func (s *Server) jsonWrites(c *gin.Context) {
	switch c.Request.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		c.Next()
		return
	}
	if t := tokenOf(c); t != nil && !t.Has(scopeWrite) && !t.Has(scopeImport) {
		abortWith(c, errScope)
		return
	}
	hasBody := c.Request.ContentLength > 0 || c.Request.ContentLength < 0 || len(c.Request.TransferEncoding) > 0
	want, ok := bodyTypes[c.FullPath()]
	if !ok {
		want = []string{"application/json"}
	}
	if hasBody && !slices.ContainsFunc(want, func(t string) bool { return strings.EqualFold(c.ContentType(), t) }) {
		abortWith(c, errMediaType)
		return
	}
	c.Next()
}

// getStats gives partners the dashboard's counts (no personal data) since
// ?hours= ago (default 24, at most 90 days).
func (s *Server) getStats(c *gin.Context) {
	hours, err := strconv.Atoi(c.DefaultQuery("hours", "24"))
	if err != nil || hours < 1 || hours > 90*24 {
		c.Error(validationError(intake.FieldErrors{"hours": {Key: "field.type"}}))
		return
	}
	since := s.now().Add(-time.Duration(hours) * time.Hour)
	counts, err := s.store.Stats(c.Request.Context(), since)
	if err != nil {
		c.Error(err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"since": since, "counts": counts})
}

// ContactView is what read_contacts reveals about a report.
type ContactView struct {
	ID           string `json:"id"`
	Name         string `json:"name,omitempty"`
	Phone        string `json:"phone,omitempty"`
	Relation     string `json:"relation,omitempty"`
	Language     string `json:"language,omitempty"`
	ShareContact bool   `json:"share_contact"`
	LastLocation string `json:"last_location,omitempty"`
}

// getContact returns the contact fields; every read is audited and a read
// that cannot be audited is refused (no untraceable phone numbers).
func (s *Server) getContact(c *gin.Context) {
	r, err := s.store.GetReport(c.Request.Context(), c.Param("id"))
	if err != nil {
		c.Error(err)
		return
	}
	if r.Status == data.StatusRemoved {
		c.Error(errNotFound)
		return
	}
	if err := s.sec.audit(c, tokenOf(c), "contact.read", r.ID); err != nil {
		c.Error(errUnavailable)
		return
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, ContactView{ID: r.ID, Name: r.ContactName, Phone: r.ContactPhone, Relation: r.Relation,
		Language: r.Language, ShareContact: r.ShareContact, LastLocation: r.LastLocation})
}
