"""Drives the vanban web editor in headless Chromium (Debian's chromium and
chromium-driver) through WebDriver, as a clerk would: choose "Báo cáo", fill
the header, type two numbered sections, wait for the pages, download the PDF,
then make a mistake in the date and read the message next to the date field.

Run by tests/serve_browser.rs: python3 editor.py URL OUT_DIR. Screenshots and
the downloaded PDF go to OUT_DIR; a failed check exits non-zero.
"""

import os
import re
import shutil
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

URL, OUT = sys.argv[1], sys.argv[2]
os.makedirs(OUT, exist_ok=True)
downloads = tempfile.mkdtemp(prefix="vanban-dl-")
profile = tempfile.mkdtemp(prefix="vanban-chromium-")

opts = webdriver.ChromeOptions()
opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
for a in [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1366,768",
    f"--user-data-dir={profile}",
]:
    opts.add_argument(a)
opts.add_experimental_option(
    "prefs",
    {
        "download.default_directory": downloads,
        "download.prompt_for_download": False,
    },
)
service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
driver = webdriver.Chrome(service=service, options=opts)
# A 1366x768 screen: the page must work there.
driver.execute_cdp_cmd(
    "Emulation.setDeviceMetricsOverride",
    {"width": 1366, "height": 768, "deviceScaleFactor": 1, "mobile": False},
)
wait = WebDriverWait(driver, 60)


def check(cond, what):
    if not cond:
        driver.save_screenshot(os.path.join(OUT, "failure.png"))
        print("FAILED:", what, file=sys.stderr)
        driver.quit()
        sys.exit(1)
    print("ok:", what)


def field(fid):
    return driver.find_element(By.ID, fid)


def type_into(fid, text):
    el = field(fid)
    el.clear()
    el.send_keys(text)


