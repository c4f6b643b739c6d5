package api

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"
)

// A report filed through the API or the web carries a keyed tag of its
// network: one for neighbouring addresses of a /24 (or an IPv6 /48), another
// for another network, never the address itself.
func TestReportsCarryTheirNetworksTag(t *testing.T) {
	s, store := newTestServer(t)
	h := s.Handler()
	file := func(addr string) string {
		t.Helper()
		req := httptest.NewRequest(http.MethodPost, "/api/v1/reports", bytes.NewBufferString(seekJSON))
		req.Header.Set("Content-Type", "application/json")
		req.RemoteAddr = addr
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusCreated {
			t.Fatalf("create from %s: %d %s", addr, w.Code, w.Body)
		}
		r, err := store.GetReport(t.Context(), decode[CreatedReport](t, w).ID)
		if err != nil {
			t.Fatal(err)
		}
		return r.FilerTag
	}
	a, b, other := file("203.0.113.7:4000"), file("203.0.113.200:4001"), file("198.51.100.7:4000")
	v6a, v6b := file("[2001:db8:1:2::1]:4000"), file("[2001:db8:1:9::1]:4000")
	switch {
	case a == "" || a != b:
		t.Errorf("two addresses of one /24: tags %q and %q, want one", a, b)
	case a == other:
		t.Errorf("another network has the same tag %q", a)
	case v6a == "" || v6a != v6b:
		t.Errorf("two addresses of one IPv6 /48: tags %q and %q", v6a, v6b)
	case bytes.Contains([]byte(a), []byte("203.0.113")):
		t.Errorf("the tag %q holds the address", a)
	}
	// A proxy's or this host's address would tag everyone alike.
	for _, addr := range []string{"127.0.0.1:4000", "10.1.2.3:4000", "192.168.0.7:4000", "[::1]:4000"} {
		if tag := file(addr); tag != "" {
			t.Errorf("a report from %s has the tag %q", addr, tag)
		}
	}
}
