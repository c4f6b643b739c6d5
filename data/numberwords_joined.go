package data

import (
	"unicode/utf8"
)

// Number words run together into one word (ВосемьСемьсотОдин…,
// восемьсемьсотодин…, EightSevenOhOne…) dodged the dictated-number rule,
// which reads words apart: an attacker's trial, 2026-12-07, put a whole
// number into a name that way. A word made of number words only is read
// as those words, each with its own span inside the word.

// Bounds of a joined word: at least two number words of minJoinedPart
// runes or more (one-letter words, English "o", are too easily part of a
// name), and at most maxJoinedRunes runes (longer words are not tried).
const (
	minJoinedPart  = 2
	maxJoinedRunes = 96
	maxNumberWord  = 16 // runes of the longest number word (восемнадцать, шестнадцать; the Latin forms)
)

// minJoinedBytes is the shortest word tried: two short number words.
const minJoinedBytes = 6

// joinedNumberCuts returns the rune offsets where the folded word w splits
// into number words (the end of each but the last), or nil when it does
// not split wholly into two or more.
func joinedNumberCuts(w string) []int {
	if len(w) < minJoinedBytes {
		return nil
	}
	rs := []rune(w)
	if len(rs) > maxJoinedRunes {
		return nil
	}
	// from[i] is where the number word ending at i starts, -1 when no
	// split reaches i; the first split found wins.
	from := make([]int, len(rs)+1)
	for i := range from {
		from[i] = -1
	}
	from[0] = 0
	for i := 0; i < len(rs); i++ {
		if from[i] < 0 {
			continue
		}
		for j := i + minJoinedPart; j <= min(len(rs), i+maxNumberWord); j++ {
			if from[j] < 0 && numberWords[string(rs[i:j])] != 0 && string(rs[i:j]) != kazakhTen {
				from[j] = i
			}
		}
	}
	if from[len(rs)] < 0 {
		return nil
	}
	var cuts []int
	for i := from[len(rs)]; i > 0; i = from[i] {
		cuts = append([]int{i}, cuts...)
	}
	return cuts
}

// splitJoined returns the tokens of a word token t of s (its folded word
// in t.word) that joins number words, each spanning its part of the word;
// nil when it is not such a word, or folding changed its letters' count
// (a stress mark dropped), so that the parts' spans cannot be known.
func splitJoined(s string, t token) []token {
	cuts := joinedNumberCuts(t.word)
	orig := s[t.span[0]:t.span[1]]
	if cuts == nil || utf8.RuneCountInString(orig) != utf8.RuneCountInString(t.word) {
		return nil
	}
	// byte offsets in orig of every rune offset
	at := make([]int, 0, utf8.RuneCountInString(orig)+1)
	for i := range orig {
		at = append(at, i)
	}
	at = append(at, len(orig))
	folded := []rune(t.word)
	bounds := append(append([]int{0}, cuts...), len(folded))
	parts := make([]token, 0, len(bounds)-1)
	for k := 0; k+1 < len(bounds); k++ {
		word := string(folded[bounds[k]:bounds[k+1]])
		parts = append(parts, token{span: [2]int{t.span[0] + at[bounds[k]], t.span[0] + at[bounds[k+1]]}, word: word, class: numberWords[word]})
	}
	return parts
}

// firstRune is the first rune of s.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
