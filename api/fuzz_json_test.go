package api

import (
	"encoding/json"
	"net/http"
	"testing"
)

// fuzzServer is a real handler on a real store with the limits off, so every
// input reaches the decoder and the validator.
func fuzzServer(f *testing.F) http.Handler {
	_, h := secServer(f, Config{MaxBodyBytes: 64 << 10, Security: NoLimits})
	return h
}

// checkAnswer: bad input is the client's problem (4xx with an error body),
// never a 500 or a panic (recovery turns a panic into a 500).
func checkAnswer(t *testing.T, code int, body []byte, allowed ...int) {
	t.Helper()
	if code >= 500 {
		t.Fatalf("status %d: %s", code, body)
	}
	for _, a := range allowed {
		if code == a {
			return
		}
	}
	t.Fatalf("status %d not in %v: %s", code, allowed, body)
}

// FuzzCreateReport posts any body to POST /api/v1/reports through the real
// handler; the seed corpus is in testdata/fuzz/FuzzCreateReport.
func FuzzCreateReport(f *testing.F) {
	for _, s := range []string{reportBody(1), `{}`, `{"kind":"seek","person":{"full_name":"Ә"},"contact":{"phone":"8 701"}}`,
		`{"kind":"safe","person":{"full_name":"A","age":-1},"contact":{"phone":"+882 1234 5678"}}`, `[`, `null`, "\xff"} {
		f.Add(s, "ru")
	}
	h := fuzzServer(f)
	f.Fuzz(func(t *testing.T, body, lang string) {
		w := secReq{"POST", "/api/v1/reports", body, map[string]string{"Accept-Language": lang}}.do(h)
		checkAnswer(t, w.Code, w.Body.Bytes(), http.StatusCreated, http.StatusBadRequest, http.StatusRequestEntityTooLarge)
		if w.Code == http.StatusCreated {
			var cr CreatedReport
			if err := json.Unmarshal(w.Body.Bytes(), &cr); err != nil || cr.ID == "" || cr.DeletionCode == "" {
				t.Fatalf("201 without id and code: %s", w.Body)
			}
			return
		}
		var eb ErrorBody
		if err := json.Unmarshal(w.Body.Bytes(), &eb); err != nil || eb.Error == "" || eb.Message == "" {
			t.Fatalf("%d without an error body: %s", w.Code, w.Body)
		}
	})
}
