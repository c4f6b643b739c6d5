package data

import (
	"strings"
	"unicode"
)

// A street's name of no street shape (Достык, Satpaeva, Желтоқсан) with
// a bare house and flat after it (Достык 5 12): the shape rules of
// addresses_ru.go pass it, and a reader's trial (2026-12-07) found such
// addresses shown. Two bare numbers after a name are as often a day, a
// time, a count or a measure (Астану 5 12, Дети 5 12 лет, Рост 175 70),
// so the name must be placed as an address: after a verb of living
// (живёт, проживает, lives), after a preposition of place (на, по, at,
// on; в only with a verb of living or numbers no day has), before a verb
// of living (Достық 5 12 тұрады), or alone in its clause (Алматы, Достык
// 5 12).

// livingWords say where someone lives or stays.
var livingWords = wordSet(`живёт живет живу живём живем живут жил жила жили проживает проживаю проживают проживал проживала
	проживали прописан прописана тұрады тұрамын тұрамыз тұрады тұратын тұрған тұрды lives live lived living resides stays stayed`)

// placePrepositions come before a street's name; cityPrepositions before
// a town's too, whose name a day may follow (в Астану 5 12).
var (
	placePrepositions = wordSet(`на по at on`)
	cityPrepositions  = wordSet(`в во in`)
)

// markBareStreetDoors marks the house and flat after a name placed as an
// address (see above).
func markBareStreetDoors(s string, words [][2]int, hide []bool, door func(int) bool) {
	text := func(i int) string { return s[words[i][0]:words[i][1]] }
	lower := func(i int) string {
		if i < 0 || i >= len(words) {
			return ""
		}
		return strings.ToLower(text(i))
	}
	for k := 0; k+2 < len(words); k++ {
		h, f := k+1, k+2
		if !bareName(text(k)) || !bareHouse.MatchString(text(h)) || !bareFlat.MatchString(strings.TrimSuffix(text(f), ".")) || strings.HasPrefix(text(f), "0") ||
			!door(h) || !door(f) || strings.Trim(s[words[k][1]:words[h][0]], " \t,") != "" || !houseGap(s[words[h][1]:words[f][0]]) {
			continue
		}
		living := livingWords[lower(k-1)] || livingWords[lower(k-2)] && (placePrepositions[lower(k-1)] || cityPrepositions[lower(k-1)])
		// a full stop after the flat is read into its word (12.)
		ends := f+1 == len(words) || strings.HasSuffix(text(f), ".") || strings.ContainsAny(s[words[f][1]:words[f+1][0]], ",;!?)\n")
		after := f+1 < len(words) && livingWords[lower(f+1)]
		upper := startsUpper(text(k))
		var placed bool
		switch {
		case living: // and a time after the flat: живёт на Абая 150 23 с 2010 года
			placed = ends || after || f+1 < len(words) && timePrepositions[lower(f+1)]
		case placePrepositions[lower(k-1)]:
			placed = upper && (ends || after)
		case cityPrepositions[lower(k-1)]:
			placed = upper && (ends || after) && !dayShaped(text(h), text(f))
		default:
			placed = upper && (after || ends && clauseStart(s, words, k) && (f+1 == len(words) || !strings.Contains(s[words[f][1]:words[f+1][0]], ",")))
		}
		if placed {
			hide[h], hide[f] = true, true
		}
	}
}

// bareName reports whether w may be a street's name: letters (a hyphen
// inside), three or more, no measure, unit or little word.
func bareName(w string) bool {
	lw := strings.ToLower(w)
	if len([]rune(w)) < 3 || strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		return false
	}
	return !measureWords[lw] && !unitWords[lw] && !notStreetBetween[lw] && !livingWords[lw] && !commonLatinWords[lw]
}

// dayShaped reports whether two numbers may be a day and a month (5 12).
func dayShaped(a, b string) bool { return isCalendarDate(a + "." + b + ".2000") }

// clauseStart reports whether word k starts the text or a clause (after
// a comma, a full stop, a colon or a new line).
func clauseStart(s string, words [][2]int, k int) bool {
	if k == 0 {
		return strings.TrimSpace(s[:words[0][0]]) == ""
	}
	return strings.ContainsAny(s[words[k-1][1]:words[k][0]], ",;.:!?\n")
}
