// Package gammutest runs the real Gammu SMS daemon (gammu-smsd) on Gammu's
// dummy phone driver, a fake phone that keeps its SMS in a directory (how
// Gammu's own daemon tests run), with the files service on a spool that
// tuys reads and writes. Tests skip, printing "SKIP:" and the reason, when
// the daemon is not installed.
package gammutest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"
)

// Daemon is a running gammu-smsd on a dummy phone.
type Daemon struct {
	Spool string // inbox/, outbox/, sent/, error/ of the files service
	Phone string // the dummy phone's directory
	Conf  string
	Log   string

	mu  sync.Mutex
	cmd *exec.Cmd
	seq int
}

// Require skips t unless gammu and gammu-smsd are installed.
func Require(t testing.TB) {
	t.Helper()
	for _, bin := range []string{"gammu-smsd", "gammu"} {
		if _, err := exec.LookPath(bin); err != nil {
			t.Skipf("SKIP: %s is not installed (scripts/test-deps.sh runs apt-get install -y gammu gammu-smsd): %v", bin, err)
		}
	}
}

// Start runs the daemon on spool (created with its folders) until the test ends.
func Start(t testing.TB, spool string) *Daemon {
	t.Helper()
	Require(t)
	dir := t.TempDir()
	d := &Daemon{Spool: spool, Phone: filepath.Join(dir, "phone"), Conf: filepath.Join(dir, "smsdrc"), Log: filepath.Join(dir, "smsd.log")}
	for _, sub := range []string{"inbox", "outbox", "sent", "error"} {
		if err := os.MkdirAll(filepath.Join(spool, sub), 0o750); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(d.Phone, 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(d.Conf, []byte(Config(spool, d.Phone, "none", "dummy", d.Log)), 0o640); err != nil {
		t.Fatal(err)
	}
	d.start(t)
	t.Cleanup(d.Stop)
	return d
}

// Config is a gammu-smsdrc for the files service on spool; the README's
// example is the same with a real modem's device and connection.
func Config(spool, device, connection, model, logfile string) string {
	p := func(sub string) string { return filepath.Join(spool, sub) + "/" }
	return fmt.Sprintf(`[gammu]
device = %s
connection = %s
model = %s

[smsd]
service = files
logfile = %s
debuglevel = 1
inboxpath = %s
outboxpath = %s
sentsmspath = %s
errorsmspath = %s
inboxformat = unicode
transmitformat = auto
deliveryreport = sms
checksecurity = 0
checkbattery = 0
checksignal = 0
statusfrequency = 0
commtimeout = 1
receivefrequency = 1
loopsleep = 1
`, device, connection, model, logfile, p("inbox"), p("outbox"), p("sent"), p("error"))
}

func (d *Daemon) start(t testing.TB) {
	t.Helper()
	d.mu.Lock()
	defer d.mu.Unlock()
	cmd := exec.Command("gammu-smsd", "-c", d.Conf)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Skipf("SKIP: gammu-smsd cannot run here: %v", err)
	}
	d.cmd = cmd
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if b, _ := os.ReadFile(d.Log); bytes.Contains(b, []byte("Starting phone communication")) {
			return
		}
		if cmd.ProcessState != nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	b, _ := os.ReadFile(d.Log)
	t.Skipf("SKIP: gammu-smsd did not start with the dummy phone driver:\n%s\n%s", out.String(), b)
}

// Stop ends the daemon.
func (d *Daemon) Stop() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.cmd != nil {
		d.cmd.Process.Kill()
		d.cmd.Wait()
		d.cmd = nil
	}
}

// Receive puts an SMS from `from` into the dummy phone's inbox, as the
// network would: `gammu savesms` writes it into a scratch dummy phone and
// it is renamed into the running one whole.
func (d *Daemon) Receive(t testing.TB, from, text string) {
	t.Helper()
	scratch := t.TempDir()
	conf := filepath.Join(scratch, "gammurc")
	os.WriteFile(conf, []byte(fmt.Sprintf("[gammu]\ndevice = %s\nconnection = none\nmodel = dummy\n", scratch)), 0o640)
	out, err := exec.Command("gammu", "-c", conf, "savesms", "TEXT", "-folder", "1", "-unread", "-sender", from, "-unicode", "-text", text).CombinedOutput()
	if err != nil {
		t.Fatalf("gammu savesms: %v\n%s", err, out)
	}
	d.mu.Lock()
	d.seq++
	n := d.seq
	d.mu.Unlock()
	inbox := filepath.Join(d.Phone, "sms", "1")
	if err := os.MkdirAll(inbox, 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(scratch, "sms", "1", "1"), filepath.Join(inbox, fmt.Sprint(1000+n))); err != nil {
		t.Fatal(err)
	}
}

// SMS is one message the daemon sent through the phone.
type SMS struct {
	File, To, Body string
	At             time.Time
}

// Sent lists the messages in sent/, in the order the daemon sent them.
func (d *Daemon) Sent(t testing.TB) []SMS { return d.folder(t, "sent") }

// Outbox lists the messages still waiting in outbox/.
func (d *Daemon) Outbox(t testing.TB) []SMS { return d.folder(t, "outbox") }

func (d *Daemon) folder(t testing.TB, name string) []SMS {
	t.Helper()
	ents, err := os.ReadDir(filepath.Join(d.Spool, name))
	if err != nil {
		t.Fatal(err)
	}
	var out []SMS
	for _, e := range ents {
		parts := strings.Split(e.Name(), "_")
		if e.IsDir() || !strings.HasPrefix(e.Name(), "OUT") || len(parts) < 5 {
			continue
		}
		b, err := os.ReadFile(filepath.Join(d.Spool, name, e.Name()))
		if err != nil {
			continue // moved meanwhile
		}
		info, err := e.Info()
		if err != nil {
			continue // moved between the read and the stat: the daemon sent it meanwhile
		}
		out = append(out, SMS{File: e.Name(), To: parts[3], Body: decode(b), At: info.ModTime()})
	}
	return out
}

func decode(b []byte) string {
	if len(b) < 2 || b[0] != 0xFF || b[1] != 0xFE {
		return string(b)
	}
	u := make([]uint16, 0, len(b)/2)
	for i := 2; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
	}
	return string(utf16.Decode(u))
}
