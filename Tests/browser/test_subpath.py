"""An intranet web server hosts the portal under a sub-path (http://server/intra/security/):
every page works there and no request leaves the portal's folder, not even the favicon a
browser asks the server's root for when a page names none."""
from __future__ import annotations

import os
import selectors
import shutil
import signal
import subprocess
import sys
import time
from urllib.parse import quote

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import OUTPUT_DIR, make_driver, network_urls, severe_errors

SUB_PATH = "intra/security/"


@pytest.fixture(scope="module")
def hosted(tmp_path_factory):
    root = tmp_path_factory.mktemp("webroot")
    shutil.copytree(OUTPUT_DIR, root / SUB_PATH)
    proc = subprocess.Popen(
        [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", str(root)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True,
    )
    try:
        sel = selectors.DefaultSelector()
        sel.register(proc.stdout, selectors.EVENT_READ)
        deadline = time.monotonic() + 30
        line = ""
        while "port " not in line:
            assert sel.select(timeout=max(0.0, deadline - time.monotonic())), "http.server printed no port"
            line = proc.stdout.readline()
            assert line, "http.server exited"
        port = int(line.split("port ")[1].split()[0])
        yield f"http://127.0.0.1:{port}/{SUB_PATH}"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)


PAGES = ["index.html", "guidance/ransomware-facts.html", "services/index.html", "contacts.html",
         "search.html?q=" + quote("身代金")]


@pytest.fixture()
def fresh_driver():
    """A browser that has seen no page yet: a known icon is not asked for again."""
    d = make_driver()
    yield d
    d.quit()


@pytest.mark.parametrize("page", PAGES)
def test_every_request_stays_under_the_sub_path(fresh_driver, hosted, page):
    d = fresh_driver
    d.get(hosted + page)
    WebDriverWait(d, 10).until(lambda x: x.execute_script("return document.readyState") == "complete")
    if page.startswith("search.html"):
        WebDriverWait(d, 10).until(
            lambda x: x.find_element(By.ID, "search-status").get_attribute("data-state") == "done")
        assert d.find_elements(By.CSS_SELECTOR, "#search-results > li.search-result")
    if page.startswith("services/"):
        assert "339件" in d.find_element(By.ID, "registry-count").text
    # The browser asks for an icon once the page has loaded: the one the page names, or else
    # /favicon.ico at the server's root. Wait for that request, whichever it is.
    urls: list[str] = []
    WebDriverWait(d, 10).until(lambda x: urls.extend(network_urls(x)) or any("icon" in u for u in urls))
    outside = [u for u in urls if not u.startswith(hosted) and not u.startswith("data:")]
    assert outside == [], f"{page}: requests outside {hosted}: {outside}"
    assert severe_errors(d) == [], page
