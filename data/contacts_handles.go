package data

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The messenger handles written in free text: after the messenger's name,
// before it, after тг; hidden by their groups (hideGroups), never a
// messenger's or a brand's name.

// The messengers' names, in one place for the handle patterns: Latin
// names long enough to stand for themselves, Cyrillic ones with their
// endings, and the short ones (тг, вк, fb) that need a separator or "в".
const (
	latinMessengers    = `telegram|telega|inst(?:a(?:gram)?)?|whats?app|whatsup|viber|tik ?tok|skype|signal|discord|facebook|wechat|snap(?:chat)?|twitter|threads|odnoklassniki`
	cyrillicMessengers = `телег\p{L}*|инст(?:аграмм?\p{L}{0,5}|\p{L}{0,3})(?:[^\p{L}]|$)|ват?сап\p{L}*|ватцап\p{L}*|вацап\p{L}*|вотсап\p{L}*|вайбер\p{L}*|вибер\p{L}*|тик ?ток\p{L}*|скайп\p{L}*|дискорд\p{L}*|фейсбук\p{L}*|твиттер\p{L}*|снапчат\p{L}*|вичат\p{L}*|вконтакт\p{L}*|одноклассник\p{L}*|снап\p{L}*|ютуб\p{L}*|тредс\p{L}*|тлг`
	shortMessengers    = `тг|tg|tlg|вк|vk|ig|fb|фб|imo`
	nickWords          = `ник(?:у|а|ом|и)?|никнейм\p{L}*|логин\p{L}*|username|user|юзер\p{L}*`
	// mailWords name a mailbox whose name follows (почта: erlan.zhumabaev,
	// E-mail: erlan_zh85, ящик на мейле: erlan85): attacker trial,
	// 2026-12-07. Latin ones only before a separator or a handle.
	latinMailWords    = `e-?mail|mail`
	cyrillicMailWords = `почт\p{L}*|ящик\p{L}*|пошта\p{L}*|имейл\p{L}*|емейл\p{L}*|электрон\p{L}*|мейл\p{L}*|майл\p{L}*`
	// handleFillers may stand between a messenger's name and its handle
	// (в инсте как erlan.zh, мой ник везде erlan_zh1985), and the verbs
	// of "write to" (телеграмға жазыңыз erlan_zh: an attacker's trial,
	// 2026-12-07).
	handleFillers = `как|под|ником|это|там|везде|тоже|есть|меня|его|её|ее|можно|найти|ищите|адрес|адресом|арқылы|парақшасы|парақшам|аккаунт|аккаунты|` +
		`пишите|напишите|пиши|жаз\p{L}*|хабарлас\p{L}*|іздеңіз|по`
	// handleSeparator is what people put between a messenger's name and
	// its handle: a colon, a dash, an arrow, an emoji (тг 👉 erlanzh).
	handleSeparator = `[:\-–—=>→]|\p{So}|\x{FE0F}`
)

// handleInText finds a handle written after the messenger's name
// (telegram: erlan_zh, тг erlan_zh, инст: erlan.zh, ник в телеге
// erlan_zh). Handles are Latin; after a colon or a dash any word with a
// letter is one (group 1), without it only one with a digit, a dot or an
// underscore (group 2): "via telegram yesterday" and "signal 3.5 km" stay.
var handleInText = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:` + latinMessengers + `|` + cyrillicMessengers + `|` + shortMessengers + `|` + nickWords +
	`|` + latinMailWords + `|` + cyrillicMailWords + `)` +
	`(?:\s+(?:в|на)\s+\p{L}+)?(?:\s*(?:` + handleSeparator + `)+\s*[@＠﹫]?\s*([A-Za-z0-9_.]*[A-Za-z][A-Za-z0-9_.]*(?:#[0-9]+)?)|\s+[@＠﹫]?\s*([A-Za-z][A-Za-z0-9]*[0-9_.#][A-Za-z0-9_.#]*[A-Za-z0-9_]))`)

// handleAfterCyrillic finds a Latin word after a messenger's name written
// in Cyrillic (телеграм erlanzh, в инсте erlanzh, мой ник erlanzh): in
// Cyrillic text that word is the handle (group 1), whatever its letters.
// Not after "тг", which is also the tenge (5000 тг Kaspi).
var handleAfterCyrillic = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:` + cyrillicMessengers + `|вк|фб|` + nickWords + `|` + cyrillicMailWords + `)` +
	`(?:\s+(?:в|на)\s+\p{L}+(?:\s|` + handleSeparator + `)+)?(?:\s*(?:` + handleFillers + `)(?:\s|` + handleSeparator + `)+){0,4}\s*(?:` + handleSeparator + `)*\s*[@＠﹫]?\s*([A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9_])`)

// handleAfterLatin is a Latin word after a messenger's Latin name (group
// 1): hideHandleAfterLatin hides it when a Cyrillic word comes before the
// name (Жумабаев Ерлан telegram erlanzh), as handleAfterCyrillic does;
// English prose keeps it ("Erlan on telegram said he is fine").
var handleAfterLatin = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:` + latinMessengers + `|` + latinMailWords + `)\s+[@＠﹫]?([A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9_])`)

func hideHandleAfterLatin(s string) string {
	cyrillic := func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }
	if !strings.ContainsFunc(s, cyrillic) {
		return s
	}
	var spans [][2]int
	for _, m := range handleAfterLatin.FindAllStringSubmatchIndex(s, -1) {
		before := strings.Fields(s[:m[0]])
		if len(before) > 0 && strings.ContainsFunc(before[len(before)-1], cyrillic) && !notHandles.MatchString(s[m[2]:m[3]]) {
			spans = append(spans, [2]int{m[2], m[3]})
		}
	}
	return replaceSpans(s, spans)
}

