package notify

import (
	"hash/fnv"
	"strconv"
)

// ConsentCode is the short number a found person answers one seeker's
// request with ("ДА 123"). It is derived from the match, so composing needs
// no I/O; it is no secret (only the asked phone can answer). Two pending
// requests to one phone sharing a code (about 1 in 900 per pair) are
// refused as ambiguous and the person is pointed to the hotline.
func ConsentCode(matchID string) string { return strconv.Itoa(100 + int(fnv32(matchID)%900)) }

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
