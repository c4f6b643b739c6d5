package data

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// Channels the PostgreSQL store notifies in the transaction that writes, so
// other nodes learn of new events (index, match) and new SMS (dispatch)
// within milliseconds instead of at their next poll. NOTIFY is delivered at
// commit and only if the transaction commits: a woken node finds the rows.
const (
	ChannelEvents = "tuys_events"
	ChannelOutbox = "tuys_outbox"
)

// Reconnect backoff of the listener.
const (
	listenMinBackoff = 100 * time.Millisecond
	listenMaxBackoff = 10 * time.Second
)

// PGListener wakes this node when another node commits. Notifications only
// shorten latency: nodes still poll, so a lost one delays work by one poll
// interval and loses nothing.
type PGListener struct {
	URL      string
	OnEvents func()      // events were committed (e.g. search.Engine.Wake)
	OnOutbox func()      // messages were queued (e.g. the dispatcher's wake)
	OnError  func(error) // a connection failed; it reconnects (for logging)
}

// Run listens on a dedicated connection (LISTEN does not survive a pool),
// reconnecting with backoff, until ctx ends; it then returns nil. After
// every (re)connect it calls both callbacks once, because notifications
// sent while nobody listened are lost.
func (l *PGListener) Run(ctx context.Context) error {
	onEvents, onOutbox, onErr := nonNil(l.OnEvents), nonNil(l.OnOutbox), l.OnError
	backoff := listenMinBackoff
	for {
		start := time.Now()
		err := listenOnce(ctx, l.URL, onEvents, onOutbox)
		if ctx.Err() != nil {
			return nil
		}
		if onErr != nil {
			onErr(err)
		}
		if time.Since(start) > time.Minute {
			backoff = listenMinBackoff // it worked for a while: start over
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, listenMaxBackoff)
	}
}

func nonNil(f func()) func() {
	if f == nil {
		return func() {}
	}
	return f
}

// listenOnce connects, listens and dispatches until the connection fails or
// ctx ends.
func listenOnce(ctx context.Context, url string, onEvents, onOutbox func()) error {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return fmt.Errorf("listen: connect: %w", err)
	}
	defer func() {
		closeCtx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		conn.Close(closeCtx)
	}()
	for _, ch := range []string{ChannelEvents, ChannelOutbox} {
		if _, err := conn.Exec(ctx, "LISTEN "+ch); err != nil {
			return fmt.Errorf("listen %s: %w", ch, err)
		}
	}
	onEvents()
	onOutbox()
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return fmt.Errorf("listen: wait: %w", err)
		}
		switch n.Channel {
		case ChannelEvents:
			onEvents()
		case ChannelOutbox:
			onOutbox()
		}
	}
}
