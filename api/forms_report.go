package api

import (
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"tuys/api/intake"
	"tuys/data"
)

// reportForm is what the "looking for" and "I am safe" forms post. Field
// names are the JSON paths of intake.ReportInput ("person.full_name") so the
// validator's errors land beside the right field without a mapping table.
type reportForm struct {
	Kind        data.Kind
	FullName    string
	BirthYear   string
	Age         string
	Sex         string
	City        string
	Description string
	SoughtPhone string // the sought person's own number (seek only)
	ContactName string
	Phone       string
	Relation    string
	Language    string
	Expires     string
	Consent     bool
	Share       bool
	FormID      string // one per rendering: a repeated POST is recognised
}

// defaultPhone pre-fills the phone field: most numbers are Kazakh.
const defaultPhone = "+7 "

func newReportForm(kind data.Kind, lang string) *reportForm {
	return &reportForm{Kind: kind, Phone: defaultPhone, Language: lang, Expires: strconv.Itoa(intake.DefaultExpiryDays),
		FormID: newFormID()}
}

func readReportForm(c *gin.Context, kind data.Kind) *reportForm {
	return &reportForm{
		Kind:        kind,
		FullName:    c.PostForm("person.full_name"),
		BirthYear:   strings.TrimSpace(c.PostForm("person.birth_year")),
		Age:         strings.TrimSpace(c.PostForm("person.age")),
		Sex:         c.PostForm("person.sex"),
		City:        c.PostForm("person.city"),
		Description: c.PostForm("person.description"),
		SoughtPhone: c.PostForm("person.phone"),
		ContactName: c.PostForm("contact.name"),
		Phone:       c.PostForm("contact.phone"),
		Relation:    c.PostForm("contact.relation"),
		Language:    c.PostForm("contact.language"),
		Expires:     c.PostForm("expires_in_days"),
		Consent:     c.PostForm("consent") != "",
		Share:       c.PostForm("share_contact") != "",
		FormID:      c.PostForm("form_id"),
	}
}

// input turns the form into the intake.ReportInput every channel shares. Only what
// HTML cannot type (numbers as text, the consent box, the bare +7 prefix)
// is checked here; everything else is ToReport's job.
func (f *reportForm) input() (*intake.ReportInput, intake.FieldErrors) {
	fe := intake.FieldErrors{}
	in := &intake.ReportInput{Kind: string(f.Kind), ShareContact: f.Share && f.Kind == data.KindSafe,
		Person: intake.PersonInput{FullName: f.FullName, Sex: f.Sex, City: f.City, Description: f.Description,
			Phone: f.SoughtPhone},
		Contact: intake.ContactInput{Name: f.ContactName, Relation: f.Relation, Language: f.Language}}
	in.Person.BirthYear = formText(fe, "person.birth_year", f.BirthYear, yearOrNumber, errYear)
	if strings.TrimSpace(f.Age) != "" {
		age := formText(fe, "person.age", f.Age, intake.AgeText, errCount)
		in.Person.Age = &age
	}
	in.ExpiresInDays = formInt(fe, "expires_in_days", f.Expires)
	if p := strings.TrimSpace(f.Phone); p != "+7" && p != "+" {
		in.Contact.Phone = p
	}
	if !f.Consent {
		fe.Add("consent", "web.err.consent")
	}
	return in, fe
}

// The messages for a number field that holds no number: a year's gives a
// year as its example, a count's (an age, a number of days) a small one.
const (
	errYear  = "web.err.number"
	errCount = "web.err.count"
)

// formInt parses an optional count typed into a text field.
func formInt(fe intake.FieldErrors, field, v string) int {
	return formText(fe, field, v, wholeNumber, errCount)
}

// wholeNumber reads a number of digits only.
func wholeNumber(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// yearOrNumber reads a year as people type it, or else a bare number,
// which the year's range then judges: 19855 is a number, and "write a
// number" was no help (a new user's trial, 2026-12-07).
func yearOrNumber(s string) (int, bool) {
	if y, ok := intake.YearText(s); ok {
		return y, true
	}
	return wholeNumber(s)
}

// formText reads an optional number typed into a text field with read
// (intake.YearText, intake.AgeText: the words people write around it);
// when it holds none, the field gets errKey.
func formText(fe intake.FieldErrors, field, v string, read func(string) (int, bool), errKey string) int {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	n, ok := read(v)
	if !ok {
		fe.Add(field, errKey)
		return 0
	}
	return n
}

// formYear reads a year field: a number, two digits read as their one
// plausible century, within intake.YearRange.
func formYear(fe intake.FieldErrors, field, v string) int {
	now := time.Now()
	y := intake.ExpandYear(formText(fe, field, v, yearOrNumber, errYear), now)
	if lo, hi := intake.YearRange(now); y != 0 && (y < lo || y > hi) {
		fe.Add(field, "field.birth_year", lo, hi)
	}
	return y
}
