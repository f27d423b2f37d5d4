"""Print style: navigation and the registry filter hidden, A4 PDF of a guidance page."""
from __future__ import annotations

import base64
import re

import pytest

from selenium.webdriver.common.by import By

from conftest import OUTPUT_DIR, list_pages, open

ALL_PAGES = list_pages(OUTPUT_DIR) if OUTPUT_DIR.is_dir() else []

DISPLAY_JS = """
var out = {};
arguments[0].forEach(function (sel) {
  var els = document.querySelectorAll(sel);
  out[sel] = Array.prototype.map.call(els, function (e) { return getComputedStyle(e).display; });
});
out.__print = matchMedia('print').matches;
return out;
"""


@pytest.fixture(scope="module")
def print_driver(driver):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    yield driver
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


@pytest.mark.parametrize("relpath", ALL_PAGES)
def test_print_hides_header_and_filter(print_driver, relpath):
    open(print_driver, relpath)
    shown = print_driver.execute_script(DISPLAY_JS, [".site-header", "#registry-filter", "main"])
    assert shown.pop("__print") is True, "print media emulation is not active"
    assert shown[".site-header"], f"{relpath}: no .site-header on the page"
    assert all(v == "none" for v in shown[".site-header"]), f"{relpath}: header shown in print: {shown}"
    assert all(v == "none" for v in shown["#registry-filter"]), f"{relpath}: filter shown in print: {shown}"
    assert shown["main"] and shown["main"][0] != "none", f"{relpath}: main hidden in print"
    if relpath == "services/index.html":
        assert shown["#registry-filter"], "services/index.html has no #registry-filter"


def test_print_shows_external_urls(print_driver):
    open(print_driver, "guidance/after-damage.html")
    content = print_driver.execute_script(
        "var a = document.querySelector('main a.external');"
        "return a ? getComputedStyle(a, '::after').content : null;"
    )
    assert content is not None, "no external link on guidance/after-damage.html"
    assert "attr(href)" in content or "https://" in content, content


def test_screen_media_restored_after_print(driver):
    # Sanity for the rest of the session: without emulation the header is visible again.
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    open(driver, "index.html")
    assert driver.execute_script("return getComputedStyle(document.querySelector('.site-header')).display") != "none"


def test_pdf_a4(driver, artifacts_dir):
    open(driver, "guidance/after-damage.html")
    result = driver.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": 8.27, "paperHeight": 11.69, "printBackground": True, "preferCSSPageSize": False,
    })
    pdf = base64.b64decode(result["data"])
    target = artifacts_dir / "after-damage.pdf"
    target.write_bytes(pdf)
    assert pdf.startswith(b"%PDF-"), pdf[:16]
    assert b"%%EOF" in pdf[-1024:]
    assert len(pdf) > 5000
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages >= 1
    # A4 media box in points: 595 x 842 (rounded).
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    (artifacts_dir / "print-pages.txt").write_text(
        f"guidance/after-damage.html: {pages} A4 page(s), {len(pdf)} bytes, "
        f"MediaBox {box.group(1).decode() + ' x ' + box.group(2).decode() if box else 'n/a'}\n",
        encoding="utf-8",
    )
    if box:
        assert abs(float(box.group(1)) - 595) < 2 and abs(float(box.group(2)) - 842) < 2


def test_incident_sheet_is_a_working_paper_on_two_a4_pages(driver):
    """The write-in boxes the sheet's text refers to exist, and the whole sheet prints on at most
    two A4 pages."""
    open(driver, "incident.html")
    rows = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".writein-table tbody th")]
    assert rows == ["所轄警察署", "都道府県警察 サイバー犯罪相談窓口", "自社 CSIRT／情報システム部門", "委託先・保守業者", "サイバー保険（保険会社）"]
    heading = driver.find_element(By.ID, "incident-writein-title").text
    text = driver.find_element(By.CSS_SELECTOR, ".incident-sheet .content").text
    assert "「" + heading + "」" in text, "the sheet's text names the box it refers to"
    assert "下欄" not in text
    result = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": True})
    pdf = base64.b64decode(result["data"])
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 1 <= pages <= 2, f"incident.html prints on {pages} A4 pages"


def test_incident_sheet_prints_each_contact_group_in_one_column(driver):
    """In the sheet's two-column phone book a card that moved to the other column sat beside
    another group's heading and read as one of its contacts (JPCERT/CC beside 被害発生時の通報・相談)."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        open(driver, "incident.html")
        assert driver.execute_script("return matchMedia('print').matches"), "print media emulation is not active"
        groups = driver.execute_script("""
        return Array.prototype.map.call(document.querySelectorAll('.incident-contacts .contact-group'), function (g) {
          return [g.querySelector('h3').textContent, Array.prototype.map.call(g.querySelectorAll('h3, .contact'),
                  function (e) { return Math.round(e.getBoundingClientRect().left); })];
        });""")
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert len(groups) >= 3, groups
    columns = {lefts[0] for _, lefts in groups}
    assert len(columns) == 2, f"the groups are not laid out in two columns: {groups}"
    for title, lefts in groups:
        assert len(set(lefts)) == 1, f"{title}: its cards are split over columns: {lefts}"


def test_service_table_fits_a4_width_in_print(driver):
    """A4 with 15 mm margins leaves about 680 CSS pixels: the screen's minimum table width cut
    概要 off at the page's edge, and each service's URL, printed after its name, filled the column."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 680, "height": 960, "deviceScaleFactor": 1, "mobile": False})
    try:
        open(driver, "services/forensics.html")
        sizes = driver.execute_script("""
            var t = document.querySelector('.services-table'), w = t.closest('.table-wrap');
            var a = t.querySelector('a.external');
            return [t.getBoundingClientRect().right, w.getBoundingClientRect().right, a ? getComputedStyle(a, '::after').content : null];""")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    table_right, wrap_right, after = sizes
    assert table_right <= wrap_right + 1, f"the table runs {table_right - wrap_right:.0f}px past the page"
    assert after in (None, "none", "normal", '""'), after
