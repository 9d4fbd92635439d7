"""The summary for a lawyer in real Chromium: reached from an outcome and from a checklist, in both
languages; the printed PDF (pages and text); copy as text; the link rebuilding it in a fresh browser with
empty storage; the date arithmetic; and nothing sent anywhere (every request same-origin)."""

import io
import os
import re
import unicodedata
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from conftest import ROOT, page_script_held
from flowchart_graph import parse
from playwright.sync_api import expect
from pypdf import PdfReader

NORWICH = "safety.about-you.seen.true-or-false.know-poster.anon-want.norwich"
TODAY = "2026-12-01T12:00:00"


def chart(language: str):
    found, _ = parse((ROOT / "docs" / language / "what-to-do.md").read_text(encoding="utf-8"), language)
    return found.node_map()


def sentences(language: str, path: str) -> list[str]:
    """The summary sentences of the answers along a path, and of its outcome, from the Markdown."""
    nodes, ids = chart(language), path.split(".")
    found = [
        next(a.summary for a in nodes[a_id].answers if a.target == b_id)
        for a_id, b_id in zip(ids, ids[1:], strict=False)
    ]
    return found + [nodes[ids[-1]].summary]


def prefix(language: str) -> str:
    return "" if language == "en" else f"{language}/"


def sheet(page):
    return page.locator("[data-lc-sum-sheet]")


def pdf_text(pdf: bytes) -> tuple[int, list[str]]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), [page.extract_text() for page in reader.pages]


def test_facts_entered_before_the_script_arrives_are_kept(page, server):
    page.clock.set_fixed_time(TODAY)
    with page_script_held(page) as held:
        page.goto(f"{server}for-your-lawyer/?path={NORWICH}&reach=1-10", wait_until="commit")
        page.check("input[name=where][value=group]")  # the form is in the built page
        page.fill("input[name=seen]", "2026-11-20")
        page.check("input[name=reach][value='10-100']")  # the reader's change wins over the address
        assert held and page.evaluate("!document.documentElement.classList.contains('lc-sum-js')")
    expect(sheet(page)).to_contain_text("It was posted in a WeChat group chat.")
    expect(page).to_have_url(re.compile(r"where=group"))
    query = parse_qs(urlparse(page.url).query)
    assert query["seen"] == ["2026-11-20"] and query["reach"] == ["10-100"]
    expect(page.locator("input[name=where][value=group]")).to_be_checked()
    assert page.console_errors == []


# --- the date arithmetic (pure functions of the page script, run in Chromium) ---------------------


@pytest.fixture
def dates(page, server):
    page.goto(server + "404.html")  # a page without the summary
    page.add_script_tag(url=server + "assets/javascripts/lc-summary-dates.js")
    return lambda expression: page.evaluate(f"(() => {{ const d = window.lcSummaryDates; return {expression}; }})()")


@pytest.mark.parametrize(
    ("seen", "posted", "notice", "claim", "general"),
    [
        # The day of learning is day one: six weeks end on day 42, months the day before the same date.
        ("2026-11-20", None, "2026-12-31", "2027-02-19", "2028-11-19"),
        # Across a year end.
        ("2026-12-31", None, "2027-02-10", "2027-03-30", "2028-12-30"),
        # Month ends: 31 January + 3 months is 30 April (April has no 31st), then the day before.
        ("2026-01-31", None, "2026-03-13", "2026-04-29", "2028-01-30"),
        # A leap day: 29 February 2028 + 24 months is 28 February 2030 (no 29th), then the day before.
        ("2028-02-29", None, "2028-04-10", "2028-05-28", "2030-02-27"),
        # Three months from 30 November 2027 land on 29 February 2028 (a leap year), then the day before.
        ("2027-11-30", None, "2028-01-10", "2028-02-28", "2029-11-29"),
        # Posted earlier than seen: the two years run from the posting day, the Act's periods from seeing it.
        ("2026-11-20", "2026-10-01", "2026-12-31", "2027-02-19", "2028-09-30"),
        # A posting day after the seeing day is not used.
        ("2026-11-20", "2026-11-25", "2026-12-31", "2027-02-19", "2028-11-19"),
    ],
)
def test_deadlines(dates, seen, posted, notice, claim, general):
    posted_js = f"d.parse('{posted}')" if posted else "null"
    due = dates(
        f"(x => ({{notice: d.iso(x.notice), claim: d.iso(x.claim), general: d.iso(x.general)}}))"
        f"(d.deadlines(d.parse('{seen}'), {posted_js}))"
    )
    assert due == {"notice": notice, "claim": claim, "general": general}


