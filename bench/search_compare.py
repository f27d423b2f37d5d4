#!/usr/bin/env python3
"""Search quality: portal's search vs Pagefind on the same built sample portal, in headless Chromium.

    python3 bench/search_compare.py                  # what `make bench-search` runs
    python3 bench/search_compare.py --no-write --keep

1. Builds the sample portal (content/) with `portal build --quiet` into a temporary folder, copies
   it and runs Pagefind over the copy (`python3 -m pagefind --site <copy> --output-subdir pagefind
   --force-language ja`; Pagefind indexes each page's <body>), then writes a small harness page,
   __bench.html, into the copy.
2. Serves each folder on http://127.0.0.1 (Pagefind's module script and fetch() need HTTP) and
   runs every query of Tests/Shared/search-quality.json in headless Chromium, a fresh page load
   per query (about:blank first, browser cache off):
   - portal: search.html?q=<query>, until #search-status has data-state="done"; the results are
     the `#search-results > li` in order, by their data-page. Today's page has no data-state: if
     none appears within 10 s the rest of the run reads the result links instead, once the
     status shows a result count (or the no-result box is there).
   - Pagefind: __bench.html?q=<query> imports /pagefind/pagefind.js, sets noWorker (so that its
     fetches are the page's, in its Resource Timing), awaits pagefind.search(q) and the data of
     the first 5 results, and sets window.__done.
   For each: whether an expected page is among the first 3 results (for `"none": true`: whether
   there are no results), the search data loaded (Resource Timing transferSize, or
   encodedBodySize when 0), and the time to results.
3. Prints the table and writes it into BENCHMARKS.md under "## Search quality: portal vs Pagefind"
   (other sections are kept). Raw results: bench/out/search-compare.json. Exits 0 whatever the
   hit counts (a benchmark, not a test); non-zero when the setup fails.
"""

import argparse
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from urllib.parse import quote, unquote, urlparse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

ROOT = benchlib.ROOT
SECTION = "## Search quality: portal vs Pagefind"
DEADLINE = 10.0          # seconds a page has to show its results
POLL = 0.02              # seconds between two looks at the page
TOP = 3                  # an expected page must be among the first TOP results
SEARCHING = "検索しています…"
LOAD_FAILED = "検索データを読み込めませんでした。"   # search.html: its search/*.js failed to load

# Pagefind's side: ES module import, which works over HTTP only.
HARNESS = """<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>Pagefind bench</title></head><body>
<script type="module">
import * as pagefind from "/pagefind/pagefind.js";
const q = new URLSearchParams(location.search).get("q") || "";
function sitePath(url) {
  let p = decodeURIComponent(new URL(url, location.origin).pathname).replace(/^\\/+/, "");
  return p === "" || p.endsWith("/") ? p + "index.html" : p;
}
try {
  // No SharedWorker: its fetches would be invisible to this page's Resource Timing.
  await pagefind.options({noWorker: true});
  const search = await pagefind.search(q);
  const data = await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
  window.__done = {pages: data.map((d) => sitePath(d.url)), total: search.results.length, ms: performance.now()};
} catch (e) {
  window.__done = {pages: [], error: String(e && e.message || e), ms: performance.now()};
}
</script>
</body></html>
"""

# portal's side, the contract: data-state="done" on #search-status, data-page on each result.
PORTAL_DONE_JS = r"""
var s = document.getElementById('search-status');
if (!s || s.getAttribute('data-state') !== 'done') return null;
return {status: s.textContent, pages: Array.prototype.map.call(document.querySelectorAll('#search-results > li'),
  function (li) { return li.getAttribute('data-page') || ''; })};
"""

# Today's search.html: done once the status shows a count (or the no-result box is there).
PORTAL_FALLBACK_JS = r"""
var s = document.getElementById('search-status');
var t = s ? s.textContent.trim() : '';
if ((!t || t === arguments[0]) && !document.querySelector('.search-empty')) return null;
return {status: t, pages: Array.prototype.map.call(document.querySelectorAll('#search-results > li'),
  function (li) { var a = li.querySelector('a'); return a ? a.href : ''; })};
"""

ENTRIES_JS = r"""
return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
  .map(function (e) { return [e.name, e.entryType, e.transferSize || e.encodedBodySize || 0, e.responseStatus || 0]; });
"""


def log(msg):
    print(msg, flush=True)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def load_queries(path):
    """[{query, pages, none}]; an entry names its expected pages as "pages" (or one "page")."""
    out = []
    for q in json.load(open(path, encoding="utf-8"))["queries"]:
        pages = q.get("pages") or ([q["page"]] if q.get("page") else [])
        none = bool(q.get("none"))
        if not none and not pages:
            raise SystemExit(f"search_compare: {path}: query {q.get('query')!r} has neither pages nor none")
        out.append({"query": q["query"], "pages": pages, "none": none})
    return out


