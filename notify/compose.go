package notify

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"tuys/data"
)

// Composer turns decisions (a confirmed match, a YES, a status change) into
// outbox rows. It does no I/O: the rows are written by the store in the same
// transaction as the decision, so a decision and its SMS commit together.
type Composer struct {
	T       *Templates
	Hotline string           // whom to ask about a safe person without a phone
	Zone    *time.Location   // the day an SMS's dates are of (nil = UTC)
	Now     func() time.Time // for tests; time.Now when nil
	// phoneTag names a number in message keys, which are stored in the
	// clear: a keyed hash (data.Store.PhoneTag), so that a stolen
	// database cannot be reversed by hashing every possible number.
	phoneTag func(phone string) string
	// codes draws a consent request's code (codes.go); tests set it
	codes func() string
	// Places names a place as the gazetteer does (search.PlaceName): an
	// SMS names a known place so, and an unknown one only as a word or
	// two that look like a place. "Алматы Kaspi", "Алматы Звоните" went
	// out whole in tuys's own SMS (an attacker's trial, 2026-12-07). Nil:
	// the letters typed (smsPlaceTyped).
	Places func(text, lang string) string
}

// drawCode draws the code of a new consent request.
func (c *Composer) drawCode() string {
	if c.codes != nil {
		return c.codes()
	}
	return newConsentCode()
}

// NewComposer builds a Composer with the embedded catalog; phoneTag is the
// store's keyed hash of a number (data.Store.PhoneTag), required.
func NewComposer(cfg Config, phoneTag func(phone string) string) (*Composer, error) {
	if phoneTag == nil {
		return nil, errors.New("compose: a keyed phone tag (the store's PhoneTag) is required")
	}
	t, err := LoadTemplates()
	if err != nil {
		return nil, err
	}
	return &Composer{T: t, Hotline: cfg.Hotline, Zone: cfg.Zone, phoneTag: phoneTag}, nil
}

func (c *Composer) now() time.Time {
	if c.Now != nil {
		return c.Now().UTC()
	}
	return time.Now().UTC()
}

// Idempotency keys: one SMS per purpose and match, across replays and nodes.
func seekerKey(matchID string) string  { return "match:" + matchID + ":seeker" }
func foundKey(matchID string) string   { return "match:" + matchID + ":found" }
func contactKey(matchID string) string { return "match:" + matchID + ":contact" }

// phoneAnswerKey: the SMS telling the found person what a volunteer
// recorded on their word (AnswerByPhone), once per request. The daily cap
// never holds it (recipientCap).
func phoneAnswerKey(matchID string) string { return "match:" + matchID + ":" + phoneAnswerPurpose }

const phoneAnswerPurpose = "phone_answer"

func isPhoneAnswerKey(key string) bool {
	return strings.HasPrefix(key, "match:") && strings.HasSuffix(key, ":"+phoneAnswerPurpose)
}

// MatchConfirmed composes what a confirmed match sends (ARCHITECTURE.md §
// Consent). The seeker hears that the person is safe (no number yet). The
// found person hears who is looking (first name and relation, never the
// seeker's number) and is asked, with this request's own code, whether to
// share their number with this one seeker. A safe report that allowed
// sharing (share_contact) shares at once, but only with a seeker whose
// match is verified (they gave the person's own number) or confirmed by a
// volunteer: anyone else could claim a relative from public data. A match
// AskedBefore (the seeker's phone filed again) composes nothing. It fits
// search.Composer.
func (c *Composer) MatchConfirmed(ctx context.Context, m data.Match, seek, safe *data.Report) ([]data.Message, []data.Consent, error) {
	if seek == nil || safe == nil {
		return nil, nil, errors.New("compose match: missing report")
	}
	if m.ID == "" {
		// Keys and consents name the match: without its id every match would
		// share "match::seeker" and only the first would ever send.
		return nil, nil, errors.New("compose match: the match needs its ID before composing (set m.ID = data.NewID())")
	}
	if m.AskedBefore {
		// The same phone filed again: its first report's match told the
		// seeker and asked the found person; this one adds nothing.
		return nil, nil, nil
	}
	now := c.now()
	var msgs []data.Message
	add := func(key, reportID, to, lang, body string) {
		msgs = append(msgs, c.message(key, m.ID, reportID, to, lang, body, now))
	}
	if seek.ContactPhone != "" && !m.SeekerKnows {
		body, err := c.seekerFound(seek, safe)
		if err != nil {
			return nil, nil, fmt.Errorf("compose match %s: %w", m.ID, err)
		}
		add(seekerKey(m.ID), seek.ID, seek.ContactPhone, seek.Language, body)
	}
	// The found person needs someone to answer to, and must not be told
	// about their own report.
	if safe.ContactPhone == "" || seek.ContactPhone == "" || safe.ContactPhone == seek.ContactPhone {
		return msgs, nil, nil
	}
	share := data.SharesAtOnce(seek, safe) || safe.ShareContact && m.State == data.MatchConfirmed
	name := map[bool]string{false: "found_ask", true: "found_shared"}[share]
	code := c.drawCode()
	body, err := c.T.Fit(safe.Language, name, func(level int) Vars {
		v := c.seekerVars(seek, safe.Language, level)
		v.Code = code
		return v
	})
	if err != nil {
		return nil, nil, fmt.Errorf("compose match %s: %w", m.ID, err)
	}
	add(foundKey(m.ID), safe.ID, safe.ContactPhone, safe.Language, body)
	if !share {
		return msgs, []data.Consent{{MatchID: m.ID, Phone: safe.ContactPhone, AskedAt: now, Code: code}}, nil
	}
	contact, err := c.Contact(m, seek, safe)
	if err != nil {
		return nil, nil, err
	}
	return append(msgs, contact), nil, nil
}

