package main

import (
	"bufio"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"tuys/notify/twiliotest"
)

// scrape reads a /metrics page into series ("name{labels}") and values.
func scrape(t *testing.T, u string) map[string]float64 {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d", u, resp.StatusCode)
	}
	out := map[string]float64{}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		i := strings.LastIndexByte(line, ' ')
		if strings.HasPrefix(line, "#") || i < 0 {
			continue
		}
		if v, err := strconv.ParseFloat(line[i+1:], 64); err == nil {
			out[line[:i]] = v
		}
	}
	return out
}

// sum adds the series of one metric whose labels contain every part of want.
func sum(m map[string]float64, name string, want ...string) float64 {
	var t float64
	for k, v := range m {
		if k != name && !strings.HasPrefix(k, name+"{") {
			continue
		}
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(k, w)
		}
		if ok {
			t += v
		}
	}
	return t
}

// After a seek and a safe report that match, with their SMS sent through
// the fake Twilio, /metrics (on TUYS_METRICS_ADDR, not on the main port)
// shows the reports, the match, the SMS, the spent budget, the requests
// by route and the matching times.
func TestMetricsMoveAfterFilingMatchingSending(t *testing.T) {
	const sid, token = "ACmetr1c5000000000000000000000000", "metr1c5token00000000000000000000"
	tw := twiliotest.New(sid, token)
	t.Cleanup(tw.Close)
	addr, maddr := freePort(t), freePort(t)
	startTuys(t, addr, t.TempDir(), "TUYS_METRICS_ADDR="+maddr, "TUYS_SMS_HOURLY_BUDGET=50",
		"TUYS_TWILIO_ACCOUNT_SID="+sid, "TUYS_TWILIO_AUTH_TOKEN="+token, "TUYS_TWILIO_FROM=+15005550006", "TUYS_TWILIO_API_URL="+tw.URL)
	if resp, err := http.Get("http://" + addr + "/metrics"); err != nil || resp.StatusCode != 404 {
		t.Fatalf("/metrics on the main port with TUYS_METRICS_ADDR set: %v %v", resp, err)
	}
	mu := "http://" + maddr + "/metrics"
	before := scrape(t, mu)
	for _, name := range []string{"tuys_build_info", "go_goroutines", "process_resident_memory_bytes", "tuys_index_lag_events"} {
		if sum(before, name) == 0 && !strings.HasPrefix(name, "tuys_index") {
			t.Errorf("/metrics lacks %s", name)
		}
	}
	if sum(before, "tuys_sms_budget_remaining") != 50 || sum(before, "tuys_reports_total") != 0 {
		t.Fatalf("fresh node: budget %v, reports %v", sum(before, "tuys_sms_budget_remaining"), sum(before, "tuys_reports_total"))
	}
	for _, body := range []string{
		`{"kind":"seek","person":{"full_name":"Жумабаев Ерлан","birth_year":1985,"sex":"M","city":"Алматы"},"contact":{"name":"Айгуль","phone":"8 701 123 45 67","relation":"sister","language":"ru"}}`,
		`{"kind":"safe","person":{"full_name":"Zhumabayev Yerlan","birth_year":1985,"sex":"M","city":"Almaty"},"contact":{"phone":"+90 532 123 45 67","language":"kk"}}`,
	} {
		resp, err := http.Post("http://"+addr+"/api/v1/reports", "application/json", strings.NewReader(body))
		if err != nil || resp.StatusCode != 201 {
			t.Fatalf("post: %v %v", resp, err)
		}
		resp.Body.Close()
	}
	var after map[string]float64
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		after = scrape(t, mu)
		if sum(after, "tuys_sms_total", `state="sent"`)+sum(after, "tuys_sms_total", `state="delivered"`) >= 2 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	checks := []struct {
		what      string
		got, want float64
	}{
		{"seek reports by the API", sum(after, "tuys_reports_total", `kind="seek"`, `channel="api"`), 1},
		{"safe reports by the API", sum(after, "tuys_reports_total", `kind="safe"`, `channel="api"`), 1},
		{"automatic matches", sum(after, "tuys_matches_total", `decision="auto"`), 1},
		{"SMS sent or delivered", sum(after, "tuys_sms_total", `state="sent"`) + sum(after, "tuys_sms_total", `state="delivered"`), 2},
		{"budget left", sum(after, "tuys_sms_budget_remaining"), 48},
		{"filings observed", sum(after, "tuys_http_request_duration_seconds_count", `route="/api/v1/reports"`, `method="POST"`, `status="201"`), 2},
		{"reports matched (the second one had a candidate)", min(sum(after, "tuys_match_seconds_count"), 1), 1},
		{"outbox empty", sum(after, "tuys_outbox_oldest_queued_seconds"), 0},
		{"index caught up", sum(after, "tuys_index_lag_events"), 0},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %v, want %v", c.what, c.got, c.want)
		}
	}
	if n := len(tw.Messages()); n != 2 {
		t.Errorf("the fake Twilio holds %d messages, want 2", n)
	}
	for k := range after {
		if strings.Contains(k, "Жумабаев") || strings.Contains(k, "701") || strings.Contains(k, "/api/v1/reports/0") {
			t.Errorf("a series carries public data: %s", k)
		}
	}
}