def site_path(url):
    """A result link or data-page as a path from the site root, without query and fragment."""
    return unquote(urlparse(url).path).lstrip("/")


def hit(expect, got):
    """An expected page among the first TOP results; for a query expecting none, no results."""
    return not got if expect["none"] else any(p in expect["pages"] for p in got[:TOP])


# ---- building the two sites ------------------------------------------------------------------

def build_sites(portal, templates, work):
    site = os.path.join(work, "site")
    wall, _, last = benchlib.run_build(portal, os.path.join(ROOT, "content"), site, templates, extra=["--quiet"])
    log(f"  portal build: {wall:.2f} s {last}".rstrip())
    if not os.path.isfile(os.path.join(site, "search.html")):
        raise SystemExit(f"search_compare: no search.html in {site}")
    pf_site = os.path.join(work, "pagefind-site")
    shutil.copytree(site, pf_site)
    cmd = [sys.executable, "-m", "pagefind", "--site", pf_site, "--output-subdir", "pagefind", "--force-language", "ja"]
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    pf_wall = time.perf_counter() - t0
    if p.returncode != 0 or not os.path.isfile(os.path.join(pf_site, "pagefind/pagefind.js")):
        raise SystemExit("search_compare: pagefind failed (scripts/setup.sh bench-search installs it):\n"
                         + p.stdout + p.stderr)
    indexed = next((l.strip() for l in (p.stdout + p.stderr).splitlines() if "Indexed" in l and "page" in l), "")
    log(f"  pagefind: {pf_wall:.2f} s, {indexed}")
    with open(os.path.join(pf_site, "__bench.html"), "w", encoding="utf-8") as fh:
        fh.write(HARNESS)
    return site, pf_site, pf_wall, indexed


def pagefind_version():
    v = benchlib.version([sys.executable, "-m", "pagefind", "--version"])
    extended = subprocess.run([sys.executable, "-m", "pip", "show", "-q", "pagefind-bin-extended"],
                              capture_output=True).returncode == 0
    return v + (" (extended)" if extended else "")


# ---- one query in the browser ----------------------------------------------------------------

def fresh_load(driver, url):
    """about:blank first (a new document, nothing left running), then the page; returns the start time."""
    driver.get("about:blank")
    driver.execute_script("performance.clearResourceTimings()")
    t0 = time.perf_counter()
    driver.get(url)
    return t0


