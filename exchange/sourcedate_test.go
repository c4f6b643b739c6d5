package exchange

import (
	"testing"
	"time"
)

// TestParseSourceDate: the day a list was made is that day in every zone
// from UTC-11 to UTC+11 (pages and SMS show dates in the service's zone),
// in either way people write it; a day after today is refused.
func TestParseSourceDate(t *testing.T) {
	now := time.Date(2022, 1, 10, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in  string
		day string // "" = refused
	}{
		{"2022-01-07", "2022-01-07"}, {"07.01.2022", "2022-01-07"}, {" 2022-01-10 ", "2022-01-10"},
		{"2022-01-11", "2022-01-11"}, // tomorrow in a zone east of UTC
		{"2022-01-12", ""}, {"2099-01-01", ""}, {"7 Jan 2022", ""}, {"2022-13-01", ""}, {"", ""},
	} {
		d, err := ParseSourceDate(tc.in, now)
		if tc.day == "" {
			if err == nil {
				t.Errorf("ParseSourceDate(%q) = %v, want refused", tc.in, d)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseSourceDate(%q): %v", tc.in, err)
			continue
		}
		for _, off := range []int{-11, -5, 0, 5, 11} {
			if got := d.In(time.FixedZone("", off*3600)).Format("2006-01-02"); got != tc.day {
				t.Errorf("ParseSourceDate(%q) at UTC%+d is %s, want %s", tc.in, off, got, tc.day)
			}
		}
	}
}
