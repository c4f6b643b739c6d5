package search

import "strings"

// A woman who married often keeps both family names (Иванова-Петрова),
// and a relative looking for her names one of them (Петрова, Иванова);
// a report may also add the second name the other lacks. One half is
// not the whole name: another woman may carry that half alone (a sister-
// in-law Петрова Анна), so such a pair is shown to a volunteer and needs
// a second signal (the same father's name, the same phone) to decide.

// howDoubleSurname is the verdict for a family name and one half of a
// double family name.
const howDoubleSurname = "one of a double surname"

// doubleSurnameSim: with the given name and year the same, above the
// exact name with another year (Ахметова Марина 1990 for Соколова-
// Ахметова Марина 1984), below the exact name and year.
const doubleSurnameSim = 0.85

// halfKeys returns the keys of each half of a double family name (two
// words, hyphenated or not: Иванова-Петрова, Ахметова Жумабаева), nil for
// a one-word name. A separate ұлы/қызы is no half.
func halfKeys(family string) []string {
	words := strings.FieldsFunc(family, func(r rune) bool { return r == '-' || r == ' ' || r == '‐' || r == '–' })
	var keys []string
	halves := 0
	for _, w := range words {
		k := wordKeys(w)
		if len(k) == 0 || sonDaughter[k[0]] {
			continue
		}
		keys = append(keys, k...)
		halves++
	}
	if halves < 2 {
		return nil
	}
	return keys
}

// oneOfDouble reports whether one family name is a half of the other, or
// the two double names share a half.
func oneOfDouble(a, b namePart) bool {
	return len(a.halves) > 0 && (shareKey(a.halves, b.keys) || shareKey(a.halves, b.halves)) ||
		len(b.halves) > 0 && shareKey(b.halves, a.keys)
}
