#!/usr/bin/env bash
# Times, side by side on one synthetic export of N posts per argument
# (default 100000; the docs use 10000, 100000 and 1000000):
#   jq -c '.content | length'       the floor: reads every post, does nothing
#   python3 scripts/checker.py      the checker an operator would write
#   promo validate -o json          (with near-duplicates)
#   promo rank -o json              (BENCH_RANK=0 leaves it out)
# and prints, for each, wall time, CPU time (user + sys) and peak RSS, then
# one Markdown table row per N for docs/benchmarks.md, with the load
# average before the run (the machine may be shared: say so with the row).
#
#   apt-get install -y jq time     # once
#   BENCH_DUP=0.01 bash scripts/bench.sh 10000 100000
#
# BENCH_DUP=0.01 plants near-duplicates (1 %) and reports promo's recall
# and precision against them. BENCH_PROMO=path times that binary instead of
# building one (to compare two commits on the same export). BENCH_WORK=dir
# keeps the exports there and reuses them (a million posts take 1.2 GB and
# a while to generate).
set -euo pipefail
cd "$(dirname "$0")/.."

dup=${BENCH_DUP:-0}
rank=${BENCH_RANK:-1}
rules=testdata/bench/rules.yaml
[ $# -gt 0 ] || set -- 100000

for tool in jq /usr/bin/time; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench: $tool not found; install it with: apt-get install -y ${tool##*/}" >&2
    exit 2
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
work=${BENCH_WORK:-$tmp}
mkdir -p "$work"

promo=${BENCH_PROMO:-}
if [ -z "$promo" ]; then
  promo="$tmp/promo"
  if ! go build -o "$promo" ./cmd/promo 2>"$tmp/build.txt"; then
    echo "promo: does not build:" >&2
    head -5 "$tmp/build.txt" >&2
    exit 1
  fi
fi
printf 'machine: %s, %s CPUs, %s; promo %s\n' "$(uname -sm)" "$(nproc)" "$(go version | cut -d' ' -f3)" \
  "${BENCH_PROMO:-$(git describe --always --dirty 2>/dev/null || echo '?')}"

# measure NAME CMD...: runs CMD with stdout discarded, prints its wall
# time, CPU time and peak RSS as GNU time reports them, and leaves the
# table cell "wall s / CPU s / RSS MiB" in $cell.
measure() {
  local name=$1; shift
  local report="$tmp/time.txt"
  cell="failed"
  if ! /usr/bin/time -v -o "$report" "$@" >/dev/null 2>"$tmp/stderr.txt"; then
    echo "$name: exit status $(sed -n 's/.*Exit status: //p' "$report"); stderr:" >&2
    head -5 "$tmp/stderr.txt" >&2
    return 0
  fi
  local wall user sys rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$report" |
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')
  user=$(sed -n 's/.*User time (seconds): //p' "$report")
  sys=$(sed -n 's/.*System time (seconds): //p' "$report")
  rss=$(($(sed -n 's/.*Maximum resident set size (kbytes): //p' "$report") / 1024))
  local cpu
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  printf '  %-9s wall %7s s  CPU %7s s  max RSS %6d MiB\n' "$name" "$wall" "$cpu" "$rss"
  cell="$wall / $cpu / $rss"
  eval "${name}_wall=$wall; ${name}_cpu=$cpu"
}

rows=()
for n in "$@"; do
  export="$work/posts-$n-$dup.jsonl"
  truth="$work/truth-$n-$dup.csv"
  if [ ! -s "$export" ] || [ ! -s "$truth" ]; then
    echo "generating $n posts (dup $dup)"
    go run ./scripts/genexport -n "$n" -dup "$dup" -seed 1 -o "$export" -truth "$truth"
  fi
  bytes=$(wc -c <"$export")
  load=$(awk '{ print $1 }' /proc/loadavg)
  echo "$n posts, $bytes bytes, load average $load"
  measure jq jq -c '.content | length' "$export"; jq_cell=$cell
  py_cell="—"
  if command -v python3 >/dev/null; then
    measure python python3 scripts/checker.py "$export"; py_cell=$cell
  fi
  measure validate "$promo" validate -r "$rules" -o json --out "$tmp/validate.json" "$export"; v_cell=$cell
  r_cell="—"
  if [ "$rank" = 1 ]; then
    measure rank "$promo" rank -r "$rules" -o json "$export"; r_cell=$cell
  fi
  ratio=$(awk -v v="${validate_wall:-0}" -v j="${jq_wall:-0}" -v vc="${validate_cpu:-0}" -v jc="${jq_cpu:-0}" \
    'BEGIN { if (j > 0 && jc > 0) printf "%.1f× / %.1f×", v / j, vc / jc; else printf "—" }')

  # Recall and precision of near-duplicate against the planted pairs: a
  # flagged entry is right when it is a planted copy and names its original.
  quality="—"
  if [ "$dup" != 0 ] && [ -s "$tmp/validate.json" ]; then
    tail -n +2 "$truth" | tr -d '\r' | sort >"$tmp/truth.sorted"
    jq -r '.entries[] | . as $e | .reasons[] | select(.code == "near-duplicate") | "\($e.id),\(.other)"' \
      "$tmp/validate.json" | sort >"$tmp/flagged.sorted"
    planted=$(wc -l <"$tmp/truth.sorted")
    flagged=$(wc -l <"$tmp/flagged.sorted")
    right=$(comm -12 "$tmp/truth.sorted" "$tmp/flagged.sorted" | wc -l)
    quality=$(awk -v p="$planted" -v f="$flagged" -v r="$right" \
      'BEGIN { printf "%.3f / %.3f (%d planted)", (p ? r / p : 1), (f ? r / f : 1), p }')
    echo "  near-duplicate: planted $planted, flagged $flagged, right $right: recall / precision $quality"
  fi
  rm -f "$tmp/validate.json"
  mb=$(awk -v b="$bytes" 'BEGIN { printf "%.0f MB", b / 1e6 }')
  rows+=("| $(echo "$n" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta') | $mb | $load | $jq_cell | $py_cell | $v_cell | $r_cell | $ratio | $quality |")
  echo
done

echo "| posts | file | load | jq | python | validate | rank | validate ÷ jq (wall / CPU) | near-dup recall / precision |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}"
echo "(each cell: wall s / CPU s / peak RSS MiB)"
