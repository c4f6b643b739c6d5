package search

import (
	"testing"

	"tuys/data"
)

func TestScoreCases(t *testing.T) {
	p := func(name string, year int, city, sex string) *Person {
		return PersonFromReport(&data.Report{FullName: name, BirthYear: year, City: city, Sex: sex})
	}
	th := DefaultThresholds
	cases := []struct {
		why      string
		q, c     *Person
		min, max float64
	}{
		{"same person across scripts", p("Zhumabayev Yerlan", 1985, "Almaty", ""), p("Жұмабаев Ерлан", 1985, "Алматы", "M"), th.Auto, 1},
		{"reversed order and patronymic", p("Ерлан Жумабаев Серикович", 1986, "Алма-Ата", ""), p("Жұмабаев Ерлан Серікұлы", 1985, "Алматы", ""), th.Auto, 1},
		{"diminutive", p("Саша Иванов", 1972, "", ""), p("Ivanov Aleksandr", 1972, "", ""), th.Auto, 1},
		{"sister", p("Жумабаева Айгерим", 1990, "", ""), p("Жумабаев Айдар", 1990, "", ""), 0, th.Review},
		{"father with the same name", p("Zhumabayev Yerlan", 1958, "", ""), p("Жумабаев Ерлан", 1985, "", ""), 0, th.Review},
		{"one letter, another name", p("Есенова Асем", 1994, "", ""), p("Есенова Асель", 1994, "", ""), 0, th.Auto - 0.1},
		{"different father", p("Оспанов Бауыржан Кайратович", 1983, "", ""), p("Оспанов Бауыржан Серикович", 1983, "", ""), 0, th.Auto - 0.1},
		{"surname typo", p("Ибрагимов Тимур", 2004, "Алматы", ""), p("Ибраимов Тимур", 2004, "Алматы", ""), th.Auto, 1},
		{"Korean surname spellings", p("Choi Viktor", 1980, "", ""), p("Цой Виктор", 1980, "", ""), th.Auto, 1},
	}
	for _, c := range cases {
		s, why := scoreOf(c.q, c.c)
		if s < c.min || s > c.max {
			t.Errorf("%s: score %.2f not in [%.2f, %.2f]: %+v", c.why, s, c.min, c.max, why)
		}
	}
}

// scoreOf is the re-ranker's score in [0,1], as the engine stores it.
func scoreOf(q, c *Person) (float64, []Reason) {
	s, why := scoreRaw(q, c)
	return clamp01(s), why
}