// Contact composes the seeker's SMS with the found person's number: what a
// YES (or share_contact) produces, key match:{id}:contact.
func (c *Composer) Contact(m data.Match, seek, safe *data.Report) (data.Message, error) {
	if seek == nil || safe == nil || seek.ContactPhone == "" || safe.ContactPhone == "" {
		return data.Message{}, errors.New("compose contact: both parties need a phone")
	}
	body, err := c.T.Fit(seek.Language, "contact", func(level int) Vars {
		v := c.personVars(safe, seek.Language, level)
		v.Phone = safe.ContactPhone
		// A name-only match may be a stranger who read the name off the
		// public search and agreed to be called: the family is told to
		// ask what only their relative would know (attacker trial,
		// 2026-12-06), unless the number is the one they gave.
		v.Verified = data.Verified(seek, safe)
		return v
	})
	if err != nil {
		return data.Message{}, fmt.Errorf("compose contact %s: %w", m.ID, err)
	}
	return c.message(contactKey(m.ID), m.ID, seek.ID, seek.ContactPhone, seek.Language, body, c.now()), nil
}

func (c *Composer) seekerFound(seek, safe *data.Report) (string, error) {
	name := "seeker_found"
	if safe.ContactPhone == "" {
		name = "seeker_found_nophone"
	}
	return c.T.Fit(seek.Language, name, func(level int) Vars {
		v := c.personVars(safe, seek.Language, level)
		v.Where = c.where(safe, seek.Language, level)
		v.Hotline = c.hotline()
		v.Verified = data.Verified(seek, safe)
		return v
	})
}

// personVars describe the person a report is about. Names start at level 1
// (first word + initials): an SMS can be read by anyone holding the phone.
func (c *Composer) personVars(r *data.Report, lang string, level int) Vars {
	return Vars{
		Name:    ShortName(personName(r), max(level, 1), 28),
		Details: c.details(r, lang, level),
		Sex:     r.Sex,
		Date:    FormatDate(lang, r.CreatedAt, c.Zone),
		Hotline: c.hotline(),
	}
}

// seekerVars describe the seeker to the found person: first name (letters
// only) and relation (from the closed list), never the seeker's number or
// any other text a stranger could choose.
func (c *Composer) seekerVars(seek *data.Report, lang string, level int) Vars {
	first := Truncate(seekerFirstName(seek), max(20-4*level, 6))
	if first == "" {
		// Said as it is: "your relative" vouched for whoever filed
		// without a name, by SMS FIND or the API (an attacker's trial,
		// 2026-12-07).
		first = map[string]string{"kk": "атын көрсетпеген адам", "ru": "человек, не указавший имени", "en": "someone who gave no name"}[Lang(lang)]
	}
	rel := Relation(seek.Relation, lang)
	if level >= 2 {
		rel = Truncate(rel, 10)
	}
	return Vars{Seeker: first, Relation: rel}
}

// seekerFirstName is the seeker's name as a request gives it: the first
// word, letters only; none for a name that claims an office or has letters
// of other alphabets, digits or symbols (filed before the intake refused such names: not a
// name to vouch for). The twin check reads the same (seekerNameKeys).
func seekerFirstName(seek *data.Report) string {
	if seek.Channel != data.ChannelImport && (data.ClaimsAuthority(seek.ContactName) || data.NameSymbols(seek.ContactName)) ||
		data.ForeignLetters(seek.ContactName) {
		return ""
	}
	return FirstName(LettersOnly(seek.ContactName))
}

// where says where a phoneless safe person was reported: the source list
// (hospital, shelter) or else the city.
func (c *Composer) where(r *data.Report, lang string, level int) string {
	w := SourceName(r.SourceName)
	if w == "" {
		w = c.smsPlace(r.City, lang) // as public as the record's page, never the door typed there
	}
	if w == "" {
		w = "?"
	}
	return Truncate(w, max(32-8*level, 8))
}

func (c *Composer) hotline() string {
	if c.Hotline == "" {
		return "112"
	}
	return c.Hotline
}

