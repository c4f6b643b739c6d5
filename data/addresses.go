package data

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// streetWords mark a street address in the three languages; the numbers
// just after them are a house, a building or a flat (ул. Абая 10, кв. 5;
// по адресу Абая 150). The name of the street is kept: it tells a
// district, not a door.
var streetWords = wordSet(`ул улица пр проспект пр-т пер бульвар б-р мкр мкрн микрорайон д дом кв корп корпус ком комн жк
	адрес адресу адресе мекенжай мекенжайы көше көшесі көш к-сі даңғыл даңғылы даңғ даң шағынаудан ықшамаудан үй үйі пәтер пәтері
	street st str avenue ave road rd lane apt apartment flat unit block blk house building bldg address mkr mkrn md kv ul koshesi dom офис оф office
	кошеси уй уйи патер патери uy üy pater päter koshesi köşesi kóshesi жатақхана жатақханасы общага общаге общагу участок участке`)

// numberFirstWords come after their number too (10 Abay street, 10 үй,
// 5-пәтер, 10-й дом), or after the house of their flat (Абая 10 кв 5).
var numberFirstWords = wordSet(`street st avenue ave road rd lane көше көшесі даңғылы үй үйі пәтер пәтері кв квартира дом apt flat house
	кошеси уй уйи патер патери uy üy pater päter`)

// streetStems are the inflected forms: в квартире 5, на улице Абая 10.
// Not "дома", which is "at home" too (ушёл из дома 12 мая).
var streetStems = []string{"квартир", "улиц", "проспект", "микрорайон", "переул", "корпус", "подъезд", "общежит", "доме", "дому"}

// dayWords after a number make it a day or an anniversary, which name
// streets and villages too (8 Марта, 1 Мая, 10 лет Независимости).
const dayWords = `лет жыл жылдығы years
	января февраля марта апреля мая июня июля августа сентября октября ноября декабря
	қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан
	january february march april may june july august september october november december`

// unitWords after a number make it an age, a size, a sum, a count or a
// day, never a door: 25 лет, 175 см, 1 000 тенге, 3 legs, 8 марта.
var unitWords = wordSet(`год года годы годах г гг жас жаста жасар жылы см кг м км человек человека чел тенге тг руб
	день дня дней час часа часов минут недели недель месяц месяца месяцев этаж этажа этажей этажный градус градусов
	класс класса классе сынып сыныпта адам кісі бала баласы қабат қабатты қабатта қабатында пәтерлі бөлмелі комнатная комнатной комнаты комнат комнатах комната бөлме бөлмесі
	year yrs cm kg km people injured legs tenge days hours weeks months am pm floor floors rooms room bedrooms
	утра утром вечера вечером ночи ночью суток раз детей ребенка ребёнка детьми собаки собак кошки кошек машин машины
	женщины женщин мужчины мужчин студентов погибших раненых человек
	o'clock oclock minutes mins kids children times nights people blocks units miles meters metres ` + dayWords)

// placeDayWords are dayWords as a set: in a place field only they keep
// the number before them.
var placeDayWords = wordSet(dayWords)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// districtWords name a micro-district, whose name or number follows
// (мкр Самал-2, мкр 5, в микрорайоне Самал 2, 14 мкр): thousands live in
// one, so it stays.
var districtWords = wordSet(`мкр мкрн мкр-н м-н шағынаудан шағынауданы ықшамаудан ықшамауданы mkr mkrn md`)

func isDistrictWord(w string) bool {
	w = strings.ToLower(strings.Trim(w, "."))
	return districtWords[w] || strings.HasPrefix(w, "микрорайон")
}

// districtName is a micro-district's name with its number, or its number
// (Самал-2, Аксай-1А, 5, 12А).
var districtName = regexp.MustCompile(`^(?:\p{L}+-)?\d{1,2}\p{L}?$`)

// numberedDistrict is a district's name with its number (Жетысу-2,
// Аксай-4): a house and a flat after it (Жетысу-2, 45-12) are a door.
var numberedDistrict = regexp.MustCompile(`^\p{Lu}\p{L}+-\d{1,2}\p{L}?$`)

