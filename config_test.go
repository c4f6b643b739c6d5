package main

import (
	"testing"
	"time"
)

// TestParseZone: TUYS_TIMEZONE takes an offset in the ways people write
// one, or a zone name; anything else is refused with what to write.
func TestParseZone(t *testing.T) {
	at := time.Date(2026, 1, 5, 20, 30, 0, 0, time.UTC)
	for _, tc := range []struct {
		in, want string // want: at, as a clock in the zone; "" = refused
	}{
		{"+05:00", "01:30"}, {"+5", "01:30"}, {"UTC+5", "01:30"}, {"+0530", "02:00"}, {"-03:30", "17:00"},
		{"Asia/Almaty", ""}, // only checked to load: its offset depends on the zone files' age
		{"Europe/Moscow", "23:30"}, {"", "20:30"}, {"UTC", "20:30"}, {"utc", "20:30"}, {"utc+05:00", "01:30"}, {"+14:00", "10:30"},
		{"+15:00", ""}, {"+14:59", ""}, {"+05:60", ""}, {"+05:75", ""}, {"+123", ""}, {"Local", ""}, {"Almaty", ""}, {"5", ""},
	} {
		loc, err := parseZone(tc.in)
		switch {
		case tc.in == "Asia/Almaty":
			if err != nil {
				t.Errorf("parseZone(%q): %v", tc.in, err)
			}
		case tc.want == "":
			if err == nil {
				t.Errorf("parseZone(%q) = %v, want an error", tc.in, loc)
			}
		case err != nil:
			t.Errorf("parseZone(%q): %v", tc.in, err)
		case at.In(loc).Format("15:04") != tc.want:
			t.Errorf("parseZone(%q): 20:30 UTC reads %s, want %s", tc.in, at.In(loc).Format("15:04"), tc.want)
		}
	}
}
