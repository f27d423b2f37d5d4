"""The service registry page with JavaScript: filters, URL hash state, history, folding, CSV, keyboard."""
from __future__ import annotations

import csv
import io
import re
import time
import unicodedata

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ARTIFACTS_DIR, open

PAGE = "services/index.html"
CSV_HEADER = "サービス名,事業者名,登録年月日,サービス種別,審査登録機関,ペネトレーションテスト,URL,概要,ID"
PUBLISHED = {"audit": 72, "vulnerability": 159, "forensics": 39, "monitoring": 52, "device": 17}
PUBLISHED_PENTEST = 12


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


@pytest.fixture
def registry(driver):
    """A fresh load of the registry page (no hash) with no console errors."""
    errors = open(driver, PAGE)
    assert errors == [], errors
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "registry-count").text.strip() != "")
    return driver


def count_text(driver) -> str:
    return driver.find_element(By.ID, "registry-count").text.strip()


def wait_count(driver, total: int, shown: int, timeout: float = 5) -> None:
    expected = f"{total}件中 {shown}件"
    try:
        WebDriverWait(driver, timeout).until(lambda d: count_text(d) == expected)
    except Exception:
        raise AssertionError(f"count is {count_text(driver)!r}, expected {expected!r}") from None


def shown_count(driver) -> int:
    m = re.fullmatch(r"(\d+)件中 (\d+)件", count_text(driver))
    assert m, f"unexpected count text {count_text(driver)!r}"
    return int(m.group(2))


def table_rows(driver) -> int:
    return len(driver.find_elements(By.CSS_SELECTOR, ".services-table tbody tr"))


def box(driver, name: str, value: str):
    return driver.find_element(By.CSS_SELECTOR, f'#registry-filter input[name="{name}"][value="{value}"]')


def hash_of(driver) -> str:
    return driver.execute_script("return location.hash")


def set_query(driver, text: str) -> None:
    q = driver.find_element(By.ID, "registry-query")
    q.click()
    q.send_keys(Keys.CONTROL, "a")
    q.send_keys(Keys.DELETE)
    if text:
        q.send_keys(text)


# --------------------------------------------------------------------------------------------

def test_published_sample_numbers(services_json):
    counts = {c["id"]: c["count"] for c in services_json["categories"]}
    assert counts == PUBLISHED
    vuln = next(c for c in services_json["categories"] if c["id"] == "vulnerability")
    assert vuln["pentest_option"] is True and vuln["pentest_count"] == PUBLISHED_PENTEST
    assert services_json["total"] == sum(PUBLISHED.values()) == len(services_json["services"])
    # Every count the portal shows is computed from the rows.
    for cid, n in counts.items():
        assert sum(s["category"] == cid for s in services_json["services"]) == n
    assert sum(s.get("pentest") is True for s in services_json["services"]) == PUBLISHED_PENTEST


def test_services_json_pentest_null_as_documented(services_json):
    option = {c["id"]: c["pentest_option"] for c in services_json["categories"]}
    for c in services_json["categories"]:
        assert "pentest_count" in c, f"category {c['id']} has no pentest_count key"
        assert (c["pentest_count"] is None) == (not c["pentest_option"])
    for s in services_json["services"]:
        assert "pentest" in s, f"{s['id']} has no pentest key"
        if option[s["category"]]:
            assert s["pentest"] in (True, False), s
        else:
            assert s["pentest"] is None, s


def test_filter_panel_visible_with_initial_count(registry, services_json):
    total = services_json["total"]
    form = registry.find_element(By.ID, "registry-filter")
    assert form.is_displayed()
    assert count_text(registry) == f"{total}件中 {total}件"
    count = registry.find_element(By.ID, "registry-count")
    assert count.get_attribute("role") == "status"
    boxes = registry.find_elements(By.CSS_SELECTOR, '#registry-filter input[name="category"]')
    assert [b.get_attribute("value") for b in boxes] == [c["id"] for c in services_json["categories"]]
    assert all(b.is_displayed() and not b.is_selected() for b in boxes)


def test_filter_hash_reload_and_back(registry, services_json):
    d = registry
    total = services_json["total"]
    counts = {c["id"]: c for c in services_json["categories"]}

    box(d, "category", "vulnerability").click()
    wait_count(d, total, counts["vulnerability"]["count"])
    assert "cat=vulnerability" in hash_of(d)

    box(d, "pentest", "1").click()
    pentest = counts["vulnerability"]["pentest_count"]
    wait_count(d, total, pentest)
    assert table_rows(d) == pentest == PUBLISHED_PENTEST
    h = hash_of(d)
    assert "cat=vulnerability" in h and "pentest=1" in h, h

    d.refresh()
    wait_count(d, total, pentest)
    assert box(d, "category", "vulnerability").is_selected()
    assert box(d, "pentest", "1").is_selected()
    assert table_rows(d) == pentest

    d.back()
    wait_count(d, total, counts["vulnerability"]["count"])
    assert box(d, "category", "vulnerability").is_selected()
    assert not box(d, "pentest", "1").is_selected()
    assert "pentest" not in hash_of(d)
    # The table renders the first page of rows and offers the rest behind a button.
    assert 0 < table_rows(d) <= counts["vulnerability"]["count"]


