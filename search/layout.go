package search

import (
	"strings"
	"unicode"
)

// People type a Cyrillic name with the keyboard left on its Latin layout
// ("Oerby Fhn`v" for Щукин Артём), and a volunteer typing fast does too:
// the words look like nothing, and the search finds nobody (matching
// trial, 2026-12-06: 0 of 3). A Latin query that finds no one worth a
// review is read again as the Russian ЙЦУКЕН keys under the same fingers.

// qwertyKeys and russianKeys are the two layouts, key by key.
const (
	qwertyKeys  = "`qwertyuiop[]asdfghjkl;'zxcvbnm,."
	russianKeys = "ёйцукенгшщзхъфывапролджэячсмитьбю"
)

// russianByKey maps a key of the Latin layout to the Russian letter on it.
var russianByKey = func() map[rune]rune {
	m := map[rune]rune{}
	ru := []rune(russianKeys)
	for i, k := range qwertyKeys {
		m[k] = ru[i]
		if up := unicode.ToUpper(k); up != k {
			m[up] = unicode.ToUpper(ru[i])
		}
	}
	// Shifted punctuation keys carry the capitals of their letters.
	for k, r := range map[rune]rune{'~': 'Ё', '{': 'Х', '}': 'Ъ', ':': 'Ж', '"': 'Э', '<': 'Б', '>': 'Ю'} {
		m[k] = r
	}
	return m
}()

// onRussianKeys is name typed on the Latin layout read as the Russian
// letters of the same keys, when every character is a key of the layout
// or a blank or hyphen. Search tries it only when the name as typed found
// no one worth a review, and keeps it only when it does.
func onRussianKeys(name string) (string, bool) {
	var b strings.Builder
	for _, word := range strings.Fields(name) {
		for _, r := range word {
			if r == '-' {
				b.WriteRune(r)
				continue
			}
			k, ok := russianByKey[r]
			if !ok {
				return "", false
			}
			b.WriteRune(k)
		}
		b.WriteByte(' ')
	}
	return strings.TrimSpace(b.String()), b.Len() > 0
}
