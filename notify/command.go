package notify

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Verb is what an inbound SMS asks for.
type Verb int

// Verbs. Anything unrecognised is VerbHelp: a sender always gets an answer.
const (
	VerbHelp Verb = iota
	VerbSafe
	VerbFind
	VerbYes
	VerbNo
	VerbStop
	VerbStart
)

var verbNames = [...]string{"help", "safe", "find", "yes", "no", "stop", "start"}

func (v Verb) String() string {
	if int(v) < len(verbNames) {
		return verbNames[v]
	}
	return "verb?"
}

// Command is a parsed inbound SMS.
type Command struct {
	Verb Verb
	Lang string // language of the command word; "" when it has none (STOP, digits)
	Name string // SAFE/FIND: the person's name
	Year int    // SAFE/FIND: birth year, 0 when not given
	City string // SAFE/FIND: words after the year
	Code string // YES/NO: the request's code ("ДА 123"), "" for a bare answer
	// Unsure: a YES or NO that says more than the answer and its code
	// (answerArgs): it decides nothing.
	Unsure bool
}

type keyword struct {
	verb Verb
	lang string
}

// keywords are matched on the upper-cased first word. Latin spellings of
// Cyrillic words are for phones without a Cyrillic keyboard; Twilio's
// standard opt-out words are honoured as STOP.
var keywords = map[string]keyword{
	"SAFE": {VerbSafe, "en"}, "ALIVE": {VerbSafe, "en"},
	"АМАН": {VerbSafe, "kk"}, "AMAN": {VerbSafe, "kk"},
	"ЖИВ": {VerbSafe, "ru"}, "ЖИВА": {VerbSafe, "ru"}, "ЖИВОЙ": {VerbSafe, "ru"}, "ZHIV": {VerbSafe, "ru"},
	"FIND": {VerbFind, "en"}, "SEARCH": {VerbFind, "en"},
	"ІЗДЕУ": {VerbFind, "kk"}, "ИЗДЕУ": {VerbFind, "kk"}, "IZDEU": {VerbFind, "kk"},
	"ИЩУ": {VerbFind, "ru"}, "ПОИСК": {VerbFind, "ru"}, "ISHU": {VerbFind, "ru"},
	"YES": {VerbYes, "en"}, "Y": {VerbYes, "en"},
	"ИӘ": {VerbYes, "kk"}, "ИА": {VerbYes, "kk"}, "ИЯ": {VerbYes, "kk"}, "IA": {VerbYes, "kk"},
	"ДА": {VerbYes, "ru"}, "DA": {VerbYes, "ru"},
	"NO": {VerbNo, "en"}, "ЖОҚ": {VerbNo, "kk"}, "ЖОК": {VerbNo, "kk"}, "JOQ": {VerbNo, "kk"},
	"НЕТ": {VerbNo, "ru"}, "NET": {VerbNo, "ru"},
	"STOP": {VerbStop, "en"}, "STOPALL": {VerbStop, "en"}, "UNSUBSCRIBE": {VerbStop, "en"},
	"CANCEL": {VerbStop, "en"}, "END": {VerbStop, "en"}, "QUIT": {VerbStop, "en"},
	"ТОҚТА": {VerbStop, "kk"}, "ТОКТА": {VerbStop, "kk"}, "TOQTA": {VerbStop, "kk"},
	"СТОП": {VerbStop, "ru"}, "ОТПИСКА": {VerbStop, "ru"}, "ОТПИСАТЬСЯ": {VerbStop, "ru"}, "ОТПИСАТЬ": {VerbStop, "ru"},
	"ОТМЕНА": {VerbStop, "ru"}, "STOPP": {VerbStop, "en"}, "ТОҚТАТУ": {VerbStop, "kk"},
	"START": {VerbStart, "en"}, "UNSTOP": {VerbStart, "en"}, "СТАРТ": {VerbStart, "ru"}, "БАСТАУ": {VerbStart, "kk"},
	"HELP": {VerbHelp, "en"}, "INFO": {VerbHelp, "en"},
	"КӨМЕК": {VerbHelp, "kk"}, "КОМЕК": {VerbHelp, "kk"},
	"ПОМОЩЬ": {VerbHelp, "ru"}, "ПОМОЩ": {VerbHelp, "ru"}, "СПРАВКА": {VerbHelp, "ru"},
}

// Limits on what an SMS can put into a report.
const (
	maxNameRunes = 100
	maxCityRunes = 60
)

// ParseCommand reads an inbound SMS body. It never fails: what it cannot
// read is VerbHelp, so the sender learns the commands.
func ParseCommand(body string) Command {
	words := strings.FieldsFunc(clean(body), func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ';' })
	if len(words) == 0 {
		return Command{Verb: VerbHelp}
	}
	kw, ok := keywords[strings.ToUpper(strings.Trim(words[0], ".!?:-—\"'«»()"))]
	if !ok {
		return Command{Verb: VerbHelp, Lang: textLang(words)}
	}
	cmd := Command{Verb: kw.verb, Lang: kw.lang}
	switch cmd.Verb {
	case VerbSafe, VerbFind:
		cmd.Name, cmd.Year, cmd.City = personArgs(words[1:])
	case VerbYes, VerbNo:
		cmd.Code, cmd.Unsure = answerArgs(cmd.Verb, words)
	}
	return cmd
}

