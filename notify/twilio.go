package notify

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/twilio/twilio-go/client"
	openapi "github.com/twilio/twilio-go/rest/api/v2010"
)

// Twilio sends SMS through the Messages API with twilio-go.
type Twilio struct {
	accountSID string
	creds      *client.Credentials
	from       string
	service    string
	target     *url.URL // scheme+host (and path prefix) requests are sent to
	timeout    time.Duration
	transport  http.RoundTripper
}

var alnum = regexp.MustCompile(`^[A-Za-z0-9]+$`)

// NewTwilio checks the configuration; twilio-go would otherwise fail every
// send locally (codes 21222/21224) on credentials with other characters.
func NewTwilio(cfg Config) (*Twilio, error) {
	if !alnum.MatchString(cfg.AccountSID) || !alnum.MatchString(cfg.AuthToken) {
		return nil, errors.New("twilio: account SID and auth token must be letters and digits")
	}
	if cfg.From == "" && cfg.MessagingServiceSID == "" {
		return nil, errors.New("twilio: set TUYS_TWILIO_FROM or TUYS_TWILIO_MESSAGING_SERVICE_SID")
	}
	raw := cfg.APIURL
	if raw == "" {
		raw = "https://api.twilio.com"
	}
	target, err := url.Parse(strings.TrimRight(raw, "/"))
	if err != nil || target.Host == "" || (target.Scheme != "http" && target.Scheme != "https") {
		return nil, fmt.Errorf("twilio: bad TUYS_TWILIO_API_URL %q", raw)
	}
	timeout := cfg.Timeout
	if timeout <= 0 {
		timeout = 15 * time.Second
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 32
	return &Twilio{
		accountSID: cfg.AccountSID,
		creds:      client.NewCredentials(cfg.AccountSID, cfg.AuthToken),
		from:       cfg.From,
		service:    cfg.MessagingServiceSID,
		target:     target,
		timeout:    timeout,
		transport:  tr,
	}, nil
}

// api builds a twilio-go Messages service bound to ctx. twilio-go takes no
// context and has no base-URL option, so both ride on the HTTP transport;
// a client per call is a few small structs and keeps calls independent.
func (t *Twilio) api(ctx context.Context) *openapi.ApiService {
	c := &client.Client{
		Credentials: t.creds,
		HTTPClient: &http.Client{
			Timeout:       t.timeout,
			Transport:     &rewriteTransport{ctx: ctx, target: t.target, base: t.transport},
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
	}
	c.SetAccountSid(t.accountSID)
	return openapi.NewApiService(client.NewRequestHandler(c))
}

// Send implements Sender.
func (t *Twilio) Send(ctx context.Context, to, body, statusCallback string) (SendResult, error) {
	p := &openapi.CreateMessageParams{}
	p.SetTo(to).SetBody(body)
	if t.service != "" {
		p.SetMessagingServiceSid(t.service)
	} else {
		p.SetFrom(t.from)
	}
	if statusCallback != "" {
		p.SetStatusCallback(statusCallback)
	}
	m, err := t.api(ctx).CreateMessage(p)
	if err != nil {
		return SendResult{}, classify(ctx, err)
	}
	return resultOf(m), nil
}

// permanentReasons are Twilio codes that no retry can fix, in words a volunteer can act on.
var permanentReasons = map[int]string{
	21211: "invalid phone number",
	21408: "SMS to this country is not enabled on the account",
	21610: "the recipient replied STOP to our number",
	21612: "this number cannot be reached from our sender",
	21614: "not a mobile number (cannot receive SMS)",
	21606: "our sender number cannot send SMS",
	21617: "message too long",
	30004: "message blocked",
	30005: "unknown or inactive handset",
	30006: "landline or unreachable carrier",
	30007: "filtered as spam by the carrier",
}

// Reason is the readable text for a Twilio error code ("" when unknown).
func Reason(code int) string { return permanentReasons[code] }

// classify turns a twilio-go error into a *SendError.
func classify(ctx context.Context, err error) error {
	var te *client.TwilioRestError
	if errors.As(err, &te) {
		return restError(te.Code, te.Status, te.Message, err)
	}
	var v1 *client.RestErrorV1
	if errors.As(err, &v1) {
		return restError(v1.Code, v1.HttpStatusCode, v1.Message, err)
	}
	se := &SendError{Outcome: Retryable, MaybeSent: true, Reason: "network error", Err: err}
	var op *net.OpError
	switch {
	case errors.As(err, &op) && op.Op == "dial":
		// The connection never opened: nothing can have been sent.
		se.MaybeSent, se.Reason = false, "cannot connect to the SMS provider"
	case ctx.Err() != nil || isTimeout(err):
		se.Reason = "SMS provider timed out; outcome unknown"
	case strings.Contains(err.Error(), "error decoding the response"):
		se.Reason = "SMS provider answered with an error page"
	}
	return se
}

func restError(code, status int, msg string, err error) *SendError {
	se := &SendError{Code: code, Status: status, Reason: msg, Err: err}
	if r := permanentReasons[code]; r != "" {
		se.Reason = r
	}
	switch {
	case status == http.StatusTooManyRequests || code == 20429:
		se.Outcome, se.Reason = Retryable, "SMS provider rate limit"
	case status >= 500 || status == 0:
		se.Outcome, se.MaybeSent = Retryable, true
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		// Our credentials: retrying after the operator fixes them must still work.
		se.Outcome, se.Reason = Retryable, "SMS provider refused our credentials: "+msg
	default:
		se.Outcome = Permanent
	}
	if se.Code == 0 {
		se.Code = status
	}
	return se
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// rewriteTransport sends twilio-go's requests to target with ctx attached.
type rewriteTransport struct {
	ctx    context.Context
	target *url.URL
	base   http.RoundTripper
}

func (rt *rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	r := req.Clone(rt.ctx)
	r.URL.Scheme = rt.target.Scheme
	r.URL.Host = rt.target.Host
	r.URL.Path = rt.target.Path + req.URL.Path
	if req.URL.RawPath != "" {
		r.URL.RawPath = rt.target.Path + req.URL.RawPath
	}
	r.Host = rt.target.Host
	resp, err := rt.base.RoundTrip(r)
	if err != nil || resp.StatusCode < 400 {
		return resp, err
	}
	// twilio-go never closes an error response's body, which would leak
	// the connection on every 429; hand it a copy and close the original.
	b, rerr := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	if rerr != nil {
		return nil, rerr
	}
	resp.Body = io.NopCloser(bytes.NewReader(b))
	return resp, nil
}
