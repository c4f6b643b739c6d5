package search

import (
	"slices"
	"strings"
	"unicode"

	"tuys/data"
)

// Person is what the re-ranker compares: a report reduced to parsed name
// parts with their keys, sex, year, place and phone.
type Person struct {
	ID         string
	Name       Name
	given      namePart
	family     namePart
	patronymic namePart
	others     []namePart
	// the given name with the word after it, as one name: Нур Ислам may be
	// Нурислам typed in two words (empty unless there is such a word)
	givenSplit namePart
	Sex        string // explicit, else inferred from the name
	BirthYear  int
	YearApprox bool
	City       string // as written
	CityKey    string
	Phone      string
	written    []string // the written forms of the full name's words (closeness, writtenForm)
	cyrillic   bool     // the full name is written in Cyrillic (closeness)
	// the word comparisons of a query while its candidates are scored
	// (namesOf), nil otherwise
	memo *simMemo
}

// namePart is one name word with its keys.
type namePart struct {
	text string
	keys []string
	alts [][]string // keys of the full names a diminutive stands for
	// keys of the part every name a diminutive stands for begins with
	// (Гуля: гул), nil for most words
	prefixes []string
	kr       []string // keys of its other Kazakh/Russian record forms (kazakhRussianForm)
	// its letters as written, lower case: one letter mistyped is one edit
	// here, while a key may spell it with up to four (щ → shch)
	letters []rune
	// the given name it is, if it is one (worked out once: tokenSim asks
	// for every pair of words it compares)
	given   givenInfo
	isGiven bool
	// a diminutive of names of both sexes (Саша, Женя, Валя): it says
	// nothing of the person's sex
	unisex bool
	// a silent German h (Möhler) and a doubled consonant (Мёллер) as
	// written: hAgainstDouble
	silentH, double bool
	// a given name's keys without the part it is compounded with
	// (Бақытжан: Бақыт; shortKeys), nil for other words
	short []string
	// a double family name's halves' keys (halfKeys), nil for others
	halves []string
	// the keys of a family name outside the brackets of a former one
	// (Пак (Цой): Пак), nil for others
	current []string
	fp      uint64 // its fingerprint once its Person is built (simMemo); 0: none
}

func newPart(text string, alts []string) namePart {
	p := namePart{text: text, keys: wordKeys(text), kr: krKeys(text), letters: lowerLetters(text)}
	p.silentH, p.double = silentHAndDouble(p.letters)
	p.given, p.isGiven = lookupGiven(p.keys)
	p.unisex = unisexDiminutive(p.keys)
	p.prefixes = lookupDimPrefixes(p.keys)
	for _, a := range alts {
		p.alts = append(p.alts, wordKeys(a))
	}
	return p
}

