package intake

import (
	"regexp"
	"strconv"
	"strings"
)

// People write a year and an age with words around the number: "1985г.",
// "1985 ж.т.", "около 40", "40 жас", "~40", "40-45" (a new user's trial,
// 2026-12-06: the form refused all of them, while its hint said an
// approximate age is fine). YearText and AgeText read them, for the web
// form and the lists alike; the number itself is judged by ToReport.

// yearText: a year of four digits or two (ExpandYear reads 85 as 1985),
// a spreadsheet's 1985.0, and the abbreviations "year" and "year of birth"
// (г., г.р., ж., ж.т.) written after it.
var yearText = regexp.MustCompile(`^'?(\d{4}|\d{1,2})(?:\.0+)?\s*(?:г\.?\s*р\.?|ж\.?\s*т\.?|г\.?|ж\.?|year)?$`)

// YearText reads a birth year as people type it; ok false when it is not
// one.
func YearText(s string) (int, bool) {
	m := yearText.FindStringSubmatch(strings.ToLower(strings.TrimSpace(s)))
	if m == nil {
		return 0, false
	}
	y, err := strconv.Atoi(m[1])
	return y, err == nil
}

// ageText: an age with the words for "about" before it and for "years"
// after it, or a range (40-45, read as its middle).
var ageText = regexp.MustCompile(`^(?:около|примерно|приблизительно|где-то|лет|шамамен|шамасы|about|around|approx\.?|approximately|ca\.?|circa|~|≈)?\s*` +
	`(\d{1,3})(?:\s*[-–—]\s*(\d{1,3}))?\s*(?:лет|года|год|г\.|жас|жаста|жасар|жасты|years?(?: old)?|yrs?\.?|y\.?o\.?)?$`)

// AgeText reads an age as people type it; ok false when it is not one.
func AgeText(s string) (int, bool) {
	m := ageText.FindStringSubmatch(strings.ToLower(strings.TrimSpace(s)))
	if m == nil {
		return 0, false
	}
	a, err := strconv.Atoi(m[1])
	if err != nil {
		return 0, false
	}
	if m[2] != "" {
		b, err := strconv.Atoi(m[2])
		if err != nil || b < a {
			return 0, false
		}
		a = (a + b) / 2
	}
	return a, true
}