// districtNamed reports whether the words from i name a district: its
// name with its number (Самал-2), its number, or a name then a number
// (Самал 2).
func districtNamed(text func(int) string, i, n int) bool {
	if districtName.MatchString(text(i)) {
		return true
	}
	return i+1 < n && !strings.ContainsFunc(text(i), unicode.IsNumber) && !personsStreet(text(i)) && districtName.MatchString(text(i+1))
}

// personsStreet reports whether w is a street named for a person in the
// genitive (Абая, Сатпаева), not a district's name: мкр Абая 10 is a
// street's house in the district (a reader's trial, 2026-12-07).
func personsStreet(w string) bool {
	lw := strings.ToLower(w)
	return streetNameShape.MatchString(lw) && !knownDistricts[lw]
}

// endsClause reports whether what lies between two words ends the
// address a street word began: a semicolon or a new line.
func endsClause(between string) bool { return strings.ContainsAny(between, ";\n") }

// houseFlat is a house and a flat (10-5, 10/2, 150а-12) or a house alone
// with a letter (150а): written next to a street's name without a street
// word, the way addresses are most often written here (Абая 10-5).
var houseFlat = regexp.MustCompile(`^\d{1,4}\p{L}?(?:[-/–—]\d{1,4}\p{L}?)+$|^\d{1,4}\p{L}$`)

// streetReach is how many words after a street word may be its numbers
// (ул. Абая 10, кв. 5: two after "ул", one after "кв"); a number-first
// word reaches two words back (10 Abay street).
const streetReach = 3

// hideHouseNumbers hides the words with a digit that a street word or a
// street's name makes a house or a flat number.
func hideHouseNumbers(s string) string {
	if !strings.ContainsFunc(s, unicode.IsNumber) {
		return s
	}
	orig := s
	s = joinAddressLines(s)
	words := wordSpans(s)
	text := func(i int) string { return s[words[i][0]:words[i][1]] }
	hide := make([]bool, len(words))
	door := func(j int) bool { // a number that is not an age, a size, a count, a date or a numbered thing
		if j < 0 || j >= len(words) || !strings.ContainsFunc(text(j), unicode.IsNumber) || notADoor(s, words, j) {
			return false
		}
		// a unit past a comma is another part's (подъезд 2, этаж 3), and so is a floor with its number after it (Абая 10 этаж 3)
		return j+1 >= len(words) || !unitWords[strings.ToLower(strings.Trim(text(j+1), "."))] || strings.ContainsAny(s[words[j][1]:words[j+1][0]], ",;") ||
			numberedEntrance(s, words, j+1)
	}
	nameAt := func(j int) bool { return streetNameAt(s, words, j) } // a street's name: Абая, Толе би
	near := nearNumbers(words, func(i int) bool { return strings.ContainsFunc(text(i), unicode.IsNumber) })
	for i := range words {
		w := text(i)
		if near[i] && isStreetWord(w) {
			hide[i] = hide[i] || strings.ContainsFunc(w, unicode.IsNumber) // glued: кв5, д.10, 5-пәтер
			if isDistrictWord(w) && i+1 < len(words) && districtNamed(text, i+1, len(words)) {
				continue // мкр Самал-2, мкр 5: a district has no door (д. 5 after it is its own street word)
			}
			markAfterStreetWord(s, words, i, hide, door)
			if numberFirstWords[strings.TrimLeft(strings.ToLower(strings.Trim(w, ".")), "0123456789-")] { // кв, 5-кв (Абая 10 5-кв)
				for j := max(0, i-2); j < i; j++ { // not back across a comma: мкр Аксай-4, 12 үй
					hide[j] = hide[j] || door(j) && !strings.ContainsAny(s[words[j][1]:words[i][0]], ",;\n")
				}
			}
		}
		if houseFlat.MatchString(w) && (nameAt(i-1) || nameAt(i-2) && !notStreetBetween[strings.ToLower(text(i-1))] || nameAt(i+1) ||
			i > 0 && numberedDistrict.MatchString(text(i-1))) &&
			!(i > 1 && isDistrictWord(text(i-2)) && !strings.ContainsFunc(text(i-1), unicode.IsNumber)) { // мкр Аксай 1А
			hide[i] = hide[i] || door(i)
		}
	}
	markKazakhDoors(s, words, hide, door)
	markRussianDoors(s, words, hide, door)
	markKnownStreetDoors(s, words, hide, door)
	var spans [][2]int
	for i, h := range hide {
		if h {
			sp := words[i]
			if strings.HasSuffix(text(i), ".") {
				sp[1]-- // the full stop after a flat ends the sentence: Абая 10 5.
			}
			spans = append(spans, sp)
		}
	}
	return replaceSpans(orig, spans)
}

