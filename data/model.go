package data

import (
	"slices"
	"time"
)

// Kind says what a report claims.
type Kind string

const (
	KindSeek Kind = "seek" // "I am looking for this person"
	KindSafe Kind = "safe" // "this person is safe"
)

// Report statuses.
const (
	StatusActive  = "active"
	StatusFound   = "found"
	StatusClosed  = "closed"
	StatusRemoved = "removed" // personal data purged; a placeholder stays
)

// Statuses is every report status, in the order a volunteer picks one.
var Statuses = []string{StatusActive, StatusFound, StatusClosed, StatusRemoved}

// heldStatuses are the statuses of a report that still holds personal
// data (every one but StatusRemoved). Retention asks for them by name,
// not as "status <> removed": the (status, expires_at) index serves a
// list of equalities, and the negation read the whole table every day
// (0.56 s and the page cache at a million reports).
var heldStatuses = slices.DeleteFunc(slices.Clone(Statuses), func(s string) bool { return s == StatusRemoved })

// Channels a report can arrive through.
const (
	ChannelWeb       = "web"
	ChannelAPI       = "api"
	ChannelSMS       = "sms"
	ChannelVolunteer = "volunteer"
	ChannelImport    = "import"
)

// Channels lists every channel (metrics show each from zero).
var Channels = []string{ChannelWeb, ChannelAPI, ChannelSMS, ChannelVolunteer, ChannelImport}

// Report is one person described by someone. For a seek report the Person*
// fields describe the sought person and Contact* the seeker; for a safe report
// both describe the safe person (Contact* may be a volunteer's organisation).
type Report struct {
	ID           string
	Kind         Kind
	FullName     string // exactly as written
	GivenName    string // parsed parts, filled by the intake
	FamilyName   string
	Patronymic   string
	AltNames     []string
	Sex          string // "M", "F" or ""
	BirthYear    int    // 0 when unknown
	YearApprox   bool   // year derived from an age
	City         string
	Region       string
	Country      string
	LastLocation string // private: where exactly; never public
	Description  string

	ContactName  string
	ContactPhone string // E.164; encrypted at rest
	Relation     string
	Language     string // kk, ru, en
	ShareContact bool   // safe: may the number go to seekers at once

	Channel      string
	SourceName   string
	CreatedAt    time.Time
	UpdatedAt    time.Time
	ExpiresAt    time.Time
	Status       string
	DeletionHash string // sha256 of the one-time deletion code
	PrivateHash  string // sha256 of the author's private-page token
	LinkedID     string // PFIF linked_person_record_id: "same person"
	// SoughtPhone is the sought person's own number, when the seeker knows
	// it ("I know their number"); sealed at rest, never public. A safe
	// report filed from it is a verified match.
	SoughtPhone string
	// FilerTag is a keyed hash of the network a web or API report was
	// filed from ("" for SMS, the console and imports): a network's reports
	// take part in three automatic matches a day at most. Never public.
	FilerTag string
}

// KnowsNumber reports whether the seeker gave, as the sought person's own
// number ("I know their number"), the number the safe report carries. Both
// sides may be typed on a form, so it proves nothing about who filed the
// safe report: it lets share_contact send the number to a seeker who
// typed it already (see SharesAtOnce for when), and is a reason volunteers
// see. It never changes a match decision, which would confirm a guess.
func KnowsNumber(seek, safe *Report) bool {
	return seek.SoughtPhone != "" && seek.SoughtPhone == safe.ContactPhone
}

// SharesAtOnce reports whether a safe report's share_contact may send its
// number to this seeker without asking: the seeker gave that very number
// as the person's own, and the safe report cannot have been filed to test
// it. A safe report typed after the seek report, with the number the
// seeker gave, might be exactly such a test (its author would read on
// their private page whether the number went out): its person is asked as
// usual. Sent by SMS from the number, or filed before the seeker gave it,
// it was not.
func SharesAtOnce(seek, safe *Report) bool {
	return safe.ShareContact && KnowsNumber(seek, safe) &&
		(safe.Channel == ChannelSMS || !seek.CreatedAt.Before(safe.CreatedAt))
}

