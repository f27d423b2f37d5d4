#!/usr/bin/env python3
"""Watch benchmark: time from saving one page to the rebuilt output being in place.

    python3 bench/watch_bench.py                 # what bench/run.sh runs (BENCH_SKIP_WATCH=1 skips)
    python3 bench/watch_bench.py --pages 1000 --edits 6 --no-write

1. Copies the generated corpus bench/corpus/N (made with bench/gen_corpus.py if absent) and the
   repository's templates into bench/out/watch-N, and times full builds (`portal build
   --no-cache`) into an existing output folder there (the median of --full-runs): the reference.
2. Starts `portal watch --timings` on that copy and waits for its first build. Then, --edits times,
   saves one guidance page (alternately: a word replaced in a paragraph, a sentence appended) and
   measures, from just before the write to the moment watch prints its "changed:" line, the
   time until the rebuilt output is in place (the line is printed after the last file is written;
   the script then checks the page's output holds the new text). This includes watch's debounce
   (an editor's save is several events) and its look at the changed paths.
3. Writes a table into BENCHMARKS.md under "## Watch: one-page rebuild" (other sections are kept).
"""

import argparse
import os
import queue
import shutil
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

ROOT = benchlib.ROOT
HEADING = "## Watch: one-page rebuild"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--portal", default=os.path.join(ROOT, ".build/release/portal"))
    ap.add_argument("--pages", type=int, default=10000)
    ap.add_argument("--edits", type=int, default=10)
    ap.add_argument("--full-runs", type=int, default=3)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    portal = os.path.abspath(args.portal)
    benchlib.wait_for_portal(portal)

    corpus = os.path.join(ROOT, "bench/corpus", str(args.pages))
    if not os.path.isdir(os.path.join(corpus, "portal/content")):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench/gen_corpus.py"), "--pages", str(args.pages), "--out", corpus], check=True)
    work = os.path.join(ROOT, "bench/out", f"watch-{args.pages}")
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(os.path.join(corpus, "portal/content"), os.path.join(work, "content"))
    shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(work, "templates"))
    content, templates, output = (os.path.join(work, d) for d in ("content", "templates", "output"))

    print(f"== full builds of {args.pages} pages", flush=True)
    benchlib.run_build(portal, content, output, templates)  # the output folder exists from here on
    # The reference is a full build: everything loaded, parsed, rendered and indexed again
    # (--no-cache; a build with the cache is itself incremental).
    fulls = [benchlib.run_build(portal, content, output, templates, extra=["--no-cache"])[0] for _ in range(args.full_runs)]
    full = benchlib.median(fulls)
    print(f"full build: median {full:.3f} s of {', '.join(f'{f:.3f}' for f in fulls)}")

    proc = subprocess.Popen([portal, "watch", "--timings", "--content", content, "--templates", templates, "--output", output],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
    lines = queue.Queue()

    def pump(stream):
        for line in stream:
            lines.put((time.perf_counter(), line.rstrip("\n")))

    for stream in (proc.stdout, proc.stderr):
        threading.Thread(target=pump, args=(stream,), daemon=True).start()

    def wait_for(predicate, timeout=300):
        end = time.perf_counter() + timeout
        seen = []
        while time.perf_counter() < end:
            try:
                t, line = lines.get(timeout=0.5)
            except queue.Empty:
                if proc.poll() is not None:
                    raise SystemExit("bench: portal watch exited:\n" + "\n".join(seen))
                continue
            seen.append(line)
            if "error:" in line:
                raise SystemExit(f"bench: portal watch reported an error: {line}")
            if predicate(line):
                return t, seen
        raise SystemExit("bench: timed out waiting for portal watch:\n" + "\n".join(seen[-20:]))

    rows = []
    try:
        wait_for(lambda l: l.startswith("watching"))
        pages = sorted(f for f in os.listdir(os.path.join(content, "guidance")) if f.endswith(".md"))
        for i in range(args.edits):
            time.sleep(1.0)
            name = pages[(i * 7919) % len(pages)]
            path = os.path.join(content, "guidance", name)
            text = open(path, encoding="utf-8").read()
            marker = f"編集{i:03d}"
            if i % 2 == 0:
                cut = text.index("。", text.index("\n---", 4) + 4)  # inside the body's first sentence
                new = text[:cut] + marker + text[cut:]
                kind = "word added to a paragraph"
            else:
                new = text + f"\n{marker}：手順を見直しました。\n"
                kind = "sentence appended"
            t0 = time.perf_counter()
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(new)
            t1, seen = wait_for(lambda l: " changed: " in l or " changed:" in l)
            # --timings goes to standard error, the summary to standard output: collect the
            # phase lines that arrive just after.
            while True:
                try:
                    seen.append(lines.get(timeout=0.3)[1])
                except queue.Empty:
                    break
            html = open(os.path.join(output, "guidance", name[:-3] + ".html"), encoding="utf-8").read()
            if marker not in html:
                raise SystemExit(f"bench: {name}'s page does not hold the edit after the rebuild")
            phases = {}
            for line in seen:
                m = benchlib.PHASE_RE.match(line.strip())
                if m:
                    phases[m.group(1)] = float(m.group(2))
            summary = next(l for l in seen if "changed:" in l)
            files = summary.split("updated ", 1)[1].split(" of ", 1)[0] if "updated " in summary else "all"
            rows.append((kind, t1 - t0, phases, files))
            print(f"  {kind}: {(t1 - t0) * 1000:.0f} ms ({files} files) {phases}", flush=True)
    finally:
        proc.send_signal(2)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()

    times = [r[1] for r in rows]
    med = benchlib.median(times)
    table = ["| edit | save → output in place (ms) | % of full build | files written | load / parse / render / index / encode / write (ms) |",
             "|---|---:|---:|---:|---|"]
    for kind, t, phases, files in rows:
        parts = " / ".join(f"{phases.get(p, float('nan')) * 1000:.0f}" for p in ("load", "parse", "render", "index", "encode", "write"))
        table.append(f"| {kind} | {t * 1000:.0f} | {t / full * 100:.1f} % | {files} | {parts} |")
    verdict = "met" if med <= 0.05 * full else "not met"
    section = f"""{HEADING}

Measured {benchlib.today()} with `bench/watch_bench.py` (run by `bench/run.sh`; `BENCH_SKIP_WATCH=1`
skips it) on the {args.pages}-page corpus of `bench/gen_corpus.py`.

- Machine: {benchlib.machine()}
- Versions: {benchlib.version([portal, '--version'])}
- Full build: `portal build --no-cache` (every page loaded, parsed, rendered and indexed) into the
  existing output folder, median of {len(fulls)}: **{full:.3f} s**.
- One-page rebuild: `portal watch` running; one page saved at a time ({len(rows)} saves, 1 s apart,
  each a different page); time from just before the write to watch's "changed:" line, which it
  prints after the last file is written (the page's output is then checked for the edit). It
  includes the 30 ms debounce and the look at the paths inotify named; the phases are watch's own
  `--timings` for that rebuild.
- Median **{med * 1000:.0f} ms = {med / full * 100:.1f} % of the full build**; target ≤ 5 %: {verdict}.

{chr(10).join(table)}
"""
    print()
    print(section)
    if not args.no_write:
        benchlib.write_section(os.path.join(ROOT, "BENCHMARKS.md"), HEADING, section)


if __name__ == "__main__":
    main()
