#!/usr/bin/env bash
# Benchmarks (`make bench`), each rewriting only its own section of BENCHMARKS.md:
#
#   bench/build_bench.py      "## Build: portal vs Hugo vs Hugo + Pagefind" and "## Build phases":
#                             portal clean, with cache and after a one-page edit, Hugo, and Hugo +
#                             Pagefind, run round after round on the same corpus at 1,000 and 10,000
#                             pages (wall, peak RSS, output bytes and files); BENCH_SIZES, BENCH_RUNS,
#                             BENCH_RUNS_SMALL (rounds below 5,000 pages, 9 by default)
#   bench/registry_bench.py   "## Registry: 100,000 services"      (BENCH_SKIP_REGISTRY=1 skips it)
#   bench/search_bench.py     "## Search: index size and query cost" (BENCH_SKIP_SEARCH=1 skips it)
#   bench/watch_bench.py      "## Watch: one-page rebuild"            (BENCH_SKIP_WATCH=1 skips it)
#
# The last three need Chromium, chromedriver and Python selenium (scripts/setup.sh bench).
set -euo pipefail

cd "$(dirname "$0")/.."
PORTAL=${PORTAL:-.build/release/portal}
SIZES=${BENCH_SIZES:-1000 10000}
RUNS=${BENCH_RUNS:-3}

die() { echo "bench: $*" >&2; exit 1; }

[ -x "$PORTAL" ] || die "$PORTAL not found: run 'make release' (or 'make bench') first"
for tool in hugo cmark python3; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (scripts/setup.sh bench installs it)"
done
mkdir -p bench/out

# shellcheck disable=SC2086 # SIZES is a list of page counts
python3 bench/build_bench.py --portal "$PORTAL" --runs "$RUNS" --sizes $SIZES || die "bench/build_bench.py failed"

# Registry filter at 100,000 services, and search index size / query cost (file://, Chromium).
if [ "${BENCH_SKIP_REGISTRY:-0}" != 1 ] || [ "${BENCH_SKIP_SEARCH:-0}" != 1 ]; then
  python3 -c 'import selenium' 2>/dev/null || die "Python selenium is not installed (scripts/setup.sh installs it)"
fi
if [ "${BENCH_SKIP_REGISTRY:-0}" != 1 ]; then
  echo "== registry benchmark (BENCH_SKIP_REGISTRY=1 skips it)"
  python3 bench/registry_bench.py --portal "$PORTAL" || die "bench/registry_bench.py failed"
fi
if [ "${BENCH_SKIP_SEARCH:-0}" != 1 ]; then
  echo "== search benchmark (BENCH_SKIP_SEARCH=1 skips it)"
  python3 bench/search_bench.py --portal "$PORTAL" || die "bench/search_bench.py failed"
fi
if [ "${BENCH_SKIP_WATCH:-0}" != 1 ]; then
  echo "== watch benchmark (BENCH_SKIP_WATCH=1 skips it)"
  python3 bench/watch_bench.py --portal "$PORTAL" || die "bench/watch_bench.py failed"
fi
