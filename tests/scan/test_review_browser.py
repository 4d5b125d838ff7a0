"""review.html in a real browser (Debian's Chromium through Selenium): clicking answers and
saving gives corrections.csv from the file, or a POST to `exampdf scan --serve`."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest

from exampdf.scan.keyinfo import ScanKey, read_scan_key
from exampdf.scan.read import PageRead, read_page
from exampdf.scan.results import read_corrections
from exampdf.scan.run import CORRECTIONS, correct, write_outputs
from exampdf.scan.serve import make_server
from tests.helpers.scansynth import Condition, Exam, fill, scan, tear_identity

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER),
    reason="no Chromium: apt-get install chromium chromium-driver (as .ci/run does)",
)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    webdriver = pytest.importorskip("selenium.webdriver")
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1000,1400"):
        opts.add_argument(arg)
    opts.add_experimental_option("prefs", {"download.default_directory": str(tmp_path / "dl")})
    service = webdriver.ChromeService(executable_path=str(DRIVER))
    driver = webdriver.Chrome(options=opts, service=service)
    try:
        yield driver
    finally:
        driver.quit()


def _scan_with_reviews(exam: Exam, folder: Path, torn: bool = False) -> list[PageRead]:
    """Two sheets read; one row and one student number forced open for review (and with
    `torn`, the second sheet has lost its QR code and code row: its version is asked)."""
    rng = np.random.default_rng(4)
    key = read_scan_key(exam.key_path.read_text(encoding="utf-8"))
    pages = []
    for n in range(2):
        imgs, _ = fill(exam, rng, f"{5500 + n}", exam.codes[n])
        page = tear_identity(imgs[0], key.paper) if torn and n else imgs[0]
        pages.append(read_page(scan(page, Condition("c"), rng), "s&<x>.pdf", n + 1, key))
        ok, png = cv2.imencode(".png", imgs[0][1500:1600, 200:1200])
        assert ok
        pages[-1].cells[3 - 3 * n].status = "review"
        pages[-1].cells[3 - 3 * n].crop = png.tobytes()
    write_outputs(folder, pages, key, "確認テスト")
    return pages


def _click_through(driver: object) -> None:
    from selenium.webdriver.common.by import By

    items = driver.find_elements(By.CSS_SELECTOR, ".item")  # type: ignore[attr-defined]
    assert len(items) >= 2
    items[0].find_element(By.CSS_SELECTOR, 'button[data-v="B"]').click()
    box = next(i for i in items if i.get_attribute("data-kind") == "id")
    field = box.find_element(By.TAG_NAME, "input")
    field.clear()
    field.send_keys("5501")
    driver.find_element(By.ID, "save").click()  # type: ignore[attr-defined]


def test_review_html_saves_corrections_csv_from_the_file(
    exam: Exam, tmp_path: Path, browser: object
) -> None:
    folder = tmp_path / "scan"
    pages = _scan_with_reviews(exam, folder)
    browser.get((folder / "review.html").as_uri())  # type: ignore[attr-defined]
    browser.save_screenshot(str(tmp_path / "review.png"))  # type: ignore[attr-defined]
    shutil.copy(tmp_path / "review.png", "/tmp/sc/review.png") if Path("/tmp/sc").is_dir() else None
    _click_through(browser)
    saved = tmp_path / "dl" / "corrections.csv"
    for _ in range(50):
        if saved.exists():
            break
        time.sleep(0.1)
    fixes = read_corrections(saved.read_text(encoding="utf-8"))
    c = pages[0].cells[3]  # the read letters start pressed; B toggles on a multi-answer row
    want = "".join(sorted(set(c.value) ^ {"B"})) if c.multi else "B"
    assert fixes == {f"s&<x>.pdf#1:{c.key}": want, "s&<x>.pdf#2:id": "5501"}


def test_review_served_on_localhost_applies_the_saved_corrections(
    exam: Exam, tmp_path: Path, browser: object
) -> None:
    folder = tmp_path / "scan"
    _scan_with_reviews(exam, folder)
    key = read_scan_key(exam.key_path.read_text(encoding="utf-8"))

    def on_post(text: str) -> str:
        (folder / CORRECTIONS).write_text(text, encoding="utf-8")
        s = correct(folder, read_corrections(text), key, "t")
        return f"saved; {s.review} open"

    server = make_server(folder, 0, on_post)
    assert server.server_address[0] == "127.0.0.1"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        browser.get(f"http://127.0.0.1:{server.server_address[1]}/")  # type: ignore[attr-defined]
        _click_through(browser)
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait

        WebDriverWait(browser, 10).until(lambda d: "saved" in d.find_element(By.ID, "status").text)
    finally:
        server.shutdown()
        server.server_close()
    rows = (folder / "responses.csv").read_text(encoding="utf-8").splitlines()
    assert any(r.startswith("5501,") for r in rows) and "?" not in "".join(rows)


def test_review_html_asks_the_version_of_a_sheet_without_one(
    exam: Exam, tmp_path: Path, browser: object
) -> None:
    from selenium.webdriver.common.by import By

    folder = tmp_path / "scan"
    pages = _scan_with_reviews(exam, folder, torn=True)
    assert pages[1].status == "ask-version"
    browser.get((folder / "review.html").as_uri())  # type: ignore[attr-defined]
    ask = browser.find_element(By.CSS_SELECTOR, ".ask")  # type: ignore[attr-defined]
    offered = [b.get_attribute("data-v") for b in ask.find_elements(By.TAG_NAME, "button")]
    assert offered == [f"{exam.codes[1]}/1", "-"]  # its bubbles are version B's
    header = ask.find_element(By.TAG_NAME, "img")
    assert header.get_property("naturalWidth") > 2.5 * header.get_property("naturalHeight") > 0
    ask.find_element(By.CSS_SELECTOR, f'button[data-v="{exam.codes[1]}/1"]').click()
    assert "done" in (ask.get_attribute("class") or "")
    browser.save_screenshot(str(tmp_path / "ask.png"))  # type: ignore[attr-defined]
    shutil.copy(tmp_path / "ask.png", "/tmp/sc/ask.png") if Path("/tmp/sc").is_dir() else None
    browser.find_element(By.ID, "save").click()  # type: ignore[attr-defined]
    saved = tmp_path / "dl" / "corrections.csv"
    for _ in range(50):
        if saved.exists():
            break
        time.sleep(0.1)
    fixes = read_corrections(saved.read_text(encoding="utf-8"))
    assert fixes == {"s&<x>.pdf#2:version": f"{exam.codes[1]}/1"}
    key = read_scan_key(exam.key_path.read_text(encoding="utf-8"))
    s = correct(folder, fixes, key, "t")
    assert s.versionless == 0
    rows = (folder / "responses.csv").read_text(encoding="utf-8").splitlines()
    assert sorted(r.split(",")[1] for r in rows[1:]) == exam.codes[:2]  # no version ? left


def test_a_version_chosen_in_the_served_review_is_applied_at_once(
    exam: Exam, tmp_path: Path, browser: object
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    folder = tmp_path / "scan"
    _scan_with_reviews(exam, folder, torn=True)
    key = read_scan_key(exam.key_path.read_text(encoding="utf-8"))
    server = make_server(folder, 0, lambda text: _apply_served(folder, text, key))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        browser.get(f"http://127.0.0.1:{server.server_address[1]}/")  # type: ignore[attr-defined]
        ask = browser.find_element(By.CSS_SELECTOR, ".ask")  # type: ignore[attr-defined]
        ask.find_element(By.CSS_SELECTOR, f'button[data-v="{exam.codes[1]}/1"]').click()
        browser.find_element(By.ID, "save").click()  # type: ignore[attr-defined]
        WebDriverWait(browser, 10).until(lambda d: "saved" in d.find_element(By.ID, "status").text)
        assert "0 waiting" in browser.find_element(By.ID, "status").text  # type: ignore[attr-defined]
        browser.refresh()  # type: ignore[attr-defined]
        assert not browser.find_elements(By.CSS_SELECTOR, ".ask")  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()
    saved = read_corrections((folder / CORRECTIONS).read_text(encoding="utf-8"))
    assert saved == {"s&<x>.pdf#2:version": f"{exam.codes[1]}/1"}
    rows = (folder / "responses.csv").read_text(encoding="utf-8").splitlines()
    assert sorted(r.split(",")[1] for r in rows[1:]) == exam.codes[:2]


def _apply_served(folder: Path, text: str, key: ScanKey) -> str:
    (folder / CORRECTIONS).write_text(text, encoding="utf-8")
    s = correct(folder, read_corrections(text), key, "t")
    return f"saved; {s.review} open, {s.versionless} waiting"
