package data

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A phone number dictated in words (восемь семьсот один сто двадцать три
// сорок пять шестьдесят семь; сегіз жеті жүз бір…; eight seven oh one…)
// passes every digit pattern: people write numbers that way to dodge a
// filter, and a volunteer types what a caller says. hideSpokenNumbers
// reads the number words of the three languages as the digits they stand
// for and hides a run that holds as many as a phone number.

// numberClass is how a number word fills the digits it is written in.
type numberClass uint8

const (
	unitWord     numberClass = iota + 1 // 0-9: one digit, or the last of a ten or a hundred
	teenWord                            // 10-19: two digits, or the last two of a hundred
	tensWord                            // 20-90 (and Kazakh он, 10): two digits, or the middle of a hundred
	hundredsWord                        // 100-900: three digits
	hundredWord                         // жүз, hundred: the unit before it was the hundreds' digit
)

// numberWords are the number words of Russian, Kazakh and English, by class.
var numberWords = func() map[string]numberClass {
	m := map[string]numberClass{}
	for class, words := range map[numberClass]string{
		unitWord: `ноль нуль один одна одно два две три четыре пять шесть семь восемь девять
			нөл нол бір бир екі еки үш уш төрт торт бес алты жеті жети сегіз сегиз тоғыз тогыз
			zero oh one two three four five six seven eight nine`,
		teenWord: `десять одиннадцать двенадцать тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать
			ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen`,
		tensWord: `двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто
			он жиырма отыз қырық кырык елу алпыс жетпіс жетпис сексен тоқсан токсан
			twenty thirty forty fifty sixty seventy eighty ninety`,
		hundredsWord: `сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот`,
		hundredWord:  `жүз жуз hundred`,
	} {
		for _, w := range strings.Fields(words) {
			m[w] = class
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
}

func (c *spokenDigits) add(class numberClass) {
	switch class {
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
			c.digits++
		}
		c.open = 0
	}
}

// hideSpokenNumbers hides each run of number words (and digits between
// them) that counts minPhoneDigits digits or more. Words may be parted by
// spaces, commas, dashes and dots, as dictation is written down.
func hideSpokenNumbers(s string) string {
	if !mayHoldNumberWords(s) {
		return s
	}
	var spans [][2]int
	run := [2]int{-1, -1}
	var count spokenDigits
	said := 0 // number words in the run: a run of digits alone is HidePhones's
	end := func() {
		if said >= 2 && count.digits >= minPhoneDigits {
			spans = append(spans, run)
		}
		run, count, said = [2]int{-1, -1}, spokenDigits{}, 0
	}
	for _, w := range letterDigitRuns(s) {
		text := s[w[0]:w[1]]
		class, digits := numberWords[strings.ToLower(text)], 0
		if class == 0 && !strings.ContainsFunc(text, unicode.IsLetter) {
			digits = utf8.RuneCountInString(text) // said and written mixed: 8 семьсот один 123 …
		}
		if class == 0 && digits == 0 || run[0] >= 0 && !onlySeparators(s[run[1]:w[0]]) {
			end()
		}
		if class == 0 && digits == 0 {
			continue
		}
		if run[0] < 0 {
			run[0] = w[0]
		}
		run[1] = w[1]
		if class != 0 {
			said++
			count.add(class)
		} else {
			count.digits += digits
			count.open = 0
		}
	}
	end()
	return replaceSpans(s, spans)
}

// letterDigitRuns returns the byte spans of s's runs of letters and of
// digits (сорок-пять is two words here).
func letterDigitRuns(s string) [][2]int {
	var spans [][2]int
	start, letters := -1, false
	for i, r := range s {
		l, d := unicode.IsLetter(r) || unicode.Is(unicode.Mn, r), unicode.IsNumber(r)
		if start >= 0 && (!l && !d || l != letters) {
			spans = append(spans, [2]int{start, i})
			start = -1
		}
		if start < 0 && (l || d) {
			start, letters = i, l
		}
	}
	if start >= 0 {
		spans = append(spans, [2]int{start, len(s)})
	}
	return spans
}

// onlySeparators reports whether what lies between two words of a
// dictated number is what people put there: blanks, commas, dashes, dots.
func onlySeparators(between string) bool {
	for _, r := range between {
		if !unicode.IsSpace(r) && !strings.ContainsRune(",.-–—;:/", r) {
			return false
		}
	}
	return true
}

// mayHoldNumberWords is a cheap first look, without allocating: two
// number words at least. Only words that start like one are read.
func mayHoldNumberWords(s string) bool {
	var buf [32]byte
	n, w := 0, -1 // number words seen; the bytes of the word being read, lower-cased (-1: not read)
	word := func() {
		if w > 0 && numberWords[string(buf[:w])] != 0 {
			n++
		}
	}
	start := true
	for _, r := range s {
		letter := unicode.IsLetter(r)
		switch {
		case !letter:
			word()
			w = -1
		case start:
			w = -1
			if numberInitials[r] {
				w = utf8.EncodeRune(buf[:], unicode.ToLower(r))
			}
		case w >= 0 && w+utf8.RuneLen(r) <= len(buf):
			w += utf8.EncodeRune(buf[w:], unicode.ToLower(r))
		default:
			w = -1 // longer than any number word
		}
		start = !letter
		if n >= 2 {
			return true
		}
	}
	word()
	return n >= 2
}

// numberInitials are the first letters of the number words, both cases.
var numberInitials = func() map[rune]bool {
	m := map[rune]bool{}
	for w := range numberWords {
		r, _ := utf8.DecodeRuneInString(w)
		m[r], m[unicode.ToUpper(r)] = true, true
	}
	return m
}()
