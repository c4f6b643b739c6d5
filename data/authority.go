package data

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ClaimsAuthority reports whether a seeker's name claims an office rather
// than a person: police, emergency services, a ministry, a court, a bank,
// a doctor, a rank, an embassy, the hotline's volunteers or tuys itself.
// The found person reads that name in tuys's own SMS ("Вас ищет Полиция"),
// and a scammer posing as the police or a doctor with an operation to pay
// for is the oldest trick played on families in a crisis (an attacker's
// trial, 2026-12-07). The intake refuses such a name, and a request names
// a stored one as a seeker who gave no name.
func ClaimsAuthority(name string) bool {
	for _, w := range strings.FieldsFunc(norm.NFC.String(strings.ToLower(name)), notLetter) {
		if authorityWord(foldLookalikes(w, toCyrillic)) || authorityWord(foldLookalikes(w, toLatin)) {
			return true
		}
	}
	return false
}

// authorityExact are words said whole: ranks and short words start
// surnames and names (Майоров, Генералова, Судаков, Банкова, Аким);
// authorityStems start the words of offices in any of their forms.
var (
	authorityExact = set("суд", "сот", "банк", "әкім", "армия", "врач", "доктор", "мчс", "дчс", "тжм", "кнб", "ұқк",
		"гаи", "овд", "рувд", "увд", "ерікті", "туыс", "майор", "капитан", "лейтенант", "сержант", "полковник", "генерал",
		"офицер", "инспектор", "следователь", "участковый", "tuys", "court", "judge", "bank", "army", "doctor", "nurse",
		"support", "admin", "mchs", "dchs", "knb", "оон", "hotline", "sheriff", "officer", "captain", "major", "sergeant")
	authorityStems = []string{"полиц", "политс", "милиц", "прокур", "следств", "акимат", "әкімдік", "әкімшіл",
		"администрац", "министр", "департамент", "управлени", "служб", "спасател", "құтқару", "военком", "военн",
		"волонт", "оператор", "горячая", "штаб", "посольств", "консул", "елшіл", "больниц", "госпитал", "медсестр",
		"дәрігер", "аурухан", "төтенше", "қызмет", "polic", "polits", "milits", "prokur", "minist", "govern",
		"emergenc", "rescu", "embass", "consul", "volunt", "operator", "hospital", "militar", "kaspi", "каспи", "halyk",
		"халык", "халық"}
)

func authorityWord(w string) bool {
	if authorityExact[w] {
		return true
	}
	for _, s := range authorityStems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) }

// Letters that look alike in the two scripts, lower case: a word typed
// with a Latin o in Cyrillic ("пoлиция") or the reverse reads as the same
// word to the person.
var (
	toCyrillic = strings.NewReplacer("a", "а", "e", "е", "o", "о", "p", "р", "c", "с", "x", "х", "y", "у", "k", "к", "m", "м", "t", "т", "h", "н", "b", "в", "ё", "е")
	toLatin    = strings.NewReplacer("а", "a", "е", "e", "о", "o", "р", "p", "с", "c", "х", "x", "у", "y", "к", "k", "м", "m", "т", "t", "і", "i")
)

func foldLookalikes(w string, r *strings.Replacer) string { return r.Replace(w) }
