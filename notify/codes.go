package notify

import (
	"crypto/rand"
	"hash/fnv"
	"math/big"
	"strconv"

	"tuys/data"
)

// A found person answers one seeker's request with its short code ("ДА
// 123"). The code is drawn at random when the request is composed and kept
// with it (data.Consent.Code): derived from the match id, which is public,
// it let a stranger file seeks until one shared the family's code, then
// steer the person's answer to that seek (an attacker's trial,
// 2026-12-07). Two requests to one phone may still share a short code by
// chance, about 1 in 900 a pair: an answer with a shared code then lists
// them with long codes, five digits of the keyed hash of the match id
// (no stranger can work them out), which it also takes.

// newConsentCode draws a short code.
func newConsentCode() string {
	n, err := rand.Int(rand.Reader, big.NewInt(900))
	if err != nil {
		panic("consent code: the random source failed: " + err.Error())
	}
	return strconv.Itoa(100 + int(n.Int64()))
}

// shortCode is the code request was sent with: the one kept, or for a
// request kept before codes were, the one derived from its match id then.
func shortCode(request data.Consent) string {
	if request.Code != "" {
		return request.Code
	}
	return strconv.Itoa(100 + int(fnv32(request.MatchID)%900))
}

// longCode is request's five-digit code, never a short consent code nor
// a subscription's four.
func (c *Composer) longCode(matchID string) string {
	return strconv.Itoa(10000 + int(fnv32(c.phoneTag("consent-long:"+matchID))%90000))
}

// codeNames reports whether code, as answered, names request: its short
// or its long code.
func (c *Composer) codeNames(code string, request data.Consent) bool {
	return code == shortCode(request) || code == c.longCode(request.MatchID)
}

// listedCode is the code a list shows for request: the short one, or the
// long one when another request in among shares it (the short code would
// name both).
func (c *Composer) listedCode(request data.Consent, among []data.Consent) string {
	short := shortCode(request)
	for _, other := range among {
		if other.MatchID != request.MatchID && shortCode(other) == short {
			return c.longCode(request.MatchID)
		}
	}
	return short
}

// SubscriptionCode confirms "SMS me about this report": four digits, so it
// can never be taken for a consent code and release a number.
func SubscriptionCode(reportID string) string {
	return strconv.Itoa(1000 + int(fnv32("sub:"+reportID)%9000))
}

func fnv32(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}