// NumberProven reports whether r's contact number is known to be its
// author's: the report came by SMS from it (the sender is the carrier's,
// not typed). A typed number may be anyone's, so whoever typed it is not
// shown what became of an SMS to it (a STOP, the daily cap, a phone that
// is off): that would tell them about a stranger's phone.
func NumberProven(r *Report) bool { return r.Channel == ChannelSMS }

// Verified reports whether the safe report came from the number the seeker
// gave: it arrived by SMS from that number (the sender is the carrier's,
// not typed) and the seeker gave the number before that report existed,
// so it was not guessed after reading the public record. Only such a match
// may be decided automatically across spelling differences; a guess, on
// either side, changes nothing its guesser can see.
func Verified(seek, safe *Report) bool {
	return KnowsNumber(seek, safe) && safe.Channel == ChannelSMS && seek.CreatedAt.Before(safe.CreatedAt)
}

// Outcome is the news a report has, as its author and the public see it.
type Outcome string

// Outcomes.
const (
	OutcomeNone         Outcome = "none"
	OutcomeReportedSafe Outcome = "reported_safe" // a seek report's person was matched to an "I am safe" report
	OutcomeFound        Outcome = "found"         // marked found, or (safe report) someone looking was told
)

// Note statuses (PFIF).
const (
	NoteInfoSought      = "information_sought"
	NoteBelievedAlive   = "believed_alive"
	NoteBelievedMissing = "believed_missing"
	NoteBelievedDead    = "believed_dead"
	NoteIsNoteAuthor    = "is_note_author"
)

// NoteStatuses is every note status, "" (general information) first: the
// one list the API, the console and the public form draw from.
var NoteStatuses = []string{"", NoteInfoSought, NoteBelievedAlive, NoteBelievedMissing, NoteBelievedDead, NoteIsNoteAuthor}

// PublicNoteStatus reports whether the public form offers status: a death
// is reported to the hotline, and "this is me" is only for the person's own
// report, never a stranger's note.
func PublicNoteStatus(status string) bool {
	return status != NoteBelievedDead && status != NoteIsNoteAuthor && ValidNoteStatus(status)
}

// ValidNoteStatus reports whether status is one of NoteStatuses.
func ValidNoteStatus(status string) bool {
	for _, s := range NoteStatuses {
		if s == status {
			return true
		}
	}
	return false
}

// NoteBy says who wrote a note.
type NoteBy string

// Note authors. Only a note by the public shows its Author to the public
// (the name the writer typed for everyone to see); the others show who
// wrote them, never a name: the report's author is its contact, whom
// scammers would call by name, and a volunteer's login is a target too.
const (
	NoteByPublic       NoteBy = ""
	NoteByReportAuthor NoteBy = "report_author" // from the report's private page
	NoteByVolunteer    NoteBy = "volunteer"     // in the console (Author is the login)
	// NoteByEarlier: signed before tuys recorded who wrote notes; the name
	// may be a report's contact, so it is not shown (migration 0010).
	NoteByEarlier NoteBy = "earlier"
)

// Note is an update on a report.
type Note struct {
	ID        string
	ReportID  string
	Status    string
	Text      string
	Author    string
	By        NoteBy
	CreatedAt time.Time
	// Seen: a volunteer wrote the note or has opened its record since.
	// Only seen notes reach subscribers by SMS (EventNoteAdded), so a
	// stranger cannot make tuys text every subscriber at will.
	Seen bool
}

// Event types written in the same transaction as the change they announce.
const (
	EventReportCreated = "report.created"
	EventReportUpdated = "report.updated"
	EventReportRemoved = "report.removed"
	EventNoteAdded     = "note.added" // a note became seen (Note.Seen): at creation or by MarkNotesSeen
	EventMatchDecided  = "match.decided"
)

