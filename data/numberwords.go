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
	repeatWord                          // double, triple: the next digit again
	countedWord                         // семёрки, нуля: the digit a count before it repeats (две семёрки)
)

// The number words, by class: Russian and English (and English in
// Cyrillic letters, эйт севен зиро: an attacker's trial, 2026-12-07), and Kazakh apart,
// as "он" (ten) is Russian "he" (kazakhTen). The Kazakh column holds the
// neighbours' Turkic words too (Kyrgyz and Uzbek, in Cyrillic and in
// Latin, and Turkish): Uzbeks are the third people of Kazakhstan, and an
// attacker trial (2026-12-07) dictated a number in each.
var numberWordLists = map[numberClass][2]string{
	unitWord: {`ноль нуль нолик один одна одно два две три четыре пять шесть семь восемь девять
		единица двойка тройка четверка четвёрка пятерка пятёрка шестерка шестёрка семерка семёрка восьмерка восьмёрка девятка
		единичка двоечка троечка четверочка четвёрочка пятерочка пятёрочка шестерочка шестёрочка семерочка семёрочка
		восьмерочка восьмёрочка девяточка
		zero oh o nought nil one two three four five six seven eight nine
		чотири шість сім вісім
		зиро зеро уан ту фри фор файв сикс севен сэвен эйт найн`,
		`нөл нол бір бир екі еки үш уш төрт торт бес алты жеті жети сегіз сегиз тоғыз тогыз
		эки икки уч үч беш олти етти саккиз тогуз тўрт тўққиз тукқиз
		sıfır sifir iki ikki üç uç dört dort yedi sekiz dokuz toqqiz`},
	teenWord: {`десять одиннадцать двенадцать тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать
		ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen`, ``},
	tensWord: {`двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто
		twenty thirty forty fifty sixty seventy eighty ninety`,
		`он жиырма отыз қырық кырык елу алпыс жетпіс жетпис сексен тоқсан токсан
		жыйырма кырк элүү алтымыш жетимиш токсон
		yirmi yigirma otuz ottiz kırk qirq elli ellik altmış oltmish yetmiş yetmish sakson doksan toqson`},
	hundredsWord: {`сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот`, ``},
	hundredWord:  {`hundred`, `жүз жуз`},
	repeatWord:   {`double triple`, ``},
	countedWord:  {countedDigits, ``},
}

// numberWords are the number words of Russian, Kazakh and English, by
// class; kazakhNumbers the Kazakh ones.
var numberWords, kazakhNumbers = func() (map[string]numberClass, map[string]bool) {
	all, kk := map[string]numberClass{}, map[string]bool{}
	for class, lists := range numberWordLists {
		for _, w := range strings.Fields(lists[0]) {
			all[w] = class
			for _, l := range latinForms(w) {
				if !latinNotNumbers[l] {
					all[l] = class
				}
			}
		}
		for _, w := range strings.Fields(lists[1]) {
			all[w], kk[w] = class, true
			for _, l := range latinForms(w) {
				all[l], kk[l] = class, true
			}
		}
	}
	return all, kk
}()

// latinNotNumbers are Latin forms of a Cyrillic number word that are
// English words: фор (four, in Cyrillic) is "for" ("collected 1500 for
// 200 families" was hidden: a trial of over-hiding, 2026-12-07).
var latinNotNumbers = wordSet(`for`)

// kazakhTen is "он", Kazakh ten and Russian "he": a number only next to
// another Kazakh number word (он бір, 11), never in Russian prose
// (видели 03.04, он один ушёл).
const kazakhTen = "он"

// ageWords after a run of number words make it ages (четыре, семь,
// девять, одиннадцать лет); not a currency (… шестьдесят семь, тг тоже).
var ageWords = wordSet(`лет года годика годиков жас жаста жасар жаста years yrs`)

// fillerWords may stand between the groups of a dictated number (восемь
// семьсот один, потом сто двадцать три): the run goes on past one.
var fillerWords = wordSet(`и а потом затем дальше далее ещё еще тире плюс and then dash plus`)

// token is a word or a run of digits of a text that may dictate a number.
type token struct {
	span   [2]int
	class  numberClass // a number word's
	word   string      // as looked up: lower case, lookalikes folded
	digits int         // a run of digits: how many, when it may be part of a number
	breaks bool        // a run of digits that is a year, a date's or a time's part
}

