package intake

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"tuys/data"
	"tuys/search"
)

// ReportInput is the JSON body of POST /api/v1/reports; the web forms, the
// volunteer intake and SMS fill the same struct so one validator serves all.
type ReportInput struct {
	Kind          string       `json:"kind"`
	Person        PersonInput  `json:"person"`
	Contact       ContactInput `json:"contact"`
	ShareContact  bool         `json:"share_contact"`
	ExpiresInDays int          `json:"expires_in_days"`
	// FilerTag is the api's keyed hash of the network the report came
	// from (data.Report.FilerTag), never read from the request's body.
	FilerTag string `json:"-"`
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
	// Phone is the sought person's own number ("I know their number"): a
	// safe report from it is a verified match. Seek reports only; never public.
	Phone string `json:"phone"`
}

// ContactInput is the reporter: the seeker, or the safe person themselves.
type ContactInput struct {
	Name     string `json:"name"`
	Phone    string `json:"phone"`
	Relation string `json:"relation"`
	Language string `json:"language"`
}

const (
	MinBirthYear       = 1900
	DefaultExpiryDays  = 90
	minExpiryDays      = 30
	maxExpiryDays      = 360
	MaxNameLen         = 200
	MaxShortLen        = 100
	MaxDescriptionLen  = 2000
	maxRelationLen     = 50
	DeletionCodeLength = 8 // bytes → 16 hex characters
)

// ToReport validates the input and builds the report to store. reqLang is
// the request's language, used when the reporter did not choose one.
func (in *ReportInput) ToReport(now time.Time, reqLang, channel string) (*data.Report, FieldErrors) {
	fe := FieldErrors{}
	kind := data.Kind(strings.TrimSpace(in.Kind))
	if kind != data.KindSeek && kind != data.KindSafe {
		fe.Add("kind", "field.kind")
	}
	p := &in.Person
	name := CleanText(p.FullName)
	CheckText(fe, "person.full_name", name, MaxNameLen, true)
	if name != "" && !HasLetter(name) {
		fe.Add("person.full_name", "field.name_letters")
	}
	year, approx := birthYear(fe, p, now)
	sex := normalizeSex(p.Sex)
	if sex == "?" {
		fe.Add("person.sex", "field.sex")
	}
	for field, v := range map[string]string{"person.city": p.City, "person.region": p.Region, "person.country": p.Country,
		"person.last_location": p.LastLocation, "contact.name": in.Contact.Name} {
		CheckText(fe, field, CleanText(v), MaxShortLen, false)
	}
	if channel != data.ChannelImport && data.ClaimsAuthority(in.Contact.Name) {
		fe.Add("contact.name", "field.contact_authority") // the found person reads it in our SMS
	}
	if data.ForeignLetters(in.Contact.Name) {
		fe.Add("contact.name", "field.contact_letters") // look-alikes of other alphabets
	} else if channel != data.ChannelImport && data.NameSymbols(in.Contact.Name) {
		fe.Add("contact.name", "field.contact_symbols") // П0лиция; a list's contact may be «Пост №3»
	}
	CheckText(fe, "person.description", CleanText(p.Description), MaxDescriptionLen, false)
	CheckText(fe, "contact.relation", CleanText(in.Contact.Relation), maxRelationLen, false)
	phone := ""
	if raw := strings.TrimSpace(in.Contact.Phone); raw != "" {
		var ok bool
		if phone, ok = data.NormalizePhone(raw); !ok {
			fe.Add("contact.phone", string(data.WhyNotPhone(raw)))
		}
	} else if kind == data.KindSeek && channel != data.ChannelImport {
		fe.Add("contact.phone", "field.phone_required")
	}
	sought := soughtPhone(fe, kind, p.Phone)
	language := strings.ToLower(strings.TrimSpace(in.Contact.Language))
	if language == "" {
		language = reqLang
	} else if !data.SupportedLanguage(language) {
		fe.Add("contact.language", "field.language")
	}
	days := in.ExpiresInDays
	if days == 0 {
		days = DefaultExpiryDays
	} else if days < minExpiryDays || days > maxExpiryDays {
		fe.Add("expires_in_days", "field.expires")
	}
	if len(fe) > 0 {
		return nil, fe
	}
	r := &data.Report{
		Kind: kind, FullName: name, Sex: sex, BirthYear: year, YearApprox: approx,
		City: CleanText(p.City), Region: CleanText(p.Region), Country: CleanText(p.Country),
		LastLocation: CleanText(p.LastLocation), Description: CleanText(p.Description),
		ContactName: CleanText(in.Contact.Name), ContactPhone: phone, Relation: CleanText(in.Contact.Relation),
		SoughtPhone: sought, Language: language, ShareContact: in.ShareContact, Channel: channel, FilerTag: in.FilerTag,
		CreatedAt: now, ExpiresAt: now.AddDate(0, 0, days),
	}
	n := search.ParseName(name)
	r.GivenName, r.FamilyName, r.Patronymic = n.Given, n.Family, n.Patronymic
	return r, nil
}

// soughtPhone checks the sought person's own number: a seek report may
// carry it; a safe report's number is its contact phone.
func soughtPhone(fe FieldErrors, kind data.Kind, raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	if kind != data.KindSeek {
		fe.Add("person.phone", "field.person_phone_seek")
		return ""
	}
	phone, ok := data.NormalizePhone(raw)
	if !ok {
		fe.Add("person.phone", string(data.WhyNotPhone(raw)))
	}
	return phone
}

// YearRange is the one range of birth years tuys accepts, for forms, the
// API and searches alike.
func YearRange(now time.Time) (lo, hi int) { return MinBirthYear, now.Year() }

// ExpandYear reads a two-digit year ("85") as the one century that gives a
// plausible age (0–120): 85 is 1985; 12 could be 1912 or 2012, so it stays
// as it is and fails the range check.
func ExpandYear(y int, now time.Time) int {
	if y <= 0 || y >= 100 {
		return y
	}
	var fit []int
	for _, c := range []int{1900 + y, 2000 + y} {
		if c <= now.Year() && now.Year()-c <= 120 {
			fit = append(fit, c)
		}
	}
	if len(fit) == 1 {
		return fit[0]
	}
	return y
}

func birthYear(fe FieldErrors, p *PersonInput, now time.Time) (year int, approx bool) {
	minYear, maxYear := YearRange(now)
	p.BirthYear = ExpandYear(p.BirthYear, now)
	switch {
	case p.Age != nil && p.BirthYear != 0:
		fe.Add("person.age", "field.age_and_year")
	case p.Age != nil:
		if *p.Age < 0 || *p.Age > 120 {
			fe.Add("person.age", "field.age")
			return 0, false
		}
		return maxYear - *p.Age, true
	case p.BirthYear != 0 && (p.BirthYear < minYear || p.BirthYear > maxYear):
		fe.Add("person.birth_year", "field.birth_year", minYear, maxYear)
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

func CheckText(fe FieldErrors, field, v string, max int, required bool) {
	if required && v == "" {
		fe.Add(field, "field.required")
	}
	if utf8.RuneCountInString(v) > max {
		fe.Add(field, "field.too_long", max)
	}
}

// CleanText trims, drops control characters, bidi controls (they reorder
// what a reader sees: U+202E, U+2066–2069, U+200E…) and invalid UTF-8, and
// folds runs of white space, so what we store and show is what a person could type.
func CleanText(s string) string {
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || data.Invisible(r) {
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

func HasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
