package data

import (
	"regexp"
	"strings"
	"unicode"
)

// Handles written without the marks the patterns of contacts_handles.go
// wait for (an attacker's trial, 2026-12-07): a Latin text with nothing
// but a messenger's name before the handle (Telegram erlanzh, fb
// asemerm, His instagram is erlanzh), a Cyrillic handle (тг: ерлан_ж), a
// link typed with blanks (t.me erlanzh, vk . com / erlanzh), an @ parted
// from its handle (@ erlanzh, (at)erlanzh), a bare site (erlanzh.kz) and
// a profile's number (вк id12345).

// latinHandle is a Latin word after a messenger's name (group 1), with
// the English words that may stand between (His instagram is erlanzh).
// In English prose the word after a messenger's name is as often a word
// of the sentence (Erlan on telegram said …), so hideLatinHandles hides
// it only where it ends its clause and is no common word.
var latinHandle = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(` + latinMessengers + `|tg|tlg|fb|ig|vk|imo)` +
	`(?:\s+(?:is|was|handle|name|username|nick|account|page|profile|id))*\s*(?:[:\-–—=]\s*)?\s[@＠]?\s*([A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9_])`)

// commonLatinWords follow a messenger's name in English prose, and in
// Russian and Kazakh typed in Latin letters: never a handle.
var commonLatinWords = wordSet(`today yesterday tomorrow tonight now too also only then again please pls asap daily often
	mostly usually always never sometimes chat chats group groups channel channels account accounts page profile message
	messages call calls video voice app number status stories story post posts is was are were be been said says and or
	but to for with from at on in by of the a an if as so he she they we it its his her him them us me my your our their
	this that there here not no yes ok okay all any every some same web desktop mobile phone first last name handle
	username nick id home work group kanal gruppa est net tozhe bar zhok dm directly private down up broken blocked
	hacked deleted closed open active inactive offline online working public new old gone lost dead
	nothing anything something anywhere everywhere nowhere news silent quiet completely either neither since until
	unavailable unreachable disconnected off none more less much many still yet already`)

// handleFollowers may follow a handle in its clause: another messenger,
// or a conjunction (Telegram erlanzh or WhatsApp …).
var handleFollowers = regexp.MustCompile(`(?i)^\s*(?:$|[,;.!?)\n]|(?:or|and|или|и|немесе|` + latinMessengers + `|tg|fb|ig|vk)(?:[^\p{L}]|$))`)

// hideLatinHandles hides latinHandle's handles that end their clause, or
// follow a separator, and are no common word; not a sum's "tg" (5000 tg).
func hideLatinHandles(s string) string {
	var spans [][2]int
	for _, m := range latinHandle.FindAllStringSubmatchIndex(s, -1) {
		handle, lead := s[m[4]:m[5]], s[m[3]:m[4]]
		if commonLatinWords[strings.ToLower(handle)] || notHandles.MatchString(handle) || sumBefore(s, m[2]) {
			continue
		}
		if strings.ContainsAny(lead, ":-–—=") || handleFollowers.MatchString(s[m[5]:]) {
			spans = append(spans, [2]int{m[4], m[5]})
		}
	}
	return replaceSpans(s, spans)
}

// sumBefore reports whether a number stands right before position i (5000
// tg: the tenge).
func sumBefore(s string, i int) bool {
	before := strings.TrimRight(s[:i], " ")
	return before != "" && strings.ContainsRune("0123456789", rune(before[len(before)-1]))
}

// cyrillicHandle is a word with a Cyrillic letter after a messenger's
// name (group 1; тг: ерлан_ж, скайп: ерланжумабаев): hideCyrillicHandles
// wants a separator between them, and a mark of a handle (a digit, an
// underscore, an inner dot) or a lone lower-case word.
var cyrillicHandle = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(` + latinMessengers + `|` + cyrillicMessengers + `|` + shortMessengers + `|` + nickWords + `)` +
	`[\s:\-–—=>→]*[@＠]?\s*([\p{L}\p{N}_.]*\p{Cyrillic}[\p{L}\p{N}_.]*[\p{L}\p{N}_])`)

