package data

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// HideContacts is what the public sees of free text (names, places,
// descriptions, notes): phone numbers, e-mail addresses, messenger handles
// and chat links, and the house and flat numbers of a street address are
// hidden. The form asks people not to write them, but frightened people
// write "звоните 8 701…, тг: erlan_zh, Абая 10-5" anyway; a scammer
// reading the page must find none of it. Dates, ages, years and counts
// stay: the day someone was last seen matters on the page.
func HideContacts(s string) string { return clean.through(s, hideContacts) }

// hideContacts is HideContacts without the memory of clean texts.
func hideContacts(s string) string {
	s = plainCJKDigits(plainLetters(plainSpaces(s)))
	s = hideLabelledNumbers(HidePhones(hideLookalikePhones(hideLetterPartedPhones(hideSpokenNumbers(s)))))
	s = hideWordedMail(s) // first: a name spelled out (erlan dot zh at gmail) is hidden whole
	if mayHoldAddress(s) {
		s = contactInText.ReplaceAllString(s, hidden)
		s = hideGroups(s, spacedHandle)
	}
	if mayNameMessenger(s) {
		s = hideHandleAfterLatin(hideHandleAfterTg(hideHandleBefore(hideGroups(hideGroups(s, handleInText), handleAfterCyrillic))))
	}
	if romanRunHint(s) {
		s = hideRomanNumbers(s)
	}
	return hideRomanDoors(hideSpelledDoors(hideHouseNumbers(hideLooseHandles(s))))
}

// messengerHints are the starts of the messenger names the handle
// patterns know: a string where no word starts with one of them is not
// run through them (a search answer hides contacts in some eighty fields;
// the pattern was two thirds of that time). By first letter, lower case.
var messengerHints = hintIndex(`tele тел тг tg inst инст ig what ват вас вац вот viber вайб виб tik тик vk вк ник логин user юзер
	skype скайп signal сигн discord дискорд facebook фейсбук fb фб imo wechat вичат snap снап twit твит
	одноклас odnoklas почт ящик пошт имейл емейл электрон мейл майл mail e-mail email ютуб тредс threads атпен атымен аккаунт парақша`)

// hintIndex indexes the word starts of a list by their first letter.
func hintIndex(words string) map[rune][]string {
	m := map[rune][]string{}
	for _, h := range strings.Fields(words) {
		r, _ := utf8.DecodeRuneInString(h)
		m[r] = append(m[r], h)
	}
	return m
}

func mayNameMessenger(s string) bool {
	// its handle follows a separator or has a digit, a dot or an underscore
	// or is a Latin word in Cyrillic text
	if !strings.ContainsAny(s, ":-0123456789_.") && !strings.Contains(s, "–") && !strings.Contains(s, "—") && !mixedScripts(s) {
		return false
	}
	return wordStartsWith(s, messengerHints)
}

// wordStartsWith reports whether a word of s starts with one of hints, in
// any case.
func wordStartsWith(s string, hints map[rune][]string) bool {
	start := true
	for i, r := range s {
		letter := unicode.IsLetter(r)
		if start && letter {
			for _, h := range hints[unicode.ToLower(r)] {
				if len(s)-i >= len(h) && strings.EqualFold(s[i:i+len(h)], h) {
					return true
				}
			}
		}
		start = !letter
	}
	return false
}

// mayHoldAddress reports whether contactInText can match s: every
// address or link has an @, a slash, a worded at, or a bracketed one. The
// pattern itself is slow on the explanations of every search answer,
// whose "(the same)" a bracket test alone let through.
func mayHoldAddress(s string) bool {
	return strings.ContainsAny(s, "@＠﹫ⓐ/\\") || strings.Contains(s, "%40") || strings.Contains(s, "&#64;") || spacedAt(s) || gluedAt(s) ||
		strings.ContainsAny(s, "[({<") && mayWordAt(s) && bracketedAt.MatchString(s)
}

