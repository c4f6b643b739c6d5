package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/alexedwards/argon2id"

	"tuys/data"
)

func runUser(t *testing.T, dir, stdin string, args ...string) (int, string) {
	t.Helper()
	userStdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	args = append(args, "-data-dir", dir, "-secret-key", strings.Repeat("ab", 32))
	code := userCmd(args, &out, &errb)
	return code, out.String() + errb.String()
}

func TestUserAddResetDisable(t *testing.T) {
	dir := t.TempDir()
	if code, out := runUser(t, dir, "a long enough phrase\n", "add", "-login", "aigerim", "-role", "coordinator"); code != 0 {
		t.Fatalf("add: %d %s", code, out)
	}
	if code, _ := runUser(t, dir, "another long phrase\n", "add", "-login", "aigerim"); code == 0 {
		t.Error("second add of the same login succeeded")
	}
	if code, _ := runUser(t, dir, "short\n", "add", "-login", "bolat"); code == 0 {
		t.Error("short password accepted")
	}
	if code, _ := runUser(t, dir, "", "add", "-login", "bolat", "-role", "admin"); code == 0 {
		t.Error("unknown role accepted")
	}
	code, out := runUser(t, dir, "", "reset", "-login", "aigerim")
	if code != 0 || !strings.Contains(out, "shown once") {
		t.Fatalf("reset: %d %s", code, out)
	}
	generated := strings.TrimSpace(out[strings.LastIndex(out, ": ")+2:])
	v := readVolunteer(t, dir, "aigerim")
	if ok, _ := argon2id.ComparePasswordAndHash(generated, v.PasswordHash); !ok || v.Role != data.RoleCoordinator {
		t.Errorf("reset password does not verify (role %s)", v.Role)
	}
	if ok, _ := argon2id.ComparePasswordAndHash("a long enough phrase", v.PasswordHash); ok {
		t.Error("old password still valid after reset")
	}
	if code, out := runUser(t, dir, "", "disable", "-login", "aigerim"); code != 0 {
		t.Fatalf("disable: %d %s", code, out)
	}
	if readVolunteer(t, dir, "aigerim").Active {
		t.Error("disabled account still active")
	}
	if code, _ := runUser(t, dir, "", "disable", "-login", "nobody"); code == 0 {
		t.Error("disabling an unknown login succeeded")
	}
	// list: no -login needed, the roles and who is blocked, never a hash
	// (it said "-login is required": a new user's trial, 2026-12-07)
	if code, out := runUser(t, dir, "a long enough phrase\n", "add", "-login", "bolat"); code != 0 {
		t.Fatalf("add bolat: %d %s", code, out)
	}
	code, out = runUser(t, dir, "", "list")
	if code != 0 || !strings.Contains(out, "aigerim") || !strings.Contains(out, "coordinator") || !strings.Contains(out, "blocked") ||
		!strings.Contains(out, "bolat") || strings.Contains(out, "argon2") {
		t.Errorf("list: %d %s", code, out)
	}
	if code, out := runUser(t, dir, "", "lsit"); code != 2 || !strings.Contains(out, `unknown subcommand "lsit"`) {
		t.Errorf("a mistyped subcommand: %d %s", code, out)
	}
}

func readVolunteer(t *testing.T, dir, login string) *data.Volunteer {
	t.Helper()
	key := bytes.Repeat([]byte{0xab}, 32)
	store, err := data.Open(context.Background(), data.Config{Dir: dir, SecretKey: key})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	v, err := store.VolunteerByLogin(context.Background(), login)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
