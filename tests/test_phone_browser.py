"""The reader on a phone, often inside WeChat: the first screen, tap to call, the checklist link and text,
the WeChat hint, Back in the guide, and no sideways scroll without JavaScript. Every page with storage blocked:
tests/test_every_page_browser.py."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
WECHAT_UA = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 "
    "Chrome/120.0.0.0 Mobile Safari/537.36 XWEB/1200 MMWEBSDK/20240301 MicroMessenger/8.0.47.2560(0x28002F37) "
    "WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64"
)
BLOCK_STORAGE = """
for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, { get() { throw new DOMException("blocked", "SecurityError"); } });
}
"""


@pytest.fixture
def phone(browser, server):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


@pytest.mark.parametrize("prefix", ["", "zh/", "zh-Hant/"])
def test_the_ways_in_are_on_the_first_screen(phone, server, prefix):
    phone.goto(server + prefix)
    bar_top = phone.locator(".lc-quick-exit").bounding_box()["y"]
    cards = phone.locator(".lc-ways a")
    assert cards.count() >= 3
    for index in range(3):
        box = cards.nth(index).bounding_box()
        assert box["y"] + box["height"] <= bar_top, f"way in {index + 1} ends at {box['y'] + box['height']}"
    title = phone.locator("h1").first.bounding_box()
    notice = phone.locator(".lc-notice").bounding_box()
    assert title["y"] < notice["y"]  # the title comes first; the review line is under it


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_in_short_is_body_size_and_there_is_no_edit_pencil(phone, server, prefix):
    phone.goto(f"{server}{prefix}defamation/")
    size = phone.evaluate("getComputedStyle(document.querySelector('.admonition.abstract p:last-child')).fontSize")
    body = phone.evaluate("getComputedStyle(document.querySelector('.md-content article > p')).fontSize")
    assert float(size.removesuffix("px")) >= float(body.removesuffix("px"))
    assert phone.locator(".md-content__button").count() == 0
    expect(phone.locator(".lc-sources__edit a")).to_have_count(1)


@pytest.mark.parametrize("prefix", ["", "zh/", "zh-Hant/"])
def test_every_phone_number_can_be_tapped(phone, server, prefix):
    phone.goto(f"{server}{prefix}help/")
    unlinked = phone.evaluate(
        """() => {
          const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
          const found = [];
          while (walker.nextNode()) {
            const node = walker.currentNode;
            if (node.parentElement.closest('a, code, pre')) continue;
            const match = node.textContent.match(/\\b(1-\\d{3}-\\d{3}-\\d{4}|9-8-8|911)\\b/);
            if (match) found.push(match[0]);
          }
          return found;
        }"""
    )
    assert unlinked == []
    assert phone.locator('a[href="tel:911"]').count() >= 1
    assert phone.locator('a[href^="tel:+1-"]').count() >= 2


def test_the_checklist_link_restores_the_ticks_in_a_fresh_browser(browser, server):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{server}zh/checklists/")
    boxes = page.locator("input.lc-checklist__box")
    boxes.nth(0).check()
    boxes.nth(2).check()
    page.locator(".lc-checklist__link").first.click()
    link = page.locator(".lc-checklist__share-text").first.input_value()
    assert "?ticks=" in link and link.startswith(server)
    context.close()
    fresh = browser.new_context(**PHONE)  # another device: empty storage
    other = fresh.new_page()
    other.goto(link)
    boxes = other.locator(".lc-checklist").first.locator("input.lc-checklist__box")
    expect(boxes.nth(0)).to_be_checked()
    expect(boxes.nth(1)).not_to_be_checked()
    expect(boxes.nth(2)).to_be_checked()
    fresh.close()


def test_copy_as_text_lists_every_item_with_its_tick_and_the_address(phone, server):
    phone.goto(f"{server}checklists/")
    first = phone.locator(".lc-checklist").first
    first.locator("input.lc-checklist__box").first.check()
    first.locator(".lc-checklist__copy").click()
    text = first.locator(".lc-checklist__share-text").input_value()
    lines = text.splitlines()
    assert lines[1].startswith("☑ ") and all(line.startswith("☐ ") for line in lines[2:-2])
    assert re.match(rf"{re.escape(server)}checklists/\?ticks=", lines[-1])


def test_the_wechat_hint_shows_in_wechat_only(browser, server):
    for agent, shown in ((WECHAT_UA, True), (None, False)):
        context = browser.new_context(**PHONE, **({"user_agent": agent} if agent else {}))
        page = context.new_page()
        page.goto(f"{server}zh/checklists/")
        hint = page.locator(".lc-checklist__wechat").first
        (expect(hint).to_be_visible() if shown else expect(hint).to_be_hidden())
        if shown:
            expect(hint).to_contain_text("在浏览器打开")
        context.close()


def test_back_in_the_guide_goes_back_through_history(phone, server):
    phone.goto(f"{server}what-to-do/")
    widget = phone.locator("[data-lc-flowchart]")
    widget.locator(".lc-fc__answer").nth(2).click()  # No, someone posted something about me
    expect(phone).to_have_url(re.compile(r"path=safety\.about-you$"))
    widget.locator(".lc-fc__answer").first.click()
    expect(phone).to_have_url(re.compile(r"path=safety\.about-you\.seen$"))
    widget.locator("[data-lc-fc-back]").click()
    expect(phone).to_have_url(re.compile(r"path=safety\.about-you$"))
    phone.go_back()  # the phone's back gesture: the previous question, not the one just left
    expect(phone).to_have_url(re.compile(r"what-to-do/(\?path=safety)?$"))


@pytest.mark.parametrize("path", ["", "zh/checklists/", "zh-Hant/options/", "what-to-do/"])
def test_without_javascript_no_sideways_scroll_and_no_promise(browser, server, path):
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(server + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for promise in page.locator(".lc-checklist__privacy").all():
        expect(promise).to_be_hidden()
    context.close()


@pytest.mark.parametrize("prefix", ["", "zh/", "zh-Hant/"])
def test_print_my_result_is_one_page_with_the_answers_and_the_address(phone, server, prefix):
    from test_checklists_browser import pdf_page_count

    phone.goto(f"{server}{prefix}what-to-do/?path=safety.about-you.seen.true-or-false.know-poster.anon-want")
    widget = phone.locator("[data-lc-flowchart]")
    expect(widget.locator("[data-lc-fc-print-result]")).to_be_hidden()  # a question: nothing to print yet
    widget.locator(".lc-fc__answer").first.click()
    button = widget.locator("[data-lc-fc-print-result]")
    expect(button).to_be_visible()
    phone.evaluate("window.print = () => {}")
    button.click()
    sheet = phone.locator("[data-lc-fc-result-print]")
    assert (
        "?path=safety.about-you.seen.true-or-false.know-poster.anon-want."
        in sheet.locator("[data-lc-fc-result-address]").inner_text()
    )
    expect(sheet.locator("[data-lc-fc-result-answers] li")).to_have_count(6)
    # The QR code is the address that reopens this result, as lean-qr draws it for that address.
    qr = sheet.locator("[data-lc-fc-result-qr]")
    expect(qr).to_have_attribute("src", re.compile("^data:image/png;base64,"))
    source = sheet.get_attribute("data-lc-qr-src")
    expected = phone.evaluate(
        "([src, text]) => import(new URL(src, document.baseURI).href).then(qr => qr.generate(text).toDataURL({ scale: 4 }))",
        [source, phone.url],
    )
    assert qr.get_attribute("src") == expected
    phone.emulate_media(media="print")
    expect(sheet).to_be_visible()
    expect(qr).to_be_visible()
    expect(phone.locator(".lc-fc-outline")).to_be_hidden()
    assert pdf_page_count(phone.pdf(format="A4")) == 1
