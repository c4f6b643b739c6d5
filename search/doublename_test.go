package search

import "testing"

// TestOneOfDoubleSurname: one half of a double family name, hyphenated or
// typed with a space, in either script, is near the whole; a different
// family name or the other sex's form of the half is not.
func TestOneOfDoubleSurname(t *testing.T) {
	for _, c := range []struct {
		q, c string
		half bool
	}{
		{"Петрова Анна", "Иванова-Петрова Анна", true},
		{"Иванова Анна", "Иванова-Петрова Анна", true},
		{"Ivanova Anna", "Иванова-Петрова Анна", true},
		{"Иванова-Петрова Анна", "Petrova Anna", true},
		{"Ахметова Марина", "Соколова Ахметова Марина", true},
		{"Иванова-Петрова Анна", "Петрова-Сидорова Анна", true},
		{"Сидорова Анна", "Иванова-Петрова Анна", false},
		{"Петров Иван", "Иванова-Петрова Анна", false},
	} {
		q, cand := synthPerson(c.q, 0, "", ""), synthPerson(c.c, 0, "", "")
		_, how, _ := familySim(q.family, cand.family)
		if got := how == howDoubleSurname; got != c.half {
			t.Errorf("%s / %s: %q, want one of a double surname %v", c.q, c.c, how, c.half)
		}
	}
}

// TestDoubleSurnameReviewNotAuto: the half and the given name and year
// reach review, even above the exact name born in another year, and no
// SMS goes out on the half alone.
func TestDoubleSurnameReviewNotAuto(t *testing.T) {
	e := &Engine{opts: Options{Thresholds: DefaultThresholds}}
	for _, c := range []struct {
		q      *Person
		others []*Person
	}{
		{synthPerson("Петрова Анна", 1980, "", ""), []*Person{synthPerson("Иванова-Петрова Анна", 1980, "", "F")}},
		{synthPerson("Иванова Анна", 0, "", ""), []*Person{synthPerson("Иванова-Петрова Анна", 1980, "", "F")}},
		{synthPerson("Ахметова Марина", 1984, "Алматы", "F"), []*Person{
			synthPerson("Соколова-Ахметова Марина", 1984, "Алматы", "F"), synthPerson("Ахметова Марина", 1990, "Алматы", "F")}},
		// the exact name of no known year, in the same town or none, is a
		// thinner lead than the half with the year and the town
		{synthPerson("Ахметова Марина", 1984, "Алматы", "F"), []*Person{
			synthPerson("Соколова-Ахметова Марина", 1984, "Алматы", "F"), synthPerson("Ахметова Марина", 0, "Алматы", "F")}},
		{synthPerson("Цой Елена", 1980, "", "F"), []*Person{
			synthPerson("Пак (Цой) Елена", 1980, "Алматы", "F"), synthPerson("Цой Елена", 0, "", "F")}},
	} {
		res := e.pick(c.q, scoredResults(c.q, c.others), 0, 10)
		if len(res) == 0 || res[0].ReportID != "r0" || res[0].Decision != "review" {
			t.Errorf("%s: %+v, want r0 in review", c.q.Name.Full, res)
		}
	}
}

// TestFormerSurnameInBrackets: a maiden or earlier family name in
// brackets is a half of the name; the one before the bracket is the name
// she carries now, the whole family name.
func TestFormerSurnameInBrackets(t *testing.T) {
	for _, c := range []struct {
		q, c, want string
	}{
		{"Цой Елена", "Пак (Цой) Елена", howDoubleSurname},
		{"Tsoi Elena", "Пак (Цой) Елена", howDoubleSurname},
		{"Пак Елена", "Пак (Цой) Елена", "transliteration"},
		{"Pak Elena", "Пак (Цой) Елена", "transliteration"},
		{"Шевчук Анна", "Иванова Анна (урожд. Шевчук)", howDoubleSurname},
		{"Иванова Анна", "Иванова Анна (урожд. Шевчук)", "transliteration"},
		{"Серикова Гульнара", "Ахметова Гульнара (в девичестве Серикова)", howDoubleSurname},
		{"Ахметова (Серикова) Гульнара", "Ахметова Гульнара", "transliteration"},
		{"Ким Елена", "Пак (Цой) Елена", "different"},
	} {
		q, cand := synthPerson(c.q, 0, "", ""), synthPerson(c.c, 0, "", "")
		if _, how, _ := familySim(q.family, cand.family); how != c.want {
			t.Errorf("%s / %s: %q, want %q", c.q, c.c, how, c.want)
		}
	}
}