// wordKeys returns the keys of a written word (hyphenated words joined),
// and those of its other written readings (writtenReadings).
func wordKeys(s string) []string {
	keys := spellingKeys(s)
	for _, r := range writtenReadings(s) {
		for _, k := range spellingKeys(r) {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// spellingKeys returns the keys of a word as spelled.
func spellingKeys(s string) []string {
	toks := Tokens(s)
	if len(toks) == 0 {
		return nil
	}
	var keys []string
	if writtenInCyrillic(s) {
		// Cyrillic spells every sound one way: the alternate readings of
		// ambiguous Latin letters (h = г, z = ц) would only merge two names
		// (Хашимов/Гашимов).
		keys = cyrillicKeys(strings.Join(toks, ""))
	} else {
		keys = append(keys, TokenKeys(strings.Join(toks, ""))...)
	}
	if kk := koreanKey(strings.Join(toks, "")); kk != "" {
		keys = append([]string{kk}, keys...)
	}
	return keys
}

func (p namePart) empty() bool { return len(p.keys) == 0 }

// PersonFromReport builds the re-ranker's view of a report. The parsed
// name fields win when the intake filled them; otherwise FullName is parsed.
// The place is compared as the public sees it: a search naming a city
// was told "equal" or "different" of what a city field hid (an e-mail, a
// door in words), an oracle (attacker trial, 2026-12-07).
func PersonFromReport(r *data.Report) *Person {
	n := ParseName(r.FullName)
	if r.FamilyName != "" || r.GivenName != "" {
		n.Given, n.Family, n.Patronymic = r.GivenName, r.FamilyName, r.Patronymic
		if n.Given != "" {
			n.AltGiven = lookupDiminutive(wordKeys(n.Given))
		}
	}
	p := &Person{
		ID: r.ID, Name: n, Sex: r.Sex, BirthYear: r.BirthYear, YearApprox: r.YearApprox,
		City: r.City, CityKey: CityKey(data.HidePlace(r.City)), Phone: r.ContactPhone,
	}
	if p.Sex == "" {
		p.Sex = n.Sex
	}
	p.written, p.cyrillic = writtenForms(n.Full), writtenInCyrillic(n.Full)
	p.given = newPart(n.Given, n.AltGiven)
	p.given.keys = append(p.given.keys, germanGivenKeys(n.Family, n.Given)...)
	p.given.short = shortKeys(n.Given)
	p.family = newPart(n.Family, nil)
	p.family.halves, p.family.current = halfKeys(n.Family), currentKeys(n.Family)
	p.patronymic = newPart(n.Patronymic, nil)
	for _, o := range append(append([]string{}, n.Other...), r.AltNames...) {
		p.others = append(p.others, newPart(o, lookupDiminutive(wordKeys(o))))
		p.others[len(p.others)-1].short = shortKeys(o)
	}
	if n.Given != "" && len(n.Other) > 0 {
		p.givenSplit = newPart(n.Given+" "+n.Other[0], nil)
	}
	p.fingerprintParts()
	return p
}

// Reason is one line of an explanation a volunteer can read.
type Reason struct {
	Field  string  `json:"field"`
	Text   string  `json:"text"`
	Effect float64 `json:"effect"` // contribution to the score (+/-)
	// Edit marks a name part that differs by an edit no convention
	// explains: it never reaches an automatic decision on its own.
	Edit bool `json:"edit,omitempty"`
	// Q and C are the two values compared (query, candidate) and How the
	// verdict ("transliteration", "=", "≠", "±1"…): what a renderer in the
	// reader's language needs; Text is the English line.
	Q   string `json:"q,omitempty"`
	C   string `json:"c,omitempty"`
	How string `json:"how,omitempty"`
	// What Text needs beyond the above: the name similarity's own word
	// (Ахмедов ≈ Ахметов "another real surname", How "different") and
	// how many years apart. The re-ranker scores every candidate but only
	// the kept ones are worded (reasontext.go).
	detail string
	apart  int
}

// howInitial: one side gives only the name's first letter (Пеннер Г.,
// Ryabov A., Нестеренко В.П.), as hospital and shelter lists do.
const howInitial = "initial"

// initialSim is what an initial that agrees with the name's first letter
// is worth: enough with the family name to reach review, never to decide
// (an initial is not among the explained hows), and no match for a name
// it does not begin.
const initialSim = 0.7

// initialOf compares a name with an initial (a word of one or two letters
// with dots, its first letter the initial): (initialSim, true) when the
// other name begins with it, (0, true) when not, (0, false) when neither
// is an initial or both are.
func initialOf(a, b namePart) (float64, bool) {
	ia, ib := isInitial(a), isInitial(b)
	if ia == ib {
		return 0, false
	}
	if ib {
		a, b = b, a
	}
	first := Skeleton(Fold(string(a.letters[0])))
	for _, k := range b.keys {
		if first != "" && strings.HasPrefix(k, first) {
			return initialSim, true
		}
	}
	return 0, true
}

// isInitial: "Г.", "A.", "В.П." (given and father's name in one word).
func isInitial(p namePart) bool {
	return len(p.letters) > 0 && len(p.letters) <= 2 && strings.Contains(p.text, ".")
}

// Thresholds decide what a score means.
type Thresholds struct {
	Review float64 // at or above: a volunteer reviews the pair
	Auto   float64 // at or above, with no close second: notify without review
	Margin float64 // a second candidate within Margin of the best blocks auto
}

// DefaultThresholds are tuned on ../shared/eval (see `tuys eval`).
var DefaultThresholds = Thresholds{Review: 0.5, Auto: 0.85, Margin: 0.12}

// tokenSim compares two name words: 1 for the same key (a transliteration),
// less for spelling noise, scaled by length (one letter in a four-letter
// name makes another name), and low for two different known names.
func tokenSim(a, b namePart) (sim float64, how string) {
	if a.empty() || b.empty() {
		return 0, ""
	}
	if s, ok := initialOf(a, b); ok {
		return s, howInitial
	}
	if shareKey(a.keys, b.keys) {
		if hAgainstDouble(a, b) {
			return spellingVerdict(a, b)
		}
		if slices.Equal(a.letters, b.letters) { // Ахметова Жумабаева, Ахметова-Жумабаева
			return 1, "same"
		}
		return 1, "transliteration"
	}
	if diminutiveOf(a, b) || diminutiveOf(b, a) {
		return 0.95, "diminutive"
	}
	if kazakhRussianForm(a, b) {
		return 0.97, howKazakhRussian
	}
	if shortened(a, b) {
		return shortenedSim, howShortened
	}
	ga, okA := a.given, a.isGiven
	gb, okB := b.given, b.isGiven
	if okA && okB {
		if ga.canon == gb.canon {
			return 0.97, "variant"
		}
		// Two real given names are two people when both are written
		// right, but one misheard letter makes one of the other (Берик →
		// Ерик, Жанна → Анна): the near pair must still rank above a
		// stranger who shares only the other name part. Below "similar",
		// so the pair reads as different and never decides alone (nor
		// when misheard lifts it: decide.go).
		return max(0.15, min(partSpellingSim(a, b), otherGivenSim)), howOtherGiven
	}
	if finalDevoiced(a, b) {
		return 0.97, "variant"
	}
	return spellingVerdict(a, b)
}

// otherGivenSim caps the similarity of two different real given names.
const otherGivenSim = 0.45

// partSpellingSim is the best spellingSim of two name words' keys, or of
// their letters as written when that is nearer: a key spells some letters
// with several (Қуатщов/Қуатов: kuachchov/kuatov, four edits; Kghan/Khan:
// kgan/han), so one mistyped letter can look like another name.
func partSpellingSim(a, b namePart) float64 {
	best := 0.0
	for _, x := range a.keys {
		for _, y := range b.keys {
			if s := spellingSim(x, y); s > best {
				best = s
			}
		}
	}
	if best < 0.85 {
		best = max(best, editSim(editDistance(a.letters, b.letters, 3), max(len(a.letters), len(b.letters))))
	}
	return best
}

// lowerLetters returns the letters of s in lower case.
func lowerLetters(s string) []rune {
	if s == "" {
		return nil
	}
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if unicode.IsLetter(r) {
			out = append(out, unicode.ToLower(r))
		}
	}
	return out
}

// spellingSim scores two keys by edit distance relative to their length.
func spellingSim(x, y string) float64 {
	return editSim(levenshtein(x, y, 3), max(len(x), len(y)))
}

// editSim scores d edits between two names the longer of which has n
// letters: one letter in a four-letter name already makes another name,
// two in a ten-letter one rarely do.
func editSim(d, n int) float64 {
	if n == 0 {
		return 0
	}
	switch {
	case d == 0:
		return 1
	case d == 1 && n >= 8:
		return 0.9
	case d == 1 && n >= 6:
		return 0.85
	case d == 1 && n >= 4:
		return 0.6
	case d == 2 && n >= 9:
		return 0.78
	case d == 2 && n >= 7:
		return 0.6
	}
	s := 1 - float64(d)/float64(n)
	return 0.6 * s * s
}

// turkicForm reports a -uly/-kyzy ("son/daughter of") surname key.
func turkicForm(k string) bool { return strings.HasSuffix(k, "uli") || strings.HasSuffix(k, "kizi") }

// familySim compares surnames ignoring the gendered ending and reports
// whether the endings disagree (Жумабаев vs Жумабаева: a sister).
func familySim(a, b namePart) (sim float64, how string, genderClash bool) {
	sim, how = tokenSim(a, b)
	if how == howKazakhRussian && !kazakhRussianSurname(a, b) {
		sim, how = spellingVerdict(a, b) // Қасенов, Хасенов: krSurnameRules
	}
	if how == "transliteration" && turkicForm(a.keys[0]) != turkicForm(b.keys[0]) {
		// Жұмабайқызы and Жумабаева: one family, but not the same written
		// form; the form as written ranks first.
		return 0.97, howKazakhRussian, false
	}
	if sim >= 1 || a.empty() || b.empty() {
		return sim, how, false
	}
	if s, h, ok := doubleSim(a, b, sim); ok {
		return s, h, false
	}
	if !explainedHows[how] && sameRootName(a, b) && !otherRealSurname(a, b) {
		// Two spellings of one father's name, unless both are surnames of
		// their own (Ахметов/Ахмедов are two families).
		sim, how = 0.97, "variant"
	}
	sa, xa := familyStem(a.keys[0])
	sb, xb := familyStem(b.keys[0])
	if xa != "" && xb != "" && xa != xb {
		s := spellingSim(sa, sb)
		if s >= 0.85 {
			return s, "other gender form", true
		}
	}
	if !explainedHows[how] && otherRealSurname(a, b) {
		sim, how = min(sim, otherSurnameSim), howOtherSurname
	}
	return sim, how, false
}

// closeness counts how near a candidate is to the query as written: the
// same script, each word written exactly the same, minus each word the
// candidate has that the query lacks. Among equal scores the exact
// spelling ranks first, not its other-script twin or a namesake with an
// extra patronymic.
func closeness(q, c *Person) int {
	n := 0
	if q.cyrillic == c.cyrillic {
		n++
	}
	for _, w := range c.written {
		found := false
		for _, x := range q.written {
			found = found || x == w
		}
		if found {
			n += 2
		} else {
			n--
		}
	}
	return n
}
