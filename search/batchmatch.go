package search

import (
	"context"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"tuys/data"
)

// A burst of reports (an evacuation list, a shelter's roll call, everyone
// looking for the same few common names) is judged a batch at a time:
// every report of the batch is ranked first, in parallel and against the
// same index (the batch's documents are committed before), reports with
// the same names share one retrieval (a namesake-dense burst has few
// distinct names), and the matches are saved afterwards in sequence order
// in one transaction, so the outcome is the same as judging them one by
// one.

// matchJob is one new report of a batch and what ranking found for it.
type matchJob struct {
	r    *data.Report
	seq  int64
	res  []Result
	took time.Duration
	err  error
}

// matchBatch judges jobs (in sequence order) and saves their matches in
// one transaction, their candidates read from the store together.
func (e *Engine) matchBatch(ctx context.Context, jobs []matchJob) error {
	e.rankJobs(ctx, jobs)
	var ids []string
	seen := map[string]bool{} // namesakes are candidates of many jobs: read each once
	for _, j := range jobs {
		if j.err != nil {
			return fmt.Errorf("match %s: %w", j.r.ID, j.err)
		}
		for _, c := range j.res {
			if c.Decision == "" {
				break
			}
			if !seen[c.ReportID] {
				seen[c.ReportID] = true
				ids = append(ids, c.ReportID)
			}
		}
	}
	byID := map[string]*data.Report{}
	for _, chunk := range slices.Collect(slices.Chunk(ids, eventBatch)) {
		got, err := e.reportsByID(ctx, chunk)
		if err != nil {
			return fmt.Errorf("match: candidates: %w", err)
		}
		maps.Copy(byID, got)
	}
	var ws []data.MatchWrite
	known := newBatchKnown()
	for _, j := range jobs {
		w, err := e.writes(ctx, j.r, j.res, byID, known)
		if err != nil {
			return err
		}
		ws = append(ws, w...)
	}
	if len(ws) > 0 {
		if _, err := e.store.SaveMatches(ctx, ws); err != nil {
			return fmt.Errorf("match: save %d matches: %w", len(ws), err)
		}
	}
	if e.opts.OnMatched != nil {
		for _, j := range jobs {
			e.opts.OnMatched(j.r, j.res, j.took)
		}
	}
	return nil
}

// rankJobs ranks every job, retrieving once per group of the same names, on as many
// goroutines as there are cores.
func (e *Engine) rankJobs(ctx context.Context, jobs []matchJob) {
	groups := map[string][]int{}
	var order []string
	for i := range jobs {
		k := retrievalKey(jobs[i].r)
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	next := make(chan []int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(order)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for g := range next {
				e.rankGroup(ctx, jobs, g)
			}
		}()
	}
	for _, k := range order {
		next <- groups[k]
	}
	close(next)
	wg.Wait()
}

// rankGroup ranks jobs whose names are the same: one retrieval, then
// each job's own scoring and cut (reports before it, not itself).
func (e *Engine) rankGroup(ctx context.Context, jobs []matchJob, group []int) {
	start := time.Now()
	first := jobs[group[0]].r
	q := PersonFromReport(first)
	cands, err := e.candidates(ctx, q, opposite(first.Kind))
	names := namesOf(q, cands) // the same names: their part of the score is the same for every job
	shared := time.Since(start)
	for k, i := range group {
		j := &jobs[i]
		start := time.Now()
		if j.err = err; err == nil {
			q := PersonFromReport(j.r)
			j.res, j.err = e.judge(ctx, j.r, j.seq, e.pick(q, scoreAllNamed(q, cands, names), j.seq, matchLimit))
		}
		j.took = time.Since(start)
		if k == 0 {
			j.took += shared // the one retrieval is the first report's cost; the others reuse it
		}
	}
}

// retrievalKey is what retrieval reads of a report (its kind and names): two
// reports with the same key get the same candidates.
func retrievalKey(r *data.Report) string {
	return strings.Join([]string{string(r.Kind), r.FullName, r.GivenName, r.FamilyName, r.Patronymic, strings.Join(r.AltNames, "\x1f")}, "\x1e")
}

// pick cuts one query's scored candidates (best first) to those first
// seen before seq (0 = all), other than the query itself (q.ID), at most
// limit, explains them and decides. The results are copies: a caller may
// change them.
func (e *Engine) pick(q *Person, all []Result, seq int64, limit int) []Result {
	self := q.ID
	res := make([]Result, 0, min(limit, len(all)))
	var beyond []Result
	for _, r := range all {
		if seq > 0 && r.seq >= seq || r.ReportID == self {
			continue
		}
		if len(res) == limit {
			// past the cut, a candidate still counts as a rival of the
			// best (decide) while it is within the margin
			if len(res) == 0 || r.raw < res[0].raw-e.opts.Thresholds.Margin {
				break
			}
			r.explain(q)
			beyond = append(beyond, r)
			continue
		}
		r.explain(q)
		r.Explanation = worded(r.Explanation)
		res = append(res, r)
	}
	e.decide(res, beyond)
	return res
}
