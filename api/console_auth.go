package api

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/alexedwards/argon2id"
	"github.com/gin-gonic/gin"

	"tuys/data"
)

const (
	sessionCookie = "tuys_session"
	sessionTTL    = 12 * time.Hour // one long shift
	volunteerKey  = "tuys.volunteer"
)

// requireVolunteer lets a request through only with a live session of an
// active account; otherwise to the login form, remembering where to go.
func (s *Server) requireVolunteer(c *gin.Context) {
	token, err := c.Cookie(sessionCookie)
	if err == nil && token != "" {
		v, err := s.store.SessionVolunteer(c.Request.Context(), data.HashCode(token))
		if err == nil && v.Active {
			c.Set(volunteerKey, v)
			c.Next()
			return
		}
		if err != nil && !errors.Is(err, data.ErrNotFound) {
			c.Error(err)
			c.Abort()
			return
		}
	}
	next := url.QueryEscape(c.Request.URL.RequestURI())
	c.Redirect(http.StatusSeeOther, "/v/login?next="+next)
	c.Abort()
}

func (s *Server) requireRole(role string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if volunteer(c).Role != role {
			c.Error(errCoordinator) // the one role a page asks for (import, audit, removal): say which
			c.Abort()
			return
		}
		c.Next()
	}
}

func volunteer(c *gin.Context) *data.Volunteer {
	v, _ := c.Get(volunteerKey)
	vol, _ := v.(*data.Volunteer)
	if vol == nil {
		return &data.Volunteer{}
	}
	return vol
}

// safeNext keeps redirects after login inside the console.
func safeNext(next string) string {
	if strings.HasPrefix(next, "/v/") && !strings.HasPrefix(next, "//") && !strings.Contains(next, "\\") {
		return next
	}
	return "/v/"
}

type loginData struct{ Login, Next string }

func (s *Server) loginPage(c *gin.Context) {
	p := s.newPage(c, "login.title")
	p.D = loginData{Next: safeNext(c.Query("next"))}
	s.render(c, http.StatusOK, "login", p)
}

func (s *Server) loginPost(c *gin.Context) {
	d := loginData{Login: strings.TrimSpace(c.PostForm("login")), Next: safeNext(c.PostForm("next"))}
	fail := func(status int, problem string, args ...any) {
		p := s.newPage(c, "login.title")
		p.Problem = T(p.Lang, problem, args...)
		p.D = d
		s.render(c, status, "login", p)
	}
	if !s.csrfOK(c) {
		fail(http.StatusForbidden, "err.csrf")
		return
	}
	// Throttled per IP and per account (security_limits.go) before the
	// password is checked, so guessing costs neither argon2 time nor a
	// chance; a right password gives the attempt back.
	known := s.knownDevice(c, d.Login)
	if ok, wait := s.sec.allowLogin(c.ClientIP(), d.Login, known); !ok {
		n := retrySeconds(wait)
		c.Header("Retry-After", strconv.Itoa(n))
		fail(http.StatusTooManyRequests, "err.rate_limited", n)
		return
	}
	v, ok := s.checkPassword(c, d.Login, c.PostForm("password"))
	if !ok {
		s.audit(c, s.attemptedLogin(v, d.Login), "login_failed", "")
		fail(http.StatusUnauthorized, "login.wrong")
		return
	}
	s.sec.loginSucceeded(c.ClientIP(), d.Login, known)
	s.rememberDevice(c, d.Login)
	if err := s.startSession(c, v); err != nil {
		c.Error(err)
		return
	}
	seeOther(c, d.Next)
}

// attemptedLogin is how the audit names a failed sign-in's login: an
// account's own, else a keyed tag of what was typed. People type their
// password into the login field, and the audit kept it as typed (an
// attacker's trial, 2026-12-07); the tag still shows one text tried again
// and again.
func (s *Server) attemptedLogin(v *data.Volunteer, typed string) string {
	if v != nil {
		return v.Login
	}
	if typed == "" {
		return "?"
	}
	return "?" + s.store.PhoneTag("login:" + typed)[:8]
}

// dummyHash keeps a wrong login as slow as a wrong password, so timing does
// not tell which logins exist.
var dummyHash, _ = argon2id.CreateHash("not a password", argon2id.DefaultParams)

func (s *Server) checkPassword(c *gin.Context, login, password string) (*data.Volunteer, bool) {
	v, err := s.store.VolunteerByLogin(c.Request.Context(), login)
	if err != nil || login == "" {
		argon2id.ComparePasswordAndHash(password, dummyHash)
		return nil, false
	}
	match, err := argon2id.ComparePasswordAndHash(password, v.PasswordHash)
	return v, err == nil && match && v.Active
}

func (s *Server) startSession(c *gin.Context, v *data.Volunteer) error {
	token := data.NewCode(32)
	ctx := c.Request.Context()
	if err := s.store.CreateSession(ctx, data.HashCode(token), v.ID, s.now().Add(sessionTTL)); err != nil {
		return err
	}
	s.audit(c, v.Login, "login", "")
	s.setCookiePath(c, sessionCookie, token, "/v/", int(sessionTTL.Seconds()), true)
	return nil
}

func (s *Server) logoutPost(c *gin.Context) {
	if !s.csrfOK(c) {
		c.Error(errForbidden)
		return
	}
	if token, err := c.Cookie(sessionCookie); err == nil {
		if err := s.store.DeleteSession(c.Request.Context(), data.HashCode(token)); err != nil {
			c.Error(err)
			return
		}
	}
	s.setCookiePath(c, sessionCookie, "", "/v/", -1, true)
	seeOther(c, "/v/login")
}

// audit writes who did what; a failure is logged, not shown, because the
// volunteer cannot fix it — but it is logged loudly.
func (s *Server) audit(c *gin.Context, actor, action, target string) {
	if err := s.store.Audit(c.Request.Context(), data.AuditEntry{Actor: actor, Action: action, Target: target}); err != nil {
		s.log.ErrorContext(c.Request.Context(), "audit write failed", "actor", actor, "action", action, "err", err)
	}
}