// Event is one row of the commit-ordered log that the indexer and matcher tail.
type Event struct {
	Seq      int64
	Type     string
	ReportID string
	At       time.Time
}

// Match states.
const (
	MatchAutoConfirmed = "auto_confirmed"
	MatchReview        = "review"
	MatchConfirmed     = "confirmed"
	MatchRejected      = "rejected"
)

// MatchWrite is a match with the messages and consent requests that go out
// only if the match is new.
type MatchWrite struct {
	Match    *Match
	Messages []Message
	Consents []Consent
}

// Match is a candidate pair of a seek and a safe report; the pair is unique.
type Match struct {
	ID          string
	SeekID      string
	SafeID      string
	Score       float64
	Explanation string // JSON list of per-field reasons
	State       string
	DecidedBy   string
	Reason      string
	CreatedAt   time.Time
	UpdatedAt   time.Time
	// SeekerKnows (not stored) says the seeker was already told of another
	// confirmed match: a second "safe" report of the same person is no news.
	SeekerKnows bool
	// AskedBefore (not stored) says the found person was already asked
	// about this seeker through another confirmed match (data.AskedBefore: a
	// family filing twice): the match is no news to either side, and a
	// second request with a second code only confuses.
	AskedBefore bool
}

// Confirmed reports whether the match has been accepted (by rule or by a volunteer).
func (m Match) Confirmed() bool {
	return m.State == MatchAutoConfirmed || m.State == MatchConfirmed
}

// Message states; a state only moves forward (see MessageStateRank).
const (
	MsgQueued      = "queued"
	MsgSending     = "sending" // attempt recorded, outcome unknown until the SID is saved
	MsgSent        = "sent"
	MsgDelivered   = "delivered"
	MsgUndelivered = "undelivered"
	MsgFailed      = "failed"
	MsgSuppressed  = "suppressed" // never sent: STOP, not allowed country, budget
)

// MessageStates lists every message state (metrics show each from zero).
var MessageStates = []string{MsgQueued, MsgSending, MsgSent, MsgDelivered, MsgUndelivered, MsgFailed, MsgSuppressed}

// Message is one outbound SMS in the outbox, or a record of an inbound one.
type Message struct {
	ID            string
	Key           string // idempotency key, unique: "match:{id}:seeker"
	MatchID       string
	ReportID      string
	To            string // E.164; encrypted at rest
	Body          string // encrypted at rest (may hold a phone number)
	Language      string
	Segments      int
	State         string
	ProviderSID   string
	ErrorCode     int
	ErrorText     string
	Attempts      int
	NextAttemptAt time.Time
	AttemptedAt   time.Time // last time a request may have left
	ClaimedBy     string
	LeaseUntil    time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Consent answers.
const (
	ConsentPending = ""
	ConsentYes     = "yes"
	ConsentNo      = "no"
)

// Consent records that a found person was asked to share their number with a seeker.
type Consent struct {
	MatchID    string
	Phone      string // the asked party's number; encrypted at rest
	Code       string // what the party answers with ("ДА 123"), drawn at random; "" on rows from before it was kept
	AskedAt    time.Time
	Answer     string
	AnsweredAt time.Time
}

// Volunteer roles.
const (
	RoleVolunteer   = "volunteer"
	RoleCoordinator = "coordinator"
)

// Volunteer is a console account.
type Volunteer struct {
	ID           int64
	Login        string
	PasswordHash string
	Role         string
	Active       bool
	CreatedAt    time.Time
}

// AuditEntry says who saw or changed what.
type AuditEntry struct {
	ID     int64
	Actor  string
	Action string
	Target string
	At     time.Time
}

// MessageStateRank orders message states so status callbacks, which may
// repeat or arrive out of order, only ever move a message forward.
func MessageStateRank(state string) int {
	switch state {
	case MsgQueued:
		return 0
	case MsgSending:
		return 1
	case MsgSent:
		return 2
	case MsgDelivered, MsgUndelivered, MsgFailed, MsgSuppressed:
		return 3
	}
	return -1
}
