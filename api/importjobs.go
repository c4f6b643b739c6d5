package api

import (
	"context"
	"sync"
	"time"

	"tuys/data"
	"tuys/exchange"
)

// importJob is one list a coordinator uploaded in the console: checked
// (preview), then, once confirmed, filed in the background while the
// progress page polls it. Jobs live in this node's memory: behind a load
// balancer the console needs sticky sessions to follow one.
type importJob struct {
	ID, Owner, FileName string
	Opts                exchange.Options
	Created             time.Time
	Preview             *exchange.Summary

	mu       sync.Mutex
	table    *exchange.Table // dropped once filed
	started  time.Time
	done     int
	total    int
	finished bool
	ended    time.Time
	result   *exchange.Summary
	err      error
}

// importProgress is a consistent copy of a job's state for a page.
type importProgress struct {
	Started, Finished bool
	Done, Total       int
	RowsPerSec        float64
	ETA               time.Duration
	Result            *exchange.Summary
	Failed            bool
}

func (j *importJob) progress(now time.Time) importProgress {
	j.mu.Lock()
	defer j.mu.Unlock()
	p := importProgress{Started: !j.started.IsZero(), Finished: j.finished, Done: j.done, Total: j.total,
		Result: j.result, Failed: j.err != nil}
	if j.finished {
		now = j.ended
	}
	if secs := now.Sub(j.started).Seconds(); p.Started && secs > 0 {
		p.RowsPerSec = float64(j.done) / secs
		if p.RowsPerSec > 0 {
			p.ETA = time.Duration(float64(j.total-j.done)/p.RowsPerSec) * time.Second
		}
	}
	return p
}

// start marks the job started; false when it was already (a second click).
func (j *importJob) start(now time.Time) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	if !j.started.IsZero() {
		return false
	}
	j.started, j.total = now, j.Preview.Rows
	return true
}

// run files the list; it outlives the request that confirmed it.
func (j *importJob) run(ctx context.Context, s *Server, is data.ImportStore) {
	opts := j.Opts
	opts.DryRun = false
	opts.Progress = func(done, total int) {
		j.mu.Lock()
		j.done, j.total = done, total
		j.mu.Unlock()
	}
	sum, err := exchange.ImportTable(ctx, s.intake, is, j.table, opts)
	if err != nil {
		s.log.ErrorContext(ctx, "console import", "job", j.ID, "err", err)
	}
	j.mu.Lock()
	j.finished, j.ended, j.result, j.err, j.table = true, time.Now(), sum, err, nil
	j.mu.Unlock()
}

// importJobs keeps the latest uploads; the oldest goes when a new one comes
// and the store is full, so memory stays bounded (a list is at most
// ImportMaxBytes).
type importJobs struct {
	mu   sync.Mutex
	jobs []*importJob
}

const keptImportJobs = 8

func (r *importJobs) add(j *importJob) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.jobs) >= keptImportJobs {
		r.jobs = r.jobs[1:]
	}
	r.jobs = append(r.jobs, j)
}

// get returns owner's job id (nil for anyone else's).
func (r *importJobs) get(id, owner string) *importJob {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, j := range r.jobs {
		if j.ID == id && j.Owner == owner {
			return j
		}
	}
	return nil
}
