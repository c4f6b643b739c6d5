package notify

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"tuys/data"
)

// LogSender stands in for Twilio when no credentials are configured: the
// SMS goes to the log (numbers masked) and is kept in memory, so `make run`
// works without an account and the volunteer view shows what would be sent.
type LogSender struct {
	log  *slog.Logger
	mu   sync.Mutex
	seq  int
	sent []LoggedSMS
}

// LoggedSMS is one message the LogSender "sent".
type LoggedSMS struct {
	SID  string
	To   string
	Body string
	At   time.Time
}

const logKeep = 1000 // messages kept for Recent and Find

// NewLogSender logs to l (slog.Default when nil).
func NewLogSender(l *slog.Logger) *LogSender {
	if l == nil {
		l = slog.Default()
	}
	return &LogSender{log: l}
}

// logSIDPrefix marks the SIDs of messages that only went to the log.
const logSIDPrefix = "LOG"

// Logged reports whether the message with this provider SID went to the
// log instead of a phone (no SMS provider configured): volunteers and
// authors must not read "sent" for it.
func Logged(sid string) bool { return strings.HasPrefix(sid, logSIDPrefix) }

// Send implements Sender.
func (s *LogSender) Send(ctx context.Context, to, body, _ string) (SendResult, error) {
	now := time.Now().UTC()
	s.mu.Lock()
	s.seq++
	sid := fmt.Sprintf("%s%08d%d", logSIDPrefix, s.seq, now.UnixNano()%1e6)
	s.sent = append(s.sent, LoggedSMS{SID: sid, To: to, Body: body, At: now})
	if len(s.sent) > logKeep {
		s.sent = s.sent[len(s.sent)-logKeep:]
	}
	s.mu.Unlock()
	s.log.InfoContext(ctx, "sms (log sender, not sent)", "to", MaskPhone(to), "sid", sid,
		"segments", Segments(body), "body", data.MaskPhonesIn(body))
	return SendResult{SID: sid, State: data.MsgSent, Segments: Segments(body), At: now}, nil
}

// Find implements Sender over the messages kept in memory.
func (s *LogSender) Find(_ context.Context, q Lookup) (*SendResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range s.sent {
		if q.SID != "" && m.SID == q.SID || m.To == q.To && m.Body == q.Body && !m.At.Before(q.Since.Add(-clockSlack)) {
			return &SendResult{SID: m.SID, State: data.MsgSent, Segments: Segments(m.Body), At: m.At}, nil
		}
	}
	return nil, nil
}

// Recent returns up to n of the newest logged messages, newest first, with
// numbers masked (for the volunteer view in log mode).
func (s *LogSender) Recent(n int) []LoggedSMS {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []LoggedSMS
	for i := len(s.sent) - 1; i >= 0 && len(out) < n; i-- {
		m := s.sent[i]
		m.To, m.Body = MaskPhone(m.To), data.MaskPhonesIn(m.Body)
		out = append(out, m)
	}
	return out
}

// MaskPhone hides the middle of a number: +77011234567 → +7701***4567.
func MaskPhone(p string) string { return data.MaskPhone(p) }