// hideSpokenNumbers hides each run of number words (with digits between
// them) that counts minPhoneDigits digits or more. Words may be parted by
// blanks, commas, dashes and the like, and by one or two filler words
// (потом, и дальше).
// A run that an age's word ends (четыре, семь, девять, одиннадцать лет)
// stays, unless it holds a whole number, and so do years, dates and
// times, which no dictation holds.
func hideSpokenNumbers(s string) string {
	if !mayHoldNumberWords(s) && !atLeastDigits(s, fillerPartedDigits) {
		return s
	}
	toks := numberTokens(s)
	var spans [][2]int
	for i := 0; i < len(toks); {
		if toks[i].class == 0 && toks[i].digits == 0 {
			i++
			continue
		}
		r := spokenRun(s, toks, i)
		// Ages (a family's children, четыре, семь, девять, одиннадцать лет)
		// are never a whole number with its area code: a dictated number
		// with "лет" after it was shown (an attacker's trial, 2026-12-07).
		ages := r.end+1 < len(toks) && ageWords[toks[r.end+1].word] && onlySeparators(s[toks[r.end].span[1]:toks[r.end+1].span[0]]) &&
			r.count.digits < fillerPartedDigits
		spoken := r.count.digits >= minPhoneDigits && (r.said >= 2 || r.said >= 1 && r.digitRuns > 0)
		parted := r.said == 0 && r.fillers > 0 && r.count.digits >= fillerPartedDigits // 8701, затем 123, затем 4567
		if (spoken || parted) && !ages {
			spans = append(spans, [2]int{toks[i].span[0], toks[r.end].span[1]})
		}
		i = r.end + 1
	}
	return replaceSpans(s, spans)
}

// fillerPartedDigits is how many digits runs of digits that filler words
// join (8701, затем 123, затем 4567) must hold to be a number: a whole
// one with its area code, as years and counts joined by "и" are not.
const fillerPartedDigits = 10

// atLeastDigits reports whether s holds n digits or more.
func atLeastDigits(s string, n int) bool {
	seen := 0
	return strings.ContainsFunc(s, func(r rune) bool {
		if unicode.IsNumber(r) {
			seen++
		}
		return seen >= n
	})
}

// runTally is what spokenRun read: the run's last token, its digits, how
// many number words, runs of digits and filler words it has.
type runTally struct {
	end                      int
	count                    spokenDigits
	said, digitRuns, fillers int
}

// spokenRun reads the run of number tokens from toks[i].
func spokenRun(s string, toks []token, i int) runTally {
	r := runTally{end: i}
	for j := i; j < len(toks); j++ {
		t := toks[j]
		if j > r.end && !onlySeparators(s[toks[j-1].span[1]:t.span[0]]) && !dottedWords(s, toks[j-1], t) && !semicolonListed(s, toks, j) {
			break
		}
		if t.class == 0 && t.digits == 0 {
			if fillerWords[t.word] && j <= r.end+2 && j+1 < len(toks) { // one or two fillers (и дальше), then the run may go on
				continue
			}
			break
		}
		if j > r.end+1 {
			r.fillers++
		}
		r.end = j
		if t.class != 0 {
			r.said++
			r.count.add(t.class, t.word)
		} else {
			r.digitRuns++
			r.count.digits += t.digits
			r.count.open, r.count.last = 0, ""
		}
	}
	return r
}

// numberTokens reads s's words and runs of digits: number words by class
// ("он" only next to another Kazakh number word), runs of digits by
// count unless they are a year or part of a date or a time.
func numberTokens(s string) []token {
	var toks []token
	for _, w := range letterDigitRuns(s) {
		t := token{span: w, word: foldNumberWord(s[w[0]:w[1]])}
		if first, _ := utf8.DecodeRuneInString(t.word); unicode.IsNumber(first) { // a word of marks only (ʼ) folds to ""
			t.digits = utf8.RuneCountInString(t.word)
			t.breaks = year.MatchString(t.word) || w[0] > 0 && strings.ContainsRune(".:", rune(s[w[0]-1])) ||
				w[1] < len(s) && strings.ContainsRune(".:", rune(s[w[1]]))
			if t.breaks {
				t.digits = 0
			}
		} else if t.class = numberWords[t.word]; t.class == 0 {
			if parts := splitJoined(s, t); parts != nil {
				toks = append(toks, parts...)
				continue
			}
		}
		toks = append(toks, t)
	}
	for i := range toks {
		if toks[i].word == kazakhTen && !(i > 0 && kazakhNumbers[toks[i-1].word] && toks[i-1].word != kazakhTen ||
			i+1 < len(toks) && kazakhNumbers[toks[i+1].word] && toks[i+1].word != kazakhTen) {
			toks[i].class = 0
		}
	}
	return toks
}

// latinLookalikes are the Latin letters that look like Cyrillic ones: a
// word that mixes the two scripts is read in Cyrillic (вoсемь with a
// Latin o, сегiз with a Latin i).
var latinLookalikes = strings.NewReplacer(strings.Fields(lookalikePairs)...)

