#!/usr/bin/env bash
# Runs GoLive's budget benchmarks and prints a table of what each costs
# against its baseline and whether it meets its budget.
#
# A budget is one Go benchmark named BenchmarkBudget<Name>, anywhere in
# backend/ or app/. It times our operation and its baseline in the same
# run, interleaved, and reports with b.ReportMetric:
#   ours-ms   mean milliseconds of our operation
#   base-ms   mean milliseconds of the baseline
#   x-base    ours-ms / base-ms
#   KB, MB    optional: file size, peak memory (base-KB, base-MB for the
#             baseline's)
# Any of them may be missing (a budget with no baseline reports no base-ms).
#
#   scripts/bench.sh                  # every budget, BENCHTIME=3s each
#   BENCHTIME=10s scripts/bench.sh PDF  # only the budgets whose name matches
#
# It exits non-zero only when a benchmark fails (or does not build); a
# budget that is not met is reported in the table.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

BENCHTIME="${BENCHTIME:-3s}"
ONLY="${1:-}"

# The limits, one budget a line: its name (without "Benchmark"), then
# what it must meet, each as metric=limit (at most):
#   x=1.2    ours at most 1.2 times the baseline (x-base)
#   ms=300   ours at most 300 ms (ours-ms)
#   KB=150   any other metric the benchmark reports, e.g. KB or MB
# A budget not listed here is printed with the limit "—".
LIMITS="
BudgetAppendEvent      x=1.2
BudgetConfirmationPDF  x=1.3 KB=150
BudgetRegister20000    x=1.3
BudgetOpenList         x=3 ms=300
BudgetIdleMemory       MB=100
"

# The open and memory budgets read the large sample (20,000 dossiers): it
# is built once into build/bench/large (golive demo --scale large; about
# 12 minutes on two cores) and kept; GOLIVE_BENCH_FOLDER names another
# folder instead.
if [ -z "${GOLIVE_BENCH_FOLDER:-}" ] && [ ! -f build/bench/large/MANIFEST ]; then
  log "building the large sample into build/bench/large (once)"
  mkdir -p build/bench
  go run . demo --scale large --data build/bench/large || die "the large sample could not be built"
fi

# The packages that hold a budget: only they are built and run, one after
# the other (-p 1), so that two benchmarks never share the machine.
mapfile -t PKGS < <(grep -rlE --include='*_test.go' '^func BenchmarkBudget' backend app 2>/dev/null |
  xargs -r -n1 dirname | sort -u | sed 's|^|./|')
if [ "${#PKGS[@]}" -eq 0 ]; then
  log "no BenchmarkBudget* in backend/ or app/"
  exit 0
fi

out="$(mktemp)"
trap 'rm -f "$out"' EXIT
log "budgets in ${PKGS[*]} (-benchtime $BENCHTIME)"
go test -p 1 -count 1 -run '^$' -bench "^BenchmarkBudget.*${ONLY}" -benchtime "$BENCHTIME" "${PKGS[@]}" 2>&1 | tee "$out"
rc=${PIPESTATUS[0]}

echo
awk -v limits="$LIMITS" '
function width(s,    t) { # columns s takes ("—" is one)
  t = s
  gsub(/—/, "-", t)
  return length(t)
}
function pad(s, w,    n) {
  n = w - width(s)
  while (n-- > 0) s = s " "
  return s
}
function cell(r, c, s) {
  row[r, c] = s
  if (width(s) > w[c]) w[c] = width(s)
}
function num(v) { # a figure with three significant digits or so
  if (v >= 100) return sprintf("%.0f", v)
  if (v >= 10) return sprintf("%.1f", v)
  return sprintf("%.2f", v)
}
function side(b, prefix,    s, u, k) { # "12.3 ms, 140 KB" for ours ("") or base ("base-")
  s = ((b SUBSEP prefix "ms") in val) ? num(val[b, prefix "ms"]) " ms" : ""
  for (k = 1; k <= nextra; k++) {
    u = extra[k]
    if ((b SUBSEP prefix u) in val) s = s (s == "" ? "" : ", ") num(val[b, prefix u]) " " u
  }
  return s == "" ? "—" : s
}
BEGIN {
  n = split(limits, lines, "\n")
  for (i = 1; i <= n; i++) {
    m = split(lines[i], f, /[ \t]+/)
    name = ""
    for (j = 1; j <= m; j++) {
      if (f[j] == "") continue
      if (name == "") { name = f[j]; nlim[name] = 0; continue }
      split(f[j], kv, "=")
      lim[name, ++nlim[name]] = kv[1]
      limv[name, nlim[name]] = kv[2] + 0
    }
  }
  nextra = split("KB MB anonMB", extra, " ")
}
/^Benchmark/ && $2 ~ /^[0-9]+$/ {
  b = $1
  sub(/^Benchmark/, "", b)
  sub(/-[0-9]+$/, "", b)
  if (!(b in seen)) { seen[b] = 1; order[++nb] = b }
  for (i = 3; i < NF; i += 2) {
    u = $(i + 1)
    sub(/^ours-/, "", u) # ours-ms -> ms; base-ms stays
    val[b, u] = $i + 0
  }
}
/^--- FAIL: Benchmark/ {
  b = $3
  sub(/^Benchmark/, "", b)
  sub(/-[0-9]+$/, "", b)
  failed[b] = 1
  if (!(b in seen)) { seen[b] = 1; order[++nb] = b }
}
END {
  if (nb == 0) { print "no budget benchmark ran"; exit }
  split("budget ours baseline ratio limit verdict", head, " ")
  for (c = 1; c <= 6; c++) cell(0, c, head[c])
  for (i = 1; i <= nb; i++) {
    b = order[i]
    ratio = ((b SUBSEP "x-base") in val) ? sprintf("%.2fx", val[b, "x-base"]) : "—"
    limit = ""; ok = 1; why = ""
    if (b in nlim) {
      for (k = 1; k <= nlim[b]; k++) {
        key = lim[b, k]; v = limv[b, k]
        metric = key == "x" ? "x-base" : key
        limit = limit (limit == "" ? "" : ", ") (key == "x" ? "<= " v "x" : "<= " v " " key)
        if (!((b SUBSEP metric) in val)) { ok = 0; why = why " (no " metric ")" }
        else if (val[b, metric] > v) ok = 0
      }
    }
    if (limit == "") limit = "—"
    if (b in failed) verdict = "ERROR (benchmark failed)"
    else if (!(b in nlim)) verdict = "—"
    else verdict = (ok ? "met" : "NOT MET" why)
    cell(i, 1, b); cell(i, 2, side(b, "")); cell(i, 3, side(b, "base-"))
    cell(i, 4, ratio); cell(i, 5, limit); cell(i, 6, verdict)
  }
  for (i = 0; i <= nb; i++) {
    line = ""
    for (c = 1; c <= 5; c++) line = line pad(row[i, c], w[c]) "  "
    print line row[i, 6]
  }
}' "$out"

if [ "$rc" -ne 0 ]; then
  warn "go test failed (exit $rc): see its output above"
fi
exit "$rc"
