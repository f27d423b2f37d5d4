#!/usr/bin/env bash
# Build benchmark: `portal build` vs Hugo vs the cmark CLI (the floor: parse + render only).
#
#   bench/run.sh                      # what `make bench` runs, from any folder
#   BENCH_SIZES="100 1000" BENCH_RUNS=3 bench/run.sh
#
# For each size N: generates bench/corpus/N with bench/gen_corpus.py (same pages for all three
# tools), checks each tool builds it once, times the three with hyperfine (median of
# BENCH_RUNS runs after one warm-up), measures peak RSS once with /usr/bin/time -v, prints a
# Markdown table and writes it into BENCHMARKS.md under "## Build: portal vs Hugo vs cmark"
# (other sections of that file are kept). Raw results: bench/out/hyperfine-N.json, time-*-N.txt.
#
# Then, each rewriting only its own section of BENCHMARKS.md (Chromium, chromedriver and Python
# selenium needed):
#   bench/registry_bench.py   "## Registry: 100,000 services"      (BENCH_SKIP_REGISTRY=1 skips it)
#   bench/search_bench.py     "## Search: index size and query cost" (BENCH_SKIP_SEARCH=1 skips it)
#   bench/watch_bench.py      "## Watch: one-page rebuild"            (BENCH_SKIP_WATCH=1 skips it)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
PORTAL=${PORTAL:-.build/release/portal}
SIZES=${BENCH_SIZES:-1000 10000}
RUNS=${BENCH_RUNS:-5}
SECTION="## Build: portal vs Hugo vs cmark"

die() { echo "bench: $*" >&2; exit 1; }

[ -x "$PORTAL" ] || die "$PORTAL not found: run 'make release' (or 'make bench') first"
for tool in hyperfine hugo cmark python3; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (scripts/setup.sh bench installs it)"
done
[ -x /usr/bin/time ] || die "/usr/bin/time is not installed (apt-get install -y time)"

mkdir -p bench/corpus bench/out
OUT=$ROOT/bench/out

# Peak RSS in kB of one run of the command, which must succeed; its stdout is discarded.
peak_rss_kb() {
  local log=$1; shift
  /usr/bin/time -v -o "$log" "$@" >/dev/null 2>"$log.stderr" || die "failed under /usr/bin/time: $* (see $log.stderr)"
  sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$log"
}