// notCyrillicHandles are the words that answer "тг:" in a form: none,
// the same, yes.
var notCyrillicHandles = wordSet(`нет нету есть да не жоқ бар тот такой такая тоже сол иә ия один нөмір номер`)

// russianInflected are the endings of Russian verbs and adjectives: a
// word after "WhatsApp:" that ends so is an answer (отвечает,
// заблокирован, удалён), not a name typed as a handle (ерланжумабаев).
var russianInflected = regexp.MustCompile(`(?:ите|ете|ает|яет|ует|ит|ют|ят|ать|ять|ить|еть|уть|ся|сь|ый|ий|ая|яя|ое|ее|ого|ован|ована|ен|ён|ено|ена)$`)

func hideCyrillicHandles(s string) string {
	var spans [][2]int
	for _, m := range cyrillicHandle.FindAllStringSubmatchIndex(s, -1) {
		h := s[m[4]:m[5]]
		if !strings.ContainsAny(s[m[2]:m[4]], ":-–—=>→") {
			continue
		}
		marked := strings.ContainsAny(strings.Trim(h, "."), "_.") || strings.ContainsFunc(h, unicode.IsDigit)
		lone := !startsUpper(h) && !notCyrillicHandles[strings.ToLower(h)] && !russianInflected.MatchString(h) && handleFollowers.MatchString(s[m[5]:])
		if marked || lone {
			spans = append(spans, [2]int{m[4], m[5]})
		}
	}
	return replaceSpans(s, spans)
}

// spacedLink is a link to a profile typed with blanks for its dots or
// around its slash (t.me erlanzh, t me/erlanzh, instagram com/erlanzh,
// vk . com / erlanzh): hidden whole when a dot or a slash is left in it.
var spacedLink = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])((?:t|telegram|instagram|insta|vk|facebook|fb|tiktok|youtube|twitter|x|ok|wa)` +
	`(\s*[.．]\s*|\s+)(?:me|com|ru|dog|cc)(\s*[/\\]\s*|\s+)[@＠]?([A-Za-z0-9_.]*[A-Za-z0-9_]))`)

func hideSpacedLinks(s string) string {
	var spans [][2]int
	for _, m := range spacedLink.FindAllStringSubmatchIndex(s, -1) {
		dot, slash := strings.TrimSpace(s[m[4]:m[5]]) != "", strings.TrimSpace(s[m[6]:m[7]]) != ""
		host := strings.ToLower(strings.TrimSpace(s[m[2]:m[4]]))
		// blanks alone (t me erlanzh, vk com erlanzh: an attacker's trial,
		// 2026-12-07) where the host is no English word (x, ok)
		blanks := !dot && !slash && host != "x" && host != "ok"
		if (dot || slash || blanks) && (slash || !commonLatinWords[strings.ToLower(s[m[8]:m[9]])]) {
			spans = append(spans, [2]int{m[2], m[3]})
		}
	}
	return replaceSpans(s, spans)
}

// partedAt is an @ with a blank after it, or a bracketed at, before a
// Latin word (@ erlanzh, (at)erlanzh): group 1 is what comes before the
// @, group 2 the handle.
var partedAt = regexp.MustCompile(`(?i)(\S*)\s*(?:[@＠﹫]\s+|[\[({<]\s*(?:at|@)\s*[\])}>]\s*)([A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9_])`)

// hideAtParted hides partedAt's handle but after a Latin word: "a cat @
// home" is English shorthand, "пишите @ erlanzh" is not.
func hideAtParted(s string) string {
	var spans [][2]int
	for _, m := range partedAt.FindAllStringSubmatchIndex(s, -1) {
		before, at := s[m[2]:m[3]], s[m[3]:m[4]]
		bracketed := strings.ContainsAny(at, "[({<")
		if bracketed || !strings.ContainsFunc(before, isLatinLetter) && !commonLatinWords[strings.ToLower(s[m[4]:m[5]])] {
			spans = append(spans, [2]int{m[4], m[5]})
		}
	}
	return replaceSpans(s, spans)
}

// bareSite is a site's name with its domain and nothing else (erlanzh.kz):
// a person's own site or a page to write to.
// A site's subdomains come along (www.pomosh-semyam.net: an attacker's
// trial, 2026-12-07, found it shown); the label before the domain names
// the site (group 2).
var bareSite = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}@._\-/])((?:[a-z0-9][a-z0-9_\-]*\.)*([a-z0-9][a-z0-9_\-]{2,})\.` + siteDomains + `)(?:$|[^\p{L}\p{N}.\-_@/]|\.(?:$|[^\p{L}\p{N}]))`)

