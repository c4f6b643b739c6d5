package api

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"testing"
)

// newLoggedServer is newTestServer with its log captured as JSON lines.
func newLoggedServer(t *testing.T) (http.Handler, *bytes.Buffer) {
	t.Helper()
	var logs bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logs, nil))
	s := New(Config{PublicSearch: true, Hotline: "1414", Security: NoLimits}, Deps{Store: openTestStore(t), Log: log})
	return s.Handler(), &logs
}

// requestLines are the log's "request" lines.
func requestLines(t *testing.T, logs *bytes.Buffer) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var m map[string]any
		if json.Unmarshal([]byte(l), &m) == nil && m["msg"] == "request" {
			out = append(out, m)
		}
	}
	return out
}

func TestRequestIDAcceptedOrReplaced(t *testing.T) {
	h, _ := newLoggedServer(t)
	for _, tc := range []struct {
		sent string
		kept bool
	}{
		{"", false},
		{"chk-123", true},
		{"lb.7f3a_9Z-01", true},
		{strings.Repeat("a", 64), true},
		{strings.Repeat("a", 65), false},
		{"a b", false},
		{"<script>", false},
		{"x\u0430", false}, // a Cyrillic letter
	} {
		for _, path := range []string{"/healthz", "/api/v1/no-such-route", "/no-such-page", "/api/v1/reports/nope"} {
			w := do(t, h, "GET", path, "", "X-Request-ID", tc.sent)
			got := w.Header().Get(requestIDHeader)
			if tc.kept && got != tc.sent || !tc.kept && (got == tc.sent || !validRequestID.MatchString(got)) {
				t.Errorf("GET %s with X-Request-ID %q: answered %q", path, tc.sent, got)
			}
			if w.Code >= 400 && !strings.Contains(w.Body.String(), got) {
				t.Errorf("GET %s: error %d does not show the request id %q: %s", path, w.Code, got, w.Body)
			}
		}
	}
}

func TestRequestIDInErrorBodies(t *testing.T) {
	h, _ := newLoggedServer(t)
	w := do(t, h, "POST", "/api/v1/reports", `{"kind":"seek"}`, "X-Request-ID", "quote-me-42")
	body := decode[ErrorBody](t, w)
	if w.Code != http.StatusBadRequest || body.Error != "validation" || body.RequestID != "quote-me-42" {
		t.Fatalf("validation error: %d %+v", w.Code, body)
	}
	w = do(t, h, "GET", "/no-such-page", "", "X-Request-ID", "quote-me-43", "Accept-Language", "ru")
	if w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), "<code>quote-me-43</code>") ||
		!strings.Contains(w.Body.String(), "Номер запроса") {
		t.Fatalf("error page lacks the request id: %d %s", w.Code, w.Body)
	}
}

// One line per request: the route pattern, never the raw id, the body or
// the query; an unrouted path is logged with its phone masked.
func TestRequestLogLine(t *testing.T) {
	h, logs := newLoggedServer(t)
	created := do(t, h, "POST", "/api/v1/reports", seekJSON, "X-Request-ID", "file-1")
	id := decode[struct{ ID string }](t, created).ID
	do(t, h, "GET", "/api/v1/reports/"+id+"?secret=Айгуль", "", "X-Request-ID", "read-1")
	do(t, h, "GET", "/call/+7%20701%20123%2045%2067", "", "X-Request-ID", "miss-1")
	lines := requestLines(t, logs)
	if len(lines) != 3 {
		t.Fatalf("want 3 request lines, got %d:\n%s", len(lines), logs)
	}
	want := []struct{ id, method, route string }{
		{"file-1", "POST", "/api/v1/reports"}, {"read-1", "GET", "/api/v1/reports/:id"}, {"miss-1", "GET", ""}}
	for i, l := range lines {
		if l["request_id"] != want[i].id || l["method"] != want[i].method || l["route"] != want[i].route ||
			l["ip"] != "192.0.2.1" || l["status"] == nil || l["duration"] == nil {
			t.Errorf("line %d: %v", i, l)
		}
	}
	if lines[0]["status"] != float64(201) || lines[2]["status"] != float64(404) {
		t.Errorf("statuses: %v, %v", lines[0]["status"], lines[2]["status"])
	}
	if p, _ := lines[2]["path"].(string); !strings.HasPrefix(p, "/call/") || strings.Contains(p, "123 45") {
		t.Errorf("unrouted path not masked: %q", p)
	}
	for _, secret := range []string{"701 123 45 67", "Айгуль", "Жумабаев", "ул. Абая"} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("the log holds %q:\n%s", secret, logs)
		}
	}
	for _, l := range lines {
		if b, _ := json.Marshal(l); strings.Contains(string(b), id) {
			t.Errorf("a request line holds the raw path: %s", b)
		}
	}
}

func TestUnroutedPathBounded(t *testing.T) {
	long := "/" + strings.Repeat("я", 300) + "87011234567"
	got := unroutedPath(long)
	if n := len([]rune(got)); n > 201 || strings.Contains(got, "7011234567") {
		t.Errorf("unroutedPath: %d runes, %q", n, got[len(got)-20:])
	}
}