// spacedAt reports whether s has a worded at between spaces (erlan at
// gmail.com, erlan AT mail DOT ru, erlan собака mail.ru).
func spacedAt(s string) bool {
	for _, w := range []string{" at ", " AT ", " At ", " собака ", " СОБАКА ", " собачка ", " ат "} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// gluedAt reports whether s may hold an at written into the address
// (erlanATmail.ru, erlan_at_mail.ru, erlan.at.gmail.com).
func gluedAt(s string) bool {
	return strings.Contains(s, "AT") || strings.Contains(s, "_at_") || strings.Contains(s, ".at.") || strings.Contains(s, "-at-") ||
		strings.Contains(s, "_sobaka_") || strings.Contains(s, "-sobaka-")
}

// mayWordAt reports whether s has "at" or "собака" in any case, or a
// Cyrillic а closing a bracket (erlan (а) mail.ru).
func mayWordAt(s string) bool {
	for _, w := range []string{"at", "At", "aT", "AT", "собак", "Собак", "СОБАК", "собач", "а)", "а]", "а}", "а>", "А)", "a)", "a]"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

var bracketedAt = regexp.MustCompile(`(?i)[\[({<]\s*(?:at|собака|собачка|а|a)\s*[\])}>]`)

// hidden is what stands for anything the public may not see.
const hidden = "•••"

// contactInText finds an e-mail address however it is written
// (erlan@mail.ru, erlan @ mail . ru, erlan [at] mail [dot] ru, erlan
// собака mail.ru, erlan at gmail.com), a link to a chat or a profile, any
// URL, and a handle (@erlan_zh). Addresses are Latin: Cyrillic prose
// ("потерялась собака рыжая. Она") never reads as one.
var contactInText = regexp.MustCompile(
	`[A-Za-z0-9._%+\-]+\s*(?:[@＠﹫ⓐ]|%40|&#64;|[\[({<]\s*(?i:at|@|собака|собачка|а|a)\s*[\])}>])\s*[A-Za-z0-9\-]+(?:\s*(?:[.．]|[\[({<]\s*(?i:dot|точка)\s*[\])}>])\s*[A-Za-z0-9\-]+)+(?:/[^\s,;]+)?` +
		`|[\p{L}\p{N}._%+\-]+[@＠﹫ⓐ][\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*` + // any script: ерлан@мэйл.ру
		`|[A-Za-z0-9._%+\-]+ (?i:at|ат|собака|собачка) (?i:[a-z0-9\-]+(?:(?:\.| dot | точка )[a-z]{2,6})+(?:/[^\s,;]+)?)` + // with a link's path (seen at bit.ly/3xYzAb)
		`|[A-Za-z0-9._%+\-]+(?:AT|_at_|\.at\.)[a-z0-9\-]+(?:\.[a-z]{2,6})+` + // erlanATmail.ru, erlan_at_mail.ru
		`|[A-Za-z0-9.%+]+[_\-](?i:at|sobaka)[_\-][A-Za-z0-9]+(?:[_\-](?i:dot|tochka)[_\-][A-Za-z]{2,6})+` + // erlan85_at_yandex_dot_ru
		`|(?i:tme|т\s*[.．]?\s*ме)\s*[/\\]\s*[^\s,;]+` + // tme/erlan_zh, т.ме/erlan_zh
		`|(?i:[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:com|ru|kz|net|org|io|me|app|cc|ly|su|ua|by|uz|kg|info|biz)/[^\s,;]+)` + // linkedin.com/in/erlanzh
		`|(?i:[a-z][a-z0-9+.\-]*://\S+)` +
		`|(?i:(?:www\.)?(?:t\s*(?:[.．․。·]|\[\.\]|\s(?i:dot)\s)\s*me|telegram\.(?:me|dog)|wa\.me|m\.me|vk\.me|ig\.me|linktr\.ee|taplink\.(?:cc|ru)|(?:api|chat)\.whatsapp\.com|instagram\.com|instagr\.am|instagram|vk\.(?:com|ru|cc)|facebook\.com|fb\.com|ok\.ru|tiktok\.com|youtube\.com|x\.com|twitter\.com|threads\.net|discord\.gg|bit\.ly|clck\.ru)\s*[/\\]\s*[^\s,;]+)` +
		`|[@＠﹫][\p{L}\p{N}_.]{3,}`)

// mixedScripts reports whether s has both Latin and Cyrillic letters.
func mixedScripts(s string) bool {
	latin := strings.ContainsFunc(s, func(r rune) bool { return r < 0x80 && unicode.IsLetter(r) })
	return latin && strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) })
}

