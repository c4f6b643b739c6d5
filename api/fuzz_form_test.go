package api

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzReportForm posts any form body to the public "looking for" and "I am
// safe" forms with a valid CSRF pair, so the fuzzer reaches form decoding and
// validation; the seed corpus is in testdata/fuzz/FuzzReportForm.
func FuzzReportForm(f *testing.F) {
	seeds := []string{
		"person.full_name=Ахметова+Гульнара&person.birth_year=1980&contact.phone=%2B7+701+987+65+43&consent=on",
		"person.full_name=&person.age=abc&contact.phone=%2B7+&expires_in_days=9999",
		"person.full_name=%ff%fe&person.birth_year=99999999999999999999&contact.language=xx",
		"%zz=1&&&=",
	}
	for _, s := range seeds {
		f.Add(s, true)
	}
	h := fuzzServer(f)
	const token = "0123456789abcdef0123456789abcdef"
	f.Fuzz(func(t *testing.T, body string, safe bool) {
		path := "/looking"
		if safe {
			path = "/safe"
		}
		req := httptest.NewRequest("POST", path, strings.NewReader(body+"&csrf_token="+token))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.AddCookie(&http.Cookie{Name: "tuys_csrf", Value: token})
		req.RemoteAddr = "198.51.100.9:1234"
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		// 303 filed, 200/400/422 form re-rendered with errors, 403 CSRF,
		// 404 while the forms are not routed, 413 too large.
		checkAnswer(t, w.Code, w.Body.Bytes(), http.StatusSeeOther, http.StatusOK, http.StatusBadRequest,
			http.StatusUnprocessableEntity, http.StatusForbidden, http.StatusNotFound, http.StatusRequestEntityTooLarge)
	})
}
