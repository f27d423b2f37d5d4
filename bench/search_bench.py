#!/usr/bin/env python3
"""Search benchmark: index size, bytes loaded per query and query time, from file://.

    python3 bench/search_bench.py                    # what bench/run.sh runs (BENCH_SKIP_SEARCH=1 skips)
    python3 bench/search_bench.py --sizes 1000 --reps 3 --no-compare --no-write

1. Builds the sample portal (content/) and the generated corpora bench/corpus/N (made with
   bench/gen_corpus.py if absent) with `portal build --timings` into bench/out/search-<name>, and
   reports the bytes of output/search/ and of search-index.json and the number of shard files.
2. In headless Chromium, for each query:
   - opens search.html?q=<query> from file:// and sums, from disk, the search/*.js files that query
     loaded (Resource Timing entries under /search/, and the <script> elements whose src contains
     /search/, since file:// pages may record no entries); also the time from navigationStart to
     the results being in the page (a MutationObserver installed before the page's scripts run);
   - on a fresh search.html (nothing loaded yet) times `PortalSearch.search(query, 50)` with
     performance.now() in the page: the first call (loads meta, term shards and document chunks as
     classic scripts) and the median of --reps repeats (everything cached: the cost once the
     shards have arrived).
3. Unless --no-compare: MkDocs Material (search + offline plugins, lang ja) on the 1,000-page
   corpus, and Pagefind (PyPI `pagefind[extended]`) over the Hugo build of it: build time, index
   size, whether search works from file:// (and, for contrast, over http://localhost).
   The tools are installed into bench/out/venv-compare on first use (PyPI).
4. Writes the tables into BENCHMARKS.md under "## Search: index size and query cost" (other
   sections are kept). Raw results: bench/out/search-bench.json.
"""

import argparse
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from urllib.parse import quote, unquote, urlparse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

ROOT = benchlib.ROOT
OUT = os.path.join(ROOT, "bench/out")
SECTION = "## Search: index size and query cost"
BYTE_BUDGET = 300_000       # 300 kB per typical query at 10,000 pages
TIME_BUDGET_MS = 50.0       # answer within 50 ms once the shards have arrived
TARGET_SIZE = 10000
FRESH_LOADS = 3             # first query: median over this many fresh pages

# Typical queries: Japanese words of 2-7 characters, two words, a one-kanji prefix query (the
# expensive kind: every term of the shard starting with that kanji), an English word of the corpus.
QUERIES = ["ランサムウェア", "VPN", "通報", "バックアップ 復元", "脆弱性", "ログ", "窓", "鍵", "対", "CSIRT"]

# Installed before any script of the page runs: records when the results (or the no-result
# message) are in the page, and the shards loaded.
OBSERVER_JS = r"""
(function () {
  var done = false;
  function check() {
    if (done) return;
    var status = document.getElementById('search-status');
    var list = document.getElementById('search-results');
    if (!status || !list) return;
    var text = status.textContent;
    if (!text || text === '検索しています…') {
      if (!document.querySelector('.search-empty')) return;
    }
    done = true;
    window.__searchShown = performance.now();
  }
  new MutationObserver(check).observe(document, {subtree: true, childList: true, characterData: true});
})();
"""

STATE_JS = r"""
var status = document.getElementById('search-status');
var list = document.getElementById('search-results');
var res = performance.getEntriesByType('resource').map(function (e) { return e.name; })
  .filter(function (n) { return n.indexOf('/search/') >= 0; });
var scripts = Array.prototype.map.call(document.querySelectorAll('script[src]'), function (s) { return s.src; })
  .filter(function (n) { return n.indexOf('/search/') >= 0; });
return {shown: window.__searchShown === undefined ? null : window.__searchShown,
        status: status ? status.textContent : null, results: list ? list.children.length : 0,
        empty: !!document.querySelector('.search-empty'), resources: res, scripts: scripts};
"""

TIME_JS = r"""
var query = arguments[0], reps = arguments[1], done = arguments[arguments.length - 1];
var times = [];
var first = null, firstTotal = 0, firstShown = 0;
function once() {
  var t0 = performance.now();
  return window.PortalSearch.search(query, 50).then(function (r) {
    var t = performance.now() - t0;
    if (first === null) { first = t; firstTotal = r.total; firstShown = r.results.length; }
    else times.push(t);
    return r;
  });
}
var chain = once();
for (var i = 0; i < reps; i++) chain = chain.then(once);
chain.then(function () {
  var scripts = Array.prototype.map.call(document.querySelectorAll('script[src]'), function (s) { return s.src; })
    .filter(function (n) { return n.indexOf('/search/') >= 0; });
  done({first: first, repeats: times, total: firstTotal, shown: firstShown, scripts: scripts});
}, function (e) { done({error: String(e && e.message || e)}); });
"""

