#!/usr/bin/env bash
# Smoke test: build the promo binary and run every subcommand once on the
# bundled sample campaign, checking exit statuses. The detailed behaviour is
# covered by go test; this catches a binary that does not start or a
# command that was never wired.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(mktemp -d)/promo
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" ./cmd/promo

rules=testdata/sample/rules.yaml
export_dir=testdata/sample/export
fail=0

run() {
  local want=$1; shift
  local got=0
  "$bin" "$@" >/dev/null 2>&1 || got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: promo $* exited $got, want $want"
    fail=1
  else
    echo "ok    promo $*"
  fi
}

run 0 version
run 0 --help
run 0 completion bash
run 0 count -- "ES Launchpool 挖矿"
run 0 rules check "$rules"
run 0 rules schema
run 0 validate -r "$rules" "$export_dir"
run 0 validate -r "$rules" -o json "$export_dir"
run 1 validate -r "$rules" --strict "$export_dir"
run 0 rank -r "$rules" "$export_dir"
run 0 rank -r "$rules" -o csv "$export_dir"
id=$("$bin" rank -r "$rules" -o csv "$export_dir" | sed -n 2p | cut -d, -f2)
run 0 explain -r "$rules" "$export_dir" "$id"
run 0 split --pool 1250 --token ES --winners 10
run 0 draw -r "$rules" --seed smoke --winners 3 "$export_dir"
run 0 report -r "$rules" --out "$(dirname "$bin")/report.html" "$export_dir"
run 0 report -r "$rules" --public --seed smoke --out "$(dirname "$bin")/results.html" "$export_dir"
tmp=$(dirname "$bin")
"$bin" rank -r "$rules" -o json --out "$tmp/old.json" "$export_dir"
"$bin" rank -r "$rules" -o json --winners 3 --out "$tmp/new.json" "$export_dir"
run 0 diff "$tmp/old.json" "$tmp/old.json"
run 1 diff "$tmp/old.json" "$tmp/new.json"
run 0 rank -r "$rules" -o csv --excel "$export_dir"
run 0 split -r "$rules"
run 0 init
run 0 init --from testdata/sample/announcement.txt
run 2 valdiate -r "$rules" "$export_dir"
run 2 validate -r "$rules" -o xml "$export_dir"
run 2 rank -r "$rules" --out "$rules" "$export_dir"
run 3 validate -r "$rules" testdata/does-not-exist
run 4 validate -r testdata/does-not-exist.yaml "$export_dir"
if [ -d /proc/self ]; then
  run 4 validate -r "$rules" --out /proc/promo-smoke.csv "$export_dir"
fi

if [ "$fail" -ne 0 ]; then
  echo "smoke: failures above"; exit 1
fi
echo "smoke: every subcommand ran"
