package data

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"time"
)

// maxGroup bounds how many reports share one transaction.
const maxGroup = 256

// groupCommit batches concurrent CreateReport calls into one transaction.
// A commit costs one fsync (SQLite synchronous=FULL, PostgreSQL WAL flush)
// whatever its size, so N callers waiting together pay for one instead of
// N. Durability is unchanged: every caller returns only after the
// transaction holding its report has committed.
type groupCommit struct {
	s     *sqlStore
	reqs  chan *createReq
	stop  chan struct{}
	done  chan struct{}
	close sync.Once
}

type createReq struct {
	ctx context.Context
	r   *Report
	err chan error
}

var errStoreClosed = errors.New("store closed")

func newGroupCommit(s *sqlStore) *groupCommit {
	g := &groupCommit{s: s, reqs: make(chan *createReq, maxGroup), stop: make(chan struct{}), done: make(chan struct{})}
	go g.loop()
	return g
}

func (g *groupCommit) submit(ctx context.Context, r *Report) error {
	req := &createReq{ctx: ctx, r: r, err: make(chan error, 1)}
	select {
	case g.reqs <- req:
	case <-g.stop:
		return errStoreClosed
	case <-ctx.Done():
		return ctx.Err()
	}
	// Once queued, wait for the outcome even if ctx ends: the report may be
	// committed, and the caller must not be told otherwise.
	return <-req.err
}

func (g *groupCommit) loop() {
	defer close(g.done)
	for {
		select {
		case <-g.stop:
			g.drain()
			return
		case req := <-g.reqs:
			batch := []*createReq{req}
		more:
			for len(batch) < maxGroup {
				select {
				case req := <-g.reqs:
					batch = append(batch, req)
				default:
					break more
				}
			}
			g.commit(batch)
		}
	}
}

// drain answers requests that raced with Close.
func (g *groupCommit) drain() {
	for {
		select {
		case req := <-g.reqs:
			req.err <- errStoreClosed
		default:
			return
		}
	}
}

// commit stores the batch in one transaction; if that fails, each request
// is retried alone so one bad report cannot fail its neighbours.
func (g *groupCommit) commit(batch []*createReq) {
	live := batch[:0]
	for _, req := range batch {
		if err := req.ctx.Err(); err != nil {
			req.err <- err
			continue
		}
		live = append(live, req)
	}
	if len(live) == 0 {
		return
	}
	rs := make([]*Report, len(live))
	for i, req := range live {
		rs[i] = req.r
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := g.s.inTx(ctx, "store reports", func(tx *sql.Tx) error { return g.s.insertReports(ctx, tx, rs) })
	if err == nil || len(live) == 1 {
		for _, req := range live {
			req.err <- err
		}
		return
	}
	for _, req := range live {
		req.err <- g.s.CreateReports(req.ctx, []*Report{req.r})
	}
}

func (g *groupCommit) shutdown() {
	g.close.Do(func() {
		close(g.stop)
		<-g.done
	})
}
