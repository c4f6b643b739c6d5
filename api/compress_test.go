package api

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"
)

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("gunzip: %v", err)
	}
	return out
}

// Pages, styles, scripts, JSON and YAML of a kilobyte or more are gzipped
// for clients that accept it and come out the same; small answers and
// clients that do not accept gzip get the plain body.
func TestCompression(t *testing.T) {
	_, _, h := newWebServer(t, Config{})
	for _, tc := range []struct {
		method, path, body, accept string
		gzipped                    bool
	}{
		{"GET", "/", "", "gzip", true},
		{"GET", "/", "", "br, gzip;q=0.8", true},
		{"GET", "/", "", "", false},
		{"GET", "/", "", "gzip;q=0", false},
		{"GET", "/", "", "br", false},
		{"GET", "/static/style.css", "", "gzip", true},
		{"GET", "/static/app.js", "", "gzip", true},
		{"GET", "/api/v1/openapi.yaml", "", "gzip", true},
		{"POST", "/api/v1/reports", seekJSON, "gzip", false}, // a small JSON answer
		{"GET", "/healthz", "", "gzip", false},               // tiny
		{"GET", "/no-such-page", "", "gzip", true},           // the error page is a full page
		{"GET", "/api/v1/no-such-route", "", "gzip", false},  // a small JSON error
		{"HEAD", "/", "", "gzip", false},
	} {
		plain := do(t, h, tc.method, tc.path, tc.body)
		w := do(t, h, tc.method, tc.path, tc.body, "Accept-Encoding", tc.accept)
		got := w.Body.Bytes()
		if enc := w.Header().Get("Content-Encoding"); (enc == "gzip") != tc.gzipped {
			t.Errorf("%s %s (Accept-Encoding %q): Content-Encoding %q, want gzip=%v", tc.method, tc.path, tc.accept, enc, tc.gzipped)
			continue
		}
		if tc.gzipped {
			got = gunzip(t, got)
			if w.Header().Get("Content-Length") != "" || !strings.Contains(w.Header().Get("Vary"), "Accept-Encoding") {
				t.Errorf("%s: headers %v", tc.path, w.Header())
			}
			if len(w.Body.Bytes()) >= len(got) {
				t.Errorf("%s: gzip did not shrink it (%d >= %d)", tc.path, len(w.Body.Bytes()), len(got))
			}
		}
		if w.Code != plain.Code || tc.method == "GET" && tc.body == "" && !bytes.Equal(stripIDs(got), stripIDs(plain.Body.Bytes())) {
			t.Errorf("%s %s: gzip changed the answer (%d vs %d)", tc.method, tc.path, w.Code, plain.Code)
		}
	}
}

// stripIDs removes what differs between two requests for the same page:
// the request id and the form token.
func stripIDs(b []byte) []byte {
	s := string(b)
	for _, cut := range []string{`<code>`, `name="csrf" value="`, `"request_id":"`} {
		for i := strings.Index(s, cut); i >= 0; i = strings.Index(s, cut) {
			j := i + len(cut)
			end := strings.IndexAny(s[j:], `<"`)
			s = s[:i] + s[j+end:]
		}
	}
	return []byte(s)
}

func TestAcceptsGzip(t *testing.T) {
	for h, want := range map[string]bool{"gzip": true, "GZIP": true, "deflate, gzip": true, "gzip;q=0.5": true, "*": true,
		"gzip;q=0": false, "gzip; q=0.0": false, "": false, "identity": false, "br, deflate": false, "x-gzip": false} {
		if got := acceptsGzip(h); got != want {
			t.Errorf("acceptsGzip(%q) = %v", h, got)
		}
	}
}
