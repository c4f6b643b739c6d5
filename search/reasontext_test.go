package search

import (
	"slices"
	"strings"
	"testing"

	"tuys/data"
)

// The reasons of a scored pair are worded as they always were, once kept:
// the English lines of eval output, logs and stored explanations.
func TestReasonWording(t *testing.T) {
	for _, c := range []struct {
		q, c *data.Report
		want []string
	}{
		{&data.Report{FullName: "Жумабаев Ерлан Серикович", BirthYear: 1980, City: "Алматы", Sex: "M"},
			&data.Report{FullName: "Zhumabayev Yerlan Serikovich", BirthYear: 1990, City: "Almaty", Sex: "F"},
			[]string{"family name: Жумабаев ≈ Zhumabayev (transliteration)", "given name: Ерлан ≈ Yerlan (transliteration)",
				"patronymic: Серикович ≈ Serikovich (same father's name)", "sex: male ≠ female (a relative, not the same person)",
				"year 1980 ≠ 1990 (10 years apart)", "city Алматы = Almaty"}},
		{&data.Report{FullName: "Ахметов Ерлан Болатович", BirthYear: 1980, City: "Алматы"},
			&data.Report{FullName: "Ахмедов Ерлан Серикович", BirthYear: 1950, City: "Астана"},
			[]string{"family name: Ахметов ≈ Ахмедов (another real surname)", "given name: Ерлан = Ерлан",
				"patronymic: Болатович ≠ Серикович (different father's name)",
				"year 1980 ≠ 1950 (30 years apart: a parent or a child?)", "city Алматы ≠ Астана"}},
		{&data.Report{FullName: "Иванов Пётр", BirthYear: 1980}, &data.Report{FullName: "Иванов Пётр", BirthYear: 1981},
			[]string{"family name: Иванов = Иванов", "year 1980 ≈ 1981 (±1 is common)"}},
		{&data.Report{FullName: "Иванов Пётр", BirthYear: 1980}, &data.Report{FullName: "Иванов Пётр", BirthYear: 1980},
			[]string{"year 1980 = 1980"}},
	} {
		_, rs := scoreRaw(PersonFromReport(c.q), PersonFromReport(c.c))
		var got []string
		for _, r := range worded(rs) {
			got = append(got, r.Text)
		}
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s / %s: no line %q in\n%s", c.q.FullName, c.c.FullName, w, strings.Join(got, "\n"))
			}
		}
	}
}
