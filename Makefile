# tuys — the two commands: `make run` and `make test`.
GO        ?= go
BIN       ?= bin/tuys
FUZZTIME  ?= 20s
# VERSION is stamped into the binary (tuys version, the start-up log); a release passes its tag.
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
# GOBUILD is the one way a shippable binary is built: static (no cgo: SQLite is pure Go), reproducible
# paths, versioned. make build, make release and the Dockerfile (through make build) all use it.
GOBUILD    = CGO_ENABLED=0 $(GO) build -trimpath -ldflags "-s -w -X main.version=$(VERSION)"
PLATFORMS ?= linux/amd64 linux/arm64

.PHONY: run test test-short build release lint bench fuzz test-deps clean

## run: start the service on :8080 with data in ./tuys-data (SQLite, on-disk index, SMS to the log)
run:
	$(GO) run . serve

## test: install/start what tests need (PostgreSQL, Chromium, gammu-smsd), then run every test with the race detector
test: test-deps
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout 40m ./...

test-deps:
	@bash scripts/test-deps.sh

## build: a static binary at bin/tuys
build:
	$(GOBUILD) -o $(BIN) .

## release: static binaries for every PLATFORMS entry in dist/, named tuys-VERSION-OS-ARCH, and dist/SHA256SUMS
release:
	rm -rf dist && mkdir -p dist
	@set -e; for p in $(PLATFORMS); do os=$${p%/*}; arch=$${p#*/}; \
	  echo "build $$os/$$arch"; GOOS=$$os GOARCH=$$arch $(GOBUILD) -o dist/tuys-$(VERSION)-$$os-$$arch .; \
	done
	cd dist && sha256sum tuys-* > SHA256SUMS && cat SHA256SUMS

## lint: gofmt, go vet, staticcheck and dead code (deadcode: unreachable from main or any test) must be clean;
## the linters are installed at pinned versions by scripts/lint-deps.sh
LINTBIN = $(shell $(GO) env GOPATH)/bin
lint:
	@bash scripts/lint-deps.sh
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(LINTBIN)/staticcheck ./...
	@out=$$($(LINTBIN)/deadcode -test ./...); if [ -n "$$out" ]; then echo "dead code:"; echo "$$out"; exit 1; fi

## test-short: the quick loop: every package without the race detector, long tests skipped (-short)
test-short:
	$(GO) test -short -count=1 ./...

## bench: ingest, matching (a namesake-dense burst), index, search side by side with PostgreSQL pg_trgm,
## catch-up and dispatch figures at TUYS_BENCH_N reports
## (default 1,000,000: about 20 minutes; TUYS_BENCH_N=20000 make bench for a quick pass).
## GOGC/GOMEMLIMIT are the runtime settings tuys itself applies (runtime.go).
TUYS_BENCH_N ?= 1000000
bench: build
	bash scripts/bench-deps.sh
	TUYS_BENCH_N=$(TUYS_BENCH_N) GOGC=1000 GOMEMLIMIT=512MiB $(GO) test -run '^$$' -bench . -benchtime 1x -timeout 90m ./...

## fuzz: run every fuzz target for FUZZTIME each
## (a run that fails with "context deadline exceeded" and writes no failing input is Go's
## -fuzztime deadline race, golang/go#75804, unfixed in go1.26: reported and ignored)
fuzz:
	@log=$$(mktemp); for pkg in $$($(GO) list ./...); do \
	  dir=$$($(GO) list -f '{{.Dir}}' $$pkg); \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$t"; before=$$(ls $$dir/testdata/fuzz/$$t 2>/dev/null | wc -l); \
	    $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg >$$log 2>&1; rc=$$?; tail -3 $$log; \
	    after=$$(ls $$dir/testdata/fuzz/$$t 2>/dev/null | wc -l); \
	    if [ $$rc != 0 ]; then \
	      if [ "$$after" != "$$before" ] || ! grep -q 'context deadline exceeded' $$log; then cat $$log; exit 1; fi; \
	      echo "  no failing input written: fuzztime deadline race (golang/go#75804), ignored"; \
	    fi; \
	  done; \
	done; rm -f $$log

clean:
	rm -rf bin dist tuys-data
