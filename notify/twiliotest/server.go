// Package twiliotest is a fake Twilio Messages API (2010-04-01) for tests.
// It speaks the real request and response shapes (form fields, basic auth,
// 201 JSON, Twilio's error JSON) and behaves as Twilio documents where the
// service's exactly-once claim depends on it:
//
//   - a message is created "queued" (or "accepted" through a Messaging
//     Service: from null, num_segments "0") and date_sent stays null until
//     the message is sent (SetStatus moves it on);
//   - lists filter To/From and DateSent, DateSent<, DateSent> on date_sent
//     at day granularity (GMT), page with PageSize and next_page_uri, and
//     show error_code/error_message; GET …/Messages/{Sid}.json fetches one;
//   - SIDs are "SM" and 32 hex digits;
//   - with test credentials (NewTestCredentials) only creating a message
//     works: lists and fetches answer 403 (code 20008), no status callback
//     is ever sent, and the magic numbers apply (and only there).
//
// It can also fail or hang creations on demand, become unreachable
// (SetUnreachable) and send signed callbacks.
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

// Message is one message the fake holds.
type Message struct {
	SID                 string
	AccountSID          string
	To                  string
	From                string // "" until a Messaging Service assigns a sender
	MessagingServiceSID string
	Body                string
	Status              string
	NumSegments         int // 0 until a Messaging Service assigns a sender
	StatusCallback      string
	DateCreated         time.Time
	DateSent            time.Time // zero (JSON null) until the message is sent
	ErrorCode           int
	ErrorMessage        string
}

// Server is the fake. Create it with New or NewTestCredentials; Close it when done.
type Server struct {
	*httptest.Server
	AccountSID string
	AuthToken  string
	// ServiceFrom is the sender a Messaging Service assigns when its
	// message leaves the "accepted" state.
	ServiceFrom string

	test     bool // Twilio test credentials: see the package comment
	mu       sync.Mutex
	msgs     []Message
	posts    int
	lists    int
	conns    int
	failures []failure
	hang     int
	release  chan struct{}
	down     chan struct{} // non-nil while unreachable: closed when it answers again
}

type failure struct {
	status int
	html   bool
}

var (
	messagesPath = regexp.MustCompile(`^/2010-04-01/Accounts/([^/]+)/Messages\.json$`)
	messagePath  = regexp.MustCompile(`^/2010-04-01/Accounts/([^/]+)/Messages/([^/]+)\.json$`)
)

// New starts a fake that accepts accountSID/authToken as live credentials.
func New(accountSID, authToken string) *Server { return start(accountSID, authToken, false) }

// NewTestCredentials starts a fake that answers as Twilio does to its test
// credentials.
func NewTestCredentials(accountSID, authToken string) *Server {
	return start(accountSID, authToken, true)
}

func start(accountSID, authToken string, test bool) *Server {
	s := &Server{AccountSID: accountSID, AuthToken: authToken, ServiceFrom: "+15005550006",
		test: test, release: make(chan struct{})}
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

// Add stores m as if Twilio had created it earlier (history for lists); a
// missing SID, account or status is filled in. It returns the stored message.
func (s *Server) Add(m Message) Message {
	if m.SID == "" {
		m.SID = newSID()
	}
	if m.AccountSID == "" {
		m.AccountSID = s.AccountSID
	}
	if m.Status == "" {
		m.Status = "delivered"
	}
	s.mu.Lock()
	s.msgs = append(s.msgs, m)
	s.mu.Unlock()
	return m
}

// Messages returns every message, oldest first.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

// SentTo returns the messages to one number.
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

// Lists counts list and fetch requests (reconciliation lookups), refused ones too.
func (s *Server) Lists() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lists
}

// SetUnreachable makes every request (create, list, fetch) go unanswered
// and unrecorded, as when the network to Twilio is cut: clients time out.
// Creations HangNext still holds are the exception: they reached Twilio
// just before the cut and are recorded, their answer lost.
// SetUnreachable(false) answers again.
func (s *Server) SetUnreachable(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case on && s.down == nil:
		s.down = make(chan struct{})
	case !on && s.down != nil:
		close(s.down)
		s.down = nil
	}
}

// unreachable holds a request while the fake is unreachable; it reports
// whether the request must be dropped.
func (s *Server) unreachable(r *http.Request) bool {
	s.mu.Lock()
	down, hang := s.down, s.hang > 0 && r.Method == http.MethodPost
	s.mu.Unlock()
	if down == nil || hang {
		return false
	}
	select {
	case <-down:
	case <-r.Context().Done():
	case <-s.release:
	}
	return true
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if s.unreachable(r) {
		panic(http.ErrAbortHandler) // the connection drops; nothing recorded
	}
	account, sid := "", ""
	if m := messagesPath.FindStringSubmatch(r.URL.Path); m != nil {
		account = m[1]
	} else if m := messagePath.FindStringSubmatch(r.URL.Path); m != nil {
		account, sid = m[1], m[2]
	} else {
		writeError(w, http.StatusNotFound, 20404, "The requested resource was not found")
		return
	}
	user, pass, ok := r.BasicAuth()
	if !ok || user != s.AccountSID || pass != s.AuthToken || account != s.AccountSID {
		writeError(w, http.StatusUnauthorized, 20003, "Authenticate")
		return
	}
	switch {
	case r.Method == http.MethodPost && sid == "":
		s.create(w, r, account)
	case r.Method == http.MethodPost:
		s.update(w, r, sid)
	case r.Method == http.MethodGet:
		s.read(w, r, sid)
	default:
		writeError(w, http.StatusMethodNotAllowed, 20004, "Method not allowed")
	}
}

// read serves lists and fetches; test credentials may not read anything.
func (s *Server) read(w http.ResponseWriter, r *http.Request, sid string) {
	s.mu.Lock()
	s.lists++
	s.mu.Unlock()
	switch {
	case s.test:
		writeError(w, http.StatusForbidden, 20008, "Cannot access this resource with Test Credentials")
	case sid != "":
		s.fetch(w, sid)
	default:
		s.list(w, r)
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
