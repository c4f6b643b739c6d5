package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

func init() { commands["healthcheck"] = healthcheckCmd }

// healthcheckCmd asks a running tuys serve whether it is ready: the
// container image has no curl (FROM scratch), so the binary checks itself.
func healthcheckCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("healthcheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: tuys healthcheck [flags]\n\nExits 0 when GET /readyz of the tuys serve on this machine answers 200\n"+
			"(store reachable, search index caught up), else 1. For Docker HEALTHCHECK\nand other supervisors.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	var c config
	addr := c.use(fs, "TUYS_ADDR") // the check goes to its loopback
	target := fs.String("url", "", "URL to check instead of http://<addr>/readyz")
	timeout := fs.Duration("timeout", 5*time.Second, "give up after this long")
	if err := c.parse(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *target == "" {
		u, err := readyzURL(*addr)
		if err != nil {
			fmt.Fprintln(stderr, "tuys healthcheck:", err)
			return 2
		}
		*target = u
	}
	if err := checkReady(*target, *timeout); err != nil {
		fmt.Fprintln(stderr, "tuys healthcheck:", err)
		return 1
	}
	fmt.Fprintln(stdout, "ready")
	return 0
}

// readyzURL turns a listen address into the URL that reaches it from the
// same machine: a wildcard host becomes the loopback address.
func readyzURL(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("TUYS_ADDR %q: %w", addr, err)
	}
	switch host {
	case "", "0.0.0.0":
		host = "127.0.0.1"
	case "::":
		host = "::1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/readyz", nil
}

func checkReady(url string, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("User-Agent", "tuys-healthcheck/"+version)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("GET %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return nil
}
