package data

import (
	"strings"
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
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > maxPhoneInput || !utf8.ValidString(raw) {
		return "", false
	}
	if strings.HasPrefix(raw, "00") {
		raw = "+" + raw[2:] // international prefix used abroad
	}
	n, err := phonenumbers.Parse(raw, DefaultRegion)
	if err != nil || !phonenumbers.IsValidNumber(n) {
		return "", false
	}
	return phonenumbers.Format(n, phonenumbers.E164), true
}

// MaskPhone hides the middle of a number for logs: +77011234567 → +7701***4567.
// It works on runes: it may be given raw, unvalidated input.
func MaskPhone(p string) string {
	r := []rune(p)
	if len(r) <= 8 {
		return "***"
	}
	return string(r[:5]) + "***" + string(r[len(r)-4:])
}
