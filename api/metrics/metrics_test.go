package metrics

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"

	"tuys/data"
	"tuys/data/datatest"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// value is the sum of name's series whose labels include want.
func value(t *testing.T, m *Metrics, name string, want map[string]string) (float64, bool) {
	t.Helper()
	fams, _ := m.reg.Gather() // an unreadable store is an error here, not a failed test
	var sum float64
	found := false
	for _, f := range fams {
		if f.GetName() != name {
			continue
		}
		for _, s := range f.GetMetric() {
			if !hasLabels(s, want) {
				continue
			}
			found = true
			switch {
			case s.Counter != nil:
				sum += s.Counter.GetValue()
			case s.Gauge != nil:
				sum += s.Gauge.GetValue()
			case s.Histogram != nil:
				sum += float64(s.Histogram.GetSampleCount())
			}
		}
	}
	return sum, found
}

func hasLabels(s *dto.Metric, want map[string]string) bool {
	n := 0
	for _, l := range s.GetLabel() {
		if v, ok := want[l.GetName()]; ok && v == l.GetValue() {
			n++
		}
	}
	return n == len(want)
}

// fill writes a safe report from SMS, a seek report by the API, a match
// in review and an automatic one with two SMS: one sent, one failed 21610.
func fill(t *testing.T, st data.Store) {
	t.Helper()
	ctx := context.Background()
	seek := &data.Report{Kind: data.KindSeek, FullName: "A", ContactPhone: "+77011234567", Channel: data.ChannelAPI}
	safe := &data.Report{Kind: data.KindSafe, FullName: "A", ContactPhone: "+77011234568", Channel: data.ChannelSMS}
	if err := st.CreateReports(ctx, []*data.Report{seek, safe}); err != nil {
		t.Fatal(err)
	}
	st.SaveMatch(ctx, &data.Match{SeekID: "other", SafeID: safe.ID, Score: 0.7, State: data.MatchReview}, nil, nil)
	msgs := []data.Message{{Key: "a", To: seek.ContactPhone, Body: "x"}, {Key: "b", To: safe.ContactPhone, Body: "y"}}
	if _, err := st.SaveMatch(ctx, &data.Match{SeekID: seek.ID, SafeID: safe.ID, Score: 0.97, State: data.MatchAutoConfirmed}, msgs, nil); err != nil {
		t.Fatal(err)
	}
	claimed, _ := st.ClaimMessages(ctx, "w", time.Minute, 2)
	for i, m := range claimed {
		st.MarkSending(ctx, m.ID, "w", data.RecipientCap{})
		m.State, m.ProviderSID = data.MsgSent, "SM"+m.Key
		if i == 1 {
			m.State, m.ErrorCode = data.MsgFailed, 21610
		}
		if err := st.FinishMessage(ctx, &m); err != nil {
			t.Fatal(err)
		}
	}
}

func TestStoreFigures(t *testing.T) {
	st := datatest.SQLite(t)
	fill(t, st)
	head, _ := st.LastEventSeq(context.Background())
	m := New(Options{Store: st, HourlyBudget: 1, IndexedSeq: func() (int64, error) { return head - 1, nil }, Version: "v9.9.9", Log: quiet})
	for _, c := range []struct {
		name   string
		labels map[string]string
		want   float64
	}{
		{"tuys_reports_total", map[string]string{"kind": "seek", "channel": "api"}, 1},
		{"tuys_reports_total", map[string]string{"kind": "safe", "channel": "sms"}, 1},
		{"tuys_matches_total", map[string]string{"decision": "auto"}, 1},
		{"tuys_matches_total", map[string]string{"decision": "review"}, 1},
		{"tuys_review_queue_matches", nil, 1},
		{"tuys_sms_total", map[string]string{"state": "sent"}, 1},
		{"tuys_sms_total", map[string]string{"state": "failed"}, 1},
		{"tuys_sms_errors_total", map[string]string{"code": "21610"}, 1},
		{"tuys_sms_budget_remaining", nil, 0}, // one sent of a budget of one; never negative
		{"tuys_index_lag_events", nil, 1},
		{"tuys_outbox_oldest_queued_seconds", nil, 0},
		{"tuys_build_info", map[string]string{"version": "v9.9.9"}, 1},
	} {
		if got, ok := value(t, m, c.name, c.labels); !ok || got != c.want {
			t.Errorf("%s%v = %v (present %v), want %v", c.name, c.labels, got, ok, c.want)
		}
	}
	// Series exist from zero, so the first web report or undelivered SMS is a rise rate() sees.
	for name, labels := range map[string]map[string]string{"tuys_reports_total": {"kind": "safe", "channel": "web"},
		"tuys_sms_total": {"state": "undelivered"}} {
		if got, ok := value(t, m, name, labels); !ok || got != 0 {
			t.Errorf("%s%v: %v (present %v), want a zero series", name, labels, got, ok)
		}
	}
	if age, _ := value(t, m, "tuys_review_queue_oldest_seconds", nil); age < 0 || age > 60 {
		t.Errorf("review queue age: %v", age)
	}
}

