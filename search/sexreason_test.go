package search

import (
	"testing"

	"tuys/data"
)

// TestSexReasonNamesTheClash: when the family names' endings are what
// disagree, the reason names the two sexes they say, never "male — male"
// or an empty side (matching trial, 2026-12-06).
func TestSexReasonNamesTheClash(t *testing.T) {
	for _, tt := range []struct{ q, qSex, c, cSex string }{
		{"Жумабаев Ерлан", "M", "Жумабаева Ерлан", "M"},
		{"Жумабаев Ерлан", "", "Жумабаева Айгуль", "F"},
		{"Ivanova Anna", "", "Иванов Иван", ""},
	} {
		q := PersonFromReport(&data.Report{FullName: tt.q, Sex: tt.qSex})
		c := PersonFromReport(&data.Report{FullName: tt.c, Sex: tt.cSex})
		_, rs := scoreRaw(q, c)
		found := false
		for _, r := range rs {
			if r.Field != "sex" {
				continue
			}
			found = true
			if r.Q == "" || r.C == "" || r.Q == r.C {
				t.Errorf("%s / %s: sex reason %q — %q", tt.q, tt.c, r.Q, r.C)
			}
		}
		if !found {
			t.Errorf("%s / %s: no sex reason in %+v", tt.q, tt.c, rs)
		}
	}
}
