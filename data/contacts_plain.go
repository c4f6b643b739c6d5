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
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x80 && (unicode.IsSpace(r) || invisible(r)) }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case invisible(r):
			return -1
		case r >= 0x80 && unicode.IsSpace(r):
			return ' '
		}
		return r
	}, s)
}

// invisible are the zero-width characters that part nothing on screen;
// not the joiner of emoji sequences (U+200D).
func invisible(r rune) bool {
	return r == 0x200B || r == 0x2060 || r == 0xFEFF || r == 0x00AD || r == 0x200C || r == 0x180E
}
