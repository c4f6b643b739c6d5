package metrics

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
)

var fqName = regexp.MustCompile(`fqName: "([a-z_]+)"`)

// described lists the names of every metric the registry can export.
func described(m *Metrics) map[string]bool {
	ch := make(chan *prometheus.Desc, 256)
	go func() {
		for _, c := range []prometheus.Collector{m.requests, m.match, m.store} {
			c.Describe(ch)
		}
		close(ch)
	}()
	names := map[string]bool{"tuys_build_info": true}
	for d := range ch {
		if s := fqName.FindStringSubmatch(d.String()); s != nil {
			names[s[1]] = true
		}
	}
	return names
}

// The alert rules and the dashboard use only metrics tuys exports (a
// renamed metric must not leave an alert that never fires), and the
// alerts cover the four that matter at 3 a.m.
func TestDocsUseExportedMetrics(t *testing.T) {
	names := described(New(Options{Store: brokenStore{}, Log: quiet}))
	used := regexp.MustCompile(`\btuys_[a-z_]+`)
	for _, f := range []string{"../../docs/alerts.yaml", "../../docs/grafana-dashboard.json"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range used.FindAllString(string(b), -1) {
			base := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(n, "_bucket"), "_count"), "_sum")
			if !names[base] {
				t.Errorf("%s uses %s, which tuys does not export", f, n)
			}
		}
	}
	alerts, _ := os.ReadFile("../../docs/alerts.yaml")
	for _, want := range []string{"tuys_sms_total", "tuys_outbox_oldest_queued_seconds", "tuys_review_queue_oldest_seconds", "tuys_index_lag_events"} {
		if !regexp.MustCompile(`expr: .*` + want).Match(alerts) {
			t.Errorf("docs/alerts.yaml has no rule on %s", want)
		}
	}
}
