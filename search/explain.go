package search

import (
	_ "embed"
	"strings"
)

// A difference between two spellings of one name part is either explained
// (a transliteration convention, a Kazakh↔Russian correspondence, a
// diminutive, a known variant of one name) or unexplained: an edit. Only
// explained differences may reach an automatic decision on their own; a
// family name one or two letters off is as often another real surname
// (Ахметов/Ахмедов, Исаев/Исаков) as a typo.

// explainedHows are the tokenSim verdicts that a convention explains.
var explainedHows = map[string]bool{
	"same": true, "transliteration": true, "diminutive": true, "variant": true, howKazakhRussian: true,
}

// howKazakhRussian is the verdict for the Kazakh and Russian forms of one
// name (Қайрат/Хайрат, Айгүл/Айгуля, Дүйсен/Дюсен, Жанбол/Жамбол).
const howKazakhRussian = "Kazakh/Russian form"

// howOtherSurname is the verdict for two distinct real surnames a letter or
// two apart.
const howOtherSurname = "another real surname"

// otherSurnameSim caps the similarity of two distinct real surnames: enough
// for a volunteer to see the pair, never enough to pass for one name.
const otherSurnameSim = 0.7

// howOtherGiven is the verdict for two distinct real given names (Берик,
// Ерик): two people when both are written right.
const howOtherGiven = "another given name"

// misheardSim is what another real name one letter from the query's
// (Ерик/Берик, Омарова/Комарова) scores when the other name part and the
// father's name both agree: a variant's level, so the person whose three
// names agree but for a letter ranks with the namesakes whose father is
// not known (two names agree), not below every one of them. A query about
// Ерик Айтбайбеков Даниярұлы ranked ten Ерик Айтбайбековs of no known
// father above Берик Айтбайбеков Даниярұлы, where a trigram search put him
// first; when ten namesakes share the name, the one whose father's name
// agrees is the best lead a volunteer has. The verdict stays, so such a
// pair never decides alone: another given name needs a volunteer
// (corroborated), another surname a second signal, which the father's
// name is.
const misheardSim = 0.97

// misheard returns the similarity of a name part (a query's, b the
// candidate's) whose verdict is how, when the fathers' names agree and the
// other part's verdict is otherHow: lifted to misheardSim when it is
// another real name one letter away and the other part is the same name.
func misheard(sim float64, how string, a, b namePart, otherHow string) float64 {
	if how != howOtherGiven && how != howOtherSurname || !explainedHows[otherHow] || !oneLetterApart(a, b) {
		return sim
	}
	return max(sim, misheardSim)
}

// oneLetterApart reports whether two name words are one edit apart as
// written, or by a pair of their keys (the same name in two scripts).
func oneLetterApart(a, b namePart) bool {
	if editDistance(a.letters, b.letters, 1) <= 1 {
		return true
	}
	for _, x := range a.keys {
		for _, y := range b.keys {
			if levenshtein(x, y, 1) <= 1 {
				return true
			}
		}
	}
	return false
}

//go:embed realnames/surnames.txt
var surnamesFile string

// knownSurnames holds the gender-free stem key of every real surname.
var knownSurnames = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(surnamesFile, "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if k := nameKey(line); k != "" {
			stem, _ := familyStem(k)
			m[stem] = true
		}
	}
	return m
}()

// otherRealSurname reports whether a and b are two different surnames that
// both occur in the list of real surnames.
func otherRealSurname(a, b namePart) bool {
	if a.empty() || b.empty() {
		return false
	}
	sa, _ := familyStem(a.keys[0])
	sb, _ := familyStem(b.keys[0])
	return sa != sb && knownSurnames[sa] && knownSurnames[sb]
}

// krRule rewrites a Kazakh spelling into the form Russian-language records
// use, where place allows.
type krRule struct {
	from, to string
	place    krPlace
}

// krPlace is where in a word a krRule applies.
type krPlace int

const (
	krAnywhere       krPlace = iota
	krAfterConsonant         // Әсел stays Асель, Мәдина becomes Мядина
	krNotAfterVowel          // at the start or after a consonant: Уәлиханов = Валиханов, but Әбуәли = Абуали
)

// allows reports whether the rule applies after the rune prev (' ' at
// the start of the word).
func (p krPlace) allows(prev rune) bool {
	switch p {
	case krAfterConsonant:
		return prev != ' ' && !isVowelRune(prev)
	case krNotAfterVowel:
		return !isVowelRune(prev)
	}
	return true
}

