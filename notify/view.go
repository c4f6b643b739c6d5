package notify

import (
	"fmt"

	"tuys/data"
)

// Describe says in one line what happened to a message, for the volunteer
// view: "delivered", "failed: invalid phone number (21211)", "queued: retry
// after SMS provider rate limit".
func Describe(m data.Message) string {
	switch {
	case m.ErrorText != "" && m.ErrorCode != 0:
		return fmt.Sprintf("%s: %s (%d)", m.State, m.ErrorText, m.ErrorCode)
	case m.ErrorText != "":
		return m.State + ": " + m.ErrorText
	case m.ErrorCode != 0 && Reason(m.ErrorCode) != "":
		return fmt.Sprintf("%s: %s (%d)", m.State, Reason(m.ErrorCode), m.ErrorCode)
	case m.ErrorCode != 0:
		return fmt.Sprintf("%s (error %d)", m.State, m.ErrorCode)
	}
	return m.State
}
