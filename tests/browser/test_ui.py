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

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(os.environ.get("DECLASS_BIN", ROOT / "target" / "debug" / "declass"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    tmp = tempfile.mkdtemp(prefix="declass-ui-")
    archive = os.path.join(tmp, "archive")
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
def browser():
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1360,900", f"--user-data-dir={tempfile.mkdtemp(prefix='declass-chrome-')}"]:
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


def shot(driver, name):
    out = pathlib.Path(os.environ.get("DECLASS_SCREENSHOTS") or tempfile.gettempdir())
    out.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(out / f"{name}.png"))


def test_search_filter_open_and_see_evidence(server, browser):
    browser.get(server + "/")
    box = browser.find_element(By.NAME, "q")
    box.send_keys('Qian Qichen')
    box.send_keys(Keys.ENTER)
    summary = browser.find_element(By.CSS_SELECTOR, "p.summary").text
    assert summary.split()[0].isdigit() and int(summary.split()[0]) >= 2, summary
    assert "Qian Qichen" in browser.find_element(By.CSS_SELECTOR, "p.summary q").text
    # Matched terms are highlighted in the snippets.
    assert browser.find_elements(By.CSS_SELECTOR, ".snippet b")
    shot(browser, "search")

    # Filter by a facet: only briefing memoranda remain, and the URL holds the state.
    browser.find_element(By.LINK_TEXT, "briefing memorandum").click()
    assert "type=briefing_memorandum" in browser.current_url
    hits = browser.find_elements(By.CSS_SELECTOR, "li.hit")
    assert len(hits) == 1
    assert "briefing memorandum" in hits[0].text

    # Open the document; click the date and see its evidence marked in the text.
    hits[0].find_element(By.CSS_SELECTOR, "a.title").click()
    assert "/doc/" in browser.current_url
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
