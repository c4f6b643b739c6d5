package data

import (
	"context"
	"errors"
	"strings"
	"time"
)

// Errors a store returns; callers test them with errors.Is.
var (
	ErrNotFound = errors.New("not found")
	ErrConflict = errors.New("conflict")
	// ErrCapReached: the recipient already got RecipientCap.Max messages.
	ErrCapReached = errors.New("recipient cap reached")
)

// Store is the source of truth. Two implementations: SQLite (embedded
// default) and PostgreSQL (several nodes). Every write that later stages act
// on writes an Event in the same transaction.
type Store interface {
	ReportStore
	MatchStore
	MessageStore
	SubscriptionStore
	AccountStore
	// OpsSnapshot reads the figures operators watch (api/metrics), the
	// same on every node; SentSince counts from since.
	OpsSnapshot(ctx context.Context, since time.Time) (OpsSnapshot, error)
	Ping(ctx context.Context) error
	Close() error
}

// ReportStore keeps reports, notes and the event log.
type ReportStore interface {
	// CreateReport stores r (ID, CreatedAt, Status filled when empty) and a
	// report.created event in one transaction.
	CreateReport(ctx context.Context, r *Report) error
	// CreateReports stores many reports in one transaction (import, eval).
	CreateReports(ctx context.Context, rs []*Report) error
	GetReport(ctx context.Context, id string) (*Report, error)
	GetReports(ctx context.Context, ids []string) ([]*Report, error)
	// PublicReports reads ids with only the fields Public shows (the
	// contact, last location and sought phone left empty and never opened):
	// what public searches, pages and feeds read.
	PublicReports(ctx context.Context, ids []string) ([]*Report, error)
	// ScanReports pages through all reports by id (reindex, export, purge).
	ScanReports(ctx context.Context, afterID string, limit int) ([]*Report, error)
	// SetReportStatus changes the status and writes report.updated.
	SetReportStatus(ctx context.Context, id, status string) error
	// LinkReports marks id as the same person as linkedID.
	LinkReports(ctx context.Context, id, linkedID string) error
	// ReportByPrivateHash finds a report by its private-page token's hash.
	ReportByPrivateHash(ctx context.Context, hash string) (*Report, error)
	// SetPrivateHash gives a report's private page a new token's hash: the
	// old link stops working (a volunteer re-sends a lost link).
	SetPrivateHash(ctx context.Context, id, hash string) error
	// RemoveReport purges personal data, keeps a placeholder, writes report.removed.
	RemoveReport(ctx context.Context, id string) error
	// ExpiredReports lists ids of non-removed reports that expired before t.
	ExpiredReports(ctx context.Context, t time.Time, limit int) ([]string, error)
	// AddNote stores n; only a seen note (Note.Seen) writes note.added.
	AddNote(ctx context.Context, n *Note) error
	// MarkNotesSeen records that a volunteer has seen the report's notes and,
	// when some were unseen, writes note.added in the same transaction.
	MarkNotesSeen(ctx context.Context, reportID string) (int, error)
	ListNotes(ctx context.Context, reportID string) ([]Note, error)
	// EventsAfter returns events with Seq > seq in commit order.
	EventsAfter(ctx context.Context, seq int64, limit int) ([]Event, error)
	LastEventSeq(ctx context.Context) (int64, error)
	// MatchedThrough is the highest sequence whose events some node has
	// fully matched (matches, messages, subscription SMS written).
	MatchedThrough(ctx context.Context) (int64, error)
	// SetMatchedThrough raises it to seq; it never moves back.
	SetMatchedThrough(ctx context.Context, seq int64) error
	// ReportsWithPhone lists reports whose contact phone equals phone (keyed hash).
	ReportsWithPhone(ctx context.Context, phone string) ([]*Report, error)
}

// MatchStore keeps matches and consents.
type MatchStore interface {
	// SaveMatch inserts m unless its (seek, safe) pair exists. Only when it
	// inserts does it also write msgs and consents, in the same transaction:
	// replays and other nodes cannot produce a second set of messages.
	SaveMatch(ctx context.Context, m *Match, msgs []Message, consents []Consent) (created bool, err error)
	// SaveMatches does the same for several matches in one transaction
	// (the matcher saves a report's pairs together) and returns how many
	// it inserted.
	SaveMatches(ctx context.Context, ws []MatchWrite) (created int, err error)
	// DecideMatch moves a match in review to confirmed or rejected and, when
	// confirmed, writes msgs and consents in the same transaction.
	DecideMatch(ctx context.Context, id, state, by, reason string, msgs []Message, consents []Consent) error
	GetMatch(ctx context.Context, id string) (*Match, error)
	// AutoMatchesOfNetwork counts the automatic matches since since in
	// which a report filed from the network tag took part (Report.FilerTag).
	AutoMatchesOfNetwork(ctx context.Context, tag string, since time.Time) (int, error)
	MatchesForReport(ctx context.Context, reportID string) ([]Match, error)
	MatchesByState(ctx context.Context, state string, limit int) ([]Match, error)
	// PendingConsents lists unanswered consents asked of phone, newest first.
	PendingConsents(ctx context.Context, phone string) ([]Consent, error)
	// AnsweredConsents lists the consents phone answered, newest first.
	AnsweredConsents(ctx context.Context, phone string) ([]Consent, error)
	// AnswerConsent records the answer and writes msgs in the same transaction.
	AnswerConsent(ctx context.Context, matchID, phone, answer string, msgs []Message) error
}

