package api

import (
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"tuys/data"
)

// limitClass says which bucket a request draws from.
type limitClass int

const (
	classNone   limitClass = iota
	classReport            // filing a report: JSON API and the web forms
	classWrite             // notes, deletions, subscriptions
	classSearch            // public name search
)

// classify maps a request to its limit by path, so a handler added later
// under the same paths is limited without anyone remembering to.
// Webhooks (signed by Twilio; per-phone limit in the handler) and the
// console (its own login throttle, then sessions) are not limited here.
func classify(method, path string) limitClass {
	switch {
	case strings.HasPrefix(path, "/webhooks/"), strings.HasPrefix(path, "/static/"),
		path == "/v", strings.HasPrefix(path, "/v/"), path == "/healthz", path == "/readyz":
		return classNone
	case method == http.MethodGet || method == http.MethodHead:
		if isPublicSearch(path) || runsSearch(path) {
			return classSearch
		}
		return classNone
	case method == http.MethodOptions:
		return classNone
	case method == http.MethodPost && (path == "/api/v1/reports" || path == "/looking" || path == "/safe"):
		return classReport
	}
	return classWrite
}

// isPublicSearch matches the public search page and API.
func isPublicSearch(path string) bool {
	for _, p := range []string{"/search", "/api/v1/search"} {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// runsSearch matches the page shown after filing, which ranks possible
// matches for the report on every view: each view costs a search, so it
// counts against the search limit (attacker trial, 2026-12-06: it did not);
// and a report's stored matches, which followed from report to report
// list people as a search does.
func runsSearch(path string) bool {
	if id, ok := strings.CutPrefix(path, "/api/v1/reports/"); ok {
		return strings.Count(id, "/") == 1 && strings.HasSuffix(id, "/matches")
	}
	id, ok := strings.CutPrefix(path, "/r/")
	return ok && strings.Count(id, "/") == 1 && strings.HasSuffix(id, "/filed")
}

func (sec *security) rateLimit(c *gin.Context) {
	class := classify(c.Request.Method, c.Request.URL.Path)
	if class == classNone {
		c.Next()
		return
	}
	lim, key := sec.bucketFor(c, class)
	if ok, wait := lim.allow(key); !ok {
		sec.srv.log.WarnContext(c.Request.Context(), "rate limited", "class", int(class), "key", key,
			"path", c.Request.URL.Path, "retry_after_s", retrySeconds(wait))
		if kind, ok := reportFormKind(c.Request.Method, c.Request.URL.Path); ok {
			sec.srv.refuseReportForm(c, kind, wait) // what was typed comes back with the refusal
			c.Abort()
			return
		}
		abortWith(c, rateLimited(wait))
		return
	}
	c.Next()
}

// reportFormKind tells the web report forms' posts from the JSON API's:
// a refused form is shown again with what was typed, not as an error page.
func reportFormKind(method, path string) (data.Kind, bool) {
	if method != http.MethodPost {
		return "", false
	}
	for _, k := range []data.Kind{data.KindSeek, data.KindSafe} {
		if path == formPath(k) {
			return k, true
		}
	}
	return "", false
}

// bucketFor: partners with a token are known, so they get the larger
// TrustedRate on their own bucket; everyone else shares the public bucket of
// their IP. (Volunteers file through the console under /v/, which classify
// leaves alone: the session check there is the gate.)
func (sec *security) bucketFor(c *gin.Context, class limitClass) (*limiter, string) {
	if t := tokenOf(c); t != nil {
		trusted := t.Has(scopeWrite) || t.Has(scopeImport) || class == classSearch && t.Has(scopeRead)
		if trusted {
			return sec.trusted, tokenActor(t)
		}
	}
	ip := ipKey(c.ClientIP())
	switch class {
	case classReport:
		return sec.report, ip
	case classSearch:
		return sec.search, ip
	}
	return sec.write, ip
}

// allowPhone limits inbound SMS per sender; the webhook handler calls it
// after verifying Twilio's signature and answers nothing when it is false
// (a reply would cost money and feed a loop). phone should be E.164 so that
// one number has one bucket however it is written.
func (sec *security) allowPhone(phone string) bool {
	ok, _ := sec.sms.allow(phone)
	return ok
}

// allowSubscribe limits anonymous SMS subscriptions per IP and per phone
// (E.164), on top of the write bucket: each one sends a confirmation SMS,
// and many IPs asking for one number must not flood its owner either.
// Only the caller's own limit is said (ok false, wait): the number's is
// kept quiet (send false), or a refusal would tell a stranger that
// someone subscribed that number within the hour (attacker trial,
// 2026-12-06).
func (sec *security) allowSubscribe(ip, phone string) (ok bool, wait time.Duration, send bool) {
	if ok, wait := sec.subscribeIP.allow(ipKey(ip)); !ok {
		return false, wait, false
	}
	send, _ = sec.subscribePhone.allow(phone)
	return true, 0, send
}

// allowLogin throttles console logins; call it before checking the
// password so guessing costs neither argon2 time nor a chance, and call
// loginSucceeded after a right password, which gives the attempt back:
// only failures count, so fifty volunteers signing in behind the centre's
// one address at the start of a shift are never held up.
//
// Three buckets: per IP (one address guessing many accounts), per account
// and IP (one address guessing one account) and per account from
// anywhere, acrossIPs times looser (guessing spread over many addresses).
// An attacker at one address who types five wrong passwords locks only
// that address out of that account, not the volunteer (attacker trial,
// 2026-12-06: five wrong passwords from anywhere locked the account for
// an hour). The last bucket spares a browser the account signed in from
// before (known, console_device.go): guesses spread over ten addresses
// still locked a volunteer out (the same day's second trial).
func (sec *security) allowLogin(ip, login string, known bool) (bool, time.Duration) {
	keys, lims := sec.loginKeys(ip, login, known), sec.loginLimiters()
	for i, lim := range lims {
		if keys[i] == "" {
			continue
		}
		if ok, wait := lim.allow(keys[i]); !ok {
			for j := range i { // what this attempt took from the buckets before
				lims[j].giveBack(keys[j])
			}
			return false, wait
		}
	}
	return true, 0
}

// loginSucceeded gives back what allowLogin took for a right password.
func (sec *security) loginSucceeded(ip, login string, known bool) {
	keys := sec.loginKeys(ip, login, known)
	for i, lim := range sec.loginLimiters() {
		if keys[i] != "" {
			lim.giveBack(keys[i])
		}
	}
}

// acrossIPs is how much looser the per-account limit from anywhere is
// than the one per account and IP.
const acrossIPs = 10

func (sec *security) loginLimiters() [3]*limiter {
	return [3]*limiter{sec.loginIP, sec.loginUser, sec.loginAccount}
}

// loginKeys are the keys of loginLimiters' buckets; an empty login is
// limited per IP only, and a known browser is not limited per account
// from anywhere.
func (sec *security) loginKeys(ip, login string, known bool) [3]string {
	ip = ipKey(ip)
	login = strings.ToLower(strings.TrimSpace(login))
	switch {
	case login == "":
		return [3]string{ip, "", ""}
	case known:
		return [3]string{ip, login + " " + ip, ""}
	}
	return [3]string{ip, login + " " + ip, login}
}