// lookalikePairs are the Latin letters and the Cyrillic ones they look
// like, a pair at a time.
const lookalikePairs = "a а c с e е i і k к m м o о p р x х y у h н t т b в"

// foldNumberWord is a word as numberWords holds it: lower case, without
// invisible characters, stress marks or apostrophes, lookalikes read in
// the word's other script.
func foldNumberWord(w string) string {
	w = strings.ToLower(strings.Map(func(r rune) rune {
		if inWordMark(r) {
			return -1
		}
		return r
	}, w))
	if mixedScripts(w) {
		w = latinLookalikes.Replace(w)
	}
	return w
}

// letterDigitRuns returns the byte spans of s's runs of letters and of
// digits (сорок-пять is two words here); stress marks, invisible
// characters and apostrophes inside a word are part of it.
func letterDigitRuns(s string) [][2]int {
	var spans [][2]int
	start, letters := -1, false
	for i, r := range s {
		l := unicode.IsLetter(r) || start >= 0 && letters && inWordMark(r)
		d := unicode.IsNumber(r)
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

// inWordMark reports whether r belongs to the word it stands in without
// being a letter: a stress mark, an invisible character, or an apostrophe
// (the soft sign of a romanized number word: sem'sot, pyat').
func inWordMark(r rune) bool {
	return unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Cf, r) || r == '\'' || r == '’' || r == 'ʼ'
}

// dottedWords reports whether two number words are parted by any marks
// but a new line or a semicolon, which end a clause (восемь.семь.ноль,
// восемь·семь, eight:seven): a dot or a
// colon stops a run of digits (03.04.2024, 18:30), not of words, which no
// date or time is written in.
func dottedWords(s string, a, b token) bool {
	between := s[a.span[1]:b.span[0]]
	return a.digits == 0 && b.digits == 0 && utf8.RuneCountInString(between) <= 3 &&
		!strings.ContainsFunc(between, func(r rune) bool { return r == '\n' || r == ';' || unicode.IsLetter(r) || unicode.IsNumber(r) })
}

// onlySeparators reports whether what lies between two words of a
// dictated number is what people put there: blanks, commas, dashes,
// brackets, underscores. Not a dot or a colon (03.04.2024, 18:30), nor a
// semicolon, which ends a clause.
func onlySeparators(between string) bool {
	for _, r := range between {
		if !unicode.IsSpace(r) && !strings.ContainsRune(",-–—/_+*()|", r) && !unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

// mayHoldNumberWords is a cheap first look: two number words, or one
// and a digit. Only words that start like a number word are looked up,
// lower-cased in place; only those written unusually (mixed scripts,
// stress marks, invisible characters) are folded first.
func mayHoldNumberWords(s string) bool {
	var buf [32]byte
	n, w, start, odd := 0, -1, 0, false // number words seen; bytes in buf (-1: not a candidate); the word's start; it needs folding
	word := func(end int) {
		switch {
		case w > 0 && odd:
			if numberWords[foldNumberWord(s[start:end])] != 0 {
				n++
			}
		case w > 0 && numberWords[string(buf[:w])] != 0:
			n++
		case end-start >= minJoinedBytes && numberInitials[firstRune(s[start:end])]:
			if cuts := joinedNumberCuts(foldNumberWord(s[start:end])); cuts != nil {
				n += len(cuts) + 1
			}
		}
		w = -1
	}
	inWord, digit := false, false
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
			if !inWord {
				w, start, odd = -1, i, false
				if numberInitials[r] {
					w = 0
				}
			}
			if w >= 0 && w+utf8.RuneLen(r) <= len(buf) {
				odd = odd || w > 0 && (r < 0x80) != (s[start] < 0x80) // the script changed
				w += utf8.EncodeRune(buf[w:], unicode.ToLower(r))
			} else {
				w = -1
			}
			inWord = true
		case inWord && inWordMark(r):
			odd = true
		default:
			if inWord {
				word(i)
			}
			inWord = false
			digit = digit || unicode.IsNumber(r)
		}
	}
	if inWord {
		word(len(s))
	}
	return n >= 2 || n == 1 && digit
}

// numberInitials are the first letters of the number words, in both
// cases, and the Latin letters that look like the Cyrillic ones.
var numberInitials = func() map[rune]bool {
	m := map[rune]bool{}
	for w := range numberWords {
		r, _ := utf8.DecodeRuneInString(w)
		m[r], m[unicode.ToUpper(r)] = true, true
	}
	pairs := strings.Fields(lookalikePairs)
	for i := 0; i < len(pairs); i += 2 {
		if cyr, _ := utf8.DecodeRuneInString(pairs[i+1]); m[cyr] {
			lat := rune(pairs[i][0])
			m[lat], m[unicode.ToUpper(lat)] = true, true
		}
	}
	return m
}()