def test_impossible_dates_are_refused(dates):
    assert dates("['2026-02-29', '2028-02-29', '2026-13-01', '2026-04-31', '26-1-1', ''].map(t => !!d.parse(t))") == [
        False,
        True,
        False,
        False,
        False,
        False,
    ]


# --- reaching it, in both languages -----------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "zh"])
def test_from_an_outcome_with_facts_and_dates_in_the_readers_language_and_english(page, server, language):
    page.clock.set_fixed_time(TODAY)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{server}{prefix(language)}what-to-do/?path={NORWICH}")
    page.locator("[data-lc-fc-lawyer] a").click()
    expect(page).to_have_url(re.compile(r"/for-your-lawyer/\?path=" + re.escape(NORWICH)))
    page.check("input[name=where][value=group]")
    page.fill("input[name=seen]", "2026-11-20")
    page.check("input[name=reach][value='10-100']")
    halves = sheet(page).locator(".lc-sum__half")
    expect(halves).to_have_count(1 if language == "en" else 2)
    reader, english = halves.first, halves.last
    expect(english).to_have_attribute("lang", "en")
    for sentence in sentences(language, NORWICH):
        expect(reader).to_contain_text(sentence)
    for sentence in sentences("en", NORWICH):
        expect(english).to_contain_text(sentence)
    expect(english).to_contain_text("It was posted in a WeChat group chat.")
    expect(english).to_contain_text("Roughly 10 to 100 people could see it.")
    expect(english).to_contain_text("Six-week written notice, which may apply: no later than 31 December 2026")
    expect(english).to_contain_text("General two-year limitation period: no later than 19 November 2028")
    expect(english).to_contain_text("Ask the lawyer about this first.")
    expect(english).to_contain_text("Prepared by the reader from general information on WeChat Legal Help Ontario")
    if language == "zh":
        expect(reader).to_contain_text("六周内送达书面诉讼通知（可能适用）：不晚于2026年12月31日")
        expect(reader).to_contain_text("内容发在微信群聊里。")
    query = parse_qs(urlparse(page.url).query)
    assert query["where"] == ["group"] and query["seen"] == ["2026-11-20"] and query["reach"] == ["10-100"]
    origin = server.rstrip("/")
    assert requests and all(url.startswith(origin) for url in requests), [
        u for u in requests if not u.startswith(origin)
    ]
    assert page.console_errors == []


@pytest.mark.parametrize("language", ["en", "zh"])
def test_from_a_checklist_with_its_ticks_done_and_not_done(page, server, language):
    page.goto(f"{server}{prefix(language)}online/")
    checklist = page.locator('.lc-checklist[data-lc-checklist="preserve-evidence"]')
    boxes = checklist.locator("input.lc-checklist__box")
    boxes.nth(0).check()
    boxes.nth(2).check()
    done = [checklist.locator(".lc-checklist__label").nth(i).inner_text().strip() for i in (0, 2)]
    total = boxes.count()
    link = checklist.locator("[data-lc-lawyer-link]")
    expect(link).to_have_attribute(
        "href", re.compile(r"for-your-lawyer/\?list=preserve-evidence&ticks=preserve-evidence:[a-z-]+\.[a-z-]+$")
    )
    link.click()
    expect(page).to_have_url(re.compile(r"/for-your-lawyer/\?"))
    assert parse_qs(urlparse(page.url).query)["list"] == ["preserve-evidence"]
    reader = sheet(page).locator(".lc-sum__half").first
    expect(reader.locator(".lc-sum__done")).to_have_count(2)
    for text in done:
        expect(reader.locator(".lc-sum__done").filter(has_text=text[:12])).to_have_count(1)
    expect(reader.locator(".lc-sum__not-done")).to_have_count(total - 2)
    english = sheet(page).locator(".lc-sum__half").last
    expect(english.locator(".lc-sum__done")).to_have_count(2)
    expect(english).to_contain_text("Done")
    expect(english).to_contain_text("I have not used the guide's questions.")


def test_an_outcome_for_the_accused_leaves_the_dates_out(page, server):
    page.goto(f"{server}for-your-lawyer/?path=safety.accused-route&seen=2026-11-20")
    expect(sheet(page)).to_contain_text("Someone says that something I posted defamed them.")
    expect(sheet(page)).not_to_contain_text("no later than")


