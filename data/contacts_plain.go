package data

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Before the patterns of contacts.go read a text, the characters people
// use to slip a contact past them are written plainly: styled letters as
// plain ones, invisible characters dropped, odd blanks as spaces.

// plainLetters writes the styled forms of letters and digits (fullwidth
// ｔ．ｍｅ, mathematical 𝐭.𝐦𝐞, circled ⓣ.ⓜⓔ) as the plain ones, which the
// patterns know (attacker trial, 2026-12-06). Only those blocks: the rest
// of NFKC would rewrite № as No in every description.
func plainLetters(s string) string {
	if !strings.ContainsFunc(s, styled) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if styled(r) {
			b.WriteString(norm.NFKC.String(string(r)))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// styled: the fullwidth forms, the enclosed alphanumerics and the
// mathematical alphanumeric symbols; not ⓐ, which people write for @.
func styled(r rune) bool {
	return r >= 0xFF01 && r <= 0xFF5E || r >= 0x2460 && r <= 0x24FF && r != 'ⓐ' || r >= 0x1D400 && r <= 0x1D7FF
}

// plainSpaces drops the invisible characters people (and scammers) put
// inside an address or a number (erlan@\u200bmail.ru) and writes the
// other blanks (no-break, thin) as spaces, which the patterns know.
func plainSpaces(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x80 && (unicode.IsSpace(r) || Invisible(r) || r == zwj) }) {
		return s
	}
	var b strings.Builder
	last := rune(0) // the last rune kept
	for _, r := range s {
		switch {
		case r == zwj && !pictograph(last), Invisible(r):
			continue
		case r >= 0x80 && unicode.IsSpace(r):
			r = ' '
		}
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

// zwj joins emoji (👨‍👩‍👧); between letters it only hides them from the
// patterns (т\u200dг: erlan_zh, Абая 10\u200d-5: an attacker's trial,
// 2026-12-07).
const zwj = 0x200D

// pictograph: what a zwj may follow in an emoji sequence (a symbol, a
// skin tone, a variation selector).
func pictograph(r rune) bool {
	return unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || r >= 0xFE00 && r <= 0xFE0F || r >= 0x1F000
}

// Invisible reports the characters that show nothing on screen: the
// format characters but the emoji joiner (zwj), the combining grapheme
// joiner, and the Hangul and Khmer fillers that render blank. The hiding,
// the intake and the reading of names (NameKey) all drop them.
func Invisible(r rune) bool {
	switch r {
	case zwj:
		return false
	case 0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// cjkDigit are the Chinese numerals, everyday and financial (壹贰叁), as
// digits: an attacker's trial (2026-12-07) wrote a whole number in them
// (八七零一一二三四五六七), which no digit rule read.
var cjkDigit = func() map[rune]rune {
	m := map[rune]rune{}
	for d, set := range []string{"零〇洞", "一壹幺", "二贰貳两兩", "三叁參", "四肆", "五伍", "六陆陸", "七柒拐", "八捌", "九玖勾"} {
		for _, r := range set {
			m[r] = rune('0' + d)
		}
	}
	return m
}()

// minCJKDigits is the shortest run of Chinese numerals read as digits: a
// Chinese name may hold one or two (李三, 王一).
const minCJKDigits = 4

// plainCJKDigits writes each run of minCJKDigits Chinese numerals or more
// (blanks and dashes between them kept) in ASCII digits, which the phone
// rules read.
func plainCJKDigits(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x3007 && cjkDigit[r] != 0 }) {
		return s
	}
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if cjkDigit[rs[i]] == 0 {
			i++
			continue
		}
		j, n := i, 0
		for j < len(rs) && (cjkDigit[rs[j]] != 0 || rs[j] == ' ' || rs[j] == '-') {
			if cjkDigit[rs[j]] != 0 {
				n++
			}
			j++
		}
		if n >= minCJKDigits {
			for k := i; k < j; k++ {
				if d := cjkDigit[rs[k]]; d != 0 {
					rs[k] = d
				}
			}
		}
		i = j
	}
	return string(rs)
}
