package search

import (
	"sync/atomic"
	"time"
)

// stall is what Run knows of catch-ups failing in a row. A failing
// catch-up (a store that cannot be read, a report that cannot be opened)
// is retried at every poll, ten times a second: logging each buried the
// log, and nothing but the log told that new reports were no longer
// matched while searches still answered and /readyz said ready.
type stall struct {
	since  atomic.Int64 // unix nanoseconds of the first failure in a row; 0: the last catch-up succeeded
	logged time.Time    // when Run last logged the failure (Run's goroutine only)
}

// stallLogEvery is how often a failure that goes on is logged again.
const stallLogEvery = time.Minute

// noteCatchUp records the outcome of one of Run's catch-ups at now: the
// first failure of a run is logged at once, then once a minute while it
// lasts, and the recovery once.
func (e *Engine) noteCatchUp(err error, now time.Time) {
	since := e.stall.since.Load()
	switch {
	case err == nil && since != 0:
		e.stall.since.Store(0)
		e.opts.Logger.Info("search: catching up again", "failed_for", now.Sub(time.Unix(0, since)).Round(time.Second))
	case err == nil:
	case since == 0:
		e.stall.since.Store(now.UnixNano())
		e.stall.logged = now
		e.opts.Logger.Error("search: catch up", "err", err)
	case now.Sub(e.stall.logged) >= stallLogEvery:
		e.stall.logged = now
		e.opts.Logger.Error("search: catch up still failing: new reports are neither searchable nor matched, no match SMS goes out",
			"since", time.Unix(0, since).UTC().Format(time.RFC3339), "err", err)
	}
}

// StalledSince is when this node's catch-ups began failing in a row, the
// zero time while they succeed (the console and tuys_matching_stalled_seconds
// show it).
func (e *Engine) StalledSince() time.Time {
	if since := e.stall.since.Load(); since != 0 {
		return time.Unix(0, since)
	}
	return time.Time{}
}
