package twiliotest

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"regexp"
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
	return do(t, req)
}

func get(t *testing.T, s *Server, pathAndQuery string) (*http.Response, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, s.URL+pathAndQuery, nil)
	req.SetBasicAuth("AC1", "tok")
	return do(t, req)
}

func do(t *testing.T, req *http.Request) (*http.Response, map[string]any) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&body)
	return resp, body
}

const listPath = "/2010-04-01/Accounts/AC1/Messages.json"

var sidPattern = regexp.MustCompile(`^SM[0-9a-fA-F]{32}$`)

func TestCreateShapesAndErrors(t *testing.T) {
	s := New("AC1", "tok")
	defer s.Close()
	ok := url.Values{"To": {"+77011234567"}, "From": {"+15005550006"}, "Body": {"Сәлем"}}
	resp, body := post(t, s, "AC1", "tok", ok)
	if resp.StatusCode != 201 || body["num_segments"] != "1" || body["status"] != "queued" || body["date_sent"] != nil ||
		!sidPattern.MatchString(body["sid"].(string)) || body["error_code"] != nil {
		t.Errorf("create: %d %v", resp.StatusCode, body)
	}
	if resp, body := post(t, s, "AC1", "wrong", ok); resp.StatusCode != 401 || body["code"] != float64(20003) {
		t.Errorf("bad auth: %d %v", resp.StatusCode, body)
	}
	magic := url.Values{"To": {"+15005550009"}, "From": {"+15005550006"}, "Body": {"x"}}
	if resp, _ := post(t, s, "AC1", "tok", magic); resp.StatusCode != 201 {
		t.Errorf("a magic number with live credentials: %d, want an ordinary 201", resp.StatusCode)
	}
	s.FailNext(1, 429)
	if resp, body := post(t, s, "AC1", "tok", ok); resp.StatusCode != 429 || body["code"] != float64(20429) {
		t.Errorf("429: %d %v", resp.StatusCode, body)
	}
	if len(s.Messages()) != 2 || s.Posts() != 3 {
		t.Errorf("%d messages after %d posts", len(s.Messages()), s.Posts())
	}
}

func TestSIDsAreValidAndDistinct(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		sid := newSID()
		if !sidPattern.MatchString(sid) || seen[sid] {
			t.Fatalf("SID %q: invalid or repeated", sid)
		}
		seen[sid] = true
	}
}

func TestTestCredentials(t *testing.T) {
	s := NewTestCredentials("AC1", "tok")
	defer s.Close()
	for _, tt := range []struct {
		to, from string
		code     int
	}{
		{"+15005550001", "+15005550006", 21211}, {"+15005550002", "+15005550006", 21612},
		{"+15005550003", "+15005550006", 21408}, {"+15005550004", "+15005550006", 21610},
		{"+15005550009", "+15005550006", 21614}, {"+77011234567", "+15005550001", 21212},
		{"+77011234567", "+15005550007", 21606}, {"+77011234567", "+15005550008", 21611},
		{"+77011234567", "+77010000000", 21606}, {"+77011234567", "+15005550006", 0},
	} {
		resp, body := post(t, s, "AC1", "tok", url.Values{"To": {tt.to}, "From": {tt.from}, "Body": {"x"}})
		if tt.code == 0 && resp.StatusCode != 201 || tt.code != 0 && body["code"] != float64(tt.code) {
			t.Errorf("%s from %s: %d %v, want code %d", tt.to, tt.from, resp.StatusCode, body, tt.code)
		}
	}
	sid := s.Messages()[0].SID
	for _, path := range []string{listPath, "/2010-04-01/Accounts/AC1/Messages/" + sid + ".json"} {
		if resp, body := get(t, s, path); resp.StatusCode != 403 || body["code"] != float64(20008) {
			t.Errorf("GET %s with test credentials: %d %v, want 403 code 20008", path, resp.StatusCode, body)
		}
	}
	if _, err := s.SendStatus(context.Background(), sid, "sent", 0); !errors.Is(err, ErrNoCallbacks) {
		t.Errorf("SendStatus with test credentials: %v, want ErrNoCallbacks", err)
	}
}

func TestMessagingServiceLifecycle(t *testing.T) {
	s := New("AC1", "tok")
	defer s.Close()
	resp, body := post(t, s, "AC1", "tok", url.Values{"To": {"+77011234567"}, "MessagingServiceSid": {"MG1"}, "Body": {"hi"}})
	if resp.StatusCode != 201 || body["status"] != "accepted" || body["from"] != nil || body["num_segments"] != "0" || body["date_sent"] != nil {
		t.Fatalf("create through a Messaging Service: %v", body)
	}
	sid := body["sid"].(string)
	for _, tt := range []struct {
		status string
		code   int
		sent   bool
	}{{"queued", 0, false}, {"sending", 0, true}, {"undelivered", 30003, true}} {
		if _, err := s.SetStatus(sid, tt.status, tt.code); err != nil {
			t.Fatal(err)
		}
		_, got := get(t, s, "/2010-04-01/Accounts/AC1/Messages/"+sid+".json")
		if got["status"] != tt.status || got["from"] != s.ServiceFrom || got["num_segments"] != "1" || (got["date_sent"] != nil) != tt.sent {
			t.Errorf("after %s: %v", tt.status, got)
		}
		if tt.code != 0 && (got["error_code"] != float64(tt.code) || got["error_message"] != ErrorText[tt.code]) {
			t.Errorf("after %s: error %v %v", tt.status, got["error_code"], got["error_message"])
		}
	}
	if _, err := s.SetStatus(sid, "exploded", 0); err == nil {
		t.Error("a status outside the enum was accepted")
	}
	if resp, body := get(t, s, "/2010-04-01/Accounts/AC1/Messages/SM"+strings.Repeat("0", 32)+".json"); resp.StatusCode != 404 || body["code"] != float64(20404) {
		t.Errorf("fetch of an unknown SID: %d %v", resp.StatusCode, body)
	}
}

