"""Search as a person uses it, in Chromium on file://: the quality table, width and case
variants, keyboard, following a result to its highlighted section, and the no-JS fallback."""
import json
import re
import urllib.parse
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import open as open_page, page_url, severe_errors

QUALITY = json.loads((Path(__file__).resolve().parents[1] / "Shared" / "search-quality.json").read_text("utf-8"))["queries"]


def full_results(driver, query):
    open_page(driver, "search.html?q=" + urllib.parse.quote(query))
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "search-status").get_attribute("data-state") == "done")
    return [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#search-results > li.search-result > a")]


def result_pages(driver, query):
    """The page of each result, in order (one result per page)."""
    full_results(driver, query)
    return [li.get_attribute("data-page") for li in driver.find_elements(By.CSS_SELECTOR, "#search-results > li.search-result")]


def page_of(href):
    path = urllib.parse.urlparse(href).path
    return path.split("/output/", 1)[1]


@pytest.mark.parametrize("case", QUALITY, ids=[c["query"] for c in QUALITY])
def test_quality_table_in_the_page(driver, case):
    pages = result_pages(driver, case["query"])
    if case.get("none"):
        assert pages == [], f"{case['query']} should find nothing: {pages}"
        assert driver.find_elements(By.CSS_SELECTOR, ".search-empty")
    else:
        assert set(pages[:3]) & set(case["pages"]), f"top 3 for {case['query']}: {pages[:3]}, expected one of {case['pages']}"
        if case.get("first"):
            assert pages[0] in case["pages"], f"first for {case['query']}: {pages[:3]}"
    items = driver.find_elements(By.CSS_SELECTOR, "#search-results > li.search-result")
    kinds = [li.get_attribute("data-kind") for li in items]
    # Glossary entries are results of their own, each on glossary.html.
    terms = [bool(li.find_elements(By.CSS_SELECTOR, ".search-type-term")) for li in items]
    grouped = [p for p, k, t in zip(pages, kinds, terms) if k != "service" and not t]
    assert len(grouped) == len(set(grouped)), f"one result per page: {pages}"
    assert severe_errors(driver) == []


def test_registry_count_from_a_partial_search_is_a_lower_bound(driver):
    """基準適合 is on every service row, too common to search in full at first: the grouped
    result's count is then at least N (no per-category counts), and the list it opens shows every
    matching row; searching everything gives the exact count."""
    pages = result_pages(driver, "基準適合")
    item = driver.find_element(By.CSS_SELECTOR, "#search-results > li[data-page='services/index.html']")
    title = item.find_element(By.CSS_SELECTOR, ".search-title").text
    assert re.match(r"登録サービス \d+件以上（監査、脆弱性診断、フォレンジック、監視・運用、機器検証）$", title), title
    deep = [b for b in driver.find_elements(By.CSS_SELECTOR, "button") if b.is_displayed() and "すべての候補" in b.text]
    assert deep, "a partial search offers to search everything"
    deep[0].click()
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "search-status").get_attribute("data-state") == "done"
                                    and "以上" not in d.find_element(By.ID, "search-status").text)
    item = driver.find_element(By.CSS_SELECTOR, "#search-results > li[data-page='services/index.html']")
    title = item.find_element(By.CSS_SELECTOR, ".search-title").text
    assert title.startswith("登録サービス 339件（監査 72件、脆弱性診断 159件、"), title
    item.find_element(By.TAG_NAME, "a").click()
    WebDriverWait(driver, 10).until(lambda d: "339件中 339件" in d.find_element(By.ID, "registry-count").text)


def test_registry_result_of_a_partial_match_opens_the_rows_it_counted(driver):
    """フォレンジック 費用: no service holds 費用. The result counts the 39 forensics services;
    the list it opens must show them, not filter on 費用 as well and show none."""
    result_pages(driver, "フォレンジック 費用")
    item = driver.find_element(By.CSS_SELECTOR, "#search-results > li[data-page='services/index.html']")
    assert "費用" in item.find_element(By.CSS_SELECTOR, ".search-missing").text
    item.find_element(By.TAG_NAME, "a").click()
    WebDriverWait(driver, 10).until(lambda d: "services/index.html#q=" in d.current_url)
    WebDriverWait(driver, 10).until(lambda d: "339件中 39件" in d.find_element(By.ID, "registry-count").text)


