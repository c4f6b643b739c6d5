package api

import (
	"strings"
	"testing"
	"time"

	"tuys/data"
	"tuys/notify"
)

// stalledEngine is an engine whose catch-ups have failed since a time
// (only the dashboard asks it anything).
type stalledEngine struct {
	Engine
	since time.Time
}

func (e stalledEngine) StalledSince() time.Time { return e.since }

// A node whose matching has stopped tells the volunteers on their
// dashboard since when, in their language; a working one says nothing.
func TestDashboardWarnsWhenMatchingStalled(t *testing.T) {
	s, store, h := newWebServer(t, Config{})
	b := loggedIn(t, h, store, data.RoleVolunteer)
	warning := strings.SplitN(T("ru", "dash.stalled"), "%s", 2)[0]
	s.engine = stalledEngine{}
	if body := b.get("/v/").Body.String(); strings.Contains(body, warning) {
		t.Error("a working node's dashboard warns of a stall")
	}
	s.engine = stalledEngine{since: time.Date(2022, 1, 6, 8, 30, 0, 0, time.UTC)}
	body := b.get("/v/").Body.String()
	mustContain(t, body, warning, "2022-01-06")
}

// Without SMS set up the dashboard says that its "sent" SMS only went to
// the log (a new user's trial, 2026-12-07: "sent 15" beside records that
// said "logged (not sent)").
func TestDashboardSaysWhenSMSOnlyLogged(t *testing.T) {
	s, store, h := newWebServer(t, Config{})
	b := loggedIn(t, h, store, data.RoleVolunteer)
	mustContain(t, b.get("/v/").Body.String(), escapeHTML(T("ru", "dash.sms_off")))
	s.deps.SMS = &notify.Service{Config: notify.Config{Gateway: notify.GatewayGammu}} // a modem sends
	if strings.Contains(b.get("/v/").Body.String(), escapeHTML(T("ru", "dash.sms_off"))) {
		t.Error("a node that sends SMS says they only went to the log")
	}
}
