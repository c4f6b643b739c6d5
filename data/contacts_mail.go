package data

import (
	"strings"
	"unicode"
)

// mailProviders are the mail services people name in words instead of
// writing an address (erlan_zh на mail.ru, erlan1985 майл ру, erlan
// собака джимейл точка ком), as they spell them. Distinctive names stand
// alone; plainMailProviders are ordinary words ("mail", "list", "ya")
// until a domain follows them.
var (
	mailProviders = wordSet(`gmail googlemail yandex icloud outlook hotmail yahoo rambler protonmail proton ukr mailru
		джимейл джимэйл джимеил джимаил гмейл гмайл гмаил гмэйл жимейл жмейл яндекс рамблер аутлук хотмейл айклауд иклауд яху протон
		майл мейл мэйл маил майлру мейлру`)
	plainMailProviders = wordSet(`mail list inbox bk ya me инбокс лист бк я`)
	mailDomainEnds     = wordSet(`ru com kz net ua by org me ру ком кз нет`)
	mailDots           = wordSet(`точка тчк dot point нүкте`)
	// mailAts stand for @ between a mailbox's name and its provider.
	mailAts = wordSet(`at собака собачка эт ат sobaka sobachka айқұлақ`)
	// weakMailAts are words of every sentence too (на mail.ru: "to";
	// в, ит): only a name that cannot be a word makes them an @.
	weakMailAts = wordSet(`на в ит na v on`)
)

// mailHints are the starts of the providers' names (mayNameMessenger's way).
var mailHints = hintIndex(`gmail googlemail yandex icloud outlook hotmail yahoo rambler proton ukr mail list inbox bk ya me
	джимейл джимэйл джимеил джимаил гмейл гмайл гмаил гмэйл жимейл жмейл яндекс рамблер аутлук хотмейл айклауд иклауд яху протон
	майл мейл мэйл маил инбокс лист бк я`)

// hideWordedMail hides an e-mail address whose provider is named in words,
// with the mailbox's name before it (after a worded @, or right before),
// or after it: the handle patterns need an @, a link or a messenger's
// name, and this has none. A sentence's punctuation ends an address, so
// "Пропала собака. Яндекс курьер видел её" stays.
func hideWordedMail(s string) string {
	if !wordStartsWith(s, mailHints) && !mixedScripts(s) { // gmаil with a Cyrillic а starts like no hint
		return s
	}
	m := mailText{s: s, toks: mailTokens(s)}
	var spans [][2]int
	for i := range m.toks {
		if m.gluedAddress(i) { // erlan85.mail.ru, erlan_mail.ru: the @ typed as a dot
			spans = append(spans, m.toks[i])
			continue
		}
		if start, end, ok := m.labelledMailbox(i); ok {
			spans = append(spans, [2]int{m.toks[start][0], m.toks[end][1]})
			continue
		}
		end, domain, ok := m.providerAt(i)
		if !ok {
			continue
		}
		if start, end := m.mailbox(i, end, domain); start >= 0 {
			spans = append(spans, [2]int{m.toks[start][0], m.toks[end][1]})
		}
	}
	return replaceSpans(s, mergeSpans(spans))
}

// mailText is a text and its words, as hideWordedMail reads them.
type mailText struct {
	s    string
	toks [][2]int
}

func (m mailText) raw(i int) string  { return m.s[m.toks[i][0]:m.toks[i][1]] }
func (m mailText) word(i int) string { return readAsLatin(strings.ToLower(m.raw(i))) }

// cyrillicAsLatin reads lookalikePairs the other way: the Cyrillic letters
// drawn as Latin ones.
var cyrillicAsLatin = func() *strings.Replacer {
	pairs := strings.Fields(lookalikePairs)
	for i := 0; i+1 < len(pairs); i += 2 {
		pairs[i], pairs[i+1] = pairs[i+1], pairs[i]
	}
	return strings.NewReplacer(pairs...)
}()

// readAsLatin reads a word that mixes Latin and Cyrillic letters as Latin:
// gmаil with a Cyrillic а is gmail (a second trial, 2026-12-07).
func readAsLatin(w string) string {
	if !mixedScripts(w) {
		return w
	}
	return cyrillicAsLatin.Replace(w)
}

// between is what separates words i and i+1.
func (m mailText) between(i int) string { return m.s[m.toks[i][1]:m.toks[i+1][0]] }

// joined reports whether words i and i+1 belong to one phrase: no
// sentence's punctuation between them.
func (m mailText) joined(i int) bool { return !strings.ContainsAny(m.between(i), ".,;:!?\n") }

