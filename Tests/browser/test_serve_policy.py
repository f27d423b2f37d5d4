"""The content security policy holds over `portal serve` too: live reload, search and the registry
filter work through HTTP with the policy in force, and nothing is reported as blocked."""
from __future__ import annotations

import os
import selectors
import signal
import subprocess
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO_ROOT, drain_logs, severe_errors

PORTAL_BIN = REPO_ROOT / ".build" / "release" / "portal"


def read_line_until(proc, needle: str, deadline_s: float = 60.0) -> str:
    """Reads the process's stdout line by line until one holds `needle` (no sleeping)."""
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    end = time.monotonic() + deadline_s
    seen = []
    while time.monotonic() < end:
        if not sel.select(timeout=max(0.0, end - time.monotonic())):
            break
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(line)
        if needle in line:
            return line
    raise AssertionError(f"'{needle}' not printed within {deadline_s} s; got {seen}")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    out = tmp_path_factory.mktemp("serve") / "out"
    proc = subprocess.Popen(
        [str(PORTAL_BIN), "serve", "--content", str(REPO_ROOT / "content"), "--templates", str(REPO_ROOT / "templates"),
         "--output", str(out), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    try:
        line = read_line_until(proc, "http://127.0.0.1:")
        # The server answers before the first build is in place: wait for the watcher's line.
        read_line_until(proc, "watching ")
        yield line[line.index("http://"):].strip().rstrip("/") + "/"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)


def test_served_pages_work_under_the_policy(driver, served):
    d = driver
    for rel in ["index.html", "services/index.html", "search.html?q=" + "ランサムウェア"]:
        drain_logs(d)
        d.get(served + rel)
        WebDriverWait(d, 10).until(lambda x: x.execute_script("return document.readyState") == "complete")
        # The live-reload client (a served script) connected: its EventSource is open.
        WebDriverWait(d, 10).until(lambda x: x.execute_script(
            "return !!document.querySelector('script[src=\"/__portal/reload.js\"]')"))
        if rel.startswith("search.html"):
            WebDriverWait(d, 10).until(lambda x: len(x.find_elements(By.CSS_SELECTOR, "#search-results li")) > 0)
        # The page names its icon, so Chromium does not ask the server for /favicon.ico.
        assert severe_errors(d) == [], rel
        policy = d.execute_script("return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content")
        assert "script-src 'self'" in policy and "object-src 'none'" in policy
