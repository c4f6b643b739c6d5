package notify

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf16"

	"tuys/data"
)

// Gammu sends SMS through Gammu's SMS daemon (gammu-smsd) and its files
// service: a message is a file the daemon sends from outbox/ and moves to
// sent/ or error/; received SMS appear in inbox/ (see GammuInbox). Spool is
// the directory holding those four (the paths of the daemon's smsdrc).
//
// Files, not SQL, because a tuys at the volunteer center runs on SQLite
// (the daemon has no SQLite service in Debian's build), a file appears in
// outbox/ whole (written aside, then renamed) so a crash leaves either no
// message or one, and its name is the message's id in every folder.
type Gammu struct {
	Spool string
	// Pace is the daemon's queue and rate (nil: no pacing).
	Pace *Pacer
	now  func() time.Time
}

// The daemon's folders under the spool, and tuys's own: tmp/ (files being
// written; same file system, so the rename is atomic) and done/ (inbox
// files already handled).
const (
	gammuOutbox = "outbox"
	gammuSent   = "sent"
	gammuError  = "error"
	gammuInbox  = "inbox"
	gammuTmp    = "tmp"
	gammuDone   = "done"
	// gammuSIDPrefix starts every Gammu message id (the outbox file name);
	// Twilio's start "SM".
	gammuSIDPrefix = "OUT"
	// codeModemFailed is recorded when the daemon moved a message to error/
	// (tuys's own code, like CodeNotSent: Twilio's are 5 digits).
	codeModemFailed = 2
)

// NewGammu checks that the spool's folders exist (the daemon creates none).
func NewGammu(spool string, pace *Pacer) (*Gammu, error) {
	for _, d := range []string{gammuOutbox, gammuSent, gammuError, gammuInbox, gammuTmp, gammuDone} {
		p := filepath.Join(spool, d)
		if err := os.MkdirAll(p, 0o750); err != nil {
			return nil, fmt.Errorf("gammu spool: %w", err)
		}
	}
	return &Gammu{Spool: spool, Pace: pace, now: time.Now}, nil
}

// Send implements Sender: the message is queued at the daemon, which is
// "sent" for the outbox (as Twilio's queued is); error/ makes it failed
// later (SweepErrors), a delivery report delivered or undelivered.
func (g *Gammu) Send(ctx context.Context, to, body, _ string) (SendResult, error) {
	if err := ctx.Err(); err != nil {
		return SendResult{}, &SendError{Outcome: Retryable, Code: CodeNotSent, Reason: "cancelled before queuing at the modem", Err: err}
	}
	now := g.now()
	name := g.fileName(to, priorityOf(ctx), now)
	if err := g.write(name, body); err != nil {
		return SendResult{}, &SendError{Outcome: Retryable, Code: CodeNotSent, Reason: "cannot queue at the modem: " + err.Error(), Err: err}
	}
	return SendResult{SID: name, State: data.MsgSent, Segments: Segments(body), At: now}, nil
}

// fileName is OUT<priority><date>_<time>_<serial>_<recipient>_<note>.txtd:
// the daemon sends in name order (A first), "d" asks for a delivery
// report, and the note makes the name unique.
func (g *Gammu) fileName(to string, prio byte, now time.Time) string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%s%c%s_00_%s_%s.txtd", gammuSIDPrefix, prio, now.Format("20060102_150405"), to, hex.EncodeToString(b[:]))
}

// write puts body, UTF-16 with a byte-order mark (the daemon then reads it
// whatever its locale), into tmp/ and renames it into outbox/.
func (g *Gammu) write(name, body string) error {
	tmp := filepath.Join(g.Spool, gammuTmp, name)
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
	if err != nil {
		return err
	}
	_, err = f.Write(encodeUTF16(body))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(g.Spool, gammuOutbox, name))
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// Find implements Sender: by id in outbox/, sent/ and error/, else the
// file to q.To with q.Body written at or after q.Since.
func (g *Gammu) Find(_ context.Context, q Lookup) (*SendResult, error) {
	for _, dir := range []string{gammuOutbox, gammuSent, gammuError} {
		names, err := g.list(dir)
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			if q.SID != "" && n != q.SID {
				continue
			}
			r, ok, err := g.match(dir, n, q)
			if err != nil || ok {
				return r, err
			}
		}
	}
	return nil, nil
}

func (g *Gammu) match(dir, name string, q Lookup) (*SendResult, bool, error) {
	if q.SID == "" && gammuRecipient(name) != q.To {
		return nil, false, nil
	}
	p := filepath.Join(g.Spool, dir, name)
	st, err := os.Stat(p)
	if errors.Is(err, os.ErrNotExist) {
		return nil, false, nil // the daemon moved it meanwhile; seen in the next folder
	}
	if err != nil {
		return nil, false, fmt.Errorf("gammu find: %w", err)
	}
	if q.SID == "" {
		if st.ModTime().Before(q.Since.Add(-clockSlack)) {
			return nil, false, nil
		}
		b, err := os.ReadFile(p)
		if err != nil || !sameBody(decodeSMSFile(b), q.Body) {
			return nil, false, nil
		}
	}
	r := &SendResult{SID: name, State: data.MsgSent, At: st.ModTime()}
	if dir == gammuError {
		r.State, r.ErrorCode, r.ErrorText = data.MsgFailed, codeModemFailed, "the modem could not send it"
	}
	return r, true, nil
}

// list returns the message files of a spool folder, in the daemon's order.
func (g *Gammu) list(dir string) ([]string, error) {
	ents, err := os.ReadDir(filepath.Join(g.Spool, dir))
	if err != nil {
		return nil, fmt.Errorf("gammu %s: %w", dir, err)
	}
	var out []string
	for _, e := range ents {
		if !e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}

// Queued is how many messages wait in the daemon's outbox.
func (g *Gammu) Queued() (int, error) {
	names, err := g.list(gammuOutbox)
	return len(names), err
}

// gammuRecipient reads <recipient> from an outbox file name.
func gammuRecipient(name string) string {
	parts := strings.Split(name, "_")
	if len(parts) < 5 {
		return ""
	}
	return parts[3]
}

func encodeUTF16(s string) []byte {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2, 2+2*len(u))
	b[0], b[1] = 0xFF, 0xFE // little-endian mark
	for _, c := range u {
		b = append(b, byte(c), byte(c>>8))
	}
	return b
}

// decodeSMSFile reads a message file: UTF-16 with a byte-order mark (the
// daemon's "unicode" format, and ours), else UTF-8. The daemon (1.42)
// writes as many UTF-16 units as the text has UTF-8 bytes, so non-Latin
// text is followed by NULs: the text ends at the first.
func decodeSMSFile(b []byte) string {
	var big bool
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		big = true
	default:
		return string(b)
	}
	b = b[2:]
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		if big {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	if i := slices.Index(u, 0); i >= 0 {
		u = u[:i]
	}
	return string(utf16.Decode(u))
}