// siteDomains are the top-level domains a bare site's name ends with.
const siteDomains = `(?:kz|ru|com|net|org|me|io|info|su|ua|by|uz|kg|tj|am|az|ge|site|online|store|shop|xyz|biz|pro|top|club|link|click|app|cc|pw|ws|tk)`

// wordedSite is a site whose dot is written in brackets or as a word
// (scam[.]com, scam(.)com, scam dot com, скам точка ком: the same
// trial), hidden whole (group 1).
var wordedSite = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}_.@])((?:www\s*(?:\[\.\]|\(\.\)|\.|\s(?:dot|точка|нүкте)\s)\s*)?[a-z0-9][a-z0-9_\-]{2,}\s*(?:\[\.\]|\(\.\)|\[dot\]|\(dot\)|\s(?:dot|точка|нүкте)\s)\s*` + siteDomains + `)(?:$|[^\p{L}\p{N}])`)

// wordedSiteHints are what a text must hold for wordedSite to match.
var wordedSiteHints = []string{"[.]", "(.)", "[dot]", "(dot)", " dot ", " DOT ", " Dot ", "точка", "Точка", "ТОЧКА", "нүкте", "Нүкте"}

// bareHandle is a Latin word joined by underscores (baur_zh, aigul_99),
// as messengers' user names are: nobody's name is written so, and a trial
// found it shown (group 1). Not a hashtag (#поиск_людей), Cyrillic words
// (Пропавший_без_вести) or a file's name (IMG_2034.jpg).
var bareHandle = regexp.MustCompile(`(?:^|[^\p{L}\p{N}_.@#])([A-Za-z0-9]+(?:_+[A-Za-z0-9]+)+_*)(?:$|[^\p{L}\p{N}_@.]|\.(?:$|[^\p{L}\p{N}]))`)

// knownSites are the services, shops and news sites people name in a
// description (видели объявление на olx.kz, по данным tengrinews.kz).
var knownSites = wordSet(`kaspi olx mail gmail yandex ya google egov gov akorda krisha kolesa halyk halykbank jusan forte homebank
	instagram facebook vk ok twitter tiktok youtube telegram whatsapp wikipedia tengrinews nur zakon informburo vlast kursiv
	inbusiness sputnik khabar kazpost qazpost beeline kcell activ tele2 altel airastana flyarystan wildberries ozon lamoda
	aliexpress police mvd emer 2gis hh enbek kazinform orda azattyq bnews ktk baribar`)

func hideBareSites(s string) string {
	var spans [][2]int
	for _, m := range bareSite.FindAllStringSubmatchIndex(s, -1) {
		if label := s[m[4]:m[5]]; !knownSites[strings.ToLower(label)] {
			spans = append(spans, [2]int{m[2], m[3]})
		}
	}
	return replaceSpans(s, spans)
}

// profileNumber is a profile's number on a network (вк id12345).
var profileNumber = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(id\s?\d{3,})(?:[^\p{L}\p{N}]|$)`)

// quotedHandle is a Latin word in quotes or brackets right after a
// messenger's name (телеграм «erlanzh», Telegram (erlanzh)), and
// namedHandle a Latin word that Kazakh names with деп / деген in a text
// that names a messenger (erlanzh деп телеграмнан іздеңіз), in lower case
// or with a digit or a mark (Almaty деп айтты is a place): group 1 each.
// An attacker's trial, 2026-12-07, found both shown.
var (
	quotedHandle = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:` + latinMessengers + `|` + cyrillicMessengers + `|tg|тг|вк|vk|fb|фб)\s*[:\-–—]?\s*[«"“'(\[]\s*[@＠]?([A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9_])\s*[»"”')\]]`)
	namedHandle  = regexp.MustCompile(`(?:^|[^\p{L}\p{N}_.@])[@＠]?([a-z][A-Za-z0-9_.]*[A-Za-z0-9_]|[A-Za-z][A-Za-z0-9_.]*[0-9_.][A-Za-z0-9_.]*[A-Za-z0-9_])\s+(?:деп|деген)(?:[^\p{L}]|$)`)
	// namedAccount is a capitalised Latin word that деп / деген names
	// as an account (Erlanzh деген атпен, Aigerim деп телеграмнан
	// іздеңіз): an account's word or a messenger's name follows, at most
	// a word between; a trial (2026-12-07) found it shown. Before a verb
	// of saying it is a place or a name (Almaty деп айтты) and stays.
	namedAccount = regexp.MustCompile(`(?:^|[^\p{L}\p{N}_.@])[@＠]?([A-Z][A-Za-z0-9]{2,})\s+(?:деп|деген)\s+(?:\p{L}+\s+)?` +
		`(?i:атпен|атымен|аккаунт|парақша|ник|логин|профил|канал|username|nick|account|` + cyrillicMessengers + `|` + latinMessengers + `|тг|вк|tg|vk)`)
)

