"""The UI in a real headless Chromium (Debian's chromium + chromedriver, driven by Selenium).

A fresh archive is built from the bundled sample corpus with the `declass` binary, served on
a free loopback port, and used the way a researcher would: search, filter by a facet, open a
document, click a field and see its evidence highlighted in the text.

Screenshots go to $DECLASS_SCREENSHOTS (default: a temporary folder); `scripts/screenshots`
sets it to docs/screenshots to refresh the images the README shows.
"""
import os
import pathlib
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(os.environ.get("DECLASS_BIN", ROOT / "target" / "debug" / "declass"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    archive = str(tmp_path_factory.mktemp("ui") / "archive")
    r = subprocess.run([str(BIN), "ingest", str(ROOT / "corpus" / "sample"), "--archive", archive, "--json"],
                       capture_output=True, text=True)
    assert r.returncode in (0, 1), r.stderr
    port = free_port()
    proc = subprocess.Popen([str(BIN), "serve", "--archive", archive, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/api/stats", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("server did not start: " + proc.stderr.read().decode())
    yield base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1360,900", f"--user-data-dir={tmp_path_factory.mktemp('chrome')}"]:
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


def arrived(driver, *parts):
    """Wait until the URL holds every part: a click or a form post navigates asynchronously,
    so reading current_url straight after it may still see the page it left."""
    try:
        WebDriverWait(driver, 10).until(lambda d: all(p in d.current_url for p in parts))
    except TimeoutException:
        pass
    return all(p in driver.current_url for p in parts)


def shot(driver, name):
    out = pathlib.Path(os.environ.get("DECLASS_SCREENSHOTS") or tempfile.gettempdir())
    out.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(out / f"{name}.png"))


def test_search_filter_open_and_see_evidence(server, browser):
    browser.get(server + "/")
    box = browser.find_element(By.NAME, "q")
    box.send_keys('Qian Qichen')
    box.send_keys(Keys.ENTER)
    # (the form's submission navigates asynchronously: the home page's summary may still be
    # there, and go stale, when read straight after the key)
    assert arrived(browser, "q=Qian"), browser.current_url
    summary = WebDriverWait(browser, 10, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "p.summary q")
        and d.find_element(By.CSS_SELECTOR, "p.summary").text
    )
    assert summary.split()[0].isdigit() and int(summary.split()[0]) >= 2, summary
    assert "Qian Qichen" in browser.find_element(By.CSS_SELECTOR, "p.summary q").text
    # Matched terms are highlighted in the snippets.
    assert browser.find_elements(By.CSS_SELECTOR, ".snippet b")
    shot(browser, "search")

    # Filter by a facet: only briefing memoranda remain, and the URL holds the state.
    browser.find_element(By.LINK_TEXT, "briefing memorandum").click()
    assert arrived(browser, "type=briefing_memorandum"), browser.current_url
    hits = browser.find_elements(By.CSS_SELECTOR, "li.hit")
    assert len(hits) == 1
    assert "briefing memorandum" in hits[0].text

    # Open the document; click the date and see its evidence marked in the text.
    hits[0].find_element(By.CSS_SELECTOR, "a.title").click()
    assert arrived(browser, "/doc/"), browser.current_url
    date_link = browser.find_element(By.XPATH, "//table[@class='fields']//th[text()='date']/following-sibling::td/a")
    assert date_link.text == "1993-11-03"
    date_link.click()
    target = browser.find_element(By.CSS_SELECTOR, "mark:target")
    assert target.text == "1993/11/03"
    bg = target.value_of_css_property("background-color")
    assert bg in ("rgba(255, 229, 138, 1)", "rgb(255, 229, 138)"), bg
    shot(browser, "document")


def test_document_text_is_escaped_and_bad_queries_explained(server, browser):
    browser.get(server + "/?q=%22unbalanced")
    assert "unbalanced quote" in browser.find_element(By.CSS_SELECTOR, "div.error").text
    browser.get(server + "/?q=&type=telegram")
    assert browser.find_elements(By.CSS_SELECTOR, "li.hit"), "telegrams in the sample"
    # No script from document text ever runs: the page has no script elements at all.
    assert browser.execute_script("return document.scripts.length") == 0


def test_follow_a_person_and_see_their_timeline(server, browser):
    browser.get(server + "/?q=Schifter")
    browser.find_element(By.CSS_SELECTOR, "li.hit a.title").click()
    # The document page lists its people; follow the author to his page.
    person = browser.find_element(By.CSS_SELECTOR, "ul.parties").find_element(By.LINK_TEXT, "Richard Schifter")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", person)
    person.click()
    assert arrived(browser, "/person?name=Richard+Schifter"), browser.current_url
    assert browser.find_element(By.TAG_NAME, "h1").text == "Richard Schifter"
    assert "As author" in browser.find_element(By.CSS_SELECTOR, "section.role h2").text
    assert browser.find_elements(By.CSS_SELECTOR, "figure.chart svg rect"), "a timeline"
    shot(browser, "person")
    # From the person to every document naming him, as a search filter.
    browser.find_element(By.LINK_TEXT, "search these documents").click()
    assert arrived(browser, "person=Richard+Schifter"), browser.current_url
    assert len(browser.find_elements(By.CSS_SELECTOR, "li.hit")) == 1

    browser.get(server + "/people")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.names tbody tr")
    assert len(rows) > 10
    shot(browser, "people")


def test_timeline_bar_filters_by_year(server, browser):
    browser.get(server + "/?q=Cuba")
    bars = browser.find_elements(By.CSS_SELECTOR, "figure.chart a")
    assert len(bars) > 3, "a year chart over the results"
    # The busiest year: click its bar.
    hrefs = [b.get_dom_attribute("href") for b in bars]
    titles = [b.find_element(By.TAG_NAME, "title").get_attribute("textContent") for b in bars]
    counts = [int(t.split(": ")[1].split()[0]) for t in titles]
    busiest = counts.index(max(counts))
    year = hrefs[busiest].split("from=")[1].split("&")[0]
    bars[busiest].click()
    assert arrived(browser, f"from={year}", f"to={year}"), browser.current_url
    dates = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "li.hit span.date")]
    assert dates and all(d.startswith(year) for d in dates), dates


