package search

import (
	"context"
	"strings"
	"testing"
	"time"

	"tuys/data"
)

// numberCase files a seek report for a woman whose names are spelled apart
// from a safe report's (a pair that alone needs a volunteer), with the
// seeker's "I know their number" set to sought, and returns the match.
type numberCase struct {
	name          string
	sought        string // the seeker's person.phone
	safeChannel   string
	safeFirst     bool // the safe report was filed before the seek report
	wantState     string
	wantReason    string // a volunteer-only reason the match must carry
	sameAsNoGuess bool   // state and score equal to the pair without a number
}

const safeNumber = "+77055554433"

func fileNumberCase(t *testing.T, c numberCase) data.Match {
	t.Helper()
	ctx := context.Background()
	st := openTestStore(t)
	eng, _ := newTestEngine(t, st, Options{})
	seek := report(data.KindSeek, "Сейтказиева Гульжанат", 1977, "Алматы", "F")
	seek.ContactPhone, seek.SoughtPhone = "+77011112233", c.sought
	safe := report(data.KindSafe, "Seitkali Gulzhanat", 1977, "Almaty", "F")
	safe.ContactPhone, safe.Channel = safeNumber, c.safeChannel
	t0 := time.Now().Add(-time.Hour).Truncate(time.Millisecond)
	seek.CreatedAt, safe.CreatedAt = t0, t0.Add(time.Minute)
	if c.safeFirst {
		seek.CreatedAt, safe.CreatedAt = safe.CreatedAt, seek.CreatedAt
	}
	for _, r := range []*data.Report{seek, safe} {
		if err := st.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := eng.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	ms, err := st.MatchesForReport(ctx, seek.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 {
		t.Fatalf("%s: %d matches, want 1: %+v", c.name, len(ms), ms)
	}
	return ms[0]
}

// TestANumberDecidesOnlyWhenProven: "I know their number" makes a match
// automatic across a spelling difference only when the safe report was
// sent by SMS from that number after the seeker gave it. A number typed on
// a form, or given after the safe report was public, is a guess as far as
// anyone can tell: it changes neither the state nor the score (both are
// public, and would answer "is this their number?"), and only volunteers
// see that the numbers agree.
func TestANumberDecidesOnlyWhenProven(t *testing.T) {
	control := fileNumberCase(t, numberCase{name: "no number", safeChannel: data.ChannelSMS})
	if control.State == data.MatchAutoConfirmed {
		t.Fatalf("control: the pair is automatic without the number (%+v): pick names further apart", control)
	}
	cases := []numberCase{
		{name: "SMS from the number, after the seeker gave it", sought: safeNumber, safeChannel: data.ChannelSMS,
			wantState: data.MatchAutoConfirmed, wantReason: FieldVerified},
		{name: "typed on the web form", sought: safeNumber, safeChannel: data.ChannelWeb,
			wantState: control.State, wantReason: FieldKnownNumber, sameAsNoGuess: true},
		{name: "typed through the API", sought: safeNumber, safeChannel: data.ChannelAPI,
			wantState: control.State, wantReason: FieldKnownNumber, sameAsNoGuess: true},
		{name: "seeker gave it after the SMS report was public", sought: safeNumber, safeChannel: data.ChannelSMS, safeFirst: true,
			wantState: control.State, wantReason: FieldKnownNumber, sameAsNoGuess: true},
		{name: "a wrong number", sought: "+77057770000", safeChannel: data.ChannelSMS,
			wantState: control.State, sameAsNoGuess: true},
	}
	for _, c := range cases {
		m := fileNumberCase(t, c)
		if m.State != c.wantState {
			t.Errorf("%s: state %s, want %s", c.name, m.State, c.wantState)
		}
		if m.Score != control.Score {
			t.Errorf("%s: the score moved with the number: %v, %v without", c.name, m.Score, control.Score)
		}
		if c.wantReason != "" && !strings.Contains(m.Explanation, `"field":"`+c.wantReason+`"`) {
			t.Errorf("%s: the volunteer's explanation lacks %q: %s", c.name, c.wantReason, m.Explanation)
		}
		if c.sameAsNoGuess && strings.Join(StoredLines(m.Explanation, false, English), "|") != strings.Join(StoredLines(control.Explanation, false, English), "|") {
			t.Errorf("%s: the public explanation differs from the pair without a number", c.name)
		}
		for _, l := range StoredLines(m.Explanation, false, English) {
			if strings.Contains(l, "number") || strings.Contains(l, "phone") {
				t.Errorf("%s: public explanation mentions the number: %q", c.name, l)
			}
		}
	}
}
