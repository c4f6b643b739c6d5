package data

import (
	"strings"
	"unicode"
)

// How a run of number words counts its digits, and the Russian idioms of
// dictation that repeat a digit: две семёрки (77), три нуля (000), две
// единицы (11), as English says double one. An attacker's trial,
// 2026-12-07, dictated numbers so, and with a semicolon after every
// digit (восемь; семь; ноль; …).

// countedDigits are the digit nouns in the case a count puts them in
// (две семёрки, три нуля, пять нулей): the count before them says how
// many times the digit is written.
const countedDigits = `нуля нулей нолика ноликов единицы единиц единички единичек двойки двоек тройки троек
	четверки четвёрки четверок четвёрок пятерки пятёрки пятерок пятёрок шестерки шестёрки шестерок шестёрок
	семерки семёрки семерок семёрок семерочки семёрочки восьмерки восьмёрки восьмерок восьмёрок девятки девяток`

// digitCounts are the counts that repeat a digit noun after them.
var digitCounts = func() map[string]int {
	m := map[string]int{"два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6}
	for w, n := range m {
		for _, l := range latinForms(w) {
			m[l] = n
		}
	}
	return m
}()

// spokenDigits counts the digits of a run of number words as a phone
// number is dictated: groups of one, two or three digits, a ten or a
// hundred filled by the words after it (семьсот один is 701, three
// digits; он бір is 11, two).
type spokenDigits struct {
	digits int
	open   numberClass // the group being filled: tensWord or hundredsWord, 0 when none
	filled bool        // the open group's ten is given (семьсот двадцать …)
	repeat int         // the extra copies of the next digit (double: one, triple: two)
	last   string      // the number word added last: a count before a counted digit
}

func (c *spokenDigits) add(class numberClass, word string) {
	last := c.last
	c.last = word
	switch class {
	case countedWord: // две семёрки: the count gave one digit, the noun the others
		c.digits += max(1, digitCounts[last]-1)
		c.open = 0
	case repeatWord:
		c.repeat += 1 + strings.Count(word, "triple")
		c.open = 0
	case hundredsWord:
		c.digits += 3
		c.open, c.filled = hundredsWord, false
	case hundredWord: // жеті жүз: the unit counted one, the hundred has three
		c.digits += 2
		c.open, c.filled = hundredsWord, false
	case tensWord:
		if c.open == hundredsWord && !c.filled {
			c.filled = true
			return
		}
		c.digits += 2
		c.open, c.filled = tensWord, false
	case teenWord:
		if c.open != hundredsWord || c.filled {
			c.digits += 2
		}
		c.open = 0
	case unitWord:
		if c.open == 0 {
			c.digits += 1 + c.repeat
		}
		c.open, c.repeat = 0, 0
	}
}

// semicolonListed reports whether a semicolon parts toks[j] from the
// number word before it as items of a list of number words (восемь;
// семь; ноль; …), not as clauses: neither word runs on to another number
// word on its other side (… алпыс жеті; восемь семьсот … are two).
func semicolonListed(s string, toks []token, j int) bool {
	a, b := toks[j-1], toks[j]
	between := s[a.span[1]:b.span[0]]
	if a.class == 0 || b.class == 0 || strings.Count(between, ";") != 1 || strings.ContainsFunc(between, func(r rune) bool { return r != ';' && !unicode.IsSpace(r) }) {
		return false
	}
	joined := func(x, y token) bool { return y.class != 0 && onlySeparators(s[x.span[1]:y.span[0]]) }
	return !(j >= 2 && joined(toks[j-2], a)) && !(j+1 < len(toks) && joined(b, toks[j+1]))
}
