package api

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"tuys/api/metrics"
)

// TestMetricsOnlyForOperators: on the main port /metrics answers a
// scraper on this host or a private network, and answers everyone else,
// and anything a proxy forwarded, as an unknown path.
func TestMetricsOnlyForOperators(t *testing.T) {
	store := openTestStore(t)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	h := New(Config{}, Deps{Store: store, Log: quiet, Metrics: metrics.New(metrics.Options{Store: store, Log: quiet})}).Handler()
	for _, tt := range []struct {
		peer, header string
		want         int
	}{
		{"127.0.0.1:40000", "", http.StatusOK},
		{"[::1]:40000", "", http.StatusOK},
		{"10.1.2.3:40000", "", http.StatusOK},
		{"192.168.0.5:40000", "", http.StatusOK},
		{"[::ffff:127.0.0.1]:40000", "", http.StatusOK},
		{"198.51.100.7:40000", "", http.StatusNotFound},
		{"[2001:db8::1]:40000", "", http.StatusNotFound},
		{"127.0.0.1:40000", "X-Forwarded-For: 198.51.100.7", http.StatusNotFound},
		{"127.0.0.1:40000", "Forwarded: for=198.51.100.7", http.StatusNotFound},
		{"10.1.2.3:40000", "X-Real-IP: 198.51.100.7", http.StatusNotFound},
	} {
		req := httptest.NewRequest(http.MethodGet, metricsPath, nil)
		req.RemoteAddr = tt.peer
		if k, v, ok := strings.Cut(tt.header, ": "); ok {
			req.Header.Set(k, v)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != tt.want {
			t.Errorf("GET /metrics from %s %q: %d, want %d", tt.peer, tt.header, w.Code, tt.want)
		}
		if w.Code == http.StatusOK && !strings.Contains(w.Body.String(), "tuys_build_info") {
			t.Errorf("GET /metrics from %s: no tuys_build_info", tt.peer)
		}
		if w.Code != http.StatusOK && strings.Contains(w.Body.String(), "tuys_") {
			t.Errorf("GET /metrics from %s %q shows metrics", tt.peer, tt.header)
		}
	}
}