func TestListFiltersOnDateSentByDay(t *testing.T) {
	s := New("AC1", "tok")
	defer s.Close()
	now := time.Now().UTC()
	yesterday := now.Add(-24 * time.Hour)
	s.Add(Message{To: "+77011234567", Body: "old", DateCreated: yesterday, DateSent: yesterday})
	s.Add(Message{To: "+77011234567", Body: "today", DateCreated: now, DateSent: now})
	s.Add(Message{To: "+77011234567", Body: "queued", Status: "queued", DateCreated: now})
	s.Add(Message{To: "+77011234568", Body: "other", DateCreated: now, DateSent: now})
	bodies := func(q url.Values) string {
		_, page := get(t, s, listPath+"?"+q.Encode())
		var out []string
		for _, m := range page["messages"].([]any) {
			out = append(out, m.(map[string]any)["body"].(string))
		}
		return strings.Join(out, ",")
	}
	later := now.Truncate(24 * time.Hour).Add(23 * time.Hour).Format(time.RFC3339) // same day: the time of day is ignored
	for _, tt := range []struct {
		q    url.Values
		want string
	}{
		{url.Values{"To": {"+77011234567"}}, "today,old,queued"},
		{url.Values{"To": {"+77011234567"}, "DateSent>": {later}}, "today"},
		{url.Values{"To": {"+77011234567"}, "DateSent>": {yesterday.Format("2006-01-02")}}, "today,old"},
		{url.Values{"To": {"+77011234567"}, "DateSent<": {yesterday.Format("2006-01-02")}}, "old"},
		{url.Values{"DateSent": {now.Format("2006-01-02")}}, "today,other"},
		{url.Values{"DateSent>": {now.Add(48 * time.Hour).Format(time.RFC3339)}}, ""},
	} {
		if got := bodies(tt.q); got != tt.want && !(tt.want == "today,other" && got == "other,today") {
			t.Errorf("%v: %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestListPages(t *testing.T) {
	s := New("AC1", "tok")
	defer s.Close()
	for i := 0; i < 5; i++ {
		s.Add(Message{To: "+77011234567", Body: "b", DateCreated: time.Now()})
	}
	seen, uri := 0, listPath+"?To=%2B77011234567&PageSize=2"
	for pages := 0; uri != ""; pages++ {
		if pages > 3 {
			t.Fatal("paging does not end")
		}
		_, page := get(t, s, uri)
		seen += len(page["messages"].([]any))
		uri, _ = page["next_page_uri"].(string)
	}
	if seen != 5 {
		t.Errorf("pages held %d messages, want 5", seen)
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

// An update with an empty Body redacts a message past sending; text in
// Body, or a message still queued, is refused.
func TestRedaction(t *testing.T) {
	s := New("AC"+strings.Repeat("0", 32), "token")
	t.Cleanup(s.Close)
	queued := s.Add(Message{To: "+77011234567", Body: "Телефон: +77017654321", Status: "queued"})
	done := s.Add(Message{To: "+77011234567", Body: "Телефон: +77017654321"})
	post := func(sid string, form url.Values) int {
		req, _ := http.NewRequest(http.MethodPost, s.URL+"/2010-04-01/Accounts/"+s.AccountSID+"/Messages/"+sid+".json", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.SetBasicAuth(s.AccountSID, s.AuthToken)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	for _, tc := range []struct {
		sid  string
		form url.Values
		want int
	}{
		{done.SID, url.Values{"Body": {"other text"}}, http.StatusBadRequest},
		{queued.SID, url.Values{"Body": {""}}, http.StatusBadRequest},
		{"SM" + strings.Repeat("f", 32), url.Values{"Body": {""}}, http.StatusNotFound},
		{done.SID, url.Values{"Body": {""}}, http.StatusOK},
	} {
		if got := post(tc.sid, tc.form); got != tc.want {
			t.Errorf("update %s %v: HTTP %d, want %d", tc.sid, tc.form, got, tc.want)
		}
	}
	for _, m := range s.Messages() {
		if (m.SID == done.SID) != (m.Body == "") {
			t.Errorf("%s (%s) body %q", m.SID, m.Status, m.Body)
		}
	}
}
