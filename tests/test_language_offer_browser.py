"""The front door: a reader whose browser prefers Chinese is offered their edition in its script, on English
pages only, never redirected; the offer can be dismissed and stays dismissed where storage allows."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

OFFERS = {"zh-Hant": "本網站有繁體中文版：按此閱讀", "zh": "本网站有简体中文版：点此阅读"}


def visit(browser, server, locale: str, path: str = ""):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale=locale)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{server}{path}")
    return context, page, errors


@pytest.mark.parametrize(
    ("locale", "edition"), [("zh-TW", "zh-Hant"), ("zh-HK", "zh-Hant"), ("zh-CN", "zh"), ("zh-SG", "zh")]
)
def test_a_chinese_browser_is_offered_its_edition_of_this_page(browser, server, locale, edition):
    context, page, errors = visit(browser, server, locale, "defamation/#deadlines")
    offer = page.locator(f'[data-lc-offer="{edition}"]')
    expect(offer).to_be_visible()
    expect(offer.locator("a")).to_have_text(OFFERS[edition])
    assert page.url == f"{server}defamation/#deadlines"  # no redirect
    with page.expect_navigation():
        offer.locator("a").click()
    assert page.url.startswith(f"{server}{edition}/defamation/")
    assert errors == []
    context.close()


def test_no_offer_for_an_english_browser_or_on_chinese_pages(browser, server):
    context, page, _ = visit(browser, server, "en-CA")
    expect(page.locator("[data-lc-language-suggestion]")).to_be_hidden()
    context.close()
    context, page, _ = visit(browser, server, "zh-CN", "zh/")
    assert page.locator("[data-lc-language-suggestion]").count() == 0
    context.close()


def test_a_dismissed_offer_stays_dismissed(browser, server):
    context, page, _ = visit(browser, server, "zh-HK")
    page.locator('[data-lc-offer="zh-Hant"] button').click()
    expect(page.locator("[data-lc-language-suggestion]")).to_be_hidden()
    page.reload()
    expect(page.locator("[data-lc-language-suggestion]")).to_be_hidden()
    context.close()


def test_the_header_names_the_edition(browser, server):
    for path, short, name in (("", "EN", "English"), ("zh/", "简", "简体中文"), ("zh-Hant/", "繁", "繁體中文")):
        context, page, _ = visit(browser, server, "en-CA", path)
        expect(page.locator(".lc-language-button__short")).to_have_text(short)
        # Label in name (WCAG 2.5.3): what the button shows, short or long, is in its accessible name.
        label = page.locator(".lc-language-button").get_attribute("aria-label")
        assert name in label and short.lower() in label.lower(), label
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        context.close()
