package search

import (
	"context"
	"fmt"

	"tuys/data"
)

// eventsRead is a batch of events after a sequence number and the reports
// they name, read from the store.
type eventsRead struct {
	after int64
	evs   []data.Event
	byID  map[string]*data.Report
	err   error
}

// readEvents reads the events after seq and the reports they name.
func (e *Engine) readEvents(ctx context.Context, after int64) eventsRead {
	r := eventsRead{after: after}
	r.evs, r.err = e.store.EventsAfter(ctx, after, eventBatch)
	if r.err != nil {
		r.err = fmt.Errorf("catch up: events after %d: %w", after, r.err)
		return r
	}
	r.byID, r.err = e.loadReports(ctx, r.evs)
	return r
}

// readAhead reads the batch after seq on another core while the engine
// indexes the one before it: a node's start at 300,000 reports spent a
// ninth of its CPU reading, with the other core idle (2026-12-07). The
// reports are read a moment earlier than they would be otherwise; a change
// made in between has an event of its own, applied after.
func (e *Engine) readAhead(ctx context.Context, after int64) <-chan eventsRead {
	out := make(chan eventsRead, 1)
	go func() { out <- e.readEvents(ctx, after) }()
	return out
}