// The ages grow with time: a stuck outbox and an aging review queue show.
func TestAgesGrow(t *testing.T) {
	st := datatest.SQLite(t)
	st.EnqueueMessages(context.Background(), []data.Message{{Key: "q", To: "+77011234567", Body: "x"}})
	st.SaveMatch(context.Background(), &data.Match{SeekID: "s", SafeID: "f", Score: 0.7, State: data.MatchReview}, nil, nil)
	m := New(Options{Store: st, Log: quiet})
	c := newStoreCollector(m.opts)
	c.now = func() time.Time { return time.Now().Add(2 * time.Hour) }
	m.reg.Unregister(m.store)
	m.reg.MustRegister(c)
	for _, name := range []string{"tuys_outbox_oldest_queued_seconds", "tuys_review_queue_oldest_seconds"} {
		if got, _ := value(t, m, name, nil); got < 7190 || got > 7300 {
			t.Errorf("%s two hours on: %v", name, got)
		}
	}
	if _, ok := value(t, m, "tuys_sms_budget_remaining", nil); ok {
		t.Errorf("a budget shown without TUYS_SMS_HOURLY_BUDGET")
	}
}

type brokenStore struct{}

func (brokenStore) OpsSnapshot(context.Context, time.Time) (data.OpsSnapshot, error) {
	return data.OpsSnapshot{}, errors.New("database is locked")
}

// A store that cannot be read does not take the process's metrics down.
func TestUnreadableStoreKeepsProcessMetrics(t *testing.T) {
	m := New(Options{Store: brokenStore{}, Log: quiet, Version: "v1"})
	w := httptest.NewRecorder()
	m.Handler().ServeHTTP(w, httptest.NewRequest("GET", "/metrics", nil))
	body := w.Body.String()
	if w.Code != 200 || !strings.Contains(body, "go_goroutines") || !strings.Contains(body, "tuys_build_info") ||
		strings.Contains(body, "tuys_reports_total{") {
		t.Fatalf("%d:\n%s", w.Code, body)
	}
}

// Labels stay closed sets: no raw path, no invented method.
func TestRequestLabels(t *testing.T) {
	m := New(Options{Store: brokenStore{}, Log: quiet})
	m.ObserveRequest("/r/:id", "GET", 200, time.Millisecond)
	m.ObserveRequest("", "BREW", 404, time.Millisecond)
	m.ObserveMatch(3 * time.Millisecond)
	for _, c := range []map[string]string{{"route": "/r/:id", "method": "GET", "status": "200"},
		{"route": "unmatched", "method": "other", "status": "404"}} {
		if n, _ := value(t, m, "tuys_http_request_duration_seconds", c); n != 1 {
			t.Errorf("requests %v: %v", c, n)
		}
	}
	if n, _ := value(t, m, "tuys_match_seconds", nil); n != 1 {
		t.Errorf("match observations: %v", n)
	}
}

// A node whose catch-ups fail says for how long, even when the store it
// cannot read also fails the scrape's snapshot; 0 while they succeed.
func TestMatchingStalledSeconds(t *testing.T) {
	var since time.Time
	m := New(Options{Store: brokenStore{}, Log: quiet, StalledSince: func() time.Time { return since }})
	if got, ok := value(t, m, "tuys_matching_stalled_seconds", nil); !ok || got != 0 {
		t.Errorf("catching up: %v %v, want 0", got, ok)
	}
	since = time.Now().Add(-90 * time.Second)
	if got, _ := value(t, m, "tuys_matching_stalled_seconds", nil); got < 89 || got > 120 {
		t.Errorf("failing for 90 s: %v", got)
	}
}
