#!/usr/bin/env python3
"""Build benchmark: portal against Hugo and Hugo + Pagefind, one table (`make bench`).

For each corpus size (bench/corpus/N from bench/gen_corpus.py, the same pages for every tool) it
runs, round after round, one run of each of these, so that a change in the machine's load falls
on all of them alike rather than on whichever ran last:

  portal, clean            output folder and build cache deleted first: what CI, a fresh clone
                           and every new editor get (`portal build`, which also writes the cache)
  portal, with cache       nothing changed since the last build (output and cache kept)
  portal, one page edited  a sentence appended to one page before the build
  hugo                     output folder deleted first
  hugo + pagefind          the same, then `pagefind --site` over Hugo's output (its search index)
  portal, clean, in memory the clean build and Hugo again with their output on tmpfs (/dev/shm):
  hugo, in memory          no disk, so the pair shows the tools' own work. On this machine's ext4
                           (no journal) creating files just after deleting thousands scans past
                           every inode deleted in the last minutes, a cost both tools pay that
                           swings from round to round.

Each run's wall time and peak resident memory come from os.wait4 (the child's own rusage); for
Hugo + Pagefind the times add up and the peak is the larger of the two. After the rounds it
records each tool's output (bytes and files, and the part a browser loads for search), the
cmark CLI floor (parsing and HTML only), and the median of each phase `portal build --timings`
printed in the clean runs. The load average before and after is noted with the table.

    bench/build_bench.py [--sizes 1000 10000] [--runs 3] [--small-runs 9] [--portal .build/release/portal]

Writes "## Build: portal vs Hugo vs Hugo + Pagefind" and "## Build phases" into BENCHMARKS.md.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

ROOT = benchlib.ROOT
OUT = os.path.join(ROOT, "bench/out")
SECTION = "## Build: portal vs Hugo vs Hugo + Pagefind"
PHASES_SECTION = "## Build phases"
MODES = ["portal, clean", "portal, with cache", "portal, one page edited", "hugo", "hugo + pagefind",
         "portal, clean, in memory", "hugo, in memory"]
MEMORY = "/dev/shm/portal-bench"
PHASE_RE = re.compile(r"^(\w+)\s+([0-9.]+) s(?:\s+rss\s+(\d+) MiB\s+peak\s+(\d+) MiB)?")


def log(msg):
    print(msg, flush=True)


def run(cmd, stdout=subprocess.DEVNULL):
    """Runs cmd; returns (wall seconds, peak RSS in MB, stderr text). Fails loudly."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, text=True)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"bench: failed ({proc.returncode}): {' '.join(cmd)}\n{err}")
    return wall, usage.ru_maxrss / 1024, err


def tree(path, sub=None):
    """(bytes, files) under path (or path/sub)."""
    root = os.path.join(path, sub) if sub else path
    size = files = 0
    for folder, _, names in os.walk(root):
        for name in names:
            size += os.lstat(os.path.join(folder, name)).st_size
            files += 1
    return size, files


def pagefind_command():
    """`python3 -m pagefind` with the extended binary (which segments Japanese)."""
    ok = subprocess.run([sys.executable, "-m", "pagefind", "--version"], capture_output=True, text=True)
    if ok.returncode != 0:
        raise SystemExit("bench: pagefind is not installed (scripts/setup.sh bench installs pagefind[extended])")
    return [sys.executable, "-m", "pagefind"], ok.stdout.strip()