// nearNumbers marks the words that may be a street word of a number: a
// word with a digit at most streetReach words after, or two before. The
// others are not looked up (a description has dozens of words).
func nearNumbers(words [][2]int, hasDigit func(int) bool) []bool {
	near := make([]bool, len(words))
	for j := range words {
		if !hasDigit(j) {
			continue
		}
		for i := max(0, j-streetReach); i <= min(len(words)-1, j+2); i++ {
			near[i] = true
		}
	}
	return near
}

// isStreetWord reports whether w, or a part of it (ул.Абая, 5-пәтер), is
// a street word. A capital Д is an initial (Д. Кунаев), not "дом".
func isStreetWord(w string) bool {
	if w == "Д" || strings.HasPrefix(w, "Д.") || isRailway(w) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(w); !streetInitials[unicode.ToLower(r)] && !unicode.IsNumber(r) {
		return false // most words: not one starts like a street word (5-пәтер starts with its number)
	}
	w = strings.ToLower(w)
	if strings.ContainsFunc(w, unicode.IsNumber) && gluedDoor.MatchString(w) {
		return true
	}
	parts := append([]string{strings.Trim(w, ".")}, strings.FieldsFunc(w, func(r rune) bool { return strings.ContainsRune("-./", r) })...)
	for _, p := range parts {
		if streetWords[p] {
			return true
		}
		for _, stem := range streetStems {
			if strings.HasPrefix(p, stem) {
				return true
			}
		}
	}
	return false
}

// streetInitials are the first letters of the street words and stems.
var streetInitials = func() map[rune]bool {
	m := map[rune]bool{}
	for w := range streetWords {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = true
	}
	for _, w := range streetStems {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = true
	}
	return m
}()

// gluedDoor is a street word run into its number: кв5, д10, apt5, д10к5.
var gluedDoor = regexp.MustCompile(`^(?:кв|д|дом|ул|үй|kv|d|apt|flat)\.?\d+\p{L}?(?:(?:к|кв|корп)\.?\d+|[-/]\d+\p{L}?)?$`) // and д10к5, дом10кв5, д10/2, d.10

func startsUpper(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// replaceSpans puts hidden in place of the byte spans of s given in
// order (the words of an address, the groups of a pattern).
func replaceSpans(s string, spans [][2]int) string {
	if len(spans) == 0 {
		return s
	}
	var out strings.Builder
	last := 0
	for _, sp := range spans {
		out.WriteString(s[last:sp[0]])
		out.WriteString(hidden)
		last = sp[1]
	}
	out.WriteString(s[last:])
	return out.String()
}

// wordSpans returns the byte spans of s's words: runs of letters, digits,
// and the joiners inside a house number or an abbreviation (10/2, 5-пәтер,
// б-р, ул.). En and em dashes join as the hyphen does: Абая 10–5, which
// phones type for "--", was shown (an attacker's trial, 2026-12-07).
func wordSpans(s string) [][2]int { return tokenSpans(s, "-/.–—") }

// tokenSpans are the byte spans of the runs of letters, digits and marks
// in s, with joiners inside a run (not at its start) kept in it.
func tokenSpans(s, joiners string) [][2]int {
	var spans [][2]int
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r) || (start >= 0 && strings.ContainsRune(joiners, r))
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

// HidePlace is a place field (city, region, country) as anyone may see it:
// its contacts hidden, and then every number left, in digits or in words,
// since a place's name holds none but a door does (Алматы, Абая 10; Абая-10;
// Абая десять), which free text cannot be so sure of (Абая 10 may be a
// date there). Only a micro-district named as one keeps its number (мкр 5,
// 14 мкр, мкр Аксай-4, мкр Самал 2): thousands live in one. A district
// written without мкр (Аксай 4) loses its number: a street would read the
// same. Every public place goes through here: the public views, their
// explanations and the place an SMS names. (The matcher compares places
// by their gazetteer keys, which leave the digits out.)
func HidePlace(s string) string { return cleanPlaces.through(s, hidePlace) }

// cleanPlaces remembers the places HidePlace left as they were: a search
// answer shows ten hits' cities, most of them the same few.
var cleanPlaces = newCleanTexts()

func hidePlace(s string) string {
	s = HideContacts(s)
	words := wordSpans(s)
	text := func(i int) string { return s[words[i][0]:words[i][1]] }
	var spans [][2]int
	spread := districtsSpellPhone(s, words)
	for i := range words {
		if w := text(i); placeNumber(w) && (spread || !districtNumber(s, words, i)) && !namesADay(text, i, len(words)) && !numberedPlaceName(w, text, i, len(words)) {
			sp := words[i]
			if cut := strings.IndexAny(w, "-."); cut > 0 && !placeNumber(w[:cut]) {
				sp[0] += cut + 1 // Абая-10 → Абая-•••, дом.десять → дом.•••: the word stays, as it does written apart
			}
			spans = append(spans, sp)
		}
	}
	return replaceSpans(s, spans)
}

// placeNumber reports whether a word of a place is a number: it has a
// digit, or it is a number word (десять, он бес, ten), or is made of them
// (forty-two, десять/пять).
func placeNumber(w string) bool {
	if strings.ContainsFunc(w, unicode.IsNumber) {
		return true
	}
	for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '/' || r == '.' }) {
		if f := foldNumberWord(part); numberWords[f] != 0 || ordinalWord(f) {
			return true
		}
	}
	return false
}

