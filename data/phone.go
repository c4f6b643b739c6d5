package data

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
)

// DefaultRegion is where a number written without a country code is from.
const DefaultRegion = "KZ"

// maxPhoneInput bounds what we hand to the parser; no real number is longer.
const maxPhoneInput = 40

// NormalizePhone parses a number as people write it ("8 701 123 45 67",
// "+7 (701) 123-45-67", "+90 532 123 45 67") and returns it in E.164.
// ok is false for anything that is not a valid number of some country.
func NormalizePhone(raw string) (e164 string, ok bool) {
	n := parsePhone(raw)
	if n == nil || !phonenumbers.IsValidNumber(n) {
		return "", false
	}
	return phonenumbers.Format(n, phonenumbers.E164), true
}

func parsePhone(raw string) *phonenumbers.PhoneNumber {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > maxPhoneInput || !utf8.ValidString(raw) {
		return nil
	}
	if strings.HasPrefix(raw, "00") {
		raw = "+" + raw[2:] // international prefix used abroad
	}
	if i := strings.LastIndex(raw, "+"); i > 0 && strings.Trim(raw[:i], "+7 ()-") == "" {
		// the form's "+7 " and then the whole number typed after it
		// (+7 +7 701…, +7 +44 20…: a new user's trial, 2026-12-06)
		raw = raw[i:]
	}
	n, err := phonenumbers.Parse(raw, DefaultRegion)
	if err != nil {
		return nil
	}
	return n
}

// InKazakhstan reports whether an E.164 number is of Kazakhstan's plan
// (+7 6xx/7xx; the rest of +7 is Russia's): from there the hotline's short
// number can be dialled, from abroad it cannot.
func InKazakhstan(e164 string) bool {
	n := parsePhone(e164)
	return n != nil && phonenumbers.GetRegionCodeForNumber(n) == DefaultRegion
}

// IsLandline reports whether an E.164 number is a fixed line in its
// country's numbering plan (+7 727… in Almaty, +90 212… in Istanbul): SMS
// cannot reach it, and whoever gave it would wait for our SMS in vain.
// A number that may be either (as in the USA) is not a landline.
func IsLandline(e164 string) bool {
	n := parsePhone(e164)
	return n != nil && phonenumbers.GetNumberType(n) == phonenumbers.FIXED_LINE
}

// PhoneFault says why NormalizePhone refused a number, so that the person
// is told what to fix: digits missing is not the same mistake as a
// foreign number written without its country code.
type PhoneFault string

const (
	PhoneInvalid  PhoneFault = "field.phone"        // not a number of any country (or no country code)
	PhoneTooShort PhoneFault = "field.phone_short"  // digits missing
	PhoneLength   PhoneFault = "field.phone_length" // too many digits, or a count no number of that country has
)

// WhyNotPhone tells a refused number's fault; its value is the message key.
func WhyNotPhone(raw string) PhoneFault {
	n := parsePhone(raw)
	if n == nil {
		return PhoneInvalid
	}
	switch phonenumbers.IsPossibleNumberWithReason(n) {
	case phonenumbers.TOO_SHORT:
		return PhoneTooShort
	case phonenumbers.TOO_LONG, phonenumbers.INVALID_LENGTH:
		return PhoneLength
	}
	return PhoneInvalid
}

// MaskPhone hides a number for logs and pages: the plus, the first digit
// and the last two stay (+77011234567 → +7***67), enough to tell one's own
// number or one recipient's lines apart. Keeping the operator's code and
// the last four, as before, left three digits to guess: a thousand calls.
// It works on runes: it may be given raw, unvalidated input.
func MaskPhone(p string) string {
	var digits []rune
	for _, r := range p {
		if unicode.IsNumber(r) {
			digits = append(digits, r)
		}
	}
	if len(digits) < minPhoneDigits {
		return "***"
	}
	lead := ""
	if strings.HasPrefix(p, "+") || strings.HasPrefix(p, "＋") {
		lead = "+"
	}
	return lead + string(digits[0]) + "***" + string(digits[len(digits)-2:])
}

// phoneInText finds what could be a phone number typed into free text: a
// run of digits (any script's, fullwidth included) and whatever people put
// between them: spaces, any punctuation or symbol (8*701*…, 8:701:…,
// 8'701'…), invisible format characters, combining marks and the Hangul
// fillers that render as blanks (8ㅤ701ㅤ…, an attacker's trial). The one
// pattern: public views hide what it finds, logs mask it.
var phoneInText = regexp.MustCompile(`[+＋]?\p{N}[\p{N}\s\p{Z}\p{P}\p{S}\p{Cf}\p{Mn}\x{3164}\x{115F}\x{1160}\x{FFA0}\x{20E3}\x{FE0F}]{5,}[\p{N}\x{20E3}\x{FE0F}]`)

// minPhoneDigits: shorter runs ("1985, 1990") are years and counts, not
// numbers, unless grouped as a local number is (localNumber).
const minPhoneDigits = 7

// localNumber is a town's number of five or six digits as people write it
// (77-22-33): pairs after one to three digits, with dashes. With blanks
// the shape is as often sizes or bus routes (90 60 90, 12 45 67), and a
// date in that shape (10-12-21) stays (isCalendarDate).
var localNumber = regexp.MustCompile(`^\d{1,3}(?:-\d{2}){2}$`)

