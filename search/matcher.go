package search

import (
	"context"
	"encoding/json"
	"fmt"

	"tuys/data"
)

// matchLimit is how many candidates a new report is judged against.
const matchLimit = 10

// judge finishes the ranked candidates of a new active report r (first
// seen at seq) against the reports of the other kind that came before it.
// A new safe report may be auto-matched to several seekers, provided that,
// from each seeker's side, it is clearly the best safe report.
func (e *Engine) judge(ctx context.Context, r *data.Report, seq int64, res []Result) ([]Result, error) {
	if r.Kind != data.KindSafe {
		return res, nil
	}
	e.decideEach(res)
	for i := range res {
		if res[i].Decision != "auto" {
			continue
		}
		ok, err := e.clearFromSeeker(ctx, r, res[i], seq)
		if err != nil {
			return nil, err
		}
		if !ok {
			res[i].Decision = "review"
		}
	}
	return res, nil
}

// decideEach labels every result on its own score (no margin between
// candidates): used when the candidates are seekers.
func (e *Engine) decideEach(res []Result) {
	th := e.opts.Thresholds
	for i := range res {
		switch {
		case res[i].Score >= th.Auto && corroborated(res[i]):
			res[i].Decision = "auto"
		case res[i].Score >= th.Review:
			res[i].Decision = "review"
		default:
			res[i].Decision = ""
		}
	}
}

// clearFromSeeker ranks, from the seeker's point of view, the safe reports
// up to seq and checks that the new safe report is the best with a margin
// (the same rule as when the seek report arrives after the safe one).
func (e *Engine) clearFromSeeker(ctx context.Context, safe *data.Report, seek Result, seq int64) (bool, error) {
	if seek.Report == nil {
		return false, nil
	}
	back, err := e.rank(ctx, PersonFromReport(seek.Report), data.KindSafe, seq+1, 2)
	if err != nil {
		return false, err
	}
	return len(back) > 0 && back[0].ReportID == safe.ID && back[0].Decision == "auto", nil
}

// writes builds the matches of r; phone agreement, which the index does
// not hold, is checked on the store's copies (byID: the batch's candidates,
// read together). known is what the batch's earlier matches told and counted.
func (e *Engine) writes(ctx context.Context, r *data.Report, res []Result, byID map[string]*data.Report, known *batchKnown) ([]data.MatchWrite, error) {
	var ws []data.MatchWrite
	for i := range res {
		if res[i].Decision == "" {
			break
		}
		other := byID[res[i].ReportID]
		if other == nil || other.Status != data.StatusActive {
			continue // changed since it was indexed; the update event will reindex it
		}
		w, err := e.matchWrite(ctx, r, other, &res[i], known)
		if err != nil {
			return nil, err
		}
		ws = append(ws, w)
	}
	return ws, nil
}

// matchWrite builds the match of r and other, and for an automatic one the
// messages and consent requests the composer writes.
func (e *Engine) matchWrite(ctx context.Context, r, other *data.Report, res *Result, known *batchKnown) (data.MatchWrite, error) {
	// Phone agreement is for volunteers (the reason) and the decision, never
	// the score: the public reads scores, and a score that moved with a
	// guessed number would confirm the guess.
	if r.ContactPhone != "" && r.ContactPhone == other.ContactPhone {
		res.Explanation = append(res.Explanation, Reason{Field: FieldPhone, Text: "same contact phone", Effect: 0.1})
	}
	seek, safe := r, other
	if r.Kind == data.KindSafe {
		seek, safe = other, r
	}
	switch {
	case data.Verified(seek, safe):
		// Sent by SMS from the number the seeker gave: the same person even
		// when the names are spelled apart, so a review becomes automatic.
		res.Explanation = append(res.Explanation, Reason{Field: FieldVerified, Text: "reported from the number the seeker gave", Effect: 0.1})
		res.Decision = "auto"
	case data.KnowsNumber(seek, safe):
		// Typed, not proven: a hint for the volunteer who reviews it, and
		// no change to the decision (the state is public).
		res.Explanation = append(res.Explanation, Reason{Field: FieldKnownNumber, Text: "the seeker gave this number as the person's own (typed, not proven)"})
	}
	if res.Decision == "auto" && !data.Verified(seek, safe) {
		busy, err := e.busyNetwork(ctx, seek, safe, known)
		if err != nil {
			return data.MatchWrite{}, err
		}
		if busy {
			res.Explanation = append(res.Explanation, Reason{Field: FieldBusyNetwork, Text: "a network already in three automatic matches today"})
			res.Decision = "review"
		}
	}
	why, _ := json.Marshal(res.Explanation)
	m := &data.Match{ID: data.PairID(seek.ID, safe.ID), SeekID: seek.ID, SafeID: safe.ID, Score: res.Score, Explanation: string(why), State: data.MatchReview, DecidedBy: "engine"}
	w := data.MatchWrite{Match: m}
	if res.Decision == "auto" {
		m.State = data.MatchAutoConfirmed
		if err := e.toldBefore(ctx, m, seek, known.told); err != nil {
			return w, err
		}
		if e.opts.Composer != nil {
			var err error
			if w.Messages, w.Consents, err = e.opts.Composer(ctx, *m, seek, safe); err != nil {
				if ctx.Err() != nil {
					return w, fmt.Errorf("match %s/%s: compose: %w", seek.ID, safe.ID, err)
				}
				// One pair whose SMS cannot be written must not stop the
				// matching of every report after it, as it did (a text
				// too long for two segments, an attacker's trial,
				// 2026-12-07): a volunteer gets the pair instead.
				e.opts.Logger.Error("search: the match's SMS cannot be composed; it goes to review", "match", m.ID, "err", err)
				m.State, res.Decision = data.MatchReview, "review"
				w.Messages, w.Consents = nil, nil
			}
		}
	}
	return w, nil
}

