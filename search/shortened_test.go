package search

import "testing"

// TestShortenedGivenName: a Kazakh given name without its compounded part
// (Бақытжан, Бахыт) is one name shortened, in any script, but only when a
// name of four letters or more is left.
func TestShortenedGivenName(t *testing.T) {
	for _, c := range []struct {
		a, b  string
		short bool
	}{
		{"Бахыт", "Бақытжан", true},
		{"Bakhyt", "Бақытжан", true},
		{"Бақыт", "Bakytzhan", true},
		{"Асыл", "Асылбек", true},
		{"Сауле", "Сәулегүл", true},
		{"Талгат", "Талғатбек", true},
		{"Sobir", "Sobirjon", true},
		{"Ер", "Ержан", false},    // too little left to be a name
		{"Ерлан", "Ержан", false}, // two names
		{"Бекзат", "Бекжан", false},
	} {
		a, b := newPart(c.a, nil), newPart(c.b, nil)
		a.short, b.short = shortKeys(c.a), shortKeys(c.b)
		_, how := tokenSim(a, b)
		if got := how == howShortened; got != c.short {
			t.Errorf("%s / %s: %q, want shortened %v", c.a, c.b, how, c.short)
		}
	}
}

// TestShortenedNameReviewNeverAuto: with the family name and the year the
// same, a shortened given name reaches review, and nothing (not even the
// same father's name) makes it automatic: a father Бақыт names his son
// Бақытжан.
func TestShortenedNameReviewNeverAuto(t *testing.T) {
	e := &Engine{opts: Options{Thresholds: DefaultThresholds}}
	for _, c := range [][2]*Person{
		{synthPerson("Сапаров Бахыт", 1982, "", ""), synthPerson("Сапаров Бақытжан", 1982, "", "M")},
		{synthPerson("Saparov Bakhyt", 1982, "Taraz", "M"), synthPerson("Сапаров Бақытжан", 1982, "Тараз", "M")},
		{synthPerson("Сапаров Бахыт Ерланович", 1982, "Тараз", ""), synthPerson("Сапаров Бақытжан Ерланұлы", 1982, "Тараз", "M")},
	} {
		res := e.pick(c[0], scoredResults(c[0], c[1:]), 0, 10)
		if len(res) == 0 || res[0].Decision != "review" {
			t.Errorf("%s / %s: %+v, want review", c[0].Name.Full, c[1].Name.Full, res)
		}
	}
}