: >"$OUT/results.tsv"
for n in $SIZES; do
  case $n in '' | *[!0-9]*) die "BENCH_SIZES must be page counts, got '$n'" ;; esac
  corpus=bench/corpus/$n
  echo "== $n pages: generating $corpus"
  python3 bench/gen_corpus.py --pages "$n" --out "$corpus"

  portal_cmd=("$PORTAL" build --quiet --content "$corpus/portal/content" --templates templates --output "bench/out/portal-$n")
  hugo_cmd=(hugo --quiet -s "$corpus/hugo" -d "$OUT/hugo-$n")
  cmark_file=$corpus/cmark/all.md
  rm -rf "bench/out/portal-$n" "$OUT/hugo-$n"

  # Each tool must build the corpus once, completely, before it is timed.
  if ! log=$("$PORTAL" build --content "$corpus/portal/content" --templates templates --output "bench/out/portal-$n" 2>&1); then
    printf '%s\n' "$log" >&2
    die "portal build failed on $corpus"
  fi
  if grep -q 'warning:' <<<"$log"; then
    printf '%s\n' "$log" | grep 'warning:' | head -5 >&2
    echo "bench: warning: portal reported warnings on $corpus" >&2
  fi
  echo "portal: $(tail -n 1 <<<"$log")"
  got=$(find "bench/out/portal-$n/guidance" -name 'page-*.html' | wc -l)
  [ "$got" -eq "$n" ] || die "portal wrote $got guidance pages, expected $n"

  "${hugo_cmd[@]}" || die "hugo failed on $corpus/hugo"
  got=$(find "$OUT/hugo-$n/guidance" -mindepth 2 -name index.html | wc -l)
  [ "$got" -eq "$n" ] || die "hugo wrote $got guidance pages, expected $n"
  if grep -rlq --include=index.html '{#' "$OUT/hugo-$n/guidance"; then
    echo "bench: warning: hugo left '{#id}' heading attributes as text" >&2
  fi
  echo "hugo: $got guidance pages in bench/out/hugo-$n"
  cmark "$cmark_file" >/dev/null || die "cmark failed on $cmark_file"

  hyperfine --warmup 1 --runs "$RUNS" --export-json "$OUT/hyperfine-$n.json" \
    -n portal "${portal_cmd[*]}" \
    -n "portal --no-cache" "${portal_cmd[*]} --no-cache" \
    -n hugo "${hugo_cmd[*]}" \
    -n cmark "cmark $cmark_file > /dev/null"

  # portal after one page was edited (a new sentence each run): that page, the list pages and
  # the search index are built again, the rest is kept through the cache.
  edited_page=$corpus/portal/content/guidance/page-00001.md
  hyperfine --runs "$RUNS" --export-json "$OUT/hyperfine-edit-$n.json" \
    --prepare "sh -c 'printf \"\\n編集%s。\\n\" \$(date +%N) >> $edited_page'" \
    -n "portal, one page edited" "${portal_cmd[*]}"

  # The same two builds into no output folder at all: nothing to compare with or link from.
  hyperfine --runs "$RUNS" --export-json "$OUT/hyperfine-empty-$n.json" \
    --prepare "rm -rf bench/out/portal-$n bench/out/.portal-cache $OUT/hugo-$n" \
    -n portal "${portal_cmd[*]}" \
    -n hugo "${hugo_cmd[*]}"

  rss_portal=$(peak_rss_kb "$OUT/time-portal-$n.txt" "${portal_cmd[@]}")
  rss_hugo=$(peak_rss_kb "$OUT/time-hugo-$n.txt" "${hugo_cmd[@]}")
  rss_cmark=$(peak_rss_kb "$OUT/time-cmark-$n.txt" cmark "$cmark_file")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$OUT/hyperfine-$n.json" "$rss_portal" "$rss_hugo" "$rss_cmark" \
    "$(python3 -c 'import os,sys; d=sys.argv[1]; print(sum(os.path.getsize(os.path.join(d,f)) for f in os.listdir(d)))' "$corpus/portal/content/guidance")" \
    >>"$OUT/results.tsv"
done

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
export BENCH_DATE BENCH_NPROC BENCH_CPU BENCH_MEM BENCH_V_PORTAL BENCH_V_HUGO BENCH_V_CMARK BENCH_V_HYPERFINE BENCH_RUNS_USED
BENCH_DATE=$(date -u +%Y-%m-%d)
BENCH_NPROC=$(nproc)
BENCH_CPU=${cpu:-unknown}
BENCH_MEM=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
BENCH_V_PORTAL=$("$PORTAL" --version 2>&1 | head -n 1)
BENCH_V_HUGO=$(hugo version 2>&1 | head -n 1)
BENCH_V_CMARK=$(cmark --version 2>&1 | head -n 1)
BENCH_V_HYPERFINE=$(hyperfine --version 2>&1 | head -n 1)
BENCH_RUNS_USED=$RUNS

python3 - "$OUT/results.tsv" BENCHMARKS.md "$SECTION" <<'PY'
import json, os, re, sys

results_path, bench_md, section_heading = sys.argv[1:4]
env = os.environ
rows = []
sizes = []
for line in open(results_path, encoding="utf-8"):
    n, json_path, rss_portal, rss_hugo, rss_cmark, corpus_bytes = line.rstrip("\n").split("\t")
    data = json.load(open(json_path, encoding="utf-8"))
    median = {r["command"]: r["median"] for r in data["results"]}
    rss = {"portal": int(rss_portal), "hugo": int(rss_hugo), "cmark": int(rss_cmark)}
    sizes.append((int(n), int(corpus_bytes)))
    rss["portal --no-cache"] = rss["portal"]
    for tool in ("portal", "portal --no-cache", "hugo", "cmark"):
        rows.append((int(n), tool, median[tool], median[tool] / median["hugo"],
                     median[tool] / median["cmark"], rss[tool] / 1024))
    edit = json.load(open(json_path.replace("hyperfine-", "hyperfine-edit-"), encoding="utf-8"))["results"][0]["median"]
    rows.append((int(n), "portal, one page edited", edit, edit / median["hugo"], edit / median["cmark"], rss["portal"] / 1024))
    empty = json.load(open(json_path.replace("hyperfine-", "hyperfine-empty-"), encoding="utf-8"))
    empty_median = {r["command"]: r["median"] for r in empty["results"]}
    for tool in ("portal", "hugo"):
        rows.append((int(n), f"{tool}, empty output folder", empty_median[tool], empty_median[tool] / empty_median["hugo"],
                     empty_median[tool] / median["cmark"], rss[tool] / 1024))

