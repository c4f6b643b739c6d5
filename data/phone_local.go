package data

import (
	"regexp"
	"unicode"
)

// A town's number of five or six digits parted by blanks (тел 27 45 67,
// телефон 274567) is no phone number to phoneInText: the shape is as often
// sizes or bus routes (90 60 90). Right after a word that says it is a
// number to call, it is one: a probe (2026-12-07, session 24) found such
// home numbers of villages shown in full, or with their last pair shown
// (үй телефоны 27 45 67, where үй made the first two a door).

// labelledNumber is a run of five digits or more after a phone's word
// (group 1).
var labelledNumber = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(?:тел|телефон\p{L}*|номер|номеру|номера|нөмір\p{L}*|ұялы|сот|` +
	`phone|tel|ph|звоните|позвоните|звонить|call)\.?\s*[:\-–—=]?\s*(\d[\d \-.]{3,}\d)(?:[^\p{L}\p{N}]|$)`)

// hideLabelledNumbers hides labelledNumber's runs of five or six digits
// (longer ones HidePhones hid), but a day with its year (тел 12.05.2024).
func hideLabelledNumbers(s string) string {
	if !containsDigit(s) {
		return s
	}
	var spans [][2]int
	for _, m := range labelledNumber.FindAllStringSubmatchIndex(s, -1) {
		run := s[m[2]:m[3]]
		n := 0
		for _, r := range run {
			if unicode.IsNumber(r) {
				n++
			}
		}
		if n >= 5 && !(n >= 8 && (isCalendarDate(run) || onlyDatesAndYears(run))) { // 5-12-34 is a number here, 12.05.2024 a day
			spans = append(spans, [2]int{m[2], m[3]})
		}
	}
	return replaceSpans(s, spans)
}

func containsDigit(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' {
			return true
		}
	}
	return false
}
