package notify

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"
	"tuys/data"
)

func TestLogSender(t *testing.T) {
	var logs bytes.Buffer
	s := NewLogSender(slog.New(slog.NewTextHandler(&logs, nil)))
	since := time.Now()
	res, err := s.Send(context.Background(), "+77011234567", "call +905321234567", "")
	if err != nil || !strings.HasPrefix(res.SID, "LOG") || res.State != "sent" {
		t.Fatalf("Send = %+v, %v", res, err)
	}
	if strings.Contains(logs.String(), "7011234567") || strings.Contains(logs.String(), "5321234567") {
		t.Errorf("log shows a full number: %s", logs.String())
	}
	if !strings.Contains(logs.String(), "+7***67") {
		t.Errorf("log lacks the masked number: %s", logs.String())
	}
	if f, _ := s.Find(context.Background(), Lookup{To: "+77011234567", Since: since, Body: "call +905321234567"}); f == nil || f.SID != res.SID {
		t.Errorf("Find = %+v", f)
	}
	if f, _ := s.Find(context.Background(), Lookup{To: "+77011234567", Since: since, Body: "other"}); f != nil {
		t.Errorf("Find other body = %+v", f)
	}
	if f, _ := s.Find(context.Background(), Lookup{To: "+77011234568", Since: since, Body: "call +905321234567"}); f != nil {
		t.Errorf("Find another number = %+v", f)
	}
	if f, _ := s.Find(context.Background(), Lookup{SID: res.SID}); f == nil || f.Segments != 1 {
		t.Errorf("Find by SID = %+v", f)
	}
	// What it keeps in memory holds neither the number nor the body.
	kept := fmt.Sprintf("%+v", s.sent)
	if strings.Contains(kept, "7011234567") || strings.Contains(kept, "call") {
		t.Errorf("the log sender keeps the text: %s", kept)
	}
}

// TestLogSenderMasksPrivateLinks: a private link in an SMS reaches the
// log with its token cut short: whoever reads the log could otherwise
// open, close or delete the author's report.
func TestLogSenderMasksPrivateLinks(t *testing.T) {
	var logs bytes.Buffer
	s := NewLogSender(slog.New(slog.NewTextHandler(&logs, nil)))
	token := "0123456789abcdef0123456789abcdef"
	if _, err := s.Send(context.Background(), "+77011234567", "tuys: your page https://tuys.kz"+data.PrivatePath(token), ""); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(logs.String(), token) || !strings.Contains(logs.String(), "/p/0123…") {
		t.Errorf("the log shows the private link: %s", logs.String())
	}
}