def test_each_category_count(registry, services_json):
    d = registry
    total = services_json["total"]
    for cat in services_json["categories"]:
        b = box(d, "category", cat["id"])
        b.click()
        wait_count(d, total, cat["count"])
        b.click()
        wait_count(d, total, total)


def test_keyword_is_folded_for_width_and_case(registry, services_json):
    d = registry
    total = services_json["total"]
    expected = sum("vpn" in fold(s["name"] + "\n" + s["provider"] + "\n" + s["summary"])
                   for s in services_json["services"])
    assert expected > 0
    results = {}
    for typed in ("ＶＰＮ", "vpn", "Vpn"):
        set_query(d, typed)
        wait_count(d, total, expected)
        time.sleep(0.5)  # past the 400 ms debounce that writes the hash
        assert shown_count(d) == expected
        results[typed] = shown_count(d)
        assert "q=" in hash_of(d)
    assert len(set(results.values())) == 1, results


def test_clear_all_resets(registry, services_json):
    d = registry
    total = services_json["total"]
    box(d, "category", "vulnerability").click()
    box(d, "pentest", "1").click()
    set_query(d, "Web")
    WebDriverWait(d, 5).until(lambda x: shown_count(x) < total)
    d.find_element(By.ID, "registry-clear").click()
    wait_count(d, total, total)
    assert not any(b.is_selected() for b in d.find_elements(By.CSS_SELECTOR, "#registry-filter input[type=checkbox]"))
    assert d.find_element(By.ID, "registry-query").get_attribute("value") == ""
    assert hash_of(d) == ""


def test_csv_export_matches_rows_shown(registry, services_json):
    d = registry
    total = services_json["total"]
    box(d, "category", "vulnerability").click()
    box(d, "pentest", "1").click()
    wait_count(d, total, PUBLISHED_PENTEST)
    text = d.execute_script("return window.PortalRegistry.currentCSV()")
    assert text.startswith("\ufeff" + CSV_HEADER + "\r\n"), text[:120]
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    assert rows[0] == CSV_HEADER.split(",")
    data = rows[1:]
    assert len(data) == shown_count(d) == table_rows(d) == PUBLISHED_PENTEST
    assert all(len(r) == 9 for r in data)
    by_id = {s["id"]: s for s in services_json["services"]}
    shown_ids = [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, ".services-table tbody th a")]
    for r, href in zip(data, shown_ids):
        s = by_id[r[8]]
        assert r[5] == "あり" and s["pentest"] is True
        assert r[3] == s["category_name"]
        assert r[2] == s["registered_on"].replace("-", "/")
        assert href == s["url"]

    # A keyword filter that yields more than one page of rows: CSV holds every row shown by the count.
    d.find_element(By.ID, "registry-clear").click()
    wait_count(d, total, total)
    text = d.execute_script("return window.PortalRegistry.currentCSV()")
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    assert len(rows) - 1 == total


def test_keyboard_tab_and_space(registry, services_json):
    d = registry
    total = services_json["total"]
    d.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    d.find_element(By.TAG_NAME, "body").click()
    wanted = {f"category:{c['id']}" for c in services_json["categories"]} | {"pentest:1"}
    reached = []
    vuln_reached = False
    actions = ActionChains(d, duration=0)
    for _ in range(80):
        actions.send_keys(Keys.TAB).perform()
        key = d.execute_script(
            "var e = document.activeElement;"
            "return e && e.type === 'checkbox' ? e.name + ':' + e.value : (e ? e.tagName + '#' + e.id : '');"
        )
        reached.append(key)
        if key == "category:vulnerability" and not vuln_reached:
            vuln_reached = True
            actions.send_keys(Keys.SPACE).perform()
            assert box(d, "category", "vulnerability").is_selected()
            wait_count(d, total, PUBLISHED["vulnerability"])
        if key == "pentest:1":
            actions.send_keys(Keys.SPACE).perform()
            assert box(d, "pentest", "1").is_selected()
            wait_count(d, total, PUBLISHED_PENTEST)
            break
    missing = wanted - set(reached)
    assert not missing, f"not reachable with Tab: {missing}; sequence {reached}"
    # Space toggles back off.
    actions.send_keys(Keys.SPACE).perform()
    wait_count(d, total, PUBLISHED["vulnerability"])


def test_filter_update_timing(registry, services_json, artifacts_dir):
    d = registry
    samples = d.execute_script(
        """
        var box = document.querySelector('#registry-filter input[name="category"][value="vulnerability"]');
        var out = [];
        for (var i = 0; i < 10; i++) {
          box.checked = !box.checked;
          var t0 = performance.now();
          box.dispatchEvent(new Event('change', {bubbles: true}));
          out.push(performance.now() - t0);
        }
        return out;
        """
    )
    query = d.execute_script(
        """
        var q = document.getElementById('registry-query');
        q.value = 'vpn';
        var t0 = performance.now();
        q.dispatchEvent(new Event('input', {bubbles: true}));
        return performance.now() - t0;
        """
    )
    rows = services_json["total"]
    lines = [
        f"rows: {rows}",
        "category change (ms): " + ", ".join(f"{s:.2f}" for s in samples),
        f"category change median (ms): {sorted(samples)[len(samples) // 2]:.2f}",
        f"keyword input 'vpn' (ms): {query:.2f}",
    ]
    (artifacts_dir / "registry-timing.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert len(samples) == 10