var krRules = append([]krRule{
	{"қ", "х", krAnywhere}, {"q", "kh", krAnywhere}, // Қайрат = Хайрат
}, krSurnameRules...)

// krSurnameRules are the correspondences that hold in surnames too. Not
// қ = х: Kazakh wrote the Arabic х as қ (Хасен, Қасен), but Қасенов and
// Хасенов, Қалиев and Халиев, Қожанов and Хожанов are surnames of
// different families today (an unseen-names trial, 2026-12-07: each
// matched the other automatically).
var krSurnameRules = []krRule{
	{"ә", "я", krAfterConsonant}, {"ä", "ya", krAfterConsonant}, // Кәрім = Кярим
	{"үй", "ю", krAfterConsonant}, {"ү", "ю", krAfterConsonant}, {"ü", "yu", krAfterConsonant}, {"ú", "yu", krAfterConsonant}, // Дүйсен = Дюсен, Күлпаш = Кюльпаш
	{"ө", "у", krAnywhere}, {"ö", "u", krAnywhere}, // Төлеген = Тулеген, Өмірбек = Умирбек
	{"нб", "мб", krAnywhere}, {"нп", "мп", krAnywhere}, {"nb", "mb", krAnywhere}, {"np", "mp", krAnywhere}, // Жанбол = Жамбол
	// The Arabic w of Уәли, Уахит, Садуақас: Russian records write в
	// (Валиханов, Вахитов, Садвакасов). Кваныш, the same rewrite of a
	// Kazakh у, is a form nobody writes, so it explains nothing real.
	{"уә", "ва", krNotAfterVowel}, {"уа", "ва", krNotAfterVowel}, {"uä", "va", krNotAfterVowel}, {"ua", "va", krNotAfterVowel},
	// The Arabic u of Жүсіп, Жақып (Yusuf, Yaqub): Жусуп, Жакупов.
	{"іп", "уп", krAfterConsonant}, {"ып", "уп", krAfterConsonant}, {"ип", "уп", krAfterConsonant},
}

// krKeys returns the keys of the Russian-record forms of a Kazakh word:
// every combination of the correspondences that occur in it, and the
// female -а/-я ending Russian records add to a Kazakh name ending in a
// consonant (Айгүл = Айгуля, Гүлнар = Гульнара). Nil when none applies.
func krKeys(text string) []string { return krKeysBy(text, krRules, krCache) }

// krSurnameKeys are krKeys by krSurnameRules.
func krSurnameKeys(text string) []string { return krKeysBy(text, krSurnameRules, krSurnameCache) }

func krKeysBy(text string, rules []krRule, cache *boundedCache[string, []string]) []string {
	if k, ok := cache.get(text); ok {
		return k
	}
	w := strings.ToLower(strings.TrimSpace(text))
	var apply []krRule
	for _, r := range rules {
		if strings.Contains(w, r.from) {
			apply = append(apply, r)
		}
	}
	apply = apply[:min(len(apply), 5)]
	forms := []string{w}
	for mask := 1; mask < 1<<len(apply); mask++ {
		f := w
		for i, r := range apply {
			if mask&(1<<i) != 0 {
				f = krReplace(f, r)
			}
		}
		forms = append(forms, f)
	}
	if strings.ContainsAny(w, kazakhLetters) {
		for _, f := range append([]string(nil), forms...) {
			forms = append(forms, femaleRussianForms(f)...)
			forms = append(forms, dropEpentheticI(f))
		}
	}
	var keys []string
	for _, f := range forms[1:] {
		keys = append(keys, wordKeys(f)...)
	}
	keys = dedupe(keys)
	cache.put(text, keys)
	return keys
}

var krCache, krSurnameCache = newBoundedCache[string, []string](100000), newBoundedCache[string, []string](100000)

// kazakhLetters are the Cyrillic letters only Kazakh uses.
const kazakhLetters = "әғқңөұүһі"

func isVowelRune(r rune) bool {
	return strings.ContainsRune("аәеёиоөуұүыіэюяaeiouyäöüáóúýı", r)
}

