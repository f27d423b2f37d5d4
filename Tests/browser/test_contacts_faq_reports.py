"""Contacts, FAQ, the incident sheet and the reports as a person uses them, in Chromium on file://."""
import base64
import re

from selenium.webdriver.common.by import By

from conftest import open as open_page, severe_errors


def test_contacts_have_dialable_and_mailable_links(driver):
    open_page(driver, "contacts.html")
    tel = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a[href^='tel:']")]
    mail = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a[href^='mailto:']")]
    assert "tel:+81-3-3501-1511" in tel and "tel:+81-3-3581-0141" in tel
    assert all(re.fullmatch(r"tel:\+81-[0-9-]+", t) for t in tel), tel  # the extension is shown, never dialled
    assert "mailto:bzl-cyber-madoguchi@meti.go.jp" in mail
    text = driver.find_element(By.ID, "main").text
    assert "内線 3964" in text
    assert driver.find_elements(By.CSS_SELECTOR, ".contact-placeholder .badge")


def test_faq_anchor_opens_its_entry_and_expand_all_toggles(driver):
    open_page(driver, "faq.html#police-recovery")
    entry = driver.find_element(By.ID, "police-recovery")
    assert entry.get_attribute("open") is not None
    others = [d for d in driver.find_elements(By.CSS_SELECTOR, "details.faq-entry") if d.get_attribute("id") != "police-recovery"]
    assert all(d.get_attribute("open") is None for d in others)
    button = driver.find_element(By.CSS_SELECTOR, "button.expand-all")
    assert button.is_displayed()
    button.click()
    assert all(d.get_attribute("open") is not None for d in driver.find_elements(By.CSS_SELECTOR, "details.faq-entry"))
    assert button.get_attribute("aria-expanded") == "true"
    button.click()
    assert all(d.get_attribute("open") is None for d in driver.find_elements(By.CSS_SELECTOR, "details.faq-entry"))
    assert severe_errors(driver) == []


def test_faq_entries_open_for_printing(driver):
    open_page(driver, "faq.html")
    driver.execute_script("window.dispatchEvent(new Event('beforeprint'))")
    assert all(d.get_attribute("open") is not None for d in driver.find_elements(By.CSS_SELECTOR, "details.faq-entry"))
    driver.execute_script("window.dispatchEvent(new Event('afterprint'))")
    assert all(d.get_attribute("open") is None for d in driver.find_elements(By.CSS_SELECTOR, "details.faq-entry"))


def test_contacts_page_prints_on_two_a4_pages(driver, artifacts_dir):
    """Printed to keep by the phone: its last two cards used to run onto a third page."""
    open_page(driver, "contacts.html")
    result = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": True})
    pdf = base64.b64decode(result["data"])
    (artifacts_dir / "contacts.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 1 <= pages <= 2, pages


def test_incident_sheet_prints_on_at_most_two_a4_pages(driver, artifacts_dir):
    open_page(driver, "incident.html")
    assert driver.find_elements(By.CSS_SELECTOR, ".checklist li")
    assert driver.find_elements(By.CSS_SELECTOR, ".incident-contacts a[href^='https://www.npa.go.jp/']")
    result = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": True})
    pdf = base64.b64decode(result["data"])
    (artifacts_dir / "incident.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 1 <= pages <= 2, pages


def test_home_links_the_incident_sheet_prominently(driver):
    open_page(driver, "index.html")
    link = driver.find_element(By.CSS_SELECTOR, ".urgent a.urgent-link")
    assert link.get_attribute("href").endswith("/incident.html")
    assert link.location["y"] < 600  # on the first screen


def test_risk_register_filters_and_counts(driver):
    open_page(driver, "reports/risk.html")
    rows = driver.find_elements(By.CSS_SELECTOR, "table.register tbody tr")
    assert len(rows) == 12
    values = [int(r.find_element(By.CSS_SELECTOR, ".risk-value").text) for r in rows]
    assert values == sorted(values, reverse=True)
    count = driver.find_element(By.ID, "risk-count")
    assert count.text == "12件中 12件"
    driver.find_element(By.CSS_SELECTOR, "#risk-category option[value='ランサムウェア']").click()
    assert count.text == "12件中 3件"
    driver.find_element(By.CSS_SELECTOR, "#risk-system option[value='社内サーバ']").click()
    assert count.text == "12件中 1件"
    assert len([r for r in rows if r.is_displayed()]) == 1


def test_maturity_radar_and_table(driver):
    open_page(driver, "reports/maturity.html")
    svg = driver.find_element(By.CSS_SELECTOR, "svg.radar")
    assert svg.get_attribute("role") == "img"
    assert len(driver.find_elements(By.CSS_SELECTOR, "svg.radar polygon.radar-series")) == 3
    assert len(driver.find_elements(By.CSS_SELECTOR, "#maturity-caption ~ tbody tr, table tbody tr")) >= 10
    assert driver.find_elements(By.CSS_SELECTOR, "ol.gaps li")
