package api

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"tuys/data"
)

// upload posts a list the way the console's form does.
func (b *browser) upload(path string, fields map[string]string, file []byte) *httptest.ResponseRecorder {
	b.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if c := b.cookies[csrfCookie]; c != nil {
		mw.WriteField(csrfField, c.Value)
	}
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	fw, _ := mw.CreateFormFile("list", "hospital7.csv")
	fw.Write(file)
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return b.send(req)
}

// hospitalList is a Windows-1251 list larger than an ordinary form body,
// with one bad row.
func hospitalList(t *testing.T, good int) []byte {
	var sb strings.Builder
	sb.WriteString("ФИО;Год рождения;Город;Отделение\r\nНурланов Тимур;3000;Актобе;2\r\n")
	for i := 0; i < good; i++ {
		fmt.Fprintf(&sb, "Пациент Номер%s Тестович;%d;Алматы;3\r\n", strings.Repeat("а", i%7+1)+fmt.Sprint(i), 1940+i%70)
	}
	b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(sb.String()))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestConsoleImport(t *testing.T) {
	_, store, h := newWebServer(t, Config{})
	if w := loggedIn(t, h, store, data.RoleVolunteer).get("/v/import"); w.Code != http.StatusForbidden {
		t.Fatalf("a volunteer may import: %d", w.Code)
	} else { // says who may, and leads back into the console (a new user's trial, 2026-12-07)
		mustContain(t, w.Body.String(), T("ru", "err.coordinator_only"), `href="/v/"`)
	}
	b := newBrowser(t, h, "ru")
	addVolunteer(t, store, "coord", "correct horse battery", data.RoleCoordinator)
	b.get("/v/login")
	b.post("/v/login", url.Values{"login": {"coord"}, "password": {"correct horse battery"}})
	mustContain(t, b.get("/v/import").Body.String(), T("ru", "import.intro"))
	const good = 2000
	list := hospitalList(t, good)
	if len(list) < 64<<10 {
		t.Fatalf("test list of %d bytes does not pass the ordinary body limit", len(list))
	}
	if w := b.upload("/v/import", map[string]string{"kind": "lost"}, list); w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("bad kind: %d", w.Code)
	}
	w := b.upload("/v/import", map[string]string{"kind": "safe", "source": "Больница №7", "source_date": "2022-01-07"}, list)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("upload: %d %s", w.Code, w.Body)
	}
	job := w.Header().Get("Location")
	preview := b.get(job).Body.String()
	mustContain(t, preview, T("ru", "import.dry", good, 0, 1, good+1), "строка 2 (Нурланов Тимур), «Год рождения»: «3000» — ", T("ru", "import.confirm", good),
		T("ru", "import.unread", "«Отделение»")) // a column nothing reads is named before anything is filed
	if rs, _ := store.ScanReports(context.Background(), "", 10); len(rs) != 0 {
		t.Fatalf("the preview filed %d reports", len(rs))
	}
	if w := b.post(job, url.Values{}); w.Code != http.StatusSeeOther {
		t.Fatalf("confirm: %d %s", w.Code, w.Body)
	}
	b.post(job, url.Values{}) // a second click files nothing more
	var page string
	// generous: under -race on a loaded 2-core machine 2,000 rows took over 20 s
	for deadline := time.Now().Add(90 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if page = b.get(job).Body.String(); !strings.Contains(page, `http-equiv="refresh"`) {
			break
		}
	}
	mustContain(t, page, fmt.Sprintf("подано %d, повторов пропущено 0, отклонено 1", good), `href="/v/review"`) // and where to go next
	rs, _ := store.ScanReports(context.Background(), "", 3*good)
	if len(rs) != good || rs[0].SourceName != "Больница №7" || rs[0].Channel != data.ChannelImport {
		t.Fatalf("%d reports stored (%+v), want %d from Больница №7", len(rs), rs[0], good)
	}
	if !hasAudit(t, store, "import", "Больница №7 (hospital7.csv)") {
		t.Error("import not audited")
	}
	// Another coordinator does not see this job.
	other := newBrowser(t, h, "ru")
	addVolunteer(t, store, "dana", "another long password", data.RoleCoordinator)
	other.get("/v/login")
	other.post("/v/login", url.Values{"login": {"dana"}, "password": {"another long password"}})
	if w := other.get(job); w.Code != http.StatusNotFound {
		t.Errorf("another coordinator sees the job: %d", w.Code)
	}
}
