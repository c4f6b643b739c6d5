package api

import (
	"crypto/subtle"
	"strings"

	"github.com/gin-gonic/gin"

	"tuys/data"
)

// A browser that has signed in to an account carries a device cookie for
// it: a nonce and a keyed hash of the login and the nonce, which only this
// tuys (its secret key) can make. It proves nothing about the password;
// it only spares that browser the per-account login limit, so that guesses
// from many addresses cannot lock a volunteer out of the browser they use
// (OWASP's "device cookies"). A new browser still waits while the account
// is under attack. Each account has its own cookie, so that volunteers who
// share a computer do not replace each other's (attacker trial, round two).
const (
	deviceCookie = "tuys_device"
	deviceMaxAge = 180 * 24 * 3600
)

// deviceCookieName is login's cookie: deviceCookie and a keyed hash of the
// login, which names the account to no one.
func (s *Server) deviceCookieName(login string) string {
	return deviceCookie + "_" + s.store.PhoneTag("device-name:"+strings.ToLower(strings.TrimSpace(login)))
}

// deviceToken is the device cookie's value for login and nonce.
func (s *Server) deviceToken(login, nonce string) string {
	return nonce + "." + s.store.PhoneTag("device:"+strings.ToLower(strings.TrimSpace(login))+":"+nonce)
}

// knownDevice reports whether the request's browser signed in to login before.
func (s *Server) knownDevice(c *gin.Context, login string) bool {
	v, err := c.Cookie(s.deviceCookieName(login))
	nonce, _, ok := strings.Cut(v, ".")
	if err != nil || !ok || login == "" {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(v), []byte(s.deviceToken(login, nonce))) == 1
}

// rememberDevice gives the browser that just signed in its device cookie.
func (s *Server) rememberDevice(c *gin.Context, login string) {
	s.setCookiePath(c, s.deviceCookieName(login), s.deviceToken(login, data.NewCode(8)), "/v/", deviceMaxAge, true)
}
