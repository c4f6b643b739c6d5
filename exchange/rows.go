package exchange

import (
	"strconv"
	"strings"
	"time"

	"tuys/api/intake"
)

// Catalog keys of the errors only a list can have (the api renders them).
const (
	ErrDate     = "import.birth_date" // a birth date that cannot be read (not the list's date: import.date)
	ErrNoHeader = "import.no_header"  // no row names a name column
)

// fieldColumn says which column role an intake field error belongs to.
var fieldColumn = map[string][]string{
	"person.full_name":     {colFullName, colFamilyName, colGivenName},
	"person.birth_year":    {colBirthYear, colBirthDate},
	"person.age":           {colAge, colBirthYear},
	"person.sex":           {colSex},
	"person.city":          {colCity},
	"person.region":        {colRegion},
	"person.country":       {colCountry},
	"person.description":   {colDescription},
	"person.last_location": {colNote},
	"contact.phone":        {colPhone},
	"contact.name":         {colContactName},
}

// record is one data row read through the header's roles.
type record map[string]string

func readRecord(row []string, roles []string) record {
	rec := record{}
	for i, role := range roles {
		if role != "" && i < len(row) {
			rec[role] = strings.TrimSpace(fromText(row[i]))
		}
	}
	return rec
}

func (rec record) empty() bool {
	for _, v := range rec {
		if v != "" {
			return false
		}
	}
	return true
}

// fullName is the name column, or family, given and patronymic joined in
// the order lists write them.
func (rec record) fullName() string {
	if n := rec[colFullName]; n != "" {
		return n
	}
	return strings.Join(strings.Fields(rec[colFamilyName]+" "+rec[colGivenName]+" "+rec[colPatronymic]), " ")
}

// toInput builds the intake input of a record; errs holds what only a list
// can get wrong (an unreadable date), keyed like intake's field errors.
func (rec record) toInput(kind string) (intake.ReportInput, intake.FieldErrors) {
	errs := intake.FieldErrors{}
	in := intake.ReportInput{Kind: kind, Person: intake.PersonInput{
		FullName: rec.fullName(), Sex: rec[colSex], City: rec[colCity], Region: rec[colRegion],
		Country: rec[colCountry], Description: rec[colDescription], LastLocation: rec[colNote]},
		Contact: intake.ContactInput{Phone: rec[colPhone], Name: rec[colContactName]}}
	switch {
	case rec[colBirthYear] != "":
		y, ok := birthYearOf(rec[colBirthYear])
		if !ok {
			errs.Add("person.birth_year", "field.birth_year", intake.MinBirthYear, time.Now().Year())
		}
		in.Person.BirthYear = y
	case rec[colBirthDate] != "":
		y, ok := birthYearOf(rec[colBirthDate])
		if !ok {
			errs.Add("person.birth_year", ErrDate)
		}
		in.Person.BirthYear = y
	}
	if a := rec[colAge]; a != "" && in.Person.BirthYear == 0 {
		n, err := strconv.Atoi(strings.Fields(a + " x")[0])
		if err != nil {
			errs.Add("person.age", "field.age")
		}
		in.Person.Age = &n
	}
	return in, errs
}

// birthYearOf reads a birth year or date cell, whichever column it is in:
// lists put dates in "year" columns (12.03.1992) and years, even two-digit
// ones, in "date" columns (85 read as the spreadsheet day 85 of 1900 was
// filed as 1900: a new user's trial, 2026-12-06).
func birthYearOf(s string) (int, bool) {
	if y, ok := intake.YearText(s); ok { // as the web form reads it: 85 is 1985 (intake.ExpandYear)
		return y, true
	}
	d, ok := parseDate(s)
	return d.Year(), ok
}

var dateLayouts = []string{"02.01.2006", "2.1.2006", "2006-01-02", "02/01/2006", "2/1/2006", "02-01-2006", "2006.01.02",
	"2006-01-02T15:04:05Z", "02.01.06"}

// parseDate reads the date formats of Kazakh and Russian lists (day first)
// and ISO dates (what readXLSX makes of a spreadsheet's dates). A bare
// number is no date: a year typed 19855 was read as a day of 1954 when
// every number of 100 and more was taken for a spreadsheet's day number
// (a new user's trial, 2026-12-07).
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "г."))
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
