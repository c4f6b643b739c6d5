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
//     y/ı → i, ye/je → e after a vowel or at the start, yo/jo → e after a
//     consonant or at the start, doubled letters
//     collapsed). The skeleton is written with ASCII digraphs that are fixed
//     points of the rules, so Skeleton(Skeleton(s)) == Skeleton(s).
//
// Where one skeleton cannot serve every convention (j is ж in Kazakh and
// English but й in German and Polish; c is ц in Polish, k in English, дж in
// Turkish; ch is ч in English but х in German and Polish) TokenKeys returns
// the alternates too.

// variant selects how the ambiguous Latin letters are read: one flag per
// spelling convention that disagrees with passport/English Latin.
type variant uint32

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
	vIEasI                       // ie = и (German): Friesen, Dietrich, Wiebe
	vSchAsZh                     // sch = ж (German): Schukow = Жуков, Schansaja = Жансая
	vUmlaut                      // ue/oe/ae = ю/ё/е, h after a vowel silent (German, Turkish ü ö ä): Kuehn = Кюн
	vGlide                       // ye after a consonant = ье, yo after a vowel = ё (passport, Uzbek): Grigoryev, Ziyoda
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
	// German of the Volga and Kazakhstan Germans: ie (Friesen = Фризен),
	// ss for с, sch for ш and -kysy for -қызы (Nassyrowa, Muradkysy =
	// Мұратқызы, Schakenow).
	{vIEasI | vSasZ | vChasH | vJasY, []string{"ie", "ss", "sch", "kysy"}},
	// German writes ж as sch too, and с as s after a consonant: Schansaja = Жансая.
	{vSchAsZh | vChasH | vJasY, []string{"sch"}},
	// German umlauts written out (Mueller, Schroeder, Jaeger) or as
	// letters (wordKeys reads Müller as Mueller too) are ю, ё and е in
	// Russian records: Мюллер, Шрёдер, Егер; and a German h after a vowel
	// only lengthens it (Kühn = Кюн, Böhme = Бёме). With z = ц as a
	// second key, not the only one: Turkish ü keeps z (Öztürk = Озтюрк).
	{vUmlaut | vJasY | vChasH, []string{"ue!v", "oe!v", "ae!v"}},
	{vUmlaut | vJasY | vChasH | vZasTs, []string{"ue!v+z", "oe!v+z", "ae!v+z"}},
	// German w for в (-ow, -ewa) brings German s = з and z = ц: Saizew =
	// Зайцев, Kusnezowa = Кузнецова, Sacharowa = Захарова. Relatives in
	// Germany write so; a trial on names the project had not seen found
	// such spellings only "a letter away", so never automatic (2026-12-07).
	{vSasZ | vZasTs | vChasH | vJasY, []string{"w"}},
	// Passport Latin writes ье as ye (Grigoryev = Григорьев), Uzbek Latin
	// ё after a vowel as yo (Ziyoda = Зиёда): a second key, since ye and yo
	// are й+е, й+о too (Mayorov = Майоров).
	{vGlide, []string{"ye", "yo"}},
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
// the ambiguous letters. The rules are tried in order at each position; the
// first that applies writes its letters and says how many it read.
func skeleton1(t string, v variant) string {
	out := make([]byte, 0, len(t)+4)
	for i := 0; i < len(t); {
		emit, n := skeletonStep(reader{t, v}, i)
		out = append(out, emit...)
		i += n
	}
	return string(tidy(out))
}

// reader looks at one token under one reading.
type reader struct {
	t string
	v variant
}

func (r reader) at(i int) byte {
	if i >= 0 && i < len(r.t) {
		return r.t[i]
	}
	return 0
}

func (r reader) has(i int, s string) bool { return strings.HasPrefix(r.t[i:], s) }

// skeletonRules run in this order; each returns what to write and how many
// bytes it read, or n == 0 when it does not apply at i.
var skeletonRules = []func(r reader, i int) (string, int){umlautRules, foreignRules, sibilantRules, digraphRules, variantRules, letterRules}

func skeletonStep(r reader, i int) (string, int) {
	for _, rule := range skeletonRules {
		if emit, n := rule(r, i); n > 0 {
			return emit, n
		}
	}
	return "", 1 // digits and anything else are not part of a name key
}

