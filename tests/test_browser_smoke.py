"""A reader in real Chromium: language switch, Chinese search, a clean console."""

import pytest
from playwright.sync_api import expect


def test_switch_language_from_english_home_to_chinese_home(page, server):
    page.goto(server)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator(".md-header__option .md-select button").hover()
    page.locator('.md-select__link[hreflang="zh"]').click()
    page.wait_for_url(f"{server}zh/")
    expect(page.locator("html")).to_have_attribute("lang", "zh")
    assert page.console_errors == []


def search(page, query: str):
    """Type a query the way a reader does; Material's search listens for keyup, which typing CJK skips."""
    page.locator("label.md-search__icon, .md-header__button[for='__search']").first.click()
    field = page.locator("input.md-search__input")
    field.fill(query)
    field.press("End")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    return results


def test_chinese_search_finds_a_word_from_the_middle_of_a_sentence(page, server):
    page.goto(f"{server}zh/")
    # "截图" sits inside "您自己的截图很快可能就是唯一的副本" on the Chinese home page.
    results = search(page, "截图")
    texts = [text.replace("\u200b", "") for text in results.all_inner_texts()]
    assert any("截图" in text for text in texts)
    assert page.console_errors == []


# Every page at 320 px is in test_every_page_browser.py; this is the guide with an outcome open.
@pytest.mark.parametrize("path", ["what-to-do/?path=safety"])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_pages_fit_a_320_pixel_phone_without_sideways_scrolling(browser, server, language, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{server}{'' if language == 'en' else 'zh/'}{path}")
    expect(page.locator("article")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()
