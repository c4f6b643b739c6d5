package search

import "strings"

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