def test_export_secrecy_network_and_collection(server, browser):
    browser.get(server + "/?q=Qian")
    export = browser.find_element(By.LINK_TEXT, "CSV").get_attribute("href")
    assert "/api/export?format=csv" in export and "q=Qian" in export
    csv_text = urllib.request.urlopen(export).read().decode()
    assert csv_text.startswith("id,date,doc_type,title,")
    assert len(csv_text.strip().splitlines()) >= 3

    browser.find_element(By.LINK_TEXT, "secrecy").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Secrecy"
    assert browser.find_elements(By.CSS_SELECTOR, "table.heat td a"), "cells link to their documents"
    browser.get(server + "/secrecy")
    shot(browser, "secrecy")

    browser.get(server + "/network")
    nodes = browser.find_elements(By.CSS_SELECTOR, "figure.network circle")
    assert len(nodes) >= 5
    shot(browser, "network")

    browser.get(server + "/collection")
    assert "Failed or partly read files" in browser.page_source
    shot(browser, "collection")
    assert browser.execute_script("return document.scripts.length") == 0


def test_entities_and_a_correction(server, browser):
    # The document page lists its entities; follow a place to its page.
    browser.get(server + "/?q=Tarnoff")
    browser.find_element(By.CSS_SELECTOR, "li.hit a.title").click()
    assert browser.find_element(By.XPATH, "//h2[text()='Entities']")
    china = browser.find_element(By.CSS_SELECTOR, "p.entities a[href='/place?name=China']")
    # Its mention count jumps to the first mention, marked in the text.
    first = china.find_element(By.XPATH, "following-sibling::a[1]")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", first)
    first.click()
    assert browser.find_element(By.CSS_SELECTOR, "mark:target").get_attribute("class") == "entity"
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", china)
    china.click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "China"
    assert "As mentioned" in browser.find_element(By.CSS_SELECTOR, "section.role h2").text
    shot(browser, "place")

    # Merge one person into another with the page's form; the merged name now leads there.
    browser.get(server + "/person?name=K.+Wiedemann")
    box = browser.find_element(By.NAME, "into")
    box.send_keys("Winston Lord")
    box.find_element(By.XPATH, "following::button[1]").click()
    assert arrived(browser, "/person?name=Winston"), browser.current_url
    assert browser.find_element(By.TAG_NAME, "h1").text == "Winston Lord"
    summary = browser.find_element(By.CSS_SELECTOR, "p.summary").text
    assert "named in 2 documents" in summary, summary
    browser.get(server + "/person?name=K.+Wiedemann")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Winston Lord", "the merged name redirects"
    req = urllib.request.Request(server + "/api/corrections?kind=person&name=K.%20Wiedemann", method="DELETE")
    assert urllib.request.urlopen(req, timeout=5).status == 200
