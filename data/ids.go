package data

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/oklog/ulid/v2"
)

var (
	idMu      sync.Mutex
	idEntropy = ulid.Monotonic(rand.Reader, 0)
)

// NewID returns a ULID: sortable by creation time, unique across nodes.
func NewID() string {
	idMu.Lock()
	defer idMu.Unlock()
	return ulid.MustNew(ulid.Timestamp(time.Now()), idEntropy).String()
}

// IsID reports whether s is a report's id (NewID's form): an audit
// entry's target may be one, or a match, a list, a login.
func IsID(s string) bool {
	_, err := ulid.ParseStrict(s)
	return err == nil && len(s) == ulid.EncodedSize
}

// HashCode hashes a one-time code (deletion code, session token) for storage.
func HashCode(code string) string {
	sum := sha256.Sum256([]byte(code))
	return hex.EncodeToString(sum[:])
}

// NewCode returns n random bytes as lowercase hex (deletion codes, tokens).
func NewCode(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("random source failed: " + err.Error())
	}
	return hex.EncodeToString(b)
}

// TypedCode is a code (NewCode's hex) as a person typed or dictated it:
// capitals, blanks and dashes between its groups, and the Cyrillic letters
// that look like a to f on a Russian or Kazakh keyboard do not count
// (6AABF279 7CC5E143 was "the wrong code": a new user's trial).
func TypedCode(s string) string {
	return strings.Map(func(r rune) rune {
		r = unicode.ToLower(r)
		if l, ok := cyrillicHex[r]; ok {
			return l
		}
		if unicode.IsSpace(r) || r == '-' || r == '–' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
}

// cyrillicHex are the Cyrillic letters that look like hex digits' letters.
var cyrillicHex = map[rune]rune{'а': 'a', 'в': 'b', 'с': 'c', 'е': 'e'}

func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMS(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v).UTC()
}

// PairID is the id of the match between a seek and a safe report. It is
// derived from the pair, so every node that judges the pair composes its
// messages under the same idempotency keys.
func PairID(seekID, safeID string) string {
	sum := sha256.Sum256([]byte(seekID + "|" + safeID))
	return "m" + hex.EncodeToString(sum[:12])
}

// PrivatePath is the path of a report's private page: whoever holds it
// may read, close or delete the report, so it is a secret.
func PrivatePath(token string) string { return "/p/" + token }

// privateLink is a private page's path in a text (an SMS body).
var privateLink = regexp.MustCompile(`/p/([0-9a-f]{4})[0-9a-f]{8,}`)

// MaskPrivateLinks keeps the first characters of every private link's
// token in s: the log sender's line and the console's view of a logged
// SMS showed whole links, so a log reader or a volunteer could open
// (and delete) the author's private page.
func MaskPrivateLinks(s string) string {
	if !strings.Contains(s, "/p/") {
		return s
	}
	return privateLink.ReplaceAllString(s, "/p/$1…")
}
