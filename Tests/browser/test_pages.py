"""Every page of the built portal: console, offline loading, links, language, headings, no-JS."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from selenium.webdriver.common.by import By

from conftest import OUTPUT_DIR, SCREENSHOTS_DIR, list_pages, network_urls, open, resource_urls
from htmlscan import scan

ALL_PAGES = list_pages(OUTPUT_DIR) if OUTPUT_DIR.is_dir() else []
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel"}


@pytest.mark.parametrize("relpath", ALL_PAGES)
def test_page_loads_offline_without_console_errors(driver, relpath):
    errors = open(driver, relpath)
    assert errors == [], f"{relpath}: console errors: {errors}"
    loaded = resource_urls(driver) + network_urls(driver)
    assert any(u.endswith("/assets/portal.css") for u in loaded), f"{relpath}: stylesheet not seen in {loaded}"
    remote = [u for u in loaded if not u.startswith("file://")]
    assert remote == [], f"{relpath}: non-file:// requests: {remote}"
    # Every loaded resource must be inside the output folder.
    root = OUTPUT_DIR.as_uri()
    outside = [u for u in loaded if not u.startswith(root + "/")]
    assert outside == [], f"{relpath}: resources outside the output folder: {outside}"


@pytest.mark.parametrize("relpath", ALL_PAGES)
def test_static_links_and_fragments_resolve(output_dir, relpath):
    page = output_dir / relpath
    problems = []
    for tag, url, line in scan(page).links:
        parts = urlsplit(url)
        if parts.scheme:
            if parts.scheme not in EXTERNAL_SCHEMES:
                problems.append(f"line {line}: <{tag}> with scheme {parts.scheme!r}: {url}")
            elif tag != "a":
                problems.append(f"line {line}: <{tag}> loads a remote resource: {url}")
            continue
        if parts.netloc or url.startswith("//"):
            problems.append(f"line {line}: protocol-relative URL {url}")
            continue
        if url == "":
            problems.append(f"line {line}: empty {tag} URL")
            continue
        target = (page.parent / unquote(parts.path)).resolve() if parts.path else page.resolve()
        try:
            target.relative_to(output_dir)
        except ValueError:
            problems.append(f"line {line}: {url} leaves the output folder")
            continue
        if not target.is_file():
            problems.append(f"line {line}: {url} -> missing file {target}")
            continue
        if parts.fragment:
            fragment = unquote(parts.fragment)
            if target.suffix != ".html":
                problems.append(f"line {line}: fragment on a non-HTML target {url}")
            elif fragment not in scan(target).ids:
                problems.append(f"line {line}: {url}: no id {fragment!r} in {target.relative_to(output_dir)}")
    assert not problems, f"{relpath}:\n" + "\n".join(problems)


@pytest.mark.parametrize("relpath", ALL_PAGES)
def test_lang_and_single_h1(output_dir, relpath):
    s = scan(output_dir / relpath)
    assert s.html_lang == "ja", f"{relpath}: <html lang={s.html_lang!r}>"
    assert s.h1_count == 1, f"{relpath}: {s.h1_count} <h1> elements"


@pytest.mark.parametrize("relpath", ALL_PAGES)
def test_ids_are_unique(output_dir, relpath):
    ids = scan(output_dir / relpath).ids
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes, f"{relpath}: duplicate ids {dupes}"


# --------------------------------------------------------------------------------------------
# JavaScript off
# --------------------------------------------------------------------------------------------

def test_javascript_is_really_off(nojs_driver):
    open(nojs_driver, "services/index.html")
    # With JS on, registry.js unhides the form; with JS off it must stay hidden.
    form = nojs_driver.find_element(By.ID, "registry-filter")
    assert form.get_attribute("hidden") is not None


@pytest.mark.parametrize("relpath", ALL_PAGES)
def test_main_content_without_javascript(nojs_driver, relpath):
    open(nojs_driver, relpath)
    mains = nojs_driver.find_elements(By.TAG_NAME, "main")
    assert len(mains) == 1, f"{relpath}: {len(mains)} <main>"
    assert mains[0].is_displayed()
    text = mains[0].text.strip()
    assert len(text) > 20, f"{relpath}: main shows almost no text without JavaScript: {text!r}"
    assert nojs_driver.find_element(By.TAG_NAME, "h1").is_displayed()


def test_registry_lists_every_row_without_javascript(nojs_driver, services_json):
    open(nojs_driver, "services/index.html")
    rows = nojs_driver.find_elements(By.CSS_SELECTOR, ".services-table tbody tr")
    assert len(rows) == services_json["total"] == len(services_json["services"])
    form = nojs_driver.find_element(By.ID, "registry-filter")
    assert not form.is_displayed(), "filter form must stay hidden without JavaScript"
    assert nojs_driver.find_element(By.CSS_SELECTOR, ".counts-table").is_displayed()


def test_category_pages_list_their_rows_without_javascript(nojs_driver, services_json):
    for cat in services_json["categories"]:
        open(nojs_driver, f"services/{cat['id']}.html")
        rows = nojs_driver.find_elements(By.CSS_SELECTOR, ".services-table tbody tr")
        assert len(rows) == cat["count"], cat["id"]


# --------------------------------------------------------------------------------------------
# Screenshots
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("relpath", ["index.html", "guidance/management-guideline.html", "services/index.html"])
def test_screenshot(driver, artifacts_dir, relpath):
    open(driver, relpath)
    name = re.sub(r"[^A-Za-z0-9_-]+", "_", relpath.removesuffix(".html")) + ".png"
    target = SCREENSHOTS_DIR / name
    assert driver.save_screenshot(str(target))
    assert target.stat().st_size > 1000


def test_registry_count_numbers_not_broken_across_lines(driver):
    """A count like 159 in the summary table must not wrap into "15" / "9"."""
    open(driver, "services/index.html")
    lines = driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('.counts-table td.num'), function (td) {"
        "  var r = document.createRange(); r.selectNodeContents(td);"
        "  var tops = {}; Array.prototype.forEach.call(r.getClientRects(), function (c) { tops[Math.round(c.top)] = 1; });"
        "  return [td.textContent, Object.keys(tops).length]; });"
    )
    assert lines, "no .counts-table td.num cells"
    wrapped = [text for text, n in lines if n > 1]
    assert not wrapped, f"numbers wrapped over several lines: {wrapped}"
