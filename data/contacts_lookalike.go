package data

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lookalikeDigits are the letters people (and scammers dodging a filter)
// type for digits: O for 0, I, i, l and | for 1, Z for 2, З for 3, Ч and
// A for 4, S for 5, b and б for 6, T for 7, B and В for 8, g and q for 9
// (Latin i, S, Z and b were missing: "8 7o1 i23 45 67" and "8 7O1 1Z3 4S
// b7" passed, attacker trials of 2026-12-06; Ч, б, В and A: "8 7О1 1 2 З
// Ч 5 б 7", then Cyrillic Т, Э, E and the reversed Ƨ, Ʒ: "8 7O1 Т23 45
// 67", 2026-12-07). Lower-case в, а and т stay out: "с 8 в 10 в 12" is no
// number.
const lookalikeDigits = "OoОоIilІі|ZzЗзЧчASsbбБTТBВgqЭEƧƷӠ"

// lookalikePhone is a run of digits and lookalike letters with the
// separators of a phone number between them (8 7OI I23 45 67).
var lookalikePhone = func() *regexp.Regexp {
	digit := `[\p{N}` + regexp.QuoteMeta(lookalikeDigits) + `]`
	return regexp.MustCompile(`[+＋]?` + digit + `(?:[\s\-.()/]*` + digit + `){6,}`)
}()

// hideLookalikePhones hides a phone number with lookalike letters for some
// digits: at least seven digits and lookalikes, four of them real digits,
// one lookalike at least (else it is HidePhones's). Lookalike letters a
// separator parts from the number at either end stay, so that "по 8 701…"
// keeps its "по"; so does a name's day of birth (nameBeforeDate).
func hideLookalikePhones(s string) string {
	if !strings.ContainsAny(s, lookalikeDigits) || !strings.ContainsFunc(s, unicode.IsNumber) {
		return s
	}
	var b strings.Builder
	last := 0
	for _, span := range lookalikePhone.FindAllStringIndex(s, -1) {
		m := s[span[0]:span[1]]
		before, _ := utf8.DecodeLastRuneInString(s[:span[0]])
		if nameBeforeDate(m, unicode.IsLetter(before)) {
			continue
		}
		b.WriteString(s[last:span[0]])
		b.WriteString(hideLookalikeRun(m))
		last = span[1]
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// hideLookalikeRun hides a lookalikePhone run that has a number's count of
// digits and lookalikes.
func hideLookalikeRun(m string) string {
	head, body, tail := trimLooseLetters(m)
	digits, likes := 0, 0
	for _, r := range carPlate.ReplaceAllString(body, " ") { // 123 AB 02 is a car, not 1234802
		switch {
		case unicode.IsNumber(r):
			digits++
		case strings.ContainsRune(lookalikeDigits, r):
			likes++
		}
	}
	if likes == 0 || digits < 4 || digits+likes < minPhoneDigits {
		return m
	}
	return head + hidden + tail
}

// nameBeforeDate reports whether a lookalikePhone run is a name's letters
// and then a day of birth or a year (Ким В.В. 12.05.1985, the ТОВ of
// АХМЕТОВ 1985 г.р.): its letters are initials, one letter each, or the
// end of a word (glued: a letter stands before the run), and all its
// digits are days and years. Two lookalike letters standing alone (ТО
// 12.05.1985) are still digits, and a lookalike among the digits (8 7O1
// 1985) makes a number.
func nameBeforeDate(m string, glued bool) bool {
	words := strings.FieldsFunc(m, func(r rune) bool { return strings.ContainsRune("-.()/", r) || unicode.IsSpace(r) })
	for i, w := range words {
		if strings.ContainsFunc(w, unicode.IsNumber) {
			rest := m[strings.Index(m, w):]
			return i > 0 && !strings.ContainsAny(rest, lookalikeDigits) && (isCalendarDate(rest) || onlyDatesAndYears(rest))
		}
		if !(i == 0 && glued) && utf8.RuneCountInString(w) > 1 {
			return false
		}
	}
	return false
}

// trimLooseLetters splits off the lookalike letters at either end of m
// that a separator parts from the number (the "о" of "по 8 701…"), with
// that separator.
func trimLooseLetters(m string) (head, body, tail string) {
	isSep := func(r rune) bool { return strings.ContainsRune("-.()/", r) || unicode.IsSpace(r) }
	words := strings.FieldsFunc(m, isSep)
	if len(words) < 2 {
		return "", m, ""
	}
	// A word without a digit is loose (по, или, В), unless it is two or
	// more letters that all stand for digits (бТ in "87О1 ТЗЗ Ч5 бТ").
	loose := func(w string) bool {
		return !strings.ContainsFunc(w, unicode.IsNumber) &&
			(utf8.RuneCountInString(w) < 2 || strings.ContainsFunc(w, func(r rune) bool { return !strings.ContainsRune(lookalikeDigits, r) }))
	}
	body = m
	if first := words[0]; loose(first) {
		i := len(first)
		for i < len(body) && strings.ContainsRune(" -.()/", rune(body[i])) {
			i++
		}
		head, body = body[:i], body[i:]
	}
	if last := words[len(words)-1]; loose(last) {
		i := strings.LastIndex(body, last)
		for i > 0 && strings.ContainsRune(" -.()/", rune(body[i-1])) {
			i--
		}
		body, tail = body[:i], body[i:]
	}
	return head, body, tail
}
