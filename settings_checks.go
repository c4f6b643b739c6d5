package main

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// The checks of settingsTable's values. A setting a check refuses stops
// the command at start with what to write: a privacy switch written
// "false" left the public search on, and a public URL without its scheme
// made every private link in pages and SMS a dead one (a new user's
// trial, 2026-12-07).

// oneOf accepts only the words given (on, off), as written there.
func oneOf(words ...string) func(string) error {
	return func(v string) error {
		for _, w := range words {
			if v == w {
				return nil
			}
		}
		last := len(words) - 1
		return fmt.Errorf("write %s or %s", strings.Join(words[:last], ", "), words[last])
	}
}

// optional accepts an empty value, else what check accepts.
func optional(check func(string) error) func(string) error {
	return func(v string) error {
		if v == "" {
			return nil
		}
		return check(v)
	}
}

// listenAddr is a host and a port to listen on (:8080, 127.0.0.1:9000).
func listenAddr(v string) error {
	_, port, err := net.SplitHostPort(v)
	if n, perr := strconv.Atoi(port); err != nil || perr != nil || n < 0 || n > 65535 {
		return errors.New("write a host and a port from 0 to 65535, e.g. :8080 or 127.0.0.1:8080")
	}
	return nil
}

// absoluteURL is empty or an http(s) URL with its host: the private
// links of pages and SMS start with it.
func absoluteURL(v string) error {
	if v == "" {
		return nil
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New("write the whole address with https:// (e.g. https://tuys.kz)")
	}
	return nil
}

// hotlineNumber is a number people can dial: digits, with the blanks,
// dashes, brackets and plus people write.
func hotlineNumber(v string) error {
	digits := 0
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case !strings.ContainsRune(" +-()", r):
			digits = -1000
		}
	}
	if digits < 3 {
		return errors.New("write the number people call, e.g. 1414 or +7 727 000 00 00")
	}
	return nil
}

// zoneName is what parseZone reads.
func zoneName(v string) error {
	_, err := parseZone(v)
	return err
}
