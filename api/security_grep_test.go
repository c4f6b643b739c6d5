package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tuys/search"
)

// diskPhoneForms are the ways the test number can appear as plaintext: E.164
// digits (also inside +7… and 8…), and the spaced and dashed forms people type.
var diskPhoneForms = []string{"7019876543", "701 987 65 43", "701-987-65-43", "701 987 6543", "(701) 987"}

// TestNoPlaintextPhoneOnDisk files reports with phones through the HTTP API
// (every common input format, also typed into the description and a note)
// into the real store and the real search
// index, adds notes, deletes one, closes both and then reads every file
// under the data directory, and the logs.
func TestNoPlaintextPhoneOnDisk(t *testing.T) {
	dir := t.TempDir()
	st := secStore(t, dir)
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	ix, err := search.OpenIndex(filepath.Join(dir, "index"))
	if err != nil {
		t.Fatal(err)
	}
	eng := search.NewEngine(st, ix, search.Options{Logger: log})
	s := New(Config{}, Deps{Store: st, Engine: eng, Log: log})
	h := s.Handler()
	var ids []string
	for i, phone := range []string{"+7 701 987 65 43", "8 701 987 65 43", "+77019876543", "8 (701) 987-65-43"} {
		kind := []string{"seek", "safe"}[i%2]
		body := fmt.Sprintf(`{"kind":%q,"person":{"full_name":"Ахметова Гульнара","birth_year":1980,"city":"Шымкент",`+
			`"last_location":"школа №5","description":"звоните: %s"},"contact":{"name":"Даурен","phone":%q,"relation":"брат","language":"ru"},"share_contact":true}`,
			kind, phone, phone)
		w := secReq{"POST", "/api/v1/reports", body, nil}.do(h)
		if w.Code != http.StatusCreated {
			t.Fatalf("post %q: %d %s", phone, w.Code, w.Body)
		}
		var cr CreatedReport
		if err := json.Unmarshal(w.Body.Bytes(), &cr); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, cr.ID)
		if i == 3 {
			if w := (secReq{"DELETE", "/api/v1/reports/" + cr.ID, "", map[string]string{"X-Deletion-Code": cr.DeletionCode}}).do(h); w.Code != http.StatusNoContent {
				t.Fatalf("delete: %d %s", w.Code, w.Body)
			}
		}
	}
	w := secReq{"POST", "/api/v1/reports/" + ids[0] + "/notes", `{"status":"information_sought","text":"ищем, тел. 8 701 987 65 43"}`, nil}.do(h)
	if w.Code >= 300 {
		t.Fatalf("note: %d %s", w.Code, w.Body)
	}
	if r, err := st.GetReport(t.Context(), ids[0]); err != nil || r.ContactPhone != "+77019876543" {
		t.Fatalf("the phone must still be readable through the store: %v, %v", r, err)
	}
	if err := eng.CatchUp(t.Context()); err != nil {
		t.Fatal(err)
	}
	if n, err := ix.DocCount(); err != nil || n == 0 {
		t.Fatalf("index holds %d documents (%v): the test would check nothing there", n, err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	files := 0
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		assertNoPhone(t, path, b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files == 0 {
		t.Fatal("no file in the data directory: the test checked nothing")
	}
	assertNoPhone(t, "logs", logs.Bytes())
}

func assertNoPhone(t *testing.T, where string, b []byte) {
	t.Helper()
	for _, f := range diskPhoneForms {
		if i := bytes.Index(b, []byte(f)); i >= 0 {
			lo, hi := max(0, i-40), min(len(b), i+40)
			t.Errorf("%s holds the phone as %q: …%s…", where, f, strings.ToValidUTF8(string(b[lo:hi]), "?"))
		}
	}
}
