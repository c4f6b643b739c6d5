package notify

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"tuys/data"
)

// OutboxStore is the part of data.Store the dispatcher uses.
type OutboxStore interface {
	ClaimMessages(ctx context.Context, worker string, lease time.Duration, limit int) ([]data.Message, error)
	MarkSending(ctx context.Context, id, worker string, limit data.RecipientCap) error
	FinishMessage(ctx context.Context, m *data.Message) error
	OptedOut(ctx context.Context, phone string) (bool, error)
	SetOptOut(ctx context.Context, phone string, out bool) error
	CountSent(ctx context.Context, since time.Time) (int, error)
}

// Dispatcher sends the outbox: claim → checks → mark sending → send → finish.
type Dispatcher struct {
	Store       OutboxStore
	Sender      Sender
	Policy      Policy
	CallbackURL string        // status callback URL; "" for none
	Worker      string        // this process's claim id
	Lease       time.Duration // how long a claim lasts; must outlast a send
	Batch       int           // messages claimed at once
	Parallel    int           // sends in flight at once
	MaxAttempts int           // attempts before a retryable failure becomes final
	Backoff     time.Duration // first retry delay; doubles, with jitter
	MaxBackoff  time.Duration
	Poll        time.Duration // how often Run looks without a Wake
	Log         *slog.Logger
	Now         func() time.Time

	wake          chan struct{}
	once          sync.Once
	stats         Stats
	lookupRefused atomic.Bool // the provider will never answer a Find (test credentials)
}

// Stats counts what the dispatcher did since it started.
type Stats struct {
	Sent, Failed, Suppressed, Retried, Reconciled, Deferred atomic.Int64
}

// NewDispatcher returns a dispatcher with production defaults.
func NewDispatcher(st OutboxStore, s Sender, cfg Config, l *slog.Logger) *Dispatcher {
	if l == nil {
		l = slog.Default()
	}
	host, _ := os.Hostname()
	timeout := cfg.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	lease := cfg.Lease
	if lease <= 0 {
		lease = DefaultLease(timeout)
	}
	return &Dispatcher{
		Store: st, Sender: s, Policy: NewPolicy(cfg), CallbackURL: cfg.StatusCallbackURL(),
		Worker: fmt.Sprintf("%s-%d-%04x", host, os.Getpid(), rand.IntN(1<<16)),
		Lease:  lease, Batch: 32, Parallel: 8, MaxAttempts: 8,
		Backoff: 2 * time.Second, MaxBackoff: 10 * time.Minute, Poll: time.Second, Log: l,
	}
}

// Stats returns the dispatcher's counters.
func (d *Dispatcher) Stats() *Stats { return &d.stats }

func (d *Dispatcher) now() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}

func (d *Dispatcher) wakeCh() chan struct{} {
	d.once.Do(func() { d.wake = make(chan struct{}, 1) })
	return d.wake
}

// Wake makes Run look at the outbox now (after a commit that queued SMS).
func (d *Dispatcher) Wake() {
	select {
	case d.wakeCh() <- struct{}{}:
	default:
	}
}

// Run dispatches until ctx ends. Store errors are logged and retried: the
// outbox is durable, so nothing is lost while the database is unhappy.
func (d *Dispatcher) Run(ctx context.Context) error {
	d.checkLookups(ctx)
	t := time.NewTicker(d.Poll)
	defer t.Stop()
	var redacted time.Time
	for {
		for {
			n, err := d.DispatchOnce(ctx)
			if err != nil && ctx.Err() == nil {
				d.Log.ErrorContext(ctx, "sms dispatch", "err", err)
			}
			if err != nil || n < d.Batch {
				break
			}
		}
		if d.now().Sub(redacted) >= redactEvery {
			redacted = d.now()
			if _, err := d.RedactOnce(ctx); err != nil && ctx.Err() == nil {
				d.Log.ErrorContext(ctx, "sms redaction", "err", err)
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		case <-d.wakeCh():
		}
	}
}

// DispatchOnce claims one batch and handles it; it returns how many
// messages it claimed.
func (d *Dispatcher) DispatchOnce(ctx context.Context) (int, error) {
	msgs, err := d.Store.ClaimMessages(ctx, d.Worker, d.Lease, d.Batch)
	if err != nil {
		return 0, fmt.Errorf("claim: %w", err)
	}
	if len(msgs) == 0 {
		return 0, nil
	}
	// Counted only when there is something to send: an idle node polls
	// every second, and the count was a third of that poll's work.
	budget, err := d.budgetLeft(ctx)
	if err != nil {
		return 0, err // the claimed messages' leases run out and another poll takes them
	}
	// Match and consent SMS home take from the budget first (budgetFloor).
	slices.SortStableFunc(msgs, func(a, b data.Message) int {
		return cmp.Compare(d.Policy.budgetFloor(&a), d.Policy.budgetFloor(&b))
	})
	sem := make(chan struct{}, max(d.Parallel, 1))
	var wg sync.WaitGroup
	for i := range msgs {
		sem <- struct{}{}
		wg.Add(1)
		go func(m *data.Message) {
			defer func() { <-sem; wg.Done() }()
			if err := d.handle(ctx, m, budget); err != nil {
				d.Log.ErrorContext(ctx, "sms message", "key", m.Key, "err", err)
			}
		}(&msgs[i])
	}
	wg.Wait()
	return len(msgs), nil
}

// budgetLeft counts the hour's sends once per batch (nil: no budget). The
// count scans recent messages, too costly to repeat for every message.
func (d *Dispatcher) budgetLeft(ctx context.Context) (*atomic.Int64, error) {
	if d.Policy.HourlyBudget <= 0 {
		return nil, nil
	}
	n, err := d.Store.CountSent(ctx, d.now().Add(-time.Hour))
	if err != nil {
		return nil, fmt.Errorf("hourly budget: %w", err)
	}
	left := new(atomic.Int64)
	left.Store(int64(d.Policy.HourlyBudget - n))
	return left, nil
}

// checkLookups tells at start whether the provider lets us settle unknown
// outcomes (Twilio's test credentials do not), rather than on the first
// timeout.
func (d *Dispatcher) checkLookups(ctx context.Context) {
	c, ok := d.Sender.(LookupChecker)
	if !ok {
		return
	}
	err := c.CheckLookup(ctx)
	switch {
	case errors.Is(err, ErrLookupRefused):
		d.refuseLookups(ctx, err)
	case err != nil && ctx.Err() == nil:
		d.Log.WarnContext(ctx, "sms: could not check that the provider answers lookups; will try when needed", "err", err)
	}
}

// refuseLookups records, once, that no Find can succeed, and says what
// that means.
func (d *Dispatcher) refuseLookups(ctx context.Context, err error) {
	if d.lookupRefused.Swap(true) {
		return
	}
	d.Log.WarnContext(ctx, "sms: Twilio test credentials: Twilio sends no status callbacks and refuses message lookups (403); "+
		"an SMS whose outcome is unknown (timeout, crash) is recorded failed, never sent twice", "err", err)
}