BOX_JS = r"""
var done = arguments[arguments.length - 1];
window.PortalSearch.search(arguments[0], 8).then(function () {
  done({scripts: Array.prototype.map.call(document.querySelectorAll('script[src]'), function (s) { return s.src; })
    .filter(function (n) { return n.indexOf('/search/') >= 0; })});
}, function (e) { done({scripts: [], error: String(e)}); });
"""


def log(msg):
    print(msg, flush=True)


def dir_bytes(path):
    total = files = 0
    for dirpath, _, names in os.walk(path):
        for n in names:
            total += os.path.getsize(os.path.join(dirpath, n))
            files += 1
    return total, files


def url_to_path(url):
    p = urlparse(url)
    return unquote(p.path) if p.scheme == "file" else None


def kb(n):
    return f"{n / 1000:,.1f} kB" if n < 1e6 else f"{n / 1e6:,.2f} MB"


# ---- corpora and builds ------------------------------------------------------------------------

def ensure_corpus(n):
    corpus = os.path.join(ROOT, f"bench/corpus/{n}")
    guidance = os.path.join(corpus, "portal/content/guidance")
    have = len([f for f in os.listdir(guidance) if f.endswith(".md")]) if os.path.isdir(guidance) else 0
    if have != n or not os.path.isdir(os.path.join(corpus, "hugo")):
        log(f"== generating {os.path.relpath(corpus, ROOT)}")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench/gen_corpus.py"), "--pages", str(n), "--out", corpus],
                       check=True)
    return os.path.join(corpus, "portal/content")


def build_site(portal, name, content):
    output = os.path.join(OUT, f"search-{name}")
    wall, phases, last = benchlib.run_build(portal, content, output)
    log(f"  build {name}: {wall:.2f} s wall, index phase {phases.get('index', float('nan')):.2f} s; {last}")
    search_dir = os.path.join(output, "search")
    total, files = dir_bytes(search_dir)
    names = os.listdir(search_dir)
    terms = [f for f in names if f.startswith("terms-")]
    docs = [f for f in names if f.startswith("docs-")]
    largest_terms = max((os.path.getsize(os.path.join(search_dir, f)) for f in terms), default=0)
    index_json = os.path.getsize(os.path.join(output, "search-index.json"))
    meta = json.load(open(os.path.join(output, "search-index.json"), encoding="utf-8"))
    return {"output": output, "wall": wall, "phases": phases, "search_bytes": total, "search_files": files,
            "terms_files": len(terms), "docs_files": len(docs), "largest_terms": largest_terms,
            "meta_bytes": os.path.getsize(os.path.join(search_dir, "meta.js")),
            "index_json_bytes": index_json, "documents": len(meta["documents"]), "terms": count_terms(search_dir, terms)}


def count_terms(search_dir, shard_names):
    """Terms in the page's shards (search-index.json lists them only with --json-index full)."""
    count = 0
    for name in shard_names:
        text = open(os.path.join(search_dir, name), encoding="utf-8").read()
        body = text[text.index("{"):text.rindex("}") + 1]
        count += len(json.loads(body))
    return count


# ---- the portal's own search in Chromium ---------------------------------------------------------

