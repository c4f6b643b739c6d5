#!/usr/bin/env bash
# Installs the linters `make lint` runs, at pinned versions, from the Go
# module proxy into $(go env GOPATH)/bin (once; later runs find them).
set -eu
bin="$(go env GOPATH)/bin"
need() { # need NAME MODULE@VERSION
  if [ -x "$bin/$1" ] && go version -m "$bin/$1" 2>/dev/null | grep -q "${2#*@}"; then return 0; fi
  echo "lint-deps: installing $2"
  go install "$2"
}
need staticcheck honnef.co/go/tools/cmd/staticcheck@v0.8.2
need deadcode golang.org/x/tools/cmd/deadcode@v0.52.0
