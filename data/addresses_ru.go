package data

import (
	"regexp"
	"strings"
	"unicode"
)

// Russian addresses as typed on phones (an attacker's trial, 2026-12-07):
// the street's name in lower case (гагарина 10-5), the house and the flat
// parted by a blank, a comma, a backslash or "дробь" (Абая 10 5,
// Сейфуллина, 531, 23, Абая 10 дробь 5), the house left before its flat
// word (Абая 10, кв 5; Гоголя 39 А, кв 7), and a house after "в" before
// an inflected door word (в 10 доме). Two bare numbers after a word are
// a door only after a word shaped as a street's name: a surname in the
// genitive (Гагарина, Абая, Сатпаева), a patronymic (Момышулы), a name
// with its title (Кабанбай батыр, Толе би), a numbered district.

// streetNameShape is the end of a street's name in the genitive, which
// lower case keeps too (гагарина, сатпаева, абая, шевченко's ского).
var streetNameShape = regexp.MustCompile(`(?:ова|ева|ёва|ина|ына|ого|его|ая|яя|улы|ұлы|кызы|қызы)$`)

// capitalStreetShape adds for a capitalised name a consonant with а or я
// (Жамбыла, Гоголя, Райымбека).
var capitalStreetShape = regexp.MustCompile(`[бвгджзйклмнпрстфхцчшщ][ая]$`)

// streetTitles follow a street's name that is a person's (Толе би,
// Кабанбай батыр, Абылай хан, Бухар жырау).
var streetTitles = wordSet(`би батыр батыра хан хана ата жырау ана`)

// bareHouse and bareFlat are a house's number with its letter and a
// flat's, written alone.
var (
	bareHouse = regexp.MustCompile(`^\d{1,4}\p{L}?$`)
	bareFlat  = regexp.MustCompile(`^\d{1,4}$`)
)

// streetShaped reports whether word k is shaped as a street's name, with
// its title (толе би) if k is the title.
func streetShaped(s string, words [][2]int, k int) bool {
	if k < 0 || k >= len(words) {
		return false
	}
	w := s[words[k][0]:words[k][1]]
	lw := strings.ToLower(w)
	switch {
	case measureWords[lw] || strings.ContainsFunc(w, unicode.IsNumber):
		return numberedDistrict.MatchString(w) // Жетысу-2 45 12
	case streetTitles[lw]:
		return k > 0 && strings.TrimSpace(s[words[k-1][1]:words[k][0]]) == "" && !strings.ContainsFunc(s[words[k-1][0]:words[k-1][1]], unicode.IsNumber)
	}
	return streetNameShape.MatchString(lw) || startsUpper(w) && capitalStreetShape.MatchString(w)
}

// houseGap reports whether what lies between a house and its flat parts
// them as an address does: blanks, a comma, a slash, a backslash, a
// dash after a quoted letter ("А"-7).
func houseGap(between string) bool {
	return strings.Trim(between, " \t,/\\\"'«»-") == "" && strings.Count(between, ",") <= 1
}

// markRussianDoors marks the doors of a street's name shaped as one
// followed by its house and flat, and the house before its flat word
// (markHouseBeforeFlat).
func markRussianDoors(s string, words [][2]int, hide []bool, door func(int) bool) {
	text := func(i int) string { return s[words[i][0]:words[i][1]] }
	for k := range words {
		if gluedStreetDoor.MatchString(text(k)) || gluedHouseFlat.MatchString(text(k)) ||
			gluedStreetHouse.MatchString(text(k)) && k+1 < len(words) && isFlatWord(text(k+1)) {
			hide[k] = true // Абая10-5, 531кв23, Абая10 кв5
		}
		h := k + 1
		if h >= len(words) || !streetShaped(s, words, k) {
			continue
		}
		gap := s[words[k][1]:words[h][0]]
		numbered := strings.Contains(gap, "№") && strings.ContainsAny(text(h), "-/") // Абая №10/5
		if strings.Trim(gap, " \t,№") != "" || !door(h) && !numbered {
			continue
		}
		hide[h] = hide[h] || houseFlat.MatchString(text(h)) // гагарина 10-5, толе би 59/2, абая 150а
		if f, letter, ok := flatAfter(s, words, h, door); ok {
			hide[h], hide[f] = true, true
			if letter >= 0 {
				hide[letter] = true
			}
		}
	}
	markHouseBeforeFlat(s, words, hide, door)
	markBareStreetDoors(s, words, hide, door)
	markLoneHouses(s, words, hide, door)
}

// gluedStreetDoor is a street's name run into its house and flat
// (Абая10-5); gluedHouseFlat a house run into its flat word and flat
// (531кв23).
var (
	gluedStreetDoor = regexp.MustCompile(`^\p{Lu}\p{Ll}{2,}\d{1,4}\p{L}?(?:[-/\\]\d{1,4}\p{L}?)+$`)
	gluedHouseFlat  = regexp.MustCompile(`^\d{1,4}\p{L}?(?:кв|kv|к)\.?\d{1,4}$`)
	// gluedStreetHouse is a street's name run into its house, a flat's
	// word after it (Абая10 кв5).
	gluedStreetHouse = regexp.MustCompile(`^\p{Lu}\p{Ll}{2,}\d{1,4}\p{L}?$`)
)

