package notify

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"tuys/data"
)

// maxLevel is the shortest form names take (see ShortName).
const maxLevel = 4

// ShortName shortens a full name by level, always on letter boundaries:
// 0 as written ("Жумабаев Ерлан Серикович"), 1 first word and initials
// ("Жумабаев Е. С."), 2 first word and one initial ("Жумабаев Е."), 3
// the first word alone, at most shortestName letters ("Жумабаев"), 4 its
// initial ("Ж.", for names no SMS holds otherwise). The first word stays
// as long as it can: initials alone ("S. N.") told a mother nothing of
// who had agreed to talk (a new user's trial, 2026-12-07). Every form is
// also capped at maxRunes letters.
func ShortName(full string, level, maxRunes int) string {
	words := strings.Fields(norm.NFC.String(full))
	if len(words) == 0 {
		return ""
	}
	switch {
	case level >= 4:
		return initial(words[0])
	case level == 3:
		return Truncate(words[0], min(maxRunes, shortestName))
	case level == 2:
		words = words[:min(len(words), 2)]
	}
	out := make([]string, 0, len(words))
	for i, w := range words {
		if level >= 1 && i > 0 {
			w = initial(w)
		}
		out = append(out, w)
	}
	return Truncate(strings.Join(out, " "), maxRunes)
}

// shortestName is how many letters of a name the shortest form keeps.
const shortestName = 12

// initial returns a word's first letter and a dot ("Ерлан" → "Е.").
func initial(w string) string {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return string(r) + "."
		}
	}
	return ""
}

// Truncate cuts s to at most n runes on a character boundary (NFC first, so
// a letter and its combining mark stay together), marking the cut with ".".
func Truncate(s string, n int) string {
	s = norm.NFC.String(strings.TrimSpace(s))
	if n <= 0 || utf8.RuneCountInString(s) <= n {
		return s
	}
	var b strings.Builder
	var it norm.Iter
	it.InitString(norm.NFC, s)
	for count := 0; !it.Done(); {
		seg := it.Next() // one character with its combining marks
		k := utf8.RuneCount(seg)
		if count+k > n-1 {
			break
		}
		b.Write(seg)
		count += k
	}
	return strings.TrimRight(b.String(), " -,") + "."
}

// LettersOnly keeps what a name or a place is made of — letters, combining
// marks, spaces, hyphens and apostrophes — and capitalizes each word as
// names are written: text a stranger typed ("ПОЛИЦИЯ, перезвоните 8701…")
// loses its digits, its punctuation and its shouting before it goes out
// in an SMS from our number.
func LettersOnly(s string) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		switch {
		case data.Invisible(r): // a blank Hangul filler is a letter (an attacker's trial)
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || r == '-' || r == '\'' || r == '’':
			b.WriteRune(r)
		default:
			b.WriteRune(' ')
		}
	}
	words := strings.Fields(b.String())
	for i, w := range words {
		rs := []rune(strings.ToLower(strings.Trim(w, "-'’")))
		for j := range rs {
			if j == 0 || rs[j-1] == '-' { // Усть-Каменогорск, Нур-Султан
				rs[j] = unicode.ToUpper(rs[j])
			}
		}
		words[i] = string(rs)
	}
	return strings.Join(strings.Fields(strings.Join(words, " ")), " ")
}

// SourceName is where a list came from ("Городская больница №7"): set by a
// coordinator's import or a partner's PFIF feed, so numbers are kept, but
// only letters, digits and № survive, and a phone-like run does not.
func SourceName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(data.HideContacts(s)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '№' || r == '-':
			b.WriteRune(r)
		default:
			b.WriteRune(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// smsPlace is a place as an SMS may name it: as the public sees it (no
// door, in digits or words: data.HidePlace), letters only, and at most two
// words (a place name is short; a longer "city" is a stranger's sentence).
func smsPlaceTyped(s string) string {
	p := LettersOnly(data.HidePlace(s))
	if len(strings.Fields(p)) > 2 {
		return ""
	}
	return p
}

// smsPlace is a place as an SMS names it: a place the gazetteer knows by
// its name in lang (c.Places), and one it does not know only when it is
// one word, or two of which one says what kind of place it is (село
// Бесагаш, Абай көшесі).
func (c *Composer) smsPlace(s, lang string) string {
	p := smsPlaceTyped(s)
	if p == "" || c == nil || c.Places == nil {
		return p
	}
	words := strings.Fields(p)
	for _, text := range append([]string{p}, words...) { // the whole, else a word of it (Нур-Султан (Астана))
		if name := c.Places(text, lang); name != "" {
			return name
		}
	}
	if len(words) == 1 || slices.ContainsFunc(words, func(w string) bool { return placeKindWords[strings.ToLower(w)] }) {
		return p
	}
	return ""
}

// placeKindWords say what kind of place a name is.
var placeKindWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`город г қала қаласы село с ауыл ауылы аул поселок посёлок пос п кент кенті станция ст
		район ауданы аудан область облысы обл мкр микрорайон шағынаудан көшесі көше улица ул даңғылы проспект пр
		city town village settlement district region oblast street avenue`) {
		m[w] = true
	}
	return m
}()

// FirstName is the given name to show for a contact ("Айгуль Сатпаева" → "Айгуль").
func FirstName(full string) string {
	if f := strings.Fields(full); len(f) > 0 {
		return f[0]
	}
	return ""
}

// personName is the name of the person a report describes, letters only.
func personName(r *data.Report) string {
	if r.FullName != "" {
		return LettersOnly(data.HideContacts(r.FullName))
	}
	return LettersOnly(data.HideContacts(r.FamilyName + " " + r.GivenName + " " + r.Patronymic))
}

// details is "1985, Алматы" (what is known), capped to keep SMS short.
func (c *Composer) details(r *data.Report, lang string, level int) string {
	var parts []string
	if r.BirthYear > 0 {
		parts = append(parts, strconv.Itoa(r.BirthYear))
	}
	city := c.smsPlace(r.City, lang)
	if city == "" {
		city = c.smsPlace(r.Region, lang)
	}
	if city != "" {
		parts = append(parts, Truncate(city, max(24-4*level, 10)))
	}
	if len(parts) == 0 {
		return "?"
	}
	return strings.Join(parts, ", ")
}
