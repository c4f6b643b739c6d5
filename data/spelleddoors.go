package data

import (
	"slices"
	"strings"
	"unicode"
)

// A door written in words passes every rule that reads digits: дом
// десять, кв. сорок вторая, он бесінші үй, flat five (an attacker trial,
// 2026-12-07: a place field hid "сорок" and showed "вторая", and a
// description showed the whole address). Numbers in words are common in
// prose, so in free text only a run right after a street word (or after
// it and the street's name) counts, or right before a word that follows
// its number (пятый дом, он бесінші үй); a place field hides them all
// (placeNumber).

// russianOrdinalStems are the stems of the Russian ordinals (пят-ый,
// трет-ий, сороков-ой); the endings are ordinalEndings.
var russianOrdinalStems = wordSet(`перв втор трет четверт четвёрт пят шест седьм восьм девят десят
	одиннадцат двенадцат тринадцат четырнадцат пятнадцат шестнадцат семнадцат восемнадцат девятнадцат
	двадцат тридцат сороков пятидесят шестидесят семидесят восьмидесят девяност сот
	двухсот трёхсот трехсот четырёхсот четырехсот пятисот шестисот семисот восьмисот девятисот тысячн`)

// ordinalEndings are the adjective endings of a Russian ordinal, in every
// gender and case (пятый, пятая, пятого, пятом; третий, третья, третьем).
var ordinalEndings = wordSet(`ый ой ий ая ое ые ого ому ым ом ую ых ыми
	ья ье ьи ьего ьему ьим ьем ью ьей ьих ьими`)

// kazakhOrdinalSuffixes make a Kazakh number word an ordinal (бес-інші,
// алты-ншы, он-ыншы, жиырма-сыншы), also typed without Kazakh letters.
var kazakhOrdinalSuffixes = []string{"сыншы", "ыншы", "інші", "инши", "ншы", "нші", "нши"}

// englishOrdinals are the English ordinals (twenty-first is two parts).
var englishOrdinals = wordSet(`first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
	thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth
	fiftieth sixtieth seventieth eightieth ninetieth hundredth`)

// ordinalWord reports whether w, folded as numberWords are, is an ordinal
// of Russian, Kazakh or English.
func ordinalWord(w string) bool {
	if englishOrdinals[w] {
		return true
	}
	for _, suffix := range kazakhOrdinalSuffixes {
		if base, ok := strings.CutSuffix(w, suffix); ok && (kazakhNumbers[base] || base == "қырқ" || base == "кырк") {
			return true
		}
	}
	for i := range w { // the stem is three to eleven letters
		if russianOrdinalStems[w[:i]] && ordinalEndings[w[i:]] {
			return true
		}
	}
	return false
}

// spelledNumber reports whether a word is a number in words, counted or
// ordered, or made of them (сорок-два, twenty-first).
func spelledNumber(w string) bool {
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '/' })
	for _, p := range parts {
		if f := foldNumberWord(p); numberWords[f] == 0 && !ordinalWord(f) {
			return false
		}
	}
	return len(parts) > 0
}

// aloneWords are number words that mostly mean "alone" or "he" after a
// street word (остался в квартире один; Kazakh он is Russian "he"): a
// run of one of them is no door.
var aloneWords = wordSet(`один одна одно одни одного one он`)

// hideSpelledDoors hides the house and flat numbers written in words
// beside a street word.
func hideSpelledDoors(s string) string {
	d := spelledText{s: s, words: wordSpans(s)}
	if !d.anySpelled() {
		return s // every door it hides is a spelled number; a name has none
	}
	var spans [][2]int
	for i := range d.words {
		w := d.text(i)
		if street, number, ok := strings.Cut(w, "."); ok && isStreetWord(street) && spelledNumber(number) {
			spans = append(spans, [2]int{d.words[i][0] + len(street) + 1, d.words[i][1]}) // дом.десять, кв.пять
			continue
		}
		if d.placesName(i) || knownStreetEnds(d.s, d.words, i) {
			if sp, ok := d.runAfter(i); ok {
				spans = append(spans, sp) // живёт на Абая десять, lives on Abay ten, Сатпаева девяносто
			}
			continue
		}
		kazakh := kazakhFormOf(w) == kazakhDoor // он үйде: its number comes before it only
		if strings.ContainsFunc(w, unicode.IsNumber) || !isStreetWord(w) && !kazakh {
			continue
		}
		if sp, ok := d.runAfter(i); ok && !kazakh {
			spans = append(spans, sp)
		}
		if d.numberFirst(i) {
			if sp, ok := d.runBefore(i); ok {
				spans = append(spans, sp)
			}
		}
	}
	if len(spans) == 0 {
		return s
	}
	// a run after one street word may lie after the run before the next
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	return replaceSpans(s, mergeSpans(spans))
}

// anySpelled reports whether a word of the text, or the part of one
// after a dot (дом.десять), is a spelled number: looking up the streets
// everyone knows in every name first was a ninth of a node's start
// (2026-12-07).
func (d spelledText) anySpelled() bool {
	for i := range d.words {
		w := d.text(i)
		if _, after, ok := strings.Cut(w, "."); ok && spelledNumber(after) || spelledNumber(w) {
			return true
		}
	}
	return false
}

// spelledText is a text and its words, as hideSpelledDoors reads them.
type spelledText struct {
	s     string
	words [][2]int
}

func (d spelledText) text(i int) string { return d.s[d.words[i][0]:d.words[i][1]] }

