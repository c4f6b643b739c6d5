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
// a stored one as a seeker who gave no name. Words are read as NameKey
// reads them: marks, lookalike letters, hyphens and script do not matter.
// Only the first word counts: it is the one the SMS shows, and a surname
// later in the name (Жусанова, Капитанова) must not block a family.
// Each part of that word counts too: Мама-Полиция, Aigul-police and
// Ст.лейтенант were accepted whole (an attacker's trial, 2026-12-07).
func ClaimsAuthority(name string) bool {
	for _, field := range strings.Fields(name) {
		words := nameWords(field)
		if len(words) == 0 {
			continue // «- Полиция»: the first word is the one with letters
		}
		for _, w := range words {
			for _, part := range append([]string{w}, strings.Split(w, "-")...) {
				if part != "" && (authorityWord(NameKey(part)) || strings.HasPrefix(cyrillicKey(part), "милиц")) {
					return true
				}
			}
		}
		return false
	}
	return false
}

// cyrillicKey is a word as NameKey reads it but left in Cyrillic: милиция
// must be refused, and its Latin key is the name Milica's.
func cyrillicKey(word string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(strings.ToLower(word)) {
		if unicode.IsLetter(r) && !Invisible(r) {
			b.WriteRune(toCyrillic(r))
		}
	}
	return b.String()
}

// authorityExact are words said whole: ranks and short words also start
// names and surnames (Майоров, Генералова, Судаков, Банкова, Министрова;
// Аким is a name and әкім reads as it, so only акимат is here; Гай, Халик
// and Жусан are names too, so ГАИ, Халык and Jusan are not);
// authorityStems start the words of offices in any of their forms
// (милиция is read in Cyrillic: its Latin key is the name Milica's). Both
// are written as NameKey writes them, which reads и before a vowel as
// nothing (комиссия is "komisa", Комиссаров "komisarov"): a stem ends
// before an и, or its forms are listed whole.
var (
	authorityExact = keySet("суд", "судья", "сот", "банк", "армия", "доктор", "мчс", "дчс", "тжм", "кнб", "ұқк", "мвд",
		"ііб", "іім", "фсб", "гибдд", "дпс", "овд", "рувд", "увд", "мид", "сизо", "цон", "egov", "осмс", "фсмс", "морг",
		"ерікті", "ішкі", "двд", "дп", "комиссия", "комиссии", "комиссию", "комиссией", "комиссиясы", "комиссар", "туыс", "туйс", "tuys", "майор", "капитан", "лейтенант", "сержант", "полковник", "подполковник",
		"генерал", "прапорщик", "офицер", "опер", "агент", "депутат", "министр", "хирург", "адвокат", "юрист",
		"крест", "страховая", "салық", "кеден", "енбек", "еңбек", "оон", "медик", "санитар", "начальник", "директор",
		"др", "dr", "court", "judge", "bank", "army", "doctor", "nurse", "support", "admin", "hotline", "sheriff",
		"officer", "polis", "emniyet", "captain", "major", "sergeant", "lawyer", "surgeon", "ministry", "minister", "prosecutor",
		"inspector", "cross", "credit", "tax", "customs", "bailiff", "unicef", "forte", "kazpost",
		"police", "colonel", "lieutenant", "kcell", "кселл", "beeline", "билайн", "altel", "алтел", "activ", "актив")
	authorityStems = keyList("полиц", "прокур", "следовател", "следств", "следком", "участков", "инспектор", "инспекц",
		"дежурн", "акимат", "әкімдік", "әкімшіл", "администр", "министерств", "департамент", "управлен", "служб",
		"спасател", "құтқару", "военком", "военн", "волонт", "volunt", "оператор", "горячая", "штаб", "посольств",
		"консул", "елшіл", "больниц", "госпитал", "hospital", "медсестр", "медбрат", "главврач", "врач", "скорая",
		"жедел", "реанимац", "поликлиник", "клиник", "фельдшер", "санавиац", "мейірбике", "емхана", "тергеуші",
		"поддержк", "детектив", "нацгвард", "гвард", "спецназ", "патрул", "казпочт", "дәрігер", "аурухан", "төтенше",
		"қызмет", "пристав", "коллектор", "collector", "налогов", "таможн", "соцзащит", "кредит", "микрокредит",
		"нотар", "трибунал", "судебн", "бухгалтер", "сотт", "сотқ", "халықбанк", "homebank", "emergenc",
		"rescu", "embass", "govern", "militar", "каспи", "сбербанк", "crescent", "interpol",
		"госуслуг", "тюрьм", "тюрем", "колони", "ритуал", "похорон", "лейтенант", "полковник")
)

func authorityWord(key string) bool {
	if authorityExact[key] {
		return true
	}
	for _, s := range authorityStems {
		if strings.HasPrefix(key, s) {
			return true
		}
	}
	return false
}

// NameKey is how a word of a name reads to a person: upper or lower case,
// accents and stress marks, letters of one script typed in another
// (a Latin A or Greek ο in a Cyrillic word), Kazakh і for и, hyphens,
// full-width forms and the Latin spellings of Cyrillic (Zhanna, Aigerim,
// Politsiya) all give one key. Twin requests and office names are judged
// on it.
func NameKey(word string) string {
	var b strings.Builder
	cyrillic := strings.IndexFunc(word, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) >= 0
	for _, r := range norm.NFKD.String(kazakhLatin.Replace(strings.ToLower(word))) {
		switch {
		case unicode.Is(unicode.Mn, r) || !unicode.IsLetter(r) || Invisible(r):
			continue
		case cyrillic:
			r = toCyrillic(r)
		}
		b.WriteString(latinOf(r))
	}
	return collapseLatin(b.String())
}

// nameWords splits a name into its words as the SMS shows them (a hyphen
// joins a word's parts; «- Полиция» is the word Полиция).
func nameWords(name string) []string {
	var out []string
	visible := strings.Map(func(r rune) rune {
		if Invisible(r) {
			return -1
		}
		return r
	}, name)
	for _, w := range strings.FieldsFunc(visible, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) && r != '-'
	}) {
		if w = strings.Trim(w, "-"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// NameSymbols reports whether a seeker's name holds a digit, a symbol
// or an emoji: no name needs one, and a digit passes for a letter («П0лиция»
// read as Полиция in an SMS passed the office check: a new user's trial,
// 2026-12-07). Letters, marks, spaces, hyphens, apostrophes, dots, commas
// and brackets are a name's.
func NameSymbols(name string) bool {
	return strings.ContainsFunc(name, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsSpace(r) && !Invisible(r) && !strings.ContainsRune("-‐–'’ʼ`.,()", r)
	})
}

// ForeignLetters reports whether name has a letter outside the Latin and
// Cyrillic alphabets people write names with here (Kazakh, Russian,
// Uzbek, Turkish, German, Polish letters are in). Coptic, small capitals
// and other look-alikes made a copy of a family's name read as another
// to the twin check while the person read it as the same (an attacker's
// trial, 2026-12-07): a contact name is refused with them.
func ForeignLetters(name string) bool {
	return strings.ContainsFunc(name, func(r rune) bool {
		return unicode.IsLetter(r) && !Invisible(r) && !(r < 0x250 || r >= 0x2B0 && r < 0x300 || r >= 0x400 && r < 0x530)
	})
}
