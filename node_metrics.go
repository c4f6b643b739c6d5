package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"tuys/api/metrics"
	"tuys/data"
	"tuys/search"
)

// listenAddrs are serve's listeners: the main port and, when set,
// TUYS_METRICS_ADDR for /metrics and TUYS_PPROF_ADDR for the profiler.
type listenAddrs struct{ main, metrics, pprof string }

// newNodeMetrics: the store's figures at scrape time, this node's index lag,
// how long its catch-ups have failed (stalled: the engine is made after the
// metrics, which it reports to) and the build (tuys_build_info).
func newNodeMetrics(store data.Store, ix *search.Index, stalled func() time.Time, hourlyBudget int, log *slog.Logger) *metrics.Metrics {
	return metrics.New(metrics.Options{Store: store, HourlyBudget: hourlyBudget, IndexedSeq: ix.LastSeq,
		StalledSince: stalled, Version: version, Log: log})
}

// httpServer bounds every phase of a request: a slow client cannot hold a
// connection open.
func httpServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    32 << 10,
	}
}

// serveSide starts an operator's listener (metrics, profiler) when there is
// one and returns what stops it. One that cannot listen is logged, not
// fatal: the service itself still runs.
func (n *node) serveSide(what string, srv *http.Server) (stop func()) {
	if srv == nil {
		return func() {}
	}
	go func() {
		n.log.Info(what+" listening", "addr", srv.Addr)
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			n.log.Error(what+" listener stopped", "addr", srv.Addr, "err", err)
		}
	}()
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}
}
