package api

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"tuys/api/intake"
	"tuys/data"
	"tuys/exchange"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata/web")

// goldenTime keeps dates in golden files stable.
var goldenTime = time.Date(2022, 1, 6, 9, 30, 0, 0, time.UTC)

func goldenReport() *data.Report {
	return &data.Report{ID: "01GOLDENSAFE", Kind: data.KindSafe, FullName: "Сейітқали Гүлжан", BirthYear: 1977,
		City: "Алматы", Description: "в синей куртке", ContactName: "Гүлжан", ContactPhone: "+77055551234",
		Relation: "өзі", Language: "kk", Channel: data.ChannelWeb, Status: data.StatusActive,
		CreatedAt: goldenTime, ExpiresAt: goldenTime.AddDate(0, 0, 90)}
}

// goldenData is one fixed page per template, with errors where the page
// has a form, so the golden file shows the error markup too.
func goldenData() map[string]func(p *page) {
	r := goldenReport()
	pub := publicView(r)
	note := PublicNote{ID: "n1", Status: data.NoteBelievedAlive, Text: "видела её в Талдыкоргане", Author: "Асель", CreatedAt: goldenTime}
	hits := []consoleHit{{Report: pub, Score: "0.91", Reasons: []string{"name: Seitkali ≈ Сейітқали"}}}
	match := data.Match{ID: "01GOLDENMATCH", SeekID: "01GOLDENSEEK", SafeID: r.ID, Score: 0.74, State: data.MatchReview}
	form := newReportForm("seek", "ru")
	form.FullName, form.BirthYear, form.FormID = "Жумабаев Ерлан", "19x5", "0f0f0f0f0f0f0f0f0f0f0f0f"
	return map[string]func(p *page){
		"home": func(p *page) {
			p.D = struct {
				Search   bool
				Number   string
				Commands []smsCommand
			}{true, "+77750001414", []smsCommand{{"SAFE / АМАН / ЖИВ", "SAFE Gulzhan 1977 Almaty", p.T("home.sms.safe")}}}
		},
		"report_form": func(p *page) {
			p.Errors = translateFields(intake.FieldErrors{"person.birth_year": {Key: "web.err.number"}, "consent": {Key: "web.err.consent"}}, p.Lang)
			p.Problem = "err.validation"
			p.D = reportFormData{Form: form, Cities: []string{"Алматы", "Астана"}, Expiry: expiryChoices, Action: "/looking", Seeking: true}
		},
		"filed": func(p *page) {
			p.D = filedData{Report: pub, Code: "0123456789abcdef", PrivateURL: "https://tuys.example.kz/p/00112233445566778899aabbccddeeff",
				Days: "90", Possible: 1, Landline: T(p.Lang, "filed.landline", "1414")}
		},
		"private": func(p *page) {
			at := time.Date(2022, 1, 7, 10, 0, 0, 0, time.UTC)
			p.D = &privateData{Token: "00112233445566778899aabbccddeeff", Report: pub, ContactName: "Айгуль",
				ContactPhone: "+7***67", News: p.T("outcome.seek.reported_safe", "07.01.2022"), Seeking: true, SMSOff: true,
				Matches: []privateNews{{Other: pub, At: at, Verified: true, Phone: "+905321234567"}, {Other: pub, At: at, Asked: true}},
				SMS:     []privateSMS{{At: at, State: "sms.state.logged", Body: "tuys: ..."}}}
		},
		"search": func(p *page) {
			p.D = &searchData{Q: "Seitkali", Asked: true, MaxShown: 20,
				Results: []searchResult{{Report: pub, Status: p.T("status.safe.active"), Date: "2022-01-06"}}}
		},
		"record": func(p *page) {
			p.Errors = translateFields(intake.FieldErrors{"text": {Key: "field.required"}}, p.Lang)
			p.D = &recordData{Report: pub, Status: p.T("status.safe.active"), Notes: []PublicNote{note},
				Statuses: []string{"", data.NoteBelievedAlive}, Phone: defaultPhone}
		},
		"login": func(p *page) { p.Problem = "login.wrong"; p.D = loginData{Login: "aigerim", Next: "/v/review"} },
		"error": func(p *page) {
			p.D = errorPageData{404, p.T("err.not_found"), "4f1c2a9be07d53a6c81e2f90"}
		},
		"deleted": func(p *page) {},
		"dashboard": func(p *page) {
			p.D = dashboardData{Groups: []statGroup{{Title: "dash.reports", Rows: []statRow{{statLabel(p.Lang, "safe"), 3}, {statLabel(p.Lang, "seek"), 5}}}},
				Waiting: true, OldestReview: "2022-01-06 14:30", StalledSince: "2022-01-06 14:31", SMSOff: true}
		},
		"intake": func(p *page) {
			f := newReportForm("seek", p.Lang)
			f.FormID = "0f0f0f0f0f0f0f0f0f0f0f0f"
			p.D = &intakeData{Form: f, Cities: []string{"Алматы"}, Filed: pub,
				Code: "0123456789abcdef", Done: true, Matches: hits, Landline: true}
		},
		"vsearch": func(p *page) { p.D = &consoleSearchData{Q: "Seitkali", Kind: "safe", Asked: true, Hits: hits} },
		"review": func(p *page) {
			p.D = []reviewItem{{Match: match, Seek: PublicReport{ID: "01GOLDENSEEK", Kind: data.KindSeek, FullName: "Seitkali Gulzhan",
				BirthYear: 1977, City: "Almaty", CreatedAt: goldenTime}, Safe: pub, Score: "0.74", Reasons: []string{"year: 1977 = 1977"}, Known: []PublicReport{pub}}}
		},
		"vrecord": func(p *page) {
			other := pub
			p.D = &consoleRecordData{R: r, Linked: &other, Notes: []PublicNote{note}, Matches: []matchView{{Match: match, OtherID: "01GOLDENSEEK",
				Other: &other, Reasons: []string{"year: 1977 = 1977 (+0.04)"},
				Messages: []messageView{{To: "+7***34", StateKey: "sms.state.delivered", Purpose: "found", Segments: 2},
					{To: "+7***67", StateKey: "sms.state.logged", Purpose: "seeker", Body: "tuys: Seitkali G. (1977, Almaty) ...", Segments: 2}}, Pending: true}}}
		},
		"audit": func(p *page) {
			p.D = []data.AuditEntry{{ID: 1, Actor: "aigerim", Action: "view_contact", Target: "01GQ1C0RJ8QF2Z6V7W0Y5X4N3M", At: goldenTime}, {ID: 2, Actor: "aigerim", Action: "match.confirm", Target: "m36d8aa01", At: goldenTime}}
		},
		"import": func(p *page) { // the preview of an uploaded list
			sum := &exchange.Summary{Rows: 2, Filed: 1, Rejected: 1, Reports: []exchange.Filed{{Row: 2, Report: r}}}
			job := &importJob{ID: "01GOLDENJOB", FileName: "hospital7.xlsx", Opts: exchange.Options{Source: "Больница №7"}, Preview: sum}
			p.D = &importPageData{Job: job, Sample: sum.Reports, Errors: []string{RowErrorText(p.Lang, exchange.RowError{Row: 3,
				Column: "Год рождения", Value: "3000", Name: "Нурланов Тимур", FieldError: intake.FieldError{Key: "field.birth_year", Args: []any{1900, 2026}}})}}
		},
	}
}

