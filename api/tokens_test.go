package api

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"tuys/data"
)

// addToken stores a token with scopes and returns the raw bearer value.
func addToken(t *testing.T, s *Server, name string, scopes ...string) string {
	t.Helper()
	raw := "tuys_" + data.NewCode(24)
	tok := &data.APIToken{Name: name, Hash: data.HashCode(raw), Scopes: scopes}
	if err := s.store.(data.TokenStore).CreateToken(context.Background(), tok); err != nil {
		t.Fatal(err)
	}
	return raw
}

func bearerHdr(raw string) map[string]string {
	return map[string]string{"Authorization": "Bearer " + raw}
}

func TestContactNeedsReadContacts(t *testing.T) {
	s, h := secServer(t, Config{})
	w := secReq{"POST", "/api/v1/reports", reportBody(42), nil}.do(h)
	var created CreatedReport
	if err := json.Unmarshal(w.Body.Bytes(), &created); err != nil || w.Code != http.StatusCreated {
		t.Fatalf("create: %d %s", w.Code, w.Body)
	}
	reader := addToken(t, s, "partner-read", data.ScopeRead, data.ScopeWrite)
	contacts := addToken(t, s, "partner-contacts", data.ScopeRead, data.ScopeReadContacts)
	const phoneDigits = "7010000042"
	tests := []struct {
		name, path string
		hdr        map[string]string
		code       int
		wantPhone  bool
	}{
		{"anonymous contact", "/api/v1/reports/" + created.ID + "/contact", nil, http.StatusUnauthorized, false},
		{"wrong token", "/api/v1/reports/" + created.ID, bearerHdr("tuys_nope"), http.StatusUnauthorized, false},
		{"read token, public view", "/api/v1/reports/" + created.ID, bearerHdr(reader), http.StatusOK, false},
		{"read token, contact", "/api/v1/reports/" + created.ID + "/contact", bearerHdr(reader), http.StatusForbidden, false},
		{"read_contacts, public view", "/api/v1/reports/" + created.ID, bearerHdr(contacts), http.StatusOK, false},
		{"read_contacts, contact", "/api/v1/reports/" + created.ID + "/contact", bearerHdr(contacts), http.StatusOK, true},
		{"read_contacts, unknown id", "/api/v1/reports/nope/contact", bearerHdr(contacts), http.StatusNotFound, false},
	}
	for _, tt := range tests {
		w := secReq{"GET", tt.path, "", tt.hdr}.do(h)
		if w.Code != tt.code {
			t.Errorf("%s: %d %s, want %d", tt.name, w.Code, w.Body, tt.code)
		}
		if got := strings.Contains(w.Body.String(), phoneDigits); got != tt.wantPhone {
			t.Errorf("%s: phone in body = %v, want %v: %s", tt.name, got, tt.wantPhone, w.Body)
		}
	}
}

func TestTokenRequestsAreAudited(t *testing.T) {
	s, h := secServer(t, Config{})
	w := secReq{"POST", "/api/v1/reports", reportBody(7), nil}.do(h)
	var created CreatedReport
	_ = json.Unmarshal(w.Body.Bytes(), &created)
	raw := addToken(t, s, "redcross", data.ScopeReadContacts)
	secReq{"GET", "/api/v1/reports/" + created.ID + "/contact", "", bearerHdr(raw)}.do(h)
	secReq{"GET", "/api/v1/reports/" + created.ID + "/notes", "", bearerHdr(raw)}.do(h)
	secReq{"GET", "/api/v1/reports/" + created.ID, "", nil}.do(h) // anonymous: not audited
	entries, err := s.store.ListAudit(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Actor+" "+e.Action+" "+e.Target)
	}
	want := []string{
		"token:redcross#1 api GET /api/v1/reports/:id/notes " + created.ID,
		"token:redcross#1 contact.read " + created.ID,
		"token:redcross#1 api GET /api/v1/reports/:id/contact " + created.ID,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("audit:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRevokedTokenRefused(t *testing.T) {
	s, h := secServer(t, Config{})
	raw := addToken(t, s, "old", data.ScopeRead)
	if w := (secReq{"GET", "/api/v1/reports/x", "", bearerHdr(raw)}).do(h); w.Code != http.StatusNotFound {
		t.Fatalf("valid token: %d", w.Code)
	}
	if _, err := s.store.(data.TokenStore).RevokeToken(context.Background(), "old"); err != nil {
		t.Fatal(err)
	}
	w := secReq{"GET", "/api/v1/reports/x", "", bearerHdr(raw)}.do(h)
	if w.Code != http.StatusUnauthorized || w.Header().Get("WWW-Authenticate") == "" {
		t.Fatalf("revoked token: %d %v", w.Code, w.Header())
	}
}

func TestWriteTokenGetsPartnerRate(t *testing.T) {
	s, h := secServer(t, Config{Security: SecurityConfig{ReportRate: Rate{PerHour: 1, Burst: 1}, TrustedRate: Rate{PerHour: 1, Burst: 5}}})
	writer := addToken(t, s, "shelter", data.ScopeWrite)
	reader := addToken(t, s, "viewer", data.ScopeRead)
	tests := []struct {
		name string
		hdr  map[string]string
		want []int
	}{
		{"anonymous: public bucket", nil, []int{201, 429}},
		{"read-only token: still the public bucket", bearerHdr(reader), []int{429}},
		{"write token: its own, larger bucket", bearerHdr(writer), []int{201, 201, 201, 201, 201, 429}},
	}
	for _, tt := range tests {
		for i, want := range tt.want {
			if w := (secReq{"POST", "/api/v1/reports", reportBody(i), tt.hdr}).do(h); w.Code != want {
				t.Fatalf("%s: post %d = %d, want %d", tt.name, i, w.Code, want)
			}
		}
	}
}

func TestStatsNeedsStatsScope(t *testing.T) {
	s, h := secServer(t, Config{})
	secReq{"POST", "/api/v1/reports", reportBody(3), nil}.do(h)
	stats := addToken(t, s, "ministry", data.ScopeStats)
	reader := addToken(t, s, "reader", data.ScopeRead)
	tests := []struct {
		name, path string
		hdr        map[string]string
		code       int
	}{
		{"anonymous", "/api/v1/stats", nil, http.StatusUnauthorized},
		{"read token", "/api/v1/stats", bearerHdr(reader), http.StatusForbidden},
		{"stats token", "/api/v1/stats", bearerHdr(stats), http.StatusOK},
		{"stats token, bad hours", "/api/v1/stats?hours=-1", bearerHdr(stats), http.StatusBadRequest},
	}
	for _, tt := range tests {
		w := secReq{"GET", tt.path, "", tt.hdr}.do(h)
		if w.Code != tt.code {
			t.Errorf("%s: %d %s, want %d", tt.name, w.Code, w.Body, tt.code)
		}
		if w.Code == http.StatusOK && !strings.Contains(w.Body.String(), `"reports.safe":1`) {
			t.Errorf("%s: counts missing: %s", tt.name, w.Body)
		}
	}
}

func TestParseScopes(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{"read,write", "read,write", false},
		{" read , read_contacts,read ", "read,read_contacts", false},
		{"read,admin", "", true},
		{"", "", true},
	}
	for _, tt := range tests {
		got, err := data.ParseScopes(tt.in)
		if (err != nil) != tt.wantErr || strings.Join(got, ",") != tt.want {
			t.Errorf("ParseScopes(%q) = %v, %v", tt.in, got, err)
		}
	}
}

