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
// Ахметова Марина 1984) and the exact name of no known year (at 0.85 the
// bare namesake ranked first, 1.00 against 0.97, in the same town too),
// below the exact name and year.
const doubleSurnameSim = 0.95

// halfKeys returns the keys of each half of a double family name (two
// words, hyphenated or not: Иванова-Петрова, Ахметова Жумабаева), nil for
// a one-word name. A separate ұлы/қызы is no half.
func halfKeys(family string) []string {
	words := strings.FieldsFunc(family, func(r rune) bool {
		return r == '-' || r == ' ' || r == '‐' || r == '–' || r == '(' || r == ')'
	})
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

// currentKeys returns the keys of the family name before a bracketed
// former one (Пак (Цой): Пак), nil for any other.
func currentKeys(family string) []string {
	cur, _, ok := strings.Cut(family, "(")
	if !ok || strings.TrimSpace(cur) == "" {
		return nil
	}
	return wordKeys(cur)
}

// doubleSim compares a family name with a double one (sim: their own
// similarity): the name a woman carries now, before the bracket of her
// former one, is her family name (Иванова for Иванова (Шевчук)); a half
// otherwise is one of a double surname. ok false when neither is.
func doubleSim(a, b namePart, sim float64) (float64, string, bool) {
	if shareKey(a.current, b.keys) || shareKey(b.current, a.keys) {
		return 1, "transliteration", true
	}
	if sim < doubleSurnameSim && oneOfDouble(a, b) {
		return doubleSurnameSim, howDoubleSurname, true
	}
	return sim, "", false
}

// formerMarks are the words that say a bracketed name is a maiden or an
// earlier family name (урожд. Петрова, в девичестве Серикова, née, geb.).
var formerMarks = map[string]bool{
	"урожд": true, "урожденная": true, "урождённая": true, "урожд.": true, "в": true, "девичестве": true,
	"девичья": true, "фамилия": true, "до": true, "брака": true, "бывш": true, "бывш.": true, "бывшая": true,
	"née": true, "nee": true, "geb": true, "geb.": true, "geborene": true, "maiden": true, "formerly": true,
	"тегі": true, "бұрынғы": true,
}

// formerFamily takes a bracketed family name out of a full name: a
// maiden or an earlier name (Пак (Цой) Елена, Ахметова Гульнара
// (урожд. Серикова)), which a relative may know her by. The bracket must
// hold one word that ends as a surname or is a Korean-Kazakh one, or any
// one word after a mark (урожд. Вебер); a given name (Гульнара (Гуля))
// stays where it was. It returns the name without the bracket, and the
// word ("" when there is none).
func formerFamily(full string) (rest, former string) {
	open := strings.IndexByte(full, '(')
	end := strings.IndexByte(full, ')')
	if open < 0 || end < open {
		return full, ""
	}
	marked := false
	var words []string
	for _, w := range strings.Fields(full[open+1 : end]) {
		if formerMarks[strings.ToLower(strings.TrimRight(w, ".:"))] || formerMarks[strings.ToLower(w)] {
			marked = true
			continue
		}
		words = append(words, w)
	}
	if len(words) != 1 {
		return full, ""
	}
	parts := nameParts(words[0])
	if len(parts) != 1 {
		return full, ""
	}
	p := parts[0]
	_, given := lookupGiven(p.keys)
	f, surname := familyEndOf(p.key)
	if given || lookupDiminutive(p.keys) != nil || !marked && !(surname && !f.weak) {
		return full, ""
	}
	return strings.Join(strings.Fields(full[:open]+" "+full[end+1:]), " "), "(" + p.text + ")"
}
