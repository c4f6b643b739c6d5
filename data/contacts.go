package data

import (
	"regexp"
	"strings"
	"unicode"
)

// HideContacts is what the public sees of free text (names, places,
// descriptions, notes): phone numbers, e-mail addresses, messenger handles
// and chat links, and the house and flat numbers of a street address are
// hidden. The form asks people not to write them, but frightened people
// write "звоните 8 701…, тг: erlan_zh, Абая 10-5" anyway; a scammer
// reading the page must find none of it. Dates, ages, years and counts
// stay: the day someone was last seen matters on the page.
func HideContacts(s string) string {
	s = HidePhones(hideLookalikePhones(s))
	if mayHoldAddress(s) {
		s = contactInText.ReplaceAllString(s, hidden)
		s = hideGroups(s, spacedHandle)
	}
	if mayNameMessenger(s) {
		s = hideGroups(hideGroups(s, handleInText), handleAfterCyrillic)
	}
	return hideHouseNumbers(s)
}

// messengerHints are the starts of the messenger names handleInText
// knows: a string without any of them is not run through it (a search
// answer hides contacts in some eighty fields; the pattern was two thirds
// of that time).
var messengerHints = []string{"tele", "тел", "тг", "tg", "inst", "инст", "ig", "what", "ват", "вас", "вац", "viber", "вайб", "tiktok", "тикт", "vk", "вк", "ник", "логин", "user"}

func mayNameMessenger(s string) bool {
	// its handle follows a separator or has a digit, a dot or an underscore
	// or is a Latin word in Cyrillic text
	if !strings.ContainsAny(s, ":-0123456789_.") && !strings.Contains(s, "–") && !mixedScripts(s) {
		return false
	}
	l := strings.ToLower(s)
	for _, h := range messengerHints {
		if strings.Contains(l, h) {
			return true
		}
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
var handleInText = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:telegram|телеграмм?\p{L}*|телег\p{L}*|тг|tg|insta(?:gram)?|инст\p{L}*|ig|whats?app|ват?сап\p{L}*|вацап\p{L}*|viber|вайбер\p{L}*|tiktok|тикток\p{L}*|vk|вк|ник|логин|username)` +
	`(?:\s+в\s+\p{L}+)?(?:\s*[:\-–]\s*[@＠﹫]?\s*([A-Za-z0-9_.]{3,})|\s+[@＠﹫]?\s*([A-Za-z]*[0-9_.][A-Za-z0-9_.]*[A-Za-z0-9_]))`)

// handleAfterCyrillic finds a Latin word after a messenger's name written
// in Cyrillic (телеграм erlanzh, в инсте erlanzh, мой ник erlanzh): in
// Cyrillic text that word is the handle (group 1), whatever its letters.
// Not after "тг", which is also the tenge (5000 тг Kaspi).
var handleAfterCyrillic = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:телег\p{L}*|инст\p{L}*|ват?сап\p{L}*|вотсап\p{L}*|вацап\p{L}*|вайбер\p{L}*|тикток\p{L}*|вк|ник|никнейм|логин)` +
	`(?:\s+в\s+\p{L}+)?\s*[:\-–]?\s*[@＠﹫]?\s*([A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9_])`)

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