// handleBeforeMessenger finds a handle written before the messenger's
// name (erlan_zh в телеге, erlan.zh (instagram), erlanzh в инсте, erlanzh
// в тг): one with a digit, a dot or an underscore before any messenger's
// name (group 1), a Latin word of three letters or more before a Cyrillic
// one (group 2), as in handleAfterCyrillic.
var handleBeforeMessenger = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}_.@])(?:([A-Za-z][A-Za-z0-9_.]*[0-9_.][A-Za-z0-9_.]*[A-Za-z0-9_]|[A-Za-z][A-Za-z0-9_]*[0-9_])|([A-Za-z][A-Za-z0-9_]{2,}))` +
	`(?:\s*(?:\(\s*|[-–—,:]\s*|\s+(?:в|во|на|in|on)\s+)?(?:(?:` + latinMessengers + `)(?:[^\p{L}]|$)|(?:` + cyrillicMessengers + `))` +
	`|\s+(?:в|на)\s+(?:` + shortMessengers + `)(?:[^\p{L}]|$))`)

// handleAfterTg is a Latin word after "тг" with no separator (тг erlanzh,
// в тг erlanzh): group 2, after what precedes тг (group 1). тг is also the tenge, so hideHandleAfterTg
// leaves it when a number comes just before (5000 тг Kaspi).
var handleAfterTg = regexp.MustCompile(`(?i)(^|[^\p{L}\p{N}])тг\s+[@＠﹫]?\s*([A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9_])`)

func hideHandleAfterTg(s string) string {
	var spans [][2]int
	for _, m := range handleAfterTg.FindAllStringSubmatchIndex(s, -1) {
		if r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s[:m[3]], " ")); unicode.IsNumber(r) {
			continue // 5000 тг Kaspi: a sum
		}
		if !notHandles.MatchString(s[m[4]:m[5]]) {
			spans = append(spans, [2]int{m[4], m[5]})
		}
	}
	return replaceSpans(s, spans)
}

// notHandles are Latin words written next to a messenger's name that are
// no one's handle: the messengers themselves (WhatsApp, телеграм) and the
// brands people name with them (перевод на Kaspi в телеге).
var notHandles = regexp.MustCompile(`(?i)^(?:` + latinMessengers + `|` + shortMessengers + `|kaspi|halyk|iphone|android|olx|google|youtube|gmail|mail|sms)$`)

// hideHandleBefore hides handleBeforeMessenger's handles; a plain Latin
// word counts only before a Cyrillic messenger name (group 2 matched with
// a Latin name is English prose: "Erlan on telegram").
func hideHandleBefore(s string) string {
	var spans [][2]int
	for _, m := range handleBeforeMessenger.FindAllStringSubmatchIndex(s, -1) {
		switch {
		case m[2] >= 0 && !notHandles.MatchString(s[m[2]:m[3]]):
			spans = append(spans, [2]int{m[2], m[3]})
		case m[4] >= 0 && !notHandles.MatchString(s[m[4]:m[5]]) &&
			strings.ContainsFunc(s[m[5]:m[1]], func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }):
			spans = append(spans, [2]int{m[4], m[5]})
		}
	}
	return replaceSpans(s, spans)
}

// spacedHandle is a handle with a space after the @ ("@ erlan_zh"): hidden
// when it has a digit or an underscore, so that "a cat @ home" stays.
var spacedHandle = regexp.MustCompile(`[@＠﹫]\s+([A-Za-z0-9_.]*[0-9_][A-Za-z0-9_.]*)`)

// hideGroups hides the groups of every match of re in s (the one of
// them that matched), but a messenger's or a brand's name (notHandles).
func hideGroups(s string, re *regexp.Regexp) string {
	var spans [][2]int
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		for g := 2; g+1 < len(m); g += 2 {
			// an English word is no handle: "Telegram: nothing since Jan 5",
			// "Instagram - no news" (an attacker's trial, 2026-12-07)
			if m[g] >= 0 && !notHandles.MatchString(s[m[g]:m[g+1]]) && !commonLatinWords[strings.ToLower(s[m[g]:m[g+1]])] {
				spans = append(spans, [2]int{m[g], m[g+1]})
			}
		}
	}
	return replaceSpans(s, spans)
}
