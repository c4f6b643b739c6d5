package data

import "testing"

// TestBirthDatesAfterLookalikeLetters: a day of birth or a year after a
// name whose letters look like digits (В, Т, О) stays (a helper's trial of
// over-hiding, 2026-12-07, found "Ким В.•••" and "АХМЕ•••"); lookalikes
// among the digits, or standing alone before them, are still a number.
func TestBirthDatesAfterLookalikeLetters(t *testing.T) {
	expectHidden(t, HideContacts, []struct{ in, want string }{
		{"Ким В.В. 12.05.1985", "Ким В.В. 12.05.1985"},
		{"АХМЕТОВ 1985 г.р.", "АХМЕТОВ 1985 г.р."},
		{"СЕЙТОВ Т.О., 03.11.1979 года рождения", "СЕЙТОВ Т.О., 03.11.1979 года рождения"},
		{"Петров Б.О. 1990 г.; ТОКТАРОВ 2001 жыл; ZABOTIN born 1969", "Петров Б.О. 1990 г.; ТОКТАРОВ 2001 жыл; ZABOTIN born 1969"},
		// and what is still a number
		{"Ким 8 7O1 12.05.1985; ТО 12.05.1985", "Ким •••; •••"},
		{"ИВТООI 234 567; АХМЕТОВ 1985 123 45 67", "И•••; АХМЕ•••"},
		{"В.В. 7О1 123 45 67", "В.•••"},
	})
}
