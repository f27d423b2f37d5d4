"""Shared fixtures for the real-browser suite of portal.

Run from the repository root:  python3 -m pytest -q -p no:cacheprovider Tests/browser

Everything is offline: Chromium and chromedriver from the system, pages opened as file:// URLs
of the built portal (``output/`` or ``$PORTAL_OUTPUT``).
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import urlsplit, unquote

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

REPO_ROOT = Path(__file__).resolve().parents[2]
OUTPUT_DIR = Path(os.environ.get("PORTAL_OUTPUT") or (REPO_ROOT / "output")).resolve()
ARTIFACTS_DIR = REPO_ROOT / "test-artifacts"
SCREENSHOTS_DIR = ARTIFACTS_DIR / "screenshots"
PORTAL_BIN = REPO_ROOT / ".build" / "release" / "portal"


# --------------------------------------------------------------------------------------------
# Drivers
# --------------------------------------------------------------------------------------------

def make_options(javascript: bool = True) -> Options:
    opts = Options()
    opts.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    if not javascript:
        opts.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return opts


def make_driver(javascript: bool = True) -> webdriver.Chrome:
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=make_options(javascript))
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    return driver


@pytest.fixture(scope="session")
def driver():
    d = make_driver(javascript=True)
    yield d
    d.quit()


@pytest.fixture(scope="session")
def nojs_driver():
    d = make_driver(javascript=False)
    yield d
    d.quit()


# --------------------------------------------------------------------------------------------
# Output folder and pages
# --------------------------------------------------------------------------------------------

def list_pages(output_dir: Path) -> list[str]:
    """Relative POSIX paths of every .html file of a built portal, sorted."""
    return sorted(p.relative_to(output_dir).as_posix() for p in output_dir.rglob("*.html"))


@pytest.fixture(scope="session")
def output_dir() -> Path:
    assert (OUTPUT_DIR / "index.html").is_file(), f"no built portal at {OUTPUT_DIR} (run portal build)"
    return OUTPUT_DIR


@pytest.fixture(scope="session")
def pages(output_dir) -> list[str]:
    found = list_pages(output_dir)
    assert found, "no HTML pages in output"
    return found


@pytest.fixture(scope="session")
def services_json(output_dir) -> dict:
    return json.loads((output_dir / "services.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS_DIR


def page_url(relpath: str, root: Path | None = None) -> str:
    """file:// URL of a page; ``relpath`` may carry a ?query and a #fragment (kept as given)."""
    rest, hash_, fragment = relpath.partition("#")
    path, qmark, query = rest.partition("?")
    url = ((root or OUTPUT_DIR) / path).resolve().as_uri()
    return url + qmark + query + hash_ + fragment


# --------------------------------------------------------------------------------------------
# Helpers (plain functions, also offered as fixtures)
# --------------------------------------------------------------------------------------------

def drain_logs(driver) -> None:
    for kind in ("browser", "performance"):
        try:
            driver.get_log(kind)
        except Exception:  # a log type may be missing on a JS-less profile; nothing to drain
            pass


def severe_errors(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def open(driver, relpath: str, root: Path | None = None) -> list[dict]:  # noqa: A001 (named by the brief)
    """Load a page of the portal and return the SEVERE console entries logged while loading it."""
    drain_logs(driver)
    driver.get(page_url(relpath, root))
    try:
        driver.execute_script("return document.readyState")
    except Exception:
        pass
    return severe_errors(driver)


def network_urls(driver) -> list[str]:
    """URLs of every request Chromium reported on the performance (DevTools) log since the last drain."""
    urls = []
    for entry in driver.get_log("performance"):
        try:
            message = json.loads(entry["message"])["message"]
        except (KeyError, ValueError):
            continue
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def resource_urls(driver) -> list[str]:
    """Every URL the page loaded: the navigation entry plus performance resource entries."""
    return driver.execute_script(
        "return performance.getEntriesByType('navigation').map(function (e) { return e.name; })"
        ".concat(performance.getEntriesByType('resource').map(function (e) { return e.name; }))"
        ".concat([location.href]);"
    )


@pytest.fixture(name="open")
def open_fixture():
    return open


@pytest.fixture(name="resource_urls")
def resource_urls_fixture():
    return resource_urls


def local_path_of(url: str) -> Path:
    parts = urlsplit(url)
    assert parts.scheme == "file", url
    return Path(unquote(parts.path))