def test_partial_matches_are_labelled_with_the_missing_word(driver):
    pages = result_pages(driver, "ランサムウェア 新幹線")
    assert pages, "a query with one unknown word still finds the pages holding the other"
    notes = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#search-results > li .search-missing")]
    assert len(notes) == len(pages) and all("新幹線" in n and "一部の語に一致" in n for n in notes), notes


def test_services_are_one_result_that_opens_the_filtered_registry(driver):
    pages = result_pages(driver, "フォレンジック")
    assert pages.count("services/index.html") == 1
    item = driver.find_element(By.CSS_SELECTOR, "#search-results > li[data-page='services/index.html']")
    title = item.find_element(By.CSS_SELECTOR, ".search-title").text
    assert title.startswith("登録サービス 39件") and "フォレンジック" in title, title
    link = item.find_element(By.TAG_NAME, "a")
    link.click()
    WebDriverWait(driver, 10).until(lambda d: "services/index.html#q=" in d.current_url)
    WebDriverWait(driver, 10).until(lambda d: "39件" in d.find_element(By.ID, "registry-count").text)


def test_contacts_answer_phone_lookups_with_the_number(driver):
    full_results(driver, "警察 電話番号")
    first = driver.find_element(By.CSS_SELECTOR, "#search-results > li.search-result")
    assert first.get_attribute("data-page") == "contacts.html"
    assert re.search(r"電話 ?[0-9#０-９]", first.text), first.text
    # The police number shown is 警察庁's, for questions about the request: beside it, its own
    # group and its snippet say it is not where to report (a hurried reader would dial it).
    assert "03-3581-0141" not in first.text or "被害の通報先ではありません" in first.text, first.text
    for li in first.find_elements(By.CSS_SELECTOR, ".search-sections li"):
        if "03-3581-0141" in li.text:
            assert "被害の通報先ではありません" in li.find_element(By.CSS_SELECTOR, ".search-section-group").text
            assert "窓口ではありません" in li.find_element(By.CSS_SELECTOR, ".search-snippet").text, li.text


def popup_titles(driver, text):
    box = driver.find_element(By.ID, "site-search-input")
    box.clear()
    box.send_keys(text)
    # The popup says which query it shows: wait for this one (no sleeping through the debounce).
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "site-search-results").get_attribute("data-query") == text)
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#site-search-results [role=option] .search-title")]


def test_typing_variants_give_the_same_results(driver):
    open_page(driver, "index.html")
    results = {q: popup_titles(driver, q) for q in ["ＶＰＮ", "ｖｐｎ", "Vpn", "vpn"]}
    assert results["vpn"], "no results for vpn"
    assert all(r == results["vpn"] for r in results.values()), results


def test_results_are_labelled_and_marked(driver):
    open_page(driver, "index.html")
    popup_titles(driver, "ランサムウェア")
    options = driver.find_elements(By.CSS_SELECTOR, "#site-search-results [role=option]")
    assert options
    assert all(o.find_element(By.CSS_SELECTOR, ".search-type").text for o in options)
    assert driver.find_elements(By.CSS_SELECTOR, "#site-search-results mark")
    marked = {m.get_attribute("textContent") for m in driver.find_elements(By.CSS_SELECTOR, "#site-search-results mark")}
    # The query and its synonyms: synonyms.yml's 身代金, the glossary entry's aliases.
    assert marked and marked <= {"ランサムウェア", "身代金", "ランサムウエア", "ランサム攻撃", "身代金要求型ウイルス"}, marked


