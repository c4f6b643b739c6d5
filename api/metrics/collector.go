package metrics

import (
	"context"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"tuys/data"
)

var (
	descReports = prometheus.NewDesc("tuys_reports_total", "Reports filed, by kind and channel (whole service, from the store).",
		[]string{"kind", "channel"}, nil)
	descMatches = prometheus.NewDesc("tuys_matches_total",
		"Matches found, by the matcher's decision: auto (confirmed at once) or review (sent to volunteers).", []string{"decision"}, nil)
	descReview = prometheus.NewDesc("tuys_review_queue_matches", "Matches waiting for a volunteer's decision now.", nil, nil)
	descSMS    = prometheus.NewDesc("tuys_sms_total",
		"SMS by the state they are in now; queued and sending drain, the final states (delivered, undelivered, failed, suppressed) only grow.",
		[]string{"state"}, nil)
	descSMSErrors = prometheus.NewDesc("tuys_sms_errors_total", "SMS that ended with a provider error, by Twilio's error code.",
		[]string{"code"}, nil)
	descOutboxAge = prometheus.NewDesc("tuys_outbox_oldest_queued_seconds",
		"Age of the oldest SMS not yet handed to the provider (queued or sending); 0 when none waits.", nil, nil)
	descReviewAge = prometheus.NewDesc("tuys_review_queue_oldest_seconds",
		"Age of the oldest match waiting for a volunteer; 0 when none waits.", nil, nil)
	descBudget = prometheus.NewDesc("tuys_sms_budget_remaining",
		"SMS the service may still send in the current hour (TUYS_SMS_HOURLY_BUDGET minus the last hour's sends).", nil, nil)
	descLag = prometheus.NewDesc("tuys_index_lag_events", "Events in the store's log this node's search index does not hold yet.",
		nil, nil)
	descStalled = prometheus.NewDesc("tuys_matching_stalled_seconds",
		"How long this node's catch-ups with the log have failed in a row (new reports neither searchable nor matched); 0 while they succeed.",
		nil, nil)
)

// storeCollector reads the store's snapshot at each scrape.
type storeCollector struct {
	o   Options
	now func() time.Time
}

func newStoreCollector(o Options) *storeCollector { return &storeCollector{o: o, now: time.Now} }

func (c *storeCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descReports, descMatches, descReview, descSMS, descSMSErrors, descOutboxAge,
		descReviewAge, descBudget, descLag, descStalled} {
		ch <- d
	}
}

func (c *storeCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	now := c.now()
	if c.o.StalledSince != nil { // this node's own: shown even when the store does not answer
		ch <- prometheus.MustNewConstMetric(descStalled, prometheus.GaugeValue, age(now, c.o.StalledSince()))
	}
	snap, err := c.o.Store.OpsSnapshot(ctx, now.Add(-time.Hour))
	if err != nil {
		ch <- prometheus.NewInvalidMetric(descReports, err)
		return
	}
	for k, n := range reportsFromZero(snap.Reports) {
		ch <- prometheus.MustNewConstMetric(descReports, prometheus.CounterValue, float64(n), k.Kind, k.Channel)
	}
	decisions := map[string]int{"auto": 0, "review": 0}
	for state, n := range snap.Matches {
		decisions[matcherDecision(state)] += n
	}
	for d, n := range decisions {
		ch <- prometheus.MustNewConstMetric(descMatches, prometheus.CounterValue, float64(n), d)
	}
	ch <- prometheus.MustNewConstMetric(descReview, prometheus.GaugeValue, float64(snap.Matches[data.MatchReview]))
	for state, n := range smsFromZero(snap.Messages) {
		ch <- prometheus.MustNewConstMetric(descSMS, prometheus.GaugeValue, float64(n), state)
	}
	for code, n := range snap.MessageErrors {
		ch <- prometheus.MustNewConstMetric(descSMSErrors, prometheus.CounterValue, float64(n), strconv.Itoa(code))
	}
	ch <- prometheus.MustNewConstMetric(descOutboxAge, prometheus.GaugeValue, age(now, snap.OldestUnsent))
	ch <- prometheus.MustNewConstMetric(descReviewAge, prometheus.GaugeValue, age(now, snap.OldestReview))
	if c.o.HourlyBudget > 0 {
		ch <- prometheus.MustNewConstMetric(descBudget, prometheus.GaugeValue, float64(max(0, c.o.HourlyBudget-snap.SentSince)))
	}
	c.collectLag(ch, snap.LastEventSeq)
}

// reportsFromZero and smsFromZero show every kind, channel and state from
// zero: rate() and delta() need a sample from before the first report or
// failure to count it.
func reportsFromZero(counts map[data.KindChannel]int) map[data.KindChannel]int {
	out := map[data.KindChannel]int{}
	for _, kind := range []data.Kind{data.KindSeek, data.KindSafe} {
		for _, channel := range data.Channels {
			out[data.KindChannel{Kind: string(kind), Channel: channel}] = 0
		}
	}
	for k, n := range counts {
		out[k] = n
	}
	return out
}

func smsFromZero(counts map[string]int) map[string]int {
	out := map[string]int{}
	for _, state := range data.MessageStates {
		out[state] = 0
	}
	for state, n := range counts {
		out[state] = n
	}
	return out
}

// collectLag compares the log's head with this node's index.
func (c *storeCollector) collectLag(ch chan<- prometheus.Metric, head int64) {
	if c.o.IndexedSeq == nil {
		return
	}
	seq, err := c.o.IndexedSeq()
	if err != nil {
		ch <- prometheus.NewInvalidMetric(descLag, err)
		return
	}
	ch <- prometheus.MustNewConstMetric(descLag, prometheus.GaugeValue, float64(max(0, head-seq)))
}

// matcherDecision is how the matcher decided a match in this state: a
// volunteer's later decision does not move it out of "review", so the
// counter only grows.
func matcherDecision(state string) string {
	if state == data.MatchAutoConfirmed {
		return "auto"
	}
	return "review"
}

func age(now, since time.Time) float64 {
	if since.IsZero() {
		return 0
	}
	return max(0, now.Sub(since).Seconds())
}
