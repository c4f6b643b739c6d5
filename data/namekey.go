package data

import "strings"

// The letters NameKey reads alike. In a word with a Cyrillic letter, Latin
// and Greek letters that look like Cyrillic ones are those (an attacker
// typed «Aйгерим» with a Latin A); then every letter is written in one
// coarse Latin (Kazakh letters as their Russian neighbours, й and ы as i).
var (
	lookalikeCyrillic = map[rune]rune{'a': 'а', 'e': 'е', 'o': 'о', 'p': 'р', 'c': 'с', 'x': 'х', 'y': 'у', 'k': 'к',
		'm': 'м', 't': 'т', 'h': 'н', 'b': 'в', 'i': 'і', 'u': 'и', 'n': 'п', 'ο': 'о', 'α': 'а', 'ε': 'е', 'ρ': 'р', 'κ': 'к', 'τ': 'т',
		'ν': 'у', 'μ': 'м', 'χ': 'х', 'ι': 'і', 'η': 'н', 'β': 'в'}
	cyrillicLatin = map[rune]string{'а': "a", 'ә': "a", 'б': "b", 'в': "v", 'г': "g", 'ғ': "g", 'д': "d", 'е': "e",
		'ё': "e", 'ж': "zh", 'з': "z", 'и': "i", 'й': "i", 'і': "i", 'к': "k", 'қ': "k", 'л': "l", 'м': "m", 'н': "n",
		'ң': "n", 'о': "o", 'ө': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ұ': "u", 'ү': "u", 'ф': "f",
		'х': "h", 'һ': "h", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "sh", 'ъ': "", 'ы': "i", 'ь': "", 'э': "e",
		'ю': "iu", 'я': "ia", 'ї': "i", 'є': "e", 'ў': "u"}
	// Kazakh Latin (2021) and Turkish letters NFKD would strip to another
	// sound (Şolpan is Шолпан, not Солпан).
	kazakhLatin = strings.NewReplacer("ş", "sh", "ç", "ch", "ı", "i")
	// Latin spellings of one sound, longest first.
	latinSpellings = strings.NewReplacer("shch", "sh", "zh", "j", "kh", "h", "ts", "c", "tch", "ch", "dj", "j",
		"x", "h", "w", "v", "q", "k", "y", "i", "ck", "k")
)

func toCyrillic(r rune) rune {
	if c, ok := lookalikeCyrillic[r]; ok {
		return c
	}
	return r
}

func latinOf(r rune) string {
	if l, ok := cyrillicLatin[r]; ok {
		return l
	}
	return string(r)
}

// iotated vowels, written with i after the spellings above: Yerlan and
// Ерлан, Yuliya and Юлия read alike.
var iotated = strings.NewReplacer("ie", "e", "io", "o", "iu", "u", "ia", "a")

// collapseLatin writes one spelling of each sound and no doubled letter.
func collapseLatin(s string) string {
	return undouble(iotated.Replace(undouble(latinSpellings.Replace(s))))
}

func undouble(s string) string {
	var b strings.Builder
	var last rune
	for _, r := range s {
		if r != last {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
}

func keySet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[NameKey(w)] = true
	}
	return m
}

func keyList(words ...string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = NameKey(w)
	}
	return out
}