// SubscriptionKeyPrefix starts the keys of subscription confirmations and
// status updates. They yield to every other message (match and consent
// SMS): claimed last, and held back while the hourly budget runs low
// (notify's Dispatcher), so a flood of anonymous subscriptions cannot
// delay a family's match.
const SubscriptionKeyPrefix = "sub:"

// LowPriority reports whether a message with this key yields to others.
func LowPriority(key string) bool { return strings.HasPrefix(key, SubscriptionKeyPrefix) }

// RecipientCap is a per-recipient limit: at most Max messages since Since
// (Max 0: none).
type RecipientCap struct {
	Max   int
	Since time.Time
}

// MessageStore is the SMS outbox.
type MessageStore interface {
	// EnqueueMessages inserts msgs; a message whose Key exists is skipped.
	EnqueueMessages(ctx context.Context, msgs []Message) error
	// ClaimMessages leases up to limit messages that are due: queued ones
	// whose NextAttemptAt has passed, and ones whose lease expired.
	ClaimMessages(ctx context.Context, worker string, lease time.Duration, limit int) ([]Message, error)
	// MarkSending records that a request may leave now (before the call).
	// With limit.Max > 0 it first counts the messages that left for the
	// same recipient since limit.Since, in the same transaction and under
	// a per-recipient lock, and returns ErrCapReached at the cap: the
	// count and the claim of a send are one step, so concurrent workers
	// cannot overshoot it.
	MarkSending(ctx context.Context, id, worker string, limit RecipientCap) error
	// FinishMessage saves the outcome of an attempt and releases the lease.
	FinishMessage(ctx context.Context, m *Message) error
	// AdvanceMessage applies a status callback: only moves the state forward,
	// with the provider's error code and text (0 and "" when none).
	AdvanceMessage(ctx context.Context, sid, state string, errCode int, errText string) error
	MessagesForMatch(ctx context.Context, matchID string) ([]Message, error)
	MessageByKey(ctx context.Context, key string) (*Message, error)
	SetOptOut(ctx context.Context, phone string, out bool) error
	// PhoneTag is a short keyed hash of phone (HMAC with the secret) for
	// names stored in the clear, such as message keys.
	PhoneTag(phone string) string
	// FirstInbound records an inbound SMS (its MessageSid and a keyed hash
	// of its body) and reports whether it was new (false: a replay,
	// already handled).
	FirstInbound(ctx context.Context, sid, body string) (bool, error)
	OptedOut(ctx context.Context, phone string) (bool, error)
	// CountSent counts messages created since t (global budget).
	CountSent(ctx context.Context, since time.Time) (int, error)
	// DueRedactions, FinishRedaction and DeferRedaction keep the
	// provider's copies of removed reports' SMS (RemoveReport queues
	// them) until the provider has emptied them.
	DueRedactions(ctx context.Context, now time.Time, limit int) ([]Redaction, error)
	FinishRedaction(ctx context.Context, sid string) error
	DeferRedaction(ctx context.Context, sid string, next time.Time) error
}

// SubscriptionStore keeps "tell me by SMS when this report changes".
type SubscriptionStore interface {
	Subscribe(ctx context.Context, sub Subscription, confirm []Message) error
	PendingSubscriptions(ctx context.Context, phone string) ([]Subscription, error)
	ConfirmSubscription(ctx context.Context, reportID, phone string) error
	Subscribers(ctx context.Context, reportID string) ([]Subscription, error)
}

// AccountStore keeps volunteers, sessions and the audit log.
type AccountStore interface {
	CreateVolunteer(ctx context.Context, v *Volunteer) error
	VolunteerByLogin(ctx context.Context, login string) (*Volunteer, error)
	// Volunteers lists every console account by login (tuys user list).
	Volunteers(ctx context.Context) ([]*Volunteer, error)
	UpdateVolunteer(ctx context.Context, v *Volunteer) error
	CreateSession(ctx context.Context, tokenHash string, volunteerID int64, expires time.Time) error
	SessionVolunteer(ctx context.Context, tokenHash string) (*Volunteer, error)
	DeleteSession(ctx context.Context, tokenHash string) error
	Audit(ctx context.Context, e AuditEntry) error
	ListAudit(ctx context.Context, limit int) ([]AuditEntry, error)
	PurgeAudit(ctx context.Context, before time.Time) error
	// Stats counts reports, matches and messages created since t, by kind and state.
	Stats(ctx context.Context, since time.Time) (map[string]int, error)
}
