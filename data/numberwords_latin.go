package data

import "strings"

// People who cannot type Cyrillic, or dodge a filter, write the Russian
// and Kazakh number words in Latin letters (sem nol odin, sto dvadtsat
// tri; segiz zheti zhuz bir): attacker trial, 2026-12-06. The Latin
// forms are made from the Cyrillic lists (numberWordLists) by the ways
// people romanize each letter, so the two never drift apart.

// latinLetters are the ways a Cyrillic letter of a number word is
// written in Latin letters: passport and BGN, Kazakh Latin (2017-2021: ş, ç; the 2018 accents á, ó, ú, ń),
// German and chat spellings (4 for ч).
var latinLetters = map[rune][]string{
	'а': {"a"}, 'б': {"b"}, 'в': {"v", "w"}, 'г': {"g"}, 'д': {"d"}, 'е': {"e", "ye"}, 'ё': {"e", "yo"},
	'ж': {"zh", "j"}, 'з': {"z"}, 'и': {"i"}, 'й': {"i", "y", "j"}, 'к': {"k"}, 'л': {"l"}, 'м': {"m"},
	'н': {"n"}, 'о': {"o"}, 'п': {"p"}, 'р': {"r"}, 'с': {"s"}, 'т': {"t"}, 'у': {"u"}, 'ф': {"f"},
	'х': {"kh", "h"}, 'ц': {"ts", "c", "tz"}, 'ч': {"ch", "4", "ç"}, 'ш': {"sh", "ş"}, 'щ': {"shch", "sch"},
	'ъ': {""}, 'ы': {"y", "i", "ı"}, 'ь': {""}, 'э': {"e"}, 'ю': {"yu", "iu", "ju"}, 'я': {"ya", "ia", "ja"},
	'ә': {"a", "ä", "ae", "á"}, 'ғ': {"g", "gh", "ğ", "ǵ"}, 'қ': {"k", "q"}, 'ң': {"n", "ng", "ñ", "ń"},
	'ө': {"o", "ö", "oe", "ó"}, 'ұ': {"u", "ū", "ú"}, 'ү': {"u", "ü", "ue", "ú"}, 'һ': {"h"}, 'і': {"i", "ı"},
}

// latinForms are the Latin spellings of a Cyrillic number word; none for
// a word already in Latin letters, or for "он" (Kazakh ten), which in
// Latin is the English "on".
func latinForms(word string) []string {
	if word == kazakhTen || !strings.ContainsFunc(word, func(r rune) bool { return latinLetters[r] != nil }) {
		return nil
	}
	forms := []string{""}
	for _, r := range word {
		ways := latinLetters[r]
		if ways == nil {
			return nil
		}
		next := make([]string, 0, len(forms)*len(ways))
		for _, f := range forms {
			for _, w := range ways {
				next = append(next, f+w)
			}
		}
		forms = next
	}
	return forms
}
