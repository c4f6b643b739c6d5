package e2e

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"tuys/internal/testbin"
	"tuys/notify/twiliotest"
)

const (
	volunteerLogin    = "aigerim"
	volunteerPassword = "tuys volunteer 1414"
	twilioSID         = "AC0123456789abcdef0123456789abcdef"
	twilioToken       = "e2etoken0123456789"
	twilioFrom        = "+15005550006"
)

// harness is one running tuys binary with its fake Twilio and a browser.
type harness struct {
	t       *testing.T
	base    string
	twilio  *twiliotest.Server
	browser context.Context
	root    string
}

// chromiumPath finds Debian's chromium; the tests skip, saying why, without it.
func chromiumPath(t *testing.T) string {
	for _, p := range []string{os.Getenv("TUYS_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p != "" {
			if _, err := os.Stat(p); err == nil {
				return p
			}
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	t.Skip("browser tests skipped: no chromium found (make test installs it with scripts/test-deps.sh; or set TUYS_CHROMIUM)")
	return ""
}

func start(t *testing.T) *harness {
	t.Helper()
	chromium := chromiumPath(t)
	root, _ := filepath.Abs("..")
	h := &harness{t: t, root: root}
	bin := testbin.Tuys(t)
	h.twilio = twiliotest.New(twilioSID, twilioToken)
	t.Cleanup(h.twilio.Close)
	addr := freeAddr(t)
	h.base = "http://" + addr
	env := append(os.Environ(),
		"TUYS_DATA_DIR="+t.TempDir(),
		"TUYS_SECRET_KEY="+strings.Repeat("5e", 32),
		"TUYS_ADDR="+addr,
		"TUYS_PUBLIC_URL="+h.base,
		"TUYS_TWILIO_ACCOUNT_SID="+twilioSID,
		"TUYS_TWILIO_AUTH_TOKEN="+twilioToken,
		"TUYS_TWILIO_FROM="+twilioFrom,
		"TUYS_TWILIO_API_URL="+h.twilio.URL,
		"TUYS_LOG_LEVEL=warn",
	)
	h.addVolunteer(bin, env)
	h.serve(bin, env)
	h.browser = newBrowser(t, chromium)
	return h
}

// TestMain removes the binary the tests share.
func TestMain(m *testing.M) {
	code := m.Run()
	testbin.Cleanup()
	os.Exit(code)
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func (h *harness) addVolunteer(bin string, env []string) {
	cmd := exec.Command(bin, "user", "add", "-login", volunteerLogin, "-role", "coordinator")
	cmd.Env = env
	cmd.Stdin = strings.NewReader(volunteerPassword + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		h.t.Fatalf("tuys user add: %v\n%s", err, out)
	}
}

// serve starts `tuys serve` and waits until it answers; SIGTERM at cleanup.
func (h *harness) serve(bin string, env []string) {
	t := h.t
	cmd := exec.Command(bin, "serve")
	cmd.Env = env
	logf, _ := os.Create(filepath.Join(t.TempDir(), "tuys.log"))
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			cmd.Process.Kill()
		}
		if t.Failed() {
			b, _ := os.ReadFile(logf.Name())
			t.Logf("tuys log:\n%s", b)
		}
	})
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(h.base + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("tuys did not answer on %s within 30 s", h.base)
}

// newBrowser starts headless Chromium with a fresh profile and nothing that
// reaches the internet on its own.
func newBrowser(t *testing.T, path string) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Skipf("browser tests skipped: chromium at %s does not start: %v", path, err)
	}
	return ctx
}

// tab opens a new tab of the same browser (same cookies) with a deadline.
func (h *harness) tab(d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(h.browser, d)
	h.t.Cleanup(cancel)
	ctx, cancelTab := chromedp.NewContext(ctx)
	h.t.Cleanup(cancelTab)
	return ctx
}

func (h *harness) do(ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	h.t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		h.t.Fatalf("browser: %v", err)
	}
}

func (h *harness) html(ctx context.Context) string {
	h.t.Helper()
	s, err := chromedp.Run(ctx, chromedp.OuterHTML(chromedp.CSS("html")))
	if err != nil {
		h.t.Fatalf("browser: %v", err)
	}
	return s
}

func (h *harness) location(ctx context.Context) string {
	h.t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		h.t.Fatalf("browser: %v", err)
	}
	return strings.TrimPrefix(s, h.base)
}

// fill sets form fields by name, the way autofill does: the typed value is
// what the form posts.
func fill(fields map[string]string) chromedp.Action[chromedp.Void] {
	var steps []chromedp.Action[chromedp.Void]
	for name, v := range fields {
		steps = append(steps, chromedp.SetValue(chromedp.CSS(fmt.Sprintf(`[name=%q]`, name)), v))
	}
	return chromedp.Steps(steps...)
}

func check(name string) chromedp.Action[chromedp.Void] {
	return chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name=%q]`, name)))
}

// submit clicks the form's button and waits for the next page.
func submit(waitFor string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(chromedp.Click(chromedp.CSS(`main form button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(waitFor)))
}
