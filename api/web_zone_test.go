package api

import (
	"strings"
	"testing"
	"time"

	"tuys/data"
)

// TestPagesShowTheServicesTime: a report filed at 20:30 UTC was filed at
// 01:30 the next day in Almaty; with TUYS_TIMEZONE=+05:00 the public
// record and the console say so, and the JSON API still answers in UTC.
func TestPagesShowTheServicesTime(t *testing.T) {
	almaty := time.FixedZone("UTC+05:00", 5*3600)
	for _, tc := range []struct {
		zone           *time.Location
		day, consoleAt string
	}{
		{nil, "05.01.2026", "2026-01-05 20:30"},
		{almaty, "06.01.2026", "2026-01-06 01:30"},
	} {
		s, h := secServer(t, Config{PublicSearch: true, Security: NoLimits, Zone: tc.zone})
		r := &data.Report{Kind: data.KindSafe, FullName: "Омарова Сара", BirthYear: 1990, Status: data.StatusActive,
			Channel: data.ChannelWeb, CreatedAt: time.Date(2026, 1, 5, 20, 30, 0, 0, time.UTC)}
		if err := s.store.CreateReport(t.Context(), r); err != nil {
			t.Fatal(err)
		}
		if page := (secReq{"GET", "/r/" + r.ID + "?lang=ru", "", nil}).do(h).Body.String(); !strings.Contains(page, tc.day) {
			t.Errorf("zone %v: the record page does not say it was filed on %s", tc.zone, tc.day)
		}
		if page := loggedIn(t, h, s.store, data.RoleVolunteer).get("/v/r/" + r.ID).Body.String(); !strings.Contains(page, tc.consoleAt) {
			t.Errorf("zone %v: the console record does not say it was filed at %s", tc.zone, tc.consoleAt)
		}
		if body := (secReq{"GET", "/api/v1/reports/" + r.ID, "", nil}).do(h).Body.String(); !strings.Contains(body, `"created_at":"2026-01-05T20:30:00Z"`) {
			t.Errorf("zone %v: the API does not answer in UTC: %s", tc.zone, body)
		}
	}
}
