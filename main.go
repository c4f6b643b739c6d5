// Command tuys reunites families after an emergency: "looking for" and
// "I am safe" reports, matched across scripts and spellings, with SMS.
package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	_ "time/tzdata" // TUYS_TIMEZONE names a zone on a machine without zone files (a container)
)

const usage = `tuys — reunite families after an emergency.

Usage:
  tuys [command] [flags]

Commands:
  serve        run the web service (default)
  eval         measure name matching on an evaluation set
  reindex      rebuild the search index from the store
  user         manage volunteer accounts (add, disable, reset)
  migrate      apply database migrations and exit
  purge        remove personal data of expired reports now
  token        manage API tokens for partner systems (add, list, revoke)
  import       file the people of a CSV, XLSX or PFIF list (hospital, shelter, Person Finder)
  export       write the public records as PFIF 1.4, CSV or XLSX
  rotate-key   re-encrypt contact data under a new secret key (nodes stopped)
  backup       copy the SQLite database to FILE, also while serve runs (no key in it)
  restore      put a backup into an empty data directory (needs the same key)
  healthcheck  exit 0 when the local serve answers /readyz (container HEALTHCHECK)
  version      print the version and build information

Start here:
  make run                 # or: tuys serve — http://localhost:8080, data in ./tuys-data
  tuys serve -h            # every setting, its TUYS_* variable and its default
  tuys user add -h         # a volunteer account for the console at /v

Run "tuys COMMAND -h" for a command's flags. Every flag can also be set with
the TUYS_* environment variable named in its help.
`

type command func(args []string, stdout, stderr io.Writer) int

var commands = map[string]command{}

func main() {
	args := os.Args[1:]
	if len(args) > 0 && (args[0] == "help" || isHelp(args[0])) {
		fmt.Fprint(os.Stdout, usage) // "tuys serve -h" shows serve's flags
		return
	}
	name := "serve"
	if len(args) > 0 && (args[0] == "-version" || args[0] == "--version") {
		args[0] = "version" // what people type first
	}
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		name, args = args[0], args[1:]
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(os.Stderr, "tuys: unknown command %q\n\n%s", name, usage)
		os.Exit(2)
	}
	applyRuntimeDefaults()
	if slices.ContainsFunc(args, isHelp) {
		// Help that was asked for is the answer, not an error: on stdout,
		// so that `tuys import -h | less` shows it.
		os.Exit(cmd(args, os.Stdout, os.Stdout))
	}
	os.Exit(cmd(args, os.Stdout, os.Stderr))
}

func isHelp(a string) bool { return a == "-h" || a == "-help" || a == "--help" }