var goldenTitles = map[string]string{"home": "home.title", "report_form": "looking.title", "filed": "filed.title", "private": "private.title",
	"search": "search.title", "record": "record.title", "login": "login.title", "error": "page.error",
	"deleted": "deleted.title", "dashboard": "dash.title", "intake": "intake.title", "vsearch": "vsearch.title",
	"review": "review.title", "vrecord": "vrecord.title", "audit": "audit.title", "import": "import.title"}

// TestTemplatesGolden renders every template in every language with fixed
// data and compares with testdata/web; `go test ./api -update` rewrites them.
func TestTemplatesGolden(t *testing.T) {
	s, _, _ := newWebServer(t, Config{})
	cases := goldenData()
	var names []string
	for name := range s.web.pages {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fill, ok := cases[name]
		if !ok {
			t.Errorf("template %s has no golden case", name)
			continue
		}
		for _, l := range data.Languages {
			p := &page{Lang: l, Title: goldenTitles[name], CSRF: "c5rf70k3nc5rf70k3nc5rf70k3nc5rf7", Hotline: "1414", Errors: map[string]string{},
				Langs: []langLink{{"kk", "Қазақша", "/?lang=kk", l == "kk"}, {"ru", "Русский", "/?lang=ru", l == "ru"}, {"en", "English", "/?lang=en", l == "en"}}}
			if name[0] == 'v' || name == "dashboard" || name == "intake" || name == "review" || name == "audit" || name == "import" {
				p.User, p.Compact = &data.Volunteer{Login: "aigerim", Role: data.RoleCoordinator}, true
			}
			fill(p)
			var buf bytes.Buffer
			if err := s.web.pages[name].Execute(&buf, p); err != nil {
				t.Fatalf("%s/%s: %v", name, l, err)
			}
			compareGolden(t, filepath.Join("testdata", "web", name+"."+l+".html"), buf.Bytes())
		}
	}
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *updateGolden {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: %v (run go test ./api -run Golden -update)", path, err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the rendered page (run go test ./api -run Golden -update and review the diff)", path)
	}
}

// Every key the English pages use exists in Kazakh and Russian too.
func TestWebCatalogsComplete(t *testing.T) {
	for key := range catalog["en"] {
		for _, l := range []string{"kk", "ru"} {
			if _, ok := catalog[l][key]; !ok {
				t.Errorf("%s lacks %q", l, key)
			}
		}
	}
}
