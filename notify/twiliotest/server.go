// Package twiliotest is a fake Twilio Messages API for tests: it speaks the
// real request and response shapes (form fields, basic auth, 201 JSON,
// Twilio's error JSON, the test magic numbers), lists messages, fails or
// hangs on demand and sends signed status callbacks.
package twiliotest

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
)

// Magic numbers Twilio's test credentials answer with an error.
var Magic = map[string]int{
	"+15005550001": 21211,
	"+15005550002": 21612,
	"+15005550003": 21408,
	"+15005550004": 21610,
	"+15005550009": 21614,
}

var errText = map[int]string{
	21211: "The 'To' number is not a valid phone number.",
	21612: "The 'To' phone number is not currently reachable via SMS.",
	21408: "Permission to send an SMS has not been enabled for the region indicated by the 'To' number.",
	21610: "Attempt to send to unsubscribed recipient",
	21614: "'To' number is not a valid mobile number",
}

// Message is one message the fake accepted.
type Message struct {
	SID                 string
	AccountSID          string
	To                  string
	From                string
	MessagingServiceSID string
	Body                string
	Status              string
	NumSegments         int
	StatusCallback      string
	DateCreated         time.Time
}

// Server is the fake. Create it with New; Close it when done.
type Server struct {
	*httptest.Server
	AccountSID string
	AuthToken  string

	mu       sync.Mutex
	msgs     []Message
	posts    int
	lists    int
	conns    int
	failures []failure
	hang     int
	release  chan struct{}
}

type failure struct {
	status int
	html   bool
}

var messagesPath = regexp.MustCompile(`^/2010-04-01/Accounts/([^/]+)/Messages\.json$`)

// New starts a fake that accepts accountSID/authToken.
func New(accountSID, authToken string) *Server {
	s := &Server{AccountSID: accountSID, AuthToken: authToken, release: make(chan struct{})}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	s.Server.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			s.mu.Lock()
			s.conns++
			s.mu.Unlock()
		}
	}
	s.Start()
	return s
}

// Close releases hung requests and stops the server.
func (s *Server) Close() {
	s.mu.Lock()
	select {
	case <-s.release:
	default:
		close(s.release)
	}
	s.mu.Unlock()
	s.Server.Close()
}

// FailNext makes the next n message creations answer status with Twilio's
// error JSON (429 → code 20429, 5xx → 20500).
func (s *Server) FailNext(n, status int) { s.addFailures(n, failure{status: status}) }

// FailNextHTML makes the next n creations answer status with an HTML page,
// as a proxy in front of Twilio does.
func (s *Server) FailNextHTML(n, status int) { s.addFailures(n, failure{status: status, html: true}) }

func (s *Server) addFailures(n int, f failure) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := 0; i < n; i++ {
		s.failures = append(s.failures, f)
	}
}

// HangNext makes the next n creations accept and record the message, then
// never answer: the client times out and the outcome is unknown to it.
func (s *Server) HangNext(n int) {
	s.mu.Lock()
	s.hang += n
	s.mu.Unlock()
}

// Messages returns every accepted message, oldest first.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

// SentTo returns the accepted messages to one number.
func (s *Server) SentTo(to string) []Message {
	var out []Message
	for _, m := range s.Messages() {
		if m.To == to {
			out = append(out, m)
		}
	}
	return out
}

// Posts counts message-creation requests that passed authentication.
func (s *Server) Posts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.posts
}

// Conns counts TCP connections clients opened (keep-alive reuse shows as few).
func (s *Server) Conns() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conns
}

// Lists counts message-listing requests (reconciliation lookups).
func (s *Server) Lists() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lists
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	m := messagesPath.FindStringSubmatch(r.URL.Path)
	if m == nil {
		writeError(w, http.StatusNotFound, 20404, "The requested resource was not found")
		return
	}
	user, pass, ok := r.BasicAuth()
	if !ok || user != s.AccountSID || pass != s.AuthToken || m[1] != s.AccountSID {
		writeError(w, http.StatusUnauthorized, 20003, "Authenticate")
		return
	}
	switch r.Method {
	case http.MethodPost:
		s.create(w, r, m[1])
	case http.MethodGet:
		s.list(w, r)
	default:
		writeError(w, http.StatusMethodNotAllowed, 20004, "Method not allowed")
	}
}

func (s *Server) create(w http.ResponseWriter, r *http.Request, account string) {
	if err := r.ParseForm(); err != nil {
		writeError(w, http.StatusBadRequest, 21600, "bad form")
		return
	}
	f, hang := s.nextBehaviour()
	switch {
	case f != nil && f.html:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(f.status)
		// Proxy error pages run to kilobytes (styles, scripts).
		fmt.Fprintf(w, "<html><head><style>%s</style></head><body><h1>%d %s</h1></body></html>",
			strings.Repeat("/* padding */ ", 600), f.status, http.StatusText(f.status))
		return
	case f != nil:
		code := 20500
		if f.status == http.StatusTooManyRequests {
			code = 20429
		}
		writeError(w, f.status, code, http.StatusText(f.status))
		return
	}
	msg, status, code := s.validate(r.PostForm, account)
	if code != 0 {
		writeError(w, status, code, errText[code])
		return
	}
	s.mu.Lock()
	s.msgs = append(s.msgs, msg)
	s.mu.Unlock()
	if hang {
		select {
		case <-r.Context().Done():
		case <-s.release:
		}
		return
	}
	writeJSON(w, http.StatusCreated, toJSON(msg))
}

