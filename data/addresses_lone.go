package data

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A street's name with its house alone (живёт на Абая 10, lives on
// Satpaev 25, Достык 5 written as the whole text): a private house is
// found by its street and number as a flat is by three. A name and one
// number are as often a person and an age (С ними живёт Айгуль 12), a
// thing and its number or a day (on May 5), so the name must be placed as
// an address: after a preposition of place (на, по, at, on, возле, в
// районе), after a verb of living when the name is shaped as a street's
// (проживает Абая 10) or a label of residence (тұратын жері: Абай 10),
// before a verb of living (Достық 5 тұрады), a place's word (видели
// Достык 5 около магазина) or an entrance (Абая 10, 3 этаж), after
// another street and "и", as the whole text, or after a town's name and
// a comma (Алматы, Достык 5). A reader's trial (2026-12-07, session 23)
// left these open.

// markLoneHouses marks the bare house after a street's name placed as an
// address (see above), and the house before a street's name after a verb
// of living and at or on (lives at 25 Satpaev).
func markLoneHouses(s string, words [][2]int, hide []bool, door func(int) bool) {
	text := func(i int) string { return s[words[i][0]:words[i][1]] }
	lower := func(i int) string {
		if i < 0 || i >= len(words) {
			return ""
		}
		return strings.ToLower(strings.Trim(text(i), "."))
	}
	for h := 1; h < len(words); h++ {
		if kazakhAtHouse.MatchString(text(h)) && kazakhLiving(lower(h+1)) && (bareName(text(h-1)) || streetShaped(s, words, h-1)) {
			hide[h] = true // Абай 10-да тұрады: lives at Abay 10; not сағат 10-да шықты, at ten
			continue
		}
		house := strings.TrimSuffix(text(h), ".")
		if hide[h] || !bareHouse.MatchString(house) || strings.HasPrefix(house, "0") || !door(h) {
			continue
		}
		if h+1 < len(words) && placePrepositions[lower(h-1)] && livingWords[lower(h-2)] && startsUpper(text(h+1)) &&
			bareName(text(h+1)) && !placeDayWords[lower(h+1)] && endsAddress(s, words, h+1) {
			hide[h] = true // lives at 25 Satpaev
			continue
		}
		if h+1 < len(words) && bareFlat.MatchString(strings.TrimSuffix(text(h+1), ".")) && !strings.HasSuffix(text(h), ".") && !isEntrancePart(s, words, h+1) {
			continue // a house and a flat: markBareStreetDoors's
		}
		k := h - 1
		if strings.Trim(s[words[k][1]:words[h][0]], " \t") != "" {
			continue
		}
		if streetTitles[lower(k)] && k > 0 {
			k-- // Толе би 59
		}
		if placeDayWords[lower(k)] || kinWords[lower(k)] || !bareName(text(k)) && !streetShaped(s, words, k) {
			continue
		}
		if loneHousePlaced(s, words, k, h, lower) || andAnotherStreet(s, words, k, h, hide, lower) {
			hide[h] = true
		}
	}
}

// kazakhAtHouse is a house's number with the Kazakh locative (10-да, 5-те).
var kazakhAtHouse = regexp.MustCompile(`^\d{1,4}\p{L}?-(?:да|де|та|те|нда|нде)$`)

// kazakhLiving reports whether w is a Kazakh verb of living (тұрады,
// турады).
func kazakhLiving(w string) bool {
	return strings.HasPrefix(w, "тұр") || strings.HasPrefix(w, "тур")
}

// loneHousePlaced reports whether the name at k with its house at h is
// placed as an address.
func loneHousePlaced(s string, words [][2]int, k, h int, lower func(int) string) bool {
	name := s[words[k][0]:words[k][1]]
	ends := h+1 == len(words) || strings.HasSuffix(s[words[h][0]:words[h][1]], ".") || strings.ContainsAny(s[words[h][1]:words[h+1][0]], ",;!?)\n")
	next := lower(h + 1)
	follows := livingWords[next] || timePrepositions[next] || nearWords[next] || h+1 < len(words) && entranceWord(s[words[h+1][0]:words[h+1][1]]) ||
		anotherStreetAfter(s, words, h)
	shaped := streetShaped(s, words, k)
	switch {
	case kazakhLiving(next):
		return true // Достық 5 тұрады; not Ерлан 35 живёт в Алматы, an age
	case placePrepositions[lower(k-1)] || nearPrepositions[lower(k-1)] || lower(k-1) == "районе" && cityPrepositions[lower(k-2)]:
		return (startsUpper(name) || shaped) && (ends || follows) // на Абая 10, lives on Satpaev 25, возле Абая 10, в районе Абая 10
	case midSentence(s, words, k) && nearPlace(s, words, h+1):
		return startsUpper(name) || shaped // видели Достык 5 около магазина
	case h+1 < len(words) && isEntrancePart(s, words, h+1):
		return startsUpper(name) || shaped // Абая 10, 3 этаж; Достык 5 подъезд 2
	case k > 0 && strings.Contains(s[words[k-1][1]:words[k][0]], ":") && (residenceWords[lower(k-1)] || livingWords[lower(k-1)]):
		return ends || follows // тұратын жері: Абай 10; проживает: Достык 5
	case livingWords[lower(k-1)]: // проживает Абая 10; not живёт Айгуль 12
		return shaped && (ends || follows)
	case !ends || !startsUpper(name):
		return false
	case k == 0 && h+1 == len(words):
		return true // the whole text: Достык 5
	case shaped && k > 0 && strings.Contains(s[words[k-1][1]:words[k][0]], "\n") && (h+1 == len(words) || strings.Contains(s[words[h][1]:words[h+1][0]], "\n")):
		return true // a line of its own: Ищу маму. / Сейфуллина 10
	}
	// a town's name and a comma before it: Алматы, Достык 5; not Мама, Айгуль 55
	return k >= 1 && strings.TrimSpace(s[words[k-1][1]:words[k][0]]) == "," && startsUpper(s[words[k-1][0]:words[k-1][1]]) && !kinWords[lower(k-1)] &&
		(k == 1 || strings.ContainsAny(s[words[k-2][1]:words[k-1][0]], ".,;:!?\n") || townMarkers[lower(k-2)])
}

