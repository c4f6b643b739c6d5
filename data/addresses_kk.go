package data

import (
	"strings"
	"unicode"
)

// Kazakh street words take case and possessive endings (Абай көшесінде
// 10 үйде, 5-пәтерде, үйдің, пәтерінде): an attacker's trial, 2026-12-07,
// wrote whole addresses so and none was hidden. In Kazakh the number of a
// house or a flat comes before its word (10 үйде, 14 пәтерде); after an
// inflected үй or пәтер a number counts (үйде 3 бала), so only the number
// before one is a door. After an inflected street word (көшесінде,
// даңғылында) the number is a door when it ends its clause or a door
// word follows it.

// kazakhForm is what an inflected Kazakh word of an address is.
type kazakhForm uint8

const (
	notKazakhForm  kazakhForm = iota
	kazakhDoor                // үйде, пәтерінде: its number comes before it
	kazakhStreet              // көшесінде, даңғылында: the house's number may follow
	kazakhDistrict            // шағынауданында: its number comes before it, and it keeps it
)

// The stems and their endings, as people type them with Kazakh letters
// and without (уйде, патеринде). The nominative forms (үй, үйі, пәтер,
// көшесі, даңғылы) are streetWords.
var kazakhForms = func() map[string]kazakhForm {
	m := map[string]kazakhForm{}
	add := func(form kazakhForm, stems, endings string) {
		for _, stem := range strings.Fields(stems) {
			for _, e := range strings.Fields(endings) {
				m[stem+e] = form
				m[strings.NewReplacer("і", "и", "ү", "у", "ә", "а", "ң", "н", "ғ", "г").Replace(stem+e)] = form
			}
		}
	}
	add(kazakhDoor, "үй пәтер", "де дегі дің ге ден інде індегі іне інің інен ім імде імнің іміз імізде")
	add(kazakhStreet, "көше", "сінде сіндегі сіне сінің сінен де дегі ге нің ден")
	add(kazakhStreet, "даңғыл", "ында ындағы ына ының ынан да дағы ға дың дан")
	add(kazakhDistrict, "шағынаудан ықшамаудан", "ында ындағы ына ының ынан да дағы ға дың дан")
	return m
}()

// kazakhFormOf is the form of w, a number glued before it left out
// (10-үйде).
func kazakhFormOf(w string) kazakhForm {
	r := []rune(w)
	if len(r) < 3 || !unicode.IsNumber(r[0]) && !kazakhInitials[unicode.ToLower(r[0])] {
		return notKazakhForm
	}
	return kazakhForms[strings.TrimLeft(strings.ToLower(strings.Trim(w, ".")), "0123456789-")]
}

// kazakhInitials are the first letters of kazakhForms.
var kazakhInitials = map[rune]bool{'ү': true, 'у': true, 'п': true, 'к': true, 'д': true, 'ш': true, 'ы': true}

// markKazakhDoors marks in hide the doors that Kazakh inflected words
// make: the word itself when its number is glued to it (10-үйде), the
// number right before a door word (not across a comma), the number after
// a street word that ends its clause or is followed by a door word.
func markKazakhDoors(s string, words [][2]int, hide []bool, door func(int) bool) {
	text := func(i int) string { return s[words[i][0]:words[i][1]] }
	apart := func(a, b int) bool { return strings.ContainsAny(s[words[a][1]:words[b][0]], ",;\n") }
	for i := range words {
		form := kazakhFormOf(text(i))
		switch {
		case form == notKazakhForm || form == kazakhDistrict:
		case strings.ContainsFunc(text(i), unicode.IsNumber):
			hide[i] = true
		case form == kazakhDoor:
			if i > 0 && door(i-1) && !apart(i-1, i) {
				hide[i-1] = true
			}
		case i+1 < len(words) && door(i+1) && !apart(i, i+1):
			j := i + 1
			last := j+1 == len(words) || strings.ContainsAny(s[words[j][1]:words[j+1][0]], ",;.\n")
			hide[j] = hide[j] || last || houseFlat.MatchString(text(j)) ||
				kazakhFormOf(text(j+1)) == kazakhDoor || numberFirstWords[strings.ToLower(text(j+1))]
		}
	}
}
