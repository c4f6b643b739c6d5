package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/alexedwards/argon2id"

	"tuys/data"
)

func init() { commands["user"] = userCmd }

const userUsage = `Usage:
  tuys user add -login LOGIN -role volunteer|coordinator   create a console account
  tuys user list                                           the accounts, their roles, which are blocked
  tuys user disable -login LOGIN                           block the account, end its sessions
  tuys user reset -login LOGIN                             set a new password (and re-enable)

Roles: a volunteer takes calls, enters reports, searches, reviews matches
and reads contact details (every read is in the audit log); a coordinator
also imports lists, reads the audit log and removes a report for a caller
who lost its deletion code.

The password is read from standard input when it is piped in
(echo 'secret phrase' | tuys user add ...); otherwise one is generated and
printed once. Passwords are stored as argon2id hashes.
`

// minPassword: a volunteer laptop may be shared; short passwords fall fast.
const minPassword = 12

// userStdin is where piped passwords come from (a variable for tests).
var userStdin io.Reader = os.Stdin

func userCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, userUsage)
		return 2
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, userUsage) // asked for: not an error
		return 0
	}
	sub, args := args[0], args[1:]
	fs := flag.NewFlagSet("user "+sub, flag.ContinueOnError)
	fs.SetOutput(stderr)
	sf := addStoreFlags(fs)
	login := fs.String("login", "", "account name")
	role := fs.String("role", data.RoleVolunteer, "volunteer or coordinator (add)")
	if code, ok := sf.parseFlags(fs, args); !ok {
		return code
	}
	*login = strings.TrimSpace(*login)
	switch sub {
	case "add", "disable", "reset", "list":
	default:
		fmt.Fprintf(stderr, "tuys user: unknown subcommand %q\n\n%s", sub, userUsage)
		return 2
	}
	if *login == "" && sub != "list" {
		fmt.Fprint(stderr, "tuys user: -login is required\n\n"+userUsage)
		return 2
	}
	ctx := context.Background()
	store, err := sf.open(ctx, sf.logger(stderr))
	if err != nil {
		fmt.Fprintln(stderr, "tuys user:", err)
		return 1
	}
	defer store.Close()
	switch sub {
	case "add":
		err = userAdd(ctx, store, *login, *role, stdout)
	case "disable":
		err = userDisable(ctx, store, *login, stdout)
	case "reset":
		err = userReset(ctx, store, *login, stdout)
	case "list":
		err = userList(ctx, store, stdout)
	}
	if err != nil {
		fmt.Fprintln(stderr, "tuys user:", err)
		return 1
	}
	return 0
}

func userAdd(ctx context.Context, store data.Store, login, role string, out io.Writer) error {
	if role != data.RoleVolunteer && role != data.RoleCoordinator {
		return fmt.Errorf("role must be %s or %s", data.RoleVolunteer, data.RoleCoordinator)
	}
	pw, generated, hash, err := newPassword()
	if err != nil {
		return err
	}
	v := &data.Volunteer{Login: login, PasswordHash: hash, Role: role, Active: true}
	if err := store.CreateVolunteer(ctx, v); err != nil {
		if errors.Is(err, data.ErrConflict) {
			return fmt.Errorf("%s exists already (use reset)", login)
		}
		return err
	}
	userAudit(ctx, store, "user.add", login+" ("+role+")")
	fmt.Fprintf(out, "created %s (%s)\n", login, role)
	printPassword(out, pw, generated)
	return nil
}

func userDisable(ctx context.Context, store data.Store, login string, out io.Writer) error {
	v, err := store.VolunteerByLogin(ctx, login)
	if err != nil {
		return fmt.Errorf("%s: %w", login, err)
	}
	v.Active = false
	if err := store.UpdateVolunteer(ctx, v); err != nil {
		return err
	}
	userAudit(ctx, store, "user.disable", login)
	fmt.Fprintf(out, "disabled %s; their sessions are ended\n", login)
	return nil
}

func userReset(ctx context.Context, store data.Store, login string, out io.Writer) error {
	v, err := store.VolunteerByLogin(ctx, login)
	if err != nil {
		return fmt.Errorf("%s: %w", login, err)
	}
	pw, generated, hash, err := newPassword()
	if err != nil {
		return err
	}
	v.PasswordHash, v.Active = hash, true
	if err := store.UpdateVolunteer(ctx, v); err != nil {
		return err
	}
	userAudit(ctx, store, "user.reset", login)
	fmt.Fprintf(out, "new password set for %s\n", login)
	printPassword(out, pw, generated)
	return nil
}

// newPassword reads a piped password or generates one.
func newPassword() (pw string, generated bool, hash string, err error) {
	if piped(userStdin) {
		line, rerr := bufio.NewReader(io.LimitReader(userStdin, 1024)).ReadString('\n')
		if rerr != nil && rerr != io.EOF {
			return "", false, "", rerr
		}
		pw = strings.TrimRight(line, "\r\n")
	}
	if pw == "" {
		pw, generated = data.NewCode(9), true // 18 hex characters, 72 bits
	}
	if len([]rune(pw)) < minPassword {
		return "", false, "", fmt.Errorf("password too short: at least %d characters", minPassword)
	}
	hash, err = argon2id.CreateHash(pw, argon2id.DefaultParams)
	return pw, generated, hash, err
}

// piped is true when r is not a terminal: a pipe, a file, or a test buffer.
func piped(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return r != nil
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice == 0
}

func printPassword(out io.Writer, pw string, generated bool) {
	if generated {
		fmt.Fprintf(out, "password (shown once, give it to the volunteer in person): %s\n", pw)
	}
}

func userAudit(ctx context.Context, store data.Store, action, target string) {
	_ = store.Audit(ctx, data.AuditEntry{Actor: "cli", Action: action, Target: target})
}

// userList prints one account a line: login, role, and whether it is
// blocked; never a password or its hash.
func userList(ctx context.Context, store data.Store, out io.Writer) error {
	vs, err := store.Volunteers(ctx)
	if err != nil {
		return err
	}
	if len(vs) == 0 {
		fmt.Fprintln(out, "no accounts yet: tuys user add -login LOGIN -role coordinator")
		return nil
	}
	for _, v := range vs {
		state := "active"
		if !v.Active {
			state = "blocked"
		}
		fmt.Fprintf(out, "%-20s %-12s %s (since %s)\n", v.Login, v.Role, state, v.CreatedAt.Format("2006-01-02"))
	}
	return nil
}
