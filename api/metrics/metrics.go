// Package metrics is what Prometheus scrapes from a tuys node at /metrics.
//
// Two kinds of figures: those every node must agree on (reports, matches,
// SMS, the oldest waiting SMS and review match, the SMS budget) are read
// from the store at scrape time (collector.go), so a cluster's nodes report
// the same numbers and a restart loses nothing; those that belong to one
// process (request durations, matching time, index lag, Go and process
// statistics) are observed here. No label carries public data: routes are
// gin's patterns (/r/:id, never the id), and the other labels are closed
// sets (kinds, channels, states, provider error codes).
package metrics

import (
	"context"
	"log/slog"
	"net/http"
	"runtime"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"tuys/data"
)

// Source is the store's side: one snapshot per scrape.
type Source interface {
	OpsSnapshot(ctx context.Context, since time.Time) (data.OpsSnapshot, error)
}

// Options are what a node knows about itself.
type Options struct {
	Store        Source
	HourlyBudget int                   // TUYS_SMS_HOURLY_BUDGET; 0: no budget, no tuys_sms_budget_remaining
	IndexedSeq   func() (int64, error) // the last event this node's index holds; nil: no tuys_index_lag_events
	StalledSince func() time.Time      // since when this node's catch-ups fail (zero: they succeed); nil: no tuys_matching_stalled_seconds
	Version      string                // tuys_build_info
	Log          *slog.Logger
}

// Metrics holds one node's registry.
type Metrics struct {
	opts     Options
	store    *storeCollector
	reg      *prometheus.Registry
	requests *prometheus.HistogramVec
	match    prometheus.Histogram
	log      *slog.Logger
}

// New registers tuys's metrics and the Go and process collectors.
func New(o Options) *Metrics {
	if o.Log == nil {
		o.Log = slog.Default()
	}
	m := &Metrics{opts: o, store: newStoreCollector(o), reg: prometheus.NewRegistry(), log: o.Log,
		requests: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "tuys_http_request_duration_seconds",
			Help:    "Time to answer an HTTP request, by route pattern, method and status.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route", "method", "status"}),
		match: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "tuys_match_seconds",
			Help:    "Time this node took to match one new report against the other kind.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1},
		}),
	}
	build := prometheus.NewGauge(prometheus.GaugeOpts{Name: "tuys_build_info", Help: "Always 1; the labels say which build runs.",
		ConstLabels: prometheus.Labels{"version": o.Version, "goversion": runtime.Version()}})
	build.Set(1)
	m.reg.MustRegister(m.requests, m.match, build, m.store,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the registry. A store that cannot be read fails only its
// own metrics: the process's are still served.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{ErrorHandling: promhttp.ContinueOnError,
		ErrorLog: slogAdapter{m.log}, Timeout: 10 * time.Second})
}

// ObserveRequest records one answered request. route is gin's pattern
// ("" for no route), never the raw path.
func (m *Metrics) ObserveRequest(route, method string, status int, took time.Duration) {
	if route == "" {
		route = "unmatched"
	}
	m.requests.WithLabelValues(route, knownMethod(method), strconv.Itoa(status)).Observe(took.Seconds())
}

// ObserveMatch records the time one report took to match (search.Options.OnMatched).
func (m *Metrics) ObserveMatch(took time.Duration) { m.match.Observe(took.Seconds()) }

// knownMethod keeps the method label a closed set: a client can send any token.
func knownMethod(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete, http.MethodOptions:
		return m
	}
	return "other"
}

// slogAdapter gives promhttp's error log to slog.
type slogAdapter struct{ log *slog.Logger }

func (a slogAdapter) Println(v ...any) { a.log.Warn("metrics", "err", v) }
