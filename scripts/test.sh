#!/usr/bin/env bash
# Runs every GoLive test, in order, and ends with "N passed, N failed".
# Phases keep going after a failure unless they depend on a failed build;
# the exit code is non-zero when anything failed. Full logs: build/test-logs/.
#
#   deps       install-deps.sh test, npm ci (frontend, e2e) when stale
#   gofmt      gofmt -l lists no file
#   tidy       go mod tidy -diff shows no change to go.mod or go.sum
#   frontend   npm run build (vue-tsc + vite) -> frontend/dist; it runs this
#              early because main.go embeds frontend/dist, so `go vet ./...`
#              and the binaries need it
#   bindings   frontend/wailsjs is what `wails generate module` writes from app/
#   vet        go vet ./...
#   go test    go test -count=1 ./backend/... ./app/... (app/fixtures_test.go also
#              checks frontend/src/test/fixtures against what the backend returns)
#   fuzz       scripts/fuzz.sh with FUZZTIME=3s: each Go fuzz target for 3
#              seconds (one check per target; `make fuzz` runs them longer)
#   unit       frontend npm test (vitest)
#   cjk        no CJK text in frontend/src outside src/i18n (scripts/check-cjk.sh)
#   e2e        build/bin/golive-dev + node --test in e2e/ (Chromium, Xvfb)
#   gui        build/bin/golive + scripts/gui-smoke.sh (Xvfb screenshot)
set -uo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
export CI="${CI:-}"

LOGS="$ROOT/build/test-logs"
mkdir -p "$LOGS"
PASSED=0 FAILED=0 SKIPPED=0
SUMMARY=()
declare -A STATUS

strip() { sed -e 's/\x1b\[[0-9;]*[A-Za-z]//g'; }

# phase KEY "Title" counter cmd…: run cmd with output to the terminal and
# build/test-logs/KEY.log; counter (none|go|vitest|node|fuzz) reads test
# counts from the log, else the phase counts as one test.
phase() {
  local key=$1 title=$2 counter=$3
  shift 3
  local log="$LOGS/$key.log" start rc p=0 f=0
  printf '\n===== %s =====\n' "$title"
  start=$(date +%s.%N)
  if [ "$counter" = go ]; then
    "$@" >"$log" 2>&1
    rc=$?
    # Quiet the -v noise on the terminal; the log keeps everything.
    grep -vE '^\s*(=== (RUN|PAUSE|CONT|NAME)|--- PASS:)' "$log"
  else
    "$@" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
  fi
  local secs
  secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
  case "$counter" in
    go)
      p=$(grep -cE '^\s*--- PASS:' "$log")
      f=$(grep -cE '^\s*--- FAIL:' "$log")
      ;;
    vitest)
      local line
      line=$(strip <"$log" | grep -E '^\s*Tests\s' | tail -n1)
      p=$(grep -oE '[0-9]+ passed' <<<"$line" | grep -oE '[0-9]+' || echo 0)
      f=$(grep -oE '[0-9]+ failed' <<<"$line" | grep -oE '[0-9]+' || echo 0)
      ;;
    fuzz)
      # scripts/fuzz.sh's table: one "ok|FAIL  FuzzXxx …" row per target.
      p=$(grep -cE '^ok +Fuzz' "$log")
      f=$(grep -cE '^FAIL +Fuzz' "$log")
      ;;
    node)
      p=$(strip <"$log" | grep -E '^(#|ℹ) pass [0-9]+' | tail -n1 | grep -oE '[0-9]+' || echo 0)
      f=$(strip <"$log" | grep -E '^(#|ℹ) fail [0-9]+' | tail -n1 | grep -oE '[0-9]+' || echo 0)
      ;;
  esac
  : "${p:=0}" "${f:=0}"
  if [ "$counter" = none ] || [ $((p + f)) -eq 0 ]; then
    # Counted as one check (also when a runner failed before counting).
    if [ "$rc" -eq 0 ]; then p=1 f=0; else p=0 f=1; fi
  elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1 # the runner failed outside any test (build error, crash…)
  fi
  PASSED=$((PASSED + p))
  FAILED=$((FAILED + f))
  if [ "$rc" -eq 0 ]; then STATUS[$key]=ok; else STATUS[$key]=FAIL; fi
  SUMMARY+=("$(printf '%-6s %-34s %7ss  %s passed, %s failed' "${STATUS[$key]}" "$title" "$secs" "$p" "$f")")
  return "$rc"
}