def bench_size(n, runs, portal, pagefind):
    corpus = os.path.join(ROOT, f"bench/corpus/{n}")
    log(f"== {n} pages: generating bench/corpus/{n}")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench/gen_corpus.py"), "--pages", str(n), "--out", corpus], check=True,
                   stdout=subprocess.DEVNULL)
    content = os.path.join(corpus, "portal/content")
    edited = os.path.join(content, "guidance/page-00001.md")
    original = open(edited, encoding="utf-8").read()
    out_portal = os.path.join(OUT, f"portal-{n}")
    cache = os.path.join(OUT, ".portal-cache")
    out_hugo = os.path.join(OUT, f"hugo-{n}")
    portal_cmd = [portal, "build", "--quiet", "--timings", "--content", content, "--templates", os.path.join(ROOT, "templates"),
                  "--output", out_portal]
    hugo_cmd = ["hugo", "--quiet", "-s", os.path.join(corpus, "hugo"), "-d", out_hugo]
    mem_portal = os.path.join(MEMORY, f"portal-{n}")
    mem_hugo = os.path.join(MEMORY, f"hugo-{n}")
    mem_portal_cmd = portal_cmd[:-1] + [mem_portal]
    mem_hugo_cmd = hugo_cmd[:-1] + [mem_hugo]

    def clean_portal():
        shutil.rmtree(out_portal, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)

    def edit():
        with open(edited, "a", encoding="utf-8") as fh:
            fh.write(f"\n編集{time.monotonic_ns()}。\n")

    results = {m: {"wall": [], "rss": []} for m in MODES}
    phases = {}
    loads = [open("/proc/loadavg").read().split()[:3]]
    try:
        for r in range(runs + 1):  # round 0 warms the caches and is not counted
            for mode in MODES:
                if mode == "portal, clean":
                    clean_portal()
                    wall, rss, err = run(portal_cmd)
                    if r > 0:
                        for line in err.splitlines():
                            m = PHASE_RE.match(line.strip())
                            if m:
                                p = phases.setdefault(m.group(1), {"wall": [], "rss": []})
                                p["wall"].append(float(m.group(2)))
                                if m.group(3):
                                    p["rss"].append(int(m.group(3)))
                elif mode == "portal, with cache":
                    wall, rss, _ = run(portal_cmd)
                elif mode == "portal, one page edited":
                    edit()
                    wall, rss, _ = run(portal_cmd)
                elif mode == "hugo":
                    shutil.rmtree(out_hugo, ignore_errors=True)
                    wall, rss, _ = run(hugo_cmd)
                elif mode == "portal, clean, in memory":
                    shutil.rmtree(MEMORY, ignore_errors=True)
                    wall, rss, _ = run(mem_portal_cmd)
                elif mode == "hugo, in memory":
                    shutil.rmtree(mem_hugo, ignore_errors=True)
                    wall, rss, _ = run(mem_hugo_cmd)
                else:
                    shutil.rmtree(out_hugo, ignore_errors=True)
                    w1, r1, _ = run(hugo_cmd)
                    w2, r2, _ = run(pagefind + ["--site", out_hugo])
                    wall, rss = w1 + w2, max(r1, r2)
                if r > 0:
                    results[mode]["wall"].append(wall)
                    results[mode]["rss"].append(rss)
            log(f"  round {r}/{runs}" + (" (warm-up)" if r == 0 else ": " + ", ".join(f"{m} {results[m]['wall'][-1]:.2f} s" for m in MODES)))
    finally:
        with open(edited, "w", encoding="utf-8") as fh:
            fh.write(original)
        shutil.rmtree(MEMORY, ignore_errors=True)
    loads.append(open("/proc/loadavg").read().split()[:3])

    # The outputs as the last runs left them (Hugo's with Pagefind's index in it).
    clean_portal()
    run(portal_cmd)
    sizes = {"portal": tree(out_portal), "portal search": tree(out_portal, "search")}
    shutil.rmtree(out_hugo, ignore_errors=True)
    run(hugo_cmd)
    sizes["hugo"] = tree(out_hugo)
    run(pagefind + ["--site", out_hugo])
    sizes["hugo + pagefind"] = tree(out_hugo)
    sizes["pagefind"] = tree(out_hugo, "pagefind")

    cmark_file = os.path.join(corpus, "cmark/all.md")
    cmark = [run(["cmark", cmark_file]) for _ in range(runs)]
    markdown = sum(os.path.getsize(os.path.join(content, "guidance", f)) for f in os.listdir(os.path.join(content, "guidance")))
    return {"n": n, "results": results, "phases": phases, "sizes": sizes, "loads": loads, "markdown": markdown,
            "cmark": (statistics.median(w for w, _, _ in cmark), max(r for _, r, _ in cmark))}