// namesADay reports whether the number at i, with the unit after it, is a
// place's name rather than a door: 8 Марта, 1 Мая, 10 лет Независимости,
// and in words Первого Мая, Восьмого Марта.
func namesADay(text func(int) string, i, n int) bool {
	return i+1 < n && placeDayWords[strings.ToLower(strings.Trim(text(i+1), "."))] &&
		(strings.ContainsFunc(text(i), unicode.IsDigit) || ordinalWord(foldNumberWord(text(i))))
}

// numberedPlaceName reports whether the number word at i is part of a
// place's name: a town whose name starts with one (Уш-Тобе, Бес-Агаш,
// Jeti-Oguz), or a micro-district's ordinal (пятый микрорайон). A trial
// (2026-12-07) found them hidden.
func numberedPlaceName(w string, text func(int) string, i, n int) bool {
	if strings.ContainsFunc(w, unicode.IsNumber) {
		return false
	}
	if first, rest, ok := strings.Cut(w, "-"); ok && placeNumber(first) && startsUpper(rest) && !placeNumber(rest) {
		return true
	}
	return i+1 < n && isDistrictWord(text(i+1)) && ordinalWord(foldNumberWord(w))
}

// districtNumber reports whether the word at i is a micro-district's
// number or name with its number: right after мкр (мкр 5, мкр Аксай-4), after мкр and the district's name (мкр Самал 2), or right
// before мкр (14 мкр), with no comma between. After a numbered district
// (5 мкр 12) a number is a house.
func districtNumber(s string, words [][2]int, i int) bool {
	text := func(j int) string { return s[words[j][0]:words[j][1]] }
	joined := func(a int) bool {
		return a >= 0 && a+1 < len(words) && !strings.ContainsAny(s[words[a][1]:words[a+1][0]], ",;\n")
	}
	district := func(j int) bool { // мкр, not already given its number before it
		return j >= 0 && j < len(words) && isDistrictWord(text(j)) && !(joined(j-1) && placeNumber(text(j-1)))
	}
	w := text(i)
	if !districtName.MatchString(w) {
		return false
	}
	if namedDistrictNumber(s, words, i) {
		return true // Аксай-4, Самал 2: a known district's number, with or without мкр
	}
	return district(i-1) && joined(i-1) ||
		district(i-2) && joined(i-2) && joined(i-1) && !placeNumber(text(i-1)) && !personsStreet(text(i-1)) ||
		i+1 < len(words) && (isDistrictWord(text(i+1)) || kazakhFormOf(text(i+1)) == kazakhDistrict) && joined(i)
}