// Search ranks active reports for a volunteer's query (public fields only
// in the results' Report).
func (e *Engine) Search(ctx context.Context, q Query) ([]Result, error) {
	if q.Limit <= 0 {
		q.Limit = 20
	}
	p := PersonFromReport(&data.Report{FullName: q.Name, BirthYear: q.BirthYear, City: q.City, Sex: q.Sex})
	res, err := e.rank(ctx, p, q.Kind, 0, q.Limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Name, err)
	}
	if best(res) >= e.opts.Thresholds.Review {
		return res, nil
	}
	if name, ok := onRussianKeys(q.Name); ok { // typed on the Latin layout (layout.go)
		p = PersonFromReport(&data.Report{FullName: name, BirthYear: q.BirthYear, City: q.City, Sex: q.Sex})
		again, err := e.rank(ctx, p, q.Kind, 0, q.Limit)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", name, err)
		}
		if best(again) >= e.opts.Thresholds.Review && best(again) > best(res) {
			return again, nil
		}
	}
	return res, nil
}

// best is the first result's score, 0 without results.
func best(res []Result) float64 {
	if len(res) == 0 {
		return 0
	}
	return res[0].Score
}

// reindexPage is how many reports Reindex reads at a time.
const reindexPage = 2000

// Reindex rebuilds the index from scratch from the store's reports. Events
// after the snapshot are applied by the next CatchUp (matching is
// idempotent, so replaying them is harmless).
func (e *Engine) Reindex(ctx context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	last, err := e.store.LastEventSeq(ctx)
	if err != nil {
		return fmt.Errorf("reindex: last seq: %w", err)
	}
	if err := e.ix.reset(); err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	after := ""
	for {
		rs, err := e.store.ScanReports(ctx, after, reindexPage)
		if err != nil {
			return fmt.Errorf("reindex: scan after %q: %w", after, err)
		}
		if len(rs) == 0 {
			break
		}
		b := e.ix.NewBatch()
		for _, r := range rs {
			if err := b.Put(r, 0); err != nil {
				return err
			}
		}
		if err := e.ix.Commit(ctx, b, 0); err != nil {
			return err
		}
		after = rs[len(rs)-1].ID
	}
	if err := e.ix.Commit(ctx, e.ix.NewBatch(), last); err != nil {
		return err
	}
	return e.ix.compact(ctx)
}

// toldBefore sets what the parties of m already heard: its seeker, of
// another confirmed match (SeekerKnows); its found person, asked about
// the same seeker's phone through another (AskedBefore); each from the
// store or from this batch's earlier matches (told, which it extends).
func (e *Engine) toldBefore(ctx context.Context, m *data.Match, seek *data.Report, told map[string]bool) error {
	knows, err := data.SeekerHeard(ctx, e.store, *m)
	if err != nil {
		return fmt.Errorf("match %s: earlier matches: %w", m.ID, err)
	}
	asked, err := data.AskedBefore(ctx, e.store, *m, seek)
	if err != nil {
		return fmt.Errorf("match %s: %w", m.ID, err)
	}
	askedKey := m.SafeID + "\x00" + data.SeekerKey(seek) // never a report id, the other keys
	m.SeekerKnows = knows || told[m.SeekID]
	m.AskedBefore = seek.ContactPhone != "" && (asked || told[askedKey])
	told[m.SeekID], told[askedKey] = true, true
	return nil
}
