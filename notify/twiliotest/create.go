package twiliotest

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Magic are the To numbers Twilio's test credentials answer with an error
// (twilio.com/docs/iam/test-credentials); with live credentials they are
// ordinary numbers.
var Magic = map[string]int{
	"+15005550001": 21211,
	"+15005550002": 21612,
	"+15005550003": 21408,
	"+15005550004": 21610,
	"+15005550009": 21614,
}

// magicFrom are the From numbers of the same page: +15005550006 is the
// one that works, any other number is not the test account's (21606).
var magicFrom = map[string]int{
	"+15005550001": 21212,
	"+15005550007": 21606,
	"+15005550008": 21611,
}

// ErrorText is Twilio's text for the error codes the fake produces.
var ErrorText = map[int]string{
	21211: "The 'To' number is not a valid phone number.",
	21212: "The 'From' number is not a valid phone number, shortcode, or alphanumeric sender ID.",
	21606: "The 'From' phone number provided is not a valid, message-capable Twilio phone number for this destination/account.",
	21611: "This 'From' number has exceeded the maximum number of queued messages",
	21612: "The 'To' phone number is not currently reachable via SMS.",
	21408: "Permission to send an SMS has not been enabled for the region indicated by the 'To' number.",
	21610: "Attempt to send to unsubscribed recipient",
	21614: "'To' number is not a valid mobile number",
	30001: "Queue overflow",
	30003: "Unreachable destination handset",
	30004: "Message blocked",
	30005: "Unknown destination handset",
	30006: "Landline or unreachable carrier",
	30007: "Message filtered",
	30008: "Unknown error",
}

const testFrom = "+15005550006"

func (s *Server) create(w http.ResponseWriter, r *http.Request, account string) {
	if err := r.ParseForm(); err != nil {
		writeError(w, http.StatusBadRequest, 21600, "bad form")
		return
	}
	f, hang := s.nextBehaviour()
	if f != nil {
		writeFailure(w, *f)
		return
	}
	msg, code := s.validate(r.PostForm, account)
	if code != 0 {
		writeError(w, http.StatusBadRequest, code, ErrorText[code])
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

func writeFailure(w http.ResponseWriter, f failure) {
	if f.html {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(f.status)
		// Proxy error pages run to kilobytes (styles, scripts).
		fmt.Fprintf(w, "<html><head><style>%s</style></head><body><h1>%d %s</h1></body></html>",
			strings.Repeat("/* padding */ ", 600), f.status, http.StatusText(f.status))
		return
	}
	code := 20500
	if f.status == http.StatusTooManyRequests {
		code = 20429
	}
	writeError(w, f.status, code, http.StatusText(f.status))
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

// validate checks the form as Twilio does and builds the new message, or
// returns the error code that refuses it.
func (s *Server) validate(f url.Values, account string) (Message, int) {
	to, from, body, svc := f.Get("To"), f.Get("From"), f.Get("Body"), f.Get("MessagingServiceSid")
	switch {
	case to == "":
		return Message{}, 21604
	case body == "":
		return Message{}, 21602
	case from == "" && svc == "":
		return Message{}, 21603
	}
	if s.test {
		if from != "" && from != testFrom {
			if code := magicFrom[from]; code != 0 {
				return Message{}, code
			}
			return Message{}, 21606
		}
		if code := Magic[to]; code != 0 {
			return Message{}, code
		}
	}
	if !strings.HasPrefix(to, "+") || len(to) < 8 {
		return Message{}, 21211
	}
	m := Message{
		SID: newSID(), AccountSID: account, To: to, From: from, MessagingServiceSID: svc, Body: body,
		Status: "queued", NumSegments: segments(body), StatusCallback: f.Get("StatusCallback"),
		DateCreated: time.Now().UTC(),
	}
	if svc != "" {
		// The service picks the sender later; until then Twilio shows no
		// sender and no segment count.
		m.Status, m.From, m.NumSegments = "accepted", "", 0
	}
	return m, 0
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

// newSID makes a Message SID as the spec's pattern has it: "SM" and 32 hex
// digits, random so no clock or counter can make it overflow.
func newSID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return "SM" + hex.EncodeToString(b[:])
}