# --- taking it along ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "pages"), [("en", 1), ("zh", 2)])
def test_printed_pdf_is_one_page_per_language_with_the_address(page, server, language, pages):
    page.clock.set_fixed_time(TODAY)
    address = f"{server}{prefix(language)}for-your-lawyer/?path={NORWICH}&where=moments&seen=2026-11-20&up=yes"
    page.goto(address + "&ticks=preserve-evidence:screenshots")
    expect(sheet(page).locator(".lc-sum__half")).to_have_count(pages)
    qr = sheet(page).locator("[data-lc-sum-qr]")
    expect(qr.first).to_have_attribute("src", re.compile("^data:image/png;base64,"))
    pdf = page.pdf(format="A4")
    count, texts = pdf_text(pdf)
    assert count == pages
    assert all(len(sheet_page.images) == 1 for sheet_page in PdfReader(io.BytesIO(pdf)).pages)  # a QR code each
    flat = [re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)) for text in texts]  # PDF text may use radicals
    assert "SummaryforalawyerPreparedbythereader" in flat[-1]
    assert "Theguidepointedmetoaskingacourt" in flat[-1]
    assert "It was posted on WeChat Moments".replace(" ", "") in flat[-1]
    assert "for-your-lawyer/?path=" in flat[-1]  # the address that rebuilds it
    assert "Whatshouldido" not in flat[0].lower()  # the page around the summary is not printed
    if language == "zh":
        assert "给律师看的摘要" in flat[0] and "内容发在微信朋友圈里。" in flat[0]
    assert count == len(PdfReader(io.BytesIO(page.pdf(format="Letter"))).pages)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_copy_as_text_and_the_link_rebuild_it_in_a_fresh_browser(browser, page, server, language):
    page.clock.set_fixed_time(TODAY)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{server}{prefix(language)}for-your-lawyer/?path={NORWICH}")
    page.check("input[name=poster][value=unknown]")
    page.fill("input[name=seen]", "2026-11-20")
    page.locator("[data-lc-sum-copy-text]").click()
    expect(page.locator("[data-lc-sum-status]")).not_to_be_empty()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("[data-lc-sum-share-text]").input_value()
    assert (
        "I do not know who posted it." in copied and "- First, I want to find out who is behind the account." in copied
    )
    assert ("我不知道是谁发的。" in copied) == (language == "zh")
    link = page.locator("[data-lc-sum-link]").input_value()
    assert link == page.url
    original = sheet(page).inner_text()

    fresh = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        other = fresh.new_page()
        other.clock.set_fixed_time(TODAY)
        other.goto(link)
        assert other.evaluate("localStorage.getItem('lc-summary')") == urlparse(link).query  # saved from the link
        expect(sheet(other).locator(".lc-sum__half")).to_have_count(1 if language == "en" else 2)
        assert sheet(other).inner_text() == original
    finally:
        fresh.close()


def test_storage_keeps_the_facts_when_the_page_is_reopened_without_its_address(page, server):
    page.goto(f"{server}for-your-lawyer/?path={NORWICH}")
    page.check("input[name=up][value=no]")
    page.goto(f"{server}for-your-lawyer/")
    expect(page.locator("input[name=up][value=no]")).to_be_checked()
    expect(page).to_have_url(re.compile(r"path=" + re.escape(NORWICH)))
    expect(sheet(page)).to_contain_text("It has been taken down or deleted.")


