#!/usr/bin/env bash
# Runs every libFuzzer target for FUZZ_SECONDS (default 60) each, from the committed seed
# corpora (Fuzz/corpus/TARGET, made from content/), and prints executions and crashes per
# target. New inputs go to Fuzz/out/TARGET (git-ignored); crashes to Fuzz/out/crash-*.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
(cd Fuzz && swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld --product portal-fuzz 2>&1 | tail -1)
bin=Fuzz/.build/release/portal-fuzz
mkdir -p Fuzz/out
status=0
printf '%-14s %12s %8s\n' target executions crashes
for target in front-matter csv registry xlsx yaml markdown; do
  mkdir -p "Fuzz/out/$target"
  log="Fuzz/out/$target.log"
  PORTAL_FUZZ_TARGET=$target "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="Fuzz/out/crash-$target-" "Fuzz/out/$target" "Fuzz/corpus/$target" >"$log" 2>&1 || status=1
  execs=$(sed -nE 's/^Done ([0-9]+) runs.*/\1/p' "$log" | tail -1)
  crashes=$(find Fuzz/out -maxdepth 1 -name "crash-$target-*" | wc -l)
  printf '%-14s %12s %8s\n' "$target" "${execs:-?}" "$crashes"
  [ "$crashes" -eq 0 ] || status=1
done
exit $status
