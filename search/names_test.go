package search

import (
	"reflect"
	"testing"
)

func TestParseName(t *testing.T) {
	cases := []struct {
		in                       string
		given, family, patr, sex string
		alt                      []string
	}{
		{"Жұмабаев Ерлан Серікұлы", "Ерлан", "Жұмабаев", "Серікұлы", "M", nil},
		{"Ерлан Жумабаев Серикович", "Ерлан", "Жумабаев", "Серикович", "M", nil},
		{"Aigerim Zhumabayeva", "Aigerim", "Zhumabayeva", "", "F", nil},
		{"Zhumabayev Yerlan", "Yerlan", "Zhumabayev", "", "M", nil},
		{"Саша Иванов", "Саша", "Иванов", "", "M", []string{"Александр", "Александра"}},
		{"Kim Olga", "Olga", "Kim", "", "F", nil},
		{"Цой Виктор", "Виктор", "Цой", "", "M", nil},
		// given names ending in -ын/-ин, given first: -ова is the surer surname
		{"Шырын Сапарова", "Шырын", "Сапарова", "", "F", nil},
		{"Алтын Нұрланова", "Алтын", "Нұрланова", "", "F", nil},
		{"Гүлбаршын Жанұзақова", "Гүлбаршын", "Жанұзақова", "", "F", nil},
		{"Ильин Игорь", "Игорь", "Ильин", "", "M", nil},
		{"Игорь Ильин", "Игорь", "Ильин", "", "M", nil},
		{"Сулейменова Айжан Болатқызы", "Айжан", "Сулейменова", "Болатқызы", "F", nil},
		{"Беков Ержан Серік ұлы", "Ержан", "Беков", "Серік ұлы", "M", nil},
		{"Ерлан", "Ерлан", "", "", "M", nil},
		{"Высоцкая Анна", "Анна", "Высоцкая", "", "F", nil},
		{"Ivanova-Petrova Maria", "Maria", "Ivanova-Petrova", "", "F", nil},
		// a double family name with a space for its hyphen, either side
		{"Ахметова Жумабаева Айгуль", "Айгуль", "Ахметова Жумабаева", "", "F", nil},
		{"Aigul Akhmetova Zhumabayeva", "Aigul", "Akhmetova Zhumabayeva", "", "F", nil},
		// but not two words of another sex, nor a weak -in ending
		{"Ахметова Жумабаев Айгуль", "Жумабаев", "Ахметова", "", "F", nil},
		{"Шырын Сапарова Айгуль", "Шырын", "Сапарова", "", "F", nil},
		// a maiden or earlier family name in brackets is the other half
		{"Пак (Цой) Елена", "Елена", "Пак (Цой)", "", "F", nil},
		{"Ахметова (Серикова) Гульнара", "Гульнара", "Ахметова (Серикова)", "", "F", nil},
		{"Шмидт Анна (урожд. Вебер)", "Анна", "Шмидт (Вебер)", "", "F", nil},
		{"Ахметова Гульнара (в девичестве Серикова) Ерлановна", "Гульнара", "Ахметова (Серикова)", "Ерлановна", "F", nil},
		{"Kim Irina (née Li)", "Irina", "Kim (Li)", "", "F", nil},
		// but not a short form
		{"Ахметова Гульнара (Гуля)", "Гульнара", "Ахметова", "", "F", nil},
	}
	for _, c := range cases {
		n := ParseName(c.in)
		if n.Given != c.given || n.Family != c.family || n.Patronymic != c.patr || n.Sex != c.sex || !reflect.DeepEqual(n.AltGiven, c.alt) {
			t.Errorf("ParseName(%q) = given %q family %q patr %q sex %q alt %v; want %q %q %q %q %v",
				c.in, n.Given, n.Family, n.Patronymic, n.Sex, n.AltGiven, c.given, c.family, c.patr, c.sex, c.alt)
		}
	}
}

func TestKoreanSurnames(t *testing.T) {
	for _, g := range [][]string{{"Цой", "Tsoi", "Choi"}, {"Ли", "Li", "Lee"}, {"Пак", "Pak", "Park"}, {"Ким", "Kim"}} {
		for _, v := range g[1:] {
			if koreanKey(Fold(v)) != koreanKey(Fold(g[0])) || koreanKey(Fold(v)) == "" {
				t.Errorf("%s and %s: different Korean surname keys", g[0], v)
			}
		}
	}
}

// A sister's and a brother's surnames share a stem whatever the ending,
// and the stem comes from the one table of endings (familyEnds).
func TestFamilyStem(t *testing.T) {
	for _, c := range []struct{ her, his string }{
		{"Жумабаева", "Жумабаев"}, {"Иванова", "Иванов"}, {"Ильина", "Ильин"},
		{"Ковальская", "Ковальский"}, {"Kowalska", "Kowalski"}, {"Троцкая", "Троцкий"},
	} {
		hs, hx := familyStem(nameKey(c.her))
		ms, mx := familyStem(nameKey(c.his))
		if hs != ms || hx != "F" || mx != "M" {
			t.Errorf("%s → (%s, %s), %s → (%s, %s): want one stem, F and M", c.her, hs, hx, c.his, ms, mx)
		}
	}
	for _, f := range familyEnds {
		stem, sex := familyStem("abcd" + f.end)
		switch {
		case f.male == "" && (stem != "abcd"+f.end || sex != ""):
			t.Errorf("-%s has no man's form, but stems to (%s, %s)", f.end, stem, sex)
		case f.male != "" && (stem != "abcd"+f.male || sex != f.sex):
			t.Errorf("-%s: (%s, %s), want (abcd%s, %s)", f.end, stem, sex, f.male, f.sex)
		}
	}
	for _, k := range []string{"kim", "nurlan", "abdulla"} {
		if stem, sex := familyStem(k); stem != k || sex != "" {
			t.Errorf("%s → (%s, %s), want itself", k, stem, sex)
		}
	}
}
