package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalization happens in two steps.
//
//  1. Fold: NFKC, lower case, every letter of every script we see onto plain
//     ASCII Latin (Cyrillic with Kazakh letters through a BGN-like table;
//     Latin diacritics of the 2018/2021 Kazakh alphabets, Turkish, Polish,
//     Czech and German onto their ASCII digraphs; 2017 Kazakh apostrophes).
//  2. Skeleton: every Latin convention onto one spelling (zh/j/ž/dzh → zh,
//     kh/h/x → h, sch/sh/sz → sh, tsch/cz/ch → ch, ts/tz/c → ts, w → v,
//     y/ı → i, ye/je → e after a vowel or at the start, doubled letters
//     collapsed). The skeleton is written with ASCII digraphs that are fixed
//     points of the rules, so Skeleton(Skeleton(s)) == Skeleton(s).
//
// Where one skeleton cannot serve every convention (j is ж in Kazakh and
// English but й in German and Polish; c is ц in Polish, k in English, дж in
// Turkish; ch is ч in English but х in German and Polish) TokenKeys returns
// the alternates too.

// RulesVersion names the matching rules an index's keys were computed with:
// bump it with any change that alters a key (this file, phonetic.go,
// names.go, givennames.go, the index analyzers). A node that starts with an
// index of another version rebuilds it from the log (see OpenIndex).
// 2: с+х and с+ж kept apart from ш, Cyrillic words without Latin alternates,
// German dsch, English/Italian readings, Kazakh Latin ý and y' = у.
const RulesVersion = 2

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

// variant selects how the ambiguous Latin letters are read: one flag per
// spelling convention that disagrees with passport/English Latin.
type variant uint16

const (
	vPrimary variant = 0
	vJasY    variant = 1 << iota // j = й (German, Polish, Baltic, Dutch): Jurij, Sergej
	vCasJ                        // c = дж (Turkish): Cumabayev
	vChasH                       // ch = х (German, Polish, Czech): Chasanow
	vXasH                        // x = х (Uzbek, Kazakh informal): Axmetov
	vZasTs                       // z = ц (German): Zoi, Zwetajewa
	vCasTs                       // c = ц everywhere (Polish, Czech, Baltic): Cankow
	vCasS                        // c = с before e/i (English, French): Celina
	vRZ                          // rz = ж, ie = е after a consonant (Polish): Rzepecki
	vNG                          // ng = ң/н (Kazakh ң, pinyin): Zhangabek, Ming
	vHasG                        // h = г (Ukrainian, Belarusian, Azerbaijani): Hamidov
	vPinyin                      // q = ц, x = с, j = цз, zh = чж (Dungan and Chinese names)
	vSasZ                        // s = з, ss = с, sh = ж (German): Asis, Sarina, Lassat
	vEnglish                     // g = дж before e/i, w = у, ea/ee = и (English, Italian gi): Georgina, William, Dean
)

// conventions are the alternates TokenKeys tries, each with the letters that
// must occur for it to change anything.
var conventions = []struct {
	v       variant
	trigger []string
}{
	{vJasY, []string{"j"}},
	{vCasJ, []string{"c"}},
	{vChasH, []string{"ch"}},
	{vXasH, []string{"x"}},
	{vZasTs | vJasY | vChasH, []string{"z"}},                   // German
	{vCasTs | vJasY | vChasH | vRZ, []string{"c", "rz", "ie"}}, // Polish, Czech
	{vCasS, []string{"ce", "ci", "cy"}},
	{vNG, []string{"ng"}},
	{vHasG | vJasY, []string{"h"}},
	{vPinyin | vNG, []string{"qi", "qu", "xi", "xu", "ji"}},
	{vEnglish, []string{"ge", "gi", "gy", "w", "ea", "ee"}},
}

// digraphLead reports the letters that an h after them would turn into a
// digraph (sh, zh, ch, th, gh, ph): a Cyrillic х after them stays kh.
func digraphLead(c byte) bool {
	return c == 's' || c == 'z' || c == 't' || c == 'g' || c == 'p'
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'
}

// Skeleton returns the primary comparable key of one folded token.
func Skeleton(tok string) string { return skeleton(tok, vPrimary) }

// skeleton rewrites tok until it is a fixed point: a few letter pairs that
// only arise across a rewrite (т+ч = "tch") would otherwise rewrite again.
func skeleton(tok string, v variant) string {
	k := skeleton1(tok, v)
	for i := 0; i < 3; i++ {
		k2 := skeleton1(k, vPrimary)
		if k2 == k {
			break
		}
		k = k2
	}
	return k
}

