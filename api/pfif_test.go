package api

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"

	"tuys/data"
	"tuys/exchange/pfif"
)

func pfifFile(t *testing.T) string {
	t.Helper()
	raw, err := os.ReadFile("../exchange/testdata/personfinder-shape.pfif.xml")
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// xmlBody adds the PFIF body's Content-Type to hdr unless it has one.
func xmlBody(hdr map[string]string) map[string]string {
	out := map[string]string{"Content-Type": "application/xml"}
	for k, v := range hdr {
		out[k] = v
	}
	return out
}

func TestPFIFImportRoute(t *testing.T) {
	s, h := secServer(t, Config{})
	importer := addToken(t, s, "pf-import", data.ScopeImport)
	reader := addToken(t, s, "pf-read", data.ScopeRead)
	tooLong := `<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4"><pfif:person><pfif:person_record_id>x.org/person.9</pfif:person_record_id>` +
		`<pfif:full_name>` + strings.Repeat("Я", 300) + `</pfif:full_name></pfif:person></pfif:pfif>`
	tests := []struct {
		name, body string
		hdr        map[string]string
		code       int
		want       PFIFResult
		errRecord  string
	}{
		{"no token", pfifFile(t), nil, http.StatusUnauthorized, PFIFResult{}, ""},
		{"read token", pfifFile(t), bearerHdr(reader), http.StatusForbidden, PFIFResult{}, ""},
		{"not XML", "{}", bearerHdr(importer), http.StatusBadRequest, PFIFResult{}, ""},
		{"Person Finder file", pfifFile(t), bearerHdr(importer), http.StatusOK, PFIFResult{Filed: 3, Notes: 3, Links: 1}, ""},
		{"same file again", pfifFile(t), bearerHdr(importer), http.StatusOK, PFIFResult{Duplicates: 3}, ""},
		{"bad record", tooLong, bearerHdr(importer), http.StatusOK, PFIFResult{Rejected: 1}, "x.org/person.9"},
		{"PFIF sent as text/plain", pfifFile(t), map[string]string{"Authorization": "Bearer " + importer, "Content-Type": "text/plain"},
			http.StatusUnsupportedMediaType, PFIFResult{}, ""},
	}
	for _, tt := range tests {
		w := secReq{"POST", "/api/v1/pfif?lang=en", tt.body, xmlBody(tt.hdr)}.do(h)
		if w.Code != tt.code {
			t.Fatalf("%s: %d %s, want %d", tt.name, w.Code, w.Body, tt.code)
		}
		if w.Code != http.StatusOK {
			continue
		}
		var got PFIFResult
		if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		if got.Filed != tt.want.Filed || got.Duplicates != tt.want.Duplicates || got.Rejected != tt.want.Rejected ||
			got.Notes != tt.want.Notes || got.Links != tt.want.Links {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
		if tt.errRecord != "" && (len(got.Errors) != 1 || got.Errors[0].RecordID != tt.errRecord ||
			got.Errors[0].Field != "person.full_name" || !strings.Contains(got.Errors[0].Message, "200")) {
			t.Errorf("%s: errors %+v", tt.name, got.Errors)
		}
	}
}

func TestPFIFFeeds(t *testing.T) {
	s, h := secServer(t, Config{PublicURL: "https://tuys.example.kz"})
	importer := addToken(t, s, "pf-import", data.ScopeImport)
	reader := addToken(t, s, "pf-read", data.ScopeRead)
	if w := (secReq{"POST", "/api/v1/pfif", pfifFile(t), xmlBody(bearerHdr(importer))}).do(h); w.Code != http.StatusOK {
		t.Fatalf("import: %d %s", w.Code, w.Body)
	}
	if w := (secReq{"POST", "/api/v1/reports", reportBody(7), nil}).do(h); w.Code != http.StatusCreated {
		t.Fatalf("report: %d %s", w.Code, w.Body)
	}
	tests := []struct {
		path           string
		hdr            map[string]string
		code           int
		persons, notes int
	}{
		{"/api/v1/pfif/persons", nil, http.StatusUnauthorized, 0, 0},
		{"/api/v1/pfif/persons", bearerHdr(importer), http.StatusForbidden, 0, 0},
		{"/api/v1/pfif/persons", bearerHdr(reader), http.StatusOK, 4, 0},
		{"/api/v1/pfif/persons?since=2999-01-01T00:00:00Z", bearerHdr(reader), http.StatusOK, 0, 0},
		{"/api/v1/pfif/persons?since=yesterday", bearerHdr(reader), http.StatusBadRequest, 0, 0},
		{"/api/v1/pfif/notes", bearerHdr(reader), http.StatusOK, 0, 3},
		{"/api/v1/pfif/notes?since=2022-01-07T00:00:00Z", bearerHdr(reader), http.StatusOK, 0, 2},
	}
	for _, tt := range tests {
		w := secReq{"GET", tt.path, "", tt.hdr}.do(h)
		if w.Code != tt.code {
			t.Fatalf("%s: %d %s, want %d", tt.path, w.Code, w.Body, tt.code)
		}
		if w.Code != http.StatusOK {
			continue
		}
		doc, err := pfif.Read(bytes.NewReader(w.Body.Bytes()))
		if err != nil || len(doc.Persons) != tt.persons || len(doc.Notes) != tt.notes {
			t.Errorf("%s: %v, %d persons %d notes, want %d %d:\n%s", tt.path, err, len(doc.Persons), len(doc.Notes), tt.persons, tt.notes, w.Body)
		}
		if strings.Contains(w.Body.String(), "70100000") {
			t.Errorf("%s shows a phone number", tt.path)
		}
		if tt.persons > 0 && !strings.Contains(w.Body.String(), "tuys.tuys.example.kz/person.") {
			t.Errorf("%s: no tuys.<domain>/person.<id> record id", tt.path)
		}
	}
}

type changesBody struct {
	Changes []Change `json:"changes"`
	Next    int64    `json:"next"`
}

func TestChangesFeed(t *testing.T) {
	s, h := secServer(t, Config{})
	reader := addToken(t, s, "mirror", data.ScopeRead)
	var ids []string
	for i := 0; i < 3; i++ {
		w := secReq{"POST", "/api/v1/reports", reportBody(i), nil}.do(h)
		var cr CreatedReport
		if err := json.Unmarshal(w.Body.Bytes(), &cr); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, cr.ID)
	}
	if err := s.store.RemoveReport(t.Context(), ids[1]); err != nil {
		t.Fatal(err)
	}
	get := func(q string, hdr map[string]string) (int, changesBody, string) {
		w := secReq{"GET", "/api/v1/changes" + q, "", hdr}.do(h)
		var b changesBody
		_ = json.Unmarshal(w.Body.Bytes(), &b)
		return w.Code, b, w.Body.String()
	}
	if code, _, _ := get("", nil); code != http.StatusUnauthorized {
		t.Fatalf("no token: %d", code)
	}
	for q, field := range map[string]string{"?after=-1": "after", "?limit=0": "limit", "?limit=x&after=1": "limit"} {
		w := secReq{"GET", "/api/v1/changes" + q, "", bearerHdr(reader)}.do(h)
		var e ErrorBody
		_ = json.Unmarshal(w.Body.Bytes(), &e)
		if w.Code != http.StatusBadRequest || len(e.Fields) != 1 || e.Fields[field] == "" {
			t.Errorf("%s: %d %s, want an error on %s alone", q, w.Code, w.Body, field)
		}
	}
	code, first, body := get("?after=0&limit=2", bearerHdr(reader))
	if code != http.StatusOK || len(first.Changes) != 2 || first.Changes[0].Report == nil || first.Changes[0].Report.FullName != "Тест Флуд 0" {
		t.Fatalf("first page: %d %s", code, body)
	}
	if strings.Contains(body, "7010000") {
		t.Fatalf("changes feed shows a phone: %s", body)
	}
	_, rest, body := get("?after="+itoa64(first.Next), bearerHdr(reader))
	if len(rest.Changes) != 2 || rest.Changes[1].Type != data.EventReportRemoved || rest.Changes[1].Report != nil || rest.Changes[1].ReportID != ids[1] {
		t.Fatalf("second page: %s", body)
	}
	if _, end, _ := get("?after="+itoa64(rest.Next), bearerHdr(reader)); len(end.Changes) != 0 || end.Next != rest.Next {
		t.Fatalf("past the end: %+v", end)
	}
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