def test_slash_focuses_and_arrows_and_enter_open_a_section_with_highlights(driver):
    open_page(driver, "guidance/overview.html")
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    assert driver.switch_to.active_element.get_attribute("id") == "site-search-input"
    box = driver.switch_to.active_element
    box.send_keys("警察 通報")
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "site-search-results").get_attribute("data-query") == "警察 通報")
    box.send_keys(Keys.ARROW_DOWN)
    active = box.get_attribute("aria-activedescendant")
    assert active == "site-search-option-0"
    target = driver.find_element(By.CSS_SELECTOR, "#site-search-option-0 a").get_attribute("href")
    box.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: d.current_url == target)
    fragment = urllib.parse.urlparse(target).fragment
    if fragment:
        assert driver.find_element(By.ID, urllib.parse.unquote(fragment))
    marks = driver.find_elements(By.CSS_SELECTOR, "main mark.search-highlight")
    # The words and their synonyms (content/search/synonyms.yml) are marked, nothing else.
    allowed = set(driver.execute_script("return PortalSearch.marksOf(arguments[0])", "警察 通報"))
    folded = {driver.execute_script("return PortalSearch.fold(arguments[0])", m.text) for m in marks}
    assert marks and folded <= allowed and folded & {"警察", "通報"}, (folded, allowed)


def test_no_results_state_suggests_and_links_the_site_map(driver):
    full_results(driver, "xyzzyqq")
    # Said in the live region, so that a screen reader announces it.
    assert "「xyzzyqq」に一致するページは見つかりませんでした" in driver.find_element(By.CSS_SELECTOR, "#search-status[role=status]").text
    empty = driver.find_element(By.CSS_SELECTOR, ".search-empty")
    assert "別の言い方" in empty.text and "見つかりませんでした" not in empty.text
    # Someone searching in a hurry may be mid-incident: the incident sheet and contacts first.
    help_links = driver.find_elements(By.CSS_SELECTOR, ".search-empty-help a")
    assert [a.text for a in help_links] == ["初動対応", "連絡先"]
    assert [page_of(a.get_attribute("href")) for a in help_links] == ["incident.html", "contacts.html"]
    assert driver.find_element(By.LINK_TEXT, "サイトマップを見る")


def test_search_page_is_a_bookmark(driver):
    hrefs = full_results(driver, "通報")
    assert hrefs
    assert driver.find_element(By.ID, "search-page-input").get_attribute("value") == "通報"
    assert "件" in driver.find_element(By.ID, "search-status").text


def test_without_javascript_the_box_explains_and_links_the_site_map(nojs_driver):
    open_page(nojs_driver, "index.html")
    note = nojs_driver.find_element(By.CSS_SELECTOR, ".site-search .search-note")
    assert "JavaScript" in note.text
    link = note.find_element(By.TAG_NAME, "a")
    assert link.get_attribute("href").endswith("/sitemap.html")
    open_page(nojs_driver, "sitemap.html")
    assert len(nojs_driver.find_elements(By.CSS_SELECTOR, "main li a")) > 15


VECTORS = json.loads((Path(__file__).resolve().parents[1] / "Shared" / "search-vectors.json").read_text("utf-8"))


def test_chromium_splits_queries_like_swift(driver):
    """Intl.Segmenter in Chromium gives the words ICU gives Swift (the shared vectors), with the
    shared vectors' synonyms in place of the site's."""
    open_page(driver, "index.html")
    got = driver.execute_script(
        "var w = arguments[0]; window.PortalSearch.setWords(w.words);"
        "var out = w.queries.map(function (q) { return window.PortalSearch.queryWords(q.query).map(function (x) { return x.alternatives; }); });"
        "window.PortalSearch.setWords(window.PortalSearchWords); return out;", VECTORS)
    expected = [q["words"] for q in VECTORS["queries"]]
    assert got == expected
    folded = driver.execute_script("return arguments[0].map(function (v) { return window.PortalSearch.fold(v.input); });", VECTORS["vectors"])
    assert folded == [v["normalized"] for v in VECTORS["vectors"]]


def test_a_synonym_does_not_match_inside_a_longer_katakana_word(driver):
    """サービス一覧 once found リスト inside SOCのアナリスト and ranked the monitoring services
    second, a result showing none of the words searched for."""
    full_results(driver, "サービス一覧")
    items = driver.find_elements(By.CSS_SELECTOR, "#search-results > li.search-result")
    assert items
    for li in items:
        shown = " ".join(e.text for e in li.find_elements(By.CSS_SELECTOR, ".search-title, .search-snippet"))
        assert re.search("一覧|サービスリスト", shown), shown
