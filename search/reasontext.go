package search

import "fmt"

// reasonText words a reason in English (Text): the line of eval output,
// logs and stored explanations. Worked out for the candidates a query
// keeps (worded), not for every candidate the re-ranker scores: the
// formatting was a tenth of matching an imported list.
func reasonText(r Reason) string {
	switch r.Field {
	case "family":
		return partText("family name", r)
	case "given":
		return partText("given name", r)
	case "patronymic":
		if r.How == "same father" {
			return fmt.Sprintf("patronymic: %s ≈ %s (same father's name)", r.Q, r.C)
		}
		return fmt.Sprintf("patronymic: %s ≠ %s (different father's name)", r.Q, r.C)
	case "sex":
		return fmt.Sprintf("sex: %s ≠ %s (a relative, not the same person)", sexWord(r.Q), sexWord(r.C))
	case "year":
		return yearText(r)
	case FieldCity:
		return fmt.Sprintf("city %s %s %s", r.Q, r.How, r.C)
	}
	return r.Text
}

func partText(field string, r Reason) string {
	op := "≈"
	switch {
	case r.detail == "same":
		return fmt.Sprintf("%s: %s = %s", field, r.Q, r.C)
	case r.Effect < 0.5:
		op = "≠"
	}
	return fmt.Sprintf("%s: %s %s %s (%s)", field, r.Q, op, r.C, r.detail)
}

func yearText(r Reason) string {
	switch r.How {
	case "=":
		return fmt.Sprintf("year %s = %s", r.Q, r.C)
	case "±1":
		return fmt.Sprintf("year %s ≈ %s (±1 is common)", r.Q, r.C)
	case "generation":
		return fmt.Sprintf("year %s ≠ %s (%d years apart: a parent or a child?)", r.Q, r.C, r.apart)
	}
	return fmt.Sprintf("year %s ≠ %s (%d years apart)", r.Q, r.C, r.apart)
}

func sexWord(s string) string {
	switch s {
	case "M":
		return "male"
	case "F":
		return "female"
	}
	return "unknown"
}

// worded returns a copy of rs with every reason's Text filled (a copy: an
// append by one caller must not reach another's).
func worded(rs []Reason) []Reason {
	out := make([]Reason, len(rs))
	for i, r := range rs {
		if r.Text == "" {
			r.Text = reasonText(r)
		}
		out[i] = r
	}
	return out
}