// flatAfter finds the flat after the bare house at h (Абая 10 5, Абая 10
// дробь 5, Гоголя 39 "А"-7, Сейфуллина, 531, 23), and the house's letter
// between them or -1: a bare number that ends the address.
func flatAfter(s string, words [][2]int, h int, door func(int) bool) (f, letter int, ok bool) {
	text := func(i int) string { return s[words[i][0]:words[i][1]] }
	if !bareHouse.MatchString(text(h)) {
		return 0, 0, false
	}
	f, letter = h+1, -1
	if f < len(words) && isHouseLetter(text(f)) && strings.Trim(s[words[h][1]:words[f][0]], " \"'«»") == "" {
		letter, f = f, f+1
	}
	if f+1 < len(words) && strings.ToLower(text(f)) == "дробь" {
		f++
	}
	ok = f < len(words) && bareFlat.MatchString(text(f)) && door(f) && houseGap(s[words[f-1][1]:words[f][0]]) && endsAddress(s, words, f)
	return f, letter, ok
}

// flatWords are the words of a flat, whose house comes before them.
var flatWords = wordSet(`кв квартира kv apt apartment flat unit офис оф office`)

// isFlatWord reports whether w is a flat's word, alone or run into its
// number (кв, kv.5, кв5).
func isFlatWord(w string) bool {
	lw := strings.ToLower(strings.Trim(w, "."))
	if flatWords[lw] {
		return true
	}
	head := strings.TrimRightFunc(strings.TrimRight(lw, "0123456789"), func(r rune) bool { return r == '.' })
	return flatWords[head] && head != lw
}

// buildingPart is a building's letter or block between a house and its
// flat (Гоголя 39 А, кв 7; Абая 10 к2 кв5; Тимирязева 42 корп 15 кв 88).
var buildingPart = regexp.MustCompile(`^(?:\p{L}|к|корп|корпус)\.?\d*$`)

// markHouseBeforeFlat marks the house number before a flat word, past a
// comma, a building's letter or block, after a street's name (Абая 10,
// кв 5), and a house's number between "в" and an inflected door word (в
// 10 доме).
func markHouseBeforeFlat(s string, words [][2]int, hide []bool, door func(int) bool) {
	text := func(i int) string { return s[words[i][0]:words[i][1]] }
	for i := range words {
		lw := strings.ToLower(text(i))
		if (lw == "доме" || lw == "квартире") && i >= 2 && (strings.ToLower(text(i-2)) == "в" || strings.ToLower(text(i-2)) == "во") && door(i-1) {
			hide[i-1] = true
			continue
		}
		// the house before an entrance, or a floor with its number, is a door too: Абая 10 подъезд 2, Абая 10 этаж 3
		at := i // the flat's word, or its number before a Kazakh one (Абая 10, 5-ші пәтер)
		if kazakhFlatWord(text(i)) && i > 0 && strings.ContainsFunc(text(i-1), unicode.IsNumber) && !strings.ContainsFunc(text(i), unicode.IsNumber) {
			at = i - 1
		} else if !isFlatWord(text(i)) && !entranceOnly(text(i)) && !numberedEntrance(s, words, i) && !kazakhFlatWord(text(i)) {
			continue
		}
		k := at - 1 // back past a building's letter or block, an entrance, a floor, an office (Абая 10, подъезд 2, кв 45)
		for k > 0 && at-k <= 5 && (buildingPart.MatchString(strings.ToLower(text(k))) || bareFlat.MatchString(text(k)) && strings.HasPrefix(strings.ToLower(text(k-1)), "к") ||
			isEntrancePart(s, words, k)) {
			k--
		}
		if k > 0 && k < at && !strings.ContainsAny(s[words[k][1]:words[at][0]], ";\n") && door(k) &&
			(streetShaped(s, words, k-1) || streetNameAt(s, words, k-1)) {
			hide[k] = true
		} else if k > 0 && k < at && startsUpper(text(k)) && bareHouse.MatchString(text(k-1)) && door(k-1) && strings.TrimSpace(s[words[k-1][1]:words[k][0]]) == "" &&
			(clauseStart(s, words, k-1) || placePrepositions[strings.ToLower(text(k-2))]) {
			hide[k-1] = true // the house before its street's name, in English: 10 Abay, apartment 5
		}
	}
}

// kazakhFlatWord reports whether w is a Kazakh flat's word, whose number
// comes before it (5 пәтер, 5-пәтерде, 5-ші пәтер).
func kazakhFlatWord(w string) bool {
	lw := strings.TrimLeft(strings.ToLower(strings.Trim(w, ".")), "0123456789-")
	return strings.HasPrefix(lw, "пәтер") || strings.HasPrefix(lw, "патер") || lw == "pater" || lw == "päter"
}

// isHouseLetter reports whether w is a house's letter (А, б).
func isHouseLetter(w string) bool {
	r := []rune(w)
	return len(r) == 1 && unicode.IsLetter(r[0])
}

// endsAddress reports whether the number at f ends its clause: the end,
// a punctuation mark, or a street word after it (Абая 10 5, кв …).
func endsAddress(s string, words [][2]int, f int) bool {
	if f+1 >= len(words) {
		return true
	}
	return strings.ContainsAny(s[words[f][1]:words[f+1][0]], ",;.!?)\n") || isStreetWord(s[words[f+1][0]:words[f+1][1]])
}

// districtsSpellPhone reports whether the micro-districts' numbers of a
// place field are a phone number spread over them (мкр 87, мкр 70, мкр
// 11, мкр 23, мкр 45, мкр 67: an attacker's trial, 2026-12-07): three
// districts or more whose digits together are as many as a number's.
// A place names one district, two at most.
func districtsSpellPhone(s string, words [][2]int) bool {
	districts, digits := 0, 0
	for i := range words {
		if w := s[words[i][0]:words[i][1]]; strings.ContainsFunc(w, unicode.IsNumber) && districtNumber(s, words, i) {
			districts++
			digits += len(strings.Map(func(r rune) rune {
				if unicode.IsNumber(r) {
					return r
				}
				return -1
			}, w))
		}
	}
	return districts >= 3 && digits >= minPhoneDigits
}
