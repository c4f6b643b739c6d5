package api

import (
	"context"
	"errors"
	"time"

	"tuys/data"
)

// outcome is the news r has: a "looking for" report is found when marked
// so, reported_safe once a match with an "I am safe" report is confirmed
// (by the engine or a volunteer); an "I am safe" report is found once a
// confirmed match told someone looking for them. The date is when it
// happened. Details (who, which number) are for the author's private page.
func (s *Server) outcome(ctx context.Context, r *data.Report) (data.Outcome, time.Time, error) {
	if r.Kind == data.KindSeek && r.Status == data.StatusFound {
		return data.OutcomeFound, r.UpdatedAt, nil
	}
	ms, err := s.store.MatchesForReport(ctx, r.ID)
	if err != nil {
		return data.OutcomeNone, time.Time{}, err
	}
	var first time.Time
	for _, m := range ms {
		if !m.Confirmed() || !first.IsZero() && !m.UpdatedAt.Before(first) {
			continue
		}
		gone, err := s.otherSideGone(ctx, r, m)
		if err != nil {
			return data.OutcomeNone, time.Time{}, err
		}
		if !gone {
			first = m.UpdatedAt
		}
	}
	switch {
	case first.IsZero():
		return data.OutcomeNone, time.Time{}, nil
	case r.Kind == data.KindSeek:
		return data.OutcomeReportedSafe, first, nil
	}
	return data.OutcomeFound, first, nil
}

// otherSideGone reports whether the other report of m was removed: its
// author took the match's news along (someone hiding who deleted their
// "safe" report was still announced as reported safe: an attacker's
// trial, 2026-12-07).
func (s *Server) otherSideGone(ctx context.Context, r *data.Report, m data.Match) (bool, error) {
	other := m.SafeID
	if r.Kind == data.KindSafe {
		other = m.SeekID
	}
	o, err := s.store.GetReport(ctx, other)
	if errors.Is(err, data.ErrNotFound) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	return o.Status == data.StatusRemoved, nil
}

// withOutcome is r's public view with its outcome; a store error leaves
// the outcome out (the record itself is still worth showing).
func (s *Server) withOutcome(ctx context.Context, r *data.Report) PublicReport {
	return s.addOutcome(ctx, r, publicView(r))
}

// addOutcome is withOutcome for a view already made (a search hit's).
func (s *Server) addOutcome(ctx context.Context, r *data.Report, v PublicReport) PublicReport {
	if r.Status == data.StatusRemoved {
		return v
	}
	o, at, err := s.outcome(ctx, r)
	if err != nil {
		s.log.WarnContext(ctx, "outcome", "id", r.ID, "err", err)
		return v
	}
	v.Outcome = o
	if !at.IsZero() {
		v.OutcomeAt = &at
	}
	return v
}

// possibleMatches are the reports of the other kind that already look like
// r (what the engine would show a volunteer), for the answer right after
// filing: the matcher decides a moment later, but the family should not
// read "nothing yet" when a safe report is already there.
func (s *Server) possibleMatches(ctx context.Context, r *data.Report) []Hit {
	if !s.cfg.PublicSearch {
		return nil // the public search is off: no answer may stand in for it
	}
	other := data.KindSafe
	if r.Kind == data.KindSafe {
		other = data.KindSeek
	}
	hits, err := s.searchReports(ctx, SearchQuery{Name: r.FullName, Kind: other, BirthYear: r.BirthYear, City: r.City, Limit: 5})
	if err != nil {
		s.log.WarnContext(ctx, "possible matches", "id", r.ID, "err", err)
		return nil
	}
	out := hits[:0]
	for _, h := range hits {
		if h.Decision != "" && h.Report.ID != r.ID {
			out = append(out, h)
		}
	}
	return out
}

// newsLine is what a page says after the kind of report: the outcome with
// its date when there is news, else the status when it is not the usual
// one ("looking for · active" said the same thing twice), else "no news yet".
func (s *Server) newsLine(lang string, r *data.Report, v PublicReport) string {
	if v.Outcome != "" && v.Outcome != data.OutcomeNone && v.OutcomeAt != nil {
		return T(lang, "outcome."+string(r.Kind)+"."+string(v.Outcome), s.day(lang, *v.OutcomeAt))
	}
	if r.Status != data.StatusActive {
		return T(lang, "status."+string(r.Kind)+"."+r.Status)
	}
	return T(lang, "outcome.none")
}
