package data

import "time"

// PublicReport is all that anyone may see of a report: never a phone number,
// a contact name, or an exact location. The API, the pages, the exports and
// the changes feed all show this and nothing more.
type PublicReport struct {
	ID          string `json:"id"`
	Kind        Kind   `json:"kind"`
	FullName    string `json:"full_name"`
	GivenName   string `json:"given_name,omitempty"`
	FamilyName  string `json:"family_name,omitempty"`
	Patronymic  string `json:"patronymic,omitempty"`
	Sex         string `json:"sex,omitempty"`
	BirthYear   int    `json:"birth_year,omitempty"`
	YearApprox  bool   `json:"birth_year_approximate,omitempty"`
	City        string `json:"city,omitempty"`
	Region      string `json:"region,omitempty"`
	Country     string `json:"country,omitempty"`
	Description string `json:"description,omitempty"`
	Status      string `json:"status"`
	LinkedID    string `json:"linked_report_id,omitempty"`
	// Outcome says whether there is news (single-report views only):
	// none, reported_safe or found, with its date; never the details.
	Outcome   Outcome    `json:"outcome,omitempty"`
	OutcomeAt *time.Time `json:"outcome_at,omitempty"`
	CreatedAt time.Time  `json:"created_at"`
	ExpiresAt time.Time  `json:"expires_at"`
}

// Public is r's public view.
func Public(r *Report) PublicReport {
	return PublicReport{
		ID: r.ID, Kind: r.Kind, FullName: HideContacts(r.FullName), GivenName: HideContacts(r.GivenName), FamilyName: HideContacts(r.FamilyName),
		Patronymic: HideContacts(r.Patronymic), Sex: r.Sex, BirthYear: r.BirthYear, YearApprox: r.YearApprox,
		City: HideContacts(r.City), Region: HideContacts(r.Region), Country: HideContacts(r.Country), Description: HideContacts(r.Description),
		Status: r.Status, LinkedID: r.LinkedID, CreatedAt: r.CreatedAt, ExpiresAt: r.ExpiresAt,
	}
}

// PublicNote is a note as anyone may see it.
type PublicNote struct {
	ID        string    `json:"id"`
	Status    string    `json:"status,omitempty"`
	Text      string    `json:"text"`
	Author    string    `json:"author,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// PublicNoteOf is n's public view: phone numbers in the text are hidden.
func PublicNoteOf(n *Note) PublicNote {
	return PublicNote{ID: n.ID, Status: n.Status, Text: HideContacts(n.Text), Author: HideContacts(n.Author), CreatedAt: n.CreatedAt}
}