// mailbox finds the mailbox's name of the provider at i (its domain ending
// at end): the span to hide, or start -1.
func (m mailText) mailbox(i, end int, domain bool) (start, last int) {
	lowerProvider := m.raw(i) == m.word(i)
	// a name in Cyrillic with a digit (ВАЗ-2109 на яндекс такси) is a
	// mailbox only before a domain
	handle := func(j int) bool {
		return mailHandle(m.raw(j)) && (domain || strings.ContainsFunc(m.raw(j), isLatinLetter))
	}
	switch {
	case i >= 1 && strings.ContainsAny(m.between(i-1), "@＠"):
		return m.withWordBefore(m.nameStart(i - 1)), end // erlan @ mail ru
	case i >= 3 && m.word(i-2) == "ит" && m.word(i-1) == "белгісі" && m.joined(i-3) && (handle(i-3) || m.lowerWord(i-3)):
		return m.nameStart(i - 3), end // erlan ит белгісі mail ru: Kazakh "the dog sign"
	case i >= 2 && m.joined(i-2) && m.joined(i-1) && (mailAts[m.word(i-1)] || weakMailAts[m.word(i-1)]) &&
		(handle(i-2) || !weakMailAts[m.word(i-1)] && (domain || lowerProvider) && m.lowerWord(i-2)):
		start := m.nameStart(i - 2)
		if mailAts[m.word(i-1)] {
			start = m.withWordBefore(start)
		}
		return start, end // erlan собака джимейл, erlan_zh на mail.ru
	case i >= 1 && m.joined(i-1) && handle(i-1):
		return m.nameStart(i - 1), end // erlan1985 майл ру
	case end+1 < len(m.toks) && strings.ContainsAny(m.between(end), ":-–—") && handle(end+1):
		return i, end + 1 // gmail: erlan.zh
	case end+1 < len(m.toks) && strings.TrimSpace(m.between(end)) == "" && handle(end+1) && (domain || m.distinctive(i)):
		return i, end + 1 // mail.ru erlan85, почта gmail erlan1985
	case i >= 2 && m.joined(i-2) && m.joined(i-1) && mailLabels[m.word(i-1)] && handle(i-2):
		return m.nameStart(i - 2), end // zhanna88 (почта яндекс)
	}
	return -1, 0
}

// nameStart is the first word of a mailbox's name whose last word is j:
// a name spelled out with its dots (erlan dot zh, erlan точка zh,
// erlan . zh) is hidden whole, not only its last part.
func (m mailText) nameStart(j int) int {
	for {
		switch {
		case j >= 2 && mailDots[m.word(j-1)] && m.joined(j-2) && m.joined(j-1) && m.lowerWord(j-2):
			j -= 2
		case j >= 1 && strings.Contains("._", strings.TrimSpace(m.between(j-1))) && strings.TrimSpace(m.between(j-1)) != "" &&
			m.lowerWord(j-1):
			j--
		default:
			return j
		}
	}
}

// mailLabels are the words for a mailbox between its name and its
// provider (zhanna88 (почта яндекс), erlan85 e-mail gmail).
var mailLabels = wordSet(`почта почте почту ящик email e-mail mail пошта`)

// distinctive reports whether the provider at i names a mail service
// alone (gmail, яндекс), not a word of every sentence (mail, list).
func (m mailText) distinctive(i int) bool {
	base, _, _ := strings.Cut(m.word(i), ".")
	return mailProviders[base]
}

// mailLeadWords lead up to an address; they are no part of its name.
var mailLeadWords = wordSet(`to me my at is or and the a an by via on in for from with write email e-mail mail contact address
	his her their him them us our your you reach message text pishite pishi napishite`)

// withWordBefore takes into a mailbox's name, found before an @ or a
// strong worded at, the plain lower-case Latin word right before it:
// "erlan zhumabaev at gmail" is erlanzhumabaev or erlan.zhumabaev written
// apart, and hiding only zhumabaev left half of it (a second trial,
// 2026-12-07). One word, not a sentence's: "write to" stays.
func (m mailText) withWordBefore(start int) int {
	j := start - 1
	if j < 0 || m.between(j) != " " || !m.lowerWord(j) || mailLeadWords[m.word(j)] ||
		strings.ContainsFunc(m.raw(j), func(r rune) bool { return !isLatinLetter(r) }) {
		return start
	}
	return j
}

// lowerWord reports whether word j is written in lower case: after a
// strong @ (собака, at) and a provider that reads as an address (a domain,
// or written in lower case) it is the mailbox's name (erlan собака
// джимейл); not "He works at Yandex", nor "с ней собака Yandex".
func (m mailText) lowerWord(j int) bool {
	return m.raw(j) == m.word(j) && strings.ContainsFunc(m.raw(j), unicode.IsLetter)
}

