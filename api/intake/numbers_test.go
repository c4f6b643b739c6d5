package intake

import "testing"

func TestYearText(t *testing.T) {
	for in, want := range map[string]int{"1985": 1985, "1985г.": 1985, "1985 г.": 1985, "1985 г.р.": 1985, "1985 ж.т.": 1985,
		"1985 ж.": 1985, "85": 85, "'85": 85, "1985.0": 1985, " 1985 ": 1985, "1985 year": 1985} {
		if got, ok := YearText(in); !ok || got != want {
			t.Errorf("YearText(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "x", "19851", "1985-1986", "12.03.1985", "около 1985 года лет"} {
		if got, ok := YearText(in); ok {
			t.Errorf("YearText(%q) = %d, want none", in, got)
		}
	}
}

func TestAgeText(t *testing.T) {
	for in, want := range map[string]int{"40": 40, "около 40": 40, "~40": 40, "40 жас": 40, "40 лет": 40, "примерно 40 лет": 40,
		"40-45": 42, "40 – 45 лет": 42, "about 40 years old": 40, "шамамен 40 жаста": 40, "≈ 7": 7} {
		if got, ok := AgeText(in); !ok || got != want {
			t.Errorf("AgeText(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "сорок", "45-40", "40 45", "1985"} {
		if got, ok := AgeText(in); ok {
			t.Errorf("AgeText(%q) = %d, want none", in, got)
		}
	}
}

func FuzzAgeText(f *testing.F) {
	for _, s := range []string{"40", "около 40", "40-45", "~", "999-1000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if a, ok := AgeText(s); ok && (a < 0 || a > 999) {
			t.Fatalf("AgeText(%q) = %d", s, a)
		}
		if y, ok := YearText(s); ok && (y < 0 || y > 9999) {
			t.Fatalf("YearText(%q) = %d", s, y)
		}
	})
}
