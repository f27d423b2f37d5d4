"""A hostile content folder (XSS payloads in every field) must build and never run a payload."""
from __future__ import annotations

import subprocess
from urllib.parse import quote

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import PORTAL_BIN, REPO_ROOT, list_pages, open
from hostile_site import ATTR, CLOSE, IMG, SCRIPT, SVG, write_hostile_content

HOOK = """
window.__alerts = [];
window.alert = function (m) { window.__alerts.push(String(m)); };
window.confirm = function (m) { window.__alerts.push('confirm:' + m); return false; };
window.prompt = function (m) { window.__alerts.push('prompt:' + m); return null; };
"""

STATE_JS = "return {pwned: typeof window.__pwned, alerts: window.__alerts || null};"

# Every attribute an element may legitimately carry in the portal's pages, and every script URL.
DOM_AUDIT_JS = r"""
var problems = [];
var all = document.querySelectorAll('*');
for (var i = 0; i < all.length; i++) {
  var el = all[i];
  for (var j = 0; j < el.attributes.length; j++) {
    var a = el.attributes[j];
    if (/^on/i.test(a.name)) problems.push(el.tagName + ' has ' + a.name + '=' + a.value);
    if (/^\s*(javascript|data|vbscript):/i.test(a.value) && /^(href|src|action|formaction|xlink:href)$/i.test(a.name))
      problems.push(el.tagName + ' ' + a.name + '=' + a.value);
  }
  if (el.tagName === 'SCRIPT' && !el.src) problems.push('inline script: ' + el.textContent.slice(0, 80));
  if (el.tagName === 'SCRIPT' && el.src && el.src.indexOf(arguments[0]) !== 0) problems.push('foreign script ' + el.src);
  if (el.tagName === 'IFRAME' || el.tagName === 'OBJECT' || el.tagName === 'EMBED') problems.push('embedded ' + el.tagName);
}
var svgs = document.querySelectorAll('svg');
for (var k = 0; k < svgs.length; k++) { if (!svgs[k].closest('figure.chart')) problems.push('unexpected svg'); }
var imgs = document.querySelectorAll('img');
for (var m = 0; m < imgs.length; m++) problems.push('unexpected img ' + imgs[m].getAttribute('src'));
return problems;
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    assert PORTAL_BIN.is_file(), f"missing prebuilt binary {PORTAL_BIN}"
    root = tmp_path_factory.mktemp("hostile")
    content = write_hostile_content(root)
    out = root / "out"
    proc = subprocess.run(
        [str(PORTAL_BIN), "build", "--content", str(content), "--templates", str(REPO_ROOT / "templates"),
         "--output", str(out)],
        cwd=root, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, f"hostile build failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    assert (out / "index.html").is_file()
    return out


@pytest.fixture(scope="module")
def hooked(driver):
    result = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HOOK})
    yield driver
    driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": result["identifier"]})


def assert_clean(driver, where: str) -> None:
    state = driver.execute_script(STATE_JS)
    assert state["alerts"] == [], f"{where}: hook missing or alert fired: {state}"
    assert state["pwned"] == "undefined", f"{where}: payload ran: {state}"


def test_hostile_build_warns(hostile_site):
    pages = list_pages(hostile_site)
    assert "guidance/evil.html" in pages and "services/index.html" in pages
    text = (hostile_site / "guidance" / "evil.html").read_text(encoding="utf-8")
    assert "javascript:" not in text.lower()
    assert "<script>window" not in text and "<svg onload" not in text and "<img src=x" not in text


def test_hook_catches_a_payload(hostile_site, hooked):
    """Positive control: the pre-installed hook records alerts and the flag is visible."""
    d = hooked
    open(d, "index.html", root=hostile_site)
    d.execute_script("alert('probe'); window.__pwned = 1;")
    state = d.execute_script(STATE_JS)
    assert state == {"pwned": "number", "alerts": ["probe"]}
    open(d, "index.html", root=hostile_site)
    assert_clean(d, "index.html reloaded")


def test_hostile_pages_run_nothing(hostile_site, hooked):
    d = hooked
    prefix = hostile_site.as_uri() + "/"
    for rel in list_pages(hostile_site):
        errors = open(d, rel, root=hostile_site)
        assert errors == [], f"{rel}: console errors {errors}"
        assert_clean(d, rel)
        problems = d.execute_script(DOM_AUDIT_JS, prefix)
        assert problems == [], f"{rel}: {problems}"
        # Fire mouse events at every element, then hover the first links for real.
        d.execute_script(
            "document.querySelectorAll('*').forEach(function (e) {"
            " ['mouseover', 'mouseenter', 'focus', 'click'].forEach(function (t) {"
            "  if (t === 'click' && (e.tagName === 'A' || e.closest('a, button, label, input, select'))) return;"
            "  e.dispatchEvent(new MouseEvent(t, {bubbles: true})); }); });"
        )
        links = [a for a in d.find_elements(By.CSS_SELECTOR, "a[href]") if a.is_displayed()][:12]
        for a in links:
            ActionChains(d, duration=0).move_to_element(a).perform()
        assert_clean(d, rel + " after hover")


def test_hostile_clicks(hostile_site, hooked):
    d = hooked
    open(d, "guidance/evil.html", root=hostile_site)
    # In-page links (toc, anchor) and links to other local pages.
    for i in range(len(d.find_elements(By.CSS_SELECTOR, "main a[href^='#']"))):
        a = d.find_elements(By.CSS_SELECTOR, "main a[href^='#']")[i]
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", a)
        a.click()
        assert_clean(d, f"evil.html after clicking in-page link {i}")
    # Links a person can click (the phone menu's copy of the navigation is hidden at desk width).
    pick = ("return Array.prototype.filter.call(document.querySelectorAll('a[href]'), function (a) {"
            " return a.href.indexOf('file://') === 0 && a.getAttribute('href').charAt(0) !== '#' && a.getClientRects().length > 0; });")
    n = len(d.execute_script(pick))
    assert n > 0
    for i in range(min(n, 8)):
        open(d, "guidance/evil.html", root=hostile_site)
        target = d.execute_script(pick)[i]
        href = target.get_attribute("href")
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", target)
        target.click()
        WebDriverWait(d, 5).until(lambda x: x.execute_script("return document.readyState") == "complete")
        assert d.current_url.split("#")[0] == href.split("#")[0]
        assert_clean(d, f"after clicking {href}")


def test_file_named_like_a_scheme_opens_as_a_file(hostile_site, hooked):
    """A file called `javascript:…` is linked as a relative path, never as a script URL."""
    d = hooked
    open(d, "guidance/evil.html", root=hostile_site)
    hrefs = d.execute_script("return Array.prototype.map.call(document.querySelectorAll('a.attachment'), function (a) { return a.getAttribute('href'); });")
    assert hrefs == ["javascript%3Awindow.__pwned=1", "javascript%3Awindow.__pwned=1"]
    for i in range(2):
        open(d, "guidance/evil.html", root=hostile_site)
        link = d.find_elements(By.CSS_SELECTOR, "a.attachment")[i]
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
        link.click()
        WebDriverWait(d, 5).until(lambda x: x.current_url.endswith("javascript%3Awindow.__pwned=1"))
        assert "just a file" in d.find_element(By.TAG_NAME, "body").text
        open(d, "guidance/evil.html", root=hostile_site)
        assert_clean(d, f"after clicking attachment link {i}")


def test_hostile_registry_keyword_and_hash(hostile_site, hooked):
    d = hooked
    errors = open(d, "services/index.html", root=hostile_site)
    assert errors == []
    form = d.find_element(By.ID, "registry-filter")
    assert form.is_displayed(), "registry script did not start on the hostile data"
    count = d.find_element(By.ID, "registry-count")
    WebDriverWait(d, 5).until(lambda x: count.text.strip() != "")
    assert count.text.strip() == "15件中 15件"
    q = d.find_element(By.ID, "registry-query")
    for payload in (SCRIPT, IMG, SVG, ATTR, CLOSE, "vpn"):
        q.clear()
        q.send_keys(payload)
        d.execute_script("return new Promise(function (r) { setTimeout(r, 450); })")
        assert_clean(d, f"registry after typing {payload!r}")
        assert "<script" not in d.execute_script("return document.querySelector('.services-table tbody').innerHTML")
        for a in d.find_elements(By.CSS_SELECTOR, ".services-table tbody a")[:5]:
            ActionChains(d, duration=0).move_to_element(a).perform()
        assert_clean(d, f"registry rows after typing {payload!r}")
    # Hostile state in the URL hash, then the CSV of the rows shown.
    for hash_ in ("#q=" + quote(SCRIPT), "#cat=" + quote(IMG) + "&q=" + quote(ATTR), "#sort=" + quote(SVG)):
        open(d, "services/index.html" + hash_, root=hostile_site)
        assert_clean(d, f"registry with hash {hash_}")
        csv_text = d.execute_script("return window.PortalRegistry.currentCSV()")
        assert csv_text.startswith("\ufeffサービス名,")
    assert d.execute_script(DOM_AUDIT_JS, hostile_site.as_uri() + "/") == []


def test_hostile_site_search(hostile_site, hooked):
    """If the portal has a site search (header box or search page), payloads typed into it or
    passed in ?q= must not run either."""
    d = hooked
    from selenium.webdriver.common.keys import Keys

    boxes_seen = 0
    for page, box_id in (("index.html", "site-search-input"), ("guidance/evil.html", "site-search-input"),
                         ("search.html", "search-page-input")):
        if not (hostile_site / page).is_file():
            continue
        for payload in (f"{SCRIPT} {IMG}", f"{SVG} {ATTR} {CLOSE}", "Evil"):
            open(d, page, root=hostile_site)
            boxes = d.find_elements(By.ID, box_id)
            if not boxes or not boxes[0].is_displayed():
                break
            boxes_seen += 1
            boxes[0].send_keys(payload)
            d.execute_script("return new Promise(function (r) { setTimeout(r, 350); })")
            assert_clean(d, f"{page} after typing {payload!r} into #{box_id}")
            boxes[0].send_keys(Keys.ARROW_DOWN)
            boxes[0].send_keys(Keys.ENTER)
            WebDriverWait(d, 5).until(lambda x: x.execute_script("return document.readyState") == "complete")
            d.execute_script("return new Promise(function (r) { setTimeout(r, 200); })")
            assert_clean(d, f"after submitting {payload!r} from {page} (now {d.current_url})")
    if (hostile_site / "search.html").is_file():
        for payload in (SCRIPT, IMG, SVG, ATTR, CLOSE):
            open(d, "search.html?q=" + quote(payload), root=hostile_site)
            assert d.find_elements(By.ID, "search-page-input"), d.current_url
            d.execute_script("return new Promise(function (r) { setTimeout(r, 200); })")
            assert_clean(d, f"search.html?q={payload!r}")
            assert d.execute_script(DOM_AUDIT_JS, hostile_site.as_uri() + "/") == []
    if boxes_seen == 0 and not (hostile_site / "search.html").is_file():
        pytest.skip("this build has no site search")