func replacePhones(s string, with func(string) string) string {
	if !strings.ContainsFunc(s, unicode.IsNumber) {
		return s // most names and places: no need to run the pattern (a search answer runs it ~100 times)
	}
	return phoneInText.ReplaceAllStringFunc(s, func(m string) string {
		n := 0
		for _, r := range m {
			if unicode.IsNumber(r) {
				n++
			}
		}
		if n < minPhoneDigits && !(n >= 5 && localNumber.MatchString(m)) {
			return m
		}
		return with(m)
	})
}

// HidePhones replaces everything in s that looks like a phone number with
// dots (HideContacts: what the public sees of free text). A calendar date
// stays: the day someone was last seen matters on the page.
func HidePhones(s string) string {
	return replacePhones(s, func(m string) string {
		if isCalendarDate(m) || onlyDatesAndYears(m) || moneyAmount.MatchString(m) && mentionsMoney(s) {
			return m
		}
		return hidden
	})
}

// moneyAmount is a sum written in groups of thousands (1 000 000, 1.500.000).
var moneyAmount = regexp.MustCompile(`^\d{1,3}(?:[ \x{00A0}\x{202F}.,]\d{3})+$`)

// mentionsMoney reports whether s names a currency: a reward of 1 000 000
// тенге is a sum, not a number to call.
func mentionsMoney(s string) bool {
	l := strings.ToLower(s)
	for _, c := range []string{"тенге", "тг", "₸", "руб", "$", "€", "usd", "eur", "евро", "доллар", "tenge", "kzt", "теңге"} {
		if strings.Contains(l, c) {
			return true
		}
	}
	return false
}

// MaskPhonesIn masks the middle of every phone-like run in s: what logs
// keep. A calendar date (07.01.2022, 2022-01-07 10:30) is left as it is:
// SMS bodies name the day a person was listed, and a log that shows
// "07.01***2022" reads as a number. Public views keep them too
// (HidePhones).
func MaskPhonesIn(s string) string {
	return replacePhones(s, func(m string) string {
		if isCalendarDate(m) {
			return m
		}
		return MaskPhone(m)
	})
}

// calendarDate is a day as people and our templates write it: day first
// with dots or slashes, or ISO, optionally with a time.
var calendarDate = regexp.MustCompile(`^(?:(\d{1,2})[./-](\d{1,2})[./-](?:\d{4}|\d{2})|\d{4}-(\d{2})-(\d{2}))(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$`)

// dateListSeparators part the days and years of a list or a range
// (05.01.2022, 06.01.2022; 2010, 2012, 2015; 2010-2015; 05.01 – 07.01.2022).
var dateListSeparators = regexp.MustCompile(`\s*[,;]\s*|\s+[-–—>]+\s+|\s*[–—]\s*|\s+`)

// year is a year people write in a description (1900-2099), or a range
// of two (2010-2015).
var year = regexp.MustCompile(`^(?:19|20)\d\d(?:-(?:19|20)\d\d)?$`)

// onlyDatesAndYears reports whether a run the phone pattern found is a
// list or a range of days and years (children's years, the days someone
// was seen) rather than a number: every piece is a calendar date, a year
// or a time of day, and a few small numbers next to a date (вес 80,
// 05.01.2022) but not a number's worth of them.
// A phone number has pieces of other lengths.
func onlyDatesAndYears(m string) bool {
	pieces := dateListSeparators.Split(strings.TrimSpace(m), -1)
	dates, small, spaced := 0, 0, 0 // calendar dates; the digits of numbers of three digits or fewer (вес 80, 05.01.2022); dates with blanks
	for i := 0; i < len(pieces); i++ {
		p := pieces[i]
		switch {
		case i+2 < len(pieces) && year.MatchString(pieces[i+2]) && isCalendarDate(p+"."+pieces[i+1]+"."+pieces[i+2]):
			spaced++ // родился 12 05 1980: a day written with blanks (a reader's trial found it hidden)
			i += 2
		case p == "" || year.MatchString(p) || timeOfDay.MatchString(p):
		case isCalendarDate(p):
			dates++
		case len(p) <= 3 && strings.IndexFunc(p, func(r rune) bool { return r < '0' || r > '9' }) < 0:
			small += len(p)
		default:
			return false
		}
	}
	// a number's digits next to a date are still a number; next to a day
	// with blanks none may stand (8 701 12 05 1980 is a number)
	return small == 0 || dates > 0 && spaced == 0 && small < minPhoneDigits
}

var timeOfDay = regexp.MustCompile(`^(?:[01]?\d|2[0-3]):[0-5]\d$`)

// isCalendarDate reports whether m is a date with a real day and month.
func isCalendarDate(m string) bool {
	g := calendarDate.FindStringSubmatch(m)
	if g == nil {
		return false
	}
	day, month := g[1], g[2]
	if day == "" {
		month, day = g[3], g[4]
	}
	d, _ := strconv.Atoi(day) // one or two digits: the pattern says so
	mo, _ := strconv.Atoi(month)
	return d >= 1 && d <= 31 && mo >= 1 && mo <= 12
}