try:
    driver.get(URL)
    check("vanban" in driver.title, "the page opens")

    # The page's body converter: natural numbering → JSON blocks.
    got = driver.execute_script(
        "return textToBody(arguments[0]);",
        "Mở đầu.\nI. Kết quả\n1. Kinh tế\nTăng **8%**.\na) Nông nghiệp\n- lúa\n- ngô\n"
        "c) Dịch vụ\n2. Xã hội\nII. Nhiệm vụ\nTT\tChỉ tiêu\n1\tThu ngân sách\n2\tVốn",
    )
    want = {
        "body": [
            "Mở đầu.",
            {"heading": "Kết quả", "body": [
                {"heading": "Kinh tế", "body": [
                    "Tăng **8%**.",
                    {"heading": "Nông nghiệp", "body": [{"list": ["lúa", "ngô"]}]},
                    {"heading": "Dịch vụ", "number": "c"},
                ]},
                {"heading": "Xã hội"},
            ]},
            {"heading": "Nhiệm vụ", "body": [
                {"table": {"columns": [{"title": "TT"}, {"title": "Chỉ tiêu"}],
                           "rows": [["1", "Thu ngân sách"], ["2", "Vốn"]]}},
            ]},
        ],
        "numbering": ["I.", "1.", "a)"],
    }
    check(got == want, f"the body converter: {got}")
    got = driver.execute_script("return textToBody(arguments[0]);", "Điều 1. Phạm vi\nĐiều 2. Hiệu lực")
    check(got == {"body": [{"heading": "Phạm vi"}, {"heading": "Hiệu lực"}], "numbering": ["Điều"]},
          f"articles: {got}")
    # What the text box cannot show faithfully is kept as it is (null).
    got = driver.execute_script(
        "return arguments[0].map(b => bodyToText(b, undefined, 'bao_cao'));",
        [
            ["Dòng một\ndòng hai"],
            ["1. không phải số mục"],
            [{"heading": "Mục", "numbered": False}],
            [{"heading": "A"}, "đoạn sau mục"],
            [{"paragraph": "căn giữa", "align": "center"}],
        ],
    )
    check(got == [None] * 5, f"unrepresentable bodies are kept: {got}")
    # Back to text with the type's default numbering when the JSON gives none.
    got = driver.execute_script(
        "return [bodyToText(arguments[0], undefined, 'quyet_dinh'), bodyToText(arguments[0], undefined, 'cong_van')];",
        [{"heading": "Phạm vi", "body": [{"heading": "Khoản", "body": ["Nội dung."]}]}],
    )
    check(got == ["Điều 1. Phạm vi\n1. Khoản\nNội dung.", "I. Phạm vi\n1. Khoản\nNội dung."],
          f"default numbering by type: {got}")
    Select(field("f-type")).select_by_visible_text("Báo cáo")
    # The starter of the type fills the form.
    wait.until(lambda d: field("f-name").get_attribute("value") != "" and field("f-body").get_attribute("value") != "")
    check(True, "the Báo cáo starter fills the form: " + field("f-name").get_attribute("value"))
    type_into("f-parent", "ỦY BAN NHÂN DÂN HUYỆN BA TƠ")
    type_into("f-name", "ỦY BAN NHÂN DÂN XÃ BA ĐIỀN")
    type_into("f-abbr", "UBND")
    type_into("f-place", "Ba Điền")
    type_into("f-date", "15/3/2024")
    type_into("f-title", "Kết quả thực hiện nhiệm vụ năm 2023")
    type_into("f-sig-tm", "ỦY BAN NHÂN DÂN")
    type_into("f-sig-title", "CHỦ TỊCH")
    type_into("f-sig-name", "Phạm Văn Hùng")
    type_into("f-recipients", "UBND huyện Ba Tơ;\nThường trực Đảng ủy xã;")
    type_into("f-archive", "VT\nVP")
    para = (
        "Trong năm, Ủy ban nhân dân xã đã tập trung chỉ đạo thực hiện các "
        "nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh; "
        "các chỉ tiêu chủ yếu đều đạt và vượt kế hoạch đề ra, đời sống của "
        "Nhân dân từng bước được nâng lên."
    )
    body = field("f-body")
    # The starter's body is there to be replaced.
    body.clear()
    body.click()
    body.send_keys("I. Tình hình chung\n")
    for i in range(6):
        body.send_keys(f"{para} Nội dung thứ {i + 1} của phần một.\n")
    body.send_keys("II. Nhiệm vụ năm 2024\n")
    for i in range(6):
        body.send_keys(f"{para} Nội dung thứ {i + 1} của phần hai.\n")
    body.send_keys("- Tiếp tục **cải cách hành chính**;\n- Chăm lo *an sinh xã hội*.")

    def two_pages(d):
        return d.execute_script(
            "const p = document.querySelectorAll('#pages svg.vb-page');"
            "return p.length >= 2 && !document.getElementById('pages').classList.contains('stale')"
            " && document.getElementById('status').textContent.includes('trang');"
        )

    wait.until(two_pages)
    time.sleep(1.0)  # let the last debounced refresh land
    wait.until(two_pages)
    texts = driver.execute_script(
        "return Array.from(document.querySelectorAll('#pages svg.vb-page')).map("
        "p => Array.from(p.querySelectorAll('g.vb-text')).map(g => g.dataset.text).join(' '));"
    )
    allt = " ".join(texts)
    check(len(texts) >= 2, f"the preview shows {len(texts)} pages")
    check("TÌNH HÌNH CHUNG" in allt.upper(), "section I is on the pages")
    check("NHIỆM VỤ NĂM 2024" in allt.upper(), "section II is on the pages")
    check("Phạm Văn Hùng" in allt, "the signer is on the pages")
    check(len(texts[1].strip()) > 200, "the second page has text")
    errs = driver.execute_script(
        "return Array.from(document.querySelectorAll('.err')).map(e => e.textContent).join('');"
    )
    check(errs == "", "no error is shown: " + errs)
    driver.save_screenshot(os.path.join(OUT, "1-preview.png"))

    # Download the PDF.
    field("b-pdf").click()
    pdf = None
    for _ in range(120):
        done = [f for f in os.listdir(downloads) if f.endswith(".pdf")]
        if done:
            pdf = os.path.join(downloads, done[0])
            break
        time.sleep(0.5)
    check(pdf is not None, "the PDF is downloaded")
    shutil.copy(pdf, os.path.join(OUT, "bao-cao.pdf"))

    # Save the JSON, reload the page, reopen the JSON: the form comes back.
    field("b-json").click()
    saved = None
    for _ in range(60):
        done = [f for f in os.listdir(downloads) if f.endswith(".json")]
        if done:
            saved = os.path.join(downloads, done[0])
            break
        time.sleep(0.5)
    check(saved is not None, "the JSON is saved")
    shutil.copy(saved, os.path.join(OUT, "bao-cao.json"))
    driver.get(URL)
    field("f-open").send_keys(saved)
    wait.until(lambda d: field("f-name").get_attribute("value") == "ỦY BAN NHÂN DÂN XÃ BA ĐIỀN")
    check(field("f-date").get_attribute("value") == "15/3/2024", "the date comes back")
    check(field("f-sig-tm").get_attribute("value") == "ỦY BAN NHÂN DÂN", "the signer comes back")
    back = field("f-body").get_attribute("value")
    check(back.startswith("I. Tình hình chung\n") and "\nII. Nhiệm vụ năm 2024\n" in back, "the body text comes back")
    check("- Tiếp tục **cải cách hành chính**;" in back, "the list and its markup come back")
    wait.until(two_pages)

    # A mistake in the date: 31 February.
    date = field("f-date")
    date.clear()
    date.send_keys("31/2/2024")
    wait.until(lambda d: field("err-date").text.strip() != "")
    msg = field("err-date").text
    print("date message:", msg)
    check(field("f-date").get_attribute("aria-invalid") == "true", "the date field is marked invalid")
    check(field("err-general").text.strip() == "", "the message is at the date field, not elsewhere")
    # Bring the date field into view for the screenshot.
    driver.execute_script("document.getElementById('f-date').scrollIntoView({block: 'center'});")
    driver.save_screenshot(os.path.join(OUT, "2-date-error.png"))
    with open(os.path.join(OUT, "date-message.txt"), "w", encoding="utf-8") as f:
        f.write(msg)

    # Keyboard: Tab from the type chooser reaches the file button and the downloads.
    field("f-type").click()
    field("f-type").send_keys(Keys.ESCAPE)
    order = []
    for _ in range(5):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        order.append(driver.switch_to.active_element.get_attribute("id"))
    print("tab order:", order)
    check("b-pdf" in order and "b-docx" in order, "download buttons are reachable with Tab")

    # Open a JSON made elsewhere (the Ba Tô report: number null, partial
    # date, a body the text box cannot show): nothing lost, no error.
    fixture = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../fixtures/bao-cao-ba-to.json")
    field("f-open").send_keys(os.path.normpath(fixture))
    wait.until(lambda d: field("f-name").get_attribute("value") == "ỦY BAN NHÂN DÂN XÃ BA TÔ")
    wait.until(lambda d: re.search(r"có \d+ trang", field("status").text))
    n = len(driver.find_elements(By.CSS_SELECTOR, "#pages svg.vb-page"))
    check(n >= 5 and f"có {n} trang" in field("status").text, f"the report's {n} pages are shown")
    check(field("f-date").get_attribute("value") == "2023-06", "a partial date stays as given")
    check(field("f-number").get_attribute("value") == "", "no number: blank for the clerk")
    errs = driver.execute_script(
        "return Array.from(document.querySelectorAll('.err')).map(e => e.textContent).join('');"
    )
    check(errs == "", "the Ba Tô report opens without error: " + errs)
    driver.save_screenshot(os.path.join(OUT, "3-open-ba-to.png"))
finally:
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)
print("browser test passed")
