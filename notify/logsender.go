package notify

import (
	"context"
	"fmt"
	"hash/maphash"
	"log/slog"
	"strings"
	"sync"
	"time"

	"tuys/data"
)

// LogSender stands in for Twilio when no credentials are configured: the
// SMS goes to the log (numbers masked), so `make run` works without an
// account. It remembers what it sent only as far as Find needs (after a
// crash the dispatcher asks whether a message went out): the SID, the time
// and a keyed hash of number and body, never the text, so a report's
// removal leaves no copy of its names or numbers here.
type LogSender struct {
	log  *slog.Logger
	seed maphash.Seed // per process: the hashes say nothing to another
	mu   sync.Mutex
	seq  int
	sent []loggedSMS
}

// loggedSMS is what the LogSender keeps of one message it "sent".
type loggedSMS struct {
	sid  string
	sum  uint64 // of number and body (LogSender.sum)
	body int    // the body's segments, for Find's answer
	at   time.Time
}

const logKeep = 1000 // messages kept for Find

// NewLogSender logs to l (slog.Default when nil).
func NewLogSender(l *slog.Logger) *LogSender {
	if l == nil {
		l = slog.Default()
	}
	return &LogSender{log: l, seed: maphash.MakeSeed()}
}

// sum is the keyed hash Find compares: number and body, separated.
func (s *LogSender) sum(to, body string) uint64 {
	var h maphash.Hash
	h.SetSeed(s.seed)
	h.WriteString(to)
	h.WriteByte(0)
	h.WriteString(body)
	return h.Sum64()
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
	s.sent = append(s.sent, loggedSMS{sid: sid, sum: s.sum(to, body), body: Segments(body), at: now})
	if len(s.sent) > logKeep {
		s.sent = s.sent[len(s.sent)-logKeep:]
	}
	s.mu.Unlock()
	s.log.InfoContext(ctx, "sms (log sender, not sent)", "to", MaskPhone(to), "sid", sid,
		"segments", Segments(body), "body", data.MaskPhonesIn(data.MaskPrivateLinks(body)))
	return SendResult{SID: sid, State: data.MsgSent, Segments: Segments(body), At: now}, nil
}

// Find implements Sender over the messages kept in memory.
func (s *LogSender) Find(_ context.Context, q Lookup) (*SendResult, error) {
	sum := s.sum(q.To, q.Body)
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range s.sent {
		if q.SID != "" && m.sid == q.SID || m.sum == sum && !m.at.Before(q.Since.Add(-clockSlack)) {
			return &SendResult{SID: m.sid, State: data.MsgSent, Segments: m.body, At: m.at}, nil
		}
	}
	return nil, nil
}

// MaskPhone hides a number for logs: +77011234567 → +7***67 (data.MaskPhone).
func MaskPhone(p string) string { return data.MaskPhone(p) }
