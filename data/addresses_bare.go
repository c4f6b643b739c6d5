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
		district := k > 0 && knownDistricts[lower(k-1)] && bareDistrictNumber.MatchString(text(k)) // Жетысу 2 15 12
		if !bareName(text(k)) && !district || !bareHouse.MatchString(text(h)) || !bareFlat.MatchString(strings.TrimSuffix(text(f), ".")) || strings.HasPrefix(text(f), "0") ||
			!door(h) || !door(f) || strings.Trim(s[words[k][1]:words[h][0]], " \t,") != "" || !houseGap(s[words[h][1]:words[f][0]]) {
			continue
		}
		living := livingWords[lower(k-1)] || livingWords[lower(k-2)] && (placePrepositions[lower(k-1)] || cityPrepositions[lower(k-1)])
		// a full stop after the flat is read into its word (12.)
		ends := f+1 == len(words) || strings.HasSuffix(text(f), ".") || strings.ContainsAny(s[words[f][1]:words[f+1][0]], ",;!?)\n") ||
			anotherStreetAfter(s, words, f) // Достык 5 12 и Абая 10
		after := f+1 < len(words) && livingWords[lower(f+1)]
		upper := startsUpper(text(k))
		// a name of two words starts its clause too: Nurly Tau 5 12
		start := clauseStart(s, words, k) || k > 0 && startsUpper(text(k-1)) && bareName(text(k-1)) && clauseStart(s, words, k-1) &&
			strings.TrimSpace(s[words[k-1][1]:words[k][0]]) == ""
		var placed bool
		switch {
		case district:
			placed = true
		case living: // and a time after the flat: живёт на Абая 150 23 с 2010 года
			placed = ends || after || f+1 < len(words) && timePrepositions[lower(f+1)]
		case placePrepositions[lower(k-1)]:
			placed = upper && (ends || after || nearWords[lower(f+1)])
		case cityPrepositions[lower(k-1)]: // a district is no town one flies to on a day (в Самал 5 12)
			placed = upper && (ends || after) && (!dayShaped(text(h), text(f)) || knownDistricts[lower(k)])
		default:
			placed = upper && (after || ends && start && (f+1 == len(words) || !strings.Contains(s[words[f][1]:words[f+1][0]], ",")) ||
				(midSentence(s, words, k) || start) && nearPlace(s, words, f+1) ||
				midSentence(s, words, k) && !dayShaped(text(h), text(f)) && !timeShaped(text(h), text(f)))
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
	return !measureWords[lw] && !unitWords[lw] && !notStreetBetween[lw] && !livingWords[lw] && !commonLatinWords[lw] && !eventWords[lw] && !weekdays[lw] && !kinWords[lw]
}

// eventWords say what happened, and a day follows them (Пропал 5 12: went
// missing on the 5th of December), never a street's number.
var eventWords = wordSet(`пропал пропала пропали пропавший пропавшая исчез исчезла исчезли ушёл ушел ушла ушли вышел вышла вышли
	уехал уехала уехали видели видел видела нашли найден найдена найдены родился родилась родились умер умерла погиб погибла
	приехал приехала приехали прилетел прилетела звонил звонила звонили был была были последний последняя
	жоғалды жоғалған кетті кеткен шықты шыққан көрді көрдік көрген табылды туған туды хабарласты missing left seen found
	born died arrived gone last called disappeared vanished went came`)

// weekdays and months shortened take a day after them (on Monday 5, в
// Понедельник 5 12, on Dec 5).
var weekdays = wordSet(`понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье
	дүйсенбі сейсенбі сәрсенбі бейсенбі жұма сенбі жексенбі monday tuesday wednesday thursday friday saturday sunday
	jan feb mar apr jun jul aug sep sept oct nov dec янв фев мар апр июн июл авг сен сент окт ноя дек`)

// nearWords after an address place someone by it (видели Достык 5 12
// около магазина): a place's preposition or a Kazakh postposition.
var nearWords = wordSet(`около возле у рядом напротив за перед между near next opposite behind beside by outside
	жанында қасында маңында алдында артында жанынан қасынан`)

// nearPlace reports whether the word at i is a nearWord before a place,
// not a time's (около магазина, not около 9).
func nearPlace(s string, words [][2]int, i int) bool {
	if i >= len(words) || !nearWords[strings.ToLower(s[words[i][0]:words[i][1]])] {
		return false
	}
	return i+1 >= len(words) || !strings.ContainsFunc(s[words[i+1][0]:words[i+1][1]], unicode.IsNumber)
}

// midSentence reports whether word k is inside its sentence, after no
// little word that would part a name from the numbers (к Ерлану 14 30):
// a capital there is a name's, not a sentence's first word.
func midSentence(s string, words [][2]int, k int) bool {
	return k > 0 && !clauseStart(s, words, k) && !notStreetBetween[strings.ToLower(s[words[k-1][0]:words[k-1][1]])]
}

// timeShaped reports whether two numbers may be an hour and its minutes
// (14 30, 9 15).
func timeShaped(a, b string) bool { return timeOfDay.MatchString(a + ":" + b) }

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
