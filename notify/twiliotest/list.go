package twiliotest

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"time"
)

// Paging as the API reference has it: 50 a page unless PageSize says
// otherwise, at most 1000.
const (
	defaultPageSize = 50
	maxPageSize     = 1000
)

func (s *Server) fetch(w http.ResponseWriter, sid string) {
	for _, m := range s.Messages() {
		if m.SID == sid {
			writeJSON(w, http.StatusOK, toJSON(m))
			return
		}
	}
	writeError(w, http.StatusNotFound, 20404, "The requested resource /2010-04-01/Accounts/"+s.AccountSID+"/Messages/"+sid+".json was not found")
}

func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	filter, err := newDateFilter(q)
	if err != nil {
		writeError(w, http.StatusBadRequest, 20001, err.Error())
		return
	}
	var hits []Message
	for _, m := range s.Messages() {
		if (q.Get("To") == "" || m.To == q.Get("To")) && (q.Get("From") == "" || m.From == q.Get("From")) && filter.keep(m) {
			hits = append(hits, m)
		}
	}
	sortNewestSentFirst(hits)
	size, page := pageParams(q)
	start := min(page*size, len(hits))
	end := min(start+size, len(hits))
	out := make([]map[string]any, 0, end-start)
	for _, m := range hits[start:end] {
		out = append(out, toJSON(m))
	}
	var next, prev any
	if end < len(hits) {
		next = pageURI(r.URL, q, size, page+1)
	}
	if page > 0 {
		prev = pageURI(r.URL, q, size, page-1)
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"messages": out, "page": page, "page_size": size, "start": start, "end": max(end-1, start),
		"uri": r.URL.RequestURI(), "first_page_uri": pageURI(r.URL, q, size, 0),
		"next_page_uri": next, "previous_page_uri": prev,
	})
}

// sortNewestSentFirst orders a list newest date_sent first. Where messages
// not yet sent (date_sent null) fall is not documented; the fake puts them
// last, the place that hides them best from a reader of the first page.
func sortNewestSentFirst(msgs []Message) {
	sort.SliceStable(msgs, func(i, j int) bool {
		a, b := msgs[i], msgs[j]
		if a.DateSent.IsZero() != b.DateSent.IsZero() {
			return b.DateSent.IsZero()
		}
		if !a.DateSent.Equal(b.DateSent) {
			return a.DateSent.After(b.DateSent)
		}
		return a.DateCreated.After(b.DateCreated)
	})
}

func pageParams(q url.Values) (size, page int) {
	size = defaultPageSize
	if n, err := strconv.Atoi(q.Get("PageSize")); err == nil && n > 0 {
		size = min(n, maxPageSize)
	}
	if n, err := strconv.Atoi(q.Get("Page")); err == nil && n > 0 {
		page = n
	}
	return size, page
}

func pageURI(u *url.URL, q url.Values, size, page int) string {
	next := url.Values{}
	for k, v := range q {
		next[k] = v
	}
	next.Set("PageSize", strconv.Itoa(size))
	next.Set("Page", strconv.Itoa(page))
	return u.Path + "?" + next.Encode()
}

// dateFilter is DateSent, DateSent< and DateSent>: GMT days, compared with
// the day of date_sent. A message not sent yet has no date_sent and so
// matches none of them.
type dateFilter struct {
	on, before, after time.Time
}

func newDateFilter(q url.Values) (dateFilter, error) {
	var f dateFilter
	for key, dst := range map[string]*time.Time{"DateSent": &f.on, "DateSent<": &f.before, "DateSent>": &f.after} {
		v := q.Get(key)
		if v == "" {
			continue
		}
		d, err := parseDay(v)
		if err != nil {
			return f, fmt.Errorf("invalid %s %q", key, v)
		}
		*dst = d
	}
	return f, nil
}

func (f dateFilter) keep(m Message) bool {
	if f.on.IsZero() && f.before.IsZero() && f.after.IsZero() {
		return true
	}
	if m.DateSent.IsZero() {
		return false
	}
	day := m.DateSent.UTC().Truncate(24 * time.Hour)
	return (f.on.IsZero() || day.Equal(f.on)) &&
		(f.before.IsZero() || !day.After(f.before)) &&
		(f.after.IsZero() || !day.Before(f.after))
}

// parseDay reads YYYY-MM-DD, or a full RFC 3339 time (twilio-go sends
// one), of which only the GMT day counts.
func parseDay(v string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", time.RFC3339} {
		if t, err := time.Parse(layout, v); err == nil {
			return t.UTC().Truncate(24 * time.Hour), nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date: %q", v)
}

func toJSON(m Message) map[string]any {
	updated := m.DateCreated
	if m.DateSent.After(updated) {
		updated = m.DateSent
	}
	return map[string]any{
		"sid": m.SID, "account_sid": m.AccountSID, "to": m.To, "from": nullable(m.From),
		"messaging_service_sid": nullable(m.MessagingServiceSID), "body": m.Body, "status": m.Status,
		"num_segments": strconv.Itoa(m.NumSegments), "num_media": "0", "direction": "outbound-api",
		"api_version": "2010-04-01", "price": nil, "price_unit": "USD",
		"error_code": nullable(m.ErrorCode), "error_message": nullable(m.ErrorMessage),
		"date_created": rfc2822(m.DateCreated), "date_updated": rfc2822(updated), "date_sent": rfc2822(m.DateSent),
		"uri": "/2010-04-01/Accounts/" + m.AccountSID + "/Messages/" + m.SID + ".json",
	}
}

// nullable is JSON null for the zero value, as Twilio shows absent fields.
func nullable[T comparable](v T) any {
	var zero T
	if v == zero {
		return nil
	}
	return v
}

func rfc2822(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(time.RFC1123Z)
}
