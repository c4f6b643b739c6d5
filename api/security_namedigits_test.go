package api

import (
	"net/http"
	"net/url"
	"regexp"
	"testing"
)

// TestDigitsInNamesStayOutOfExplanations: one digit group glued to each
// name word spells a number across the search's explanations and a
// match's, each group too short to be hidden on its own (an attacker's
// trial, 2026-12-07). No public explanation of a name shows a digit.
func TestDigitsInNamesStayOutOfExplanations(t *testing.T) {
	_, eng, h := searchServer(t)
	safe := `{"kind":"safe","person":{"full_name":"Жанбыршиев-8705 Куаныш-321 Тлеуович-9988","birth_year":1991,"city":"Кокшетау"},"contact":{"phone":"+77017770001"}}`
	if w := (secReq{"POST", "/api/v1/reports", safe, nil}).do(h); w.Code != http.StatusCreated {
		t.Fatalf("post: %d %s", w.Code, w.Body)
	}
	seek := createReport(t, h, `{"kind":"seek","person":{"full_name":"Жанбыршиев Куаныш Тлеуович","birth_year":1991,"city":"Кокшетау"},"contact":{"name":"Айгуль","phone":"+77017770002","relation":"sister"}}`)
	if err := eng.CatchUp(t.Context()); err != nil {
		t.Fatal(err)
	}
	digits := regexp.MustCompile(`\d{3}`)
	for _, path := range []string{"/api/v1/search?q=" + url.QueryEscape("Жанбыршиев Куаныш Тлеуович"), "/api/v1/reports/" + seek.ID + "/matches"} {
		w := (secReq{"GET", path, "", nil}).do(h)
		if w.Code != http.StatusOK || !regexp.MustCompile(`Жанбыршиев`).MatchString(w.Body.String()) {
			t.Fatalf("%s: %d %s", path, w.Code, w.Body)
		}
		body := regexp.MustCompile(`"(id|seek_id|safe_id|created_at|expires_at|updated_at|decided_at)":"[^"]*"|\b(19|20)\d\d\b|\d\.\d+`).ReplaceAllString(w.Body.String(), "")
		if m := digits.FindString(body); m != "" {
			t.Errorf("%s shows %q of a number typed into the names: %s", path, m, w.Body)
		}
	}
}
