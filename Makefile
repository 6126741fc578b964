# GoLive 上线发布台 — build, run and test.
# On a fresh Debian 12 machine `make run` and `make test` install what is
# missing (apt, Go module proxy, npm) and do the rest. See README.md.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Go lives in /usr/local/go/bin; `go install` puts the Wails CLI in GOPATH/bin.
GOROOT_BIN := /usr/local/go/bin
GOPATH_BIN := $(shell PATH="$(GOROOT_BIN):$$PATH" go env GOPATH 2>/dev/null)/bin
export PATH := $(GOROOT_BIN):$(PATH):$(GOPATH_BIN)

ARGS ?=
DEMO_DIR ?= ./demo-data
BIN := build/bin/golive

.PHONY: help deps deps-test deps-dist fonts frontend build build-dev run demo dist \
	test test-go fixtures bindings screens e2e gui-smoke check-cjk bench fuzz fmt clean

help: ## list the targets
	@echo "GoLive 上线发布台 — make targets:"
	@grep -hE '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z0-9-]+):.*## (.*)/  \1\t\2/' | expand -t 14

# ---------------------------------------------------------------- set-up
deps: ## install what build and run need and is missing (apt, Wails CLI)
	scripts/install-deps.sh run

deps-test: ## install what the tests need and is missing (Xvfb, Chromium, …)
	scripts/install-deps.sh test

deps-dist: ## install what make dist needs (the Wails CLI, NSIS)
	scripts/install-deps.sh dist

fonts: ## fetch the fonts backend/pdf embeds, if missing (scripts/fetch-fonts.sh)
	[ ! -f scripts/fetch-fonts.sh ] || bash scripts/fetch-fonts.sh

# ---------------------------------------------------------------- builds
frontend: ## npm ci if stale, build frontend/dist if sources changed
	scripts/build.sh frontend

build: deps frontend ## build build/bin/golive (production)
	scripts/build.sh prod

build-dev: deps frontend ## build build/bin/golive-dev (dev server, for e2e)
	scripts/build.sh dev

run: build ## build and start the app (default data folder; ARGS="--data DIR")
	./$(BIN) $(ARGS)

demo: ## write the sample portfolio into DEMO_DIR (default ./demo-data)
	@if [ -e "$(DEMO_DIR)" ] && [ -n "$$(ls -A "$(DEMO_DIR)" 2>/dev/null)" ]; then \
	  echo "$(DEMO_DIR) already exists and is not empty: remove it or choose another, e.g. make demo DEMO_DIR=/tmp/golive-demo" >&2; exit 1; fi
	$(MAKE) --no-print-directory build
	./$(BIN) demo --data "$(DEMO_DIR)"
	@echo
	@echo "Open it with:  ./$(BIN) --data $(DEMO_DIR)"
	@echo "          or:  make run ARGS=\"--data $(DEMO_DIR)\""

dist: deps-dist frontend ## Linux binary, Windows .exe and its per-user installer in build/bin (wails build -nsis)
	scripts/build.sh dist

# ---------------------------------------------------------------- tests
test: ## install what is missing and run every test; ends with "N passed, N failed"
	scripts/test.sh

fixtures: fonts ## re-record frontend/src/test/fixtures from the real backend (then review the diff)
	GOLIVE_UPDATE_FIXTURES=1 go test -count=1 -run '^TestFrontendFixtures$$' ./app/

screens: deps-test ## screenshots of the main views over the fixtures at 1280x760 and 1920x1080, in build/screens (scripts/fixture-screens.mjs)
	scripts/npm-ci.sh frontend
	scripts/npm-ci.sh e2e
	node scripts/fixture-screens.mjs

bindings: deps-dist ## regenerate the committed frontend/wailsjs bindings from app/ (wails generate module)
	wails generate module

test-go: fonts ## only the Go unit tests
	go test -count=1 ./backend/... ./app/...

e2e: deps-test build-dev ## only the end-to-end tests (Chromium)
	scripts/npm-ci.sh e2e
	cd e2e && npm test

gui-smoke: deps-test ## only the GUI smoke test (Xvfb screenshot in build/smoke/)
	$(MAKE) --no-print-directory frontend
	scripts/build.sh prod
	scripts/gui-smoke.sh

check-cjk: ## only the no-CJK-outside-i18n check
	scripts/check-cjk.sh

bench: fonts frontend ## Go benchmarks of the backend, the budgets, then the perf e2e test on build/bench/large
	go test -run '^$$' -bench . -skip '^BenchmarkBudget' -benchmem ./backend/...
	scripts/bench.sh
	if [ -f build/bench/large/MANIFEST ]; then \
	  scripts/install-deps.sh test && scripts/build.sh dev && scripts/npm-ci.sh e2e && \
	  GOLIVE_PERF_FOLDER=build/bench/large node --test e2e/tests/perf.test.mjs; \
	else echo "build/bench/large is missing: perf e2e test skipped"; fi

fuzz: fonts ## every Go fuzz target for FUZZTIME each (default 5m), then executions per target
	scripts/fuzz.sh

fmt: ## gofmt -w every Go file
	gofmt -w $$(find . \( -name node_modules -o -name .git -o -path ./build \) -prune -o -name '*.go' -print)

clean: ## remove build outputs (binaries, frontend/dist, test logs, screenshots)
	rm -rf build/bin build/smoke build/test-logs build/fuzz-logs frontend/dist e2e/artifacts
