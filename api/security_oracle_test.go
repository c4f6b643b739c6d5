package api

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tuys/data"
	"tuys/notify"
	"tuys/search"
)

// TestTypedNumberIsNoOracle: a seeker gave the sought woman's own number
// ("I know their number"). Someone who guesses it and files "I am safe"
// with it on the form or the API must see exactly what a wrong guess
// shows: the same answer to the filing, the same outcome and the same
// public matches on both reports. Otherwise anyone could test numbers
// against a missing person (and the family would be told she is safe).
func TestTypedNumberIsNoOracle(t *testing.T) {
	const sought, wrong = "+77055554433", "+77057770000"
	for _, c := range []struct {
		name, seek, safe, state string
		share                   bool
	}{
		// names spelled apart: the pair waits for a volunteer either way
		{"review", `"full_name":"Сейтказиева Гульжанат","birth_year":1977,"sex":"F","city":"Алматы"`,
			`"full_name":"Seitkali Gulzhanat","birth_year":1977,"sex":"F","city":"Almaty"`, "review", false},
		// the same name in two scripts, share_contact ticked: automatic
		// either way, and whether the number went out must not tell
		{"share_contact", `"full_name":"Жумабаев Ерлан","birth_year":1985,"sex":"M","city":"Алматы"`,
			`"full_name":"Zhumabayev Yerlan","birth_year":1985,"sex":"M","city":"Almaty"`, "auto_confirmed", true},
	} {
		right := seenAfterGuess(t, c.seek, c.safe, sought, sought, c.share)
		if w := seenAfterGuess(t, c.seek, c.safe, sought, wrong, c.share); right != w {
			t.Errorf("%s: a right guess shows otherwise than a wrong one:\nright: %s\nwrong: %s", c.name, right, w)
		}
		if !strings.Contains(right, `"state":"`+c.state+`"`) {
			t.Errorf("%s: want the pair %s either way: %s", c.name, c.state, right)
		}
	}
}

// seenAfterGuess files a seek report (person seek, with the sought
// number), then a safe report (person safe) with guess as its contact,
// and returns what its author can read — the public views of both, the
// private page of their own report, the SMS counters — with ids, times
// and digits (codes) taken out.
func seenAfterGuess(t *testing.T, seek, safe, sought, guess string, share bool) string {
	h, _, eng := matchingServer(t)
	sk := createReport(t, h, `{"kind":"seek","person":{`+seek+`,"phone":"`+sought+`"},"contact":{"name":"Данияр","phone":"+77011112233","relation":"son","language":"ru"}}`)
	if err := eng.CatchUp(t.Context()); err != nil {
		t.Fatal(err)
	}
	sf := createReport(t, h, fmt.Sprintf(`{"kind":"safe","share_contact":%v,"person":{%s},"contact":{"phone":"%s","language":"ru"}}`, share, safe, guess))
	if err := eng.CatchUp(t.Context()); err != nil {
		t.Fatal(err)
	}
	filed, _ := json.Marshal(struct{ Possible int }{sf.PossibleMatches})
	out := []string{string(filed)}
	for _, p := range []string{"/api/v1/reports/" + sk.ID, "/api/v1/reports/" + sf.ID, "/api/v1/reports/" + sk.ID + "/matches",
		"/api/v1/reports/" + sf.ID + "/matches", "/r/" + sk.ID, "/r/" + sf.ID, sf.PrivateURL[strings.Index(sf.PrivateURL, "/p/"):]} {
		out = append(out, secReq{"GET", p, "", nil}.do(h).Body.String())
	}
	for _, l := range strings.Split(secReq{"GET", metricsPath, "", nil}.do(h).Body.String(), "\n") {
		if strings.HasPrefix(l, "tuys_sms") {
			out = append(out, l)
		}
	}
	all := strings.Join(out, "\n")
	token := sf.PrivateURL[strings.Index(sf.PrivateURL, "/p/")+3:]
	all = strings.NewReplacer(sk.ID, "SEEK", sf.ID, "SAFE", guess, "GUESS", token, "TOKEN").Replace(all)
	return digits.ReplaceAllString(volatile.ReplaceAllString(all, "…"), "#")
}

// digits are the consent codes and counters that differ between runs.
var digits = regexp.MustCompile(`\d+`)

// volatile matches what differs between two runs of one story: times,
// the match id, and the tokens a page embeds.
var volatile = regexp.MustCompile(`\d{4}-\d\d-\d\dT[\d:.]+Z|\d\d\.\d\d\.\d{4}( \d\d:\d\d)?|[0-9A-HJKMNP-TV-Z]{26}|"m[0-9a-f]{24}"|name="csrf[^>]*>`)

// matchingServer is a server with a matching engine and the SMS composer,
// on a fresh SQLite store; CatchUp runs what the matcher would.
func matchingServer(t *testing.T) (http.Handler, data.Store, *search.Engine) {
	t.Helper()
	dir := t.TempDir()
	st := secStore(t, dir)
	s, eng, ix := matchingServerOn(t, st, dir)
	t.Cleanup(func() { ix.Close() })
	return s.Handler(), st, eng
}

// matchingServerOn is that server on st, its index in dir (the caller
// closes it).
func matchingServerOn(t *testing.T, st data.Store, dir string) (*Server, *search.Engine, *search.Index) {
	t.Helper()
	s, eng, ix, _ := notifyingServerOn(t, st, dir)
	return s, eng, ix
}

