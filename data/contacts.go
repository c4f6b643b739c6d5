package data

import (
	"regexp"
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
func HideContacts(s string) string {
	s = HidePhones(hideLookalikePhones(hideLetterPartedPhones(hideSpokenNumbers(s))))
	if mayHoldAddress(s) {
		s = contactInText.ReplaceAllString(s, hidden)
		s = hideGroups(s, spacedHandle)
	}
	if mayNameMessenger(s) {
		s = hideHandleBefore(hideGroups(hideGroups(s, handleInText), handleAfterCyrillic))
	}
	return hideHouseNumbers(s)
}

// messengerHints are the starts of the messenger names the handle
// patterns know: a string where no word starts with one of them is not
// run through them (a search answer hides contacts in some eighty fields;
// the pattern was two thirds of that time). By first letter, lower case.
var messengerHints = func() map[rune][]string {
	m := map[rune][]string{}
	for _, h := range strings.Fields(`tele тел тг tg inst инст ig what ват вас вац вот viber вайб tiktok тикт vk вк ник логин user
		skype скайп signal discord дискорд facebook фейсбук fb imo wechat snap`) {
		r, _ := utf8.DecodeRuneInString(h)
		m[r] = append(m[r], h)
	}
	return m
}()

func mayNameMessenger(s string) bool {
	// its handle follows a separator or has a digit, a dot or an underscore
	// or is a Latin word in Cyrillic text
	if !strings.ContainsAny(s, ":-0123456789_.") && !strings.Contains(s, "–") && !mixedScripts(s) {
		return false
	}
	start := true
	for i, r := range s {
		letter := unicode.IsLetter(r)
		if start && letter {
			for _, h := range messengerHints[unicode.ToLower(r)] {
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
	return strings.ContainsAny(s, "@＠﹫/\\") || spacedAt(s) ||
		strings.ContainsAny(s, "[(") && mayWordAt(s) && bracketedAt.MatchString(s)
}

// spacedAt reports whether s has a worded at between spaces (erlan at
// gmail.com, erlan AT mail DOT ru, erlan собака mail.ru).
func spacedAt(s string) bool {
	for _, w := range []string{" at ", " AT ", " At ", " собака ", " СОБАКА "} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// mayWordAt reports whether s has "at" or "собака" in any case.
func mayWordAt(s string) bool {
	for _, w := range []string{"at", "At", "aT", "AT", "собака", "Собака", "СОБАКА"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

var bracketedAt = regexp.MustCompile(`(?i)[\[(]\s*(?:at|собака)\s*[\])]`)

// hidden is what stands for anything the public may not see.
const hidden = "•••"

// contactInText finds an e-mail address however it is written
// (erlan@mail.ru, erlan @ mail . ru, erlan [at] mail [dot] ru, erlan
// собака mail.ru, erlan at gmail.com), a link to a chat or a profile, any
// URL, and a handle (@erlan_zh). Addresses are Latin: Cyrillic prose
// ("потерялась собака рыжая. Она") never reads as one.
var contactInText = regexp.MustCompile(
	`[A-Za-z0-9._%+\-]+\s*(?:[@＠﹫]|[\[(]\s*(?i:at|@|собака)\s*[\])])\s*[A-Za-z0-9\-]+(?:\s*(?:[.．]|[\[(]\s*(?i:dot|точка)\s*[\])])\s*[A-Za-z0-9\-]+)+` +
		`|[A-Za-z0-9._%+\-]+[@＠﹫][A-Za-z0-9\-]+` +
		`|[A-Za-z0-9._%+\-]+ (?:at|AT|At|собака|СОБАКА) [a-z0-9\-]+(?:(?:\.| dot | DOT | точка )[a-z]{2,6})+` +
		`|(?i:[a-z][a-z0-9+.\-]*://\S+)` +
		`|(?i:(?:www\.)?(?:t\.me|telegram\.(?:me|dog)|wa\.me|(?:api|chat)\.whatsapp\.com|instagram\.com|instagr\.am|instagram|vk\.(?:com|ru|cc)|facebook\.com|fb\.com|ok\.ru|tiktok\.com|youtube\.com|x\.com|twitter\.com|threads\.net|discord\.gg|bit\.ly|clck\.ru)\s*[/\\]\s*[^\s,;]+)` +
		`|[@＠﹫][\p{L}\p{N}_.]{3,}`)

// handleInText finds a handle written after the messenger's name
// (telegram: erlan_zh, тг erlan_zh, инст: erlan.zh, ник в телеге
// erlan_zh). Handles are Latin; after a colon any word of three letters
// is one (group 1), without it only one with a digit, a dot or an
// underscore (group 2): "via telegram yesterday" stays.
var handleInText = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:telegram|телеграмм?\p{L}*|телег\p{L}*|тг|tg|insta(?:gram)?|инст\p{L}*|ig|whats?app|ват?сап\p{L}*|вацап\p{L}*|вотсап\p{L}*|viber|вайбер\p{L}*|tiktok|тикток\p{L}*|vk|вк|ник|логин|username|skype|скайп\p{L}*|signal|discord|дискорд\p{L}*|facebook|фейсбук\p{L}*|fb|imo|wechat|snapchat)` +
	`(?:\s+в\s+\p{L}+)?(?:\s*[:\-–]\s*[@＠﹫]?\s*([A-Za-z0-9_.]{3,})|\s+[@＠﹫]?\s*([A-Za-z]*[0-9_.][A-Za-z0-9_.]*[A-Za-z0-9_]))`)

// handleAfterCyrillic finds a Latin word after a messenger's name written
// in Cyrillic (телеграм erlanzh, в инсте erlanzh, мой ник erlanzh): in
// Cyrillic text that word is the handle (group 1), whatever its letters.
// Not after "тг", which is also the tenge (5000 тг Kaspi).
var handleAfterCyrillic = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:телег\p{L}*|инст\p{L}*|ват?сап\p{L}*|вотсап\p{L}*|вацап\p{L}*|вайбер\p{L}*|тикток\p{L}*|скайп\p{L}*|дискорд\p{L}*|фейсбук\p{L}*|вк|ник|никнейм|логин)` +
	`(?:\s+в\s+\p{L}+)?\s*[:\-–]?\s*[@＠﹫]?\s*([A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9_])`)

// handleBeforeMessenger finds a handle written before the messenger's
// name (erlan_zh в телеге, erlan.zh (instagram), erlanzh в инсте): one
// with a digit, a dot or an underscore before any messenger's name
// (group 1), a Latin word of three letters or more before a Cyrillic one
// (group 2), as in handleAfterCyrillic.
var handleBeforeMessenger = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}_.@])(?:([A-Za-z][A-Za-z0-9_.]*[0-9_.][A-Za-z0-9_.]*[A-Za-z0-9_]|[A-Za-z][A-Za-z0-9_]*[0-9_])|([A-Za-z][A-Za-z0-9_]{2,}))` +
	`\s*(?:\(\s*|[-–—,:]\s*|\s+(?:в|во|на|in|on)\s+)?(?:(?:telegram|insta(?:gram)?|whats?app|viber|tiktok|skype|signal|discord|facebook|wechat|snapchat)(?:[^\p{L}]|$)|` +
	`(?:телег\p{L}*|инст\p{L}*|ват?сап\p{L}*|вотсап\p{L}*|вацап\p{L}*|вайбер\p{L}*|тикток\p{L}*|скайп\p{L}*|дискорд\p{L}*|фейсбук\p{L}*))`)

// hideHandleBefore hides handleBeforeMessenger's handles; a plain Latin
// word counts only before a Cyrillic messenger name (group 2 matched with
// a Latin name is English prose: "Erlan on telegram").
func hideHandleBefore(s string) string {
	var spans [][2]int
	for _, m := range handleBeforeMessenger.FindAllStringSubmatchIndex(s, -1) {
		switch {
		case m[2] >= 0:
			spans = append(spans, [2]int{m[2], m[3]})
		case m[4] >= 0 && strings.ContainsFunc(s[m[5]:m[1]], func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }):
			spans = append(spans, [2]int{m[4], m[5]})
		}
	}
	return replaceSpans(s, spans)
}

// spacedHandle is a handle with a space after the @ ("@ erlan_zh"): hidden
// when it has a digit or an underscore, so that "a cat @ home" stays.
var spacedHandle = regexp.MustCompile(`[@＠﹫]\s+([A-Za-z0-9_.]*[0-9_][A-Za-z0-9_.]*)`)

// mixedScripts reports whether s has both Latin and Cyrillic letters.
func mixedScripts(s string) bool {
	latin := strings.ContainsFunc(s, func(r rune) bool { return r < 0x80 && unicode.IsLetter(r) })
	return latin && strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) })
}

// hideGroups hides the groups of every match of re in s (the one of
// them that matched).
func hideGroups(s string, re *regexp.Regexp) string {
	var spans [][2]int
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		for g := 2; g+1 < len(m); g += 2 {
			if m[g] >= 0 {
				spans = append(spans, [2]int{m[g], m[g+1]})
			}
		}
	}
	return replaceSpans(s, spans)
}

// lookalikeDigits are the letters people (and scammers dodging a filter)
// type for digits: O for 0, I, l and | for 1, З for 3.
const lookalikeDigits = "OoОоIlІі|Зз"

// lookalikePhone is a run of digits and lookalike letters with the
// separators of a phone number between them (8 7OI I23 45 67).
var lookalikePhone = regexp.MustCompile(`[+＋]?[\p{N}OoОоIlІі|Зз](?:[\s\-.()/]*[\p{N}OoОоIlІі|Зз]){6,}`)

// hideLookalikePhones hides a phone number with lookalike letters for some
// digits: at least seven digits and lookalikes, four of them real digits,
// one lookalike at least (else it is HidePhones's). Lookalike letters a
// separator parts from the number at either end stay, so that "по 8 701…"
// keeps its "по".
func hideLookalikePhones(s string) string {
	if !strings.ContainsAny(s, lookalikeDigits) || !strings.ContainsFunc(s, unicode.IsNumber) {
		return s
	}
	return lookalikePhone.ReplaceAllStringFunc(s, func(m string) string {
		head, body, tail := trimLooseLetters(m)
		digits, likes := 0, 0
		for _, r := range body {
			switch {
			case unicode.IsNumber(r):
				digits++
			case strings.ContainsRune(lookalikeDigits, r):
				likes++
			}
		}
		if likes == 0 || digits < 4 || digits+likes < minPhoneDigits {
			return m
		}
		return head + hidden + tail
	})
}

// letterPartedPhone is a number whose digit groups a letter parts instead
// of a blank, or besides one (8701х123х4567, 8 701 x 123 x 45 x 67): a
// trick to pass a filter.
var letterPartedPhone = regexp.MustCompile(`[+＋]?\p{N}{1,7}(?:(?:[\s\-.()]*\p{L}[\s\-.()]*|[\s\-.()]+)\p{N}{1,7})+`)

// hideLetterPartedPhones hides a letter-parted run of ten digits or more,
// a whole number with its area code; a run of years (2010г2012г2015) stays.
func hideLetterPartedPhones(s string) string {
	if digits := 0; !strings.ContainsFunc(s, func(r rune) bool {
		if unicode.IsNumber(r) {
			digits++
		}
		return digits == 10
	}) || !letterBetweenDigits(s) {
		return s // fewer digits than a whole number has, or no letter parts them
	}
	return letterPartedPhone.ReplaceAllStringFunc(s, func(m string) string {
		pieces := strings.FieldsFunc(m, func(r rune) bool { return !unicode.IsNumber(r) })
		digits, years := 0, 0
		for _, p := range pieces {
			digits += utf8.RuneCountInString(p)
			if year.MatchString(p) {
				years++
			}
		}
		if digits < 10 || years == len(pieces) {
			return m
		}
		return hidden
	})
}

// letterBetweenDigits reports whether a lone letter stands between two
// digits, with only blanks and the separators of letterPartedPhone around
// it (8701х123, 701 x 123): letterPartedPhone's cheap first look.
func letterBetweenDigits(s string) bool {
	digit, letter := false, false // the last thing read was a digit; a digit then one letter
	for _, r := range s {
		switch {
		case unicode.IsNumber(r):
			if letter {
				return true
			}
			digit = true
		case unicode.IsLetter(r):
			letter, digit = digit, false
		case !unicode.IsSpace(r) && !strings.ContainsRune("-.()", r):
			digit, letter = false, false
		}
	}
	return false
}

// trimLooseLetters splits off the lookalike letters at either end of m
// that a separator parts from the number (the "о" of "по 8 701…"), with
// that separator.
func trimLooseLetters(m string) (head, body, tail string) {
	isSep := func(r rune) bool { return strings.ContainsRune("-.()/", r) || unicode.IsSpace(r) }
	words := strings.FieldsFunc(m, isSep)
	if len(words) < 2 {
		return "", m, ""
	}
	loose := func(w string) bool { return !strings.ContainsFunc(w, unicode.IsNumber) }
	body = m
	if first := words[0]; loose(first) {
		i := len(first)
		for i < len(body) && strings.ContainsRune(" -.()/", rune(body[i])) {
			i++
		}
		head, body = body[:i], body[i:]
	}
	if last := words[len(words)-1]; loose(last) {
		i := strings.LastIndex(body, last)
		for i > 0 && strings.ContainsRune(" -.()/", rune(body[i-1])) {
			i--
		}
		body, tail = body[:i], body[i:]
	}
	return head, body, tail
}
