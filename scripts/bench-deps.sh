#!/usr/bin/env bash
# Brings up what `make bench` compares tuys with: PostgreSQL (through
# test-deps.sh) with pg_trgm, and uconv from Debian's icu-devtools for the
# ICU romanization. The side-by-side benchmark skips, saying why, when they
# still cannot be found.
set -u
log() { echo "bench-deps: $*"; }

bash "$(dirname "$0")/test-deps.sh"

if ! command -v uconv >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing Debian's icu-devtools (uconv) for the ICU romanization"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq icu-devtools) >/tmp/tuys-icu-install.log 2>&1 \
      || log "could not install icu-devtools (see /tmp/tuys-icu-install.log): the side-by-side benchmark will be skipped"
  else
    log "uconv is missing and cannot be installed here (apt-get icu-devtools as root): the side-by-side benchmark will be skipped"
  fi
fi
exit 0
