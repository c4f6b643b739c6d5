package api

import (
	"net/http"
	"strings"
	"testing"

	"tuys/data"
	"tuys/notify"
)

// A report filed with a landline says so to its author on the page after
// filing, in their language: SMS cannot reach it, and the family would
// wait for our SMS in vain. Nobody else is told what kind of number a
// report carries.
func TestFiledWithALandlineIsTold(t *testing.T) {
	_, _, h := newWebServer(t, Config{})
	for _, lang := range data.Languages {
		for _, tt := range []struct {
			phone string
			told  bool
		}{{"+7 727 250 12 34", true}, {"8 (7172) 12-34-56", true}, {"+7 701 123 45 67", false}} {
			b := newBrowser(t, h, lang)
			b.get("/looking")
			form := seekForm()
			form.Set("contact.phone", tt.phone)
			w := b.post("/looking", form)
			if w.Code != 303 {
				t.Fatalf("%s %s: post %d %.300s", lang, tt.phone, w.Code, w.Body)
			}
			loc := w.Header().Get("Location")
			page := b.get(loc).Body.String()
			told := strings.Contains(page, escapeHTML(landlineNotice(lang)))
			if told != tt.told {
				t.Errorf("%s %s: told of a landline = %v, want %v", lang, tt.phone, told, tt.told)
			}
			// and then not promised SMS it cannot get (a new user's trial, 2026-12-07)
			if promised := strings.Contains(page, escapeHTML(T(lang, "filed.next_seek"))); promised == tt.told {
				t.Errorf("%s %s: promised SMS = %v beside the landline notice = %v", lang, tt.phone, promised, told)
			}
			for _, cookie := range []string{"", "x", "0123456789abcdef.00112233445566778899aabbccddeeff"} {
				stranger := newBrowser(t, h, lang)
				if cookie != "" { // any cookie of their own making is no deletion code
					stranger.cookies[codeCookie] = &http.Cookie{Name: codeCookie, Value: cookie, Path: loc}
				}
				if strings.Contains(stranger.get(loc).Body.String(), escapeHTML(landlineNotice(lang))) {
					t.Errorf("%s %s: a stranger with cookie %q is told the number is a landline", lang, tt.phone, cookie)
				}
			}
		}
	}
}

// The volunteer who typed a caller's landline is told at once, while the
// caller is still on the line.
func TestIntakeWithALandlineTellsTheVolunteer(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	b := loggedIn(t, h, store, data.RoleVolunteer)
	for _, tt := range []struct {
		phone string
		told  bool
	}{{"+7 727 250 12 34", true}, {"+7 701 765 43 21", false}} {
		page := b.get("/v/intake").Body.String()
		form := seekForm()
		form.Set("csrf_token", formToken(t, page))
		form.Set("contact.phone", tt.phone)
		w := b.post("/v/intake", form)
		if w.Code != 303 {
			t.Fatalf("%s: intake %d %.300s", tt.phone, w.Code, w.Body)
		}
		told := strings.Contains(b.get(w.Header().Get("Location")).Body.String(), escapeHTML(T("ru", "intake.landline")))
		if told != tt.told {
			t.Errorf("%s: volunteer told of a landline = %v, want %v", tt.phone, told, tt.told)
		}
	}
}

// landlineNotice is the notice's text up to the hotline's number.
func landlineNotice(lang string) string {
	before, _, _ := strings.Cut(T(lang, "filed.landline", "\x00"), "\x00")
	return before
}

