package api

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"tuys/data"
	"tuys/data/datatest"
)

// newTestServer serves the API over a real SQLite store in a temp dir.
func newTestServer(t testing.TB) (*Server, data.Store) {
	t.Helper()
	store := openTestStore(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	return New(Config{PublicSearch: true, Hotline: "1414", Security: NoLimits}, Deps{Store: store, Log: log}), store
}

func openTestStore(t testing.TB) data.Store { return datatest.SQLite(t) }

// do sends a request to h and returns the recorder.
func do(t testing.TB, h http.Handler, method, path, body string, headers ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, bytes.NewBufferString(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	checkContract(t, req, body, w) // every API answer of every test fits api/openapi.yaml
	return w
}

func decode[T any](t testing.TB, w *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatalf("decode %q: %v", w.Body.String(), err)
	}
	return v
}

const seekJSON = `{"kind":"seek","person":{"full_name":"Жумабаев Ерлан","birth_year":1985,"sex":"M","city":"Алматы",
	"last_location":"ул. Абая 10","description":"звонить 8 701 123 45 67"},
	"contact":{"name":"Айгуль","phone":"8 701 123 45 67","relation":"sister","language":"ru"}}`

func TestHealth(t *testing.T) {
	s, _ := newTestServer(t)
	h := s.Handler()
	for _, p := range []string{"/healthz", "/readyz"} {
		if w := do(t, h, "GET", p, ""); w.Code != 200 {
			t.Errorf("%s: %d %s", p, w.Code, w.Body)
		}
	}
}
