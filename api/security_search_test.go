package api

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tuys/data"
	"tuys/search"
)

// searchServer is a server with a real store, index and matcher, and no
// abuse limits (these tests post many reports from one address).
func searchServer(t *testing.T) (data.Store, *search.Engine, http.Handler) {
	t.Helper()
	dir := t.TempDir()
	st := secStore(t, dir)
	t.Cleanup(func() { st.Close() })
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	ix, err := search.OpenIndex(filepath.Join(dir, "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	eng := search.NewEngine(st, ix, search.Options{Logger: quiet})
	s := New(Config{PublicSearch: true, Security: NoLimits}, Deps{Store: st, Engine: eng, Log: quiet})
	h := s.Handler()
	return st, eng, h
}

// serverTiming is the header a search answer carries (W3C Server Timing).
var serverTiming = regexp.MustCompile(`^search;dur=\d+\.\d\d, read;dur=\d+\.\d\d, answer;dur=\d+\.\d\d, json;dur=\d+\.\d\d$`)

// TestPublicSearchCannotListEveryone: a name is required, 20 results by
// default, ?limit= at most 50 (more is a field error), and no paging.
func TestPublicSearchCannotListEveryone(t *testing.T) {
	_, eng, h := searchServer(t)
	for i := 0; i < 30; i++ {
		body := fmt.Sprintf(`{"kind":"seek","person":{"full_name":"Ахметова Гульнара","birth_year":%d},"contact":{"phone":"+7701000%04d"}}`, 1950+i, i)
		if w := (secReq{"POST", "/api/v1/reports", body, nil}).do(h); w.Code != http.StatusCreated {
			t.Fatalf("post: %d %s", w.Code, w.Body)
		}
	}
	if err := eng.CatchUp(t.Context()); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path     string
		code     int
		min, max int
	}{
		{"/api/v1/search", http.StatusBadRequest, 0, 0},
		{"/api/v1/search?q=", http.StatusBadRequest, 0, 0},
		{"/api/v1/search?q=1980", http.StatusBadRequest, 0, 0},
		{"/api/v1/search?q=Ахметова", http.StatusOK, 1, maxPublicResults},
		{"/api/v1/search?q=Ахметова&offset=20&page=2", http.StatusOK, 1, defaultPublicResults},
		{"/api/v1/search?q=Ахметова&limit=1000", http.StatusBadRequest, 0, 0},
		{"/api/v1/search?q=Ахметова&limit=0", http.StatusBadRequest, 0, 0},
		{"/api/v1/search?q=Ахметова&limit=5", http.StatusOK, 5, 5},
		{"/api/v1/search?q=Ахметова&limit=50", http.StatusOK, 30, 30},
	}
	for _, tt := range tests {
		w := secReq{"GET", tt.path, "", nil}.do(h)
		if w.Code != tt.code {
			t.Errorf("GET %s: %d %s", tt.path, w.Code, w.Body)
			continue
		}
		var out struct {
			Results []json.RawMessage `json:"results"`
		}
		_ = json.Unmarshal(w.Body.Bytes(), &out)
		if n := len(out.Results); n < tt.min || n > tt.max {
			t.Errorf("GET %s: %d results, want %d..%d", tt.path, n, tt.min, tt.max)
		}
		if st := w.Header().Get("Server-Timing"); w.Code == http.StatusOK && !serverTiming.MatchString(st) {
			t.Errorf("GET %s: Server-Timing %q, want the search, read, answer and json stages in ms", tt.path, st)
		}
		if strings.Contains(w.Body.String(), "+7701000") || strings.Contains(w.Body.String(), "7701000") {
			t.Errorf("GET %s: a phone number in the public answer", tt.path)
		}
	}
}

// TestConsoleSearchSeesPastOnePublicPage: the console asks for up to
// maxConsoleResults and gets them, so its status filter works on more than
// the 20 hits a public page shows (it silently got 20 before).
func TestConsoleSearchSeesPastOnePublicPage(t *testing.T) {
	st, eng, h := searchServer(t)
	var ids []string
	for i := 0; i < 30; i++ {
		body := fmt.Sprintf(`{"kind":"seek","person":{"full_name":"Ахметова Гульнара","birth_year":%d},"contact":{"phone":"+7701000%04d"}}`, 1950+i, i)
		w := (secReq{"POST", "/api/v1/reports", body, nil}).do(h)
		var created CreatedReport
		if w.Code != http.StatusCreated || json.Unmarshal(w.Body.Bytes(), &created) != nil {
			t.Fatalf("post: %d %s", w.Code, w.Body)
		}
		ids = append(ids, created.ID)
	}
	if err := eng.CatchUp(t.Context()); err != nil {
		t.Fatal(err)
	}
	// The ones a public page does not show are marked found.
	var page struct {
		Results []PublicHit `json:"results"`
	}
	_ = json.Unmarshal(secReq{"GET", "/api/v1/search?q=Ахметова", "", nil}.do(h).Body.Bytes(), &page)
	shown := map[string]bool{}
	for _, r := range page.Results {
		shown[r.Report.ID] = true
	}
	var found []string
	for _, id := range ids {
		if !shown[id] {
			found = append(found, id)
			if err := st.SetReportStatus(t.Context(), id, data.StatusFound); err != nil {
				t.Fatal(err)
			}
		}
	}
	if len(page.Results) != defaultPublicResults || len(found) != 30-defaultPublicResults {
		t.Fatalf("public page: %d results", len(page.Results))
	}
	b := loggedIn(t, h, st, data.RoleVolunteer)
	all := b.get("/v/search?q=Ахметова").Body.String()
	filtered := b.get("/v/search?q=Ахметова&status=found").Body.String()
	for _, id := range ids {
		if !strings.Contains(all, id) {
			t.Errorf("console search without filters misses %s", id)
		}
	}
	for _, id := range found {
		if !strings.Contains(filtered, id) {
			t.Errorf("console search status=found misses %s", id)
		}
	}
}