// answerArgs reads what follows a YES or NO: at most one code and words
// of courtesy. Anything else makes the answer unsure, and so does a
// question mark: "Да нет, не надо" (no, no need), "Да? Кто это?" (yes?
// who is this?) were taken for a YES and shared the number (an attacker's
// trial, 2026-12-07).
func answerArgs(verb Verb, words []string) (code string, unsure bool) {
	for i, w := range words {
		if strings.ContainsAny(w, "?¿؟") {
			return code, true
		}
		if i == 0 {
			continue
		}
		bare := strings.ToUpper(strings.Trim(w, ".!,:;-—\"'«»()"))
		if c := answerCode(w); c != "" && code == "" {
			code = c
			continue
		}
		if kw, ok := keywords[bare]; ok && kw.verb == verb || courtesy[bare] {
			continue // "да, да", "нет, спасибо"
		}
		return code, true
	}
	return code, false
}

// courtesy are the words an answer may carry besides its code.
var courtesy = map[string]bool{
	"СПАСИБО": true, "СПС": true, "РАХМЕТ": true, "РАҚМЕТ": true, "РАКМЕТ": true, "THANKS": true, "THANK": true, "YOU": true, "PLEASE": true,
	"ПОЖАЛУЙСТА": true, "OK": true, "ОК": true, "OKAY": true, "ХОРОШО": true, "ЖАҚСЫ": true, "ЖАКСЫ": true,
	"КОНЕЧНО": true, "ӘРИНЕ": true, "АРИНЕ": true, "SURE": true, "": true,
}

// answerCode reads the code after YES/NO ("123", "#123", "123."): digits
// of any script, "" when the word is not a code.
func answerCode(w string) string {
	var b strings.Builder
	for _, r := range strings.Trim(w, "#№.!,:-()") {
		if !unicode.IsDigit(r) {
			return ""
		}
		b.WriteRune('0' + rune(digitValue(r)))
	}
	return b.String()
}

// digitValue is the value of a decimal digit of any script (fullwidth,
// Arabic-Indic…): Unicode puts each script's 0–9 in one run.
func digitValue(r rune) int {
	for d := r; d >= r-9; d-- {
		if !unicode.IsDigit(d) {
			return int(r - d - 1)
		}
	}
	return int(r-'0') % 10
}

// clean normalizes (NFC) and drops control and format characters.
func clean(s string) string {
	s = norm.NFC.String(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return ' '
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == unicode.ReplacementChar:
			return -1
		}
		return r
	}, s)
}

// personArgs splits "<name> [year] [city]": the year is the first plausible
// four-digit birth year; words before it are the name, after it the city.
func personArgs(words []string) (name string, year int, city string) {
	cut := -1
	for i, w := range words {
		if y, err := strconv.Atoi(w); err == nil && len(w) == 4 && y >= 1900 && y <= time.Now().Year() {
			cut, year = i, y
			break
		}
	}
	nameWords := words
	if cut >= 0 {
		nameWords = words[:cut]
		city = Truncate(strings.Join(words[cut+1:], " "), maxCityRunes)
	}
	name = Truncate(strings.Join(nameWords, " "), maxNameRunes)
	return name, year, city
}

// textLang guesses the language of a message we could not read: Kazakh
// when any word has a Kazakh letter (Салем, мен Ерланды іздеп жүрмін was
// answered in Russian: a new user's trial, 2026-12-07), else by its first
// word's script.
func textLang(words []string) string {
	for _, w := range words {
		if scriptLang(w) == "kk" {
			return "kk"
		}
	}
	return scriptLang(words[0])
}

// scriptLang guesses a language from a word's script, for replies to
// messages we could not read: Kazakh-only letters → kk, Cyrillic → ru.
func scriptLang(w string) string {
	lang := ""
	for _, r := range w {
		switch {
		case strings.ContainsRune("ӘәҒғҚқҢңӨөҰұҮүҺһІі", r):
			return "kk"
		case unicode.Is(unicode.Cyrillic, r):
			lang = "ru"
		case unicode.Is(unicode.Latin, r) && lang == "":
			lang = "en"
		}
	}
	return lang
}

// ReplyLang picks the reply language: the command word's, else by number
// (+7 is Kazakhstan and Russia, where Russian is read by all), else English.
func ReplyLang(cmd Command, from string) string {
	if cmd.Lang != "" {
		return cmd.Lang
	}
	if strings.HasPrefix(from, "+7") {
		return "ru"
	}
	return "en"
}