def test_in_wechat_the_calendar_is_not_offered_and_copying_is(browser, server):
    agent = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120 Mobile MicroMessenger/8.0.50"
    context = browser.new_context(user_agent=agent, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(f"{server}zh/for-your-lawyer/?path={NORWICH}&seen=2026-11-20")
        expect(page.locator("[data-lc-sum-wechat]")).to_be_visible()
        expect(page.locator("[data-lc-sum-calendar]")).to_be_hidden()
        expect(page.locator("[data-lc-sum-copy-text]")).to_be_visible()
    finally:
        context.close()


def test_the_calendar_file_has_the_dates_in_the_readers_language(page, server):
    page.clock.set_fixed_time(TODAY)
    page.goto(f"{server}zh/for-your-lawyer/?path={NORWICH}&seen=2026-11-20")
    with page.expect_download() as download:
        page.locator("[data-lc-sum-calendar]").click()
    ics = Path(download.value.path()).read_text(encoding="utf-8")
    assert ics.count("BEGIN:VEVENT") == 3
    assert "DTSTART;VALUE=DATE:20261231" in ics and "DTSTART;VALUE=DATE:20281119" in ics
    assert "可能的期限" in ics


# --- golden: the English a lawyer reads, generated from the choices --------------------------------

GOLDEN = {
    "norwich-all-facts": f"path={NORWICH}&where=group&posted=2026-11-02&seen=2026-11-20&up=yes&reach=100-500"
    "&poster=unknown&ticks=preserve-evidence:screenshots.backup",
    "scam-no-dates": "path=safety.under-18.scam-help&where=private&seen=2026-11-20&up=no&reach=under-10&poster=known",
}


@pytest.mark.parametrize("case", sorted(GOLDEN))
def test_the_english_text_matches_its_golden_file(page, server, case):
    """Run with UPDATE_GOLDEN=1 to rewrite tests/golden/lawyer-summary.*.txt after an intended change."""
    page.clock.set_fixed_time(TODAY)
    page.goto(f"{server}zh/for-your-lawyer/?{GOLDEN[case]}")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.locator("[data-lc-sum-copy-text]").click()
    expect(page.locator("[data-lc-sum-share]")).to_be_visible()
    text = page.locator("[data-lc-sum-share-text]").input_value()
    english = text.split("\n\n----------\n\n")[1].replace(server, "https://example.org/")
    golden = ROOT / "tests" / "golden" / f"lawyer-summary.{case}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(english + "\n", encoding="utf-8")
    assert english + "\n" == golden.read_text(encoding="utf-8")


# --- the Traditional edition, switching language, blocked storage ------------------------------------


def test_the_traditional_edition_has_a_traditional_half_and_an_english_half(page, server):
    page.clock.set_fixed_time(TODAY)
    page.goto(f"{server}zh-Hant/for-your-lawyer/?path={NORWICH}&where=group&seen=2026-11-20")
    halves = sheet(page).locator(".lc-sum__half")
    expect(halves).to_have_count(2)
    expect(halves.first).to_have_attribute("lang", "zh-Hant")
    traditional = halves.first.inner_text()
    assert "給律師看的摘要" in traditional and "內容發在微信群聊裡" in traditional
    assert "给律师" not in traditional  # no Simplified left over
    expect(halves.last).to_contain_text("It was posted in a WeChat group chat.")


def test_switching_language_keeps_the_summary(page, server):
    from test_language_switch import switch_to

    page.goto(f"{server}zh/for-your-lawyer/?path={NORWICH}&where=moments&seen=2026-11-20")
    switch_to(page, "en")
    expect(page).to_have_url(re.compile(r"/for-your-lawyer/\?"))
    assert "/zh/" not in page.url
    halves = sheet(page).locator(".lc-sum__half")
    expect(halves).to_have_count(1)
    expect(halves.first).to_contain_text("It was posted on WeChat Moments.")
    expect(page.locator("input[name=where][value=moments]")).to_be_checked()


def test_with_storage_blocked_the_summary_still_works_from_its_address(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(
        """Object.defineProperty(window, 'localStorage', {
             get() { throw new DOMException('blocked', 'SecurityError'); }
           });"""
    )
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{server}for-your-lawyer/?path={NORWICH}")
        page.check("input[name=up][value=yes]")
        expect(sheet(page)).to_contain_text("It is still up.")
        assert "up=yes" in page.url
        assert errors == []
    finally:
        context.close()


def test_without_javascript_the_page_says_the_form_needs_it_and_offers_no_buttons(browser, server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(f"{server}zh/for-your-lawyer/")
        expect(page.locator(".lc-sum__noscript")).to_be_visible()
        expect(page.locator("[data-lc-sum-print]")).to_be_hidden()
        expect(page.locator("[data-lc-sum-copy-text]")).to_be_hidden()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


def test_nothing_above_the_form_moves_when_the_script_starts(page, server):
    """The form is in the page as built, so the script adds nothing above it: no layout shift to speak of."""
    page.goto(f"{server}zh/for-your-lawyer/?path={NORWICH}&seen=2026-11-20")
    expect(sheet(page).locator(".lc-sum__half")).to_have_count(2)
    shift = page.evaluate(
        """() => {
             const observer = new PerformanceObserver(() => {});
             observer.observe({ type: "layout-shift", buffered: true });
             const total = observer.takeRecords().filter(e => !e.hadRecentInput).reduce((sum, e) => sum + e.value, 0);
             observer.disconnect();
             return total;
           }"""
    )
    assert shift < 0.05, f"layout shift {shift:.3f}"