// placesName reports whether the word at i places the street's name
// after it as where someone lives, as a street word does: a preposition
// of place after a verb of living (живёт на Абая), or a verb of living
// before a name shaped as a street's (проживает Абая).
func (d spelledText) placesName(i int) bool {
	w := strings.ToLower(d.text(i))
	return placePrepositions[w] && i > 0 && livingWords[strings.ToLower(d.text(i-1))] ||
		livingWords[w] && i+1 < len(d.words) && streetShaped(d.s, d.words, i+1)
}

// tight reports whether words i and i+1 belong to one address: only
// blanks, an abbreviation's dot or a number sign between them.
func (d spelledText) tight(i int) bool {
	return strings.Trim(d.s[d.words[i][1]:d.words[i+1][0]], " \t.:№#") == ""
}

func (d spelledText) spelled(i int) bool {
	return i >= 0 && i < len(d.words) && spelledNumber(d.text(i))
}

// runAfter is the run of number words after the street word at i, or
// after it and the street's name (улица Абая десять), with "номер" or a
// dash between (дом номер десять, дом — десять). It is a door only where
// the run ends the address: at a comma or the end, or before another
// street word or a preposition (дом десять, кв. пять; дом десять на
// Абая). Before a noun it is a count: В доме Ерлана две собаки, в
// квартире пять детей, a house five minutes from the river (a trial,
// 2026-12-07).
func (d spelledText) runAfter(i int) ([2]int, bool) {
	j := i + 1
	if j < len(d.words) && d.tight(i) && !d.spelled(j) && streetNameAt(d.s, d.words, j) {
		i, j = j, j+1
	}
	if j < len(d.words) && d.tight(i) && numberWordsLead[strings.ToLower(d.text(j))] {
		i, j = j, j+1
	}
	if j >= len(d.words) || !d.tight(i) && !d.dashed(i) || !d.spelled(j) {
		return [2]int{}, false
	}
	end := j
	for end+1 < len(d.words) && d.tight(end) && d.spelled(end+1) {
		end++
	}
	if next := end + 1; next < len(d.words) && strings.TrimSpace(d.between(end)) == "" {
		w := d.text(next)
		if !isStreetWord(w) && !strings.ContainsFunc(w, unicode.IsNumber) && !doorFollowers[strings.ToLower(w)] {
			return [2]int{}, false
		}
	}
	return d.span(j, end)
}

// numberWordsLead may stand between a street word and its number: дом
// номер десять, house number twelve.
var numberWordsLead = wordSet(`номер номері нөмірі number no`)

// doorFollowers may follow a door's number in a sentence (дом десять на
// Абая): prepositions, where a count is followed by what it counts.
var doorFollowers = wordSet(`на по в во возле около у at on in near by off`)

// institutionWords after "дом" name a place, not a door: an ordinal before
// it is the institution's (Первый дом престарелых).
var institutionWords = wordSet(`престарелых культуры ребёнка ребенка малютки быта отдыха инвалидов офицеров моды книги молодёжи молодежи`)

// inflectedDoorWords take an ordinal before them: в сорок второй квартире,
// в десятом доме.
var inflectedDoorWords = []string{"квартир", "доме", "дому"}

func (d spelledText) between(i int) string { return d.s[d.words[i][1]:d.words[i+1][0]] }

// dashed reports whether a dash parts words i and i+1 (дом — десять).
func (d spelledText) dashed(i int) bool { return strings.Trim(d.between(i), " \t-–—") == "" }

// runBefore is the run of number words right before a word that follows
// its number (пятый дом, он бесінші үй, сорок вторая квартира), or of
// ordinals before an inflected one (в сорок второй квартире).
func (d spelledText) runBefore(i int) ([2]int, bool) {
	start := i - 1
	if start < 0 || !d.tight(start) || !d.spelled(start) {
		return [2]int{}, false
	}
	if i+1 < len(d.words) && institutionWords[strings.ToLower(d.text(i+1))] {
		return [2]int{}, false
	}
	for start > 0 && d.tight(start-1) && d.spelled(start-1) {
		start--
	}
	return d.span(start, i-1)
}

// numberFirst reports whether the street word at i follows its number:
// numberFirstWords, or an inflected door word after an ordinal.
func (d spelledText) numberFirst(i int) bool {
	w := strings.ToLower(strings.Trim(d.text(i), "."))
	if numberFirstWords[w] || kazakhFormOf(w) == kazakhDoor {
		return true
	}
	for _, stem := range inflectedDoorWords {
		if strings.HasPrefix(w, stem) {
			return i > 0 && ordinalWord(foldNumberWord(d.text(i-1)))
		}
	}
	return false
}

// span is the byte span of words a..b, unless it is a lone word that
// means "alone" or "he".
func (d spelledText) span(a, b int) ([2]int, bool) {
	if a == b && aloneWords[foldNumberWord(d.text(a))] && !d.kazakhTenAt(a) {
		return [2]int{}, false
	}
	return [2]int{d.words[a][0], d.words[b][1]}, true
}

// kazakhTenAt reports whether the "он" at a is Kazakh ten, not Russian
// "he": a Kazakh door word follows it (Абай көшесі он үй: an attacker's
// trial, 2026-12-07).
func (d spelledText) kazakhTenAt(a int) bool {
	if a+1 >= len(d.words) || foldNumberWord(d.text(a)) != kazakhTen {
		return false
	}
	next := strings.ToLower(d.text(a + 1))
	return next == "үй" || next == "үйі" || next == "пәтер" || next == "пәтері" || kazakhFormOf(next) == kazakhDoor
}
