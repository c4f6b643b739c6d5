package data

import (
	"strings"
	"unicode"
)

// mailProviders are the mail services people name in words instead of
// writing an address (erlan_zh на mail.ru, erlan1985 майл ру, erlan
// собака джимейл точка ком). Distinctive names stand alone; "mail",
// "list", "inbox" and "bk" are ordinary words until a domain follows them.
var (
	mailProviders = wordSet(`gmail googlemail yandex icloud outlook hotmail yahoo rambler protonmail ukr
		джимейл джимэйл гмейл гмайл жимейл яндекс рамблер аутлук майл мейл мэйл маил`)
	plainMailProviders = wordSet(`mail list inbox bk`)
	mailDomainEnds     = wordSet(`ru com kz net ua by org ру ком кз нет`)
	mailDots           = wordSet(`точка dot point нүкте`)
	// mailAts stand for @ between a name and a provider; "на" (to, on)
	// only before a name that cannot be a word of the sentence.
	mailAts = wordSet(`at собака собачка эт ат на`)
)

// mailHints are the starts of the providers' names (mayNameMessenger's way).
var mailHints = hintIndex(`gmail googlemail yandex icloud outlook hotmail yahoo rambler proton ukr mail list inbox bk
	джимейл джимэйл гмейл гмайл жимейл яндекс рамблер аутлук майл мейл мэйл маил`)

// hideWordedMail hides an e-mail address whose provider is named in words
// (with the name before it, or after a colon): the handle patterns need
// an @, a link or a messenger's name, and this has none.
func hideWordedMail(s string) string {
	if !wordStartsWith(s, mailHints) {
		return s
	}
	toks := mailTokens(s)
	word := func(i int) string { return strings.ToLower(s[toks[i][0]:toks[i][1]]) }
	var spans [][2]int
	for i := range toks {
		end, ok := mailProviderAt(word, i, len(toks))
		if !ok {
			continue
		}
		start := -1
		switch {
		case i >= 2 && mailAts[word(i-1)] && (word(i-1) != "на" || mailHandle(s[toks[i-2][0]:toks[i-2][1]])):
			start = i - 2 // erlan собака джимейл, erlan_zh на mail.ru
		case i >= 1 && mailHandle(s[toks[i-1][0]:toks[i-1][1]]):
			start = i - 1 // erlan1985 майл ру
		case end+1 < len(toks) && strings.ContainsAny(s[toks[end][1]:toks[end+1][0]], ":-–—") && mailHandle(s[toks[end+1][0]:toks[end+1][1]]):
			start, end = i, end+1 // gmail: erlan.zh
		}
		if start >= 0 {
			spans = append(spans, [2]int{toks[start][0], toks[end][1]})
		}
	}
	return replaceSpans(s, mergeSpans(spans))
}

// mailProviderAt reports whether the words from i name a mail provider,
// with the last word of its domain (mail.ru, майл ру, джимейл точка ком).
func mailProviderAt(word func(int) string, i, n int) (end int, ok bool) {
	base, domain, glued := strings.Cut(word(i), ".")
	plain := plainMailProviders[base]
	if glued && !mailDomainEnds[domain] || !mailProviders[base] && !plain {
		return 0, false
	}
	end = i
	switch {
	case glued:
	case i+1 < n && mailDomainEnds[word(i+1)]:
		end = i + 1
	case i+2 < n && mailDots[word(i+1)] && mailDomainEnds[word(i+2)]:
		end = i + 2
	}
	if plain && !glued && end == i {
		return 0, false // "mail" alone is a word: "sent by mail"
	}
	return end, true
}

// mailHandle reports whether w can only be a mailbox's name, not a word of
// the sentence: Latin with a digit, an underscore or an inner dot, or any
// letters with an underscore (erlan_zh, erlan1985, e.zhumabaev, ерлан_ж).
func mailHandle(w string) bool {
	if len(w) < 2 || !strings.ContainsFunc(w, unicode.IsLetter) {
		return false
	}
	if strings.Contains(w, "_") {
		return true
	}
	latin := strings.ContainsFunc(w, func(r rune) bool { return r < unicode.MaxASCII && unicode.IsLetter(r) })
	return latin && (strings.ContainsFunc(w, unicode.IsDigit) || strings.Contains(strings.Trim(w, "."), "."))
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
