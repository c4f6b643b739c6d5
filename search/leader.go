package search

import (
	"context"
	"fmt"

	"tuys/data"
)

// On several nodes one node leads matching (Options.Leading); the others
// index only. The store's MatchedThrough mark says how far the log has been
// matched, whoever did it, so a node that becomes leader first matches
// what it indexed while following, then goes on with new events.

func (e *Engine) leading() bool { return e.opts.Leading == nil || e.opts.Leading() }

// matchNew matches the events up to the end of evs that nobody has matched:
// the backlog before evs, then the events of evs after the mark.
func (e *Engine) matchNew(ctx context.Context, evs []data.Event, byID map[string]*data.Report) error {
	done, err := e.matchBacklog(ctx, evs[0].Seq-1)
	if err != nil {
		return err
	}
	fresh := evs
	for len(fresh) > 0 && fresh[0].Seq <= done {
		fresh = fresh[1:]
	}
	return e.match(ctx, fresh, byID)
}

// matchBacklog matches, when this node leads, the events up to through that
// are indexed here but that no node has matched (it followed while they
// arrived, then the leader went away), and returns how far the log is
// matched. A node that has been matching in order since it started knows
// that without asking the store.
func (e *Engine) matchBacklog(ctx context.Context, through int64) (int64, error) {
	if !e.leading() || e.matched > 0 && e.matched >= through {
		return e.matched, nil
	}
	done, err := e.store.MatchedThrough(ctx)
	if err != nil {
		return 0, fmt.Errorf("catch up: %w", err)
	}
	e.overfetch.Store(4)
	defer e.overfetch.Store(0)
	for done < through {
		evs, err := e.store.EventsAfter(ctx, done, eventBatch)
		if err != nil {
			return 0, fmt.Errorf("match backlog after %d: %w", done, err)
		}
		for i, ev := range evs {
			if ev.Seq > through {
				evs = evs[:i]
				break
			}
		}
		if len(evs) == 0 {
			break
		}
		byID, err := e.loadReports(ctx, evs)
		if err != nil {
			return 0, err
		}
		if err := e.match(ctx, evs, byID); err != nil {
			return 0, err
		}
		done = evs[len(evs)-1].Seq
		e.matched = done
		e.publishMatched(ctx, false)
	}
	e.matched = max(e.matched, through)
	return max(done, e.matched), nil
}
