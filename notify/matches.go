package notify

import (
	"strconv"
	"strings"

	"tuys/data"
)

// matchesLine lists public match summaries for an SMS: short name, year,
// city — never a phone or private detail. Shorter at higher levels.
func matchesLine(lang string, rs []*data.Report, level int) string {
	limit := 3 - level
	if limit < 1 {
		limit = 1
	}
	var parts []string
	for i, r := range rs {
		if i >= limit {
			break
		}
		s := ShortName(personName(r), max(level, 1), 22)
		if r.BirthYear > 0 {
			s += " " + strconv.Itoa(r.BirthYear)
		}
		if r.City != "" {
			s += " " + Truncate(r.City, 12)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}
