package search

import "testing"

// TestDiminutives: everyday short forms of a given name are the name;
// Гуля (Гуль, Гулька) stands for every name compounded with гүл, which no
// list holds, but never for a surname that begins so.
func TestDiminutives(t *testing.T) {
	for _, c := range []struct {
		short, full string
		want        bool
	}{
		{"Гуля", "Гульчехра", true},
		{"Гуля", "Gulzhanat", true},
		{"Gulya", "Гүлбахор", true},
		{"Гулька", "Гульшат", true},
		{"Гуля", "Гульнара", true},
		{"Серёга", "Сергей", true},
		{"Серега", "Sergei", true},
		{"Жека", "Евгений", true},
		{"Бауке", "Бауыржан", true},
		{"Саня", "Александр", true},
		{"Колян", "Николай", true},
		{"Гуля", "Гулиева", false},
		{"Гуля", "Гуля", false}, // the same word: no short form of it
		{"Гуля", "Айгуль", false},
		{"Серёга", "Сергазы", false},
	} {
		a := newPart(c.short, lookupDiminutive(wordKeys(c.short)))
		b := newPart(c.full, lookupDiminutive(wordKeys(c.full)))
		_, how := tokenSim(a, b)
		if got := how == "diminutive"; got != c.want {
			t.Errorf("%s / %s: %q, want diminutive %v", c.short, c.full, how, c.want)
		}
	}
}
