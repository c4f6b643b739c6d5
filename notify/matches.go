package notify

import (
	"strconv"
	"strings"

	"tuys/data"
)

// matchesLine lists public match summaries for an SMS: short name, year,
// city — never a phone or private detail; each person once. Shorter at
// higher levels.
func (c *Composer) matchesLine(lang string, rs []*data.Report, level int) string {
	limit := 3 - level
	if limit < 1 {
		limit = 1
	}
	var parts []string
	seen := map[string]bool{}
	for _, r := range rs {
		if len(parts) >= limit {
			break
		}
		s := ShortName(personName(r), max(level, 1), 22)
		if r.BirthYear > 0 {
			s += " " + strconv.Itoa(r.BirthYear)
		}
		if city := c.smsPlace(r.City, lang); city != "" { // the stored field as typed may hold a number or a door
			s += " " + Truncate(city, 12)
		}
		if !seen[s] { // two reports of one person are listed once
			seen[s] = true
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "; ")
}