// skeleton rewrites one folded token (ASCII a-z) with the given reading of
// the ambiguous letters.
func skeleton1(t string, v variant) string {
	out := make([]byte, 0, len(t)+4)
	at := func(i int) byte {
		if i >= 0 && i < len(t) {
			return t[i]
		}
		return 0
	}
	has := func(i int, s string) bool { return strings.HasPrefix(t[i:], s) }
	for i := 0; i < len(t); {
		c := t[i]
		switch {
		case v&vSasZ != 0 && has(i, "sh") && !has(i, "shch"):
			out = append(out, 'z', 'h') // German sh = ж (sch = ш)
			i += 2
		case v&vSasZ != 0 && has(i, "ss"):
			out = append(out, 's')
			i += 2
		case v&vSasZ != 0 && c == 's' && !has(i, "sch") && !has(i, "sz"):
			out = append(out, 'z')
			i++
		case has(i, "szh"), has(i, "skh"):
			out = append(out, 's') // с+ж, с+х: Есжанов, Есханов are not Ешанов
			i++
		case v&vEnglish != 0 && c == 'g' && (at(i+1) == 'e' || at(i+1) == 'i' || at(i+1) == 'y'):
			out = append(out, 'z', 'h')
			i++
			if at(i) == 'i' && isVowel(at(i+1)) {
				i++ // Italian gi before a vowel: Giustina = Джустина
			}
		case v&vEnglish != 0 && (has(i, "ea") || has(i, "ee")):
			out = append(out, 'i') // Dean = Дин, Keene = Кин
			i += 2
		case v&vEnglish != 0 && c == 'w':
			out = append(out, 'u') // William = Уильям
			i++
			if at(i) == 'h' {
				i++ // Whalin = Уолин
			}
		case has(i, "shch"), has(i, "sch"), has(i, "sh"), has(i, "sz"), has(i, "sj"):
			// щ folds onto ш: spellings disagree on it more than on anything.
			out = append(out, 's', 'h')
			switch {
			case has(i, "shch"):
				i += 4
			case has(i, "sch"):
				i += 3
			default:
				i += 2
			}
		case has(i, "tsch"), has(i, "tch"), has(i, "tsh"), has(i, "tsj"):
			out = append(out, 'c', 'h')
			if has(i, "tsch") {
				i += 4
			} else {
				i += 3
			}
		case has(i, "ch"):
			if v&vChasH != 0 {
				out = append(out, 'h')
			} else {
				out = append(out, 'c', 'h')
			}
			i += 2
		case has(i, "cz"):
			out = append(out, 'c', 'h')
			i += 2
		case has(i, "dsch"):
			out = append(out, 'z', 'h') // German дж: Dschambul, Dschingis
			i += 4
		case has(i, "dzh"), has(i, "dzj"):
			out = append(out, 'z', 'h')
			i += 3
		case has(i, "dj"):
			if v&vJasY != 0 {
				out = append(out, 'd', 'i') // Djakonow = Дьяконов
			} else {
				out = append(out, 'z', 'h')
			}
			i += 2
		case v&vPinyin != 0 && has(i, "zh"):
			out = append(out, 'c', 'h', 'z', 'h')
			i += 2
		case v&vPinyin != 0 && (c == 'q' || c == 'x' || c == 'j'):
			switch c {
			case 'q':
				out = append(out, 't', 's')
			case 'x':
				out = append(out, 's')
			default:
				out = append(out, 't', 's', 'z')
			}
			i++
		case has(i, "zh"), has(i, "zj"):
			out = append(out, 'z', 'h')
			i += 2
		case has(i, "kh"):
			if digraphLead(at(i - 1)) {
				out = append(out, 'k', 'h') // Исхаков, Цхай: х after a letter h would join
			} else {
				out = append(out, 'h')
			}
			i += 2
		case has(i, "gh"):
			out = append(out, 'g')
			i += 2
		case has(i, "ph"):
			out = append(out, 'f')
			i += 2
		case has(i, "th"):
			out = append(out, 't')
			i += 2
		case has(i, "ts"), has(i, "tz"):
			out = append(out, 't', 's')
			i += 2
		case v&vRZ != 0 && has(i, "rz"):
			if p := at(i - 1); p == 'p' || p == 't' || p == 'k' {
				out = append(out, 's', 'h') // przy = пшы
			} else {
				out = append(out, 'z', 'h')
			}
			i += 2
		case v&vRZ != 0 && has(i, "ie") && i > 0 && !isVowel(at(i-1)):
			out = append(out, 'e') // Wierzbicka = Вежбицкая
			i += 2
		case v&vNG != 0 && has(i, "ng"):
			out = append(out, 'n')
			i += 2
		case has(i, "ou"):
			out = append(out, 'u') // French: Abdoujaparov
			i += 2
		case c == 'j':
			if v&vJasY != 0 {
				out = append(out, 'i')
			} else {
				out = append(out, 'z', 'h')
			}
			i++
		case c == 'c':
			n := at(i + 1)
			switch {
			case v&vCasJ != 0 && isVowel(n):
				out = append(out, 'z', 'h')
			case v&vCasS != 0 && (n == 'e' || n == 'i' || n == 'y'):
				out = append(out, 's')
			case v&vCasTs != 0:
				out = append(out, 't', 's')
			case n == 'e' || n == 'i' || n == 'y' || n == 'k' || n == 0:
				out = append(out, 't', 's') // Polish/German c = ц
			default:
				out = append(out, 'k')
			}
			i++
		case c == 'z' && v&vZasTs != 0:
			out = append(out, 't', 's')
			i++
		case c == 'x':
			if v&vXasH != 0 {
				out = append(out, 'h')
			} else {
				out = append(out, 'k', 's')
			}
			i++
		case c == 'h' && v&vHasG != 0:
			out = append(out, 'g')
			i++
		case c == 'q':
			out = append(out, 'k')
			i++
		case c == 'w':
			out = append(out, 'v')
			i++
		case c == 'y':
			out = append(out, 'i')
			i++
		case c >= 'a' && c <= 'z':
			out = append(out, c)
			i++
		default: // digits and anything else are not part of a name key
			i++
		}
	}
	return string(tidy(out))
}

