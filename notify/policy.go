package notify

import (
	"fmt"
	"strings"

	"github.com/nyaruka/phonenumbers"

	"tuys/data"
)

// Policy decides which numbers may receive SMS at all. SMS-pumping fraud
// files reports with premium or exotic numbers and the operator pays, so
// anything we cannot place in an allowed country as a mobile is refused
// before any request leaves.
type Policy struct {
	Countries map[string]bool // ISO regions, e.g. KZ, RU
	// AllowTestNumbers admits Twilio's magic test range +1 500 555 xxxx,
	// which phonenumbers types as a personal number. Tests only.
	AllowTestNumbers bool
	DailyCap         int // messages per recipient per 24 h; 0 = no cap
	HourlyBudget     int // messages per hour overall; 0 = no budget
	// Home is the first of the countries: SMS abroad cannot use up the
	// part of the hourly budget kept for its numbers (budgetFloor).
	Home string
}

// budgetFloor is how much of the hour's budget must be left for m to take
// from it. Match and consent SMS to home numbers may take it all; those
// abroad stop at a quarter left, which stays for the home numbers: an
// attacker's trial (2026-12-07) filed matching pairs of reports with
// numbers in a country where SMS pumping pays, from a few addresses, and
// held the families' SMS behind "hourly SMS budget reached". Subscription
// SMS (confirmations, status news) stop at half.
func (p Policy) budgetFloor(m *data.Message) int64 {
	switch {
	case data.LowPriority(m.Key):
		return int64(p.HourlyBudget - p.HourlyBudget/2)
	case p.Home != "" && !p.homeNumber(m.To):
		return int64(p.HourlyBudget / 4)
	}
	return 0
}

// homeNumber reports whether e164 is a number of the home country.
func (p Policy) homeNumber(e164 string) bool {
	n, err := phonenumbers.Parse(e164, "")
	return err == nil && phonenumbers.GetRegionCodeForNumber(n) == p.Home
}

// NewPolicy builds a Policy from the configuration.
func NewPolicy(cfg Config) Policy {
	p := Policy{Countries: map[string]bool{}, DailyCap: cfg.DailyCapPerPhone, HourlyBudget: cfg.HourlyBudget}
	countries := cfg.Countries
	if len(countries) == 0 {
		countries = DefaultCountries
	}
	for _, c := range countries {
		p.Countries[strings.ToUpper(c)] = true
	}
	if len(countries) > 0 {
		p.Home = strings.ToUpper(countries[0])
	}
	return p
}

// allowedTypes can receive SMS. Fixed lines cannot; premium, shared-cost,
// personal, UAN, pager and unknown ranges are where pumping fraud lives.
var allowedTypes = map[phonenumbers.PhoneNumberType]bool{
	phonenumbers.MOBILE:               true,
	phonenumbers.FIXED_LINE_OR_MOBILE: true,
}

// CheckNumber returns "" when e164 may receive an SMS, else why not, in
// words a volunteer (and the person who filed) can understand.
func (p Policy) CheckNumber(e164 string) string {
	if !strings.HasPrefix(e164, "+") {
		return "not an international (+) phone number"
	}
	n, err := phonenumbers.Parse(e164, "")
	if err != nil {
		return "not a valid phone number"
	}
	if p.AllowTestNumbers && strings.HasPrefix(e164, "+1500555") {
		return ""
	}
	if !p.anyAllowed(int(n.GetCountryCode())) {
		return fmt.Sprintf("SMS to +%d (%s) is not allowed (TUYS_SMS_COUNTRIES)", n.GetCountryCode(),
			regionName(phonenumbers.GetRegionCodeForCountryCode(int(n.GetCountryCode()))))
	}
	// Parse skips trailing junk ("…567x"); only the canonical form may be sent.
	if !phonenumbers.IsValidNumber(n) || phonenumbers.Format(n, phonenumbers.E164) != e164 {
		return fmt.Sprintf("not a valid phone number (+%d)", n.GetCountryCode())
	}
	// +7 is shared by KZ and RU: the number's own region must be allowed too.
	if region := phonenumbers.GetRegionCodeForNumber(n); !p.Countries[region] {
		return fmt.Sprintf("SMS to +%d (%s) is not allowed (TUYS_SMS_COUNTRIES)", n.GetCountryCode(), regionName(region))
	}
	if t := phonenumbers.GetNumberType(n); !allowedTypes[t] {
		return fmt.Sprintf("not a mobile number (%s)", typeName(t))
	}
	return ""
}

func (p Policy) anyAllowed(cc int) bool {
	for _, r := range phonenumbers.GetRegionCodesForCountryCode(cc) {
		if p.Countries[r] {
			return true
		}
	}
	return false
}

func regionName(r string) string {
	if r == "" || r == "001" {
		return "international or unknown range"
	}
	return r
}

func typeName(t phonenumbers.PhoneNumberType) string {
	names := map[phonenumbers.PhoneNumberType]string{
		phonenumbers.FIXED_LINE: "landline", phonenumbers.TOLL_FREE: "toll-free",
		phonenumbers.PREMIUM_RATE: "premium rate", phonenumbers.SHARED_COST: "shared cost",
		phonenumbers.VOIP: "VoIP", phonenumbers.PERSONAL_NUMBER: "personal number",
		phonenumbers.PAGER: "pager", phonenumbers.UAN: "UAN", phonenumbers.VOICEMAIL: "voicemail",
	}
	if s, ok := names[t]; ok {
		return s
	}
	return "unknown type"
}