// letterPartSeparators may stand around the letters that part a number's
// groups, or alone between them, with blanks.
const letterPartSeparators = "-.()_/*|:"

// letterPartedPhone is a number whose digit groups one or two letters
// part instead of a blank, or besides one (8701х123х4567, 8 701 x 123 x 45
// x 67, 8701xx123xx4567): a trick to pass a filter.
var letterPartedPhone = func() *regexp.Regexp {
	sep := `[\s` + regexp.QuoteMeta(letterPartSeparators) + `]`
	return regexp.MustCompile(`[+＋]?\p{N}{1,7}(?:(?:` + sep + `*\p{L}{1,2}` + sep + `*|` + sep + `+)\p{N}{1,7})+`)
}()

// hideLetterPartedPhones hides a letter-parted run with ten digits or
// more that are not a date, a year or a time (a whole number with its
// area code), or a town's seven (277х22х33); days and times with words
// between them stay (10.05.2024 в 18:30, 2010г 2012г).
func hideLetterPartedPhones(s string) string {
	if digits := 0; !strings.ContainsFunc(s, func(r rune) bool {
		if unicode.IsNumber(r) {
			digits++
		}
		return digits == 7
	}) || !letterBetweenDigits(s) {
		return s // fewer digits than a number has, or no letter parts them
	}
	return letterPartedPhone.ReplaceAllStringFunc(s, func(m string) string {
		var groups []int // the digit groups of the pieces that are no date, year, time or car plate
		for _, piece := range strings.FieldsFunc(carPlate.ReplaceAllString(m, " "), func(r rune) bool { return unicode.IsLetter(r) || strings.ContainsRune(" \t\n()_/*|", r) }) {
			piece = strings.Trim(piece, "-.:")
			if piece == "" || isCalendarDate(piece) || year.MatchString(piece) || timeOfDay.MatchString(piece) || dayMonth(piece) {
				continue
			}
			for _, g := range strings.FieldsFunc(piece, func(r rune) bool { return !unicode.IsNumber(r) }) {
				groups = append(groups, utf8.RuneCountInString(g))
			}
		}
		digits := 0
		for _, g := range groups {
			digits += g
		}
		if digits >= 10 || slices.Equal(groups, []int{3, 2, 2}) {
			return hidden
		}
		return m
	})
}

// carPlate is a Kazakh car's number (123 ABC 02, 123AB02): two of them
// with a word between are no phone number.
var carPlate = regexp.MustCompile(`\d{3} ?[A-Z]{2,3} ?\d{2}`)

// dayMonth reports whether p is a day and a month with a dot (12.05);
// with a dash or a slash it is as often a house and a flat (10-5, 10/2).
func dayMonth(p string) bool { return strings.Count(p, ".") == 1 && isCalendarDate(p+".2000") }

// letterBetweenDigits reports whether one or two letters stand between
// two digits, with only the separators of letterPartedPhone around them
// (8701х123, 701 x 123, 8701xx123): letterPartedPhone's cheap first look.
func letterBetweenDigits(s string) bool {
	digit, letters := false, 0 // the last thing read was a digit; the letters read since one
	for _, r := range s {
		switch {
		case unicode.IsNumber(r):
			if letters > 0 {
				return true
			}
			digit = true
		case unicode.IsLetter(r):
			if digit || letters > 0 && letters < 2 {
				letters++
			} else {
				letters = 0
			}
			digit = false
		case !unicode.IsSpace(r) && !strings.ContainsRune(letterPartSeparators, r):
			digit, letters = false, 0
		}
	}
	return false
}
