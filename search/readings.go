package search

import (
	"strings"
	"unicode"
)

// Folding keeps one reading of each letter, and for a few letters the
// reading that Russian records use is another one, which only the word as
// written still shows. writtenReadings returns the word respelled in those
// readings; wordKeys adds their keys as alternates.

// umlautsOut spells German and Turkish ü ö ä as ue oe ae: folded, Müller
// is muller (Kazakh 2021 ü = ү, Russian у), while the records of Germans
// from Kazakhstan write Мюллер, as the umlaut reading of Mueller does
// (vUmlaut).
var umlautsOut = strings.NewReplacer("ü", "ue", "ö", "oe", "ä", "ae", "Ü", "Ue", "Ö", "Oe", "Ä", "Ae")

// kazakhLatin reports a word with ä ö ü that is Kazakh Latin (2021: ä = ә,
// ö = ө, ü = ү), not German: it has a letter only the Kazakh alphabet
// has, it is a given name the table knows (Mädina is Мадина, and the
// German reading would make it Медина, another name), or it ends as a
// Russian or Kazakh surname (Mäkenov is Мәкенов, not Мекенов).
func kazakhLatin(s string) bool {
	if strings.ContainsAny(s, "ğñūıİşŞĞÑŪ") {
		return true
	}
	k := Skeleton(strings.Join(Tokens(s), ""))
	if _, ok := givenByKey[k]; ok {
		return true
	}
	f, ok := familyEndOf(k)
	return ok && f.sex != ""
}

// writtenReadings returns the other readings of a written word (none for
// most words: a scan for the few letters that have one).
func writtenReadings(s string) []string {
	var out []string
	if strings.ContainsAny(s, "üöäÜÖÄ") && !kazakhLatin(s) {
		out = append(out, umlautsOut.Replace(s))
	}
	if a := aeAsA(s); a != s {
		out = append(out, a)
	}
	if c := chatReading(s); c != s {
		out = append(out, c)
	}
	if strings.ContainsAny(s, "ąęĄĘ") {
		out = append(out, polishNasals(s))
	}
	if a := armenianH(s); a != s {
		out = append(out, a)
	}
	return append(out, uzbekReadings(s)...)
}