func (c *Composer) message(key, matchID, reportID, to, lang, body string, now time.Time) data.Message {
	return data.Message{
		Key: key, MatchID: matchID, ReportID: reportID, To: to, Body: body,
		Language: Lang(lang), Segments: Segments(body), State: data.MsgQueued,
		NextAttemptAt: now, CreatedAt: now, UpdatedAt: now,
	}
}

// PrivateLink sends the author of r, filed by SMS or by a volunteer on the
// phone, the link to their private page: key link:{report}, once, or
// link:{report}:{again} for a new link a volunteer sends later (under the
// first key it was never queued, and the old link was dead: a trial,
// 2026-12-07).
func (c *Composer) PrivateLink(r *data.Report, link, again string) (data.Message, error) {
	if r.ContactPhone == "" {
		return data.Message{}, errors.New("compose private link: no phone")
	}
	// "Recorded" only where this SMS is the first word the person gets:
	// a report filed by SMS was confirmed by the reply to it (two SMS
	// began «Записано» for one ЖИВ: a new user's trial, 2026-12-07), and a
	// new link comes long after the recording.
	name := "private_link"
	if r.Channel == data.ChannelSMS || again != "" {
		name = "private_link_page"
	}
	body, err := c.T.Fit(r.Language, name, func(int) Vars { return Vars{Link: link} })
	if err != nil {
		return data.Message{}, fmt.Errorf("compose private link %s: %w", r.ID, err)
	}
	key := "link:" + r.ID
	if again != "" {
		key += ":" + again
	}
	return c.message(key, "", r.ID, r.ContactPhone, r.Language, body, c.now()), nil
}

// SubscribeConfirm asks phone to confirm (YES <code>) SMS updates on
// report r: a code of its own, so the answer can never release a number.
func (c *Composer) SubscribeConfirm(r *data.Report, phone, lang string) (data.Message, error) {
	body, err := c.T.Fit(lang, "subscribe_confirm", func(level int) Vars {
		v := c.personVars(r, lang, level)
		v.Code = SubscriptionCode(r.ID)
		return v
	})
	if err != nil {
		return data.Message{}, fmt.Errorf("compose subscription %s: %w", r.ID, err)
	}
	key := data.SubscriptionKeyPrefix + r.ID + ":" + c.phoneTag(phone) + ":confirm"
	return c.message(key, "", r.ID, phone, lang, body, c.now()), nil
}

// StatusChanged tells a subscriber that report r changed. change is
// data.StatusFound, data.StatusClosed or "note"; ref, when not "", is
// added to the key (the window notes coalesce in).
func (c *Composer) StatusChanged(r *data.Report, phone, lang, change, ref string) (data.Message, error) {
	body, err := c.T.Fit(lang, "status_change", func(level int) Vars {
		v := c.personVars(r, lang, level)
		v.Status = statusWord(change, lang)
		return v
	})
	if err != nil {
		return data.Message{}, fmt.Errorf("compose status change %s: %w", r.ID, err)
	}
	key := data.SubscriptionKeyPrefix + r.ID + ":" + c.phoneTag(phone) + ":" + change
	if ref != "" {
		key += ":" + ref
	}
	return c.message(key, "", r.ID, phone, lang, body, c.now()), nil
}

func statusWord(change, lang string) string {
	words := map[string][3]string{
		data.StatusFound:  {"табылды", "найден(а)", "found"},
		data.StatusClosed: {"жабылды", "запись закрыта", "closed"},
		"note":            {"жаңа жазба", "новая заметка", "new note"},
	}
	w, ok := words[change]
	if !ok {
		return change
	}
	return w[map[string]int{"kk": 0, "ru": 1, "en": 2}[Lang(lang)]]
}

// ReportGetter loads reports and their matches (data.Store implements it).
type ReportGetter = data.MatchLister

// ForMatch composes the SMS of a match a volunteer confirms, given only the
// match (api.ConfirmHook).
func (c *Composer) ForMatch(st ReportGetter) func(ctx context.Context, m data.Match) ([]data.Message, []data.Consent, error) {
	return func(ctx context.Context, m data.Match) ([]data.Message, []data.Consent, error) {
		seek, err := st.GetReport(ctx, m.SeekID)
		if err != nil {
			return nil, nil, fmt.Errorf("compose match %s: seek report: %w", m.ID, err)
		}
		safe, err := st.GetReport(ctx, m.SafeID)
		if err != nil {
			return nil, nil, fmt.Errorf("compose match %s: safe report: %w", m.ID, err)
		}
		m.State = data.MatchConfirmed // a volunteer's confirmation
		if m.SeekerKnows, err = data.SeekerHeard(ctx, st, m); err != nil {
			return nil, nil, err
		}
		if m.AskedBefore, err = data.AskedBefore(ctx, st, m, seek); err != nil {
			return nil, nil, err
		}
		return c.MatchConfirmed(ctx, m, seek, safe)
	}
}
