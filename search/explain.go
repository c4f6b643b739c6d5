package search

import (
	"encoding/json"
	"fmt"
)

// Lines renders reasons as readable lines, one per reason that says
// something; withEffect adds each one's contribution to the score (the
// console shows it, public pages do not). The one renderer of explanations.
func Lines(rs []Reason, withEffect bool) []string {
	lines := make([]string, 0, len(rs))
	for _, r := range rs {
		switch {
		case r.Text == "":
		case withEffect:
			lines = append(lines, fmt.Sprintf("%s (%+.2f)", r.Text, r.Effect))
		default:
			lines = append(lines, r.Text)
		}
	}
	return lines
}

// StoredLines renders a match's stored explanation: the engine's JSON list
// of reasons; an older JSON list of plain lines as it is; anything else as
// one line.
func StoredLines(raw string, withEffect bool) []string {
	if raw == "" {
		return []string{}
	}
	var rs []Reason
	if json.Unmarshal([]byte(raw), &rs) == nil {
		return Lines(rs, withEffect)
	}
	var lines []string
	if json.Unmarshal([]byte(raw), &lines) == nil {
		return lines
	}
	return []string{raw}
}