// krReplace applies one rule to every occurrence of its pattern.
func krReplace(w string, r krRule) string {
	if r.place == krAnywhere {
		return strings.ReplaceAll(w, r.from, r.to)
	}
	var b strings.Builder
	prev := ' '
	for i := 0; i < len(w); {
		if strings.HasPrefix(w[i:], r.from) && r.place.allows(prev) {
			b.WriteString(r.to)
			i += len(r.from)
			prev = 'я'
			continue
		}
		c := []rune(w[i:])[0]
		b.WriteRune(c)
		i += len(string(c))
		prev = c
	}
	return b.String()
}

// femaleRussianForms adds the -а/-я ending to a name ending in a consonant.
func femaleRussianForms(w string) []string {
	rs := []rune(w)
	if len(rs) < 3 || isVowelRune(rs[len(rs)-1]) {
		return nil
	}
	if rs[len(rs)-1] == 'л' {
		return []string{w + "я", w + "ь"}
	}
	return []string{w + "а"}
}

// dropEpentheticI drops the Kazakh і that Russian records leave out between
// two consonants (Әбдірахман = Абдрахман).
func dropEpentheticI(w string) string {
	rs := []rune(w)
	out := rs[:0:0]
	for i, r := range rs {
		if r == 'і' && i > 0 && i+1 < len(rs) && !isVowelRune(rs[i-1]) && !isVowelRune(rs[i+1]) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// kazakhRussianForm reports whether a and b are the Kazakh and Russian
// forms of one name.
func kazakhRussianForm(a, b namePart) bool { return krShared(a, b, a.kr, b.kr) }

// kazakhRussianSurname reports whether the surnames a and b, read as
// Kazakh and Russian forms of one name, are so by krSurnameRules.
func kazakhRussianSurname(a, b namePart) bool {
	return krShared(a, b, krSurnameKeys(a.text), krSurnameKeys(b.text))
}

// krShared reports whether a's or b's Kazakh/Russian forms (ka, kb) are
// the other word or one of its forms.
func krShared(a, b namePart, ka, kb []string) bool {
	return shareKey(ka, b.keys) || shareKey(kb, a.keys) || shareKey(ka, kb)
}

// surnameRoot strips the surname suffix that makes a surname of a father's
// given name: Ибрагимов → ibragim.
func surnameRoot(k string) string {
	for _, end := range []string{"ova", "eva", "ina", "ov", "ev", "in", "uli", "kizi"} {
		if len(k) > len(end)+2 && strings.HasSuffix(k, end) {
			return k[:len(k)-len(end)]
		}
	}
	return ""
}

// sameRootName reports whether two surnames are made of two spellings of
// one given name (Ибрагимов/Ибраимов: Ибрагим and Ибраим are one name).
func sameRootName(a, b namePart) bool {
	if a.empty() || b.empty() {
		return false
	}
	ra, rb := surnameRoot(a.keys[0]), surnameRoot(b.keys[0])
	if ra == "" || rb == "" || ra == rb {
		return false
	}
	ga, okA := lookupGiven(TokenKeys(ra))
	gb, okB := lookupGiven(TokenKeys(rb))
	return okA && okB && ga.canon == gb.canon
}

// spellingVerdict is the verdict on two name words by their spelling alone.
func spellingVerdict(a, b namePart) (float64, string) {
	best := partSpellingSim(a, b)
	switch {
	case best >= 0.8:
		return best, "spelling"
	case best >= 0.5:
		return best, "similar"
	}
	return best, "different"
}

// devoiced pairs a voiced final consonant with its voiceless twin, as keys
// spell them.
var devoiced = map[[2]byte]bool{{'d', 't'}: true, {'t', 'd'}: true, {'b', 'p'}: true, {'p', 'b'}: true,
	{'z', 's'}: true, {'s', 'z'}: true, {'g', 'k'}: true, {'k', 'g'}: true}

// finalDevoiced reports two spellings of one given name that differ only
// in a voiced or voiceless last consonant, as Russian records write
// Turkic and Arabic names either way (Магомед/Магомет, Рашид/Рашит,
// Азад/Азат): one name, not a typo. Not a word that ends as a surname
// does: Ахмедов and Ахметов are two families, and no surname ends so.
func finalDevoiced(a, b namePart) bool {
	for _, x := range a.keys {
		if _, fam := familyOf(x); fam || len(x) < 4 {
			continue
		}
		for _, y := range b.keys {
			n := len(x)
			if len(y) == n && x[:n-1] == y[:n-1] && devoiced[[2]byte{x[n-1], y[n-1]}] {
				return true
			}
		}
	}
	return false
}
