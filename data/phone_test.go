package data

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestNormalizePhone(t *testing.T) {
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"8 701 123 45 67", "+77011234567", true},
		{"7011234567", "+77011234567", true},
		{"+7 (701) 123-45-67", "+77011234567", true},
		{"+90 532 123 45 67", "+905321234567", true},
		{"0090 532 123 45 67", "+905321234567", true},
		{"+49 151 2345 6789", "+4915123456789", true},
		{"+7 916 123 45 67", "+79161234567", true},    // Russian mobile
		{"+7 +7 701 123 45 67", "+77011234567", true}, // the form's +7, then the whole number
		{"+7 +44 20 7946 0958", "+442079460958", true},
		{"+7 701 123 45 67 +7 702", "", false}, // two numbers are not one
		{"12", "", false},
		{"", "", false},
		{"+7 709 123 45 67", "", false}, // 709 is not a valid KZ range
		{"not a phone", "", false},
		{strings.Repeat("1", 100), "", false},
	}
	for _, c := range cases {
		got, ok := NormalizePhone(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("NormalizePhone(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestMaskPhone(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"+77011234567", "+7***67"},
		{"8 701 123 45 67", "8***67"},
		{"+90 532 123 45 67", "+9***67"},
		{"＋７７０１２３４５６７８", "+７***７８"},
		{"12-34-56", "***"}, // six digits: a town's number, all hidden
		{"+7", "***"},
		{"not a number", "***"},
	} {
		got := MaskPhone(c.in)
		if got != c.want {
			t.Errorf("MaskPhone(%q) = %q, want %q", c.in, got, c.want)
		}
		if shown := utf8.RuneCountInString(strings.Map(keepDigits, got)); shown > 3 {
			t.Errorf("MaskPhone(%q) = %q: %d digits shown, at most 3", c.in, got, shown)
		}
	}
	if got := MaskPhonesIn("call +905321234567 now"); got != "call +9***67 now" {
		t.Errorf("MaskPhonesIn = %q", got)
	}
}

func keepDigits(r rune) rune {
	if unicode.IsNumber(r) {
		return r
	}
	return -1
}

// FuzzNormalizePhone: never panics, and a normalized number normalizes to itself.
func FuzzNormalizePhone(f *testing.F) {
	for _, s := range []string{"8 701 123 45 67", "+90 532 123 45 67", "00491512345678", "+882 1234 5678", "++7", "\x00", "８７０１"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, ok := NormalizePhone(s)
		if !ok {
			return
		}
		if !strings.HasPrefix(e, "+") {
			t.Fatalf("%q → %q: not E.164", s, e)
		}
		if again, ok2 := NormalizePhone(e); !ok2 || again != e {
			t.Fatalf("not idempotent: %q → %q → %q (%v)", s, e, again, ok2)
		}
	})
}

// TestHidePhonesEverySpelling: every way people write a number in free text
// is hidden from the public, and years and counts are left alone.
func TestHidePhonesEverySpelling(t *testing.T) {
	for _, in := range []string{
		"+77011234567", "8 701 123 45 67", "8(701)123-45-67", "8.701.123.45.67", "8/701/123/45/67",
		"8_701_123_45_67", "8,701,123,45,67", "８７０１１２３４５６７", "+７ ７０１ １２３ ４５ ６７",
		"٨٧٠١١٢٣٤٥٦٧", "۸۷۰۱۱۲۳۴۵۶۷", "8–701–123–45–67", "+7 (701) 123 45 67", "87011234567",
		"8 7 0 1 1 2 3 4 5 6 7", "тел:8-701-123-4567", "₈₇₀₁₁₂₃₄₅₆₇", "⁸⁷⁰¹¹²³⁴⁵⁶⁷", "8⃣7⃣0⃣1⃣1⃣2⃣3⃣4⃣5⃣6⃣7⃣",
		"8*701*999*88*77", "8:701:999:88:77", "8'701'999'88'77", "8#701#999#88#77", "8\u200b701\u200b9998877", "8~701|999+88=77",
	} {
		got := HidePhones("звоните " + in + " вечером")
		for _, r := range got {
			if unicode.IsNumber(r) {
				t.Errorf("HidePhones(%q) = %q: digits remain", in, got)
				break
			}
		}
	}
	for _, keep := range []string{"1985", "born 1985, 2 children", "дом 12, кв 45"} {
		if got := HidePhones(keep); got != keep {
			t.Errorf("HidePhones(%q) = %q: not a phone number", keep, got)
		}
	}
}

// A refused number says what to fix.
func TestWhyNotPhone(t *testing.T) {
	for _, c := range []struct {
		raw  string
		want PhoneFault
	}{
		{"+7 701 12", PhoneTooShort},
		{"8 701 123 45", PhoneTooShort},
		{"+7 701 123 45 67 8", PhoneLength},
		{"+7701123456789012", PhoneLength},
		{"+7 012 345 67 89", PhoneInvalid},
		{"позвоните маме", PhoneInvalid},
		{"", PhoneInvalid},
	} {
		if got := WhyNotPhone(c.raw); got != c.want {
			t.Errorf("WhyNotPhone(%q) = %s, want %s", c.raw, got, c.want)
		}
		if _, ok := NormalizePhone(c.raw); ok {
			t.Errorf("NormalizePhone(%q) accepted it", c.raw)
		}
	}
}

// TestMaskPhonesInKeepsDates: logs mask numbers but not the dates SMS
// bodies carry; a run that only looks like a date is masked.
func TestMaskPhonesInKeepsDates(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"в списке живых с 07.01.2022", "в списке живых с 07.01.2022"},
		{"at 2022-01-07 10:30 safe", "at 2022-01-07 10:30 safe"},
		{"7/1/2022", "7/1/2022"},
		{"call +77011234567", "call +7***67"},
		{"8 701 123 45 67", "8***67"},
		{"32.13.2022", "3***22"},
		{"07.01.2022 8 701 123 4567", "0***67"}, // a date and a number in one run: masked
	} {
		if got := MaskPhonesIn(tt.in); got != tt.want {
			t.Errorf("MaskPhonesIn(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A landline is told apart from a mobile by each country's numbering plan;
// a number that may be either is not called a landline.
func TestIsLandline(t *testing.T) {
	for _, tt := range []struct {
		e164 string
		want bool
	}{
		{"+77272501234", true},   // Almaty
		{"+77172123456", true},   // Astana
		{"+77011234567", false},  // Kazakh mobile
		{"+77471234567", false},  // Kazakh mobile
		{"+902121234567", true},  // Istanbul
		{"+905321234567", false}, // Turkish mobile
		{"+74951234567", true},   // Moscow
		{"+79161234567", false},  // Russian mobile
		{"+12025550123", false},  // USA: fixed line or mobile
		{"", false},
		{"not a number", false},
	} {
		if got := IsLandline(tt.e164); got != tt.want {
			t.Errorf("IsLandline(%q) = %v, want %v", tt.e164, got, tt.want)
		}
	}
}
