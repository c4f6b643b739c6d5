package api

import (
	"tuys/data"

	"net/http"
	"testing"
)

func TestSmokePages(t *testing.T) {
	s, _ := newTestServer(t)
	h := s.Handler()
	for _, l := range data.Languages {
		b := newBrowser(t, h, l)
		for _, p := range []string{"/", "/looking", "/safe", "/search?q=x", "/v/login", "/nope"} {
			w := b.get(p)
			t.Logf("%s %s %d %d bytes", l, p, w.Code, w.Body.Len())
			if w.Code == http.StatusInternalServerError {
				t.Errorf("%s %s: %s", l, p, w.Body.String())
			}
		}
	}
}
