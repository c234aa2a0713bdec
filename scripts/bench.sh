#!/usr/bin/env bash
# Times `promo validate -o json` (and, with BENCH_RANK=1, `promo rank`)
# on a synthetic export of N posts (default 100000), beside
# `jq -c '.content | length'` and scripts/checker.py (a plain Python
# checker doing far less) on the same file as yardsticks.
# Prints wall time, CPU time (user + sys) and peak RSS of each. Needs Go, jq and GNU time
# (apt-get install jq time). Set BENCH_DUP=0.01 to plant near-duplicates
# (the true pairs go to truth.csv in the work folder).
set -euo pipefail
cd "$(dirname "$0")/.."

n=${1:-100000}
dup=${BENCH_DUP:-0}
rules=testdata/bench/rules.yaml

for tool in jq /usr/bin/time; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench: $tool not found; install it with: apt-get install -y ${tool##*/}" >&2
    exit 2
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export="$work/posts.jsonl"

echo "generating $n posts (dup $dup)"
go run ./scripts/genexport -n "$n" -dup "$dup" -seed 1 -o "$export" -truth "$work/truth.csv"
printf 'export: %s bytes\n' "$(wc -c <"$export")"
printf 'machine: %s, %s CPUs, %s\n\n' "$(uname -sm)" "$(nproc)" "$(go version | cut -d' ' -f3)"

# measure NAME CMD...: runs CMD with stdout discarded and prints the
# wall time and peak RSS that GNU time reports.
measure() {
  local name=$1; shift
  local report="$work/time.txt"
  if ! /usr/bin/time -v -o "$report" "$@" >/dev/null 2>"$work/stderr.txt"; then
    status=$(sed -n 's/.*Exit status: //p' "$report")
    echo "$name: exit status $status; stderr:" >&2
    head -5 "$work/stderr.txt" >&2
    return 0
  fi
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$report")
  user=$(sed -n 's/.*User time (seconds): //p' "$report")
  sys=$(sed -n 's/.*System time (seconds): //p' "$report")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$report")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f s", u + s }')
  printf '%-10s wall %-10s CPU %-9s max RSS %6d MiB\n' "$name" "$wall" "$cpu" "$((rss / 1024))"
}

measure jq jq -c '.content | length' "$export"
if command -v python3 >/dev/null; then
  measure python python3 scripts/checker.py "$export"
fi

if ! go build -o "$work/promo" ./cmd/promo 2>"$work/build.txt"; then
  echo "promo: does not build yet, so only jq was timed:" >&2
  head -5 "$work/build.txt" >&2
  exit 0
fi
if ! "$work/promo" validate --help >/dev/null 2>&1; then
  echo "promo: this build has no validate command yet, so only jq was timed" >&2
  exit 0
fi
measure validate "$work/promo" validate -r "$rules" -o json --out "$work/validate.json" "$export"
if [ "${BENCH_RANK:-0}" = 1 ]; then
  measure rank "$work/promo" rank -r "$rules" -o json "$export"
fi

# Recall and precision of near-duplicate against the planted pairs: a
# flagged entry is right when it is a planted copy and names its original.
if [ "$dup" != 0 ] && [ -s "$work/validate.json" ]; then
  tail -n +2 "$work/truth.csv" | tr -d '\r' | sort >"$work/truth.sorted"
  jq -r '.entries[] | . as $e | .reasons[] | select(.code == "near-duplicate") | "\($e.id),\(.other)"' \
    "$work/validate.json" | sort >"$work/flagged.sorted"
  planted=$(wc -l <"$work/truth.sorted")
  flagged=$(wc -l <"$work/flagged.sorted")
  right=$(comm -12 "$work/truth.sorted" "$work/flagged.sorted" | wc -l)
  awk -v p="$planted" -v f="$flagged" -v r="$right" 'BEGIN {
    printf "near-duplicate: planted %d, flagged %d, right %d: recall %.4f, precision %.4f\n",
      p, f, r, (p ? r / p : 1), (f ? r / f : 1) }'
fi
