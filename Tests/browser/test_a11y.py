"""Accessibility with current axe-core 4.x, injected from disk into the page under test.

The axe.min.js comes from the PyPI wheel axe-playwright-python (installed without Playwright by
scripts/setup.sh); the page never loads it itself, so nothing here touches the network.
"""
from __future__ import annotations

import importlib.util
import re
import urllib.parse
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import OUTPUT_DIR, list_pages, open

ALL_PAGES = list_pages(OUTPUT_DIR) if OUTPUT_DIR.is_dir() else []
BLOCKING = {"serious", "critical"}


def find_axe() -> Path:
    # find_spec locates the package without importing it: its __init__ imports Playwright, which
    # is deliberately not installed.
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("axe-playwright-python is not installed (run scripts/setup.sh test)")
    path = Path(next(iter(spec.submodule_search_locations))) / "axe.min.js"
    if not path.is_file():
        raise FileNotFoundError(f"axe.min.js not found at {path}")
    return path


@pytest.fixture(scope="session")
def axe_source() -> str:
    return find_axe().read_text(encoding="utf-8")


def test_axe_is_current(axe_source):
    """The 2018 bundle (3.1.1) missed rules and had false positives; the checks here assume 4.x."""
    found = re.match(r"/\*! axe v(\d+)\.(\d+)", axe_source)
    assert found, axe_source[:80]
    assert (int(found.group(1)), int(found.group(2))) >= (4, 10), found.group(0)


RUN_AXE = """
var done = arguments[arguments.length - 1];
var options = arguments[0];
axe.run(document, options).then(function (r) {
  done({violations: r.violations.map(function (v) {
    return {id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(function (n) { return {target: n.target, impact: n.impact, summary: n.failureSummary}; })};
  })});
}).catch(function (e) { done({error: String(e)}); });
"""


def run_axe(driver, axe_source: str, options: dict | None = None) -> list[dict]:
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(axe_source)
    opts = {"resultTypes": ["violations"]}
    opts.update(options or {})
    result = driver.execute_async_script(RUN_AXE, opts)
    assert "error" not in result, result
    return result["violations"]


def blocking(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']}")
        for n in v["nodes"][:10]:
            lines.append(f"    {n['target']}  {(n['summary'] or '').splitlines()[-1] if n['summary'] else ''}")
    return "\n".join(lines)


@pytest.mark.parametrize("relpath", ALL_PAGES)
def test_axe_no_serious_violations(driver, axe_source, relpath):
    open(driver, relpath)
    found = blocking(run_axe(driver, axe_source))
    assert not found, f"{relpath}:\n{describe(found)}"


def test_axe_registry_after_filtering(driver, axe_source):
    """The rows the script builds (links, cells) and the live count are accessible too."""
    open(driver, "services/index.html")
    driver.execute_script(
        "var b = document.querySelector('#registry-filter input[value=\"vulnerability\"]');"
        "b.click(); document.querySelector('#registry-filter input[name=\"pentest\"]').click();"
    )
    found = blocking(run_axe(driver, axe_source))
    assert not found, describe(found)


@pytest.fixture
def dark(driver):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": "", "features": [{"name": "prefers-color-scheme", "value": "dark"}],
    })
    yield driver
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})


@pytest.mark.parametrize("relpath", ["index.html", "services/index.html", "reports/risk.html", "reports/maturity.html",
                                     "guidance/after-damage.html", "glossary.html", "contacts.html"])
def test_dark_mode_contrast(dark, axe_source, relpath):
    open(dark, relpath)
    assert dark.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches")
    bg = dark.execute_script("return getComputedStyle(document.body).backgroundColor")
    assert bg != "rgb(255, 255, 255)", f"dark mode not applied: body background {bg}"
    violations = run_axe(dark, axe_source, {"runOnly": {"type": "rule", "values": ["color-contrast"]}})
    found = blocking(violations)
    assert not found, f"{relpath} (dark):\n{describe(found)}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("query", ["警察 電話", "xyzzyqq"])
def test_axe_search_results(driver, axe_source, scheme, query):
    """The results the script builds (sections under another group's label, the no-results
    help) in both colour schemes: they exist only after the script has run."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}],
    })
    try:
        open(driver, "search.html?q=" + urllib.parse.quote(query))
        WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "search-status").get_attribute("data-state") == "done")
        assert driver.find_elements(By.CSS_SELECTOR, ".search-section-group, .search-empty-help"), "nothing built to check"
        found = blocking(run_axe(driver, axe_source))
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
    assert not found, f"{query} ({scheme}):\n{describe(found)}"


def test_axe_flags_real_failures(driver, axe_source, tmp_path):
    """Control: the injected axe does run its rules here: it flags a bare <dt>, an autocomplete
    token HTML does not define and low contrast, and accepts <div> groups in <dl> and
    autocomplete="off" (both of which the 2018 axe 3.1.1 wrongly flagged)."""
    page = tmp_path / "control.html"
    page.write_text(
        '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>対照</title></head><body><main>'
        '<h1>対照</h1><div><dt id="bare">語</dt></div>'
        '<dl><div><dt id="ok">語</dt><dd>説明</dd></div></dl>'
        '<label>番号 <input id="bad-ac" type="text" autocomplete="bango"></label>'
        '<label>検索 <input id="ok-ac" type="search" autocomplete="off"></label>'
        '<p id="faint" style="color:#bbb;background:#fff">薄い文字</p>'
        "</main></body></html>",
        encoding="utf-8",
    )
    driver.get(page.as_uri())
    found = {v["id"]: [n["target"][0] for n in v["nodes"]] for v in run_axe(driver, axe_source)}
    assert found.get("dlitem") == ["#bare"], found
    assert "#faint" in found.get("color-contrast", []), found
    assert found.get("autocomplete-valid") == ["#bad-ac"], found
