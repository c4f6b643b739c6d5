package api

import (
	"crypto/subtle"

	"github.com/gin-gonic/gin"

	"tuys/data"
)

// CSRF protection is the double-submit pattern: a random token lives in an
// HttpOnly cookie and in a hidden field of every form; a POST must carry
// both and they must match. A cross-site page can make the browser send the
// cookie but cannot read it to fill the field.
const (
	csrfCookie = "tuys_csrf"
	csrfField  = "csrf_token"
	csrfCtxKey = "tuys.csrf"
)

// csrfToken returns this browser's token, creating the cookie on first use.
func (s *Server) csrfToken(c *gin.Context) string {
	if t := c.GetString(csrfCtxKey); t != "" {
		return t
	}
	t, err := c.Cookie(csrfCookie)
	if err != nil || len(t) != 32 {
		t = data.NewCode(16)
		s.setCookie(c, csrfCookie, t, 12*3600, true)
	}
	c.Set(csrfCtxKey, t)
	return t
}

// csrfOK checks a POST. Callers re-render their form with "err.csrf" when
// it fails, so a person whose cookie expired keeps what they typed.
func (s *Server) csrfOK(c *gin.Context) bool {
	cookie, err := c.Cookie(csrfCookie)
	field := c.PostForm(csrfField)
	if err != nil || cookie == "" || field == "" {
		s.csrfToken(c) // hand out a fresh token for the re-rendered form
		return false
	}
	return subtle.ConstantTimeCompare([]byte(cookie), []byte(field)) == 1
}
