package search

import (
	"fmt"
	"testing"

	"tuys/data"
)

// TestDecideIgnoresContradictedNamesake: a namesake within the margin
// blocks an automatic decision unless something known about it contradicts
// the seeker (issue #14: with 100,000 distractors the same name with no
// year in another town kept one true pair in ten from auto).
func TestDecideIgnoresContradictedNamesake(t *testing.T) {
	q := synthPerson("Nurlanova Asem", 1995, "Almaty", "")
	best := synthPerson("Нурланова Асем", 1995, "Алматы", "F")
	cases := []struct {
		why    string
		others []*Person
		limit  int
		want   string
	}{
		{"alone", nil, 10, "auto"},
		{"namesake elsewhere, no year", []*Person{synthPerson("Asem Nurlanova", 0, "Moscow", "F")}, 10, "auto"},
		{"namesake elsewhere, a year apart", []*Person{synthPerson("Нурланова Асем", 1994, "Костанай", "F")}, 10, "auto"},
		{"namesake, nothing known", []*Person{synthPerson("Asem Nurlanova", 0, "", "")}, 10, "review"},
		{"namesake, same year, place unknown", []*Person{synthPerson("Нурланова Асем", 1995, "", "")}, 10, "review"},
		{"contradicted one, then a silent one", []*Person{
			synthPerson("Asem Nurlanova", 0, "Moscow", "F"), synthPerson("Nurlanova Asem", 0, "", "")}, 10, "review"},
		{"a silent one past the caller's cut", []*Person{synthPerson("Nurlanova Asem", 0, "", "")}, 1, "review"},
	}
	e := &Engine{opts: Options{Thresholds: DefaultThresholds}}
	for _, c := range cases {
		all := scoredResults(q, append([]*Person{best}, c.others...))
		res := e.pick(q, all, 0, c.limit)
		if res[0].ReportID != "r0" || res[0].Decision != c.want {
			t.Errorf("%s: best %s decided %q, want r0 %q", c.why, res[0].ReportID, res[0].Decision, c.want)
		}
	}
}

func synthPerson(name string, year int, city, sex string) *Person {
	return PersonFromReport(&data.Report{FullName: name, BirthYear: year, City: city, Sex: sex})
}

// scoredResults scores cs against q, best first, as the engine does; the
// i-th person is report "ri".
func scoredResults(q *Person, cs []*Person) []Result {
	cands := make([]candidate, len(cs))
	for i, c := range cs {
		cands[i] = candidate{s: &stored{ID: fmt.Sprintf("r%d", i)}, person: c}
	}
	return scoreAll(q, cands)
}

// TestUnisexDiminutiveWithoutSexIsReviewed: a diminutive of names of both
// sexes (Саша, Женя, Валя) says nothing of the person's sex, and a family
// name that does not either (Ким, Мельник, Пак) leaves a brother and a
// sister one name: auto only when that side's sex is known (given, or
// from the family name's ending).
func TestUnisexDiminutiveWithoutSexIsReviewed(t *testing.T) {
	e := &Engine{opts: Options{Thresholds: DefaultThresholds}}
	for _, c := range []struct {
		q, qSex, doc, docSex, want string
	}{
		{"Ким Саша", "", "Ким Александра", "F", "review"},
		{"Ким Саша", "", "Ким Александр", "M", "review"},
		{"Мельник Женя", "", "Мельник Евгения", "F", "review"},
		{"Pak Valya", "", "Пак Валентина", "F", "review"},
		{"Ким Евгения", "F", "Ким Женя", "", "review"}, // the diminutive on the found side
		{"Ким Саша", "F", "Ким Александра", "F", "auto"},
		{"Иванов Саша", "", "Иванов Александр", "M", "auto"}, // -ов says he
		{"Мельник Дима", "", "Мельник Дмитрий", "M", "auto"}, // Дима is his alone
		{"Ким Евгения", "F", "Ким Женя", "F", "auto"},
	} {
		q := synthPerson(c.q, 1990, "Алматы", c.qSex)
		res := e.pick(q, scoredResults(q, []*Person{synthPerson(c.doc, 1990, "Алматы", c.docSex)}), 0, 10)
		if len(res) == 0 || res[0].Decision != c.want {
			t.Errorf("%s (%s) for %s (%s): %+v, want %s", c.q, c.qSex, c.doc, c.docSex, res, c.want)
		}
	}
}

// TestNearNamesOfATrialAreNotAutomatic: pairs a matching trial on unseen
// names found confirmed automatically (2026-12-07): Данияр and Даниял,
// Тұмар and Томирис, two names the table held as spellings of one; and
// a father's name typed where the surname goes (Нурлан Кайратулы) against
// a Қайратов, one family or none. Each goes to a volunteer; the same
// pairs with the name as written still decide.
func TestNearNamesOfATrialAreNotAutomatic(t *testing.T) {
	e := &Engine{opts: Options{Thresholds: DefaultThresholds}}
	for _, c := range []struct {
		q, doc, want string
	}{
		{"Сагынтаев Данияр", "Сағынтаев Даниял", "review"},
		{"Сейитова Тумар", "Сейітова Томирис", "review"},
		{"Нурлан Кайратулы", "Қайратов Нұрлан", "review"},
		{"Сагынтаев Даниял", "Сағынтаев Даниал", "auto"},
		{"Нурлан Кайратов", "Қайратов Нұрлан", "auto"},
		{"Kairatuly Nurlan", "Қайратұлы Нұрлан", "auto"},
	} {
		q := synthPerson(c.q, 1984, "Алматы", "")
		res := e.pick(q, scoredResults(q, []*Person{synthPerson(c.doc, 1984, "Алматы", "")}), 0, 10)
		if len(res) == 0 || res[0].Decision != c.want {
			t.Errorf("%s for %s: %+v, want %s", c.q, c.doc, res, c.want)
		}
	}
}

// TestQandKhSurnamesAreNotAutomatic: Kazakh wrote the Arabic х as қ, but
// Қасенов and Хасенов (Қалиев, Халиев; Қожанов, Хожанов) are different
// families today: a trial on unseen names (2026-12-07) found each matched
// the other automatically, from Cyrillic and from the 2021 Latin's Q. A
// given name keeps the correspondence (Қайрат = Хайрат), and the other
// Kazakh/Russian forms of a surname still decide (Төлегенов = Тулегенов).
func TestQandKhSurnamesAreNotAutomatic(t *testing.T) {
	e := &Engine{opts: Options{Thresholds: DefaultThresholds}}
	for _, c := range []struct {
		q, doc, want string
	}{
		{"Қасенов Ерлан", "Хасенов Ерлан", "review"},
		{"Qasenov Erlan", "Хасенов Ерлан", "review"},
		{"Khaliev Miras", "Қалиев Мирас", "review"},
		{"Хожанов Бекзат", "Қожанов Бекзат", "review"},
		{"Касенов Ерлан", "Қасенов Ерлан", "auto"},
		{"Тулегенов Ерлан", "Төлегенов Ерлан", "auto"},
		{"Ахметов Хайрат", "Ахметов Қайрат", "auto"},
		{"Садвакасов Мурат", "Садуақасов Мұрат", "auto"},
	} {
		q := synthPerson(c.q, 1984, "Алматы", "")
		res := e.pick(q, scoredResults(q, []*Person{synthPerson(c.doc, 1984, "Алматы", "")}), 0, 10)
		if len(res) == 0 || res[0].Decision != c.want {
			t.Errorf("%s for %s: %+v, want %s", c.q, c.doc, res, c.want)
		}
	}
}
