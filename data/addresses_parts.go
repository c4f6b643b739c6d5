package data

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The parts of an address around its doors: what ends a street word's
// reach (another street word, a time's preposition), a door numbered in
// Roman numerals, and the entrance, floor or office written between a
// house and its flat (Абая 10, подъезд 2, кв 45), which left the house
// shown (a reader's trial, 2026-12-07).

// timePrepositions before a number after a street word make it a time,
// not a door: on Abay street at 10, на ул. Абая около 10, с 10 до 12.
var timePrepositions = wordSet(`at around about after before until till since from by в во около после до с со примерно сағат сағ`)

// romanDoor is a door word with a Roman numeral after it (group 1): дом
// XII, кв. IX, a trick to pass a filter. Not a street's word: ул. XXII
// Партсъезда is its name.
var romanDoor = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(` + romanDoorWordList + `)` +
	`[.\s№]\s*№?\s*([IVXLCDMХІСМ]+)`) // a mark or a blank after the word: Үйі is no үй with I

// romanDoorWordList are the door words romanDoor knows, and
// romanDoorWords the same as a set: a text without one is not run through
// the pattern (it was a twentieth of a node's start, 2026-12-07).
const romanDoorWordList = `д|дом|кв|квартира|үй|үйі|пәтер|пәтері|уй|патер|apt|flat|house|офис|оф|office|корп|корпус`

var romanDoorWords = wordSet(strings.ReplaceAll(romanDoorWordList, "|", " "))

// englishDoorWords are romanDoor's English words.
var englishDoorWords = wordSet(`apt flat house office`)

// holdsRomanDoorWord reports whether a word of s is a door word of romanDoor.
func holdsRomanDoorWord(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if romanDoorWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// romanNumeral is a Roman number, Cyrillic lookalikes read as Latin.
var romanNumeral = regexp.MustCompile(`^(?i:M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))$`)

var romanLookalikes = strings.NewReplacer("Х", "X", "І", "I", "С", "C", "М", "M", "х", "x", "і", "i")

// hideRomanDoors hides romanDoor's numerals but a unit's (дом, I этаж is
// a floor) and after a capital Д, an initial (Д. IV).
func hideRomanDoors(s string) string {
	if !holdsRomanDoorWord(s) {
		return s
	}
	var spans [][2]int
	for _, m := range romanDoor.FindAllStringSubmatchIndex(s, -1) {
		rest := s[m[5]:]
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(r) || unicode.IsNumber(r) {
			continue // a word that starts with the letters (дом Ivanov)
		}
		next, _, _ := strings.Cut(strings.TrimLeft(rest, " "), " ")
		// the English pronoun after an English door word: the flat I rented,
		// near the house I used to rent (a trial of over-hiding, 2026-12-07)
		pronoun := s[m[4]:m[5]] == "I" && englishDoorWords[strings.ToLower(s[m[2]:m[3]])]
		if s[m[2]:m[3]] == "Д" || pronoun || !romanNumeral.MatchString(romanLookalikes.Replace(s[m[4]:m[5]])) || unitWords[strings.ToLower(next)] {
			continue
		}
		spans = append(spans, [2]int{m[4], m[5]})
	}
	return replaceSpans(s, spans)
}

// markAfterStreetWord marks the doors in the reach of the street word at
// i: up to streetReach words, not past the end of a clause, another
// street word (which marks its own: ул. Абая, подъезд 2, этаж 3) or a
// time's preposition.
func markAfterStreetWord(s string, words [][2]int, i int, hide []bool, door func(int) bool) {
	text := func(j int) string { return s[words[j][0]:words[j][1]] }
	for j := i + 1; j <= i+streetReach && j < len(words) && !endsClause(s[words[j-1][1]:words[j][0]]); j++ {
		if lw := strings.ToLower(strings.Trim(text(j), ".")); timePrepositions[lw] || j > i+1 && (isStreetWord(text(j)) || entranceWord(text(j))) {
			break
		}
		hide[j] = hide[j] || door(j)
	}
}

// entranceWords name an entrance, a floor or an office, which people
// write between a house and its flat.
var entranceStems = []string{"подъезд", "кіреберіс", "киребер", "этаж", "қабат", "кабат", "entrance", "floor", "офис", "оф", "office"}

// entranceWord reports whether w is an entrance, floor or office word,
// alone or glued after its number (2-подъезд, 3-этаж).
func entranceWord(w string) bool {
	w = strings.TrimLeft(strings.ToLower(w), "0123456789-")
	for _, stem := range entranceStems {
		if strings.HasPrefix(w, stem) {
			return true
		}
	}
	return false
}

// isEntrancePart reports whether the word at k is an entrance word or
// the number beside one: after it (подъезд 2), or before it past a
// comma or another number (Абая 10, 3 этаж; Абая 10 2 подъезд), not the
// house right after its street (Абая 10 подъезд 2).
func isEntrancePart(s string, words [][2]int, k int) bool {
	text := func(j int) string { return s[words[j][0]:words[j][1]] }
	if entranceWord(text(k)) {
		return true
	}
	if !bareFlat.MatchString(text(k)) {
		return false
	}
	if k > 0 && entranceWord(text(k-1)) {
		return true
	}
	return k > 0 && k+1 < len(words) && entranceWord(text(k+1)) &&
		(strings.Contains(s[words[k-1][1]:words[k][0]], ",") || bareHouse.MatchString(text(k-1)))
}

// roomWords name a room of a hostel, which takes its number after it.
var roomWords = wordSet(`комната комнате бөлме бөлмесі`)

// numberedEntrance reports whether the word at i is an entrance, floor,
// office or room word with its number after it (этаж 3, floor 2,
// комната 12): the number before it is then no count of it.
func numberedEntrance(s string, words [][2]int, i int) bool {
	w := s[words[i][0]:words[i][1]]
	return i+1 < len(words) && (entranceWord(w) || roomWords[strings.ToLower(w)]) && !strings.ContainsFunc(w, unicode.IsNumber) &&
		bareFlat.MatchString(strings.TrimSuffix(s[words[i+1][0]:words[i+1][1]], ".")) && !strings.ContainsAny(s[words[i][1]:words[i+1][0]], ",;\n")
}

// entranceOnly reports whether w is an entrance's word (not a floor's or
// an office's): its house is a door with or without a flat after it.
func entranceOnly(w string) bool {
	w = strings.ToLower(w)
	return strings.HasPrefix(w, "подъезд") || strings.HasPrefix(w, "кіреберіс") || strings.HasPrefix(w, "entrance")
}
