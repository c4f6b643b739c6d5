package api

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
	"github.com/gin-gonic/gin"
)

// contract is api/openapi.yaml loaded once, with a router that finds the
// operation a request went to.
var contract = sync.OnceValues(func() (*openapi3.T, routers.Router) {
	doc, err := loadContract(openAPISpec)
	if err != nil {
		panic("api/openapi.yaml: " + err.Error())
	}
	doc.Servers = nil // match the test requests' host
	r, err := legacy.NewRouter(doc)
	if err != nil {
		panic("api/openapi.yaml router: " + err.Error())
	}
	return doc, r
})

func loadContract(spec []byte) (*openapi3.T, error) {
	doc, err := openapi3.NewLoader().LoadFromData(spec)
	if err != nil {
		return nil, err
	}
	return doc, doc.Validate(context.Background())
}

func init() {
	// PFIF feeds and the contract itself are text the schema calls a string.
	for _, ct := range []string{"application/xml", "text/xml", "application/yaml"} {
		openapi3filter.RegisterBodyDecoder(ct, openapi3filter.FileBodyDecoder)
	}
}

// contractedPath: the JSON API and Twilio's webhooks are held to the contract.
func contractedPath(p string) bool {
	return strings.HasPrefix(p, "/api/v1/") || strings.HasPrefix(p, "/webhooks/")
}

// checkContract validates an answer of the JSON API against openapi.yaml:
// its status must be described for the operation, and its body and
// headers must fit the schema. do() calls it for every request, so each
// handler test also tests the contract. Paths no route serves are left to
// TestContractMatchesRoutes.
func checkContract(t testing.TB, req *http.Request, reqBody string, w *httptest.ResponseRecorder) {
	t.Helper()
	if err := acceptedRequestError(req, reqBody, w.Code); err != nil {
		t.Errorf("contract: %s %s was accepted (%d) but does not fit api/openapi.yaml: %v", req.Method, req.URL.Path, w.Code, err)
	}
	if err := contractError(req, w); err != nil {
		t.Errorf("contract: %s %s answered %d against api/openapi.yaml: %v\nbody: %.300s", req.Method, req.URL.Path, w.Code, err, w.Body)
	}
}

// acceptedRequestError: a request the API accepted (2xx) must be one the
// contract allows, or the contract is too strict or the handler too lax.
// Refused requests are the handlers' own tests' business.
func acceptedRequestError(req *http.Request, body string, status int) error {
	if status >= 300 || !contractedPath(req.URL.Path) {
		return nil
	}
	_, router := contract()
	route, params, err := router.FindRoute(req)
	if err != nil {
		return nil
	}
	r := req.Clone(req.Context())
	r.Body = io.NopCloser(strings.NewReader(body))
	return openapi3filter.ValidateRequest(req.Context(), &openapi3filter.RequestValidationInput{Request: r, PathParams: params,
		Route: route, Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}})
}

func contractError(req *http.Request, w *httptest.ResponseRecorder) error {
	if !contractedPath(req.URL.Path) {
		return nil
	}
	_, router := contract()
	route, params, err := router.FindRoute(req)
	if err != nil {
		return nil // no such operation: a 404/405 for a path or method the API does not have
	}
	body := w.Body.Bytes()
	if w.Header().Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return err
		}
		body, _ = io.ReadAll(zr)
	}
	opts := &openapi3filter.Options{IncludeResponseStatus: true, AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: opts},
		Status:                 w.Code, Header: w.Header(), Body: io.NopCloser(bytes.NewReader(body)), Options: opts,
	}
	return openapi3filter.ValidateResponse(req.Context(), in)
}

var ginParam = regexp.MustCompile(`[:*]([A-Za-z_]+)`)

// operations lists "METHOD /path" with OpenAPI's {param} for gin's routes
// under /api/v1 and /webhooks.
func ginOperations(h http.Handler) []string {
	var out []string
	for _, r := range h.(*gin.Engine).Routes() {
		if contractedPath(r.Path) {
			out = append(out, r.Method+" "+ginParam.ReplaceAllString(r.Path, "{$1}"))
		}
	}
	sort.Strings(out)
	return out
}

func specOperations(doc *openapi3.T) []string {
	var out []string
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			out = append(out, method+" "+path)
		}
	}
	sort.Strings(out)
	return out
}

