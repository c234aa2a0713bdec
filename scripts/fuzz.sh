#!/usr/bin/env bash
# Fuzz every fuzz target of every package for a short time, one after the
# other: go test runs one fuzz target per invocation.
#
#   scripts/fuzz.sh            every target, FUZZTIME each (default 5s)
#   FUZZTIME=30s scripts/fuzz.sh ./pkg/text
#
# The corpus each target grows is kept by go test under
# $(go env GOCACHE)/fuzz: a CI that caches GOCACHE keeps it from run to run,
# so each run starts where the last one stopped. An input that fails is
# written to the package's testdata/fuzz/NAME/ folder; the script names it,
# and committing it makes it a seed that every plain `go test` runs.
#
# Exits 1 when any target fails, after running all of them.
set -uo pipefail
cd "$(dirname "$0")/.."

fuzztime=${FUZZTIME:-5s}
pkgs=("$@")
[ ${#pkgs[@]} -gt 0 ] || pkgs=(./...)

# targets prints "IMPORTPATH NAME" for every fuzz target. go test -list
# prints a package's matching names, then a line "ok <tab> IMPORTPATH ...".
targets() {
  local names=() line
  go test -list '^Fuzz' "${pkgs[@]}" | while IFS= read -r line; do
    case $line in
      Fuzz*) names+=("$line") ;;
      ok*)
        local pkg
        pkg=$(printf '%s\n' "$line" | awk '{print $2}')
        for n in "${names[@]}"; do printf '%s %s\n' "$pkg" "$n"; done
        names=()
        ;;
      "?"*) names=() ;;
      *) echo "fuzz.sh: go test -list: $line" >&2 ;;
    esac
  done
}

list=$(targets) || { echo "fuzz.sh: could not list the fuzz targets" >&2; exit 1; }
if [ -z "$list" ]; then
  echo "fuzz.sh: no fuzz targets found" >&2
  exit 1
fi

failed=()
log=$(mktemp)
trap 'rm -f "$log"' EXIT
while read -r pkg name; do
  start=$SECONDS
  if go test -run='^$' -fuzz="^${name}\$" -fuzztime="$fuzztime" "$pkg" >"$log" 2>&1; then
    printf 'ok    %s %s (%ds)\n' "$pkg" "$name" $((SECONDS - start))
    continue
  fi
  # go test sometimes ends a fuzz run that reached -fuzztime with "context
  # deadline exceeded" and writes no input: the time ran out while a worker
  # was busy, nothing failed. A hang or a crash always writes its input.
  if grep -q 'context deadline exceeded' "$log" && ! grep -q 'testdata/fuzz/' "$log"; then
    printf 'ok    %s %s (%ds; go test reported the deadline, no failing input)\n' "$pkg" "$name" $((SECONDS - start))
    continue
  fi
  printf 'FAIL  %s %s\n' "$pkg" "$name"
  sed 's/^/      /' "$log"
  dir=$(go list -f '{{.Dir}}' "$pkg")
  # go test names the file relative to the package folder.
  if input=$(grep -o 'testdata/fuzz/[^ ]*' "$log" | head -1) && [ -n "$input" ]; then
    printf '      failing input: %s\n' "${dir#"$PWD"/}/$input"
    printf '      re-run: go test -run=%s/%s %s\n' "$name" "$(basename "$input")" "$pkg"
  fi
  failed+=("$pkg $name")
done <<<"$list"

echo
echo "fuzz corpus kept in $(go env GOCACHE)/fuzz"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: ${#failed[@]} target(s) failed:"
  printf '  %s\n' "${failed[@]}"
  exit 1
fi
echo "fuzz.sh: $(wc -l <<<"$list") targets ran for $fuzztime each"