// nextBehaviour pops one queued failure or hang for this request.
func (s *Server) nextBehaviour() (*failure, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.posts++
	if len(s.failures) > 0 {
		f := s.failures[0]
		s.failures = s.failures[1:]
		return &f, false
	}
	if s.hang > 0 {
		s.hang--
		return nil, true
	}
	return nil, false
}

func (s *Server) validate(f url.Values, account string) (Message, int, int) {
	to, body := f.Get("To"), f.Get("Body")
	switch {
	case to == "":
		return Message{}, 400, 21604
	case body == "":
		return Message{}, 400, 21602
	case f.Get("From") == "" && f.Get("MessagingServiceSid") == "":
		return Message{}, 400, 21603
	}
	if code, ok := Magic[to]; ok {
		return Message{}, 400, code
	}
	if !strings.HasPrefix(to, "+") || len(to) < 8 {
		return Message{}, 400, 21211
	}
	return Message{
		SID: newSID(), AccountSID: account, To: to, From: f.Get("From"),
		MessagingServiceSID: f.Get("MessagingServiceSid"), Body: body, Status: "queued",
		NumSegments: segments(body), StatusCallback: f.Get("StatusCallback"),
		DateCreated: time.Now().UTC(),
	}, 201, 0
}

// segments approximates Twilio's count (ASCII as GSM-7, else UCS-2) without
// importing notify, which tests this package's clients.
func segments(body string) int {
	n, single, part := 0, 160, 153
	for _, r := range body {
		if r > 127 {
			single, part = 70, 67
		}
		n++
		if r > 0xFFFF {
			n++
		}
	}
	if n <= single {
		return 1
	}
	return (n + part - 1) / part
}

var sidSeq struct {
	sync.Mutex
	n int
}

func newSID() string {
	sidSeq.Lock()
	defer sidSeq.Unlock()
	sidSeq.n++
	return fmt.Sprintf("SM%032x", time.Now().UnixNano()<<16+int64(sidSeq.n))
}

func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.lists++
	s.mu.Unlock()
	q := r.URL.Query()
	after, hasAfter := parseDate(q.Get("DateSent>"))
	var out []map[string]any
	msgs := s.Messages()
	sort.SliceStable(msgs, func(i, j int) bool { return msgs[i].DateCreated.After(msgs[j].DateCreated) })
	for _, m := range msgs {
		if to := q.Get("To"); to != "" && m.To != to {
			continue
		}
		if hasAfter && m.DateCreated.Before(after) {
			continue
		}
		out = append(out, toJSON(m))
	}
	if out == nil {
		out = []map[string]any{}
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"messages": out, "page": 0, "page_size": len(out), "next_page_uri": nil,
		"first_page_uri": r.URL.RequestURI(), "uri": r.URL.RequestURI(), "start": 0, "end": len(out),
	})
}

func parseDate(v string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339, "2006-01-02"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func toJSON(m Message) map[string]any {
	created := m.DateCreated.Format(time.RFC1123Z)
	var svc any
	if m.MessagingServiceSID != "" {
		svc = m.MessagingServiceSID
	}
	return map[string]any{
		"sid": m.SID, "account_sid": m.AccountSID, "to": m.To, "from": m.From,
		"messaging_service_sid": svc, "body": m.Body, "status": m.Status,
		"num_segments": fmt.Sprint(m.NumSegments), "num_media": "0", "direction": "outbound-api",
		"api_version": "2010-04-01", "price": nil, "price_unit": "USD", "error_code": nil, "error_message": nil,
		"date_created": created, "date_updated": created, "date_sent": created,
		"uri": "/2010-04-01/Accounts/" + m.AccountSID + "/Messages/" + m.SID + ".json",
	}
}

func writeError(w http.ResponseWriter, status, code int, msg string) {
	writeJSON(w, status, map[string]any{
		"code": code, "message": msg, "status": status,
		"more_info": fmt.Sprintf("https://www.twilio.com/docs/errors/%d", code),
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, _ := json.Marshal(v)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// Sign computes X-Twilio-Signature like Twilio: base64 HMAC-SHA1 over the
// URL followed by each form key and value, keys sorted.
func Sign(authToken, fullURL string, form url.Values) string {
	keys := make([]string, 0, len(form))
	for k := range form {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(fullURL)
	for _, k := range keys {
		for _, v := range form[k] {
			b.WriteString(k + v)
		}
	}
	mac := hmac.New(sha1.New, []byte(authToken))
	mac.Write([]byte(b.String()))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}