// missing lists what is in want but not in have.
func missing(want, have []string) []string {
	set := map[string]bool{}
	for _, h := range have {
		set[h] = true
	}
	var out []string
	for _, w := range want {
		if !set[w] {
			out = append(out, w)
		}
	}
	return out
}

// Every route under /api/v1 and /webhooks is described, every described
// operation is served, and the error codes in the contract are the ones
// the code returns.
func TestContractMatchesRoutes(t *testing.T) {
	doc, err := loadContract(openAPISpec)
	if err != nil {
		t.Fatalf("api/openapi.yaml does not load: %v", err)
	}
	s, _ := newTestServer(t)
	routes, described := ginOperations(s.Handler()), specOperations(doc)
	if m := missing(routes, described); len(m) > 0 {
		t.Errorf("routes api/openapi.yaml does not describe: %v", m)
	}
	if m := missing(described, append(routes, "GET /healthz", "GET /readyz")); len(m) > 0 {
		t.Errorf("api/openapi.yaml describes operations no route serves: %v", m)
	}
	var codes []string
	for _, v := range doc.Components.Schemas["Error"].Value.Properties["error"].Value.Enum {
		codes = append(codes, v.(string))
	}
	sort.Strings(codes)
	ours := appErrorCodes(t)
	sort.Strings(ours)
	if m := missing(ours, codes); len(m) > 0 {
		t.Errorf("error codes missing from the Error schema: %v", m)
	}
}

var appErrorCode = regexp.MustCompile(`Code:\s*"([a-z_]+)"`)

// appErrorCodes reads the codes of the AppErrors the package declares
// (errors.go's table and the few beside their handlers).
func appErrorCodes(t *testing.T) []string {
	files, _ := filepath.Glob("*.go")
	seen := map[string]bool{}
	var out []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range appErrorCode.FindAllStringSubmatch(string(b), -1) {
			if !seen[m[1]] {
				seen[m[1]] = true
				out = append(out, m[1])
			}
		}
	}
	if len(out) < 10 {
		t.Fatalf("found only %d error codes in api/*.go: %v", len(out), out)
	}
	return out
}

// The contract is served as written.
func TestContractServed(t *testing.T) {
	s, _ := newTestServer(t)
	w := do(t, s.Handler(), "GET", "/api/v1/openapi.yaml", "")
	if w.Code != 200 || !bytes.Equal(w.Body.Bytes(), openAPISpec) || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/yaml") {
		t.Fatalf("GET /api/v1/openapi.yaml: %d %s", w.Code, w.Header())
	}
}

// The contract check catches what it is there for: an undescribed status,
// a body that does not fit, a missing required field.
func TestContractCheckCatches(t *testing.T) {
	for _, c := range []struct {
		method, path string
		status       int
		body         string
		ok           bool
	}{
		{"GET", "/api/v1/reports/x", 200, `{"id":"x","kind":"seek","full_name":"A"}`, true},
		{"GET", "/api/v1/reports/x", 418, `{"error":"internal","message":"m"}`, false},
		{"GET", "/api/v1/reports/x", 200, `{"id":"x","kind":5}`, false},
		{"GET", "/api/v1/reports/x", 404, `{"message":"no code"}`, false},
		{"GET", "/api/v1/reports/x", 404, `{"error":"no_such_code","message":"m"}`, false},
		{"GET", "/api/v1/search?q=x", 429, `{"error":"rate_limited","message":"m"}`, true},
	} {
		w := httptest.NewRecorder()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(c.status)
		w.WriteString(c.body)
		err := contractError(httptest.NewRequest(c.method, c.path, nil), w)
		if (err == nil) != c.ok {
			t.Errorf("%s %s %d %s: contract error %v, want ok=%v", c.method, c.path, c.status, c.body, err, c.ok)
		}
	}
}

// The webhooks' refusals are part of the contract too.
func TestContractWebhooksRefuseUnsigned(t *testing.T) {
	s, _ := newTestServer(t)
	for _, p := range []string{"/webhooks/twilio/sms", "/webhooks/twilio/status"} {
		req := httptest.NewRequest("POST", p, strings.NewReader("From=%2B77011234567&Body=SAFE"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, req)
		if w.Code != http.StatusForbidden {
			t.Errorf("%s unsigned: %d", p, w.Code)
		}
		checkContract(t, req, "", w)
	}
}
