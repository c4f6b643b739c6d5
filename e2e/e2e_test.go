package e2e

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"tuys/api"
)

const (
	seekerPhone = "+77012345678" // the Russian-speaking seeker
	foundPhone  = "+77055551234" // the found person, who writes Latin letters
)

// TestReunion walks the whole story in a real browser against the real
// binary: a seeker files in Russian, the sought person files "I am safe" in
// Kazakh with a Latin spelling, the public search finds her without showing
// a phone, a volunteer logs in and sees the match (in review, confirmed
// there; or auto-confirmed), and the SMS reach the fake Twilio.
func TestReunion(t *testing.T) {
	h := start(t)
	ctx := h.tab(4 * time.Minute)

	seekID := h.fileSeekInRussian(ctx)
	h.fileSafeInKazakh(ctx)
	h.publicSearchHidesPhones(ctx)
	h.login(ctx)
	h.intakeSuggests(ctx)
	h.reviewOrAutoConfirmed(ctx, seekID)
	h.smsReachTwilio()
	h.reviewQueue(ctx)
	h.screenshot(ctx, "console-record-kk", "/v/r/"+seekID+"?lang=kk")
	h.screenshot(ctx, "review-queue-kk", "/v/review?lang=kk")
}

// TestReunionPrivatePage: in each language a family files "looking for" in
// the browser and keeps the private link from the page after filing; the
// person reports safe; the private page then names them, says so in the
// family's language, and shows what the public page does not.
func TestReunionPrivatePage(t *testing.T) {
	h := start(t)
	ctx := h.tab(3 * time.Minute)
	people := map[string][2]string{ // language → the name as the family writes it, as the person does
		"kk": {"Оспанова Жанар", "Ospanova Zhanar"},
		"ru": {"Бекмуратов Данияр", "Bekmuratov Daniyar"},
		"en": {"Kairatova Asem", "Қайратова Әсем"},
	}
	for _, lang := range []string{"kk", "ru", "en"} {
		names := people[lang]
		h.do(ctx, chromedp.Navigate(h.base+"/looking?lang="+lang),
			fill(map[string]string{"person.full_name": names[0], "person.birth_year": "1990", "person.city": "Алматы",
				"contact.name": "Дина", "contact.phone": "+7 701 300 00 0" + strconv.Itoa(len(lang)+len(names[0])%7)}),
			check("consent"), submit(".code"))
		link := regexp.MustCompile(`href="(http[^"]*/p/[0-9a-f]{32})"`).FindStringSubmatch(h.html(ctx))
		if link == nil {
			t.Fatalf("%s: the page after filing shows no private link", lang)
		}
		h.postReport(`{"kind":"safe","person":{"full_name":"` + names[1] + `","birth_year":1990,"city":"Almaty"},"contact":{"phone":"+7 705 400 00 0` + strconv.Itoa(len(lang)) + `","language":"` + lang + `"}}`)
		want := api.T(lang, "outcome.seek.reported_safe", "")
		want = strings.TrimSpace(strings.Split(want, "%")[0])
		deadline := time.Now().Add(40 * time.Second)
		for {
			h.do(ctx, chromedp.Navigate(link[1]+"?lang="+lang))
			page := h.html(ctx)
			if strings.Contains(page, names[1]) && strings.Contains(page, api.T(lang, "private.heading")) {
				assertNoPhone(t, "private page of "+lang, page)
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: the private page never named %s (want %q)", lang, names[1], want)
			}
			time.Sleep(time.Second)
		}
		if lang == "ru" {
			h.screenshot(ctx, "private-after-match", strings.TrimPrefix(link[1], h.base)+"?lang=ru")
		}
	}
}

// reviewQueue files, through the JSON API, two safe reports that both fit a
// later seek report: with a close second the matcher must not decide alone,
// so the pairs wait for a volunteer, who confirms one from the queue.
func (h *harness) reviewQueue(ctx context.Context) {
	h.postReport(`{"kind":"safe","person":{"full_name":"Akhmetov Nurlan","birth_year":1970,"city":"Karaganda"},"contact":{"phone":"+7 702 444 55 66","language":"kk"}}`)
	h.postReport(`{"kind":"safe","person":{"full_name":"Ахметов Нұрлан","birth_year":1971,"city":"Қарағанды"},"contact":{"phone":"+7 702 444 55 77","language":"kk"}}`)
	time.Sleep(2 * time.Second) // let the matcher index both before the seek report arrives
	h.postReport(`{"kind":"seek","person":{"full_name":"Ахметов Нурлан","birth_year":1970,"city":"Караганда"},"contact":{"name":"Айгуль","phone":"+7 701 111 22 33","relation":"сестра","language":"ru"}}`)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		h.do(ctx, chromedp.Navigate(h.base+"/v/review?lang=ru"))
		if strings.Contains(h.html(ctx), "review-item") {
			h.screenshot(ctx, "review-queue", "/v/review?lang=ru")
			h.do(ctx, chromedp.Click(chromedp.CSS(`.review-item button[value=confirm]`)), chromedp.WaitVisible(chromedp.CSS(`.notice`)))
			return
		}
		time.Sleep(time.Second)
	}
	h.t.Log("the second pair did not land in review (the matcher decided it); the queue screenshot shows what is there")
	h.screenshot(ctx, "review-queue", "/v/review?lang=ru")
}

