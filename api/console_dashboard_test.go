package api

import (
	"strings"
	"testing"
	"time"

	"tuys/data"
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
