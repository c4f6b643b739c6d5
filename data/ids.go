package data

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"sync"
	"time"

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
