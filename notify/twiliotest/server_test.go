package twiliotest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/twilio/twilio-go/client"
)

func post(t *testing.T, s *Server, user, pass string, form url.Values) (*http.Response, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/2010-04-01/Accounts/AC1/Messages.json", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(user, pass)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&body)
	return resp, body
}

func TestCreateShapesAndErrors(t *testing.T) {
	s := New("AC1", "tok")
	defer s.Close()
	ok := url.Values{"To": {"+77011234567"}, "From": {"+15005550006"}, "Body": {"Сәлем"}}
	resp, body := post(t, s, "AC1", "tok", ok)
	if resp.StatusCode != 201 || body["num_segments"] != "1" || !strings.HasPrefix(body["sid"].(string), "SM") {
		t.Errorf("create: %d %v", resp.StatusCode, body)
	}
	if resp, body := post(t, s, "AC1", "wrong", ok); resp.StatusCode != 401 || body["code"] != float64(20003) {
		t.Errorf("bad auth: %d %v", resp.StatusCode, body)
	}
	magic := url.Values{"To": {"+15005550009"}, "From": {"+15005550006"}, "Body": {"x"}}
	if resp, body := post(t, s, "AC1", "tok", magic); resp.StatusCode != 400 || body["code"] != float64(21614) || body["more_info"] == "" {
		t.Errorf("magic: %d %v", resp.StatusCode, body)
	}
	s.FailNext(1, 429)
	if resp, body := post(t, s, "AC1", "tok", ok); resp.StatusCode != 429 || body["code"] != float64(20429) {
		t.Errorf("429: %d %v", resp.StatusCode, body)
	}
	if len(s.Messages()) != 1 || s.Posts() != 3 {
		t.Errorf("%d messages after %d posts", len(s.Messages()), s.Posts())
	}
}

func TestListFilters(t *testing.T) {
	s := New("AC1", "tok")
	defer s.Close()
	for _, to := range []string{"+77011234567", "+77011234568"} {
		post(t, s, "AC1", "tok", url.Values{"To": {to}, "From": {"+15005550006"}, "Body": {"b"}})
	}
	get := func(q url.Values) int {
		req, _ := http.NewRequest(http.MethodGet, s.URL+"/2010-04-01/Accounts/AC1/Messages.json?"+q.Encode(), nil)
		req.SetBasicAuth("AC1", "tok")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var page struct{ Messages []map[string]any }
		_ = json.NewDecoder(resp.Body).Decode(&page)
		return len(page.Messages)
	}
	if n := get(url.Values{"To": {"+77011234567"}}); n != 1 {
		t.Errorf("To filter: %d", n)
	}
	if n := get(url.Values{"DateSent>": {time.Now().Add(time.Hour).Format(time.RFC3339)}}); n != 0 {
		t.Errorf("DateSent> in the future: %d", n)
	}
	if n := get(url.Values{"DateSent>": {time.Now().Add(-time.Hour).Format(time.RFC3339)}}); n != 2 {
		t.Errorf("DateSent> an hour ago: %d", n)
	}
}

// TestSignMatchesTwilioGo: our signature is what twilio-go's validator expects.
func TestSignMatchesTwilioGo(t *testing.T) {
	u := "https://tuys.example/webhooks/twilio/status?x=1"
	form := url.Values{"MessageSid": {"SM1"}, "MessageStatus": {"delivered"}, "Body": {"Иә ✓"}}
	v := client.NewRequestValidator("tok")
	if !v.ValidateBody(u, []byte(form.Encode()), Sign("tok", u, form)) {
		t.Fatal("twilio-go rejects our signature")
	}
	if v.ValidateBody(u, []byte(form.Encode()), Sign("other", u, form)) {
		t.Fatal("twilio-go accepts a signature made with another token")
	}
}
