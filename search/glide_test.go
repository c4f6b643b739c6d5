package search

import "testing"

// TestLatinGlides: passport Latin writes ье after a consonant as ye
// (Grigoryev = Григорьев) and Uzbek Latin ё after a vowel as yo (Ziyoda =
// Зиёда): transliterations, as Grigoriev and Ziyeda were. Ye and yo are й
// with a vowel too (Mayorov = Майоров), and other names stay apart.
func TestLatinGlides(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"GRIGORYEV", "Григорьев", true},
		{"Grigoryev", "Григорьева", false},
		{"VOROBYEV", "Воробьев", true},
		{"Vorobyeva", "Воробьёва", true},
		{"Solovyev", "Соловьёв", true},
		{"Ilyenko", "Ильенко", true},
		{"Ziyoda", "Зиёда", true},
		{"Bakhtiyor", "Бахтиёр", true},
		{"Mayorov", "Майоров", true},
		{"Yevgeniy", "Евгений", true},
		{"Grigoryev", "Григоров", false},
		{"Ziyoda", "Зейда", false},
	} {
		_, how := tokenSim(newPart(c.a, nil), newPart(c.b, nil))
		if got := how == "transliteration"; got != c.want {
			t.Errorf("%s / %s: %q, want transliteration %v", c.a, c.b, how, c.want)
		}
	}
}
