package search

import (
	"strings"
	"testing"
)

// TestNameWithContactsInIt: a handle, an e-mail or a link typed into a
// name is no part of it, so explanations cannot show it and a search for
// it confirms nothing.
func TestNameWithContactsInIt(t *testing.T) {
	for _, full := range []string{"Сериков Нурлан тг nurik_kz", "Бекова Дана dana.bek@mail.ru", "Ерлан Жумабаев t.me/erlanzh", "Жумабаев Ерлан 8 701 123 45 67"} {
		n := ParseName(full)
		for _, part := range append([]string{n.Given, n.Family, n.Patronymic}, n.Other...) {
			if strings.ContainsAny(part, "_@/0123456789") || strings.Contains(part, "erlanzh") {
				t.Errorf("ParseName(%q) keeps %q as a name part: %+v", full, part, n)
			}
		}
	}
	cand := PersonFromReport(report("safe", "Бекова Дана dana.bek@mail.ru", 0, "", ""))
	right, _ := scoreRaw(synthPerson("Бекова dana.bek@mail.ru", 0, "", ""), cand)
	wrong, _ := scoreRaw(synthPerson("Бекова dana.bek@list.ru", 0, "", ""), cand)
	if right != wrong {
		t.Errorf("a guessed e-mail moves the score: %.3f for the right one, %.3f for a wrong one", right, wrong)
	}
}

// TestPublicLinesHideEachValue: public explanation lines hide a contact in
// a name, and keep two equal years as they are.
func TestPublicLinesHideEachValue(t *testing.T) {
	lines := Lines([]Reason{
		{Field: "year", Q: "1979", C: "1979", How: "="},
		{Field: "given", Q: "erlan", C: "erlan @erlan_zh", How: "similar"},
	}, false, func(r Reason) string { return r.Field + ": " + r.Q + " — " + r.C })
	if len(lines) != 2 || lines[0] != "year: 1979 — 1979" || strings.Contains(lines[1], "erlan_zh") {
		t.Errorf("public lines: %q", lines)
	}
}

// TestVolunteerLinesWarnBusyNetwork: a volunteer reads each reason with
// its part of the score, and the busy network as a warning, without the
// "+0.00" that read as "this does not matter"; the public reads neither.
func TestVolunteerLinesWarnBusyNetwork(t *testing.T) {
	rs := []Reason{{Field: "given", Q: "erlan", C: "erlan", How: "=", Effect: 0.4}, {Field: FieldBusyNetwork, Text: "busy network"}}
	say := func(r Reason) string { return r.Field }
	if got := strings.Join(Lines(rs, true, say), "|"); got != "given (+0.40)|⚠ busy_network" {
		t.Errorf("volunteer lines %q", got)
	}
	if got := strings.Join(Lines(rs, false, say), "|"); got != "given" {
		t.Errorf("public lines %q", got)
	}
}
