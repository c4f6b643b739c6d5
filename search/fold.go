package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Step 1 of normalization (see normalize.go): every script onto lower-case
// ASCII Latin.

// cyrLatin folds Cyrillic (Russian, Kazakh, Ukrainian, Belarusian, Uzbek
// Cyrillic) to Latin. Kazakh letters fold to their closest Russian sound
// because Russian-language documents write Нургалиева for Нұрғалиева.
var cyrLatin = map[rune]string{
	'а': "a", 'ә': "a", 'б': "b", 'в': "v", 'г': "g", 'ғ': "g", 'д': "d",
	'е': "e", 'ё': "e", 'ж': "zh", 'з': "z", 'и': "i", 'й': "i", 'і': "i",
	'к': "k", 'қ': "k", 'л': "l", 'м': "m", 'н': "n", 'ң': "n", 'о': "o",
	'ө': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ұ': "u",
	'ү': "u", 'ф': "f", 'х': "h", 'һ': "h", 'ц': "ts", 'ч': "ch", 'ш': "sh",
	'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'є': "ye", 'ї': "yi", 'ґ': "g", 'ў': "u", 'ҳ': "h",
	'ӣ': "i", 'ӯ': "u", 'ҷ': "zh", 'ӊ': "n", 'ӈ': "n",
}

// latinFold folds Latin letters with diacritics. The 2018 Kazakh acutes
// (á ǵ ń ó ú ý) and the 2021 letters (ä ğ ñ ö ū ü ı ş ç) fold to the base
// letter or digraph that passport spellings use.
var latinFold = map[rune]string{
	'á': "a", 'à': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a", 'ā': "a", 'ą': "a", 'ă': "a", 'ə': "a",
	'ç': "ch", 'č': "ch", 'ć': "ch", 'ĉ': "ch",
	'ď': "d", 'đ': "d",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ę': "e", 'ě': "e",
	'ǵ': "g", 'ğ': "g", 'ģ': "g",
	'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'ī': "i", 'ı': "i", 'į': "i",
	'ķ': "k", 'ł': "l", 'ļ': "l", 'ľ': "l",
	'ń': "n", 'ñ': "n", 'ň': "n", 'ņ': "n",
	'ó': "o", 'ò': "o", 'ô': "o", 'ö': "o", 'õ': "o", 'ō': "o", 'ő': "o", 'ø': "o",
	'ř': "r", 'ŕ': "r",
	'ś': "sh", 'š': "sh", 'ş': "sh", 'ș': "sh", 'ß': "ss",
	'ť': "t", 'ţ': "t", 'ț': "t",
	'ú': "u", 'ù': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u", 'ų': "u",
	'ý': "y", 'ÿ': "y",
	'ž': "zh", 'ź': "zh", 'ż': "zh",
	'æ': "ae", 'œ': "oe",
}

// isApostrophe reports the marks that the 2017 Kazakh Latin alphabet (and
// informal Latin) uses as letter modifiers.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '`', '´', 'ʻ', '‘', 'ʹ':
		return true
	}
	return false
}

// Fold returns s in lower-case ASCII Latin: letters, digits and single
// spaces; everything else is a separator. It never fails: unknown scripts
// are dropped (we cannot compare what we cannot read).
func Fold(s string) string {
	s = norm.NFKC.String(s)
	b := make([]byte, 0, len(s)+8)
	space := true // suppress leading/duplicate spaces
	var prev rune
	for i, r := range s {
		r = unicode.ToLower(r)
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b = append(b, byte(r))
			space = false
		case isApostrophe(r):
			// 2017 Kazakh: s' = ш, c' = ч, y' = у; other apostrophes only soften.
			if prev == 's' || prev == 'c' {
				b = append(b, 'h')
			} else if prev == 'y' {
				b[len(b)-1] = 'u'
			}
		default:
			t, ok := foldLetter(s, i, r, b)
			switch {
			case ok:
				b = append(b, t...)
				space = space && t == ""
			case unicode.IsMark(r):
				// combining accents left over by NFKC: drop.
			case !space:
				b = append(b, ' ')
				space = true
			}
		}
		prev = r
	}
	return strings.TrimRight(string(b), " ")
}

// foldLetter folds one non-ASCII letter r at s[i:] (b is the output so far).
func foldLetter(s string, i int, r rune, b []byte) (string, bool) {
	if t, ok := cyrLatin[r]; ok {
		if r == 'х' && len(b) > 0 && digraphLead(b[len(b)-1]) {
			t = "kh" // Есханов is not Ешанов: keep х apart from an h digraph
		}
		return t, true
	}
	if r == 'ý' && kazakhY(s, i) {
		return "u", true // Kazakh Latin 2018 ý = у: Dáýren = Дәурен
	}
	t, ok := latinFold[r]
	return t, ok
}

// kazakhY reports whether the ý at s[i:] is the Kazakh 2018 у rather than
// the Czech long y: inside a word, or at its end in a word with a letter
// only the Kazakh alphabet has (Aısulý).
func kazakhY(s string, i int) bool {
	rest := s[i+len("ý"):]
	if next, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(next) {
		return true
	}
	start := strings.LastIndexFunc(s[:i], func(r rune) bool { return !unicode.IsLetter(r) }) + 1
	return strings.ContainsAny(s[start:i], "ıǵńúİIǴŃÚ")
}

// Tokens splits a name into folded tokens (spaces, hyphens, dots and commas
// separate).
func Tokens(s string) []string {
	return strings.Fields(Fold(s))
}

// writtenInCyrillic reports whether s has letters and all of them are Cyrillic.
func writtenInCyrillic(s string) bool {
	seen := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.Is(unicode.Cyrillic, r) {
				return false
			}
			seen = true
		}
	}
	return seen
}

// cyrillicKeys returns the keys of a folded token written in Cyrillic: the
// primary key and, for a -uly/-kyzy surname, its -ov/-ova form. None of the
// Latin conventions' alternates apply.
func cyrillicKeys(tok string) []string {
	k := Skeleton(tok)
	if t := turkicToSlavic(k); t != "" && t != k {
		return []string{k, t}
	}
	return []string{k}
}
