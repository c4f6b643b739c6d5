package data

import (
	"regexp"
	"strconv"
	"strings"
)

// A number dictated in Roman numerals of plain letters (VIII DCCI CXXIII
// XLV LXVII: 8 701 123 45 67) passed every rule: an attacker's trial,
// 2026-12-07. A run of romanRunWords numerals or more, parted by blanks,
// commas or dashes, that counts a whole number's digits (ten) is hidden.
// Names are not written in capitals only, and a list of parts, centuries
// or sizes (II, III, IV; XVIII, XIX, XX, XXI века; M, L, XL) counts fewer.

// romanRunWords is the fewest numerals in a run that may be a number.
const romanRunWords = 3

// romanRun is a run of capital Roman numerals, one word each.
var romanRun = regexp.MustCompile(`(?:^|[^\p{L}\p{N}])((?:[IVXLCDM]+[\s,\-–—]+){2,}[IVXLCDM]+)(?:$|[^\p{L}\p{N}])`)

// hideRomanNumbers hides the runs of Roman numerals that count a
// phone's digits.
func hideRomanNumbers(s string) string {
	var spans [][2]int
	for _, m := range romanRun.FindAllStringSubmatchIndex(s, -1) {
		words, digits := wordRuns.FindAllString(s[m[2]:m[3]], -1), 0
		for _, w := range words {
			v := romanValue(w)
			if v == 0 {
				digits = 0 // not a numeral: not a number
				break
			}
			digits += len(strconv.Itoa(v))
		}
		if len(words) >= romanRunWords && digits >= fillerPartedDigits {
			spans = append(spans, [2]int{m[2], m[3]})
		}
	}
	return replaceSpans(s, spans)
}

// wordRuns are the runs of capital Roman letters.
var wordRuns = regexp.MustCompile(`[IVXLCDM]+`)

// romanValue is the value of a well-formed numeral, 0 for anything else.
func romanValue(w string) int {
	if w == "" || !romanNumeral.MatchString(w) { // romanNumeral: addresses_parts.go
		return 0
	}
	values := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}
	total := 0
	for i := 0; i < len(w); i++ {
		v := values[w[i]]
		if i+1 < len(w) && values[w[i+1]] > v {
			v = -v
		}
		total += v
	}
	return total
}

// romanRunHint is a cheap first look: romanRunWords capital Roman letters
// starting words.
func romanRunHint(s string) bool {
	n, start := 0, true
	for i := 0; i < len(s); i++ {
		c := s[i]
		isLetter := c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80
		if start && strings.IndexByte("IVXLCDM", c) >= 0 {
			n++
		}
		start = !isLetter && (c < '0' || c > '9')
	}
	return n >= romanRunWords
}