skip() { # skip KEY "Title" reason
  printf '\n===== %s =====\nskipped: %s\n' "$2" "$3"
  STATUS[$1]=skip
  FAILED=$((FAILED + 1))
  SKIPPED=$((SKIPPED + 1))
  SUMMARY+=("$(printf '%-6s %-34s %8s  skipped: %s' SKIP "$2" "" "$3")")
}

# failures prints the first lines of what each failed phase said about its
# failures, after the summary, so that a log read from its end (CI keeps
# the head and the tail) still names the cause.
failures() {
  local key log out
  for key in "${!STATUS[@]}"; do
    [ "${STATUS[$key]}" = FAIL ] || continue
    log="$LOGS/$key.log"
    [ -f "$log" ] || continue
    case "$key" in
      gotest) out=$(grep -B12 -E '^\s*--- FAIL:' "$log") ;;
      unit) out=$(strip <"$log" | sed -n '/Failed Tests/,$p') ;;
      e2e) out=$(strip <"$log" | awk '/^ *not ok /{on=1} on{print} on && /^ *\.\.\.$/{on=0}') ;;
      *) out=$(strip <"$log" | tail -n 20) ;;
    esac
    printf '\n----- %s: what failed (first 80 lines; all in build/test-logs/%s.log) -----\n' "$key" "$key"
    head -n 80 <<<"$out"
  done
}

finish() {
  printf '\n===== Summary =====\n'
  printf '%s\n' "${SUMMARY[@]}"
  failures
  local total
  total=$(awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.0f", b-a}')
  echo "total time ${total}s; logs in build/test-logs/, screenshots in e2e/artifacts/ and build/smoke/"
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
  exit $?
}
T0=$(date +%s.%N)

deps() {
  "$ROOT/scripts/install-deps.sh" test &&
    "$ROOT/scripts/npm-ci.sh" frontend &&
    "$ROOT/scripts/npm-ci.sh" e2e
}
phase deps "Install missing dependencies" none deps || finish

gofmt_check() {
  local files out
  files=$(find . \( -name node_modules -o -name .git -o -path ./build \) -prune -o -name '*.go' -print)
  # shellcheck disable=SC2086
  out=$(gofmt -l $files) || return 1
  if [ -n "$out" ]; then
    echo "gofmt -l lists files that need gofmt -w:"
    echo "$out"
    return 1
  fi
  echo "gofmt: $(wc -w <<<"$files") files formatted"
}
phase gofmt "gofmt -l" none gofmt_check

phase tidy "go mod tidy -diff" none go mod tidy -diff

phase frontend "Frontend build (npm run build)" none scripts/build.sh frontend --force

# The committed frontend/wailsjs must be what Wails generates from app/
# now: the frontend's types come from there, never from a hand-kept copy.
bindings_check() {
  local wails
  wails="$(go env GOPATH)/bin/wails"
  "$wails" generate module >"$LOGS/bindings-generate.log" 2>&1 || { cat "$LOGS/bindings-generate.log"; return 1; }
  if [ -n "$(git status --porcelain -- frontend/wailsjs)" ]; then
    echo "frontend/wailsjs differs from what 'wails generate module' writes now (run make bindings and commit):"
    git status --porcelain -- frontend/wailsjs
    git --no-pager diff --stat -- frontend/wailsjs
    return 1
  fi
  echo "frontend/wailsjs matches app/"
}

if [ -f frontend/dist/index.html ]; then
  phase bindings "Bindings up to date (wails generate module)" none bindings_check
  phase vet "go vet ./..." none go vet ./...
else
  skip vet "go vet ./..." "frontend/dist is missing (main.go embeds it)"
fi

phase gotest "go test ./backend/... ./app/..." go go test -count=1 -v ./backend/... ./app/...

phase fuzz "Fuzz targets, 3s each (scripts/fuzz.sh)" fuzz env FUZZTIME=3s scripts/fuzz.sh

phase unit "Frontend unit tests (npm test)" vitest bash -c 'cd frontend && npm test'

phase cjk "No CJK outside src/i18n" none scripts/check-cjk.sh

if [ "${STATUS[frontend]}" = ok ]; then
  if phase build-dev "Build dev binary (golive-dev)" none scripts/build.sh dev; then
    phase e2e "End-to-end (Chromium)" node bash -c 'cd e2e && npm test'
  else
    skip e2e "End-to-end (Chromium)" "dev build failed"
  fi
  if phase build-prod "Build production binary (golive)" none scripts/build.sh prod; then
    phase gui "GUI smoke (Xvfb)" none scripts/gui-smoke.sh
  else
    skip gui "GUI smoke (Xvfb)" "production build failed"
  fi
else
  skip e2e "End-to-end (Chromium)" "frontend build failed"
  skip gui "GUI smoke (Xvfb)" "frontend build failed"
fi

finish