// TestWriteRoutesNeedWriteScope: a request with a token acts as the token,
// on every write route of the JSON API; a read or stats token files,
// notes and deletes nothing (issue 13: any token passed).
func TestWriteRoutesNeedWriteScope(t *testing.T) {
	s, h := secServer(t, Config{})
	w := do(t, h, "POST", "/api/v1/reports", reportBody(7))
	created := decode[CreatedReport](t, w)
	tokens := map[string]string{}
	for _, sc := range []string{data.ScopeRead, data.ScopeStats, data.ScopeReadContacts, data.ScopeWrite, data.ScopeImport} {
		tokens[sc] = addToken(t, s, "t-"+sc, sc)
	}
	writes := []struct{ method, path, body string }{
		{"POST", "/api/v1/reports", reportBody(8)},
		{"POST", "/api/v1/reports/" + created.ID + "/notes", `{"text":"видели в школе"}`},
		{"DELETE", "/api/v1/reports/" + created.ID, `{"deletion_code":"wrong"}`},
	}
	for sc, raw := range tokens {
		for _, wr := range writes {
			w := do(t, h, wr.method, wr.path, wr.body, "Authorization", "Bearer "+raw)
			mayWrite := sc == data.ScopeWrite || sc == data.ScopeImport
			if refused := w.Code == http.StatusForbidden && strings.Contains(w.Body.String(), `"insufficient_scope"`); refused == mayWrite {
				t.Errorf("%s token, %s %s: %d %s", sc, wr.method, wr.path, w.Code, w.Body)
			}
		}
	}
	reports, _ := s.store.ScanReports(context.Background(), "", 100)
	if len(reports) != 3 { // the anonymous one, and one each by the write and import tokens
		t.Errorf("%d reports on file, want 3", len(reports))
	}
}

// TestJSONAPIWantsJSON: a write with a body that is not application/json
// is refused with 415 and a translated message, so a cross-site text/plain
// or form POST (sent by browsers without a preflight) files nothing.
func TestJSONAPIWantsJSON(t *testing.T) {
	s, h := secServer(t, Config{})
	want := map[string]string{"kk": "JSON түрінде", "ru": "в формате JSON", "en": "as JSON"}
	for _, ct := range []string{"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""} {
		for lang, msg := range want {
			req := httptest.NewRequest("POST", "/api/v1/reports", strings.NewReader(reportBody(9)))
			if ct != "" {
				req.Header.Set("Content-Type", ct)
			}
			req.Header.Set("Accept-Language", lang)
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != http.StatusUnsupportedMediaType || !strings.Contains(w.Body.String(), `"unsupported_media_type"`) ||
				!strings.Contains(w.Body.String(), msg) {
				t.Errorf("Content-Type %q, %s: %d %s", ct, lang, w.Code, w.Body)
			}
		}
	}
	if w := do(t, h, "POST", "/api/v1/reports", reportBody(10), "Content-Type", "application/json; charset=utf-8"); w.Code != http.StatusCreated {
		t.Errorf("JSON with a charset: %d %s", w.Code, w.Body)
	}
	if w := do(t, h, "DELETE", "/api/v1/reports/nope", "", "X-Deletion-Code", "x"); w.Code == http.StatusUnsupportedMediaType {
		t.Error("a DELETE without a body needs no Content-Type")
	}
	reports, _ := s.store.ScanReports(context.Background(), "", 100)
	if len(reports) != 1 {
		t.Errorf("%d reports on file, want only the JSON one", len(reports))
	}
}