// providerAt reports whether the words from i name a mail provider, with
// the last word of its domain (mail.ru, майл ру, джимейл точка ком) and
// whether one was given.
func (m mailText) providerAt(i int) (end int, domain, ok bool) {
	base, dom, glued := strings.Cut(m.word(i), ".")
	plain := plainMailProviders[base]
	if glued && !mailDomainEnds[dom] || !mailProviders[base] && !plain {
		return 0, false, false
	}
	end = i
	switch n := len(m.toks); {
	case glued:
	case i+1 < n && m.joined(i) && mailDomainEnds[m.word(i+1)]:
		end = i + 1
	case i+2 < n && mailDots[m.word(i+1)] && mailDomainEnds[m.word(i+2)]:
		end = i + 2
	}
	domain = glued || end > i
	if plain && !domain {
		return 0, false, false // "mail" alone is a word: "sent by mail"
	}
	return end, domain, true
}

// gluedAddress reports whether word i is a whole address whose @ was typed
// as a dot or an underscore: erlan85.mail.ru, erlan_mail.ru.
func (m mailText) gluedAddress(i int) bool {
	w := m.word(i)
	dot := strings.LastIndex(w, ".")
	if dot < 0 || !mailDomainEnds[w[dot+1:]] {
		return false
	}
	rest := w[:dot]
	at := strings.LastIndexAny(rest, "._")
	if at <= 0 {
		return false
	}
	provider, name := rest[at+1:], rest[:at]
	return (mailProviders[provider] || plainMailProviders[provider]) && strings.ContainsFunc(name, isLatinLetter)
}

func isLatinLetter(r rune) bool { return r < unicode.MaxASCII && unicode.IsLetter(r) }

// mailHandle reports whether w can only be a mailbox's name, not a word of
// the sentence: letters with a digit, an underscore or an inner dot
// (erlan_zh, erlan1985, e.zhumabaev, ерлан85).
func mailHandle(w string) bool {
	if len(w) < 2 || !strings.ContainsFunc(w, unicode.IsLetter) {
		return false
	}
	return strings.Contains(w, "_") || strings.ContainsFunc(w, unicode.IsDigit) || strings.Contains(strings.Trim(w, "."), ".")
}

// mailTokens are the words of s with the dots, underscores and hyphens
// inside them (a mailbox's name keeps its _ and .).
func mailTokens(s string) [][2]int {
	spans := tokenSpans(s, "._-")
	for i, sp := range spans { // a sentence's full stop is not the name's
		spans[i][1] = sp[0] + len(strings.TrimRight(s[sp[0]:sp[1]], ".-"))
	}
	return spans
}

// mergeSpans joins overlapping spans given in order of their starts.
func mergeSpans(spans [][2]int) [][2]int {
	var out [][2]int
	for _, sp := range spans {
		if n := len(out); n > 0 && sp[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], sp[1])
			continue
		}
		out = append(out, sp)
	}
	return out
}

// mailboxLabels name a mailbox before its name: моя почта ерлан жумабаев
// на гмейле.
var mailboxLabels = wordSet(`почта ящик email e-mail пошта поштасы`)

// labelledMailbox finds a mailbox's name of one or two plain lower-case
// words between a label and its provider, named in a case (моя почта
// ерлан жумабаев на гмейле, почта erlan zh в яндексе): the name has no
// digit or underscore to tell it, the label and the provider do (an
// attacker's trial, 2026-12-07). It returns the name's first word and
// the provider's.
func (m mailText) labelledMailbox(i int) (start, end int, ok bool) {
	if !mailboxLabels[m.word(i)] {
		return 0, 0, false
	}
	j := i + 1
	for ; j < len(m.toks) && j <= i+2 && m.joined(j-1) && m.lowerWord(j) && !weakMailAts[m.word(j)] && !notCyrillicHandles[m.word(j)] && !russianInflected.MatchString(m.word(j)); j++ {
	}
	if j == i+1 || j >= len(m.toks) || !m.joined(j-1) {
		return 0, 0, false
	}
	p := j
	if weakMailAts[m.word(j)] && j+1 < len(m.toks) && m.joined(j) {
		p = j + 1
	}
	w := m.word(p)
	for _, ending := range []string{"", "е", "у", "а", "ом"} {
		if base, cut := strings.CutSuffix(w, ending); cut && mailProviders[base] {
			return i + 1, p, true
		}
	}
	return 0, 0, false
}
