package data

import (
	"regexp"
	"strings"
	"unicode"
)

// HideContacts is what the public sees of free text (names, places,
// descriptions, notes): phone numbers, e-mail addresses, messenger handles
// and chat links, and the house and flat numbers of a street address are
// hidden. The form asks people not to write them, but frightened people
// write "звоните 8 701…, пишите @erlan_zh, ул. Абая 10, кв. 5" anyway;
// a scammer reading the page must find none of it.
func HideContacts(s string) string {
	s = HidePhones(s)
	if strings.ContainsAny(s, "@/") {
		s = contactInText.ReplaceAllString(s, hidden)
	}
	return hideHouseNumbers(s)
}

// hidden is what stands for anything the public may not see.
const hidden = "•••"

// contactInText finds an e-mail address, a link to a chat or a profile,
// and a handle (@erlan_zh, Telegram's and Instagram's way to be written
// to). The e-mail comes first: at the same place the longer reading wins.
var contactInText = regexp.MustCompile(`(?i)[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+` +
	`|(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me|wa\.me|api\.whatsapp\.com|instagram\.com|vk\.com|facebook\.com|fb\.com|ok\.ru)/[^\s,;]+` +
	`|@[\p{L}\p{N}_.]{3,}`)

// streetWords mark a street address in the three languages: the numbers
// near them are a house, a building or a flat (ул. Абая 10, кв. 5; Абай
// көшесі 10, 5-пәтер; 10 Abay street, apt 5). The name of the street is
// kept: it tells a district, not a door.
var streetWords = map[string]bool{
	"ул": true, "улица": true, "пр": true, "проспект": true, "пер": true, "переулок": true, "бульвар": true, "б-р": true,
	"мкр": true, "мкрн": true, "микрорайон": true, "д": true, "дом": true, "кв": true, "квартира": true, "корп": true, "корпус": true,
	"көше": true, "көшесі": true, "көш": true, "даңғыл": true, "даңғылы": true, "шағынаудан": true, "ықшамаудан": true, "үй": true, "үйі": true, "пәтер": true, "пәтері": true,
	"street": true, "st": true, "str": true, "avenue": true, "ave": true, "road": true, "rd": true, "lane": true,
	"apt": true, "apartment": true, "flat": true, "house": true, "building": true, "bldg": true,
	"kv": true, "ul": true, "koshesi": true, "dom": true,
}

// streetReach is how many words after a street word (or before, for a
// number written first: 10 Abay street) may still be its number.
const streetReach = 3

// hideHouseNumbers hides every word with a digit within streetReach words
// of a street word.
func hideHouseNumbers(s string) string {
	if !strings.ContainsFunc(s, unicode.IsNumber) {
		return s
	}
	words := wordSpans(s)
	hide := make([]bool, len(words))
	for i, w := range words {
		if !isStreetWord(s[w[0]:w[1]]) {
			continue
		}
		for j := max(0, i-streetReach); j <= min(len(words)-1, i+streetReach); j++ {
			hide[j] = hide[j] || strings.ContainsFunc(s[words[j][0]:words[j][1]], unicode.IsNumber)
		}
	}
	var out strings.Builder
	last := 0
	for i, w := range words {
		if hide[i] {
			out.WriteString(s[last:w[0]])
			out.WriteString(hidden)
			last = w[1]
		}
	}
	if last == 0 {
		return s
	}
	out.WriteString(s[last:])
	return out.String()
}

// isStreetWord reports whether w, or a part of it (ул.Абая, 5-пәтер), is
// a street word.
func isStreetWord(w string) bool {
	w = strings.ToLower(w)
	if streetWords[strings.Trim(w, ".")] {
		return true
	}
	for _, part := range strings.FieldsFunc(w, func(r rune) bool { return strings.ContainsRune("-./", r) }) {
		if streetWords[part] {
			return true
		}
	}
	return false
}

// wordSpans returns the byte spans of s's words: runs of letters, digits,
// and the joiners inside a house number or an abbreviation (10/2, 5-пәтер,
// б-р, ул.).
func wordSpans(s string) [][2]int {
	var spans [][2]int
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsNumber(r) || (start >= 0 && strings.ContainsRune("-/.", r))
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			spans = append(spans, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		spans = append(spans, [2]int{start, len(s)})
	}
	return spans
}
