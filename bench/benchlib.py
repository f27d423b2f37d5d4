"""Shared helpers for bench/registry_bench.py and bench/search_bench.py (stdlib + selenium).

- replace_section(): the same `## ` section replacement bench/run.sh uses for BENCHMARKS.md
- machine(): the machine line of a section (CPUs, model, RAM)
- chromium(): a headless Chromium driven by chromedriver, with long timeouts
- run_build(): one `portal build --timings` run, wall time and phase times
"""

import os
import re
import statistics
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_PORTAL = os.path.join(ROOT, ".build/release/portal")


def replace_section(text, heading, new):
    """Replace the `## ` section titled `heading` (up to the next `## ` heading outside a code fence).

    Used by bench/run.sh and every bench script, so each rewrites its own section and leaves the
    others byte for byte as they were."""
    lines = text.splitlines(keepends=True)
    start = end = None
    fence = None
    for i, line in enumerate(lines):
        m = re.match(r"^ {0,3}(`{3,}|~{3,})", line)
        if m:
            if fence is None:
                fence = m.group(1)
            elif m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if fence is not None:
            continue
        if re.match(r"^##\s", line):
            if start is not None and end is None:
                end = i
            if line.strip() == heading:
                start, end = i, None
    if start is None:
        if not text:
            return "# Benchmarks\n\n" + new
        return text.rstrip("\n") + "\n\n" + new
    if end is None:
        end = len(lines)
    tail = "".join(lines[end:])
    return "".join(lines[:start]) + new + ("\n" + tail if tail else "")


def write_section(bench_md, heading, section):
    old = open(bench_md, encoding="utf-8").read() if os.path.exists(bench_md) else ""
    with open(bench_md, "w", encoding="utf-8") as fh:
        fh.write(replace_section(old, heading, section))
    print(f"\nwrote {bench_md} ({heading})")


def machine():
    try:
        nproc = len(os.sched_getaffinity(0))
    except AttributeError:
        nproc = os.cpu_count()
    cpu = "unknown"
    mem = "unknown"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 1048576:.1f} GiB"
                break
    except OSError:
        pass
    return f"{nproc} CPUs (`nproc`), {cpu}, {mem} RAM"


def version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "unknown"


def today():
    return time.strftime("%Y-%m-%d", time.gmtime())


def median(values):
    return statistics.median(values) if values else float("nan")


def wait_for_portal(portal, tries=60, delay=10):
    """The binary may be rebuilt by someone else while we run: wait for it to be there."""
    for _ in range(tries):
        if os.access(portal, os.X_OK):
            try:
                subprocess.run([portal, "--version"], capture_output=True, check=True, timeout=60)
                return
            except (OSError, subprocess.SubprocessError):
                pass
        print(f"bench: waiting for {portal} ...", flush=True)
        time.sleep(delay)
    raise SystemExit(f"bench: {portal} not found or not runnable: run 'make release' first")


PHASE_RE = re.compile(r"^(\w+)\s+([0-9.]+) s(?:\s|$)")


def run_build(portal, content, output, templates=None, quiet=False, extra=()):
    """One `portal build --timings`; returns (wall seconds, {phase: seconds}, last line).

    Retries a few times if the binary is momentarily missing (being rebuilt)."""
    templates = templates or os.path.join(ROOT, "templates")
    cmd = [portal, "build", "--timings", "--content", content, "--templates", templates, "--output", output, *extra]
    # Others may be rebuilding the binary or editing content/ while we run: a failed build is
    # retried (BENCH_BUILD_RETRIES times, 30 s apart) before giving up.
    retries = int(os.environ.get("BENCH_BUILD_RETRIES", "10"))
    for attempt in range(retries + 1):
        if not os.access(portal, os.X_OK):
            wait_for_portal(portal)
        t0 = time.perf_counter()
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True)
        except OSError:
            time.sleep(10)
            continue
        wall = time.perf_counter() - t0
        if proc.returncode == 0:
            break
        if attempt < retries:
            errors = [l for l in (proc.stdout + proc.stderr).splitlines() if "error" in l][:3]
            print(f"bench: portal build failed on {content} (retrying in 30 s): " + " | ".join(errors), flush=True)
            time.sleep(30)
            continue
        raise SystemExit(f"bench: portal build failed on {content}:\n{proc.stdout}{proc.stderr}")
    phases = {}
    last = ""
    for line in (proc.stdout + proc.stderr).splitlines():
        m = PHASE_RE.match(line.strip())
        if m:
            phases[m.group(1)] = float(m.group(2))
        if line.startswith("wrote "):
            last = line.strip()
    return wall, phases, last


def chromium(width=1280, height=900):
    """Headless Chromium (Debian's chromium + chromedriver) with timeouts long enough for a
    60 MB page on a slow machine."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                f"--window-size={width},{height}", "--lang=ja"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options,
                              service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
    try:
        driver.command_executor.client_config.timeout = 1800
    except AttributeError:
        pass
    driver.set_page_load_timeout(1700)
    driver.set_script_timeout(1700)
    return driver


def file_url(path):
    from urllib.parse import quote
    return "file://" + quote(os.path.abspath(path))


def browser_version():
    return version([os.environ.get("CHROMIUM", "/usr/bin/chromium"), "--version"])