table = ["| pages | tool | median wall (s) | ratio to Hugo | ratio to cmark floor | peak memory (MB) |",
         "|---:|---|---:|---:|---:|---:|"]
for n, tool, med, r_hugo, r_cmark, mb in rows:
    table.append(f"| {n} | {tool} | {med:.3f} | {r_hugo:.2f} | {r_cmark:.1f} | {mb:.0f} |")
table_text = "\n".join(table)
print()
print(table_text)

corpus = ", ".join(f"{n} pages = {b / 1e6:.1f} MB of Markdown ({b / n / 1024:.1f} KB/page)" for n, b in sizes)
section = f"""{section_heading}

Measured {env['BENCH_DATE']} with `bench/run.sh` (`make bench`): hyperfine, 1 warm-up run then
{env['BENCH_RUNS_USED']} timed runs, median wall time; peak memory is the maximum resident set size of one
run under `/usr/bin/time -v`. Ratios are median wall time divided by Hugo's and by cmark's.

- Machine: {env['BENCH_NPROC']} CPUs (`nproc`), {env['BENCH_CPU']}, {env['BENCH_MEM']} RAM
- Versions: portal {env['BENCH_V_PORTAL']}; {env['BENCH_V_HUGO']}; {env['BENCH_V_CMARK']}; {env['BENCH_V_HYPERFINE']}
- Corpus: `bench/gen_corpus.py` (fixed seed), Japanese guidance pages with front matter, `##`/`###`
  headings with `{{#id}}`, lists, one CSV `table` block, 2–4 links to other pages (some to a heading)
  and one external link; {corpus}.
- portal: `portal build --quiet` with the repository's `templates/`, into an existing output folder
  and with nothing changed since the last build (the usual case: files whose bytes did not change
  are linked from the previous output, not written again; pages whose files did not change are
  taken as loaded and parsed from `.portal-cache/`, and pages and the search index made from
  the same inputs as last time are not made again). "portal --no-cache" is the
  same without the cache: every page loaded, parsed and rendered, as Hugo does. "portal, one page
  edited" appends a sentence to one page before each run (hyperfine `--prepare`): that page, the
  list pages and the search index are built again. Rows marked
  "empty output folder" time both tools with the output folder (and portal's cache) deleted before
  each run (hyperfine `--prepare`); their ratio to Hugo is to Hugo in that mode. (Peak memory of
  the --no-cache row is the cached run's.)
- Hugo: the same pages and a minimal layout (header, navigation, table of contents, sources, a home
  page and a section list), internal links as plain relative links, highlighting off; the CSV
  `table` block stays a code block (Hugo does no CSV parsing and no link checking).
- cmark: the CLI on every page body concatenated into one file, output discarded: Markdown parsing
  and HTML rendering only, no templates, no file per page — the floor.

{table_text}

At 10,000 pages portal writes about 17,000 files (the pages plus about 7,000 search scripts) and
214 MB, Hugo about 10,000 files and 97 MB (it builds no search index). With the output folder
deleted just before the run, creating files is slow for both (ext4 skips recently freed inodes
one by one when it allocates, visible with `perf record` as `recently_deleted`), and portal creates
more of them; in the usual rebuild portal links its unchanged files instead and creates few.
"""

sys.path.insert(0, "bench")
import benchlib  # the one section writer every bench script shares

benchlib.write_section(bench_md, section_heading, section)
print(f"\nwrote {bench_md} ({section_heading})")
PY

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