// sibilantRules: ш, щ, ч, дж in their many spellings.
func sibilantRules(r reader, i int) (string, int) {
	switch {
	case r.has(i, "shch"):
		return "sh", 4 // щ folds onto ш: spellings disagree on it more than on anything
	case r.has(i, "sch"):
		return "sh", 3
	case r.has(i, "sh"), r.has(i, "sz"), r.has(i, "sj"):
		return "sh", 2
	case r.has(i, "tsch"):
		return "ch", 4
	case r.has(i, "tch"), r.has(i, "tsh"), r.has(i, "tsj"):
		return "ch", 3
	case r.has(i, "ch"):
		if r.v&vChasH != 0 {
			return "h", 2
		}
		return "ch", 2
	case r.has(i, "cz"):
		return "ch", 2
	case r.has(i, "dsch"):
		return "zh", 4 // German дж: Dschambul, Dschingis
	case r.has(i, "dzh"), r.has(i, "dzj"):
		return "zh", 3
	case r.has(i, "dj"):
		if r.v&vJasY != 0 {
			return "di", 2 // Djakonow = Дьяконов
		}
		return "zh", 2
	}
	return "", 0
}

// digraphRules: pinyin, ж, х and the two-letter spellings of one sound.
func digraphRules(r reader, i int) (string, int) {
	c, v := r.t[i], r.v
	switch {
	case v&vPinyin != 0 && r.has(i, "zh"):
		return "chzh", 2
	case v&vPinyin != 0 && c == 'q':
		return "ts", 1
	case v&vPinyin != 0 && c == 'x':
		return "s", 1
	case v&vPinyin != 0 && c == 'j':
		return "tsz", 1
	case r.has(i, "zh"), r.has(i, "zj"):
		return "zh", 2
	case r.has(i, "kh"):
		if digraphLead(r.at(i - 1)) {
			return "kh", 2 // Исхаков, Цхай: х after a letter h would join
		}
		return "h", 2
	case r.has(i, "gh"):
		return "g", 2
	case r.has(i, "ph"):
		return "f", 2
	case r.has(i, "th"):
		return "t", 2
	case r.has(i, "ts"), r.has(i, "tz"):
		return "ts", 2
	}
	return "", 0
}

// variantRules: Polish rz and ie, ng, French ou.
func variantRules(r reader, i int) (string, int) {
	v := r.v
	switch {
	case v&vRZ != 0 && r.has(i, "rz"):
		if p := r.at(i - 1); p == 'p' || p == 't' || p == 'k' {
			return "sh", 2 // przy = пшы
		}
		return "zh", 2
	case v&vRZ != 0 && r.has(i, "ie") && i > 0 && !isVowel(r.at(i-1)):
		return "e", 2 // Wierzbicka = Вежбицкая
	case v&vIEasI != 0 && r.has(i, "ie") && i > 0:
		return "i", 2 // Friesen = Фризен, Dietrich = Дитрих
	case v&vNG != 0 && r.has(i, "ng"):
		return "n", 2
	case r.has(i, "ou"):
		return "u", 2 // French: Abdoujaparov
	}
	return "", 0
}

// letterRules: single letters whose reading depends on the variant.
func letterRules(r reader, i int) (string, int) {
	c, v := r.t[i], r.v
	switch {
	case c == 'j':
		if v&vJasY != 0 {
			return "i", 1
		}
		return "zh", 1
	case c == 'c':
		return cReading(r, i), 1
	case c == 'z' && v&vZasTs != 0:
		return "ts", 1
	case c == 'x':
		if v&vXasH != 0 {
			return "h", 1
		}
		return "ks", 1
	case c == 'h' && v&vHasG != 0:
		return "g", 1
	case c == 'q':
		return "k", 1
	case c == 'w':
		return "v", 1
	case c == 'y':
		return "i", 1
	case c >= 'a' && c <= 'z':
		return string(c), 1
	}
	return "", 0
}

// cReading is how c is read before the next letter.
func cReading(r reader, i int) string {
	n, v := r.at(i+1), r.v
	switch {
	case v&vCasJ != 0 && isVowel(n):
		return "zh"
	case v&vCasS != 0 && (n == 'e' || n == 'i' || n == 'y'):
		return "s"
	case v&vCasTs != 0:
		return "ts"
	case n == 'k' && !strings.ContainsRune("aiy", rune(r.at(i+2))):
		return "" // German and English ck = к (Dyck, Beck, Becker); Polish -cki/-cka stays ц
	case n == 'e' || n == 'i' || n == 'y' || n == 'k' || n == 0:
		return "ts" // Polish/German c = ц
	}
	return "k"
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
		// ё after a consonant or at the start: Fyodor/Фёдор, Artyom/Артём, Yolkin/Ёлкин
		// (writers drop the dots, so ё folds to e on both sides; Иосиф and Yosif meet too).
		if b[r] == 'i' && r+2 < len(b) && b[r+1] == 'o' && (w == 0 || !isVowel(b[w-1])) {
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
// followed by y (the z of zh is not a German z), "x+y" both x and y.
func triggered(tok, t string) bool {
	if a, b, both := strings.Cut(t, "+"); both {
		return triggered(tok, a) && triggered(tok, b)
	}
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
