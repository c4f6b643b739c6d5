package search

import "testing"

// TestFatherNameEndingInU: a son's -ұлы swallows the у a father's name
// ends with in its key (Төлеуұлы); the Russian form keeps it (Толеуович):
// the same father, not two a letter apart.
func TestFatherNameEndingInU(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"Толеуович", "Төлеуұлы", true},
		{"Tileuovich", "Тілеуұлы", true},
		{"Төлеуұлы", "Toleuovna", true},
		{"Серикович", "Серікұлы", true},
		{"Толеуович", "Төлегенұлы", false},
		// The Kazakh and the Russian form of one father's name (an
		// unseen-names trial, 2026-12-07).
		{"Тулегенович", "Төлегенұлы", true},
		{"Tulegenovich", "Төлегенұлы", true},
		{"Жакупович", "Жақыпұлы", true},
		{"Тулегенович", "Төлеуұлы", false},
	} {
		got := patronymicSim(newPart(c.a, nil), newPart(c.b, nil)) == 1
		if got != c.same {
			t.Errorf("%s / %s: same father %v, want %v", c.a, c.b, got, c.same)
		}
	}
}