func (h *harness) postReport(body string) {
	h.t.Helper()
	resp, err := http.Post(h.base+"/api/v1/reports", "application/json", strings.NewReader(body))
	if err != nil {
		h.t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		h.t.Fatalf("POST /api/v1/reports: %d", resp.StatusCode)
	}
}

func (h *harness) fileSeekInRussian(ctx context.Context) string {
	h.do(ctx, chromedp.Navigate(h.base+"/looking?lang=ru"),
		fill(map[string]string{"person.full_name": "Сейткали Гульжан", "person.birth_year": "1977",
			"person.city": "Алматы", "contact.name": "Асель", "contact.phone": "+7 701 234 56 78", "contact.relation": "дочь"}),
		check("consent"), submit(".code"))
	page := h.html(ctx)
	if !strings.Contains(page, "Спасибо") || !regexp.MustCompile(`class="code">[0-9a-f]{16}<`).MatchString(page) {
		h.t.Fatalf("Russian confirmation page lacks the thanks or the code")
	}
	return strings.Split(h.location(ctx), "/")[2]
}

func (h *harness) fileSafeInKazakh(ctx context.Context) {
	h.do(ctx, chromedp.Navigate(h.base+"/safe?lang=kk"),
		fill(map[string]string{"person.full_name": "Seitkali Gulzhan", "person.birth_year": "1977",
			"person.city": "Almaty", "contact.phone": "+7 705 555 12 34"}),
		check("consent"), submit(".code"))
	if page := h.html(ctx); !strings.Contains(page, "Рақмет") {
		h.t.Fatalf("Kazakh confirmation page lacks the thanks")
	}
}

// publicSearchHidesPhones waits for the index to see both reports.
func (h *harness) publicSearchHidesPhones(ctx context.Context) {
	var page string
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		h.do(ctx, chromedp.Navigate(h.base+"/search?q=Seitkali&lang=en"))
		if page = h.html(ctx); strings.Contains(page, "Gulzhan") && strings.Contains(page, "Гульжан") {
			break
		}
		time.Sleep(time.Second)
	}
	if !strings.Contains(page, "Gulzhan") {
		h.t.Fatalf("public search for Seitkali found nobody within 60 s")
	}
	assertNoPhone(h.t, "public search", page)
	h.screenshot(ctx, "search-results", "/search?q=Seitkali&lang=en")
}

func assertNoPhone(t *testing.T, where, page string) {
	t.Helper()
	digits := regexp.MustCompile(`[^0-9]`).ReplaceAllString(page, "")
	for _, p := range []string{seekerPhone, foundPhone} {
		if strings.Contains(digits, p[4:]) { // the 8 digits after +7 7xx, in any formatting
			t.Errorf("%s shows the phone number %s", where, p)
		}
	}
}

func (h *harness) login(ctx context.Context) {
	h.do(ctx, chromedp.Navigate(h.base+"/v/"), chromedp.WaitVisible(chromedp.CSS(`input[name=password]`)),
		fill(map[string]string{"login": volunteerLogin, "password": volunteerPassword}),
		submit(`nav.console`))
	if loc := h.location(ctx); loc != "/v/" {
		h.t.Fatalf("after login at %s", loc)
	}
}

// intakeSuggests types a caller's sought person into the intake form and
// waits for the possible match that static/app.js fetches as they type.
func (h *harness) intakeSuggests(ctx context.Context) {
	h.do(ctx, chromedp.Navigate(h.base+"/v/intake?lang=ru"),
		chromedp.SendKeys(chromedp.CSS(`[name="person.full_name"]`), "Сейткали Гульжан"),
		chromedp.WaitVisible(chromedp.CSS(`#suggest-list a`)))
	list, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#suggest-list`)))
	if err != nil || !strings.Contains(list, "Gulzhan") {
		h.t.Errorf("as-you-type matches: %q %v", list, err)
	}
}

// reviewOrAutoConfirmed waits for the matcher, then confirms a match in
// review as a volunteer would, or checks it was confirmed automatically.
func (h *harness) reviewOrAutoConfirmed(ctx context.Context, seekID string) {
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		h.do(ctx, chromedp.Navigate(h.base+"/v/review?lang=ru"))
		if strings.Contains(h.html(ctx), "review-item") {
			h.screenshot(ctx, "review-queue", "/v/review?lang=ru")
			h.do(ctx, chromedp.Click(chromedp.CSS(`.review-item button[value=confirm]`)), chromedp.WaitVisible(chromedp.CSS(`.notice`)))
			return
		}
		h.do(ctx, chromedp.Navigate(h.base+"/v/r/"+seekID+"?lang=ru"))
		if page := h.html(ctx); strings.Contains(page, api.T("ru", "label.match.auto_confirmed")) ||
			strings.Contains(page, api.T("ru", "label.match.confirmed")) {
			h.t.Log("the match was confirmed automatically")
			return
		}
		time.Sleep(time.Second)
	}
	h.t.Fatalf("no match for %s in review or confirmed within 60 s", seekID)
}