// tidy applies the context rules that only make sense on the rewritten
// letters: doubled letters, "ie" for е after a vowel or at the start, and
// the feminine -skaia/-ska of Russian and Polish.
func tidy(b []byte) []byte {
	// collapse doubled letters (Assel/Асель, Vassili/Василий, -ii/-iy).
	w := 0
	for r := 0; r < len(b); r++ {
		if w > 0 && b[w-1] == b[r] {
			continue
		}
		b[w] = b[r]
		w++
	}
	b = b[:w]
	// ye/ie for е at the start or after a vowel: Yerlan/Ерлан, -bayev/-баев.
	r0 := len(b)
	w = 0
	for r := 0; r < len(b); r++ {
		if b[r] == 'i' && r+1 < len(b) && b[r+1] == 'e' && (w == 0 || isVowel(b[w-1])) && r+2 < len(b) {
			continue
		}
		// ё after a consonant: Fyodor/Fjodor/Фёдор, Artyom/Артём (Cyrillic
		// writers drop the dots, so ё folds to e on both sides).
		if b[r] == 'i' && r+2 < len(b) && b[r+1] == 'o' && w > 0 && !isVowel(b[w-1]) {
			b[w] = 'e'
			w++
			r++
			continue
		}
		b[w] = b[r]
		w++
	}
	b = b[:w]
	if w != r0 {
		return tidy(b) // removing an i can make a new double: eie → ee
	}
	s := string(b)
	// -skaia/-tskaia (Russian) = -ska/-cka (Polish); -ii (Russian) = -i.
	if strings.HasSuffix(s, "kaia") {
		s = s[:len(s)-2]
	}
	return []byte(s)
}

// TokenKeys returns the distinct skeleton keys of one folded token, primary
// first. Alternates are produced only for the conventions whose letters
// occur in this token, so most tokens have one or two keys. A Kazakh
// surname in -uly/-kyzy ("son/daughter of") also gets the -ov/-ova key,
// since the same family writes Kunanbaiuly and Kunanbaev.
func TokenKeys(tok string) []string {
	if k, ok := keyCache.get(tok); ok {
		return k
	}
	k := tokenKeys(tok)
	k = k[:len(k):len(k)] // an append by a caller must copy, never write into the cache
	keyCache.put(tok, k)
	return k
}

func tokenKeys(tok string) []string {
	keys := make([]string, 0, 4)
	add := func(k string) {
		if k == "" {
			return
		}
		for _, x := range keys {
			if x == k {
				return
			}
		}
		keys = append(keys, k)
	}
	add(skeleton(tok, vPrimary))
	for _, c := range conventions {
		for _, t := range c.trigger {
			if triggered(tok, t) {
				add(skeleton(tok, c.v))
				break
			}
		}
	}
	for _, k := range keys {
		add(turkicToSlavic(k))
	}
	return keys
}

// triggered reports whether tok contains the trigger t; "x!y" means x not
// followed by y (the z of zh is not a German z).
func triggered(tok, t string) bool {
	pat, not, neg := strings.Cut(t, "!")
	for i := 0; ; {
		j := strings.Index(tok[i:], pat)
		if j < 0 {
			return false
		}
		end := i + j + len(pat)
		if !neg || !strings.HasPrefix(tok[end:], not) {
			return true
		}
		i = i + j + 1
	}
}

// turkicToSlavic maps a -uli/-kizi family key to its -ov/-ova form.
func turkicToSlavic(k string) string {
	var stem, end string
	switch {
	case len(k) > 6 && strings.HasSuffix(k, "uli"):
		stem, end = k[:len(k)-3], "ov"
	case len(k) > 7 && strings.HasSuffix(k, "kizi"):
		stem, end = k[:len(k)-4], "ova"
	default:
		return ""
	}
	if isVowel(stem[len(stem)-1]) {
		end = "e" + end[1:]
	}
	return skeleton(stem+end, vPrimary)
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