def tables(runs_data):
    rows = ["| pages | tool | median wall (s) | ratio to Hugo | peak RSS (MiB) | ratio to Hugo | output (MB) | files | search files (MB) |",
            "|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
    for d in runs_data:
        res, sizes = d["results"], d["sizes"]
        for mode in MODES:
            # The in-memory rows are compared with Hugo in memory, the others with Hugo on disk.
            base = "hugo, in memory" if mode.endswith("in memory") else "hugo"
            hugo_wall = statistics.median(res[base]["wall"])
            hugo_rss = max(res[base]["rss"])
            wall = statistics.median(res[mode]["wall"])
            rss = max(res[mode]["rss"])
            key = "portal" if mode.startswith("portal") else ("hugo" if mode.startswith("hugo,") else mode)
            size, files = sizes[key]
            search = {"portal": sizes["portal search"][0], "hugo + pagefind": sizes["pagefind"][0]}.get(key)
            search_text = f"{search / 1e6:.1f}" if search is not None else "—"
            output_text = f"{size / 1e6:.1f}" if mode in ("portal, clean", "hugo", "hugo + pagefind") else "″"
            files_text = f"{files:,}" if mode in ("portal, clean", "hugo", "hugo + pagefind") else "″"
            rows.append(f"| {d['n']:,} | {mode} | {wall:.2f} | {wall / hugo_wall:.2f} | {rss:.0f} | {rss / hugo_rss:.2f} | "
                        f"{output_text} | {files_text} | {search_text} |")
        wall, rss = d["cmark"]
        hugo_wall = statistics.median(res["hugo"]["wall"])
        hugo_rss = max(res["hugo"]["rss"])
        rows.append(f"| {d['n']:,} | cmark (floor: parse + HTML only) | {wall:.2f} | {wall / hugo_wall:.2f} | {rss:.0f} | {rss / hugo_rss:.2f} | — | — | — |")
    phase_rows = ["| pages | " + " | ".join(p for p in ("load", "parse", "render", "index", "encode", "write")) + " | whole run |",
                  "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for d in runs_data:
        cells = []
        for p in ("load", "parse", "render", "index", "encode", "write"):
            ph = d["phases"].get(p)
            if not ph:
                cells.append("—")
                continue
            rss = f", {statistics.median(ph['rss']):.0f} MiB" if ph["rss"] else ""
            cells.append(f"{statistics.median(ph['wall']):.2f} s{rss}")
        whole = d["results"]["portal, clean"]
        phase_rows.append(f"| {d['n']:,} | " + " | ".join(cells) + f" | {statistics.median(whole['wall']):.2f} s, peak {max(whole['rss']):.0f} MiB |")
    return "\n".join(rows), "\n".join(phase_rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", nargs="+", type=int, default=[1000, 10000])
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "3")))
    # Below 5,000 pages a round takes seconds, and three rounds' medians swung by a fifth from
    # one bench to the next (1,000 pages on disk: 0.95, 1.15, 0.85 times Hugo's): more rounds there.
    ap.add_argument("--small-runs", type=int, default=int(os.environ.get("BENCH_RUNS_SMALL", "9")))
    ap.add_argument("--portal", default=os.environ.get("PORTAL", benchlib.DEFAULT_PORTAL))
    ap.add_argument("--bench-md", default=os.path.join(ROOT, "BENCHMARKS.md"))
    args = ap.parse_args()
    for tool in ("hugo", "cmark"):
        if not shutil.which(tool):
            raise SystemExit(f"bench: {tool} is not installed (scripts/setup.sh bench installs it)")
    os.makedirs(OUT, exist_ok=True)
    portal = os.path.abspath(args.portal)
    pagefind, pagefind_version = pagefind_command()
    def runs(n):
        return max(args.runs, args.small_runs) if n < 5000 else args.runs

    data = [bench_size(n, runs(n), portal, pagefind) for n in args.sizes]
    table, phase_table = tables(data)
    print("\n" + table + "\n\n" + phase_table)

    def version(cmd):
        return subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()[0]

    rounds_per_size = ", ".join(f"{runs(d['n'])} rounds at {d['n']:,} pages" for d in data)
    corpus = ", ".join(f"{d['n']:,} pages = {d['markdown'] / 1e6:.1f} MB of Markdown" for d in data)
    rounds = "; ".join(f"{d['n']:,} pages: portal " + ", ".join(f"{w:.2f}" for w in d["results"]["portal, clean"]["wall"])
                       + ", Hugo " + ", ".join(f"{w:.2f}" for w in d["results"]["hugo"]["wall"])
                       + "; in memory: portal " + ", ".join(f"{w:.2f}" for w in d["results"]["portal, clean, in memory"]["wall"])
                       + ", Hugo " + ", ".join(f"{w:.2f}" for w in d["results"]["hugo, in memory"]["wall"]) for d in data)
    loads = "; ".join(f"{d['n']:,} pages: {' '.join(d['loads'][0])} before, {' '.join(d['loads'][1])} after" for d in data)
    section = f"""{SECTION}

Measured {time.strftime('%Y-%m-%d', time.gmtime())} with `bench/build_bench.py` (`make bench`): {rounds_per_size} after one
warm-up round; each round runs every row once, in the table's order, so that the machine's load
falls on all rows alike. Median wall time; peak RSS is the largest of the rounds (the child's own
`ru_maxrss`; for Hugo + Pagefind the larger of the two processes, whose times add up).

- Machine: {benchlib.machine()}; load average (1, 5, 15 min) {loads}
- Versions: portal {version([portal, '--version'])}; {version(['hugo', 'version'])}; {pagefind_version}; {version(['cmark', '--version'])}
- Corpus: `bench/gen_corpus.py` (fixed seed), Japanese guidance pages with front matter, headings
  with `{{#id}}`, lists, one CSV `table` block, links between pages; {corpus}. Its sentences come
  from a small pool, so its text compresses better than real guidance would.
- portal, clean: output folder and `.portal-cache/` deleted before the run (`portal build`, which
  writes the cache for next time). With cache: the same command again, nothing changed. One page
  edited: a sentence appended to one page first.
- Hugo: a minimal layout of the same pages (header, navigation, table of contents, sources, home
  and section list), output folder deleted first. Hugo builds no search; Pagefind
  (`python3 -m pagefind --site`, extended, which segments Japanese) indexes Hugo's output.
- Output: the whole output folder after a clean run (Hugo + Pagefind: with `pagefind/`). Search
  files: what a browser may load for search (portal's `search/`, Pagefind's `pagefind/`).
  portal's output also holds `search-index.json` for other tools (not loaded by the page).

{table}

The clean rows of both tools create every file in a folder deleted just before. This machine's
ext4 has no journal, and then the kernel does not reuse an inode freed in the last minute or so
(`recently_deleted` in `fs/ext4/ialloc.c`): every file created scans past each inode deleted
lately in its block group. After a clean build deleted fourteen thousand files, that scan was
29 % of all the CPU samples of the next clean build (`perf`, by hand on 2026-12-04), for Hugo as for portal, and it swings
from round to round with what was deleted when. So the on-disk clean ratio is known only roughly;
the two rows "in memory" run the same clean builds with the output on tmpfs (`/dev/shm`), where
there is no such scan, and compare the tools' own work (ratios there are to Hugo in memory).
Clean runs, round by round (s): {rounds}.
"""
    phases = f"""{PHASES_SECTION}

Measured {time.strftime('%Y-%m-%d', time.gmtime())} with `bench/build_bench.py`: the median of each step `portal build --timings`
printed in the clean runs above, with the resident memory when it ended (`VmRSS`, MiB); the
last column is the whole run's wall time and peak (`ru_maxrss`). The steps overlap: pages are
written by one thread from the moment each is rendered while rendering and indexing go on, and
`write` is the rest of that writing, the index's files and the swap, after the index is done.

{phase_table}
"""
    benchlib.write_section(args.bench_md, SECTION, section)
    benchlib.write_section(args.bench_md, PHASES_SECTION, phases)


if __name__ == "__main__":
    main()
