package data

import (
	"regexp"
	"strings"
	"unicode"
)

// Streets known by name. The shape rules (addresses_ru.go,
// addresses_bare.go) need a street word, a verb of living or a house and
// a flat to tell an address from a name with a number, and a bare house
// after a street's name passed them: «Мама: Байзакова 280», «у сестры,
// Розыбакиева 247», «видели Достык 5 вчера», «Tole bi 59, 12», «No. 10
// Abay» (the hiding trials of 2026-12-07). The streets that cross the
// cities of Kazakhstan are few and everyone writes them: after one of
// them a house number is a door in any script or case. Hiding a number
// that was an age costs a searcher little; showing a door is what a
// scammer needs.

// streetNames are the streets' names as people are named (nominative;
// the genitive «Абая», «Сатпаева» and the Latin spellings are read by
// knownStreetWord). Kazakh and Russian spellings of one name differ
// where NameKey does not fold them (Сәтбаев, Сатпаев).
var streetNames = keySet(knownStreetForms(`абай сатпаев сәтбаев байзаков розыбакиев жандосов
	достык достық желтоксан желтоқсан фурманов назарбаев кунаев қонаев райымбек сейфуллин гагарин ауэзов әуезов
	муканов мұқанов жароков манас саин момышулы момышұлы тимирязев шевченко толстой пушкин гоголь
	маметов мәметов жамбыл джамбул макатаев мақатаев туркебаев байтурсынов байтұрсынов курмангазы құрманғазы
	навои торайгыров торайғыров ходжанов бекмаханов суюнбай сүйінбай рыскулов рысқұлов панфилов калдаяков
	қалдаяқов мауленов масанчи уалиханов уәлиханов жансугуров жансүгіров ерубаев тулебаев төлебаев
	кенесары кошкарбаев қошқарбаев туран сарыарка сарыарқа бейбитшилик бейбітшілік сыганак сығанақ алтынсарин
	бөгенбай богенбай кабанбай қабанбай наурызбай утеген өтеген акан ақан айманов шагабутдинов
	мусрепов мүсірепов маресьев рыскулбеков ахмедияров жубанов жұбанов мынбаев ташкентская
	республики алфараби альфараби әлфараби`)...)

// streetTitleKeys are streetTitles (addresses_ru.go) read in any script,
// and the words after a name that is no hero's (Жибек жолы, Мәңгілік ел).
var streetTitleKeys = func() map[string]bool {
	m := keySet("жолы", "ел")
	for w := range streetTitles {
		m[NameKey(w)] = true
	}
	return m
}()

// streetHeads are the names a title follows (Толе би, Тole bi).
var streetHeads = keySet(strings.Fields(`толе төле казыбек қазыбек айтеке әйтеке кабанбай қабанбай богенбай бөгенбай наурызбай
	абылай кенесары бухар бұқар жибек жібек утеген өтеген райымбек мангилик мәңгілік`)...)

// knownStreetForms adds the genitive of each name (Абай → Абая,
// Сатпаев → Сатпаева), the form a street takes after «улица».
func knownStreetForms(names string) []string {
	var out []string
	for _, n := range strings.Fields(names) {
		out = append(out, n)
		switch {
		case strings.HasSuffix(n, "ай") || strings.HasSuffix(n, "ей"):
			out = append(out, strings.TrimSuffix(n, "й")+"я")
		case strings.HasSuffix(n, "ов") || strings.HasSuffix(n, "ев") || strings.HasSuffix(n, "ин") || strings.HasSuffix(n, "ын"):
			out = append(out, n+"а")
		}
	}
	return out
}

// knownStreetEnds reports whether the word at i ends a known street's
// name: one word (Абая, Satpaeva, достык), or a hero's name and title
// (Толе би, Kabanbay batyra).
func knownStreetEnds(s string, words [][2]int, i int) bool {
	if i < 0 || i >= len(words) {
		return false
	}
	w := s[words[i][0]:words[i][1]]
	if !streetLettered(w) {
		return false
	}
	key := NameKey(w)
	if streetNames[key] {
		return true
	}
	return streetTitleKeys[key] && i > 0 && strings.TrimSpace(s[words[i-1][1]:words[i][0]]) == "" &&
		streetLettered(s[words[i-1][0]:words[i-1][1]]) && streetHeads[NameKey(s[words[i-1][0]:words[i-1][1]])]
}

// streetLettered: letters and hyphens only, no number run into the name.
func streetLettered(w string) bool {
	return w != "" && !strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
}

// knownHouse is a house after a known street: a number, with a letter
// or a building (280, 5а, 77/8, 150-12).
var knownHouse = regexp.MustCompile(`^\d{1,3}\p{L}?(?:[-/–—]\d{1,4}\p{L}?)*$`)

// markKnownStreetDoors marks a house right after a known street and a
// bare flat after it (Розыбакиева 247 12, Tole bi 59, 12), and, in the
// English order, a house right before a Latin street (No. 10 Abay).
func markKnownStreetDoors(s string, words [][2]int, hide []bool, door func(int) bool) {
	text := func(i int) string { return s[words[i][0]:words[i][1]] }
	gap := func(i int) string { return s[words[i][1]:words[i+1][0]] }
	for h := range words {
		if w := text(h); w == "" || w[0] < '0' || w[0] > '9' || !knownHouse.MatchString(w) || !door(h) {
			continue
		}
		after := h > 0 && knownStreetEnds(s, words, h-1) && strings.TrimSpace(gap(h-1)) == ""
		before := h+1 < len(words) && strings.TrimSpace(gap(h)) == "" && latinWord(text(h+1)) &&
			(knownStreetEnds(s, words, h+1) || knownStreetEnds(s, words, h+2) && streetHeads[NameKey(text(h+1))])
		if !after && !before {
			continue
		}
		hide[h] = true
		if f := h + 1; after && f < len(words) && bareFlat.MatchString(strings.TrimSuffix(text(f), ".")) &&
			houseGap(gap(h)) && door(f) {
			hide[f] = true
		}
	}
}

// latinWord reports whether w is written in Latin letters.
func latinWord(w string) bool {
	return strings.ContainsFunc(w, func(r rune) bool { return unicode.Is(unicode.Latin, r) }) &&
		!strings.ContainsFunc(w, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) })
}