// The JSON API says the same to the author who filed through it, as a
// notice beside the 201 answer; a mobile number gets none.
func TestAPIFilingWithALandlineIsTold(t *testing.T) {
	s, _ := newTestServer(t)
	h := s.Handler()
	for _, tt := range []struct {
		phone string
		told  bool
	}{{"+7 727 250 12 34", true}, {"+7 701 123 45 67", false}} {
		w := do(t, h, "POST", "/api/v1/reports", `{"kind":"seek","person":{"full_name":"Жумабаев Ерлан"},"contact":{"name":"Айгуль","phone":"`+tt.phone+`","relation":"sister","language":"kk"}}`,
			"Accept-Language", "kk")
		if w.Code != http.StatusCreated {
			t.Fatalf("%s: %d %s", tt.phone, w.Code, w.Body)
		}
		told := strings.Contains(w.Body.String(), `"code":"landline"`) && strings.Contains(w.Body.String(), landlineNotice("kk"))
		if told != tt.told {
			t.Errorf("%s: told of a landline = %v, want %v: %s", tt.phone, told, tt.told, w.Body)
		}
	}
}

// TestFiledPagePromisesOnlySMSThatCome: "reply STOP" only where SMS leave
// (not into the log), and an "I am safe" author without a number is told
// we cannot write to them, which nobody else opening the page learns (a
// new user's trial, 2026-12-07).
func TestFiledPagePromisesOnlySMSThatCome(t *testing.T) {
	_, _, h := newWebServer(t, Config{})
	s, _, hs := newWebServer(t, Config{})
	s.deps.SMS = &notify.Service{Config: notify.Config{Gateway: notify.GatewayGammu}}
	for _, tc := range []struct {
		h          http.Handler
		phone      string
		want, nots []string
	}{
		{h, "+7 701 123 45 67", []string{T("en", "filed.sms_off", "1414"), T("en", "filed.next_safe")}, []string{"STOP"}},
		{hs, "+7 701 123 45 67", []string{T("en", "filed.sms"), T("en", "filed.next_safe")}, []string{T("en", "filed.sms_off", "1414")}},
		{hs, "", []string{T("en", "filed.next_safe_nophone")}, []string{"STOP", T("en", "filed.next_safe")}},
	} {
		b := newBrowser(t, tc.h, "en")
		b.get("/safe")
		form := seekForm()
		form.Set("contact.phone", tc.phone)
		w := b.post("/safe", form)
		if w.Code != http.StatusSeeOther {
			t.Fatalf("post: %d %s", w.Code, w.Body)
		}
		loc := w.Header().Get("Location")
		page := b.get(loc).Body.String()
		mustContain(t, page, tc.want...)
		mustNotContain(t, page, tc.nots...)
		if stranger := newBrowser(t, tc.h, "en").get(loc).Body.String(); strings.Contains(stranger, T("en", "filed.next_safe_nophone")) {
			t.Errorf("a stranger opening %s learns the author gave no number", loc)
		}
	}
}

// A family abroad who gave a landline is not sent to a short hotline
// number they cannot dial from there, unless the hotline is written as a
// number the world can call.
func TestLandlineAbroadIsNotSentToAShortHotline(t *testing.T) {
	for _, tt := range []struct {
		hotline, phone string
		want           string // catalog key of the notice
	}{
		{"1414", "+7 727 250 12 34", "filed.landline"},
		{"1414", "+49 30 12345678", "filed.landline_abroad"},
		{"1414", "+7 495 123 45 67", "filed.landline_abroad"}, // Moscow: +7, but not Kazakhstan
		{"+7 727 355 14 14", "+49 30 12345678", "filed.landline"},
		{"1414", "+7 701 123 45 67", ""},
	} {
		s, _ := newTestServer(t)
		s.cfg.Hotline = tt.hotline
		phone, _ := data.NormalizePhone(tt.phone)
		for _, lang := range data.Languages {
			want := ""
			switch tt.want {
			case "filed.landline":
				want = T(lang, tt.want, tt.hotline)
			case "filed.landline_abroad":
				want = T(lang, tt.want)
			}
			if got := s.landlineNotice(lang, phone); got != want {
				t.Errorf("hotline %s, %s (%s): %q, want %q", tt.hotline, tt.phone, lang, got, want)
			}
		}
	}
}
