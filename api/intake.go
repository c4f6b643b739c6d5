package api

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"tuys/data"
)

// ReportInput is the JSON body of POST /api/v1/reports; the web forms, the
// volunteer intake and SMS fill the same struct so one validator serves all.
type ReportInput struct {
	Kind          string       `json:"kind"`
	Person        PersonInput  `json:"person"`
	Contact       ContactInput `json:"contact"`
	ShareContact  bool         `json:"share_contact"`
	ExpiresInDays int          `json:"expires_in_days"`
}

// PersonInput describes the person the report is about.
type PersonInput struct {
	FullName     string `json:"full_name"`
	BirthYear    int    `json:"birth_year"`
	Age          *int   `json:"age"`
	Sex          string `json:"sex"`
	City         string `json:"city"`
	Region       string `json:"region"`
	Country      string `json:"country"`
	LastLocation string `json:"last_location"`
	Description  string `json:"description"`
}

// ContactInput is the reporter: the seeker, or the safe person themselves.
type ContactInput struct {
	Name     string `json:"name"`
	Phone    string `json:"phone"`
	Relation string `json:"relation"`
	Language string `json:"language"`
}

const (
	minBirthYear       = 1900
	defaultExpiryDays  = 90
	minExpiryDays      = 30
	maxExpiryDays      = 360
	maxNameLen         = 200
	maxShortLen        = 100
	maxDescriptionLen  = 2000
	maxRelationLen     = 50
	deletionCodeLength = 8 // bytes → 16 hex characters
)

// NameParser splits a full name into given, family and patronymic parts.
type NameParser func(full string) (given, family, patronymic string)

// toReport validates the input and builds the report to store. reqLang is
// the request's language, used when the reporter did not choose one.
func (in *ReportInput) toReport(now time.Time, reqLang, channel string, parse NameParser) (*data.Report, FieldErrors) {
	fe := FieldErrors{}
	kind := data.Kind(strings.TrimSpace(in.Kind))
	if kind != data.KindSeek && kind != data.KindSafe {
		fe.add("kind", "field.kind")
	}
	p := &in.Person
	name := cleanText(p.FullName)
	checkText(fe, "person.full_name", name, maxNameLen, true)
	if name != "" && !hasLetter(name) {
		fe.add("person.full_name", "field.name_letters")
	}
	year, approx := birthYear(fe, p, now)
	sex := normalizeSex(p.Sex)
	if sex == "?" {
		fe.add("person.sex", "field.sex")
	}
	for field, v := range map[string]string{"person.city": p.City, "person.region": p.Region, "person.country": p.Country,
		"person.last_location": p.LastLocation, "contact.name": in.Contact.Name} {
		checkText(fe, field, cleanText(v), maxShortLen, false)
	}
	checkText(fe, "person.description", cleanText(p.Description), maxDescriptionLen, false)
	checkText(fe, "contact.relation", cleanText(in.Contact.Relation), maxRelationLen, false)
	phone := ""
	if raw := strings.TrimSpace(in.Contact.Phone); raw != "" {
		var ok bool
		if phone, ok = data.NormalizePhone(raw); !ok {
			fe.add("contact.phone", "field.phone")
		}
	} else if kind == data.KindSeek && channel != data.ChannelImport {
		fe.add("contact.phone", "field.phone_required")
	}
	language := strings.ToLower(strings.TrimSpace(in.Contact.Language))
	if language == "" {
		language = reqLang
	} else if !supported(language) {
		fe.add("contact.language", "field.language")
	}
	days := in.ExpiresInDays
	if days == 0 {
		days = defaultExpiryDays
	} else if days < minExpiryDays || days > maxExpiryDays {
		fe.add("expires_in_days", "field.expires")
	}
	if len(fe) > 0 {
		return nil, fe
	}
	r := &data.Report{
		Kind: kind, FullName: name, Sex: sex, BirthYear: year, YearApprox: approx,
		City: cleanText(p.City), Region: cleanText(p.Region), Country: cleanText(p.Country),
		LastLocation: cleanText(p.LastLocation), Description: cleanText(p.Description),
		ContactName: cleanText(in.Contact.Name), ContactPhone: phone, Relation: cleanText(in.Contact.Relation),
		Language: language, ShareContact: in.ShareContact, Channel: channel,
		CreatedAt: now, ExpiresAt: now.AddDate(0, 0, days),
	}
	if parse != nil {
		r.GivenName, r.FamilyName, r.Patronymic = parse(name)
	}
	return r, nil
}

func birthYear(fe FieldErrors, p *PersonInput, now time.Time) (year int, approx bool) {
	maxYear := now.Year()
	switch {
	case p.Age != nil && p.BirthYear != 0:
		fe.add("person.age", "field.age_and_year")
	case p.Age != nil:
		if *p.Age < 0 || *p.Age > 120 {
			fe.add("person.age", "field.age")
			return 0, false
		}
		return maxYear - *p.Age, true
	case p.BirthYear != 0 && (p.BirthYear < minBirthYear || p.BirthYear > maxYear):
		fe.add("person.birth_year", "field.birth_year", minBirthYear, maxYear)
	}
	return p.BirthYear, false
}

// normalizeSex accepts the ways people write it in three languages; "?" = invalid.
func normalizeSex(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return ""
	case "m", "male", "man", "м", "муж", "мужской", "е", "ер", "ер адам":
		return "M"
	case "f", "female", "woman", "ж", "жен", "женский", "ә", "әйел":
		return "F"
	}
	return "?"
}

func checkText(fe FieldErrors, field, v string, max int, required bool) {
	if required && v == "" {
		fe.add(field, "field.required")
	}
	if utf8.RuneCountInString(v) > max {
		fe.add(field, "field.too_long", max)
	}
}

// cleanText trims, drops control characters and invalid UTF-8, and folds runs
// of white space, so what we store and show is what a person could type.
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' {
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
