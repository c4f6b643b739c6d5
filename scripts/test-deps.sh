#!/usr/bin/env bash
# Brings up what the test suite uses, when this machine can: a running
# PostgreSQL on 127.0.0.1:5432, Debian's Chromium for the browser tests and
# Gammu's SMS daemon for the modem tests.
# Tests that still cannot find them skip with a printed reason.
set -u
log() { echo "test-deps: $*"; }

if command -v pg_lsclusters >/dev/null 2>&1; then
  if ! pg_lsclusters 2>/dev/null | grep -q online; then
    v=$(ls /etc/postgresql 2>/dev/null | head -1)
    if [ -n "$v" ]; then
      log "starting PostgreSQL $v"
      pg_ctlcluster --skip-systemctl-redirect "$v" main start 2>&1 | sed 's/^/test-deps: /' || true
    fi
  fi
  for _ in $(seq 1 30); do
    pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1 && break
    sleep 0.5
  done
  psql -h 127.0.0.1 -U postgres -d postgres -tc "SELECT 1 FROM pg_database WHERE datname='test'" 2>/dev/null | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE test" >/dev/null 2>&1 || true
else
  log "PostgreSQL is not installed here: its tests will be skipped"
fi

if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  log "installing Debian's chromium for the browser tests"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/tmp/tuys-chromium-install.log 2>&1 \
    || log "could not install chromium (see /tmp/tuys-chromium-install.log): browser tests will be skipped"
fi
if ! command -v gammu-smsd >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  log "installing gammu and gammu-smsd for the modem tests (dummy phone driver)"
  (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gammu gammu-smsd || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gammu gammu-smsd)) \
    >/tmp/tuys-gammu-install.log 2>&1 \
    || log "could not install gammu-smsd (see /tmp/tuys-gammu-install.log): the Gammu tests will be skipped"
fi
exit 0
