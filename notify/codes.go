package notify

import (
	"hash/fnv"
	"strconv"
)

// ConsentCode is the short number a found person answers one seeker's
// request with ("ДА 123"). It is derived from the match, so composing needs
// no I/O; it is no secret (only the asked phone can answer). Two pending
// requests to one phone may share it (about 1 in 900 per pair, and a
// stranger filing a few hundred seeks could make it so on purpose to
// block a family's answer): an answer with a shared code then lists the
// requests with their long codes (LongConsentCode), which it also takes.
func ConsentCode(matchID string) string { return strconv.Itoa(100 + int(fnv32(matchID)%900)) }

// LongConsentCode tells apart requests whose short codes collide: five
// digits, so it is never a short consent code nor a subscription's.
func LongConsentCode(matchID string) string {
	return strconv.Itoa(10000 + int(fnv32("long:"+matchID)%90000))
}

// codeNames reports whether code, as answered, names the request of
// matchID: its short or its long code.
func codeNames(code, matchID string) bool {
	return code == ConsentCode(matchID) || code == LongConsentCode(matchID)
}

// listedCode is the code a list of requests shows for matchID: the short
// one, or the long one when another request of the list shares it (the
// short code would name both).
func listedCode(matchID string, list []string) string {
	short := ConsentCode(matchID)
	for _, other := range list {
		if other != matchID && ConsentCode(other) == short {
			return LongConsentCode(matchID)
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