// smsReachTwilio: the seeker hears the person is safe, the found person who
// is looking for them (double opt-in: no number is shared yet).
func (h *harness) smsReachTwilio() {
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if len(h.twilio.SentTo(seekerPhone)) > 0 && len(h.twilio.SentTo(foundPhone)) > 0 {
			break
		}
		time.Sleep(500 * time.Millisecond)
	}
	toSeeker, toFound := h.twilio.SentTo(seekerPhone), h.twilio.SentTo(foundPhone)
	if len(toSeeker) == 0 || len(toFound) == 0 {
		h.t.Fatalf("SMS in fake Twilio: %d to the seeker, %d to the found person (all: %+v)", len(toSeeker), len(toFound), h.twilio.Messages())
	}
	if strings.Contains(toSeeker[0].Body, foundPhone) {
		h.t.Errorf("the seeker got the found person's number before consent: %q", toSeeker[0].Body)
	}
	h.t.Logf("SMS to seeker: %q", toSeeker[0].Body)
	h.t.Logf("SMS to found person: %q", toFound[0].Body)
}

// TestFormsWithoutJavaScript files a report with scripts switched off and
// takes the screenshots of the public pages.
func TestFormsWithoutJavaScript(t *testing.T) {
	h := start(t)
	ctx := h.tab(2 * time.Minute)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	h.do(ctx, chromedp.Navigate(h.base+"/?lang=kk"))
	if home := h.html(ctx); !strings.Contains(home, twilioFrom) || strings.Contains(home, "<script") {
		t.Errorf("home page: SMS number %s shown: %v; script-free: %v", twilioFrom, strings.Contains(home, twilioFrom), !strings.Contains(home, "<script"))
	}
	h.screenshot(ctx, "home", "/?lang=kk")
	h.do(ctx, chromedp.Navigate(h.base+"/looking?lang=ru"), submit(".problem"))
	page := h.html(ctx)
	if strings.Count(page, `class="error"`) < 2 {
		t.Errorf("empty form shows %d field errors", strings.Count(page, `class="error"`))
	}
	h.screenshot(ctx, "form-errors", "")
	h.do(ctx, fill(map[string]string{"person.full_name": "Nurlanov Erlan", "person.age": "45", "person.city": "Taraz",
		"contact.phone": "+7 701 765 43 21"}), check("consent"), submit(".code"))
	loc := h.location(ctx)
	if !strings.HasSuffix(loc, "/filed") {
		t.Fatalf("without JavaScript the form ended at %s", loc)
	}
	// A neighbour subscribes to news of this report by SMS from its page.
	const neighbour = "+77019998877"
	h.do(ctx, chromedp.Navigate(h.base+strings.TrimSuffix(loc, "/filed")+"?lang=ru"),
		chromedp.SetValue(chromedp.CSS(`#phone`), "8 701 999 88 77"),
		chromedp.Click(chromedp.CSS(`form[action$="/subscribe"] button`)), chromedp.WaitVisible(chromedp.CSS(`.notice`)))
	deadline := time.Now().Add(30 * time.Second)
	for len(h.twilio.SentTo(neighbour)) == 0 && time.Now().Before(deadline) {
		time.Sleep(500 * time.Millisecond)
	}
	if len(h.twilio.SentTo(neighbour)) == 0 {
		t.Errorf("no subscription confirmation SMS reached %s", neighbour)
	}
}

// screenshot saves path (or the current page when path is "") at 360 and
// 1280 px into docs/screenshots when TUYS_SCREENSHOTS=1 or a file is missing,
// so make test does not rewrite committed images on every run.
func (h *harness) screenshot(ctx context.Context, name, path string) {
	h.t.Helper()
	dir := filepath.Join(h.root, "docs", "screenshots")
	for _, w := range []int64{360, 1280} {
		file := filepath.Join(dir, name+"-"+strconv.FormatInt(w, 10)+".png")
		if _, err := os.Stat(file); err == nil && os.Getenv("TUYS_SCREENSHOTS") != "1" {
			continue
		}
		steps := []chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(w, 800)}
		if path != "" {
			steps = append(steps, chromedp.Navigate(h.base+path))
		}
		h.do(ctx, steps...)
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			h.t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(file, png, 0o644); err != nil {
			h.t.Fatal(err)
		}
	}
	h.do(ctx, chromedp.EmulateViewport(1280, 900))
}
