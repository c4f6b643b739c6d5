package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"tuys/data"
)

func init() { commands["token"] = tokenCmd }

const tokenUsage = `Usage:
  tuys token add -name NAME -scope read,write   create a token; it is printed once
  tuys token list                               show tokens (never the secret)
  tuys token revoke ID|NAME                     stop a token at once

Scopes: read, read_contacts (phone numbers; every read audited), write, import, stats.
`

// tokenCmd manages API tokens for partner systems.
func tokenCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, tokenUsage)
		return 2
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, tokenUsage) // asked for: not an error
		return 0
	}
	sub, args := args[0], args[1:]
	fs := flag.NewFlagSet("token "+sub, flag.ContinueOnError)
	fs.SetOutput(stderr)
	sf := addStoreFlags(fs)
	name := fs.String("name", "", "who the token is for (add)")
	scope := fs.String("scope", data.ScopeRead, "comma-separated scopes (add)")
	if code, ok := sf.parseFlags(fs, args); !ok {
		return code
	}
	ctx := context.Background()
	store, err := sf.open(ctx, sf.logger(stderr))
	if err != nil {
		fmt.Fprintln(stderr, "tuys token:", err)
		return 1
	}
	defer store.Close()
	ts, ok := store.(data.TokenStore)
	if !ok {
		fmt.Fprintln(stderr, "tuys token: this store does not keep tokens")
		return 1
	}
	switch sub {
	case "add":
		err = tokenAdd(ctx, ts, store, *name, *scope, stdout)
	case "list":
		err = tokenList(ctx, ts, stdout)
	case "revoke":
		err = tokenRevoke(ctx, ts, store, fs.Args(), stdout)
	default:
		fmt.Fprintf(stderr, "tuys token: unknown subcommand %q\n\n%s", sub, tokenUsage)
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, "tuys token:", err)
		return 1
	}
	return 0
}

func tokenAdd(ctx context.Context, ts data.TokenStore, st data.Store, name, scope string, out io.Writer) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return errors.New("add: -name is required")
	}
	scopes, err := data.ParseScopes(scope)
	if err != nil {
		return fmt.Errorf("add: %w", err)
	}
	raw := "tuys_" + data.NewCode(24) // 192 bits: a plain SHA-256 of it is enough
	t := &data.APIToken{Name: name, Hash: data.HashCode(raw), Scopes: scopes}
	if err := ts.CreateToken(ctx, t); err != nil {
		return err
	}
	if err := st.Audit(ctx, data.AuditEntry{Actor: "cli", Action: "token.add", Target: name + " " + strings.Join(scopes, ",")}); err != nil {
		return err
	}
	fmt.Fprintf(out, "token %d for %s (%s) — shown once, store it now:\n%s\n", t.ID, name, strings.Join(scopes, ","), raw)
	return nil
}

func tokenList(ctx context.Context, ts data.TokenStore, out io.Writer) error {
	tokens, err := ts.ListTokens(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tNAME\tSCOPES\tACTIVE\tCREATED")
	for _, t := range tokens {
		fmt.Fprintf(w, "%d\t%s\t%s\t%v\t%s\n", t.ID, t.Name, strings.Join(t.Scopes, ","), t.Active, t.CreatedAt.Format("2006-01-02"))
	}
	return w.Flush()
}

func tokenRevoke(ctx context.Context, ts data.TokenStore, st data.Store, args []string, out io.Writer) error {
	if len(args) != 1 {
		return errors.New("revoke: give one token id or name")
	}
	n, err := ts.RevokeToken(ctx, args[0])
	if err != nil {
		return err
	}
	if err := st.Audit(ctx, data.AuditEntry{Actor: "cli", Action: "token.revoke", Target: args[0]}); err != nil {
		return err
	}
	fmt.Fprintf(out, "revoked %d token(s)\n", n)
	return nil
}
