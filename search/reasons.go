package search

import (
	"encoding/json"
	"fmt"

	"tuys/data"
)

// Phrase words one reason in the reader's language (the api's catalogs);
// English reads Text.
type Phrase func(r Reason) string

// English is the phrase of eval output and logs.
func English(r Reason) string { return r.Text }

// Lines renders reasons as readable lines, one per reason that says
// something. For volunteers each line carries its contribution to the
// score; the public sees neither that nor any reason about phones, which
// would answer "is this their number?" to whoever guesses one. The one
// renderer of explanations: pages, the API and the console all use it.
func Lines(rs []Reason, volunteer bool, say Phrase) []string {
	if !volunteer {
		return PublicLines(rs, say, &data.Hider{})
	}
	lines := make([]string, 0, len(rs))
	for _, r := range rs {
		text := say(r)
		switch {
		case text == "":
		case r.Field == FieldBusyNetwork: // a warning, not a part of the score: a "+0.00" read as "no matter" (a trial, 2026-12-07)
			lines = append(lines, "⚠ "+text)
		default:
			lines = append(lines, fmt.Sprintf("%s (%+.2f)", text, r.Effect))
		}
	}
	return lines
}

// PublicLines is Lines for the public, with hide hiding the contacts in
// each value on its own (and a place's door: data.HidePlace): a name typed
// with a contact in it is hidden, and "1979 — 1979" is not read as one
// number. A search answer passes the data.Hider of its hits, which hides
// the words they share once.
func PublicLines(rs []Reason, say Phrase, hide *data.Hider) []string {
	lines := make([]string, 0, len(rs))
	for _, r := range rs {
		if r.Private() {
			continue
		}
		switch r.Field {
		case FieldCity:
			r.Q, r.C, r.Text = hide.Place(r.Q), hide.Place(r.C), hide.Place(r.Text)
		case "family", "given", "patronymic":
			// A name needs no digits, and one group per name field
			// (Ахметов-8701 Арман-123 Серикович-4567) spelled a number
			// across the reasons, each group too short to be hidden (an
			// attacker's trial, 2026-12-07); stored explanations of
			// older matches are rendered here too.
			r.Q, r.C, r.Text = data.HideNameDigits(hide.Hide(r.Q)), data.HideNameDigits(hide.Hide(r.C)), data.HideNameDigits(hide.Hide(r.Text))
		default:
			r.Q, r.C, r.Text = hide.Hide(r.Q), hide.Hide(r.C), hide.Hide(r.Text)
		}
		if text := say(r); text != "" {
			lines = append(lines, text)
		}
	}
	return lines
}

// StoredLines renders a match's stored explanation: the engine's JSON list
// of reasons; an older JSON list of plain lines (volunteers only); anything
// else as one line (volunteers only).
func StoredLines(raw string, volunteer bool, say Phrase) []string {
	if raw == "" {
		return []string{}
	}
	var rs []Reason
	if json.Unmarshal([]byte(raw), &rs) == nil {
		return Lines(rs, volunteer, say)
	}
	if !volunteer {
		return []string{} // unknown shape: it may mention anything
	}
	var lines []string
	if json.Unmarshal([]byte(raw), &lines) == nil {
		return lines
	}
	return []string{raw}
}

// FieldCity is the reason about the place: public, shown through
// data.HidePlace.
const FieldCity = "city"

// Reason fields only volunteers see: agreement of phone numbers, and
// where the reports were filed from.
const (
	FieldPhone       = "phone"        // both reports give the same contact phone
	FieldVerified    = "verified"     // the safe report was sent by SMS from the number the seeker gave
	FieldKnownNumber = "known_number" // the safe report carries the number the seeker gave, typed
	FieldBusyNetwork = "busy_network" // a report's network was already in networkAutoLimit automatic matches (busyNetwork)
)

// Private reports whether r is for volunteers only: a public reason that
// mentioned a phone would answer "is this their number?", and one about
// where reports came from would tell who filed them.
func (r Reason) Private() bool {
	return r.Field == FieldPhone || r.Field == FieldVerified || r.Field == FieldKnownNumber || r.Field == FieldBusyNetwork
}
