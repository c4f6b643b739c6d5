package api

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
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
	const sought = "+77055554433"
	seen := map[string]string{}
	for _, guess := range []string{sought, "+77057770000"} {
		seen[guess] = publicAfterGuess(t, sought, guess)
	}
	if seen[sought] != seen["+77057770000"] {
		t.Errorf("a right guess shows otherwise than a wrong one:\nright: %s\nwrong: %s", seen[sought], seen["+77057770000"])
	}
	if !strings.Contains(seen[sought], "review") {
		t.Errorf("the pair should wait for a volunteer either way: %s", seen[sought])
	}
}

// publicAfterGuess files the seek report with the sought number, then a
// spelled-apart safe report with guess as its contact, and returns what
// the public reads about both, with ids and times taken out.
func publicAfterGuess(t *testing.T, sought, guess string) string {
	h, _, eng := matchingServer(t)
	seek := createReport(t, h, `{"kind":"seek","person":{"full_name":"Сейтказиева Гульжанат","birth_year":1977,"sex":"F","city":"Алматы","phone":"`+sought+`"},"contact":{"name":"Данияр","phone":"+77011112233","relation":"son","language":"ru"}}`)
	if err := eng.CatchUp(t.Context()); err != nil {
		t.Fatal(err)
	}
	safe := createReport(t, h, `{"kind":"safe","person":{"full_name":"Seitkali Gulzhanat","birth_year":1977,"sex":"F","city":"Almaty"},"contact":{"phone":"`+guess+`","language":"ru"}}`)
	if err := eng.CatchUp(t.Context()); err != nil {
		t.Fatal(err)
	}
	filed, _ := json.Marshal(struct{ Possible int }{safe.PossibleMatches})
	out := []string{string(filed)}
	for _, p := range []string{"/api/v1/reports/" + seek.ID, "/api/v1/reports/" + safe.ID, "/api/v1/reports/" + seek.ID + "/matches",
		"/api/v1/reports/" + safe.ID + "/matches", "/r/" + seek.ID, "/r/" + safe.ID} {
		out = append(out, secReq{"GET", p, "", nil}.do(h).Body.String())
	}
	all := strings.Join(out, "\n")
	all = strings.NewReplacer(seek.ID, "SEEK", safe.ID, "SAFE").Replace(all)
	return volatile.ReplaceAllString(all, "…")
}

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
	return New(Config{PublicSearch: true, Security: NoLimits}, Deps{Store: st, Engine: eng, Log: quiet, SMS: svc}), eng, ix
}