def wait_for(driver, script, *args):
    """The script's answer once it is not null (an object: an empty list would read as not yet)."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait
    try:
        return WebDriverWait(driver, DEADLINE, poll_frequency=POLL).until(lambda d: d.execute_script(script, *args))
    except TimeoutException:
        return None


def search_bytes(driver, is_search_data):
    """Bytes of the search data this page loaded (the page's HTML and CSS, and files not found,
    are never counted)."""
    total, files = 0, {}
    for name, kind, size, status in driver.execute_script(ENTRIES_JS):
        path = urlparse(name).path
        if kind == "navigation" or path.endswith(".css") or status >= 400 or not is_search_data(path):
            continue
        files[path] = files.get(path, 0) + size
        total += size
    return total, files


def portal_query(driver, base, query, fallback):
    t0 = fresh_load(driver, f"{base}/search.html?q={quote(query)}")
    got = wait_for(driver, PORTAL_FALLBACK_JS, SEARCHING) if fallback else wait_for(driver, PORTAL_DONE_JS)
    ms = (time.perf_counter() - t0) * 1000
    if got is None:
        has_state = driver.execute_script(
            "var s = document.getElementById('search-status'); return !!s && s.hasAttribute('data-state');")
        return None if not fallback and not has_state else {"pages": [], "ms": None, "error": "no results in 10 s"}
    data, files = search_bytes(driver, lambda p: p.startswith("/search/") or p == "/assets/search.js")
    r = {"pages": [site_path(u) for u in got["pages"]], "status": got["status"], "ms": ms, "bytes": data, "files": files}
    if got["status"].strip() == LOAD_FAILED:
        r["error"] = f"search.html: {LOAD_FAILED} (search data not loaded)"
    return r


def pagefind_query(driver, base, query):
    t0 = fresh_load(driver, f"{base}/__bench.html?q={quote(query)}")
    got = wait_for(driver, "return window.__done || null;")
    driver_ms = (time.perf_counter() - t0) * 1000
    if got is None:
        errors = [e.get("message", "") for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        return {"pages": [], "ms": None, "error": "no results in 10 s " + "; ".join(errors[:2])}
    data, files = search_bytes(driver, lambda p: p.startswith("/pagefind/"))
    return {"pages": got["pages"], "ms": got["ms"], "driver_ms": driver_ms, "total": got.get("total"),
            "bytes": data, "files": files, **({"error": got["error"]} if got.get("error") else {})}


def run_queries(queries, portal_base, pagefind_base):
    driver = benchlib.chromium()
    results = []
    fallback = False
    try:
        # Every query is a first visit: nothing from the cache, every entry a real transfer.
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                               {"source": "performance.setResourceTimingBufferSize(100000);"})
        for q in queries:
            p = portal_query(driver, portal_base, q["query"], fallback)
            if p is None:
                log(f"  portal: no data-state on #search-status within {DEADLINE:.0f} s (today's search page): "
                    "reading the result links instead from here on")
                fallback = True
                p = portal_query(driver, portal_base, q["query"], fallback)
            p["read"] = "links" if fallback else "data-page"
            f = pagefind_query(driver, pagefind_base, q["query"])
            results.append({**q, "portal": p, "pagefind": f,
                            "portal_hit": hit(q, p["pages"]) and "error" not in p,
                            "pagefind_hit": hit(q, f["pages"]) and "error" not in f})
            r = results[-1]
            log(f"  {q['query']}: portal {'✓' if r['portal_hit'] else '✗'} {p['pages'][:TOP]}"
                f" | Pagefind {'✓' if r['pagefind_hit'] else '✗'} {f['pages'][:TOP]}")
    finally:
        driver.quit()
    return results, fallback


# ---- report ----------------------------------------------------------------------------------

def kb(n):
    return "—" if n is None else f"{n / 1000:.1f}"


def ms(v):
    return "—" if v is None else f"{v:.0f}"


def report(results, fallback, versions, pf_wall, indexed, queries_path, templates):
    mark = {True: "✓", False: "✗"}
    table = [f"| query | portal top {TOP} | Pagefind top {TOP} | portal kB | Pagefind kB | portal ms | Pagefind ms |",
             "|---|:---:|:---:|---:|---:|---:|---:|"]
    for r in results:
        p, f = r["portal"], r["pagefind"]
        q = r["query"].replace("|", "\\|") + (" (no results expected)" if r["none"] else "")
        table.append(f"| {q} | {mark[r['portal_hit']]} | {mark[r['pagefind_hit']]} | {kb(p.get('bytes'))} "
                     f"| {kb(f.get('bytes'))} | {ms(p['ms'])} | {ms(f['ms'])} |")
    n = len(results)
    portal_n = sum(r["portal_hit"] for r in results)
    pf_n = sum(r["pagefind_hit"] for r in results)
    only_pf = [r["query"] for r in results if r["pagefind_hit"] and not r["portal_hit"]]
    only_portal = [r["query"] for r in results if r["portal_hit"] and not r["pagefind_hit"]]
    summary = (f"portal {portal_n}/{n}, Pagefind {pf_n}/{n}; Pagefind right where portal misses: "
               f"{', '.join(only_pf) or 'none'}; portal right where Pagefind misses: {', '.join(only_portal) or 'none'}")
    misses = []
    for r in results:
        for side, hit_key in (("portal", "portal_hit"), ("pagefind", "pagefind_hit")):
            if not r[hit_key]:
                got = r[side]
                what = (got.get("error") or ", ".join(got["pages"][:TOP])
                        or "no results" + (f" (status: {got['status'].strip()})" if got.get("status", "").strip() else ""))
                want = "no results" if r["none"] else " or ".join(r["pages"])
                misses.append(f"  - {r['query']}, {'portal' if side == 'portal' else 'Pagefind'}: "
                              f"wanted {want}; top {TOP}: {what}")
    read = ("today's `search.html` has no `data-state` yet, so its results were read from the\n"
            "  `#search-results > li a` links once the status showed a count (or the no-result box appeared)"
            if fallback else
            "results read from the `data-page` of each `#search-results > li` once `#search-status`\n"
            "  had `data-state=\"done\"`")
    table_text = "\n".join(table)
    section = f"""{SECTION}

Measured {benchlib.today()} with `bench/search_compare.py` (`make bench-search`) on the sample portal
(`content/`, built with `portal build --quiet`{f" and the templates of `{templates}`" if templates else ""}) and the
queries of `{queries_path}`.

- Machine: {benchlib.machine()}
- Versions: {versions}
- Pagefind over a copy of the same build: `python3 -m pagefind --site … --output-subdir pagefind
  --force-language ja` ({pf_wall:.1f} s, {indexed or 'pages indexed: unknown'}); the whole `<body>` of every page.
