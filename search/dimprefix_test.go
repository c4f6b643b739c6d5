package search

import "testing"

// TestMoreDiminutives: Ерке is any name compounded with ерке (Еркебұлан,
// Еркебулан, Еркежан), Назик is Назерке, Яся Ярослава; other names and
// a surname stay apart.
func TestMoreDiminutives(t *testing.T) {
	for _, c := range []struct {
		short, full string
		want        bool
	}{
		{"Ерке", "Еркебұлан", true},
		{"erke", "Еркебулан", true},
		{"Ерке", "Еркежан", true},
		{"Назик", "Назерке", true},
		{"Nazik", "Назерке", true},
		{"Яся", "Ярослава", true},
		{"Yasya", "Ярослава", true},
		{"Ерке", "Ербол", false},
		{"Ерке", "Еркебаев", false},
		{"Назик", "Назира", false},
		{"Яся", "Яна", false},
	} {
		a := newPart(c.short, lookupDiminutive(wordKeys(c.short)))
		b := newPart(c.full, lookupDiminutive(wordKeys(c.full)))
		_, how := tokenSim(a, b)
		if got := how == "diminutive"; got != c.want {
			t.Errorf("%s / %s: %q, want diminutive %v", c.short, c.full, how, c.want)
		}
	}
}

// TestPrefixDiminutiveSex: a short form standing for names of both sexes
// (Ерке: Еркебұлан, Еркежан) says nothing of the person's sex, so with a
// family name that says none either (Ким) a brother and his twin sister
// go to a volunteer; a family name's ending or a known sex decides, and
// Гуля stays hers alone.
func TestPrefixDiminutiveSex(t *testing.T) {
	if !unisexDiminutive(wordKeys("Ерке")) || unisexDiminutive(wordKeys("Гуля")) {
		t.Errorf("unisex: Ерке %v, Гуля %v; want true, false",
			unisexDiminutive(wordKeys("Ерке")), unisexDiminutive(wordKeys("Гуля")))
	}
	e := &Engine{opts: Options{Thresholds: DefaultThresholds}}
	for _, c := range []struct {
		q, qSex, doc, docSex, want string
	}{
		{"Ким Ерке", "", "Ким Еркежан", "F", "review"},
		{"Ким Ерке", "", "Ким Еркебулан", "M", "review"},
		{"Тилеубаев Ерке", "", "Тілеубаев Еркебұлан", "M", "auto"},
		{"Ким Ерке", "M", "Ким Еркебулан", "M", "auto"},
		{"Ким Ерке", "M", "Ким Еркежан", "F", "review"}, // a relative, for a volunteer
		{"Тилеубаев Ерке", "", "Тілеубаева Еркежан", "F", "review"},
		{"Кожахметова Назик", "", "Қожахметова Назерке", "F", "auto"},
		{"Руденко Яся", "F", "Руденко Ярослава", "F", "auto"},
	} {
		q := synthPerson(c.q, 2010, "Алматы", c.qSex)
		res := e.pick(q, scoredResults(q, []*Person{synthPerson(c.doc, 2010, "Алматы", c.docSex)}), 0, 10)
		got := ""
		if len(res) > 0 {
			got = res[0].Decision
		}
		if got != c.want {
			t.Errorf("%s (%s) for %s (%s): %+v, want %q", c.q, c.qSex, c.doc, c.docSex, res, c.want)
		}
	}
}