// chatReading respells a Latin word typed on a phone without Cyrillic the
// way chats do: 4 is ч (the look of the letter), 6 is ш, and w is ш
// (el4in = Эльчин, statkevi4 = Статкевич, wmidt = Шмидт) in a word with
// such a digit, or before a consonant that never follows the w of German
// or Polish spelling (gelawvili, wmidt: in Wlasow, Kowalewski, Wróbel
// the w is в), and before a vowel at the start or after a vowel in a
// chat word (chatW: kuaniwev = Куанышев, wegai = Шегай). s itself for any
// other word.
func chatReading(s string) string {
	if !strings.ContainsAny(s, "46wW") {
		return s
	}
	digits, chat := strings.ContainsAny(s, "46"), chatW(s)
	var b strings.Builder
	for i, r := range s {
		next, prev := byte(0), byte('a')
		if i+1 < len(s) {
			next = s[i+1] | 0x20
		}
		if i > 0 {
			prev = s[i-1] | 0x20
		}
		vowels := chat && isLatinVowel(rune(next)) && isLatinVowel(rune(prev))
		switch {
		case r == '4':
			b.WriteString("ch")
		case r == '6':
			b.WriteString("sh")
		case (r == 'w' || r == 'W') && (digits || vowels || next != 0 && strings.IndexByte("bcdfgkmnptvw", next) >= 0):
			b.WriteString(map[rune]string{'w': "sh", 'W': "Sh"}[r])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// chatW reports a word whose w before a vowel may be the ш of chats: typed
// in lower case or with v for в (so w is no в), and with nothing of German
// or Polish spelling (sch, tz, ck, ie, ei, sz, cz, rz, -ow, -ew, -ski:
// Schwarz, Kowalewski, Iwanowa), whose w is в; Wagner keeps its в.
func chatW(s string) bool {
	l := strings.ToLower(s)
	if l != s && !strings.Contains(l, "v") {
		return false
	}
	for _, m := range []string{"sch", "tz", "ck", "ie", "ei", "sz", "cz", "rz", "ski", "cki", "ph", "th"} {
		if strings.Contains(l, m) {
			return false
		}
	}
	for _, end := range []string{"ow", "owa", "ew", "ewa", "owna", "ewna"} {
		if strings.HasSuffix(l, end) {
			return false
		}
	}
	return true
}

// aeAsA reads ae for ä also as the a it is without its dots: Jaeger is
// Jäger, which records write Ягер as well as Егер. Not before v or w:
// Zhumabaev, Nikolaew are -аев.
func aeAsA(s string) string {
	lower := func(i int) byte {
		if i < len(s) {
			return s[i] | 0x20 // ASCII letters only are compared
		}
		return 0
	}
	var b []byte // nil until an ae is read: most words have none, and cost nothing
	for i := 0; i < len(s); i++ {
		if lower(i) == 'a' && lower(i+1) == 'e' && lower(i+2) != 'v' && lower(i+2) != 'w' {
			if b == nil {
				b = append(make([]byte, 0, len(s)), s[:i]...)
			}
			b = append(b, s[i])
			i++ // drop the e
			continue
		}
		if b != nil {
			b = append(b, s[i])
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}

// silentHAndDouble reports whether a word as written has a Latin h after
// a vowel and before a consonant or its end (German Möhler, Kühn), and a
// doubled consonant (Möller, Мёллер).
func silentHAndDouble(letters []rune) (silentH, double bool) {
	for i, r := range letters {
		next := rune(0)
		if i+1 < len(letters) {
			next = letters[i+1]
		}
		if r == 'h' && i > 0 && isLatinVowel(letters[i-1]) && !isLatinVowel(next) {
			silentH = true
		}
		if r == next && !isVowelRune(r) && !isLatinVowel(r) {
			double = true
		}
	}
	return silentH, double
}

func isLatinVowel(r rune) bool { return strings.ContainsRune("aeiouyäöü", r) }

// hAgainstDouble reports whether two words meet only because keys drop a
// German silent h and collapse doubled letters: Möhler is Мёлер, Мёллер
// is Möller, two families (Köhler/Köller, Dahm/Damm), however one key
// the three spellings share. Such a pair is compared by its spelling.
func hAgainstDouble(a, b namePart) bool {
	return a.silentH && b.double && !a.double || b.silentH && a.double && !b.double ||
		germanDouble(a, b) || germanDouble(b, a)
}

// germanDouble reports a doubled consonant in a against the same consonant
// single in b, in a German name (ä ö ü as written, or ё ю after a
// consonant in Cyrillic): Köller is Кёллер and Кёлер is Köhler or Köler,
// two families a key that collapses doubles cannot tell apart (a trial
// auto-confirmed Köller Irma for Кёлер Ирма). Not s: Kazakh passports
// write the с between vowels ss (Kassymov, Assel).
func germanDouble(a, b namePart) bool {
	if !a.double || !germanLetters(a.letters) && !germanLetters(b.letters) {
		return false
	}
	for i := 1; i < len(a.letters); i++ {
		r := a.letters[i]
		if r == a.letters[i-1] && r != 's' && r != 'с' && !isVowelRune(r) && !isLatinVowel(r) && !b.double {
			return true
		}
	}
	return false
}

// germanLetters: ä ö ü, or ё ю after a consonant (Кёлер, Мюллер).
func germanLetters(letters []rune) bool {
	for i, r := range letters {
		if strings.ContainsRune("äöü", r) || i > 0 && strings.ContainsRune("ёю", r) && !isVowelRune(letters[i-1]) {
			return true
		}
	}
	return false
}

// uzbekReadings: the Uzbek Latin oʻ (o', o`, o’) is the Uzbek Cyrillic ў,
// which Russian records write у (Oʻtkir = Ўткир = Уткир); folding reads it
// o, as the Kazakh 2017 o' = ө of passports (Omirbek). And in a word that
// is surely Uzbek (oʻ, gʻ, ў, ҳ), о is the а of Russian records, as in most
// Uzbek names (Yoʻldoshev = Йўлдошев = Юлдашев, Gʻofurov = Гафуров),
// but for the surname's own -ov/-ova. Nil for any other word.
func uzbekReadings(s string) []string {
	var out []string
	switch {
	case strings.ContainsAny(s, "ўЎҳҲ"):
		out = append(out, uzbekOAsA(s, "о", "а", "О", "А", []string{"ович", "овна", "ова", "ов"}))
	case uzbekLatin(s):
		u := s
		for _, r := range s {
			if isApostrophe(r) {
				u = strings.ReplaceAll(strings.ReplaceAll(u, "o"+string(r), "u"), "O"+string(r), "U")
			}
		}
		if u != s {
			out = append(out, u)
		}
		out = append(out, uzbekOAsA(u, "o", "a", "O", "A", []string{"ovich", "ovna", "ova", "ov"}))
	}
	return out
}

// uzbekLatin reports an o or g with a mark after it: Uzbek Latin's oʻ and gʻ.
func uzbekLatin(s string) bool {
	prev := rune(0)
	for _, r := range s {
		if isApostrophe(r) && strings.ContainsRune("oOgG", prev) {
			return true
		}
		prev = r
	}
	return false
}

// uzbekOAsA writes every o of s before its surname ending (ends, lower
// case, longest first) as a.
func uzbekOAsA(s, o, a, upperO, upperA string, ends []string) string {
	stem, end := s, ""
	for _, e := range ends {
		if strings.HasSuffix(strings.ToLower(s), e) {
			stem, end = s[:len(s)-len(e)], s[len(s)-len(e):]
			break
		}
	}
	return strings.NewReplacer(o, a, upperO, upperA).Replace(stem) + end
}

// polishNasals spells the Polish nasal vowels as Russian records do: ą
// is ом before b and p, он before another consonant (Dąbrowski =
// Домбровский, Wąsowski = Вонсовский), ę ем or ен (Zięba = Земба, Sęk =
// Сенк); at a word's end or before a vowel they are о and е. Folding
// reads them a and e.
func polishNasals(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		lower := map[rune]rune{'ą': 'o', 'Ą': 'O', 'ę': 'e', 'Ę': 'E'}[r]
		if lower == 0 {
			b.WriteRune(r)
			continue
		}
		b.WriteRune(lower)
		if i+1 < len(rs) && !isLatinVowel(unicode.ToLower(rs[i+1])) && unicode.IsLetter(rs[i+1]) {
			if strings.ContainsRune("bpBP", rs[i+1]) {
				b.WriteRune('m')
			} else {
				b.WriteRune('n')
			}
		}
	}
	return b.String()
}

// armenianH drops the h an Armenian surname's Latin spelling starts with
// before a vowel, which Russian records never write (Harutyunyan =
// Арутюнян, Hovsepyan = Овсепян, Hayrapetyan = Айрапетян): a word ending
// in -yan or -ian. s itself for any other word.
func armenianH(s string) string {
	l := strings.ToLower(s)
	if len(l) < 6 || l[0] != 'h' || !isLatinVowel(rune(l[1])) ||
		!strings.HasSuffix(l, "yan") && !strings.HasSuffix(l, "ian") {
		return s
	}
	return strings.ToUpper(s[1:2]) + s[2:]
}

// germanGivenKeys returns the keys of a given name read as German when
// the family name is written so (-ow, -owa, -ew, -ewa, sch: Jusupowa,
// Schapiro): its s between vowels is з (Dilnosa = Дилноза, Rosa = Роза),
// which the given name alone does not show. Nil for any other name.
func germanGivenKeys(family, given string) []string {
	f := strings.ToLower(family)
	if given == "" || writtenInCyrillic(given) || !strings.Contains(f, "sch") &&
		!strings.HasSuffix(f, "ow") && !strings.HasSuffix(f, "owa") && !strings.HasSuffix(f, "ew") && !strings.HasSuffix(f, "ewa") {
		return nil
	}
	g := []byte(given)
	changed := false
	for i := 1; i+1 < len(g); i++ {
		if g[i] == 's' && isLatinVowel(rune(g[i-1]|0x20)) && isLatinVowel(rune(g[i+1]|0x20)) {
			g[i], changed = 'z', true
		}
	}
	if !changed {
		return nil
	}
	return spellingKeys(string(g))
}
