package notify

import (
	"strings"
	"testing"
)

func TestSegments(t *testing.T) {
	tests := []struct {
		name string
		body string
		enc  string
		want int
	}{
		{"empty", "", GSM7, 0},
		{"latin 160", strings.Repeat("a", 160), GSM7, 1},
		{"latin 161", strings.Repeat("a", 161), GSM7, 2},
		{"latin 306", strings.Repeat("a", 306), GSM7, 2},
		{"latin 307", strings.Repeat("a", 307), GSM7, 3},
		{"extension chars count twice", strings.Repeat("€", 80), GSM7, 1},
		{"extension 81 → 162 septets", strings.Repeat("€", 81), GSM7, 2},
		{"cyrillic 70", strings.Repeat("ж", 70), UCS2, 1},
		{"cyrillic 71", strings.Repeat("ж", 71), UCS2, 2},
		{"cyrillic 134", strings.Repeat("ж", 134), UCS2, 2},
		{"cyrillic 135", strings.Repeat("ж", 135), UCS2, 3},
		{"one kazakh letter makes it UCS-2", strings.Repeat("a", 100) + "ә", UCS2, 2},
		{"emoji is two units", strings.Repeat("😀", 35), UCS2, 1},
		{"emoji 36 → 72 units", strings.Repeat("😀", 36), UCS2, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			enc, _ := Units(tt.body)
			if enc != tt.enc {
				t.Errorf("encoding = %s, want %s", enc, tt.enc)
			}
			if got := Segments(tt.body); got != tt.want {
				t.Errorf("Segments = %d, want %d", got, tt.want)
			}
		})
	}
}
