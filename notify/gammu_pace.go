package notify

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"tuys/data"
)

// DefaultGammuRate is SMS a minute through the modem (TUYS_GAMMU_RATE): a
// GSM modem sends about 6–10.
const DefaultGammuRate = 6

// Message priorities, as the daemon's outbox letters: it sends "A" files
// before "B" before "C". Match and consent SMS first, then replies to
// inbound SMS, then the rest (subscriptions).
const (
	prioMatch = 'A'
	prioReply = 'B'
	prioOther = 'C'
)

// gammuReplyPrefix starts the key of a reply to an SMS read from the
// daemon's inbox.
const gammuReplyPrefix = "gammu-in:"

// MessagePriority is the sending order of m (lower first).
func MessagePriority(m *data.Message) byte {
	switch {
	case m.MatchID != "":
		return prioMatch
	case strings.HasPrefix(m.Key, gammuReplyPrefix):
		return prioReply
	}
	return prioOther
}

type sendingKey struct{}

type sending struct {
	key  string
	prio byte
}

// withMessage tells the sender which message it is sending (its priority
// names the daemon's file; replies stay on the modem).
func withMessage(ctx context.Context, m *data.Message) context.Context {
	return context.WithValue(ctx, sendingKey{}, sending{key: m.Key, prio: MessagePriority(m)})
}

func priorityOf(ctx context.Context) byte {
	if s, ok := ctx.Value(sendingKey{}).(sending); ok {
		return s.prio
	}
	return prioOther
}

func keyOf(ctx context.Context) string {
	s, _ := ctx.Value(sendingKey{}).(sending)
	return s.key
}

// PacedSender is a Sender that can only take so many messages a minute:
// the dispatcher defers a message while Wait says so, before any attempt
// is recorded.
type PacedSender interface {
	// Wait returns 0 when m may be sent now, else how long until its turn
	// and why (shown to volunteers with the message).
	Wait(m *data.Message) (time.Duration, string)
}

// Pacer spaces sends to Rate a minute, lets no more than two wait in the
// daemon's outbox (so priority and failback are decided here, not in a
// long queue there), and gives turns by priority, then by first try.
type Pacer struct {
	Rate   float64             // SMS a minute
	Queued func() (int, error) // messages waiting in the daemon's outbox
	Now    func() time.Time

	mu      sync.Mutex
	free    time.Time // when the next send may go
	waiting map[string]*waiter
}

type waiter struct {
	prio       byte
	since, due time.Time
}

// maxQueuedAtDaemon: more would fix the order and channel of messages the
// daemon has not sent yet.
const maxQueuedAtDaemon = 2

// Wait implements PacedSender.
func (p *Pacer) Wait(m *data.Message) (time.Duration, string) {
	now := p.now()
	interval := time.Duration(float64(time.Minute) / max(p.Rate, 0.1))
	queued := 0
	if p.Queued != nil {
		queued, _ = p.Queued() // unreadable: pace on the rate alone
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.waiting == nil {
		p.waiting = map[string]*waiter{}
	}
	w := p.waiting[m.Key]
	if w == nil {
		w = &waiter{prio: MessagePriority(m), since: now}
		p.waiting[m.Key] = w
	}
	ahead := p.ahead(m.Key, w, now)
	if ahead == 0 && queued < maxQueuedAtDaemon && !now.Before(p.free) {
		delete(p.waiting, m.Key)
		p.free = now.Add(interval)
		return 0, ""
	}
	wait := max(p.free.Sub(now), 0) + time.Duration(ahead+max(queued-1, 0))*interval
	wait = max(wait, time.Second)
	w.due = now.Add(wait)
	return wait, fmt.Sprintf("waiting for the modem: about %s (%d SMS ahead, %g a minute)",
		wait.Round(time.Second), ahead+queued, p.Rate)
}

// ahead counts the messages waiting before w, forgetting those that did
// not come back at their turn (sent, suppressed or claimed elsewhere).
func (p *Pacer) ahead(key string, w *waiter, now time.Time) int {
	n := 0
	for k, o := range p.waiting {
		if k == key {
			continue
		}
		if !o.due.IsZero() && now.After(o.due.Add(30*time.Second)) {
			delete(p.waiting, k)
			continue
		}
		if o.prio < w.prio || o.prio == w.prio && o.since.Before(w.since) {
			n++
		}
	}
	return n
}

func (p *Pacer) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

// Wait implements PacedSender.
func (g *Gammu) Wait(m *data.Message) (time.Duration, string) {
	if g.Pace == nil {
		return 0, ""
	}
	return g.Pace.Wait(m)
}

// pace asks a paced sender whether m may go now.
func (d *Dispatcher) pace(m *data.Message) (time.Duration, string) {
	if p, ok := d.Sender.(PacedSender); ok {
		return p.Wait(m)
	}
	return 0, ""
}