// notifyingServerOn is matchingServerOn with its SMS service, whose
// dispatcher the test runs (it sends to the log).
func notifyingServerOn(t *testing.T, st data.Store, dir string) (*Server, *search.Engine, *search.Index, *notify.Service) {
	t.Helper()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	svc, err := notify.New(notify.Config{Hotline: "1414"}, st, quiet)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := search.OpenIndex(filepath.Join(dir, "index"))
	if err != nil {
		t.Fatal(err)
	}
	eng := search.NewEngine(st, ix, search.Options{Logger: quiet, Composer: svc.Composer.MatchConfirmed})
	return New(Config{PublicSearch: true, Security: NoLimits, Hotline: "1414"}, Deps{Store: st, Engine: eng, Log: quiet, SMS: svc}), eng, ix, svc
}

// TestNumberInANameIsHidden: a phone number typed into the name field is
// not published: the record, the search and the match explanations hide
// it, as they do in every other free text.
func TestNumberInANameIsHidden(t *testing.T) {
	h, _, eng := matchingServer(t)
	seek := createReport(t, h, `{"kind":"seek","person":{"full_name":"Тестов 8*701*999*88*77","birth_year":1980},"contact":{"phone":"+77011112233","language":"ru"}}`)
	createReport(t, h, `{"kind":"safe","person":{"full_name":"Тестов 8*701*999*88*77","birth_year":1980},"contact":{"phone":"+77011112244","language":"ru"}}`)
	if err := eng.CatchUp(t.Context()); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/api/v1/reports/" + seek.ID, "/api/v1/reports/" + seek.ID + "/matches", "/r/" + seek.ID,
		"/api/v1/search?q=" + url.QueryEscape("Тестов"), "/search?q=" + url.QueryEscape("Тестов")} {
		// Any part of the number as typed (8*701*999*88*77): "999" alone
		// also turned up in an id or a timestamp's milliseconds now and
		// then, and failed the test without a number shown.
		body := (secReq{"GET", p, "", nil}).do(h).Body.String()
		for _, part := range []string{"701*999", "999*88", "*88*77"} {
			if strings.Contains(body, part) {
				t.Errorf("GET %s shows the number typed into the name (%s)", p, part)
			}
		}
	}
}

// TestHiddenHandleInANameIsNoOracle: a search that names the handle or the
// e-mail hidden in a record's name ranks the records as a search naming
// another handle does: their order answered the guess (attacker trial,
// 2026-12-06), the written forms of equal scores having read the hidden
// words.
func TestHiddenHandleInANameIsNoOracle(t *testing.T) {
	h := searchServerWith(t, "Байжанов Руслан", "Байжанов Руслан @ruslan_bzh", "Байжанов Руслан ruslan.bzh@mail.ru")
	order := func(q string) string { return strings.Join(searchIDs(t, h, q), " ") }
	for _, pair := range [][2]string{
		{"Байжанов Руслан @ruslan_bzh", "Байжанов Руслан @ruslan_bzz"},
		{"Байжанов Руслан ruslan.bzh@mail.ru", "Байжанов Руслан ruslan.bzz@mail.ru"},
		{"Байжанов Руслан ruslan_bzh", "Байжанов Руслан ruslan_bzz"},
	} {
		if right, wrong := order(pair[0]), order(pair[1]); right != wrong {
			t.Errorf("%q ranks %s, %q ranks %s", pair[0], right, pair[1], wrong)
		}
	}
}

// TestHiddenWordsOfANameAreNotSearchable: a search for a word of what the
// hiding removes from a name (an e-mail's or a handle's part) finds no
// record: it found only the record hiding it, which rebuilt the address
// prefix by prefix (attacker trial, 2026-12-06).
func TestHiddenWordsOfANameAreNotSearchable(t *testing.T) {
	h := searchServerWith(t, "Ахметова Гульнара zhanna.k1988@gmail.com", "Ахметова Гульнара", "Серикбаев Нурлан @qwz_kaspi",
		"Омарова Сара sara_om85 собака мейл ру")
	for _, q := range []string{"zhanna", "k1988", "gmail", "qwz", "qwz_kaspi", "kaspi", "om85"} {
		if ids := searchIDs(t, h, q); len(ids) != 0 {
			t.Errorf("q=%s found %d records", q, len(ids))
		}
	}
}

// A door in words is hidden where it ends the address, in its own field:
// once the name fields were joined the given name followed it, it was
// kept, and a search for it found the one record hiding it (a second
// attacker trial, 2026-12-07).
func TestHiddenDoorInANameIsNotSearchable(t *testing.T) {
	h := searchServerWith(t, "Жумабаев Ерлан дом десять", "Сейткали Данияр дом десять кв пять", "Ахметова Гульнара")
	for _, q := range []string{"десять", "пять"} {
		if ids := searchIDs(t, h, q); len(ids) != 0 {
			t.Errorf("q=%s found %d records", q, len(ids))
		}
	}
}

// searchServerWith is searchServer holding a "safe" report (born 1990) of
// each name, indexed.
func searchServerWith(t *testing.T, names ...string) http.Handler {
	t.Helper()
	_, eng, h := searchServer(t)
	for _, name := range names {
		body := `{"kind":"safe","person":{"full_name":"` + name + `","birth_year":1990}}`
		if w := (secReq{"POST", "/api/v1/reports", body, nil}).do(h); w.Code != http.StatusCreated {
			t.Fatalf("post: %d %s", w.Code, w.Body)
		}
	}
	if err := eng.CatchUp(t.Context()); err != nil {
		t.Fatal(err)
	}
	return h
}

// searchIDs are the ids the public search for q answers, in order.
func searchIDs(t *testing.T, h http.Handler, q string) []string {
	t.Helper()
	w := secReq{"GET", "/api/v1/search?q=" + url.QueryEscape(q), "", nil}.do(h)
	var body struct{ Results []PublicHit }
	if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
		t.Fatal(err)
	}
	ids := make([]string, 0, len(body.Results))
	for _, r := range body.Results {
		ids = append(ids, r.Report.ID)
	}
	return ids
}
