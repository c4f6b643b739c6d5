package notify

import (
	"html"
	"net/url"

	"github.com/twilio/twilio-go/client"
)

// VerifyTwilio checks X-Twilio-Signature for a form POST. fullURL must be the
// public URL Twilio called (from TUYS_PUBLIC_URL plus path and query), not
// one rebuilt from the request's Host, which a proxy or an attacker controls.
func VerifyTwilio(authToken, fullURL string, form url.Values, signature string) bool {
	if authToken == "" || signature == "" {
		return false
	}
	params := make(map[string]string, len(form))
	for k, v := range form {
		if len(v) > 0 {
			params[k] = v[0]
		}
	}
	v := client.NewRequestValidator(authToken)
	return v.Validate(fullURL, params, signature)
}

// VerifyTwilioBody is VerifyTwilio on the raw request body (read it once,
// verify, then parse it).
func VerifyTwilioBody(authToken, fullURL string, body []byte, signature string) bool {
	if authToken == "" || signature == "" {
		return false
	}
	v := client.NewRequestValidator(authToken)
	return v.ValidateBody(fullURL, body, signature)
}

// TwiML renders the reply to an inbound SMS webhook (Content-Type text/xml).
// An empty reply gives an empty <Response/>: Twilio then sends nothing.
func TwiML(reply string) string {
	if reply == "" {
		return `<?xml version="1.0" encoding="UTF-8"?><Response/>`
	}
	return `<?xml version="1.0" encoding="UTF-8"?><Response><Message>` + html.EscapeString(reply) + `</Message></Response>`
}