// townMarkers come before a town's or a village's name (г. Алматы, с.
// Каскелен, aul Kaskelen).
var townMarkers = wordSet(`г гор город қ қ-сы қала қаласы с село пос п посёлок поселок аул ауыл ауылы aul auyl city town village`)

// residenceWords label where someone lives (место жительства: Абая 10,
// тұратын жері: Абай 10).
var residenceWords = wordSet(`жительства проживания прописка прописки регистрации жері мекені residence`)

// andAnotherStreet reports whether the name at k with its house at h is
// the second of two streets: after a hidden door and "и" (Достык 5 12 и
// Абая 10), or after a street placed by на, a corner's word or a
// crossing's (на углу Абая и Сейфуллина 10). Not after a name (на фото
// Ерлан и Айгуль 12).
func andAnotherStreet(s string, words [][2]int, k, h int, hide []bool, lower func(int) string) bool {
	if k < 2 || !andWords[lower(k-1)] || !startsUpper(s[words[k][0]:words[k][1]]) && !streetShaped(s, words, k) {
		return false
	}
	ends := h+1 == len(words) || strings.ContainsAny(s[words[h][1]:words[h+1][0]], ",;.!?)\n")
	placed := hide[k-2] || k >= 3 && startsUpper(s[words[k-2][0]:words[k-2][1]]) &&
		(placePrepositions[lower(k-3)] || nearPrepositions[lower(k-3)] || cornerWords[lower(k-3)])
	return placed && (ends || nearPlace(s, words, h+1))
}

// anotherStreetAfter reports whether "и" and another street's name with
// its house follow the number at h (на Абая 10 и Сейфуллина 5).
func anotherStreetAfter(s string, words [][2]int, h int) bool {
	return h+3 < len(words) && andWords[strings.ToLower(s[words[h+1][0]:words[h+1][1]])] && startsUpper(s[words[h+2][0]:words[h+2][1]]) &&
		bareHouse.MatchString(strings.TrimSuffix(s[words[h+3][0]:words[h+3][1]], "."))
}

var (
	andWords    = wordSet(`и және мен and`)
	cornerWords = wordSet(`углу угол пересечении перекрёстке перекрестке қиылысы қиылысында бұрышы бұрышында corner junction crossing`)
)

// nearPrepositions place what follows by a street's house (возле Абая
// 10), not "у", which has (у Ерлана 5: Erlan has five).
var nearPrepositions = wordSet(`возле около near`)

// kinWords name a relative, whose name and age may follow a comma (Мама,
// Айгуль 55), as a street and its house follow a town's name.
var kinWords = wordSet(`мама папа мать отец сын дочь брат сестра жена муж бабушка дедушка внук внучка тётя тетя дядя ребёнок ребенок
	мамам әкем ана әке ата әже апа аға іні қарындас сіңлі әпке ұлы қызы ұлым қызым немере
	mother mom mum father dad son daughter brother sister wife husband grandmother grandma grandfather grandpa child aunt uncle`)

// joinAddressLines is s with the line breaks inside an address made
// blanks, byte for byte (the spans found in it are s's): a break after a
// line that ends in a letter or a digit, before a line that starts with a
// number or a street word (ул. Абая / 10; Абая 10 / кв 5). People put an
// address on lines of its own, and a break ends a street word's reach.
func joinAddressLines(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	b := []byte(s)
	for i := strings.IndexByte(s, '\n'); i >= 0; i = nextBreak(s, i) {
		before := strings.TrimRight(s[:i], " \t\r")
		after := strings.TrimLeft(s[i+1:], " \t\r")
		if before == "" || after == "" {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(before)
		first, _ := utf8.DecodeRuneInString(after)
		head := after[:strings.IndexFunc(after+" ", unicode.IsSpace)]
		tail := before[strings.LastIndexFunc(before, unicode.IsSpace)+1:]
		line, _, _ := strings.Cut(after, "\n")
		number := unicode.IsNumber(first) && !listMarker.MatchString(after) // not a list's 2. or 2)
		nameEnds := unicode.IsLetter(last) || last == '.' && isStreetWord(tail)
		// after a number, only a flat on a line of its own: Сатпаева / 25 / 14, not Ерлан 35 / 2. Айгуль 30
		if nameEnds && (number || isStreetWord(head)) || unicode.IsNumber(last) && (isStreetWord(head) || bareFlat.MatchString(strings.TrimSpace(line))) {
			for j := len(before); j <= i; j++ {
				b[j] = ' '
			}
		}
	}
	return string(b)
}

// listMarker is a list's number at the start of a line (2. Айгуль, 3) …).
var listMarker = regexp.MustCompile(`^\d{1,3}[.)](?:\s|$)`)

func nextBreak(s string, i int) int {
	j := strings.IndexByte(s[i+1:], '\n')
	if j < 0 {
		return -1
	}
	return i + 1 + j
}
