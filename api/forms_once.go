package api

import (
	"sync"
	"time"

	"tuys/data"
)

// submitted remembers, for a few minutes, which report each rendered form
// produced. On a bad connection people press "send" again, or the browser
// retries the POST after a timeout: the repeat lands on the same
// confirmation instead of filing a second report. Memory only: across
// nodes or a restart a repeat files a duplicate, which volunteers can link.
//
// The confirmation shows the report's secrets (deletion code, private
// page), so a form is remembered for the browser that sent it (its CSRF
// cookie), not for whoever knows the form's id: a page elsewhere could
// plant its own form id in the victim's form and then replay it (attacker
// trial, 2026-12-06).
type submitted struct {
	mu   sync.Mutex
	ttl  time.Duration
	seen map[string]filedForm
}

type filedForm struct {
	reportID, code string
	at             time.Time
}

const maxRemembered = 50000 // bounds memory under a flood of distinct form ids

func newSubmitted() *submitted {
	return &submitted{ttl: 10 * time.Minute, seen: map[string]filedForm{}}
}

// newFormID names one rendering of a form.
func newFormID() string { return data.NewCode(12) }

func (s *submitted) get(formID, browser string, now time.Time) (filedForm, bool) {
	if len(formID) != 24 || browser == "" {
		return filedForm{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.seen[formID+" "+browser]
	if !ok || now.Sub(f.at) > s.ttl {
		return filedForm{}, false
	}
	return f, true
}

func (s *submitted) put(formID, browser, reportID, code string, now time.Time) {
	if len(formID) != 24 || browser == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.seen) >= maxRemembered {
		for k, f := range s.seen {
			if now.Sub(f.at) > s.ttl || len(s.seen) >= maxRemembered {
				delete(s.seen, k)
			}
		}
	}
	s.seen[formID+" "+browser] = filedForm{reportID: reportID, code: code, at: now}
}