def measure_queries(site, queries, reps):
    driver = benchlib.chromium()
    results = {}
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": OBSERVER_JS})
        page = os.path.join(site["output"], "search.html")
        base = benchlib.file_url(page)
        for q in queries:
            # (a) search.html?q=…: what the page itself loads, and when the results are shown.
            driver.get("about:blank")
            driver.get(base + "?q=" + quote(q))
            deadline = time.time() + 300
            while True:
                st = driver.execute_script(STATE_JS)
                if st["shown"] is not None or time.time() > deadline:
                    break
                time.sleep(0.05)
            if st["shown"] is None:
                raise SystemExit(f"bench: search.html?q={q} showed no results in 300 s: {st['status']!r}")
            urls = sorted(set(st["resources"]) | set(st["scripts"]))
            files = [url_to_path(u) for u in urls]
            sizes = {os.path.basename(f): os.path.getsize(f) for f in files if f and os.path.exists(f)}
            m = re.search(r"：(\d+)件", st["status"] or "")
            total = int(m.group(1)) if m else 0
            # (b) a fresh search.html (no query, nothing loaded): first call, then repeats; the
            # first call on FRESH_LOADS fresh pages (median).
            firsts = []
            for i in range(FRESH_LOADS):
                driver.get("about:blank")
                driver.get(base)
                ti = driver.execute_async_script(TIME_JS, q, reps if i == 0 else 0)
                if ti.get("error"):
                    raise SystemExit(f"bench: PortalSearch.search({q!r}) failed: {ti['error']}")
                if i == 0:
                    t = ti
                firsts.append(ti["first"])
            t["first"] = benchlib.median(firsts)
            if t["total"] != total:
                raise SystemExit(f"bench: {q!r}: search() found {t['total']}, search.html says {total}")
            same = sorted(os.path.basename(url_to_path(u)) for u in t["scripts"]) == sorted(sizes)
            # (c) the header box (results as you type) asks for 8 results: what that loads.
            driver.get("about:blank")
            driver.get(base)
            box = driver.execute_async_script(BOX_JS, q)
            box_sizes = {os.path.basename(url_to_path(u)): os.path.getsize(url_to_path(u)) for u in box["scripts"]}
            results[q] = {
                "total": total, "shown": st["results"], "files": sizes, "bytes": sum(sizes.values()),
                "resource_entries": len(st["resources"]), "script_elements": len(st["scripts"]),
                "same_files_via_api": same, "page_shown_ms": st["shown"], "first_all_ms": firsts,
                "first_ms": t["first"], "repeat_ms": benchlib.median(t["repeats"]),
                "repeat_max_ms": max(t["repeats"]) if t["repeats"] else None,
                "box_files": box_sizes, "box_bytes": sum(box_sizes.values()),
            }
            r = results[q]
            log(f"  {q}: {r['total']} results, {len(sizes)} files {kb(r['bytes'])} "
                f"(entries {r['resource_entries']}, scripts {r['script_elements']}), first {r['first_ms']:.1f} ms, "
                f"repeat {r['repeat_ms']:.1f} ms, page nav→results {r['page_shown_ms']:.0f} ms; header box {kb(r['box_bytes'])}")
        severe = [e.get("message", "") for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        if severe:
            log(f"  console errors: {severe[:3]}")
    finally:
        driver.quit()
    return results, severe


# ---- MkDocs Material and Pagefind ----------------------------------------------------------------

VENV = os.path.join(OUT, "venv-compare")


def venv_tool(check_args, packages, logname):
    """Python of a venv holding the comparison tools; installs them from PyPI on first use.
    Returns (python path, None) or (None, error text)."""
    py = os.path.join(VENV, "bin/python")
    if os.path.exists(py):
        ok = subprocess.run([py] + check_args, capture_output=True, text=True)
        if ok.returncode == 0:
            return py, None
    logf = os.path.join(OUT, logname)
    try:
        if not os.path.exists(py):
            subprocess.run([sys.executable, "-m", "venv", VENV], check=True, capture_output=True, text=True)
        p = subprocess.run([py, "-m", "pip", "install", "-q"] + packages, capture_output=True, text=True)
        open(logf, "w", encoding="utf-8").write(p.stdout + p.stderr)
        if p.returncode != 0:
            return None, (p.stderr.strip().splitlines() or ["pip failed"])[-1]
        ok = subprocess.run([py] + check_args, capture_output=True, text=True)
        if ok.returncode != 0:
            return None, (ok.stderr.strip().splitlines() or ["not runnable"])[-1]
        return py, None
    except (OSError, subprocess.CalledProcessError) as e:
        return None, str(e)


FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def mkdocs_site(n):
    """Converts bench/corpus/N's guidance pages to an MkDocs project in bench/out/mkdocs-N."""
    src = os.path.join(ROOT, f"bench/corpus/{n}/portal/content/guidance")
    proj = os.path.join(OUT, f"mkdocs-{n}")
    shutil.rmtree(proj, ignore_errors=True)
    docs = os.path.join(proj, "docs/guidance")
    os.makedirs(docs)
    for name in sorted(os.listdir(src)):
        if not name.endswith(".md"):
            continue
        text = open(os.path.join(src, name), encoding="utf-8").read()
        m = FRONT.match(text)
        title = name[:-3]
        if m:
            t = re.search(r"^title:\s*(.+)$", m.group(1), re.M)
            if t:
                title = t.group(1).strip().strip('"\'')
            text = text[m.end():]
        with open(os.path.join(docs, name), "w", encoding="utf-8") as fh:
            fh.write(f"# {title}\n\n{text}")
    with open(os.path.join(proj, "docs/index.md"), "w", encoding="utf-8") as fh:
        fh.write("# ベンチマーク用ポータル\n\n[ガイダンス](guidance/page-00001.md)\n")
    with open(os.path.join(proj, "mkdocs.yml"), "w", encoding="utf-8") as fh:
        fh.write("site_name: ベンチマーク用ポータル\n"
                 "theme:\n  name: material\n  language: ja\n"
                 "plugins:\n  - search:\n      lang: ja\n  - offline\n"
                 "markdown_extensions:\n  - attr_list\n")
    return proj


def run_mkdocs(n, runs):
    py, err = venv_tool(["-m", "mkdocs", "--version"], ["mkdocs-material"], "pip-mkdocs.log")
    if not py:
        return {"error": f"install: {err}"}
    version = subprocess.run([py, "-m", "mkdocs", "--version"], capture_output=True, text=True).stdout.strip()
    m = re.search(r"version ([0-9.]+)", version)
    version = m.group(1) if m else version
    material = subprocess.run([py, "-c", "import importlib.metadata as m; print(m.version('mkdocs-material'))"],
                              capture_output=True, text=True).stdout.strip()
    proj = mkdocs_site(n)
    walls = []
    for i in range(runs):
        t0 = time.perf_counter()
        p = subprocess.run([py, "-m", "mkdocs", "build", "-q", "-f", os.path.join(proj, "mkdocs.yml"),
                            "-d", os.path.join(proj, "site")], capture_output=True, text=True, cwd=proj)
        walls.append(time.perf_counter() - t0)
        if p.returncode != 0:
            return {"error": "mkdocs build: " + (p.stderr.strip().splitlines() or ["failed"])[-1]}
        log(f"  mkdocs build {i + 1}/{runs}: {walls[-1]:.1f} s")
    site = os.path.join(proj, "site")
    search = os.path.join(site, "search")
    files = {f: os.path.getsize(os.path.join(search, f)) for f in sorted(os.listdir(search))}
    # The offline plugin turns off directory URLs: guidance/page-00001.html.
    pages = sum(1 for d, _, fs in os.walk(os.path.join(site, "guidance")) for f in fs if f.endswith(".html"))
    first = os.path.join(site, "guidance/page-00001.html")
    if not os.path.exists(first):
        first = os.path.join(site, "guidance/page-00001/index.html")
    res = {"version": version, "material": material, "wall": benchlib.median(walls), "walls": walls,
           "search_files": files, "pages": pages, "site_bytes": dir_bytes(site)[0]}
    res["file_url"] = mkdocs_file_check(first)
    return res


def mkdocs_file_check(page):
    """Types a query into Material's search box on file:// and waits for results."""
    from selenium.webdriver.common.by import By
    driver = benchlib.chromium()
    try:
        driver.get(benchlib.file_url(page))
        time.sleep(3)
        visible = driver.execute_script(
            "var s = document.querySelector('.md-search'); return !!s && getComputedStyle(s).display !== 'none'")
        if not visible:
            severe = [e.get("message", "") for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
            shim = [e for e in severe if "iframe-worker" in e]
            return {"works": False, "error": "search box hidden" + (": " + shim[0] if shim else ""), "errors": severe[:3]}
        box = driver.find_element(By.CSS_SELECTOR, "input.md-search__input")
        t0 = time.time()
        box.send_keys("ランサムウェア")
        items = 0
        meta = ""
        while time.time() - t0 < 30:
            items = len(driver.find_elements(By.CSS_SELECTOR, ".md-search-result__item"))
            meta = driver.execute_script("var m=document.querySelector('.md-search-result__meta'); return m ? m.textContent : ''")
            if items:
                break
            time.sleep(0.2)
        severe = [e.get("message", "") for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        return {"works": items > 0, "results": items, "meta": meta.strip(), "errors": severe[:3]}
    except Exception as e:  # noqa: BLE001 - record whatever went wrong
        return {"works": False, "error": f"{type(e).__name__}: {e}".splitlines()[0]}
    finally:
        driver.quit()


PAGEFIND_CHECK = """<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>pagefind check</title></head><body>
<p id="out">running</p>
<script type="module">
const out = document.getElementById("out");
try {
  const pf = await import("./pagefind/pagefind.js");
  await pf.options({});
  const t0 = performance.now();
  const r = await pf.search("ランサムウェア");
  const shown = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
  const ms = performance.now() - t0;
  const bytes = performance.getEntriesByType("resource").filter((e) => e.name.includes("/pagefind/"))
    .reduce((n, e) => n + (e.encodedBodySize || 0), 0);
  window.__pagefind = {ok: true, results: r.results.length, first: shown.length ? shown[0].url : null, ms, bytes};
} catch (e) {
  window.__pagefind = {ok: false, error: String(e && e.message || e)};
}
out.textContent = JSON.stringify(window.__pagefind);
</script>
</body></html>
"""


def pagefind_check(driver, url):
    driver.get("about:blank")
    driver.get(url)
    t0 = time.time()
    r = None
    while time.time() - t0 < 30:
        r = driver.execute_script("return window.__pagefind || null")
        if r:
            break
        time.sleep(0.2)
    severe = [e.get("message", "") for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    return {"result": r or {"ok": False, "error": "no answer in 30 s"}, "errors": severe[:3]}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def run_pagefind(n, runs):
    py, err = venv_tool(["-m", "pagefind", "--version"], ["pagefind[extended]"], "pip-pagefind.log")
    if not py:
        return {"error": f"install: {err}"}
    version = subprocess.run([py, "-m", "pagefind", "--version"], capture_output=True, text=True).stdout.strip()
    hugo_out = os.path.join(OUT, f"hugo-{n}")
    site = os.path.join(OUT, f"pagefind-{n}/site")
    shutil.rmtree(os.path.dirname(site), ignore_errors=True)
    if os.path.isdir(os.path.join(hugo_out, "guidance")):
        shutil.copytree(hugo_out, site)
        origin = f"bench/out/hugo-{n}"
    else:
        if not shutil.which("hugo"):
            return {"error": "no Hugo output and hugo is not installed"}
        p = subprocess.run(["hugo", "--quiet", "-s", os.path.join(ROOT, f"bench/corpus/{n}/hugo"), "-d", site],
                           capture_output=True, text=True)
        if p.returncode != 0:
            return {"error": "hugo: " + (p.stderr.strip().splitlines() or ["failed"])[-1]}
        origin = f"hugo -s bench/corpus/{n}/hugo"
    walls = []
    out_text = ""
    for i in range(runs):
        shutil.rmtree(os.path.join(site, "pagefind"), ignore_errors=True)
        t0 = time.perf_counter()
        p = subprocess.run([py, "-m", "pagefind", "--site", site], capture_output=True, text=True)
        walls.append(time.perf_counter() - t0)
        out_text = p.stdout + p.stderr
        if p.returncode != 0:
            return {"error": "pagefind: " + (p.stderr.strip().splitlines() or ["failed"])[-1]}
        log(f"  pagefind {i + 1}/{runs}: {walls[-1]:.1f} s")
    m = re.search(r"Indexed (\d+) pages?", out_text)
    lang = re.findall(r'Language ([a-z-]+)', out_text) or re.findall(r"\[(\w+)\]", out_text)
    pf_dir = os.path.join(site, "pagefind")
    total, files = dir_bytes(pf_dir)
    kinds = {}
    for dirpath, _, names in os.walk(pf_dir):
        for f in names:
            ext = f.rsplit(".", 2)[-1] if "." in f else f
            key = {"pf_fragment": "fragments", "pf_index": "index chunks", "pf_meta": "meta",
                   "pf_filter": "filters"}.get(ext, ext)
            kinds.setdefault(key, [0, 0])
            kinds[key][0] += 1
            kinds[key][1] += os.path.getsize(os.path.join(dirpath, f))
    with open(os.path.join(site, "pagefind-check.html"), "w", encoding="utf-8") as fh:
        fh.write(PAGEFIND_CHECK)
    res = {"version": version, "origin": origin, "wall": benchlib.median(walls), "walls": walls,
           "indexed": int(m.group(1)) if m else None, "bytes": total, "files": files, "kinds": kinds,
           "log_tail": out_text.strip().splitlines()[-8:]}
    driver = benchlib.chromium()
    server = None
    try:
        res["file_url"] = pagefind_check(driver, benchlib.file_url(os.path.join(site, "pagefind-check.html")))
        handler = functools.partial(QuietHandler, directory=site)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        res["http"] = pagefind_check(driver, f"http://127.0.0.1:{server.server_address[1]}/pagefind-check.html")
    finally:
        driver.quit()
        if server:
            server.shutdown()
    return res


# ---- main ----------------------------------------------------------------------------------------

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="*", type=int,
                    default=[int(s) for s in os.environ.get("BENCH_SEARCH_SIZES", "1000 10000").split()])
    ap.add_argument("--queries", nargs="*", default=QUERIES)
    ap.add_argument("--reps", type=int, default=5, help="repeats of each query once cached (median)")
    ap.add_argument("--compare-size", type=int, default=1000)
    ap.add_argument("--compare-runs", type=int, default=int(os.environ.get("BENCH_COMPARE_RUNS", "1")))
    ap.add_argument("--no-compare", action="store_true", default=os.environ.get("BENCH_SKIP_COMPARE") == "1")
    ap.add_argument("--portal", default=os.environ.get("PORTAL", benchlib.DEFAULT_PORTAL))
    ap.add_argument("--bench-md", default=os.path.join(ROOT, "BENCHMARKS.md"))
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    portal = os.path.abspath(args.portal) if os.path.sep in args.portal else args.portal
    benchlib.wait_for_portal(portal)
    os.makedirs(OUT, exist_ok=True)

    sites = [("sample", os.path.join(ROOT, "content"))]
    for n in args.sizes:
        sites.append((str(n), ensure_corpus(n)))
    builds, queries, console = {}, {}, {}
    load_avg = []
    for name, content in sites:
        log(f"== search: {name}")
        builds[name] = build_site(portal, name, content)
        queries[name], console[name] = measure_queries(builds[name], args.queries, args.reps)
        load_avg.append(os.getloadavg()[0])

    compare = {}
    if not args.no_compare:
        n = args.compare_size
        ensure_corpus(n)
        for tool, fn in (("mkdocs", run_mkdocs), ("pagefind", run_pagefind)):
            log(f"== compare: {tool} on {n} pages")
            try:
                compare[tool] = fn(n, args.compare_runs)
            except Exception as e:  # noqa: BLE001 - a comparison must not stop the benchmark
                compare[tool] = {"error": f"{type(e).__name__}: {e}".splitlines()[0]}
            log(f"  {json.dumps(compare[tool], ensure_ascii=False)[:600]}")

    raw = {"queries_list": args.queries, "reps": args.reps, "builds": builds, "queries": queries,
           "console_errors": console, "compare": compare}
    with open(os.path.join(OUT, "search-bench.json"), "w", encoding="utf-8") as fh:
        json.dump(raw, fh, ensure_ascii=False, indent=1)

    # ---- report ----
    names = [name for name, _ in sites]

    def pages_label(name):
        return "sample portal" if name == "sample" else f"{int(name):,} pages"

    size_table = ["| site | documents | terms | build (s) / index phase (s) | `search/` total | shard files (terms + docs + meta) | largest terms shard | `search-index.json` |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name in names:
        b = builds[name]
        size_table.append(f"| {pages_label(name)} | {b['documents']:,} | {b['terms']:,} | {b['wall']:.2f} / {b['phases'].get('index', float('nan')):.2f} "
                          f"| {kb(b['search_bytes'])} | {b['search_files']} ({b['terms_files']} + {b['docs_files']} + 1) "
                          f"| {kb(b['largest_terms'])} | {kb(b['index_json_bytes'])} |")

    query_table = ["| site | query | hits | `search.html?q=`: `search/*.js` loaded | header box (8 results): loaded "
                   "| first query (ms) | repeat, cached (ms) | page: navigation → results (ms) |",
                   "|---|---|---:|---:|---:|---:|---:|---:|"]
    over_bytes, over_time = [], []
    for name in names:
        for q in args.queries:
            r = queries[name][q]
            mark_b = mark_t = ""
            if name == str(TARGET_SIZE):
                if r["bytes"] > BYTE_BUDGET:
                    mark_b = " ❌"
                    over_bytes.append((q, r))
                if r["repeat_ms"] > TIME_BUDGET_MS:
                    mark_t = " ❌"
                    over_time.append((q, r))
            query_table.append(f"| {pages_label(name)} | {q} | {r['total']:,} | {kb(r['bytes'])} ({len(r['files'])} files){mark_b} "
                               f"| {kb(r['box_bytes'])} | {r['first_ms']:.1f} | {r['repeat_ms']:.1f}{mark_t} | {r['page_shown_ms']:.0f} |")

    entries_note = ("Resource Timing had entries for the shard scripts on file:// in this Chromium"
                    if any(queries[n][q]["resource_entries"] for n in names for q in args.queries)
                    else "Resource Timing recorded no entries on file://, so the files are the page's\n"
                         "  `<script>` elements whose src contains `/search/`")
    notes = []
    if str(TARGET_SIZE) in queries:
        if over_bytes:
            notes.append(f"- **Byte budget missed** at {TARGET_SIZE:,} pages (≤ {BYTE_BUDGET // 1000} kB of `search/*.js` per typical query):")
            for q, r in over_bytes:
                parts = {"meta": [0, 0], "terms": [0, 0], "docs": [0, 0]}
                for f, size in r["files"].items():
                    key = f.split("-")[0].split(".")[0]
                    parts.setdefault(key, [0, 0])
                    parts[key][0] += 1
                    parts[key][1] += size
                notes.append(f"  - {q}: {kb(r['bytes'])}, {kb(r['bytes'] - BYTE_BUDGET)} over (×{r['bytes'] / BYTE_BUDGET:.1f}): "
                             f"term shards {kb(parts['terms'][1])} ({parts['terms'][0]} file{'s' if parts['terms'][0] != 1 else ''}, largest "
                             f"{kb(max((v for k, v in r['files'].items() if k.startswith('terms-')), default=0))}), "
                             f"document chunks {kb(parts['docs'][1])} ({parts['docs'][0]} files), meta {kb(parts['meta'][1])}; "
                             f"header box {kb(r['box_bytes'])}")
        else:
            notes.append(f"- Byte budget met at {TARGET_SIZE:,} pages: every query ≤ {BYTE_BUDGET // 1000} kB.")
        if over_time:
            notes.append(f"- **Time budget missed** at {TARGET_SIZE:,} pages (≤ {TIME_BUDGET_MS:.0f} ms once the shards are loaded, repeat median):")
            for q, r in over_time:
                notes.append(f"  - {q}: {r['repeat_ms']:.1f} ms (+{r['repeat_ms'] - TIME_BUDGET_MS:.1f} ms)")
        else:
            notes.append(f"- Time budget met at {TARGET_SIZE:,} pages: every query answers within {TIME_BUDGET_MS:.0f} ms once its shards are loaded.")

    if any(console.values()):
        notes.append("- Console errors: " + "; ".join(f"{n}: {len(e)}" for n, e in console.items() if e)
                     + " (see bench/out/search-bench.json)")
    notes.append(f"- Load average (1 min) after each site's browser run: {', '.join(f'{a:.1f}' for a in load_avg)} "
                 f"(the machine is shared; first-query times are sensitive to that).")

    cmp_lines = []
    if compare:
        n = args.compare_size
        b = builds.get(str(n))
        cmp_table = [f"| tool ({n:,} pages) | build / index time (s) | search index | files | search from file:// |",
                     "|---|---:|---:|---:|---|"]
        if b:
            cmp_table.append(f"| portal | {b['wall']:.2f} (whole build; index phase {b['phases'].get('index', float('nan')):.2f}) "
                             f"| {kb(b['search_bytes'])} (`search/`) | {b['search_files']} | works (classic scripts) |")
        mk = compare.get("mkdocs", {})
        if "error" in mk:
            cmp_table.append(f"| MkDocs Material | — | — | — | not run: `{mk['error']}` |")
        elif mk:
            idx = ", ".join(f"`{f}` {kb(s)}" for f, s in mk["search_files"].items())
            fu = mk.get("file_url", {})
            if fu.get("works"):
                works = f"works ({fu.get('results')} results shown)"
            elif "iframe-worker" in (fu.get("error") or ""):
                works = ("does not work offline: on file:// the offline plugin loads `https://unpkg.com/iframe-worker/shim` "
                         "(here `net::ERR_NAME_NOT_RESOLVED`, no internet) and the search box stays hidden")
            else:
                works = "does not work: `" + (fu.get("error") or "; ".join(fu.get("errors") or []) or "no results")[:220] + "`"
            cmp_table.append(f"| MkDocs {mk['version']}, Material {mk['material']} | {mk['wall']:.1f} (whole build; site {kb(mk['site_bytes'])}) | {idx} "
                             f"| {len(mk['search_files'])} | {works} |")
        pf = compare.get("pagefind", {})
        if "error" in pf:
            cmp_table.append(f"| Pagefind | — | — | — | not run: `{pf['error']}` |")
        elif pf:
            fr = pf["file_url"]["result"]
            hr = pf.get("http", {}).get("result", {})
            if fr.get("ok"):
                works = f"works ({fr['results']} results)"
            else:
                err = (pf["file_url"]["errors"] or [fr.get("error", "")])[0]
                err = re.sub(r"^\S+ - ", "", err)                       # "<page url> - message"
                err = re.sub(r"file://\S*/(pagefind/\S+?)'", r"\1'", err)  # long paths -> pagefind/…
                if len(err) > 260:
                    err = err[:260] + "…"
                works = f"does not work: `{err}`"
            works += (f"; over http://127.0.0.1 it works: ランサムウェア {hr.get('results')} results, "
                      f"{kb(hr.get('bytes') or 0)} of `pagefind/` fetched for the query and 10 results, {hr.get('ms', 0):.0f} ms"
                      if hr.get("ok") else "; over http://127.0.0.1: " + str(hr.get("error", "no answer")))
            cmp_table.append(f"| Pagefind {pf['version'].split()[-1]} (over {pf['origin']}; {pf['indexed']:,} pages indexed) | {pf['wall']:.1f} (index only) | {kb(pf['bytes'])} "
                             f"| {pf['files']} | {works} |")
        cmp_lines = ["", "\n".join(cmp_table)]

    size_text = "\n".join(size_table)
    query_text = "\n".join(query_table)
    print()
    print(size_text)
    print()
    print(query_text)
    if cmp_lines:
        print(cmp_lines[1])

    compare_note = ""
    runs_text = "one run" if args.compare_runs == 1 else f"median of {args.compare_runs} runs"
    if compare:
        compare_note = f"""
Where the same {args.compare_size:,} pages run offline with other tools (`--no-compare` or
`BENCH_SKIP_COMPARE=1` skips this; tools installed from PyPI into `bench/out/venv-compare`):
MkDocs Material on the pages converted to `docs/` (front matter stripped, the title as `#`,
`attr_list` for the `{{#id}}` headings), `plugins: [search (lang: ja), offline]`, `mkdocs build`
({runs_text}), checked by typing ランサムウェア into its search box on file://; Pagefind
(`python -m pagefind --site`, {runs_text}) over the Hugo build of the corpus, its index being
`pagefind/`, checked from file:// with a page that imports `pagefind/pagefind.js` and searches
ランサムウェア (and, for contrast, the same page over `http://127.0.0.1`; Pagefind matches whole
words, so its hit count is not comparable with the portal's bigram prefixes).
"""
    section = f"""{SECTION}

Measured {benchlib.today()} with `bench/search_bench.py` (run by `bench/run.sh`; `BENCH_SKIP_SEARCH=1`
skips it) on the sample portal (`content/`) and the `bench/gen_corpus.py` corpora, each built with
`portal build --timings`.

- Machine: {benchlib.machine()}
- Versions: portal {benchlib.version([portal, '--version'])}; {benchlib.browser_version()} (headless, file://)
- Per query: hits (search.html's count); the `search/*.js` files `search.html?q=…` loaded (meta,
  term shards, document chunks for the 50 results shown; sizes from disk); the same for the
  header box, which asks for 8 results (and loads the chunks of the first 20); first query:
  `PortalSearch.search(q, 50)` on a fresh `search.html`, timed with `performance.now()` in the
  page, including the loading of those scripts (median of {FRESH_LOADS} fresh pages); repeat: the
  same call again with everything loaded (median of {args.reps}), i.e. the cost once the shards have
  arrived (ranking, phrase re-ranking, documents; the DOM rendering of search.html is not in it);
  page: `search.html?q=…` from navigationStart to the results in the page (a MutationObserver),
  the user's whole wait.
- {entries_note}.
- Targets at {TARGET_SIZE:,} pages: a typical query loads at most {BYTE_BUDGET // 1000} kB (1 kB = 1000
  bytes) and answers within {TIME_BUDGET_MS:.0f} ms once its shards are there (repeat column); ❌ marks
  a miss. 窓, 鍵 and 対 are one-kanji queries (prefix match over every term starting with that
  kanji; 対 is frequent in the corpus, 窓 and 鍵 are not in the generated pages).
{chr(10).join(notes)}

{size_text}

{query_text}
{compare_note}{chr(10).join(cmp_lines)}
"""
    if not args.no_write:
        benchlib.write_section(args.bench_md, SECTION, section)
    else:
        print()
        print(section)


if __name__ == "__main__":
    main()
