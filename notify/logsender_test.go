package notify

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"
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