// hideLooseHandles runs the rules above, each on the texts that may hold
// its contact.
func hideLooseHandles(s string) string {
	if wordStartsWith(s, messengerHints) {
		s = hideGroups(hideGroups(hideGroups(hideGroups(hideCyrillicHandles(hideLatinHandles(s)), profileNumber), quotedHandle), namedHandle), namedAccount)
	}
	if strings.ContainsAny(s, "@＠﹫") || strings.Contains(s, "at") || strings.Contains(s, "AT") {
		s = hideAtParted(s)
	}
	if strings.Contains(s, ".") {
		s = hideBareSites(s)
	}
	if containsAny(s, wordedSiteHints) {
		s = hideGroups(s, wordedSite)
	}
	if strings.Contains(s, "_") {
		s = hideGroups(s, bareHandle)
	}
	if wordStartsWith(s, linkHints) {
		s = hideSpacedMailboxes(hideSpacedLinks(s))
	}
	return s
}

// spacedMailbox is a mailbox typed with blanks for its @ and its dot
// (erlanzh gmail com, erlanzh mail ru: an attacker's trial, 2026-12-07),
// hidden whole (group 1).
var spacedMailbox = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}_.@])((?:[a-z0-9_.]*[0-9_.][a-z0-9_.]*|[a-z][a-z0-9]{3,})\s+` +
	`(?:gmail|mail|yandex|inbox|bk|list|icloud|outlook|hotmail|yahoo|rambler)\s+(?:com|ru|kz))(?:$|[^\p{L}\p{N}])`)

// hideSpacedMailboxes hides spacedMailbox's mailboxes but after an English
// word (sent from gmail com).
func hideSpacedMailboxes(s string) string {
	var spans [][2]int
	for _, m := range spacedMailbox.FindAllStringSubmatchIndex(s, -1) {
		if name := strings.Fields(s[m[2]:m[3]])[0]; !commonLatinWords[strings.ToLower(name)] {
			spans = append(spans, [2]int{m[2], m[3]})
		}
	}
	return replaceSpans(s, spans)
}

// linkHints are the endings of the links spacedLink knows.
var linkHints = hintIndex(`me com ru dog cc kz`)

// containsAny reports whether s holds one of subs.
func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