- Each query is a fresh page load (about:blank first) over `http://127.0.0.1` (Python's
  `http.server`, no gzip) in headless Chromium with its cache off: every file is a first visit.
- portal: `search.html?q=…`; {read}.
- Pagefind: a harness page importing `/pagefind/pagefind.js`, with `noWorker: true` (by default
  Pagefind 1.5 searches in a worker, whose fetches the page's Resource Timing does not see; the
  files are the same, without the worker script), awaiting `pagefind.search(q)` and the data of
  the first 5 results.
- top {TOP}: ✓ when an expected page is among the first {TOP} results (for a query expecting none: when
  there are none). kB (1 kB = 1000 bytes): the search data the query loaded, from Resource Timing
  (`transferSize`, headers included, or `encodedBodySize` when 0): portal `assets/search.js` and
  `search/*.js`, Pagefind everything under `pagefind/` (its wasm and index files come
  gzip-compressed from Pagefind itself); the page's HTML and CSS are not counted.
- ms, portal: from `driver.get` to the results being in the page, as WebDriver sees it (polled every
  {POLL * 1000:.0f} ms; includes the page's load and WebDriver round trips). ms, Pagefind: `performance.now()`
  in the page when the results are ready, i.e. from navigation start. A page that shows nothing
  within {DEADLINE:.0f} s counts as a miss (—).
- **Summary: {summary}.**
{chr(10).join(["- Misses:"] + misses) if misses else "- No misses."}

{table_text}
"""
    return section, summary


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--portal", default=os.environ.get("PORTAL", benchlib.DEFAULT_PORTAL))
    ap.add_argument("--queries", default=os.path.join(ROOT, "Tests/Shared/search-quality.json"))
    ap.add_argument("--templates", default=os.path.join(ROOT, "templates"),
                    help="templates to build with (search.html and assets/search.js come from here)")
    ap.add_argument("--bench-md", default=os.path.join(ROOT, "BENCHMARKS.md"))
    ap.add_argument("--no-write", action="store_true", help="print the section, leave BENCHMARKS.md alone")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder with both sites")
    args = ap.parse_args(argv)
    portal = os.path.abspath(args.portal) if os.path.sep in args.portal else args.portal
    started = time.perf_counter()
    try:
        import selenium
    except ImportError:
        raise SystemExit("search_compare: Python selenium is not installed (scripts/setup.sh bench-search installs it)")
    for tool in (os.environ.get("CHROMIUM", "/usr/bin/chromium"), os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")):
        if not os.access(tool, os.X_OK):
            raise SystemExit(f"search_compare: {tool} not found (scripts/setup.sh bench-search installs it)")
    benchlib.wait_for_portal(portal)
    queries = load_queries(args.queries)

    work = tempfile.mkdtemp(prefix="portal-search-compare-")
    servers = []
    try:
        log(f"== building the sample portal and its Pagefind copy in {work}")
        site, pf_site, pf_wall, indexed = build_sites(portal, args.templates, work)
        (portal_server, portal_base), (pf_server, pf_base) = serve(site), serve(pf_site)
        servers = [portal_server, pf_server]
        log(f"== {len(queries)} queries: portal on {portal_base}, Pagefind on {pf_base}")
        results, fallback = run_queries(queries, portal_base, pf_base)
    finally:
        for s in servers:
            s.shutdown()
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    # A side that answered no query at all is a broken setup, not a result: nothing is written.
    for side in ("portal", "pagefind"):
        if all("error" in r[side] for r in results):
            hint = (" (is .build/release/portal older than templates/assets/search.js? `make release`)"
                    if side == "portal" else "")
            raise SystemExit(f"search_compare: {side} answered no query{hint}: "
                             + json.dumps({k: v for k, v in results[0][side].items() if k != "files"}, ensure_ascii=False)[:400])

    versions = (f"portal {benchlib.version([portal, '--version'])}; {benchlib.browser_version()} "
                f"(headless); {pagefind_version()}; selenium {selenium.__version__}")
    templates = "" if os.path.abspath(args.templates) == os.path.join(ROOT, "templates") else args.templates
    section, summary = report(results, fallback, versions, pf_wall, indexed,
                              os.path.relpath(args.queries, ROOT), templates)
    os.makedirs(os.path.join(ROOT, "bench/out"), exist_ok=True)
    with open(os.path.join(ROOT, "bench/out/search-compare.json"), "w", encoding="utf-8") as fh:
        json.dump({"results": results, "fallback": fallback, "versions": versions}, fh, ensure_ascii=False, indent=1)
    print()
    print(section)
    if not args.no_write:
        benchlib.write_section(args.bench_md, SECTION, section)
    log(f"search_compare: {summary} ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
